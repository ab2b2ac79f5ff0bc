"""The housing demo data: what the issue asks for, and nothing twice on a second run."""

import io

import pytest
from django.utils import timezone

from core.demo import seed_staff
from housing import demo
from housing.files import pdf_problem
from housing.models import CooperationAgreement, FollowUp, HomeVisit, Landlord, Tenancy


@pytest.mark.django_db
def test_demo_is_complete_and_idempotent(roles):
    seed_staff(io.StringIO())
    demo.seed(io.StringIO())
    counts = (
        Landlord.objects.count(),
        CooperationAgreement.objects.filter(status="active").count(),
        Tenancy.objects.count(),
        HomeVisit.objects.count(),
        FollowUp.objects.count(),
    )
    demo.seed(io.StringIO())
    assert counts == (
        Landlord.objects.count(),
        CooperationAgreement.objects.filter(status="active").count(),
        Tenancy.objects.count(),
        HomeVisit.objects.count(),
        FollowUp.objects.count(),
    )
    assert Landlord.objects.filter(kind="association").exists()
    assert counts[1] == 6
    assert counts[3] == 60
    assert {u.username for v in HomeVisit.objects.all() for u in v.companions.all()} == {
        "companion",
        "companion2",
    }
    assert FollowUp.objects.overdue(timezone.localdate()).filter(concern__isnull=False).count() >= 3
    for agreement in CooperationAgreement.objects.filter(status="active"):
        assert pdf_problem(agreement.document.read()) is None
    assert CooperationAgreement.objects.ending_within(60).count() == 2
