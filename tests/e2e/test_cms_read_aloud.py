"""Issue 16 in the browser: an editor writes and translates a new module in the admin's
own editors; a reader hears and reads it in Arabic at 360 px."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from cms.models import ModulePage
from courses.models import CurriculumModule
from tests.cms.conftest import build_materials
from tests.conftest import PASSWORD
from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.forms import wait_until_autosaved
from tests.e2e.test_cms_materials import _ensure_base_tree
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site(roles, settings):
    from core.permissions_setup import setup_roles

    settings.READ_ALOUD_ON_PUBLISH = True
    _ensure_base_tree()
    setup_roles()
    return build_materials(module_codes=("heizen-lueften", "mietvertrag"), languages=("ar",))


# What the Arabic translator types, by the German text of each segment.
ARABIC = {
    "Gute Nachbarschaft": "حسن الجوار",
    "Wer im Haus freundlich grüßt": "من يحيي جيرانه بلطف يعيش براحة أكبر.",
    "Sagen Sie Ihren Nachbarn Hallo": "قولوا مرحباً لجيرانكم. اسألوا إذا احتجتم إلى مساعدة.",
    "Zwei Nachbarinnen": "جارتان تتبادلان التحية على الدرج.",
    "Wichtige Wörter": "كلمات مهمة",
    "Person, die neben Ihnen wohnt": "الجار",
    "Was sagen Sie im Treppenhaus?": "ماذا تقولون على الدرج؟",
    "Guten Tag": "يوم سعيد",
    "Nichts": "لا شيء",
}


def _add_block(page, label):
    page.locator(".c-sf-add-button").last.click()
    page.get_by_role("option", name=label).click()


def _write_the_german_page(page):
    """Everything an editor types in the page editor for a new module page."""
    page.fill("#id_title", "Gute Nachbarschaft")
    page.select_option("#id_module", label="Nachbarschaft")
    page.fill("#id_intro", "Wer im Haus freundlich grüßt, hat es leichter.")
    _add_block(page, "Text in einfacher Sprache")
    page.locator("[data-contentpath='body'] [contenteditable=true]").first.click()
    page.keyboard.type("Sagen Sie Ihren Nachbarn Hallo. Fragen Sie, wenn Sie Hilfe brauchen.")
    _add_block(page, "Bild")
    page.locator("[data-contentpath='image'] button:visible", has_text="Bild auswählen").click()
    page.locator(".modal-dialog a[data-chooser-modal-choice]").first.click()
    expect(page.locator(".modal-dialog")).to_be_hidden()
    page.fill("[name='body-1-value-alt']", "Zwei Nachbarinnen grüßen sich im Treppenhaus.")
    _add_block(page, "Wichtige Wörter")
    page.fill("[name='body-2-value-heading']", "Wichtige Wörter")
    page.fill("[name='body-2-value-terms-0-value-german']", "der Nachbar")
    page.fill("[name='body-2-value-terms-0-value-meaning']", "Person, die neben Ihnen wohnt")
    _add_block(page, "Quiz zur Selbstkontrolle")
    page.fill("[name='body-3-value-question']", "Was sagen Sie im Treppenhaus?")
    page.fill("[name='body-3-value-answers-0-value-text']", "Guten Tag")
    page.check("[name='body-3-value-answers-0-value-correct']")
    page.locator("[data-contentpath='answers'] .c-sf-add-button").last.click()
    page.fill("[name='body-3-value-answers-1-value-text']", "Nichts")


def _publish(page):
    wait_until_autosaved(page)
    page.locator("footer [data-w-dropdown-target='toggle'], footer .dropdown-toggle").first.click()
    page.get_by_role("button", name=re.compile("Veröffentlichen")).click()
    # Wagtail saves the editor's draft every half second. On PostgreSQL its editing-session
    # ping can run beside such a save and take the editor's own saved draft for "a new
    # version saved in another window"; Wagtail then asks before publishing over it, and
    # the editor's answer is to publish (what they see is what they wrote).
    conflict = page.get_by_role(
        "dialog", name="Sie haben eine neue Version in einem anderen Fenster gespeichert"
    )
    published = page.locator(".messages li.success")
    expect(conflict.or_(published)).to_be_visible()
    if conflict.is_visible():
        conflict.get_by_role("button", name="Veröffentlichen").click()
        expect(published).to_be_visible()


def _translate_every_segment(page):
    """The translation editor: each segment's "Übersetzen", the Arabic text, "Speichern"."""
    buttons = page.get_by_role("button", name="Übersetzen", exact=True)
    expect(buttons.first).to_be_visible()
    while (left := buttons.count()) > 0:
        button = buttons.first
        segment = button.evaluate("b => b.parentElement.parentElement.parentElement.innerText")
        arabic = next(text for german, text in ARABIC.items() if german in segment)
        button.click()
        page.locator("main textarea:visible").fill(arabic)
        page.get_by_role("button", name="Speichern", exact=True).click()
        expect(buttons).to_have_count(left - 1)


