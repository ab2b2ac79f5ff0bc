"""State changes and read rules of the CMS: locales, synchronisation, translation state.

Whether a translation is behind its German original is decided once, here
(``translation_state``), for the editors' overview and for the notice readers see.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from wagtail.models import Locale, Page

from cms.languages import SOURCE_LANGUAGE, plain_text


@transaction.atomic
def ensure_locales() -> dict[str, Locale]:
    """Every site language has a Locale that follows the German tree; aliases exist.

    Idempotent. Afterwards every German page exists in every other locale, as a
    translation or (until someone translates it) as an alias showing the German text.
    """
    from wagtail_localize.models import LocaleSynchronization
    from wagtail_localize.synctree import synchronize_tree

    source, _ = Locale.objects.get_or_create(language_code=SOURCE_LANGUAGE)
    locales = {SOURCE_LANGUAGE: source}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == SOURCE_LANGUAGE:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})
        locales[code] = locale
    for code, locale in locales.items():
        if code != SOURCE_LANGUAGE:
            synchronize_tree(source, locale)
    return locales


class Status:
    SOURCE = "source"
    UP_TO_DATE = "up_to_date"
    OUT_OF_DATE = "out_of_date"
    NOT_TRANSLATED = "not_translated"


@dataclass
class LanguageStatus:
    code: str
    status: str
    percent: int
    page: Page | None
    translation_id: int | None
    source_page_id: int | None = None


@dataclass(frozen=True)
class TranslationState:
    """How a published translation stands against the current German page."""

    total: int  # texts of the German page
    translated: int  # of those, translated into this language
    unpublished: int  # translated (or changed) after the translation was last published
    source_synced: bool  # wagtail-localize's copy of the German page is current
    german_url: str | None = None

    @property
    def percent(self) -> int:
        return round(100 * self.translated / self.total) if self.total else 100

    @property
    def behind(self) -> bool:
        """The published translation lacks something the German page now says."""
        return (not self.source_synced) or self.translated < self.total or self.unpublished > 0

    def __bool__(self):
        return self.behind


def translation_state(source, locale, translated_page) -> TranslationState:
    """Two queries: the German page's texts, how many are translated and published.

    ``source`` is wagtail-localize's TranslationSource of the German page.
    """
    from wagtail_localize.models import StringSegment, StringTranslation

    published_at = translated_page.last_published_at
    translations = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale.pk,
        has_error=False,
    )
    newer = translations.filter(updated_at__gt=published_at) if published_at else translations
    counts = (
        StringSegment.objects.filter(source_id=source.pk)
        .annotate(done=Exists(translations), late=Exists(newer))
        .aggregate(
            total=Count("pk"),
            translated=Count("pk", filter=Q(done=True)),
            unpublished=Count("pk", filter=Q(late=True)),
        )
    )
    german = (
        Page.objects.filter(translation_key=source.object_id, locale_id=source.locale_id)
        .only("last_published_at", "url_path", "path", "depth", "locale_id")
        .first()
    )
    synced = not (
        german and german.last_published_at and source.last_updated_at < german.last_published_at
    )
    return TranslationState(
        total=counts["total"],
        translated=counts["translated"],
        unpublished=counts["unpublished"] if published_at else 0,
        source_synced=synced,
        german_url=german.get_url() if german else None,
    )


def translation_behind(page) -> TranslationState | None:
    """For the reader's notice: the state of a published translation, None if unknown."""
    from wagtail_localize.models import TranslationSource

    source = (
        TranslationSource.objects.filter(
            object_id=page.translation_key, locale__language_code=SOURCE_LANGUAGE
        )
        .select_related("locale")
        .first()
    )
    if source is None:
        return None
    return translation_state(source, page.locale, page)


def translation_status(source_page: Page) -> list[LanguageStatus]:
    """How far each language version of a German page is (the editors' overview).

    ``out_of_date``: the published translation is behind the German page
    (``TranslationState.behind``). ``not_translated``: the language shows the German
    page (an alias, or nothing).
    """
    from wagtail_localize.models import Translation, TranslationSource

    pages = {
        p.locale.language_code: p
        for p in source_page.get_translations(inclusive=True).select_related("locale")
    }
    source = TranslationSource.objects.get_for_instance_or_none(source_page)
    translations = {}
    if source is not None:
        translations = {
            t.target_locale.language_code: t
            for t in Translation.objects.filter(source=source).select_related("target_locale")
        }
    result = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        page = pages.get(code)
        if code == SOURCE_LANGUAGE:
            result.append(LanguageStatus(code, Status.SOURCE, 100, page, None))
            continue
        translation = translations.get(code)
        if page is None or page.alias_of_id or translation is None:
            result.append(
                LanguageStatus(code, Status.NOT_TRANSLATED, 0, page, None, source_page.pk)
            )
            continue
        state = translation_state(source, translation.target_locale, page)
        status = Status.OUT_OF_DATE if state.behind else Status.UP_TO_DATE
        result.append(LanguageStatus(code, status, state.percent, page, translation.pk))
    return result


def sync_source_after_publish(page) -> bool:
    """After the German page is published, refresh wagtail-localize's copy of it.

    Translators then see the changed strings at once (as untranslated), and the
    translation status shows the language versions as out of date until they are
    translated again. The translated pages themselves stay as they were until a
    translator publishes them. Returns whether there was a source to refresh.
    """
    from wagtail_localize.models import TranslationSource

    if page.locale.language_code != SOURCE_LANGUAGE:
        return False
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return False
    source.update_from_db()
    return True


def record_untranslated_texts(page) -> list[str]:
    """When a translation is published, note which German texts it still shows.

    wagtail-localize publishes the German text for every sentence without a
    translation; ``cms.languages`` marks those parts German. Returns the texts.
    """
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

    from cms.models import UntranslatedTexts

    if page.locale.language_code == SOURCE_LANGUAGE or page.alias_of_id:
        UntranslatedTexts.objects.filter(page_id=page.pk).delete()
        return []
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale__language_code=SOURCE_LANGUAGE
    ).first()
    texts = []
    if source is not None:
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=page.locale_id,
            has_error=False,
        )
        missing = (
            StringSegment.objects.filter(source=source)
            .annotate(done=Exists(translated))
            .filter(done=False)
            .values_list("string__data", flat=True)
        )
        texts = sorted({plain_text(text) for text in missing} - {""})
    UntranslatedTexts.objects.update_or_create(page_id=page.pk, defaults={"texts": texts})
    return texts
