"""State changes of the placement: vacancies, proposals and their steps, the tenancy.

Every function runs in one transaction and either makes all of its changes or none.
A broken rule raises ``PlacementError`` with a machine-readable ``code``, a German
message (through gettext) and, where there is one, the form ``field`` it belongs to.
"""

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from housing import services as housing_services
from housing.models import FollowUp, Household, active_companions
from placement.models import (
    OPEN_PROPOSAL_STATUSES,
    TAKES_PROPOSALS,
    DeclinedBy,
    DeclineReason,
    FlatSearch,
    Proposal,
    ProposalStatus,
    ProposalStep,
    Vacancy,
    VacancyStatus,
)

log = logging.getLogger(__name__)

# The first home visit of a placed household is planned within this many days of the start.
FIRST_VISIT_DAYS = 14


class PlacementError(DomainError):
    """A rule of the placement was broken; nothing was saved."""

    def __init__(self, code: str, message: str, field: str | None = None):
        super().__init__(code, message)
        self.field = field


def _today() -> dt.date:
    return timezone.localdate()


def _checked(instance, exclude=None):
    try:
        instance.full_clean(exclude=exclude, validate_constraints=False)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise PlacementError(
            "invalid", " ".join(messages), None if field == "__all__" else field
        ) from exc


def _step(proposal, status, user, note="", date=None):
    ProposalStep.objects.create(
        proposal=proposal, status=status, by=user, note=note[:255], date=date or _today()
    )


# --- Vacancies --------------------------------------------------------------------------------


@transaction.atomic
def record_vacancy(*, user, flat, **fields) -> Vacancy:
    """Record ``flat`` as vacant (status open). Errors: ``vacancy_already_open``, ``invalid``."""
    from housing.models import Flat

    flat = Flat.objects.select_for_update().get(pk=flat.pk)
    if Vacancy.objects.filter(flat=flat, status__in=TAKES_PROPOSALS).exists():
        raise PlacementError(
            "vacancy_already_open", _("This flat already has an open vacancy."), "flat"
        )
    vacancy = Vacancy(flat=flat, created_by=user, **fields)
    _checked(vacancy)
    vacancy.save()
    return vacancy


@transaction.atomic
def withdraw_vacancy(vacancy: Vacancy, *, user, reason: str) -> Vacancy:
    """Take a vacancy back (the landlord let it elsewhere); its open proposals are declined.

    Errors: ``vacancy_closed``, ``reason_missing``.
    """
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if vacancy.status not in TAKES_PROPOSALS:
        raise PlacementError("vacancy_closed", _("This vacancy is already let or withdrawn."))
    if not reason.strip():
        raise PlacementError("reason_missing", _("Enter why the vacancy is withdrawn."), "reason")
    for proposal in vacancy.proposals.filter(status__in=OPEN_PROPOSAL_STATUSES):
        _decline(
            proposal,
            user=user,
            by=DeclinedBy.LANDLORD,
            reason=DeclineReason.OTHER,
            note=_("Vacancy withdrawn: %(reason)s") % {"reason": reason.strip()},
        )
    vacancy.status = VacancyStatus.WITHDRAWN
    vacancy.withdrawn_reason = reason.strip()[:255]
    vacancy.save(update_fields=["status", "withdrawn_reason", "updated_at"])
    return vacancy


# --- Flat searches ----------------------------------------------------------------------------


@transaction.atomic
def end_search(search: FlatSearch, *, ended_on=None) -> FlatSearch:
    """The household no longer looks for a flat (found one itself, moved away).

    The one way a search ends by hand (the screen "End the search"; the form has no such
    field); a search placed through the programme ends by ``create_tenancy``.
    Errors: ``search_ended``, ``search_placed``, ``end_before_start``, ``end_in_future``.
    """
    search = FlatSearch.objects.select_for_update().get(pk=search.pk)
    ended_on = ended_on or _today()
    if search.ended_on:
        raise PlacementError("search_ended", _("This flat search has already ended."))
    if search.placed_on:
        raise PlacementError(
            "search_placed", _("This household has been placed; its search is over.")
        )
    if ended_on < search.searching_since:
        raise PlacementError(
            "end_before_start",
            _("A search cannot end before it began."),
            "ended_on",
        )
    if ended_on > _today():
        raise PlacementError("end_in_future", _("A search cannot end in the future."), "ended_on")
    search.ended_on = ended_on
    search.save(update_fields=["ended_on", "updated_at"])
    return search