def test_editor_adds_a_module_reader_hears_it_in_arabic_and_sees_when_it_is_behind(
    page, live_server, site, login, screenshot, tmp_path
):
    UserFactory(username="jonas", first_name="Jonas", role="Editor")
    login("jonas", PASSWORD)
    # The editor adds a module in the curriculum ("Lehrplan").
    page.goto(f"{live_server.url}/admin/curriculum/new/")
    screenshot("cms16-curriculum-add")
    page.fill("#id_code", "nachbarschaft")
    page.fill("#id_title", "Nachbarschaft")
    page.locator("main form button[type=submit]").first.click()
    expect(page.get_by_role("link", name="Nachbarschaft")).to_be_visible()
    screenshot("cms16-curriculum-list")
    assert CurriculumModule.objects.get(code="nachbarschaft").title == "Nachbarschaft"

    # … writes its page in the page editor: text, picture, key terms and a quiz …
    index = site["index"]
    page.goto(f"{live_server.url}/admin/pages/add/cms/modulepage/{index.pk}/")
    _write_the_german_page(page)
    screenshot("cms16-page-editor")
    _publish(page)
    expect(page.locator(".messages")).to_contain_text("Gute Nachbarschaft")
    german = ModulePage.objects.get(module__code="nachbarschaft", locale__language_code="de")
    assert german.live
    assert [block.block_type for block in german.body] == ["text", "image", "key_terms", "quiz"]

    # … and translates it into Arabic in the translation editor, then publishes.
    arabic_alias = ModulePage.objects.get(module__code="nachbarschaft", locale__language_code="ar")
    page.goto(f"{live_server.url}/admin/pages/{arabic_alias.pk}/edit/")
    page.get_by_role("link", name="Diese Seite übersetzen").click()
    page.get_by_role("button", name="Absenden").click()
    _translate_every_segment(page)
    screenshot("cms16-translation-editor")
    page.get_by_role("button", name=re.compile("Veröffentlichen in")).click()
    expect(page.locator(".messages")).to_contain_text("حسن الجوار")
    arabic_alias.refresh_from_db()
    assert arabic_alias.title == "حسن الجوار" and arabic_alias.alias_of_id is None
    slug = german.slug

    # A reader on a 360 px phone, in Arabic.
    page.context.clear_cookies()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/ar/materialien/{slug}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text("حسن الجوار")
    expect(page.locator(".quiz")).to_contain_text("ماذا تقولون على الدرج؟")
    expect(page.locator("img[alt='جارتان تتبادلان التحية على الدرج.']")).to_be_visible()
    expect(page.get_by_text("der Nachbar")).to_have_attribute("lang", "de")
    player = page.locator(".easy-text audio").first
    player.evaluate("audio => { audio.preload = 'auto'; audio.load(); }")
    page.wait_for_function(
        "() => { const a = document.querySelector('.easy-text audio'); "
        "return a && a.readyState >= 1 && isFinite(a.duration) && a.duration > 1; }"
    )
    player.evaluate("audio => audio.play()")
    page.wait_for_function("() => document.querySelector('.easy-text audio').currentTime > 0")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot("cms16-module-ar-360")

    # The Arabic handout.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="تنزيل كملف PDF").click()
    pdf = tmp_path / "handout-ar.pdf"
    download_info.value.save_as(pdf)
    subprocess.run(
        ["/usr/bin/pdftoppm", "-r", "70", "-png", str(pdf), str(SCREENSHOTS / "cms16-handout-ar")],
        check=True,
    )
    assert list(SCREENSHOTS.glob("cms16-handout-ar-*.png"))

    # An untranslated page: German text left to right inside the Arabic page.
    page.goto(f"{live_server.url}/ar/materialien/mietvertrag/")
    expect(page.locator("article.module")).to_have_attribute("dir", "ltr")
    expect(page.locator("article.module")).to_have_attribute("lang", "de")
    expect(page.locator(".quiz h2, .checklist h3").first).to_have_attribute("dir", "rtl")
    # At 200 % text size nothing sticks out sideways either.
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot("cms16-alias-ar-360-200")

    # The editor changes the German page; the Arabic reader is told.
    login("jonas", PASSWORD)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/pages/{german.pk}/edit/")
    page.locator("#id_intro").fill("Wer im Haus freundlich grüßt und hilft, hat es leichter.")
    _publish(page)
    expect(page.locator(".messages")).to_contain_text("Gute Nachbarschaft")
    page.context.clear_cookies()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/ar/materialien/{slug}/")
    notice = page.locator(".notice")
    expect(notice).to_contain_text("هذه الترجمة أقدم من النسخة الألمانية")
    expect(notice.get_by_role("link")).to_have_attribute("href", f"/de/materialien/{slug}/")
    screenshot("cms16-behind-ar-360")
