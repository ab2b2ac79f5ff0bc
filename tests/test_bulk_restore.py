"""The bulk restore of the migrations' rows (tests/bulk_restore.py) gives the same
database as Django's row-by-row one."""

import pytest
from django.core.management import call_command
from django.db import connection, connections

from tests.bulk_restore import deserialize_in_bulk


def _empty_the_tables():
    """As a transactional test's teardown does: the sequences go on (the restored rows
    keep their ids, and new rows must not get one of them)."""
    call_command(
        "flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=False
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_bulk_restore_reads_back_the_same_rows():
    copy = connections["default"]._test_serialized_contents
    assert copy.count('"model"') > 500  # permissions, content types, locales, pages, …
    _empty_the_tables()
    assert connection.creation.serialize_db_to_string() != copy  # emptied
    deserialize_in_bulk(connection.creation, copy)
    assert connection.creation.serialize_db_to_string() == copy


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_many_to_many_links_come_back_too():
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Zum Zurücklegen")
    group.permissions.set(Permission.objects.filter(codename__startswith="view_")[:5])
    copy = connection.creation.serialize_db_to_string()
    _empty_the_tables()
    deserialize_in_bulk(connection.creation, copy)
    assert connection.creation.serialize_db_to_string() == copy
    assert Group.objects.get(name="Zum Zurücklegen").permissions.count() == 5


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rows_still_there_are_updated_not_added_twice():
    from django.contrib.contenttypes.models import ContentType

    copy = connections["default"]._test_serialized_contents
    types = ContentType.objects.count()
    ContentType.objects.filter(app_label="auth", model="group").update(model="gruppe")
    deserialize_in_bulk(connection.creation, copy)  # nothing emptied
    assert ContentType.objects.count() == types
    assert connection.creation.serialize_db_to_string() == copy
