"""Role groups: created idempotently, each with exactly the permissions of core/roles.py."""

from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from core.permissions_setup import setup_roles
from core.roles import Role, has_role, sees_everything
from tests.factories import UserFactory


def _snapshot():
    return {
        group.name: sorted(group.permissions.values_list("codename", flat=True))
        for group in Group.objects.filter(name__in=Role.values)
    }


def test_setup_roles_is_idempotent(db):
    setup_roles()
    first = _snapshot()
    page_perms = GroupPagePermission.objects.count()
    collection_perms = GroupCollectionPermission.objects.count()
    setup_roles()
    assert _snapshot() == first
    assert GroupPagePermission.objects.count() == page_perms
    assert GroupCollectionPermission.objects.count() == collection_perms
    assert set(first) == {"Coordinator", "Trainer", "Companion", "Editor"}


def test_a_permission_removed_by_hand_comes_back(db):
    groups = setup_roles()
    companion = groups[Role.COMPANION]
    companion.permissions.clear()
    setup_roles()
    assert "view_participant" in companion.permissions.values_list("codename", flat=True)


def test_editors_hold_no_permission_on_programme_data(db):
    editors = setup_roles()[Role.EDITOR]
    models = set(editors.permissions.values_list("content_type__app_label", "content_type__model"))
    # The curriculum is the one thing of courses/ editors keep (no personal data in it).
    models -= {("courses", "curriculummodule")}
    assert {app for app, _model in models}.isdisjoint({"housing", "courses", "certificates"})


def test_role_predicates(roles):
    coordinator = UserFactory(role=Role.COORDINATOR)
    companion = UserFactory(role=Role.COMPANION)
    inactive = UserFactory(role=Role.COORDINATOR, is_active=False)
    assert sees_everything(coordinator)
    assert not sees_everything(companion)
    assert has_role(companion, Role.COMPANION)
    assert not sees_everything(inactive), "a deactivated coordinator sees nothing"
    assert sees_everything(UserFactory(is_superuser=True))


def test_the_review_workflow_editors_see_has_a_german_name(db):
    from wagtail.models import Task, Workflow

    from core.permissions_setup import GERMAN_WORKFLOW_NAME

    assert Workflow.objects.filter(name="Moderators approval").exists()  # Wagtail's migration
    setup_roles()
    setup_roles()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name=GERMAN_WORKFLOW_NAME).count() == 1


def test_an_editor_tree_permission_removed_by_hand_comes_back(db):
    editors = setup_roles()[Role.EDITOR]
    held = set(GroupPagePermission.objects.filter(group=editors).values_list("permission_id"))
    GroupPagePermission.objects.filter(group=editors).first().delete()
    setup_roles()
    assert set(GroupPagePermission.objects.filter(group=editors).values_list("permission_id")) == (
        held
    )


def test_setup_roles_reads_the_permissions_once(db, django_assert_max_num_queries):
    """It runs before most tests and on every start: a handful of queries, not one per
    permission name (there are about 80)."""
    setup_roles()
    with django_assert_max_num_queries(20):
        setup_roles()
