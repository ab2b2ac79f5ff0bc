"""Putting back the rows the migrations made, after a transactional test, in bulk.

A browser test (``transaction=True, serialized_rollback=True``) ends with the tables
emptied; before the next one Django loads the rows the migrations had made (some 800:
permissions, content types, locales, Wagtail's root page and collection …) back from a
JSON copy, saving them one by one: an UPDATE that finds nothing and then an INSERT for
each, about 1,600 statements, half a second on SQLite and more on PostgreSQL, before
every such test. The same rows go in here with one INSERT per table (per batch the
database allows), as raw saves would store them: the fields as serialized, no signals,
each multi-table child only into its own table, many-to-many links after their rows.
A table that was not emptied gets Django's row-by-row restore. ``tests/test_bulk_restore.py``
checks that the database reads the same afterwards.
"""

import itertools
from io import StringIO

from django.core import serializers
from django.db import transaction


def _insert(model, instances, alias, connection):
    fields = list(model._meta.local_concrete_fields)
    batch = connection.ops.bulk_batch_size(fields, instances) or len(instances)
    manager = model._base_manager.using(alias)
    for start in range(0, len(instances), batch):
        manager._insert(instances[start : start + batch], fields=fields, using=alias, raw=True)


def _links(model, deserialized, alias):
    """The many-to-many links of the rows (those with a through model of their own are
    rows of that model, restored as such)."""
    for field in model._meta.local_many_to_many:
        through = field.remote_field.through
        if not through._meta.auto_created:
            continue
        source = through._meta.get_field(field.m2m_field_name()).attname
        target = through._meta.get_field(field.m2m_reverse_field_name()).attname
        links = [
            through(**{source: item.object.pk, target: pk})
            for item in deserialized
            for pk in (item.m2m_data or {}).get(field.name, ())
        ]
        through._base_manager.using(alias).bulk_create(links)


def deserialize_in_bulk(self, data):
    """``BaseDatabaseCreation.deserialize_db_from_string``, one INSERT per table."""
    connection = self.connection
    alias = connection.alias
    deserialized = list(serializers.deserialize("json", StringIO(data), using=alias))
    tables = set()
    with transaction.atomic(using=alias), connection.constraint_checks_disabled():
        # The copy lists the rows model by model (serialize_db_to_string).
        for model, rows in itertools.groupby(deserialized, key=lambda item: type(item.object)):
            rows = list(rows)
            if model._base_manager.using(alias).exists():
                # Not emptied (the first such test of a run starts from the migrated
                # database): update or add row by row, as Django does.
                for item in rows:
                    item.save()
            else:
                _insert(model, [item.object for item in rows], alias, connection)
                _links(model, rows, alias)
            tables.add(model._meta.db_table)
        connection.check_constraints(table_names=sorted(tables))
