from tests.access import DENIED, NOT_FOUND, OK, Rule, everyone, staff_only

# Coordinators see and change every record. Companions read (never change) their
# assigned households and those households' members; a record outside their scope
# answers 404 in every view, before any permission check. Trainers and editors have
# no access to any of it.
_LIST = staff_only(coordinator=OK, companion=OK)
_COORDINATOR = staff_only(coordinator=OK)
_READ = staff_only(coordinator=OK, companion=OK)
_READ_OUTSIDE = staff_only(coordinator=OK, companion=NOT_FOUND)


def _scoped(key_inside: str, key_outside: str, inside: dict, outside: dict):
    """Check a record inside the companion's scope and one outside it."""
    return {
        "in scope": (lambda w: [w[key_inside].pk], inside),
        "out of scope": (lambda w: [w[key_outside].pk], outside),
    }


def _coordinator_only(key_inside, key_outside):
    return _scoped(key_inside, key_outside, _COORDINATOR, _READ_OUTSIDE)


def _readable(key_inside, key_outside):
    return _scoped(key_inside, key_outside, _READ, _READ_OUTSIDE)


RULES = {
    "participants:index": Rule(expect=_LIST),
    "participants:index_results": Rule(expect=_LIST),
    "participants:add": Rule(expect=_COORDINATOR),
    "participants:inspect": Rule(cases=_readable("participant", "other_participant")),
    "participants:edit": Rule(cases=_coordinator_only("participant", "other_participant")),
    "participants:delete": Rule(cases=_coordinator_only("participant", "other_participant")),
    "participants:history": Rule(cases=_coordinator_only("participant", "other_participant")),
    "participants:history_results": Rule(
        cases=_coordinator_only("participant", "other_participant")
    ),
    "participants:usage": Rule(cases=_coordinator_only("participant", "other_participant")),
    "households:index": Rule(expect=_LIST),
    "households:index_results": Rule(expect=_LIST),
    "households:add": Rule(expect=_COORDINATOR),
    "households:inspect": Rule(cases=_readable("household", "other_household")),
    "households:edit": Rule(cases=_coordinator_only("household", "other_household")),
    "households:delete": Rule(cases=_coordinator_only("household", "other_household")),
    "households:history": Rule(cases=_coordinator_only("household", "other_household")),
    "households:history_results": Rule(cases=_coordinator_only("household", "other_household")),
    "households:usage": Rule(cases=_coordinator_only("household", "other_household")),
    "districts:index": Rule(expect=_COORDINATOR),
    "districts:index_results": Rule(expect=_COORDINATOR),
    "districts:add": Rule(expect=_COORDINATOR),
    "districts:edit": Rule(args=lambda w: [w["district"].pk], expect=_COORDINATOR),
    "districts:delete": Rule(args=lambda w: [w["district"].pk], expect=_COORDINATOR),
    "districts:history": Rule(args=lambda w: [w["district"].pk], expect=_COORDINATOR),
    "districts:history_results": Rule(args=lambda w: [w["district"].pk], expect=_COORDINATOR),
    "districts:usage": Rule(args=lambda w: [w["district"].pk], expect=_COORDINATOR),
}


# --- Landlords, agreements, tenancies, concerns, visits, task screens ----------------------
#
# Landlords and agreements are the coordinators' business: companions hold no
# permission on them (they read a tenancy's landlord contact on the timeline).
# Companions read tenancies and read/write visits and concerns of their assigned
# households; any other household's record is 404 for them, whichever view.

_COMPANION_WRITES = staff_only(coordinator=OK, companion=OK)
_COMPANION_NO_DELETE = staff_only(coordinator=OK, companion=DENIED)


def extend_world(world, users):
    from housing.models import CalendarFeed
    from tests.housing.factories import (
        AgreementFactory,
        ConcernFactory,
        FlatFactory,
        FollowUpFactory,
        HomeVisitFactory,
        LandlordContactFactory,
        TenancyFactory,
    )

    world["calendar_token"] = CalendarFeed.objects.create(user=users["companion"]).token
    flat = FlatFactory()
    other_flat = FlatFactory()
    LandlordContactFactory(landlord=flat.landlord)
    tenancy = TenancyFactory(household=world["household"], flat=flat)
    other_tenancy = TenancyFactory(household=world["other_household"], flat=other_flat)
    concern = ConcernFactory(tenancy=tenancy)
    world.update(
        landlord=flat.landlord,
        other_landlord=other_flat.landlord,
        agreement=AgreementFactory(
            landlord=flat.landlord,
            programme_contact=users["coordinator"],
            with_document=True,
        ),
        tenancy=tenancy,
        other_tenancy=other_tenancy,
        concern=concern,
        other_concern=ConcernFactory(tenancy=other_tenancy),
        visit=HomeVisitFactory(household=world["household"], companions=[users["companion"]]),
        other_visit=HomeVisitFactory(household=world["other_household"]),
        follow_up=FollowUpFactory(household=world["household"], concern=concern),
        other_follow_up=FollowUpFactory(household=world["other_household"]),
    )


