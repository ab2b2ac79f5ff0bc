"""The household timeline: everything the programme knows about a household, newest first.

Sections come from a small registry so that other apps can add theirs (course
enrolments, attendance, exam results, certificates) without housing importing
them: an app calls ``housing.timeline.register(Section(...))`` from its
``AppConfig.ready()``. Each section names the permission a user needs to see it;
the page shows only the sections the user may read.

A section's ``collect(households, user)`` receives the household (already checked
for scope) and must use a fixed number of queries however many records there are.
A section whose entries are costly to describe (home visits: companions and topics)
may yield them with only date, title and ``source`` and name a ``complete(entries)``
that fills in the rest in a fixed number of queries: the page calls it only for the
entries it shows (``page()``), so a household with hundreds of visits costs one page.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


@dataclass
class Entry:
    date: dt.date
    section: str
    title: str
    lines: list[str] = field(default_factory=list)
    url: str = ""
    warning: bool = False
    # Buttons under the entry: (label, url, sent as POST?), only those the user may use.
    actions: list[tuple[str, str, bool]] = field(default_factory=list)
    # The record behind the entry, for a section's ``complete``.
    source: object = None


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    permission: str
    collect: Callable[[object, object], Iterable[Entry]]
    order: int = 100
    # Fills in the entries' lines (and more) for the entries shown; fixed queries.
    complete: Callable[[list[Entry]], None] | None = None

    def allowed(self, user) -> bool:
        return user.has_perm(self.permission)


_sections: dict[str, Section] = {}


def register(section: Section) -> Section:
    """Add (or replace, by key) a section of the household timeline."""
    _sections[section.key] = section
    return section


def sections_for(user) -> list[Section]:
    return sorted(
        (s for s in _sections.values() if s.allowed(user)), key=lambda s: (s.order, s.key)
    )


TIMELINE_PER_PAGE = 30


def _collect(household, user, sections) -> list[Entry]:
    entries = []
    for section in sections:
        entries.extend(section.collect(household, user))
    entries.sort(key=lambda e: e.date, reverse=True)
    return entries


def _complete(sections, entries) -> None:
    for section in sections:
        if section.complete is not None:
            mine = [e for e in entries if e.section == section.key]
            if mine:
                section.complete(mine)


def build(household, user) -> tuple[list[Section], list[Entry]]:
    """The sections the user may see and all their entries, complete, newest first."""
    sections = sections_for(user)
    entries = _collect(household, user, sections)
    _complete(sections, entries)
    return sections, entries


def page(household, user, chosen="", number=None, per_page=TIMELINE_PER_PAGE):
    """(sections, page of entries): only ``chosen``'s entries if it is a section key;
    only the entries of the page are completed. Queries do not grow with the entries."""
    sections = sections_for(user)
    shown = [s for s in sections if s.key == chosen] or sections
    entries = _collect(household, user, shown)
    current = Paginator(entries, per_page).get_page(number)
    _complete(shown, current.object_list)
    return sections, current


def _date(value) -> str:
    return f"{value:%d.%m.%Y}"


# --- The housing app's own sections ------------------------------------------------------------


def _members(household, user):
    for person in household.members.all():
        yield Entry(
            person.entry_date,
            "members",
            _("%(name)s joined the programme") % {"name": person.full_name},
            [person.name_latin] if person.name_latin else [],
            reverse("participants:inspect", args=[person.pk]),
        )
        if person.exit_date:
            yield Entry(
                person.exit_date,
                "members",
                _("%(name)s left the programme") % {"name": person.full_name},
            )


def _tenancies(household, user):
    from housing.models import Tenancy

    tenancies = (
        Tenancy.objects.filter(household=household)
        .select_related("landlord", "flat")
        .prefetch_related("landlord__contacts")
    )
    for tenancy in tenancies:
        contacts = [
            " · ".join(filter(None, [c.name, c.function, c.phone, c.email]))
            for c in tenancy.landlord.contacts.all()
        ]
        landlord_line = " · ".join(filter(None, [tenancy.landlord.name, tenancy.landlord.phone]))
        lines = [str(tenancy.flat), _("Landlord: %(landlord)s") % {"landlord": landlord_line}]
        lines += [_("Contact: %(contact)s") % {"contact": c} for c in contacts]
        if tenancy.through_programme:
            lines.append(_("Came about through the programme."))
        lines.append(
            _("Holds the certificate: %(status)s") % {"status": tenancy.certificate_status()}
        )
        yield Entry(tenancy.start, "tenancies", _("Tenancy started"), lines)
        if tenancy.end:
            yield Entry(
                tenancy.end,
                "tenancies",
                _("Tenancy ended: %(outcome)s") % {"outcome": tenancy.get_outcome_display()},
                [str(tenancy.flat)],
                warning=tenancy.outcome == "eviction",
            )


def _concerns(household, user):
    from housing.models import LandlordConcern

    concerns = LandlordConcern.objects.filter(tenancy__household=household).select_related(
        "tenancy__landlord"
    )
    for concern in concerns:
        yield Entry(
            concern.reported_on,
            "concerns",
            _("Landlord concern: %(kind)s (%(status)s)")
            % {"kind": concern.get_kind_display(), "status": concern.get_status_display()},
            [concern.tenancy.landlord.name, concern.description],
            warning=concern.status != "resolved",
        )


def _visits(household, user):
    from housing.models import HomeVisit, VisitOutcome

    # Light: date and outcome of every visit, no model instances (a household may have
    # hundreds); the rest only for the page's visits (_complete_visits).
    titles = {
        value: _("Home visit: %(outcome)s") % {"outcome": label}
        for value, label in VisitOutcome.choices
    }
    rows = HomeVisit.objects.filter(household=household).values_list("pk", "date", "outcome")
    for pk, date, outcome in rows:
        yield Entry(date, "visits", titles.get(outcome, outcome), source=pk)


def _complete_visits(entries):
    from django.contrib.auth import get_user_model

    from housing.models import HomeVisit

    visits = HomeVisit.objects.filter(pk__in=[entry.source for entry in entries]).prefetch_related(
        Prefetch("companions", queryset=get_user_model().objects.order_by("first_name")),
        "topics",
    )
    by_pk = {visit.pk: visit for visit in visits}
    for entry in entries:
        visit = by_pk[entry.source]
        entry.url = reverse("visits:inspect", args=[visit.pk])
        names = ", ".join(c.get_full_name() or c.get_username() for c in visit.companions.all())
        topics = [t.title for t in visit.topics.all()]
        if visit.free_topics:
            topics.append(visit.free_topics)
        lines = [
            _("%(minutes)s minutes, %(language)s%(interpreted)s, by %(names)s")
            % {
                "minutes": visit.duration_minutes,
                "language": visit.get_language_display(),
                "interpreted": _(" (interpreted)") if visit.interpreted else "",
                "names": names,
            }
        ]
        if topics:
            lines.append(_("Topics: %(topics)s") % {"topics": ", ".join(topics)})
        for label, text in (
            (_("Observations"), visit.observations),
            (_("Agreed"), visit.agreed_actions),
        ):
            if text:
                lines.append(f"{label}: {text}")
        if visit.next_visit:
            lines.append(_("Next visit: %(date)s") % {"date": _date(visit.next_visit)})
        entry.lines = lines


def _follow_ups(household, user):
    from housing.models import FollowUp

    follow_ups = (
        FollowUp.objects.filter(household=household)
        .with_overdue(timezone.localdate())
        .select_related("done_by")
    )
    can_change = user.has_perm("housing.change_followup")
    for follow_up in follow_ups:
        edit = (_("Edit"), reverse("housing_follow_up_edit", args=[follow_up.pk]), False)
        if follow_up.status == "done":
            done_by = (
                follow_up.done_by.get_full_name() or follow_up.done_by.username
                if follow_up.done_by
                else ""
            )
            lines = [_("Done by %(name)s") % {"name": done_by}] if done_by else []
            reopen = (_("Reopen"), reverse("housing_follow_up_reopen", args=[follow_up.pk]), True)
            yield Entry(
                follow_up.done_on,
                "follow_ups",
                _("Follow-up done: %(title)s") % {"title": follow_up.title},
                lines + ([follow_up.note] if follow_up.note else []),
                actions=[reopen, edit] if can_change else [],
            )
        else:
            done = (_("Done"), reverse("housing_follow_up_done", args=[follow_up.pk]), False)
            yield Entry(
                follow_up.due_on,
                "follow_ups",
                _("Follow-up due: %(title)s") % {"title": follow_up.title},
                [follow_up.note] if follow_up.note else [],
                warning=follow_up.is_overdue,
                actions=[done, edit] if can_change else [],
            )


register(Section("members", gettext_lazy("Members"), "housing.view_participant", _members, 10))
register(Section("tenancies", gettext_lazy("Tenancies"), "housing.view_tenancy", _tenancies, 20))
register(
    Section(
        "concerns", gettext_lazy("Landlord concerns"), "housing.view_landlordconcern", _concerns, 30
    )
)
register(
    Section(
        "visits",
        gettext_lazy("Home visits"),
        "housing.view_homevisit",
        _visits,
        40,
        complete=_complete_visits,
    )
)
register(
    Section("follow_ups", gettext_lazy("Follow-ups"), "housing.view_followup", _follow_ups, 50)
)