# --- Proposals --------------------------------------------------------------------------------


def _locked_vacancy(vacancy) -> Vacancy:
    return Vacancy.objects.select_for_update().select_related("flat").get(pk=vacancy.pk)


def _locked_proposal(proposal) -> Proposal:
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


@transaction.atomic
def propose(
    *,
    vacancy: Vacancy,
    household: Household,
    user,
    why: str,
    size_exception: str = "",
    viewing_on: dt.date | None = None,
) -> Proposal:
    """Propose ``household`` to the landlord for ``vacancy``.

    Needs the landlord-contact consent of at least one member in force today (housing's
    consent rule), a vacancy that takes proposals, a reason, and, when the household is
    larger than the landlord's person limit, a reason for that. Errors:
    ``vacancy_closed``, ``no_consent``, ``why_missing``, ``size_exception_missing``,
    ``viewing_in_past``, ``already_proposed``.
    """
    from placement.matching import searching_households

    vacancy = _locked_vacancy(vacancy)
    if vacancy.status not in TAKES_PROPOSALS:
        raise PlacementError(
            "vacancy_closed",
            _("This vacancy is %(status)s: no more households can be proposed for it.")
            % {"status": vacancy.get_status_display()},
        )
    row = (
        searching_households(Household.objects.filter(pk=household.pk))
        .values("members_consenting", "size")
        .first()
    )
    if row is None:
        raise PlacementError(
            "not_searching", _("This household has no active flat search."), "household"
        )
    if not row["members_consenting"]:
        raise PlacementError(
            "no_consent",
            _(
                "Nobody in this household has agreed to contact with landlords. Ask for the "
                "consent first and record it with the member."
            ),
            "household",
        )
    if not why.strip():
        raise PlacementError("why_missing", _("Say why this household fits the flat."), "why")
    if (
        vacancy.max_persons is not None
        and row["size"] > vacancy.max_persons
        and not (size_exception.strip())
    ):
        raise PlacementError(
            "size_exception_missing",
            _(
                "The household has %(size)s persons, the landlord allows at most %(max)s. "
                "Enter the reason for proposing it anyway."
            )
            % {"size": row["size"], "max": vacancy.max_persons},
            "size_exception",
        )
    if viewing_on is not None and viewing_on < _today():
        raise PlacementError(
            "viewing_in_past", _("The viewing date cannot be in the past."), "viewing_on"
        )
    proposal = Proposal(
        vacancy=vacancy,
        household=household,
        why=why.strip(),
        size_exception=size_exception.strip(),
        viewing_on=viewing_on,
        proposed_by=user,
        status=ProposalStatus.VIEWING if viewing_on else ProposalStatus.PROPOSED,
    )
    try:
        with transaction.atomic():
            proposal.save()
    except IntegrityError as exc:
        raise PlacementError(
            "already_proposed",
            _("This household is already proposed for this vacancy."),
            "household",
        ) from exc
    _step(proposal, ProposalStatus.PROPOSED, user, proposal.why)
    if viewing_on:
        _step(proposal, ProposalStatus.VIEWING, user, f"{viewing_on:%d.%m.%Y}")
    if vacancy.status == VacancyStatus.OPEN:
        vacancy.status = VacancyStatus.PROPOSED
        vacancy.save(update_fields=["status", "updated_at"])
    return proposal


def _open(proposal, *allowed):
    if proposal.status not in allowed:
        raise PlacementError(
            "wrong_step",
            _("This proposal is %(status)s; that step is not possible now.")
            % {"status": proposal.get_status_display()},
        )


