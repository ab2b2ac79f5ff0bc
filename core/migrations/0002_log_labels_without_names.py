"""Rewrite the labels of existing admin log entries that name a person.

Until now every generic admin save logged the record's ``str()`` (a participant's
name) as the entry's label; new entries are labelled by core.audit. Labels of
districts, courses and curriculum modules name no person and stay as they are.
"""

from django.db import migrations
from django.utils import translation
from django.utils.translation import gettext

PROGRAMME_APPS = ("core", "housing", "courses", "certificates", "monitoring", "privacy")
LABELS_WITHOUT_PERSONS = {("housing", "district"), ("courses", "course"), ("courses", "curriculummodule")}


def relabel(apps, schema_editor):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    with translation.override("de"):
        for content_type in ContentType.objects.filter(app_label__in=PROGRAMME_APPS):
            if (content_type.app_label, content_type.model) in LABELS_WITHOUT_PERSONS:
                continue
            try:
                model = apps.get_model(content_type.app_label, content_type.model)
                name = gettext(str(model._meta.verbose_name))
            except LookupError:
                name = content_type.model
            entries = ModelLogEntry.objects.filter(content_type=content_type)
            for entry in entries.only("pk", "object_id").iterator():
                ModelLogEntry.objects.filter(pk=entry.pk).update(label=f"{name} #{entry.object_id}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_rate_counter"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("housing", "0002_landlords_tenancies_visits"),
        ("courses", "0004_exam_result_corrections"),
        ("certificates", "0001_initial"),
    ]

    operations = [migrations.RunPython(relabel, migrations.RunPython.noop, elidable=True)]
