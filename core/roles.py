"""The programme's staff roles and what each may do.

One table for the whole project, so that who may do what can be read and reviewed in
one place. Groups are Django groups with model permissions; which *records* a role
sees is decided by each model's ``visible_to(user)`` queryset, built on the
predicates in this module.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "Coordinator", _("Coordinator")
    TRAINER = "Trainer", _("Trainer")
    COMPANION = "Companion", _("Companion")
    EDITOR = "Editor", _("Editor")


ADMIN_ACCESS = "wagtailadmin.access_admin"

# Editors' image and document permissions: held by the group and granted on the root
# collection (Wagtail checks them per collection). One list for both.
EDITOR_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
    "wagtaildocs.choose_document",
]

# Model permissions per role: "app_label.codename", or "app_label.*" for every
# permission of that app's models. Later apps add their rows here.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.COORDINATOR: [
        ADMIN_ACCESS,
        "housing.*",
        "courses.*",
        "certificates.*",
        # ESF Plus monitoring, special-category data (GDPR Art. 9) included: only
        # coordinators record it and see the report.
        "monitoring.*",
        # GDPR: the person's copy, erasure, the access log, the records of processing.
        "privacy.*",
        # Placement: vacancies, flat searches, the KdU table, proposals.
        "placement.*",
    ],
    Role.TRAINER: [
        ADMIN_ACCESS,
        # Trainers run their own courses (scope: Course.objects.visible_to); only
        # coordinators delete courses or grant exam admission by exception.
        "courses.view_curriculummodule",
        "courses.add_course",
        "courses.change_course",
        "courses.view_course",
        "courses.add_session",
        "courses.change_session",
        "courses.view_session",
        "courses.add_enrolment",
        "courses.change_enrolment",
        "courses.view_enrolment",
        "courses.add_attendance",
        "courses.change_attendance",
        "courses.view_attendance",
        "courses.add_exam",
        "courses.change_exam",
        "courses.view_exam",
        "courses.add_exampart",
        "courses.change_exampart",
        "courses.view_exampart",
        "courses.add_examresult",
        "courses.change_examresult",
        "courses.view_examresult",
        # Trainers issue certificates for their own courses (scope:
        # Certificate.objects.visible_to); only coordinators revoke or re-issue.
        "certificates.view_certificate",
        "certificates.issue_certificate",
    ],
    Role.COMPANION: [
        ADMIN_ACCESS,
        "housing.view_household",
        "housing.view_participant",
        # Klartext: their households' tenancies (read; landlord contact shown there),
        # visits and concerns (read and write), follow-ups (add, edit, complete,
        # reopen). Scope is
        # decided by visible_to(); landlords and agreements stay with coordinators.
        "housing.view_tenancy",
        "housing.view_homevisit",
        "housing.add_homevisit",
        "housing.change_homevisit",
        "housing.view_landlordconcern",
        "housing.add_landlordconcern",
        "housing.change_landlordconcern",
        "housing.view_followup",
        "housing.add_followup",
        "housing.change_followup",
        # Their households' flat searches and proposals, read-only (placement.models).
        "placement.view_flatsearch",
        "placement.view_proposal",
    ],
    Role.EDITOR: [
        ADMIN_ACCESS,
        *EDITOR_COLLECTION_PERMISSIONS,
        "wagtail_localize.submit_translation",
        # Editors keep the curriculum with its material pages: add, rename, order,
        # retire modules (courses/services/curriculum.py); never delete them.
        "courses.add_curriculummodule",
        "courses.change_curriculummodule",
        "courses.view_curriculummodule",
        # The contact block for families on every public page (a snippet).
        "cms.add_advicecentre",
        "cms.change_advicecentre",
        "cms.delete_advicecentre",
        "cms.view_advicecentre",
    ],
}

# Page permissions an editor holds on the whole page tree.
EDITOR_PAGE_PERMISSIONS = [
    "wagtailcore.add_page",
    "wagtailcore.change_page",
    "wagtailcore.publish_page",
    "wagtailcore.lock_page",
    "wagtailcore.unlock_page",
]


def role_names(user) -> frozenset[str]:
    """The names of the user's groups, read once per user object."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(role_names(user) & set(roles))


def sees_everything(user) -> bool:
    """Superusers and coordinators see every programme record."""
    return bool(user.is_authenticated and user.is_active and user.is_superuser) or has_role(
        user, Role.COORDINATOR
    )
