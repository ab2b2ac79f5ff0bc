"""Access rules for the placement's URLs.

Vacancies, photos, the KdU table, proposing and every step are the coordinators'.
Companions read the flat searches and proposals of their own households (any other
household's is 404 for them, whichever view); trainers and editors see nothing.
"""

import io

from tests.access import DENIED, NOT_FOUND, OK, Rule, staff_only

_COORDINATOR = staff_only(coordinator=OK)
_LIST = staff_only(coordinator=OK, companion=OK)
_READ = staff_only(coordinator=OK, companion=OK)
_OUTSIDE = staff_only(coordinator=OK, companion=NOT_FOUND)


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 180, 120)).save(buffer, "PNG")
    return buffer.getvalue()


def extend_world(world, users):
    from django.core.files.base import ContentFile

    from placement.models import Proposal, RentLimit, VacancyPhoto
    from tests.placement.factories import FlatSearchFactory, VacancyFactory

    vacancy = VacancyFactory()
    photo = VacancyPhoto(vacancy=vacancy, caption="Küche", content_type="image/png")
    photo.image.save("kueche.png", ContentFile(_png()), save=True)
    search = FlatSearchFactory(household=world["household"])
    other_search = FlatSearchFactory(household=world["other_household"])
    world.update(
        vacancy=vacancy,
        vacancy_photo=photo,
        flat_search=search,
        other_flat_search=other_search,
        rent_limit=RentLimit.objects.create(household_size=3, max_rent=620),
        proposal=Proposal.objects.create(vacancy=vacancy, household=world["household"], why="Test"),
        other_proposal=Proposal.objects.create(
            vacancy=vacancy, household=world["other_household"], why="Test"
        ),
    )


def _record(key):
    return lambda w: [w[key].pk]


def _scoped(inside, outside, expect_inside, expect_outside):
    return {
        "in scope": (_record(inside), expect_inside),
        "out of scope": (_record(outside), expect_outside),
    }


def _coordinator_viewset(prefix, key):
    rules = {
        f"{prefix}:index": Rule(expect=_COORDINATOR),
        f"{prefix}:index_results": Rule(expect=_COORDINATOR),
        f"{prefix}:add": Rule(expect=_COORDINATOR),
    }
    for view in ("edit", "delete", "history", "history_results", "usage"):
        rules[f"{prefix}:{view}"] = Rule(args=_record(key), expect=_COORDINATOR)
    return rules


def _companion_reads(prefix, inside, outside, inspect=False):
    rules = {
        f"{prefix}:index": Rule(expect=_LIST),
        f"{prefix}:index_results": Rule(expect=_LIST),
    }
    views = ["edit", "delete", "history", "history_results", "usage"]
    for view in views:
        rules[f"{prefix}:{view}"] = Rule(cases=_scoped(inside, outside, _COORDINATOR, _OUTSIDE))
    if inspect:
        rules[f"{prefix}:inspect"] = Rule(cases=_scoped(inside, outside, _READ, _OUTSIDE))
    return rules


RULES = {
    **_coordinator_viewset("vacancies", "vacancy"),
    **_coordinator_viewset("rent_limits", "rent_limit"),
    **_companion_reads("flat_searches", "flat_search", "other_flat_search", inspect=True),
    "flat_searches:add": Rule(expect=_COORDINATOR),
    **_companion_reads("proposals", "proposal", "other_proposal"),
    # Proposals start from a vacancy's matches: the generic "add" sends coordinators there.
    "proposals:add": Rule(expect={**staff_only(), "coordinator": "redirect to /admin/vacancies/"}),
    "placement_vacancy": Rule(args=_record("vacancy"), expect=_COORDINATOR),
    "placement_propose": Rule(
        args=lambda w: [w["vacancy"].pk, w["household"].pk], expect=_COORDINATOR
    ),
    "placement_photo_upload": Rule(args=_record("vacancy"), expect=_COORDINATOR),
    "placement_withdraw": Rule(args=_record("vacancy"), expect=_COORDINATOR),
    # Change permission first (companions only read searches: 403), then the scope.
    "placement_search_end": Rule(
        cases=_scoped("flat_search", "other_flat_search", _COORDINATOR, _COORDINATOR)
    ),
    "placement_photo": Rule(args=_record("vacancy_photo"), expect=_COORDINATOR),
    "placement_proposal": Rule(cases=_scoped("proposal", "other_proposal", _READ, _OUTSIDE)),
    "placement_profile": Rule(
        cases=_scoped(
            "proposal",
            "other_proposal",
            _COORDINATOR,
            staff_only(coordinator=OK, companion=DENIED),
        )
    ),
    "placement_household_matches": Rule(args=lambda w: [w["household"].pk], expect=_COORDINATOR),
}
