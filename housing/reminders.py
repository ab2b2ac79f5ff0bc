"""Reminders of field work: the start page, the morning digest, the calendar feed.

All three read the same rules: ``FollowUp.objects.overdue(today)``, the caseload's
``next_visit`` (the latest visit's planned next one) and open concerns.
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.roles import Role, has_role
from housing.models import (
    ConcernStatus,
    DigestSent,
    FollowUp,
    Household,
    LandlordConcern,
)

CONCERN_OPEN_DAYS = 14
DIGEST_DAYS_AHEAD = 1  # planned visits of today and tomorrow


def field_work_summary(user, today) -> dict:
    """What needs doing, for ``user`` on ``today``: the start page shows it and the
    morning digest mails it (one rule for both)."""
    households = Household.objects.visible_to(user)
    context = {"today": today}
    if has_role(user, Role.COMPANION):
        own = households.filter(companions=user)
        context["companion"] = True
        context["planned_today"] = list(own.caseload(today).filter(next_visit=today))
        context["overdue"] = list(
            FollowUp.objects.visible_to(user)
            .filter(household__companions=user)
            .overdue(today)
            .select_related("household")
        )
        context["household_count"] = own.count()
    if user.has_perm("housing.change_household"):
        context["coordinator"] = True
        context["unassigned"] = list(households.filter(companions__isnull=True)[:20])
        context["old_concerns"] = list(
            LandlordConcern.objects.visible_to(user)
            .exclude(status=ConcernStatus.RESOLVED)
            .filter(reported_on__lt=today - dt.timedelta(days=CONCERN_OPEN_DAYS))
            .select_related("tenancy__household")
            .order_by("reported_on")[:20]
        )
        context["open_concern_count"] = (
            LandlordConcern.objects.visible_to(user).exclude(status=ConcernStatus.RESOLVED).count()
        )
    return context


def planned_visits(user, since: dt.date):
    """The companion's own households with a planned next visit on or after ``since``."""
    own = Household.objects.visible_to(user).filter(companions=user)
    return own.caseload(since).filter(next_visit__gte=since).order_by("next_visit", "pk")


def _link(name, *args) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def _label(household) -> str:
    # No names in a mail (it may be read on any device): number and district.
    return _("Household no. %(number)s (%(district)s)") % {
        "number": household.pk,
        "district": household.district,
    }


def digest_text(user, today) -> str:
    """The morning mail for ``user``, or "" when there is nothing to say.

    Links and counts, no case notes and no names."""
    summary = field_work_summary(user, today)
    lines = []
    if summary.get("companion"):
        upcoming = list(
            planned_visits(user, today).filter(
                next_visit__lte=today + dt.timedelta(days=DIGEST_DAYS_AHEAD)
            )
        )
        if summary["overdue"]:
            lines.append(_("Overdue follow-ups:"))
            lines += [
                f"- {_label(f.household)}, {f.due_on:%d.%m.%Y}: "
                + _link("housing_timeline", f.household_id)
                for f in summary["overdue"]
            ]
        if upcoming:
            lines.append(_("Planned visits:"))
            lines += [
                f"- {h.next_visit:%d.%m.%Y} {_label(h)}: " + _link("housing_log_visit", h.pk)
                for h in upcoming
            ]
    if summary.get("coordinator"):
        if summary["unassigned"]:
            lines.append(_("Households without a companion:"))
            lines += [
                f"- {_label(h)}: " + _link("housing_assign_companions", h.pk)
                for h in summary["unassigned"]
            ]
        if summary["old_concerns"]:
            lines.append(_("Concerns open for more than 14 days:"))
            lines += [
                f"- {c.reported_on:%d.%m.%Y}: " + _link("concerns:edit", c.pk)
                for c in summary["old_concerns"]
            ]
    if not lines:
        return ""
    return "\n".join([_("Good morning,"), "", *lines, "", _link("wagtailadmin_home")])


def send_digests(today: dt.date | None = None) -> int:
    """Mail each companion and coordinator their digest once a day (idempotent:
    ``DigestSent`` is unique per person and day). Returns the number of mails."""
    today = today or timezone.localdate()
    sent = 0
    people = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[Role.COMPANION, Role.COORDINATOR])
        .exclude(email="")
        .distinct()
    )
    for user in people:
        with translation.override(settings.LANGUAGE_CODE):
            text = digest_text(user, today)
            subject = _("Field work on %(date)s") % {"date": f"{today:%d.%m.%Y}"}
        if not text:
            continue
        try:
            with transaction.atomic():
                DigestSent.objects.create(user=user, day=today)
                send_mail(subject, text, None, [user.email])
        except IntegrityError:
            continue  # already sent today
        sent += 1
    return sent


def ics_feed(user, today) -> str:
    """The ICS text of ``user``'s planned visits from today: no names, no notes."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Mietfuehrerschein//Klartext//DE"]
    for household in planned_visits(user, today):
        day = household.next_visit
        lines += [
            "BEGIN:VEVENT",
            f"UID:visit-{household.pk}-{day:%Y%m%d}@mietfuehrerschein",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
            "SUMMARY:" + _escape(_("Home visit: %(label)s") % {"label": _label(household)}),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
