"""Back-office lists and forms, one module per concept as in ``housing/models/``."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSetGroup

from housing.viewsets.landlords import (
    AgreementViewSet,
    ConcernViewSet,
    LandlordViewSet,
    TenancyViewSet,
)
from housing.viewsets.people import PeopleViewSetGroup
from housing.viewsets.visits import HomeVisitViewSet


class HousingViewSetGroup(ModelViewSetGroup):
    menu_label = _("Housing")
    menu_icon = "home"
    menu_order = 210
    items = (
        LandlordViewSet("landlords"),
        AgreementViewSet("agreements"),
        TenancyViewSet("tenancies"),
        ConcernViewSet("concerns"),
        HomeVisitViewSet("visits"),
    )


__all__ = ["HousingViewSetGroup", "PeopleViewSetGroup"]
