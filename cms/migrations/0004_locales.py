"""Create a Locale for every site language and let each follow the German tree.

With a LocaleSynchronization from German, wagtail-localize creates an alias of every
new German page in each other locale, so /ro/… shows the German page (with a notice)
until a translation is published. Idempotent: existing rows are kept.
"""

from django.conf import settings
from django.db import migrations

SOURCE = "de"


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize.LocaleSynchronization")
    # Wagtail's first migration names its locale after LANGUAGE_CODE; make sure it is German.
    source, _ = Locale.objects.get_or_create(language_code=SOURCE)
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == SOURCE:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_material_pages"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
