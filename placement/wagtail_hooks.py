import datetime as dt
from types import SimpleNamespace

from django.urls import path
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from placement import figures, views
from placement.viewsets import PlacementViewSetGroup


@hooks.register("register_admin_viewset")
def register_placement_viewsets():
    return PlacementViewSetGroup()


@hooks.register("register_admin_urls")
def register_placement_urls():
    return [
        path(
            "placement/vacancies/<int:pk>/", views.VacancyView.as_view(), name="placement_vacancy"
        ),
        path(
            "placement/vacancies/<int:pk>/propose/<int:household_id>/",
            views.ProposeView.as_view(),
            name="placement_propose",
        ),
        path(
            "placement/vacancies/<int:pk>/photos/",
            views.PhotoUploadView.as_view(),
            name="placement_photo_upload",
        ),
        path(
            "placement/vacancies/<int:pk>/withdraw/",
            views.WithdrawView.as_view(),
            name="placement_withdraw",
        ),
        path("placement/photos/<int:pk>/", views.photo, name="placement_photo"),
        path(
            "placement/searches/<int:pk>/end/",
            views.EndSearchView.as_view(),
            name="placement_search_end",
        ),
        path(
            "placement/proposals/<int:pk>/", views.ProposalView.as_view(), name="placement_proposal"
        ),
        path(
            "placement/proposals/<int:pk>/mieterprofil.pdf",
            views.profile_pdf,
            name="placement_profile",
        ),
        path(
            "placement/households/<int:household_id>/vacancies/",
            views.HouseholdMatchesView.as_view(),
            name="placement_household_matches",
        ),
    ]


class PlacementPanel(Component):
    """Dashboard: this year's placement figures for coordinators."""

    name = "placement_figures"
    order = 95
    template_name = "placement/panels/figures.html"

    def __init__(self, year):
        self.year = year

    def get_context_data(self, parent_context=None):
        period = SimpleNamespace(
            start=dt.date(self.year, 1, 1), end=dt.date(self.year, 12, 31), district=None
        )
        return {
            "year": self.year,
            "open_vacancies": figures.open_vacancies(),
            "vacancies": figures.vacancies_offered(period),
            "proposals": figures.proposals_made(period),
            "placements": figures.placements(period),
            "certified": figures.certified_placements(period),
            "median_days": figures.median_days_to_tenancy(period),
            "acceptance_rate": figures.acceptance_rate(period),
        }


@hooks.register("construct_homepage_panels")
def add_placement_panel(request, panels):
    if request.user.has_perm("placement.change_vacancy"):
        panels.append(PlacementPanel(timezone.localdate().year))
