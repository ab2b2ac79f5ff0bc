"""State changes of the CMS: locales, tree synchronisation, translation status.

One domain error class (``CmsError``) with a machine-readable ``code``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page

SOURCE_LANGUAGE = "de"


class CmsError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


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


def translation_status(source_page: Page) -> list[LanguageStatus]:
    """How far each language version of a German page is.

    ``out_of_date``: the German page changed after the translation was last synced
    (its newest published revision is newer than wagtail-localize's copy of the
    source), or the synced source has strings nobody has translated yet.
    ``not_translated``: the language shows the German page (an alias, or nothing).
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
    published_at = source_page.last_published_at
    result = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        page = pages.get(code)
        if code == SOURCE_LANGUAGE:
            result.append(LanguageStatus(code, Status.SOURCE, 100, page, None))
            continue
        translation = translations.get(code)
        if page is None or page.alias_of_id or translation is None:
            result.append(LanguageStatus(code, Status.NOT_TRANSLATED, 0, page, None))
            continue
        total, done = translation.get_progress()
        percent = round(100 * done / total) if total else 100
        stale = bool(published_at and source.last_updated_at < published_at)
        status = Status.OUT_OF_DATE if stale or done < total else Status.UP_TO_DATE
        result.append(LanguageStatus(code, status, percent, page, translation.pk))
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
