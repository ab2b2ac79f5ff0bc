"""Create the role groups and give them their permissions, idempotently."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from core.roles import (
    EDITOR_COLLECTION_PERMISSIONS,
    EDITOR_PAGE_PERMISSIONS,
    ROLE_PERMISSIONS,
    Role,
)


class _Permissions:
    """Every permission, read in one query and looked up by "app_label.codename".

    setup_roles runs before many tests and on every ``make run``; one query for each of
    its some 80 permission names made it the most expensive part of a test's set-up.
    """

    def __init__(self):
        self.by_app: dict[str, list[Permission]] = {}
        for perm in Permission.objects.select_related("content_type"):
            self.by_app.setdefault(perm.content_type.app_label, []).append(perm)

    def resolve(self, spec: str) -> list[Permission]:
        app_label, codename = spec.split(".", 1)
        perms = self.by_app.get(app_label, [])
        found = perms if codename == "*" else [p for p in perms if p.codename == codename]
        # A wildcard may match nothing yet (an app without models); a named permission
        # must exist.
        if not found and codename != "*":
            raise LookupError(f"Permission {spec!r} does not exist (is the app migrated?)")
        return found

    def one(self, spec: str) -> Permission:
        (perm,) = self.resolve(spec)
        return perm


@transaction.atomic
def setup_roles() -> dict[str, Group]:
    """Make each role group hold exactly the permissions of ROLE_PERMISSIONS.

    Running it again changes nothing; a permission removed from the table is
    removed from the group, so the table stays the truth.
    """
    permissions = _Permissions()
    groups = {}
    for role, specs in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = {perm for spec in specs for perm in permissions.resolve(spec)}
        group.permissions.set(wanted)
        groups[role] = group
    _grant_editor_tree_permissions(groups[Role.EDITOR], permissions)
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


def _grant_editor_tree_permissions(editors: Group, permissions: _Permissions) -> None:
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    for model, node, specs, where in (
        (GroupPagePermission, Page.get_first_root_node(), EDITOR_PAGE_PERMISSIONS, "page"),
        (
            GroupCollectionPermission,
            Collection.get_first_root_node(),
            EDITOR_COLLECTION_PERMISSIONS,
            "collection",
        ),
    ):
        if node is None:
            continue
        held = set(
            model.objects.filter(group=editors, **{where: node}).values_list(
                "permission_id", flat=True
            )
        )
        model.objects.bulk_create(
            model(group=editors, permission=perm, **{where: node})
            for perm in map(permissions.one, specs)
            if perm.pk not in held
        )
