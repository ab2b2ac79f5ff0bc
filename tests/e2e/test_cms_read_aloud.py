"""Issue 16 in the browser: a new module by an editor, heard and read in Arabic at 360 px."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from cms.models import ModulePage
from cms.services import ensure_locales
from courses.models import CurriculumModule
from tests.cms.conftest import build_materials
from tests.conftest import PASSWORD
from tests.e2e.conftest import SCREENSHOTS
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
    module = CurriculumModule.objects.get(code="nachbarschaft")
    # … and its page (written here with the demo's blocks), published and translated.
    german = ModulePage.objects.get(module__code="heizen-lueften", locale__language_code="de")
    german.module = module
    german.save_revision().publish()
    ensure_locales()

    # A reader on a 360 px phone, in Arabic.
    page.context.clear_cookies()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/ar/materialien/heizen-lueften/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text("التدفئة والتهوية")
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
    page.locator("#id_intro").fill("Gut heizen und richtig lüften: So bleibt die Wohnung gesund.")
    page.locator("footer [data-w-dropdown-target='toggle'], footer .dropdown-toggle").first.click()
    page.get_by_role("button", name=re.compile("Veröffentlichen")).click()
    expect(page.locator(".messages")).to_contain_text("Heizen und Lüften")
    page.context.clear_cookies()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/ar/materialien/heizen-lueften/")
    notice = page.locator(".notice")
    expect(notice).to_contain_text("هذه الترجمة أقدم من النسخة الألمانية")
    expect(notice.get_by_role("link")).to_have_attribute("href", "/de/materialien/heizen-lueften/")
    screenshot("cms16-behind-ar-360")
