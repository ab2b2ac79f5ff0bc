"""Wagtail page types of the public site: home, materials, module pages, landlord information.

German is the source language. wagtail-localize keeps every other locale's tree in
step with the German one: a page that nobody has translated yet exists there as an
alias of the German page (so ``/ro/…`` never answers 404), and becomes a real
translation once a translator finishes it. See docs/cms.md.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from cms.blocks import LandlordStreamBlock, MaterialStreamBlock

SOURCE_LANGUAGE = "de"


class SitePage(Page):
    """What every public page shares: language versions and the "not translated yet" notice.

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        content_language = self.content_language()
        context["content_language"] = content_language
        # The reader asked for another language than the one the text is in: say so.
        context["untranslated"] = content_language != get_language()
        return context

    def language_versions(self, request) -> list[dict]:
        """This page in every site language, linking the real translated URL where it exists.

        One query: the translations with their locales. A language without any
        version of the page (a locale not synchronised yet) links the German page
        under that language's prefix, which Wagtail serves as a fallback.
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
                }
            )
        return versions


class HomePage(SitePage):
    """The start page of one language version of the site."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.MaterialsIndexPage", "cms.LandlordInfoPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().in_menu().specific()
        return context


class MaterialsIndexPage(SitePage):
    """Lists the module pages in the order of the curriculum."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ModulePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("materials index")

    def modules(self):
        return (
            ModulePage.objects.child_of(self)
            .live()
            .select_related("module")
            .order_by("module__sort_order", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = self.modules()
        return context


class ModulePage(RoutablePageMixin, SitePage):
    """The material of one curriculum module, in one language."""

    module = models.ForeignKey(
        "courses.CurriculumModule",
        verbose_name=_("curriculum module"),
        on_delete=models.PROTECT,
        related_name="material_pages",
    )
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two short sentences.")
    )
    body = StreamField(MaterialStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("module"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("locale"),
    ]
    parent_page_types = ["cms.MaterialsIndexPage"]
    subpage_types = []

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

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The page as a PDF in its language, for printing at home or in the course."""
        from cms.pdf import render_module_pdf

        response = HttpResponse(render_module_pdf(self, request), content_type="application/pdf")
        filename = f"{slugify(self.module.code)}-{self.content_language()}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

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


def source_locale() -> Locale:
    return Locale.objects.get(language_code=SOURCE_LANGUAGE)