def _coordinator_viewset(prefix: str, key: str, inspect: bool = False) -> dict[str, Rule]:
    rules = {
        f"{prefix}:index": Rule(expect=_COORDINATOR),
        f"{prefix}:index_results": Rule(expect=_COORDINATOR),
        f"{prefix}:add": Rule(expect=_COORDINATOR),
    }
    views = ["edit", "delete", "history", "history_results", "usage"]
    if inspect:
        views.append("inspect")
    for view in views:
        rules[f"{prefix}:{view}"] = Rule(args=lambda w, key=key: [w[key].pk], expect=_COORDINATOR)
    return rules


def _companion_viewset(prefix: str, key: str, other: str) -> dict[str, Rule]:
    return {
        f"{prefix}:index": Rule(expect=_LIST),
        f"{prefix}:index_results": Rule(expect=_LIST),
        f"{prefix}:add": Rule(expect=_COMPANION_WRITES),
        f"{prefix}:inspect": Rule(cases=_readable(key, other)),
        f"{prefix}:edit": Rule(cases=_readable(key, other)),
        f"{prefix}:history": Rule(cases=_readable(key, other)),
        f"{prefix}:history_results": Rule(cases=_readable(key, other)),
        f"{prefix}:usage": Rule(cases=_readable(key, other)),
        f"{prefix}:delete": Rule(cases=_scoped(key, other, _COMPANION_NO_DELETE, _READ_OUTSIDE)),
    }


RULES.update(_coordinator_viewset("landlords", "landlord", inspect=True))
RULES.update(_coordinator_viewset("agreements", "agreement"))
RULES.update(
    {
        "tenancies:index": Rule(expect=_LIST),
        "tenancies:index_results": Rule(expect=_LIST),
        "tenancies:add": Rule(expect=_COORDINATOR),
        "tenancies:inspect": Rule(cases=_readable("tenancy", "other_tenancy")),
        "tenancies:edit": Rule(cases=_coordinator_only("tenancy", "other_tenancy")),
        "tenancies:delete": Rule(cases=_coordinator_only("tenancy", "other_tenancy")),
        "tenancies:history": Rule(cases=_coordinator_only("tenancy", "other_tenancy")),
        "tenancies:history_results": Rule(cases=_coordinator_only("tenancy", "other_tenancy")),
        "tenancies:usage": Rule(cases=_coordinator_only("tenancy", "other_tenancy")),
    }
)
RULES.update(_companion_viewset("concerns", "concern", "other_concern"))
RULES.update(_companion_viewset("visits", "visit", "other_visit"))
RULES.update(
    {
        "housing_caseload": Rule(expect=_LIST),
        "housing_log_visit": Rule(cases=_readable("household", "other_household")),
        "housing_timeline": Rule(cases=_readable("household", "other_household")),
        "housing_assign_companions": Rule(
            cases=_scoped("household", "other_household", _COORDINATOR, _COORDINATOR)
        ),
        "housing_follow_up_done": Rule(cases=_readable("follow_up", "other_follow_up")),
        "housing_agreement_document": Rule(args=lambda w: [w["agreement"].pk], expect=_COORDINATOR),
        # The explicit status actions: change permission first (companions only read
        # tenancies, so 403 before any scope), then the record.
        "housing_agreement_end": Rule(args=lambda w: [w["agreement"].pk], expect=_COORDINATOR),
        "housing_tenancy_end": Rule(
            cases=_scoped("tenancy", "other_tenancy", _COORDINATOR, _COORDINATOR)
        ),
        "housing_service_worker": Rule(expect=_LIST),
        "housing_calendar": Rule(expect=_LIST),
        # The token is the key: nobody signs in, a wrong token is 404 for everyone.
        "housing_calendar_feed": Rule(
            cases={
                "valid token": (lambda w: [w["calendar_token"]], everyone(OK)),
                "unknown token": (lambda w: ["not-a-token"], everyone(NOT_FOUND)),
            }
        ),
        "housing_concern_resolve": Rule(cases=_readable("concern", "other_concern")),
        "housing_concern_reopen": Rule(cases=_readable("concern", "other_concern")),
        "housing_follow_up_edit": Rule(cases=_readable("follow_up", "other_follow_up")),
        "housing_follow_up_add": Rule(cases=_readable("household", "other_household")),
        # POST only; the world's follow-up is open, so reopening it is refused with a
        # message and the usual redirect back to the caseload.
        "housing_follow_up_reopen": Rule(
            method="post",
            cases=_scoped(
                "follow_up",
                "other_follow_up",
                staff_only(
                    coordinator="redirect to /admin/housing/caseload/",
                    companion="redirect to /admin/housing/caseload/",
                ),
                staff_only(coordinator="redirect to /admin/housing/caseload/", companion=NOT_FOUND),
            ),
        ),
    }
)