@transaction.atomic
def send_to_landlord(proposal: Proposal, *, user, send_mail: bool = True) -> Proposal:
    """Mark the proposal sent and mail the Mieterprofil to the landlord's contact.

    The mail goes after commit to the first contact person with an address (else the
    landlord's own address); without an address the coordinator hands the PDF over.
    Errors: ``wrong_step``.
    """
    proposal = _locked_proposal(proposal)
    _open(proposal, ProposalStatus.PROPOSED)
    proposal.status = ProposalStatus.SENT
    proposal.save(update_fields=["status", "updated_at"])
    recipient = landlord_address(proposal.vacancy.flat.landlord)
    _step(
        proposal,
        ProposalStatus.SENT,
        user,
        _("Mieterprofil mailed to %(address)s") % {"address": recipient}
        if recipient and send_mail
        else _("Mieterprofil handed over"),
    )
    if recipient and send_mail:
        transaction.on_commit(lambda: mail_profile(proposal.pk, recipient))
    return proposal


def landlord_address(landlord) -> str:
    for contact in landlord.contacts.all():
        if contact.email:
            return contact.email
    return landlord.email


def mail_profile(proposal_id: int, recipient: str) -> None:
    from placement.profile import render_profile

    proposal = Proposal.objects.select_related("vacancy__flat__landlord", "household").get(
        pk=proposal_id
    )
    message = EmailMessage(
        subject=_("Tenant profile for %(flat)s") % {"flat": proposal.vacancy.flat},
        body=_(
            "Dear Sir or Madam,\n\nattached is the tenant profile of the household we "
            "propose for your flat %(flat)s. The household agreed to this contact.\n\n"
            "Kind regards\nyour Mietführerschein programme"
        )
        % {"flat": proposal.vacancy.flat},
        to=[recipient],
    )
    message.attach(f"mieterprofil-{proposal.pk}.pdf", render_profile(proposal), "application/pdf")
    message.send()


@transaction.atomic
def record_viewing(proposal: Proposal, *, user, on: dt.date) -> Proposal:
    """Record the viewing date. Errors: ``wrong_step``, ``viewing_missing``."""
    proposal = _locked_proposal(proposal)
    _open(proposal, ProposalStatus.PROPOSED, ProposalStatus.SENT, ProposalStatus.VIEWING)
    if on is None:
        raise PlacementError("viewing_missing", _("Enter the date of the viewing."), "viewing_on")
    proposal.status = ProposalStatus.VIEWING
    proposal.viewing_on = on
    proposal.save(update_fields=["status", "viewing_on", "updated_at"])
    _step(proposal, ProposalStatus.VIEWING, user, f"{on:%d.%m.%Y}")
    return proposal


@transaction.atomic
def accept(proposal: Proposal, *, user, note: str = "") -> Proposal:
    """Landlord and household both agree. At most one accepted proposal per vacancy.

    Errors: ``wrong_step``, ``vacancy_closed``, ``already_accepted``.
    """
    vacancy = _locked_vacancy(proposal.vacancy)
    proposal = _locked_proposal(proposal)
    _open(proposal, *OPEN_PROPOSAL_STATUSES)
    if vacancy.status not in TAKES_PROPOSALS:
        raise PlacementError("vacancy_closed", _("This vacancy is already let or withdrawn."))
    other = vacancy.proposals.filter(status__in=[ProposalStatus.ACCEPTED, ProposalStatus.LET])
    if other.exclude(pk=proposal.pk).exists():
        raise PlacementError(
            "already_accepted",
            _("Another household has already been accepted for this vacancy."),
        )
    proposal.status = ProposalStatus.ACCEPTED
    try:
        with transaction.atomic():
            proposal.save(update_fields=["status", "updated_at"])
    except IntegrityError as exc:  # the named constraint, should a racer pass the lock
        raise PlacementError(
            "already_accepted",
            _("Another household has already been accepted for this vacancy."),
        ) from exc
    _step(proposal, ProposalStatus.ACCEPTED, user, note)
    return proposal


def _decline(proposal, *, user, by, reason, note=""):
    proposal.status = ProposalStatus.DECLINED
    proposal.declined_by = by
    proposal.decline_reason = reason
    proposal.decline_note = note.strip()[:255]
    proposal.save()
    _step(
        proposal,
        ProposalStatus.DECLINED,
        user,
        f"{DeclinedBy(by).label}: {DeclineReason(reason).label}",
    )


