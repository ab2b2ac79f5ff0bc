"""State changes of the privacy app: erasure, consent records, the access log.

Every screen and command calls these; they raise ``PrivacyError`` with a machine code.
"""

import logging
import unicodedata

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.models import EditingSession, FormState
from wagtail.models import ModelLogEntry, Revision
from wagtail.search import index
from wagtail.search.models import IndexEntry

from core.audit import neutral_label
from core.errors import DomainError
from core.personal_data import ANONYMISE, DELETE, KEEP
from housing.models import Consent, Participant
from privacy import registry, retention
from privacy.models import AccessLogEntry, ErasureRequest, ErasureStatus

logger = logging.getLogger(__name__)


class PrivacyError(DomainError):
    pass


def _normalised(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())


def confirmation_matches(participant, typed: str) -> bool:
    """The coordinator typed the person's name (either the name as written or in
    Latin letters; case and spacing do not matter)."""
    wanted = {_normalised(participant.full_name)}
    if participant.name_latin:
        wanted.add(_normalised(participant.name_latin))
    return _normalised(typed) in wanted


# --- Erasure -----------------------------------------------------------------------------------


def request_erasure(participant, by, confirmation: str = "", reason: str = "", confirmed=False):
    """Erase ``participant`` now, or, during the retention hold, record the request and
    restrict the record (Art. 18); the retention job erases it when the hold ends.

    The coordinator confirms by typing the person's name (``confirmation``);
    ``confirmed=True`` is for the command (``--yes``). Returns the ErasureRequest.
    Codes: ``not_confirmed``, ``already_erased``, ``already_held``.
    """
    if not confirmed and not confirmation_matches(participant, confirmation):
        raise PrivacyError(
            "not_confirmed",
            _("Type the person's name exactly as shown to confirm the erasure."),
            field="confirmation",
        )
    with transaction.atomic():
        person = Participant.objects.select_for_update().get(pk=participant.pk)
        if person.erased_at:
            raise PrivacyError("already_erased", _("This person has already been erased."))
        until = retention.hold_until(person)
        if until is not None and timezone.localdate() <= until:
            existing = ErasureRequest.objects.filter(participant=person).first()
            if existing and existing.status == ErasureStatus.HELD:
                raise PrivacyError(
                    "already_held",
                    _(
                        "The erasure has already been requested; it waits for the end of the "
                        "retention period."
                    ),
                )
            now = timezone.now()
            Participant.objects.filter(pk=person.pk).update(restricted_at=now)
            return ErasureRequest.objects.create(
                participant=person,
                requested_by=by,
                requested_at=now,
                reason=reason[:300],
                status=ErasureStatus.HELD,
                hold_until=None if until == retention.NO_EXIT_YET else until,
            )
        return erase(person, by=by, reason=reason)


def erase(participant, by=None, reason: str = "", when=None) -> ErasureRequest:
    """Anonymise the person through every registered model, in one transaction.

    Identifying fields are replaced (or records deleted) as each app declares in its
    ``privacy.py``; the history rows of every touched record are purged; Wagtail's log
    entries, revisions, form states and search entries of those records are scrubbed;
    household records go too when no other member lives in the household. Files are
    deleted only after the transaction commits, so a failure leaves everything intact.
    Code: ``already_erased``.
    """
    when = when or timezone.now()
    with transaction.atomic():
        person = Participant.objects.select_for_update().get(pk=participant.pk)
        if person.erased_at:
            raise PrivacyError("already_erased", _("This person has already been erased."))
        alone = not (
            Participant.objects.filter(household_id=person.household_id, erased_at__isnull=True)
            .exclude(pk=person.pk)
            .exists()
        )
        files: list[str] = []
        summary: dict[str, int] = {}
        # The participant last: other apps' lookups go through it.
        ordered = sorted(registry.holdings(), key=lambda h: h.model == "housing.Participant")
        for holding in ordered:
            if holding.is_household_data and not alone:
                continue
            records = registry.records(holding, person)
            ids = list(records.values_list("pk", flat=True))
            if not ids or holding.on_erase == KEEP:
                continue
            model = registry.model_of(holding)
            files += _files_of(holding, model, ids)
            if holding.erase is not None:
                holding.erase(model._default_manager.filter(pk__in=ids), when)
            elif holding.on_erase == DELETE:
                model._default_manager.filter(pk__in=ids).delete()
            elif holding.on_erase == ANONYMISE:
                _scrub(model, ids, holding.scrub)
            _purge_traces(model, ids)
            summary[holding.model] = len(ids)
        Participant.objects.filter(pk=person.pk).update(erased_at=when, restricted_at=None)
        request, _created = ErasureRequest.objects.update_or_create(
            participant=person,
            defaults={
                "status": ErasureStatus.DONE,
                "done_at": when,
                "summary": summary,
                **({"requested_by": by, "requested_at": when} if by else {}),
                **({"reason": reason[:300]} if reason else {}),
            },
        )
        transaction.on_commit(lambda: delete_private_files(files))
    return request


