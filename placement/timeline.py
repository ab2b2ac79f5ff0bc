"""Proposals and their steps on the household timeline (registered in PlacementConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext as _


def proposal_entries(household, user):
    """One entry per step of the household's proposals the user may see; two queries."""
    from housing.timeline import Entry
    from placement.models import Proposal, ProposalStatus

    proposals = (
        Proposal.objects.visible_to(user)
        .filter(household=household)
        .select_related("vacancy__flat__landlord")
        .prefetch_related("steps")
    )
    for proposal in proposals:
        for step in proposal.steps.all():
            lines = [str(proposal.vacancy.flat), proposal.vacancy.flat.landlord.name]
            if step.note:
                lines.append(step.note)
            yield Entry(
                step.date,
                "proposals",
                _("Flat proposal: %(step)s") % {"step": step.get_status_display()},
                lines,
                reverse("placement_proposal", args=[proposal.pk]),
                warning=step.status == ProposalStatus.DECLINED,
            )
