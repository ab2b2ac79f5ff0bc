"""Wagtail page types of the public site: home, materials, module and free pages, glossary,
landlord information.

German is the source language. wagtail-localize keeps every other locale's tree in
step with the German one: a page that nobody has translated yet exists there as an
alias of the German page (so ``/ro/…`` never answers 404), and becomes a real
translation once a translator finishes it. See docs/cms.md.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import LandlordStreamBlock, MaterialStreamBlock
from cms.languages import SOURCE_LANGUAGE, fragments_for


class SitePage(Page):
    """What every public page shares: language versions, the language of its texts, notices.

    Abstract, so that each page type keeps its own table (bakerydemo style).
    """

    class Meta:
        abstract = True

    def content_language(self) -> str:
        """The language the page's text is actually written in.

        An alias in another locale (not translated yet) still carries the German text.
        """
        if self.alias_of_id and self.locale.language_code != SOURCE_LANGUAGE:
            return SOURCE_LANGUAGE
        return self.locale.language_code

    def is_translation(self) -> bool:
        return not self.alias_of_id and self.locale.language_code != SOURCE_LANGUAGE

    def get_context(self, request, *args, **kwargs):
        from cms.services import translation_behind

        context = super().get_context(request, *args, **kwargs)
        fragments = fragments_for(self, get_language())
        context["fragments"] = fragments
        context["content_language"] = fragments.content
        context["content_attrs"] = fragments.content_attrs
        context["ui_attrs"] = fragments.ui_attrs
        # The reader asked for another language than the one the text is in: say so.
        context["untranslated"] = fragments.content != fragments.ui
        if self.is_translation():
            behind = translation_behind(self)
            context["behind"] = behind
            context["german_url"] = behind.german_url if behind else None
        return context

    def language_versions(self, request) -> list[dict]:
        """This page in every site language, linking the real translated URL where it exists.

        One query: the translations with their locales. A language without any
        version of the page (a locale not synchronised yet) links the German page
        under that language's prefix, which Wagtail serves as a fallback.
        ``translated`` says whether the version is really in that language (search
        engines are told only about those, and about the German original).
        """
        pages = {
            p.locale.language_code: p
            for p in self.get_translations(inclusive=True).live().select_related("locale")
        }
        current = get_language()
        versions = []
        fallback = pages.get(SOURCE_LANGUAGE, self)
        for code, name in settings.LANGUAGES:
            page = pages.get(code)
            if page is not None:
                url = page.get_url(request)
            else:
                url = "/" + code + fallback.get_url(request)[len("/" + SOURCE_LANGUAGE) :]
            versions.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "absolute_url": settings.SITE_URL + url,
                    "current": code == current,
                    "translated": page is not None
                    and (code == SOURCE_LANGUAGE or not page.alias_of_id),
                }
            )
        return versions


def listed_pages(queryset, ui_language: str) -> list[dict]:
    """Pages for a list (cards), each with the language its title is in (one extra query)."""
    from cms.languages import Fragments, lang_attrs, plain_text
    from cms.models import UntranslatedTexts

    pages = list(queryset)
    gaps = dict(
        UntranslatedTexts.objects.filter(page_id__in=[p.pk for p in pages]).values_list(
            "page_id", "texts"
        )
    )
    entries = []
    for page in pages:
        fragments = Fragments(
            ui=ui_language,
            content=page.content_language(),
            untranslated=frozenset(gaps.get(page.pk, [])),
        )
        title_language = fragments.language_of(page.title)
        intro_language = fragments.language_of(getattr(page, "intro", ""))
        entries.append(
            {
                "page": page,
                # Relative to the list around it, which is in the reader's language.
                "attrs": lang_attrs(title_language) if title_language != ui_language else "",
                "german_only": title_language != ui_language and title_language == SOURCE_LANGUAGE,
                "intro_attrs": lang_attrs(intro_language) if intro_language != ui_language else "",
                "title": plain_text(page.title),
            }
        )
    return entries


class HomePage(SitePage):
    """The start page of one language version of the site."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.MaterialsIndexPage",
        "cms.ContentPage",
        "cms.GlossaryPage",
        "cms.LandlordInfoPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = self.get_children().live().in_menu().specific().select_related("locale")
        context["sections"] = listed_pages(sections, get_language())
        return context


