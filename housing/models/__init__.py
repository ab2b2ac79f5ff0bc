"""Housing models: people (participants, households), landlords and tenancies, visits.

Split into modules by subject; everything is importable from ``housing.models``.
"""

from housing.models.landlords import (  # noqa: F401
    AgreementStatus,
    ConcernKind,
    ConcernStatus,
    CooperationAgreement,
    Flat,
    Landlord,
    LandlordConcern,
    LandlordContact,
    LandlordKind,
    Tenancy,
    TenancyOutcome,
)
from housing.models.people import (  # noqa: F401
    Consent,
    ConsentIsAppendOnly,
    ConsentPurpose,
    ConsentStatus,
    District,
    Household,
    Participant,
    active_companions,
    companion_rule,
    phone_validator,
    postcode_validator,
)
from housing.models.visits import (  # noqa: F401
    CalendarFeed,
    DigestSent,
    FollowUp,
    FollowUpStatus,
    HomeVisit,
    VisitOutcome,
)
