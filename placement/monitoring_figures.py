"""Placement figures offered to monitoring's programme figures (monitoring/figures.py finds
this module; placement does not import monitoring)."""

from django.utils.translation import gettext_lazy as _

from placement import figures

FIGURES = [
    {
        "key": "placement_vacancies",
        "label": _("Vacancies offered"),
        "compute": figures.vacancies_offered,
        "order": 400,
        "explanation": _("Vacancies of cooperating landlords recorded in the period."),
    },
    {
        "key": "placement_proposals",
        "label": _("Households proposed to landlords"),
        "compute": figures.proposals_made,
        "order": 401,
        "explanation": _("Proposals of a household for a vacancy made in the period."),
    },
    {
        "key": "placement_placements",
        "label": _("Placements"),
        "compute": figures.placements,
        "order": 402,
        "explanation": _("Tenancies created from a proposal whose lease starts in the period."),
    },
    {
        "key": "placement_certified",
        "label": _("Placements of certified households"),
        "compute": figures.certified_placements,
        "order": 403,
        "explanation": _(
            "Placements of households with a member whose certificate was valid when the "
            "lease started."
        ),
    },
    {
        "key": "placement_median_days",
        "label": _("Median days from vacancy to tenancy"),
        "compute": figures.median_days_to_tenancy,
        "order": 404,
        "unit": _("days"),
        "explanation": _(
            "Median of the days from “available from” of the vacancy to the start of the "
            "lease, over the period's placements."
        ),
    },
    {
        "key": "placement_acceptance_rate",
        "label": _("Acceptance rate of proposals"),
        "compute": figures.acceptance_rate,
        "order": 405,
        "unit": "%",
        "explanation": _(
            "Accepted (or let) proposals as a share of the decided proposals made in the period."
        ),
    },
]