def _scrub(model, ids, scrub: dict):
    if not scrub:
        return
    manager = model._default_manager
    if not any(callable(value) for value in scrub.values()):
        manager.filter(pk__in=ids).update(**scrub)
        return
    for record in manager.filter(pk__in=ids):
        values = {
            name: value(record) if callable(value) else value for name, value in scrub.items()
        }
        manager.filter(pk=record.pk).update(**values)


def _files_of(holding, model, ids) -> list[str]:
    records = list(model._default_manager.filter(pk__in=ids))
    found = []
    file_fields = [
        f.name
        for f in model._meta.fields
        if isinstance(f, models.FileField) and f.name in holding.scrub
    ]
    for record in records:
        if holding.files:
            found += holding.files(record)
        found += [getattr(record, name).name for name in file_fields if getattr(record, name)]
    return found


def _purge_traces(model, ids):
    """History rows, and Wagtail's tables that point at a record by type and id."""
    history = registry.history_model(model)
    if history is not None:
        history.objects.filter(id__in=ids).delete()
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    object_ids = [str(pk) for pk in ids]
    for pk in ids:
        ModelLogEntry.objects.filter(content_type=content_type, object_id=str(pk)).update(
            label=neutral_label(model, pk), data={}
        )
    Revision.objects.filter(base_content_type=content_type, object_id__in=object_ids).delete()
    Revision.objects.filter(content_type=content_type, object_id__in=object_ids).delete()
    FormState.objects.filter(content_type=content_type, object_id__in=object_ids).delete()
    EditingSession.objects.filter(content_type=content_type, object_id__in=object_ids).delete()
    IndexEntry.objects.filter(content_type=content_type, object_id__in=object_ids).delete()
    if issubclass(model, index.Indexed):
        for record in model._default_manager.filter(pk__in=ids):
            index.insert_or_update_object(record)


def delete_private_files(paths) -> int:
    """Delete files of the private storage (names in it; disk or bucket), never outside it."""
    from django.core.exceptions import SuspiciousFileOperation

    from core.storage import private

    deleted = 0
    for name in paths:
        try:
            if not private.exists(name):
                continue
            private.delete(name)
        except SuspiciousFileOperation:
            logger.warning("Not deleting %s: outside the private storage", name)
            continue
        deleted += 1
    return deleted


# --- Consent -----------------------------------------------------------------------------------

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def evidence_problem(uploaded) -> str | None:
    """Why an uploaded evidence file is refused, or None (a PDF, PNG or JPEG scan)."""
    from housing.files import pdf_problem

    if uploaded.size > EVIDENCE_MAX_BYTES:
        return _("The file is larger than 10 MB.")
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    if data.startswith(_IMAGE_SIGNATURES):
        return None
    if data.startswith(b"%PDF-") and pdf_problem(data) is None:
        return None
    return _("The evidence must be a PDF file or a photo (PNG or JPEG) of the signed form.")


def record_consent(participant, *, purpose, status, date, by, note="", evidence=None) -> Consent:
    """A new consent record (given, withdrawn, or a correction of an earlier one).

    Consent is append-only: nothing earlier is changed. Codes: ``evidence_type``,
    ``future_date``, ``erased``.
    """
    if participant.erased_at:
        raise PrivacyError("erased", _("This person has been erased."))
    if date > timezone.localdate():
        raise PrivacyError(
            "future_date", _("A consent cannot be dated in the future."), field="date"
        )
    if evidence is not None:
        problem = evidence_problem(evidence)
        if problem:
            raise PrivacyError("evidence_type", problem, field="evidence")
    consent = Consent(
        participant=participant,
        purpose=purpose,
        status=status,
        date=date,
        note=note,
        recorded_by=by,
    )
    if evidence is not None:
        consent.evidence.save(evidence.name, evidence, save=False)
    consent.save()
    return consent


# --- The access log ----------------------------------------------------------------------------


def log_access(user, action, *, participant_id=None, household_id=None, path="") -> AccessLogEntry:
    """One insert: ``user`` looked at a person's data."""
    return AccessLogEntry.objects.create(
        user=user,
        action=action,
        participant_id=participant_id,
        household_id=household_id,
        path=path[:300],
    )
