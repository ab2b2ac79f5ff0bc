"""core.links.object_url: one reverse for many ids, the same URLs as reverse()."""

import pytest
from django.urls import NoReverseMatch, reverse

from core.links import object_url


@pytest.mark.parametrize(
    "name", ["housing_timeline", "housing_log_visit", "housing_assign_companions"]
)
def test_the_same_url_as_reverse_for_every_id(name):
    url = object_url(name)
    for pk in (1, 7, 42, 10**6, 2**40):
        assert url(pk) == reverse(name, args=[pk])


def test_an_id_that_is_not_a_number_is_refused():
    with pytest.raises(ValueError):
        object_url("housing_timeline")("1/../../admin")


def test_a_url_without_exactly_one_id_is_refused():
    with pytest.raises(NoReverseMatch):
        object_url("housing_caseload")
