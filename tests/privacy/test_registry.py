"""Nothing can be forgotten: every model is declared in a registry or allowed here, with why."""

from django.apps import apps

from housing.models import Household, Participant
from privacy import registry

# Models that hold no participant's or household's data, each with the reason.
# A model with a relation to a participant or household can never be listed here.
NO_PERSONAL_DATA = {
    # Staff accounts and their sessions, devices, sign-in attempts: staff data, not the
    # programme's participants (their own rights are handled by the account pages).
    "auth.User", "auth.Group", "auth.Permission", "core.StaffSession", "core.RateCounter",
    "wagtailusers.UserProfile", "otp_totp.TOTPDevice", "otp_static.StaticDevice",
    "otp_static.StaticToken", "axes.AccessAttempt", "axes.AccessAttemptExpiration",
    "axes.AccessFailureLog", "axes.AccessLog", "sessions.Session", "contenttypes.ContentType",
    "wagtailcore.APIToken",
    # Programme structure: names no participant.
    "housing.District", "housing.HistoricalDistrict", "courses.CurriculumModule",
    "courses.Course", "courses.HistoricalCourse", "courses.HistoricalCourse_trainers",
    "courses.HistoricalCourse_co_trainers", "courses.Session", "courses.HistoricalSession",
    "courses.Exam", "courses.HistoricalExam", "courses.ExamPart", "courses.HistoricalExamPart",
    "certificates.NumberSequence", "monitoring.ReportDownload",
    # Landlords: their own register (private landlords are people too, but not participants;
    # see the note of issue 14: their export/erasure is not built yet).
    "housing.Landlord", "housing.HistoricalLandlord", "housing.LandlordContact", "housing.Flat",
    "housing.CooperationAgreement", "housing.HistoricalCooperationAgreement",
    # A companion's calendar feed token and the day their reminder mail went: staff data.
    "housing.CalendarFeed", "housing.DigestSent",
    # Placement: a landlord's vacant flat, its photos (the empty flat, private storage)
    # and the city's rent limits per household size; none refers to a participant.
    "placement.Vacancy", "placement.HistoricalVacancy", "placement.VacancyPhoto",
    "placement.RentLimit", "placement.HistoricalRentLimit",
    # The retention job's own runs: counts only.
    "privacy.RetentionRun",
    # CMS: pages, media, translations, forms of the public site; no participant's data.
    "cms.AdviceCentre", "cms.HomePage", "cms.MaterialsIndexPage", "cms.ModulePage",
    "cms.ContentPage", "cms.GlossaryPage", "cms.LandlordInfoPage", "cms.SpeechClip",
    "cms.UntranslatedTexts", "wagtailforms.FormSubmission", "wagtailredirects.Redirect",
    "wagtailembeds.Embed", "wagtaildocs.Document", "wagtailimages.Image",
    "wagtailimages.Rendition", "wagtailcore.Locale", "wagtailcore.Site",
    "wagtailcore.GroupSitePermission", "wagtailcore.CollectionViewRestriction",
    "wagtailcore.Collection", "wagtailcore.GroupCollectionPermission",
    "wagtailcore.UploadedFile", "wagtailcore.WorkflowContentType", "wagtailcore.WorkflowState",
    "wagtailcore.Workflow", "wagtailcore.WorkflowTask", "wagtailcore.Task",
    "wagtailcore.GroupApprovalTask", "wagtailcore.TaskState", "wagtailcore.Page",
    "wagtailcore.GroupPagePermission", "wagtailcore.PageViewRestriction",
    "wagtailcore.WorkflowPage", "wagtailcore.Comment", "wagtailcore.CommentReply",
    "wagtailcore.PageSubscription", "wagtailadmin.Admin", "taggit.Tag", "taggit.TaggedItem",
    "wagtail_localize.TranslatableObject", "wagtail_localize.TranslationSource",
    "wagtail_localize.Translation", "wagtail_localize.TranslationLog", "wagtail_localize.String",
    "wagtail_localize.TranslationContext", "wagtail_localize.StringTranslation",
    "wagtail_localize.Template", "wagtail_localize.SegmentOverride",
    "wagtail_localize.StringSegment", "wagtail_localize.TemplateSegment",
    "wagtail_localize.RelatedObjectSegment", "wagtail_localize.OverridableSegment",
    "wagtail_localize.LocaleSynchronization",
    # Page history names pages, not people (erasure test searches it anyway).
    "wagtailcore.PageLogEntry",
    # Job queue: jobs get primary keys, never names (DESIGN.md).
    "django_q.Task", "django_q.Success", "django_q.Failure", "django_q.Schedule",
    "django_q.OrmQ",
    # References between records: type, id and field path; no values.
    "wagtailcore.ReferenceIndex",
}  # fmt: skip

# Tables that point at any record by content type and id: erasure scrubs the entries of
# every record it touches (privacy.services._purge_traces), the export includes the log.
BY_CONTENT_TYPE = {
    "wagtailcore.ModelLogEntry",
    "wagtailcore.Revision",
    "wagtailadmin.EditingSession",
    "wagtailadmin.FormState",
    "wagtailsearch.IndexEntry",
    "wagtailsearch.SQLiteFTSIndexEntry",
}


def _covered() -> set[str]:
    covered = set()
    for holding in registry.holdings():
        model = registry.model_of(holding)
        covered.add(model._meta.label)
        history = registry.history_model(model)
        if history is not None:
            covered.add(history._meta.label)  # purged with its records
    # Many-to-many history rows hang on a history row and go with it (CASCADE).
    for model in apps.get_models():
        link = next((f for f in model._meta.fields if f.name == "history"), None)
        if link is not None and link.related_model._meta.label in covered:
            covered.add(model._meta.label)
    return covered


def _refers_to_a_person(model) -> bool:
    return any(
        field.is_relation and field.related_model in (Participant, Household)
        for field in model._meta.get_fields()
        if field.concrete
    )


def test_every_model_is_declared_or_allowed_with_a_reason():
    covered = _covered() | BY_CONTENT_TYPE
    missing = sorted(
        model._meta.label
        for model in apps.get_models()
        if model._meta.label not in covered and model._meta.label not in NO_PERSONAL_DATA
    )
    assert not missing, (
        "Models in no privacy registry (add them to <app>/privacy.py, or with a reason to "
        f"NO_PERSONAL_DATA): {missing}"
    )


def test_no_model_that_refers_to_a_person_is_allowed_without_a_declaration():
    wrongly_allowed = sorted(
        model._meta.label
        for model in apps.get_models()
        if model._meta.label in NO_PERSONAL_DATA and _refers_to_a_person(model)
    )
    assert not wrongly_allowed, wrongly_allowed


def test_every_history_model_of_a_declared_model_is_covered():
    for holding in registry.holdings():
        model = registry.model_of(holding)
        if hasattr(model, "history"):
            assert registry.history_model(model)._meta.label in _covered()


def test_the_allow_list_names_only_real_models():
    labels = {model._meta.label for model in apps.get_models()}
    assert not (NO_PERSONAL_DATA - labels), sorted(NO_PERSONAL_DATA - labels)
