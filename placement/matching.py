"""Which households fit a vacancy, and which vacancies fit a household: the one read rule.

Everything is computed in the database as annotations, so a list costs the same few
queries for 10 or 500 households. ``reasons()`` turns the annotated flags into the
sentences the screens show; it reads only the annotations (no queries).

A household fits when the flat has the rooms it needs, the rent (cold rent plus service
charges) is within its limit, the district is wanted (or none is named) and not
excluded, the flat is free by its earliest move-in (plus ``MOVE_IN_SLACK_DAYS``), the
floor suits its needs and pets are allowed if it has some. The landlord's person limit
only warns: a proposal above it needs a reason (see ``services.propose``).
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from housing.models import ConsentPurpose, Household, Participant
from placement.models import FlatSearch, RentLimit, Vacancy, euro

# A household that can move in from the 15th still fits a flat free from the 1st, and
# a flat free two weeks before the household can move still fits it.
MOVE_IN_SLACK_DAYS = 30

HARD_CRITERIA = (
    "fits_rooms",
    "fits_rent",
    "fits_district",
    "fits_move_in",
    "fits_floor",
    "fits_pets",
)

_MONEY = DecimalField(max_digits=9, decimal_places=2)
# Conditions that hold for every row (or none): the other side of the match decides.
ALWAYS = Q(pk__isnull=False)
NEVER = Q(pk__isnull=True)


def _flag(condition) -> ExpressionWrapper:
    return ExpressionWrapper(condition, output_field=BooleanField())


def certified_households():
    """Households with a member whose certificate is in force today (certificates' rule)."""
    from certificates.models import Certificate

    return Certificate.objects.currently_valid().filter(participant__household=OuterRef("pk"))


def _rent_limit(size_ref: str):
    # The row for the size, or the largest smaller one for households above the table.
    return Subquery(
        RentLimit.objects.filter(household_size__lte=OuterRef(size_ref))
        .order_by("-household_size")
        .values("max_rent")[:1],
        output_field=_MONEY,
    )


def searching_households(households=None):
    """Households with an active flat search, annotated with what matching needs.

    ``size`` (members, unless the search gives a size), ``rent_limit`` (the search's
    own limit, else the KdU table), ``certified``, and ``member_count`` /
    ``members_consenting`` for landlord contact (housing's consent rule).
    """
    households = households if households is not None else Household.objects.all()
    members = (
        Participant.objects.filter(household=OuterRef("pk"), exit_date__isnull=True)
        .order_by()
        .values("household")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        households.with_consent(ConsentPurpose.LANDLORD_CONTACT)
        .filter(flat_search__in=FlatSearch.objects.active())
        .annotate(
            size=Coalesce(
                F("flat_search__household_size"),
                Subquery(members, output_field=IntegerField()),
                Value(1),
            ),
            rent_limit=Coalesce(F("flat_search__max_rent"), _rent_limit("size")),
            certified=Exists(certified_households()),
        )
        .select_related("flat_search", "district")
    )


def households_for(vacancy: Vacancy, households=None):
    """The searching households, each with its fit for ``vacancy``, best first.

    Ranking: households that fit every hard criterion first; among them (and among the
    rest) certified households first, then more criteria met, then the longest search.
    """
    through_wanted = FlatSearch.districts_wanted.through.objects.filter(
        flatsearch=OuterRef("flat_search")
    )
    through_excluded = FlatSearch.districts_excluded.through.objects.filter(
        flatsearch=OuterRef("flat_search"), district_id=vacancy.district_id
    )
    from placement.models import OPEN_PROPOSAL_STATUSES, ProposalStatus

    proposals = vacancy.proposals.filter(household=OuterRef("pk"))
    total = vacancy.cold_rent + vacancy.service_charges
    latest_move_in = vacancy.available_from + dt.timedelta(days=MOVE_IN_SLACK_DAYS)
    queryset = searching_households(households).annotate(
        wants_any=Exists(through_wanted),
        wants_this=Exists(through_wanted.filter(district_id=vacancy.district_id)),
        excludes_this=Exists(through_excluded),
        already_proposed=Exists(
            proposals.filter(
                status__in=[*OPEN_PROPOSAL_STATUSES, ProposalStatus.ACCEPTED, ProposalStatus.LET]
            )
        ),
    )
    queryset = queryset.annotate(
        fits_rooms=_flag(Q(flat_search__rooms_needed__lte=vacancy.rooms)),
        fits_rent=_flag(Q(rent_limit__gte=total)),
        fits_district=_flag((Q(wants_this=True) | Q(wants_any=False)) & Q(excludes_this=False)),
        fits_move_in=_flag(
            Q(flat_search__earliest_move_in__isnull=True)
            | Q(flat_search__earliest_move_in__lte=latest_move_in)
        ),
        fits_floor=_flag(
            ALWAYS
            if vacancy.floor <= 0 or vacancy.lift
            else Q(flat_search__needs_ground_floor=False)
        ),
        fits_pets=_flag(ALWAYS if vacancy.pets_allowed else Q(flat_search__has_pets=False)),
        fits_size=_flag(
            ALWAYS if vacancy.max_persons is None else Q(size__lte=vacancy.max_persons)
        ),
    )
    return _ranked(queryset)


def _ranked(queryset):
    met = sum((Cast(F(name), IntegerField()) for name in HARD_CRITERIA), Value(0))
    return queryset.annotate(
        criteria_met=met, fits=_flag(Q(**dict.fromkeys(HARD_CRITERIA, True)))
    ).order_by(
        F("fits").desc(),
        F("certified").desc(),
        F("criteria_met").desc(),
        "flat_search__searching_since",
        "pk",
    )


def vacancies_for(household: Household, vacancies=None):
    """The vacancies taking proposals, each with its fit for ``household``, best first.

    ``household`` must come from ``searching_households()`` (it carries size and limit).
    Two queries for the household's districts, one for the list.
    """
    search = household.flat_search
    wanted = list(search.districts_wanted.values_list("pk", flat=True))
    excluded = list(search.districts_excluded.values_list("pk", flat=True))
    vacancies = vacancies if vacancies is not None else Vacancy.objects.all()
    always, never = ALWAYS, NEVER
    limit = household.rent_limit
    latest_needed = search.earliest_move_in
    queryset = vacancies.taking_proposals().annotate(
        fits_rooms=_flag(Q(rooms__gte=search.rooms_needed)),
        fits_rent=_flag(
            never
            if limit is None
            else Q(cold_rent__lte=Value(limit, output_field=_MONEY) - F("service_charges"))
        ),
        fits_district=_flag(
            (Q(district__in=wanted) if wanted else always) & ~Q(district__in=excluded)
        ),
        fits_move_in=_flag(
            always
            if latest_needed is None
            else Q(available_from__gte=latest_needed - dt.timedelta(days=MOVE_IN_SLACK_DAYS))
        ),
        fits_floor=_flag(Q(floor__lte=0) | Q(lift=True) if search.needs_ground_floor else always),
        fits_pets=_flag(Q(pets_allowed=True) if search.has_pets else always),
        fits_size=_flag(Q(max_persons__isnull=True) | Q(max_persons__gte=household.size)),
    )
    met = sum((Cast(F(name), IntegerField()) for name in HARD_CRITERIA), Value(0))
    return (
        queryset.annotate(criteria_met=met, fits=_flag(Q(**dict.fromkeys(HARD_CRITERIA, True))))
        .select_related("flat__landlord", "district")
        .order_by(F("fits").desc(), F("criteria_met").desc(), "available_from", "pk")
    )


@dataclass(frozen=True)
class Reason:
    ok: bool
    text: str
    warning: bool = False


def reasons(row, vacancy: Vacancy, household) -> list[Reason]:
    """Why ``row`` (an annotated household or vacancy) fits or not; no queries.

    ``vacancy`` and ``household`` are the two sides of the match (one of them is ``row``).
    """
    search = household.flat_search
    total = vacancy.cold_rent + vacancy.service_charges
    out = [
        Reason(
            row.fits_rooms,
            _("%(rooms)s rooms, needs at least %(needed)s")
            % {
                "rooms": number_format(vacancy.rooms, 1),
                "needed": number_format(search.rooms_needed, 1),
            },
        ),
        Reason(
            row.fits_rent,
            _("rent %(rent)s, limit %(limit)s")
            % {"rent": euro(total), "limit": euro(household.rent_limit)}
            if household.rent_limit is not None
            else _("rent %(rent)s, no rent limit known for %(size)s persons")
            % {"rent": euro(total), "size": household.size},
        ),
        Reason(
            row.fits_district,
            _("district %(district)s is wanted") % {"district": vacancy.district}
            if row.fits_district
            else _("district %(district)s is not wanted or excluded")
            % {"district": vacancy.district},
        ),
        Reason(
            row.fits_move_in,
            _("free from %(date)s") % {"date": f"{vacancy.available_from:%d.%m.%Y}"}
            if search.earliest_move_in is None
            else _("free from %(date)s, can move in from %(earliest)s")
            % {
                "date": f"{vacancy.available_from:%d.%m.%Y}",
                "earliest": f"{search.earliest_move_in:%d.%m.%Y}",
            },
        ),
    ]
    if search.needs_ground_floor:
        out.append(
            Reason(
                row.fits_floor,
                _("ground floor or lift")
                if row.fits_floor
                else _("needs the ground floor or a lift"),
            )
        )
    if search.has_pets:
        out.append(
            Reason(row.fits_pets, _("pets allowed") if row.fits_pets else _("no pets allowed"))
        )
    if vacancy.max_persons is not None:
        out.append(
            Reason(
                row.fits_size,
                _("%(size)s persons, the landlord allows at most %(max)s")
                % {"size": household.size, "max": vacancy.max_persons},
                warning=not row.fits_size,
            )
        )
    return out
