"""Editors and coordinators keep the curriculum: add, rename, order, retire modules."""

from django.urls import reverse

from courses.models import CurriculumModule
from tests.conftest import client_for


def test_editor_adds_and_renames_a_module_whose_code_stays(editor):
    client = client_for(editor)
    response = client.post(
        reverse("curriculum:add"),
        {"code": "wohnungssuche", "title": "Wohnungssuche", "description": "Eine Wohnung finden"},
    )
    assert response.status_code == 302
    module = CurriculumModule.objects.get(code="wohnungssuche")
    response = client.post(
        reverse("curriculum:edit", args=[module.pk]),
        {"code": "anders", "title": "Wohnung suchen", "description": ""},
    )
    assert response.status_code == 302
    module.refresh_from_db()
    assert (module.code, module.title) == ("wohnungssuche", "Wohnung suchen")


def test_retired_module_is_not_offered_but_its_pages_stay_readable(editor, coordinator, client):
    from tests.cms.conftest import build_materials

    build_materials(languages=())
    module = CurriculumModule.objects.get(code="heizen-lueften")
    page = client_for(editor).get(reverse("curriculum:retire", args=[module.pk]))
    assert "Heizen und Lüften" in page.content.decode()
    assert (
        client_for(editor).post(reverse("curriculum:retire", args=[module.pk])).status_code == 302
    )
    module.refresh_from_db()
    assert module.is_retired
    assert client.get("/de/materialien/heizen-lueften/").status_code == 200
    # Not offered for a new course, nor for a new material page.
    form = client_for(coordinator).get(reverse("courses:add")).content.decode()
    assert "Heizen und Lüften" not in form and "Mietvertrag" in form
    from cms.models import ModulePage

    form_class = ModulePage.get_edit_handler().get_form_class()
    assert module not in form_class(for_user=editor).fields["module"].queryset
    # A page of the module keeps it when edited.
    german = ModulePage.objects.get(module=module, locale__language_code="de")
    assert module in form_class(instance=german, for_user=editor).fields["module"].queryset
    # And it can be used again.
    client_for(editor).post(reverse("curriculum:reactivate", args=[module.pk]))
    module.refresh_from_db()
    assert not module.is_retired


def test_retiring_twice_says_so(editor):
    module = CurriculumModule.objects.get(code="mietvertrag")
    client = client_for(editor)
    client.post(reverse("curriculum:retire", args=[module.pk]))
    response = client.post(reverse("curriculum:retire", args=[module.pk]), follow=True)
    assert "bereits außer Gebrauch" in response.content.decode()