@transaction.atomic
def decline(proposal: Proposal, *, user, by: str, reason: str, note: str = "") -> Proposal:
    """The landlord or the household says no, with a reason from the list (kept).

    Errors: ``wrong_step``, ``declined_by_missing``, ``reason_missing``.
    """
    proposal = _locked_proposal(proposal)
    _open(proposal, *OPEN_PROPOSAL_STATUSES, ProposalStatus.ACCEPTED)
    if by not in DeclinedBy.values:
        raise PlacementError("declined_by_missing", _("Choose who declined."), "declined_by")
    if reason not in DeclineReason.values:
        raise PlacementError(
            "reason_missing", _("Choose the reason for the decline."), "decline_reason"
        )
    _decline(proposal, user=user, by=by, reason=reason, note=note)
    vacancy = _locked_vacancy(proposal.vacancy)
    if (
        vacancy.status == VacancyStatus.PROPOSED
        and not vacancy.proposals.exclude(status=ProposalStatus.DECLINED).exists()
    ):
        vacancy.status = VacancyStatus.OPEN
        vacancy.save(update_fields=["status", "updated_at"])
    return proposal


@transaction.atomic
def create_tenancy(
    proposal: Proposal,
    *,
    user,
    start: dt.date,
    companion,
    move_in: dt.date | None = None,
):
    """Turn an accepted proposal into the signed tenancy (housing's ``start_tenancy``).

    The vacancy becomes let, the household's search ends, the companion who will
    accompany the tenancy is assigned, and the first home visit is planned as a
    follow-up within ``FIRST_VISIT_DAYS`` of the start. Errors: ``wrong_step``,
    ``no_companion``, ``not_a_companion``, and housing's ``tenancy_overlap``,
    ``move_in_before_start``.
    """
    vacancy = _locked_vacancy(proposal.vacancy)
    proposal = _locked_proposal(proposal)
    _open(proposal, ProposalStatus.ACCEPTED)
    if companion is None:
        raise PlacementError(
            "no_companion", _("Choose the companion for the tenancy."), "companion"
        )
    if not active_companions().filter(pk=companion.pk).exists():
        raise PlacementError(
            "not_a_companion", _("Only Klartext companions can be named."), "companion"
        )
    household = proposal.household
    rent = _("Cold rent %(cold)s €, service charges %(charges)s € (vacancy of %(date)s).") % {
        "cold": f"{vacancy.cold_rent:.2f}".replace(".", ","),
        "charges": f"{vacancy.service_charges:.2f}".replace(".", ","),
        "date": f"{vacancy.available_from:%d.%m.%Y}",
    }
    try:
        tenancy = housing_services.start_tenancy(
            household=household,
            flat=vacancy.flat,
            start=start,
            move_in=move_in,
            through_programme=True,
            notes=rent,
        )
    except housing_services.HousingError as error:
        raise PlacementError(error.code, error.message, error.field) from error
    companions = list(household.companions.all())
    if companion not in companions:
        housing_services.assign_companions(household, [*companions, companion])
    FollowUp.objects.create(
        household=household,
        title=_("First home visit in the new flat (%(flat)s)") % {"flat": vacancy.flat},
        due_on=start + dt.timedelta(days=FIRST_VISIT_DAYS),
    )
    proposal.status = ProposalStatus.LET
    proposal.tenancy = tenancy
    proposal.save(update_fields=["status", "tenancy", "updated_at"])
    _step(proposal, ProposalStatus.LET, user, f"{start:%d.%m.%Y}")
    for other in vacancy.proposals.filter(status__in=OPEN_PROPOSAL_STATUSES):
        _decline(
            other,
            user=user,
            by=DeclinedBy.LANDLORD,
            reason=DeclineReason.OTHER_TENANT,
            note=_("Flat let to another household of the programme."),
        )
    vacancy.status = VacancyStatus.LET
    vacancy.let_on = _today()
    vacancy.save(update_fields=["status", "let_on", "updated_at"])
    FlatSearch.objects.filter(household=household, placed_on__isnull=True).update(
        placed_on=_today()
    )
    return tenancy