class MaterialsIndexPage(SitePage):
    """Lists the module pages in the order of the curriculum, then the other material pages."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ModulePage", "cms.ContentPage", "cms.GlossaryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("materials index")

    def modules(self):
        return (
            ModulePage.objects.child_of(self)
            .live()
            .select_related("module", "locale")
            .order_by("module__sort_order", "title")
        )

    def other_pages(self):
        return (
            Page.objects.child_of(self)
            .live()
            .not_type(ModulePage)
            .specific()
            .select_related("locale")
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = listed_pages(self.modules(), get_language())
        context["other_pages"] = listed_pages(self.other_pages(), get_language())
        return context


class MaterialPage(RoutablePageMixin, SitePage):
    """A page of course material: blocks to read and hear, a handout in its language.

    ``?de=1`` shows the German original beside each block of a translation
    ("Auch auf Deutsch"), without JavaScript.
    """

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two short sentences.")
    )
    body = StreamField(MaterialStreamBlock(), verbose_name=_("content"), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("locale"),
    ]
    subpage_types = []

    class Meta:
        abstract = True

    def first_image_block_id(self):
        """The first picture is shown at once (not lazy): it is usually in the first screen."""
        for block in self.body:
            if block.block_type == "image":
                return block.id
        return None

    def german_blocks(self) -> dict:
        source = self.get_translation_or_none(
            self.locale.__class__.objects.get(language_code=SOURCE_LANGUAGE)
        )
        if source is None:
            return {}
        return {block.id: block for block in source.specific.body}

    def get_context(self, request, *args, **kwargs):
        from cms import read_aloud

        context = super().get_context(request, *args, **kwargs)
        context["players"] = read_aloud.players(self, context["fragments"])
        context["first_image_id"] = self.first_image_block_id()
        if self.is_translation():
            context["offer_german"] = True
            if request.GET.get("de") == "1":
                context["german_blocks"] = self.german_blocks()
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The page as a handout (PDF) in its language, made once per version of the page."""
        from cms.pdf import handout_response

        return handout_response(self, request)


class ModulePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "module" in self.fields:
            # Retired modules get no new pages; an existing page keeps its module.
            modules = self.fields["module"].queryset
            self.fields["module"].queryset = modules.offered(self.instance.module_id)


class ModulePage(MaterialPage):
    """The material of one curriculum module, in one language."""

    module = models.ForeignKey(
        "courses.CurriculumModule",
        verbose_name=_("curriculum module"),
        on_delete=models.PROTECT,
        related_name="material_pages",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("module"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    base_form_class = ModulePageForm
    parent_page_types = ["cms.MaterialsIndexPage"]
    # Every language version belongs to the German page's module: translators neither
    # see nor change it (the translation editor showed its number).
    override_translatable_fields = [SynchronizedField("module", overridable=False)]

    class Meta:
        verbose_name = _("module page")

    def clean(self):
        super().clean()
        if not self.module_id:
            return
        clash = (
            ModulePage.objects.filter(module_id=self.module_id, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exists()
        )
        if clash:
            raise ValidationError(
                {"module": _("This module already has a material page in this language.")}
            )

    def handout_name(self) -> str:
        return self.module.code

    @classmethod
    def url_for_module(cls, module, language_code: str | None = None, request=None) -> str | None:
        """URL of the material page for a curriculum module (object or code) in a language.

        Falls back to the German page; ``None`` when the module has no material yet.
        Other apps call this without importing cms:
        ``apps.get_model("cms", "ModulePage").url_for_module(module, "ro")``.
        """
        code = getattr(module, "code", module)
        pages = {
            page.locale.language_code: page
            for page in cls.objects.live()
            .filter(module__code=code)
            .select_related("locale")
            .only("url_path", "locale__language_code", "path", "depth")
        }
        page = pages.get(language_code or get_language()) or pages.get(SOURCE_LANGUAGE)
        return page.get_url(request) if page else None

    @classmethod
    def urls_for_modules(cls, module_ids, language_code: str, request=None) -> dict:
        """For each curriculum module id: ``(url, language of its text)`` of its live
        material page in ``language_code``, else of the German page; modules without a
        page are left out. A page not yet translated (an alias: German text with a notice
        in the reader's language) says "de". One query however many modules (the visit
        form and the timeline)."""
        pages = {}
        for page in (
            cls.objects.live()
            .filter(module_id__in=list(module_ids))
            .filter(locale__language_code__in={language_code, SOURCE_LANGUAGE})
            .select_related("locale")
            .only("url_path", "module_id", "alias_of_id", "locale__language_code", "path", "depth")
        ):
            pages[(page.module_id, page.locale.language_code)] = page
        found = {}
        for module_id in module_ids:
            page = pages.get((module_id, language_code)) or pages.get((module_id, SOURCE_LANGUAGE))
            if page is not None:
                found[module_id] = (page.get_url(request), page.content_language())
        return found


class ContentPage(MaterialPage):
    """Material that belongs to no curriculum module, e.g. "Wohnungssuche", "Nachbarschaft"."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["cms.HomePage", "cms.MaterialsIndexPage"]

    class Meta:
        verbose_name = _("information page")

    def handout_name(self) -> str:
        return self.slug


class GlossaryPage(SitePage):
    """Every key term of every module page in this language, A to Z, with picture and sound."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage", "cms.MaterialsIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("glossary")

    def get_context(self, request, *args, **kwargs):
        from cms.glossary import glossary_entries

        context = super().get_context(request, *args, **kwargs)
        context["letters"] = glossary_entries(self.locale, get_language())
        return context


class LandlordInfoPage(SitePage):
    """For landlords: what the cooperation agreement offers, how to check a certificate."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(LandlordStreamBlock(), verbose_name=_("content"), blank=True)
    verify_text = models.TextField(
        _("how to verify a certificate"),
        blank=True,
        help_text=_("Shown next to the link to the verification page."),
    )
    contact_name = models.CharField(_("contact person or office"), max_length=120, blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_hours = models.CharField(_("office hours"), max_length=200, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("verify_text"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
                FieldPanel("contact_hours"),
            ],
            heading=_("Contact"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("verify_text"),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("landlord information page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["verify_url"] = "/v/"
        return context
