"""Create the role groups and give them their permissions, idempotently."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from core.roles import (
    EDITOR_COLLECTION_PERMISSIONS,
    EDITOR_PAGE_PERMISSIONS,
    ROLE_PERMISSIONS,
    Role,
)


def _resolve(spec: str) -> list[Permission]:
    app_label, codename = spec.split(".", 1)
    perms = Permission.objects.filter(content_type__app_label=app_label)
    if codename != "*":
        perms = perms.filter(codename=codename)
    found = list(perms)
    # A wildcard may match nothing yet (an app without models); a named permission must exist.
    if not found and codename != "*":
        raise LookupError(f"Permission {spec!r} does not exist (is the app migrated?)")
    return found


def _permission(spec: str) -> Permission:
    (perm,) = _resolve(spec)
    return perm


@transaction.atomic
def setup_roles() -> dict[str, Group]:
    """Make each role group hold exactly the permissions of ROLE_PERMISSIONS.

    Running it again changes nothing; a permission removed from the table is
    removed from the group, so the table stays the truth.
    """
    groups = {}
    for role, specs in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = {perm for spec in specs for perm in _resolve(spec)}
        group.permissions.set(wanted)
        groups[role] = group
    _grant_editor_tree_permissions(groups[Role.EDITOR])
    _name_the_default_workflow_in_german()
    return groups


# Wagtail's first migration names its default review workflow and task after the group
# ("Moderators approval"); editors read it on the page editor's "submit" button.
DEFAULT_WORKFLOW_NAME = "Moderators approval"
GERMAN_WORKFLOW_NAME = "Freigabe durch die Redaktion"


def _name_the_default_workflow_in_german() -> None:
    from wagtail.models import Task, Workflow

    Workflow.objects.filter(name=DEFAULT_WORKFLOW_NAME).update(name=GERMAN_WORKFLOW_NAME)
    Task.objects.filter(name=DEFAULT_WORKFLOW_NAME).update(name=GERMAN_WORKFLOW_NAME)


def _grant_editor_tree_permissions(editors: Group) -> None:
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    root_page = Page.get_first_root_node()
    if root_page is not None:
        for spec in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root_page, permission=_permission(spec)
            )
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for spec in EDITOR_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root_collection, permission=_permission(spec)
            )
