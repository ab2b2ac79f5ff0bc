"""State changes of the housing programme: agreements, tenancies, concerns, visits.

Views parse input, call one of these functions and render. Every function runs in
one transaction: it either makes all of its changes or none, and it raises
``HousingError`` with a machine-readable ``code`` and a German message (through
gettext) when the input breaks a rule.
"""

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.errors import DomainError
from housing.models import (
    AgreementStatus,
    ConcernKind,
    ConcernStatus,
    ConsentPurpose,
    CooperationAgreement,
    Flat,
    FollowUp,
    FollowUpStatus,
    HomeVisit,
    Household,
    Landlord,
    LandlordConcern,
    Tenancy,
    TenancyOutcome,
    VisitOutcome,
    companion_rule,
)

CONCERN_FOLLOW_UP_DAYS = 7
# The log action of a concern handled although nobody in the household agreed to
# contact with landlords (the coordinator's confirmation, with its reason).
CONTACT_WITHOUT_CONSENT = "housing.contact_without_consent"


class HousingError(DomainError):
    """A rule of the housing programme was broken; nothing was saved.

    ``field`` names the form field the message belongs to, when there is one.
    """

    def __init__(self, code: str, message: str, field: str | None = None):
        super().__init__(code, message)
        self.field = field


def _checked(instance, exclude=None):
    """Run the model's own validation; turn its first problem into a HousingError."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        # A model rule with its own code (e.g. "tenancy_overlap") keeps it.
        code = next((e.code for e in exc.error_dict.get(field, ()) if e.code), "invalid")
        raise HousingError(code, " ".join(messages), None if field == "__all__" else field) from exc


def _today() -> dt.date:
    return timezone.localdate()


def check_companions(companions: Iterable, *, kept: Iterable = ()) -> list:
    """The companions, if each one may be named (``housing.models.companion_rule``: an
    active member of the companions' group). ``kept`` are already on the record: someone
    who has left the programme since stays on an old visit when it is corrected.

    Error: ``not_a_companion``.
    """
    companions = list(companions)
    new = {c.pk for c in companions} - {c.pk for c in kept}
    allowed = get_user_model().objects.filter(companion_rule(), pk__in=new).distinct().count()
    if allowed != len(new):
        raise HousingError(
            "not_a_companion", _("Only active Klartext companions can be chosen."), "companions"
        )
    return companions


# --- Agreements -----------------------------------------------------------------------------


@transaction.atomic
def activate_agreement(agreement: CooperationAgreement) -> CooperationAgreement:
    """Make a draft agreement the landlord's active one.

    Needs the signing date. The landlord row is locked so that two coordinators
    activating two agreements of the same landlord at once cannot both succeed.
    Errors: ``agreement_not_draft``, ``agreement_not_signed``, ``agreement_already_active``.
    """
    Landlord.objects.select_for_update().get(pk=agreement.landlord_id)
    agreement = CooperationAgreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.status != AgreementStatus.DRAFT:
        raise HousingError("agreement_not_draft", _("Only a draft agreement can be activated."))
    if not agreement.signed_on:
        raise HousingError(
            "agreement_not_signed",
            _("An agreement can only be active once it has been signed: enter the signing date."),
            "signed_on",
        )
    other = CooperationAgreement.objects.filter(
        landlord_id=agreement.landlord_id, status=AgreementStatus.ACTIVE
    ).exclude(pk=agreement.pk)
    if other.exists():
        raise HousingError(
            "agreement_already_active",
            _("This landlord already has an active agreement. End it first."),
            "status",
        )
    agreement.status = AgreementStatus.ACTIVE
    _checked(agreement, exclude=["document"])
    try:
        agreement.save(update_fields=["status", "updated_at"])
    except IntegrityError as exc:  # the named constraint, if a racer slipped past the lock
        raise HousingError(
            "agreement_already_active", _("This landlord already has an active agreement.")
        ) from exc
    return agreement


@transaction.atomic
def end_agreement(
    agreement: CooperationAgreement, *, reason: str, ended_on: dt.date | None = None
) -> CooperationAgreement:
    """End an active agreement with a reason; ``valid_until`` becomes the end date.

    The one way an agreement ends (the screen "End the agreement" calls it; the edit
    form has no status, reason or end field for it). An error's ``field`` names this
    function's parameter (``reason``, ``ended_on``).
    Errors: ``agreement_not_active``, ``end_reason_missing``, ``end_before_start``.
    """
    agreement = CooperationAgreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.status != AgreementStatus.ACTIVE:
        raise HousingError("agreement_not_active", _("Only an active agreement can be ended."))
    if not reason.strip():
        raise HousingError(
            "end_reason_missing", _("Enter the reason the agreement ended."), "reason"
        )
    ended_on = ended_on or _today()
    if ended_on < agreement.valid_from:
        raise HousingError(
            "end_before_start",
            _("The agreement cannot end before it became valid."),
            "ended_on",
        )
    agreement.status = AgreementStatus.ENDED
    agreement.end_reason = reason.strip()
    agreement.valid_until = ended_on
    _checked(agreement, exclude=["document"])
    agreement.save()
    return agreement


# --- Tenancies --------------------------------------------------------------------------------


@transaction.atomic
def start_tenancy(
    *,
    household: Household,
    flat: Flat,
    start: dt.date,
    move_in: dt.date | None = None,
    through_programme: bool = False,
    notes: str = "",
) -> Tenancy:
    """Record that ``household`` rents ``flat`` from ``start`` (open-ended).

    The flat row is locked while overlapping tenancies are looked for, so two
    tenancies of one flat for the same period cannot be saved at the same time.
    Errors: ``move_in_before_start``, ``tenancy_overlap``.
    """
    flat = Flat.objects.select_for_update().get(pk=flat.pk)
    if move_in and move_in < start:
        raise HousingError(
            "move_in_before_start",
            _("The move-in cannot be before the start of the lease."),
            "move_in",
        )
    tenancy = Tenancy(
        household=household,
        landlord_id=flat.landlord_id,
        flat=flat,
        start=start,
        move_in=move_in,
        through_programme=through_programme,
        notes=notes,
    )
    _checked(tenancy)
    tenancy.save()
    return tenancy


@transaction.atomic
def end_tenancy(tenancy: Tenancy, *, end: dt.date, outcome: str) -> Tenancy:
    """Close a tenancy with its end date and the housing outcome (monitoring data).

    The one way a tenancy ends, or its end is corrected (the screen "End the tenancy"
    calls it; the generic edit form has no end or outcome field). An error's ``field``
    names this function's parameter (``end``, ``outcome``).
    Errors: ``end_before_start``, ``outcome_missing``, ``tenancy_overlap``.
    """
    tenancy = Tenancy.objects.select_for_update().get(pk=tenancy.pk)
    if end < tenancy.start:
        raise HousingError(
            "end_before_start", _("The end of the lease cannot be before its start."), "end"
        )
    if outcome not in TenancyOutcome.values:
        raise HousingError("outcome_missing", _("Enter how the tenancy ended."), "outcome")
    tenancy.end = end
    tenancy.outcome = outcome
    _checked(tenancy)
    tenancy.save()
    return tenancy


# --- Concerns and follow-ups ------------------------------------------------------------------


@transaction.atomic
def record_concern(
    *,
    tenancy: Tenancy,
    kind: str,
    description: str,
    reported_on: dt.date | None = None,
    follow_up_due: dt.date | None = None,
    by=None,
    contact_reason: str = "",
) -> LandlordConcern:
    """Record a landlord's concern about a tenancy and a follow-up for its companions.

    The follow-up is due ``CONCERN_FOLLOW_UP_DAYS`` after the report unless given.
    Handling a concern means talking with the landlord about the household: when no
    member has agreed to landlord contact on that day, it needs ``contact_reason``
    (why it must be handled anyway), which is logged with ``by`` as the confirmation.
    Errors: ``date_in_future``, ``description_missing``, ``no_landlord_contact_consent``,
    ``invalid``.
    """
    reported_on = reported_on or _today()
    if reported_on > _today():
        raise HousingError(
            "date_in_future", _("A concern cannot be dated in the future."), "reported_on"
        )
    if not description.strip():
        raise HousingError(
            "description_missing", _("Describe what the landlord reported."), "description"
        )
    consenting = (
        Household.objects.with_consent(ConsentPurpose.LANDLORD_CONTACT, reported_on)
        .values_list("members_consenting", flat=True)
        .get(pk=tenancy.household_id)
    )
    if not consenting and not contact_reason.strip():
        raise HousingError(
            "no_landlord_contact_consent",
            _(
                "Nobody in this household has agreed to contact with landlords about the "
                "tenancy. Say why the concern must be handled anyway; your confirmation "
                "is logged."
            ),
            "contact_reason",
        )
    concern = LandlordConcern(
        tenancy=tenancy, kind=kind, description=description.strip(), reported_on=reported_on
    )
    _checked(concern)
    concern.save()
    if not consenting:
        log(concern, CONTACT_WITHOUT_CONSENT, user=by, data={"reason": contact_reason.strip()})
    due = follow_up_due or reported_on + dt.timedelta(days=CONCERN_FOLLOW_UP_DAYS)
    FollowUp.objects.create(
        household_id=tenancy.household_id,
        concern=concern,
        title=_("Landlord concern: %(kind)s") % {"kind": ConcernKind(kind).label},
        due_on=due,
    )
    return concern


@transaction.atomic
def complete_follow_up(
    follow_up: FollowUp, *, user, note: str = "", visit: HomeVisit | None = None
) -> FollowUp:
    """Mark a follow-up done (optionally by a visit); its concern is then in progress.

    Errors: ``follow_up_done`` when someone else completed it a moment ago.
    """
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if follow_up.status != FollowUpStatus.OPEN:
        raise HousingError("follow_up_done", _("This follow-up has already been completed."))
    follow_up.status = FollowUpStatus.DONE
    follow_up.done_on = visit.date if visit else _today()
    follow_up.done_by = user
    follow_up.resolved_by_visit = visit
    follow_up.note = note[:255]
    follow_up.save()
    if follow_up.concern_id:
        LandlordConcern.objects.filter(pk=follow_up.concern_id, status=ConcernStatus.OPEN).update(
            status=ConcernStatus.IN_PROGRESS
        )
    return follow_up


@transaction.atomic
def reopen_follow_up(follow_up: FollowUp, *, user) -> FollowUp:
    """Open a completed follow-up again (the "undo" of done; the history keeps both).

    Errors: ``follow_up_open`` when it is open already.
    """
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if follow_up.status == FollowUpStatus.OPEN:
        raise HousingError("follow_up_open", _("This follow-up is open already."))
    follow_up.status = FollowUpStatus.OPEN
    follow_up.done_on = None
    follow_up.done_by = None
    follow_up.resolved_by_visit = None
    follow_up._change_reason = f"reopened by {user.pk}"
    follow_up.save()
    return follow_up


def add_follow_up(*, household: Household, title: str, due_on: dt.date) -> FollowUp:
    """A follow-up a companion or coordinator adds by hand.

    Errors: ``invalid`` (empty title).
    """
    follow_up = FollowUp(household=household, title=title.strip(), due_on=due_on)
    _checked(follow_up)
    follow_up.save()
    return follow_up


@transaction.atomic
def edit_follow_up(follow_up: FollowUp, *, title: str, due_on: dt.date, note: str = "") -> FollowUp:
    """Change what is to be done and by when. Errors: ``invalid``."""
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    follow_up.title = title.strip()
    follow_up.due_on = due_on
    follow_up.note = note.strip()[:255]
    _checked(follow_up)
    follow_up.save()
    return follow_up


@transaction.atomic
def resolve_concern(
    concern: LandlordConcern,
    *,
    resolved_on: dt.date | None = None,
    user=None,
) -> LandlordConcern:
    """Close a concern; its open follow-ups are closed with it (each one saved, so the
    history shows who closed it and when). The only way a concern is resolved: the
    concern's edit form has no status.

    Errors: ``date_in_future``; ``concern_resolved`` when it is resolved already.
    """
    resolved_on = resolved_on or _today()
    if resolved_on > _today():
        raise HousingError("date_in_future", _("The date cannot be in the future."), "resolved_on")
    concern = LandlordConcern.objects.select_for_update().get(pk=concern.pk)
    if concern.status == ConcernStatus.RESOLVED:
        raise HousingError("concern_resolved", _("This concern has already been resolved."))
    concern.status = ConcernStatus.RESOLVED
    concern.resolved_on = resolved_on
    concern.save()
    for follow_up in concern.follow_ups.select_for_update().filter(status=FollowUpStatus.OPEN):
        follow_up.status = FollowUpStatus.DONE
        follow_up.done_on = resolved_on
        follow_up.done_by = user
        follow_up.save()
    return concern


@transaction.atomic
def reopen_concern(concern: LandlordConcern, *, user=None) -> LandlordConcern:
    """Open a resolved concern again (resolved by mistake, or the problem is back): it is
    open, its resolution date is cleared, and a new follow-up puts it back on its
    companions' caseload (the ones closed with it stay closed, as the history says).

    Errors: ``concern_not_resolved``.
    """
    concern = LandlordConcern.objects.select_for_update().get(pk=concern.pk)
    if concern.status != ConcernStatus.RESOLVED:
        raise HousingError("concern_not_resolved", _("This concern is not resolved."))
    concern.status = ConcernStatus.OPEN
    concern.resolved_on = None
    concern.save()
    FollowUp.objects.create(
        household_id=concern.tenancy.household_id,
        concern=concern,
        title=_("Landlord concern: %(kind)s") % {"kind": ConcernKind(concern.kind).label},
        due_on=_today() + dt.timedelta(days=CONCERN_FOLLOW_UP_DAYS),
    )
    return concern


# --- Visits -----------------------------------------------------------------------------------


@transaction.atomic
def log_visit(
    *,
    household: Household,
    companions: Iterable,
    user,
    date: dt.date,
    duration_minutes: int = 60,
    language: str = "de",
    interpreted: bool = False,
    present: str = "",
    topics: Iterable = (),
    free_topics: str = "",
    observations: str = "",
    agreed_actions: str = "",
    follow_up_due: dt.date | None = None,
    next_visit: dt.date | None = None,
    outcome: str = VisitOutcome.HELD,
    resolves: Iterable[FollowUp] = (),
    client_key=None,
) -> HomeVisit:
    """Save a home visit, complete the follow-ups it resolved, plan the next follow-up.

    ``resolves`` must be open follow-ups of the same household. A ``follow_up_due``
    creates a follow-up from the agreed actions. ``client_key`` (a UUID the phone
    made for the draft) makes the call idempotent: a second call with the same key
    returns the visit the first one created and changes nothing. Errors:
    ``visit_in_future``, ``no_companion``, ``not_a_companion``,
    ``follow_up_other_household``, ``follow_up_done`` (closed meanwhile),
    ``draft_other_household``, ``invalid``.
    """
    if client_key is not None:
        existing = HomeVisit.objects.select_for_update().filter(client_key=client_key).first()
        if existing is not None:
            if existing.household_id != household.pk:
                raise HousingError(
                    "draft_other_household", _("This draft belongs to another household.")
                )
            return existing
    companions = _visit_companions(companions)
    visit = HomeVisit(
        household=household,
        date=date,
        duration_minutes=duration_minutes,
        language=language,
        interpreted=interpreted,
        present=present.strip(),
        free_topics=free_topics.strip(),
        observations=observations.strip(),
        agreed_actions=agreed_actions.strip(),
        follow_up_due=follow_up_due,
        next_visit=next_visit,
        outcome=outcome,
        created_by=user,
        client_key=client_key,
    )
    _checked(visit, exclude=["client_key"])
    try:
        with transaction.atomic():
            visit.save()
    except IntegrityError:
        # The same draft arrived twice at the same moment: the other request won.
        return HomeVisit.objects.get(client_key=client_key)
    visit.companions.set(companions)
    visit.topics.set(list(topics))
    for follow_up in resolves:
        if follow_up.household_id != household.pk:
            raise HousingError(
                "follow_up_other_household",
                _("A follow-up of another household cannot be resolved by this visit."),
            )
        complete_follow_up(follow_up, user=user, visit=visit)
    _plan_follow_up(visit)
    return visit


# The fields of a visit that its edit form changes (``edit_visit``).
VISIT_FIELDS = (
    "household",
    "date",
    "duration_minutes",
    "language",
    "interpreted",
    "present",
    "free_topics",
    "observations",
    "agreed_actions",
    "follow_up_due",
    "next_visit",
    "outcome",
)


@transaction.atomic
def edit_visit(visit: HomeVisit, *, user, companions: Iterable, topics: Iterable = (), **fields):
    """Correct a logged visit by the rules it was logged by (``log_visit``), and keep the
    follow-up it planned in step: a new ``follow_up_due`` plans one, a changed date moves
    the open one, an emptied date withdraws the open one (deleted; its history stays). A
    follow-up already done is left as it is. ``fields`` are any of ``VISIT_FIELDS``.

    Errors: ``visit_in_future``, ``no_companion``, ``not_a_companion`` (for a companion
    added now; one who has left since stays), ``household_fixed`` (the visit settled
    follow-ups of its household), ``invalid``.
    """
    stored = HomeVisit.objects.select_for_update().get(pk=visit.pk)
    unknown = set(fields) - set(VISIT_FIELDS)
    if unknown:
        raise TypeError(f"edit_visit() got unexpected fields: {sorted(unknown)}")
    household_before = stored.household_id
    for name, value in fields.items():
        setattr(stored, name, value.strip() if isinstance(value, str) else value)
    companions = _visit_companions(companions, kept=stored.companions.all())
    moved = stored.household_id != household_before
    if moved and stored.follow_ups_resolved.exists():
        raise HousingError(
            "household_fixed",
            _(
                "This visit settled follow-ups of its household, so it cannot be moved to "
                "another household. Delete it and log the visit again."
            ),
            "household",
        )
    _checked(stored, exclude=["client_key"])
    stored.save()
    stored.companions.set(companions)
    stored.topics.set(list(topics))
    _plan_follow_up(stored)
    return stored


def _visit_companions(companions: Iterable, *, kept: Iterable = ()) -> list:
    """Who made a visit: at least one, each a companion (``check_companions``). The
    visit's own rules (not in the future, …) are the model's ``clean``."""
    companions = list(companions)
    if not companions:
        raise HousingError("no_companion", _("Choose at least one companion."), "companions")
    return check_companions(companions, kept=kept)


def _plan_follow_up(visit: HomeVisit) -> None:
    """The follow-up a visit's ``follow_up_due`` asks for, in step with the visit: one open
    follow-up from the visit, due then; none while the date is empty. A done one stays."""
    planned = visit.follow_ups_created.order_by("pk").last()
    if planned is not None and planned.status != FollowUpStatus.OPEN:
        return
    if not visit.follow_up_due:
        if planned is not None:
            planned.delete()
        return
    title = visit.agreed_actions.splitlines()[0] if visit.agreed_actions else ""
    title = title[:255] or _("Follow-up of the visit on %(date)s") % {
        "date": f"{visit.date:%d.%m.%Y}"
    }
    if planned is None:
        planned = FollowUp(source_visit=visit)
    planned.household_id = visit.household_id
    planned.title = title
    planned.due_on = visit.follow_up_due
    planned.save()


@transaction.atomic
def assign_companions(household: Household, companions: Iterable) -> Household:
    """Set the companions who visit ``household``: the one way it is done (the
    companions' screen and the household's edit form). Error: ``not_a_companion``
    (``check_companions``; someone assigned before who has left since may stay)."""
    companions = check_companions(companions, kept=household.companions.all())
    household.companions.set(companions)
    return household
