"""One e-mail address per account, whatever its capitals (see core/users.py).

Django's user model has no such constraint; a partial expression index adds it on
SQLite and PostgreSQL alike. Accounts without an address are not affected.
"""

from django.db import migrations

INDEX = "core_user_email_unique_ci"


def refuse_duplicates(apps, schema_editor):
    User = apps.get_model("auth", "User")
    seen = {}
    for pk, email in User.objects.exclude(email="").values_list("pk", "email"):
        key = email.lower()
        if key in seen:
            raise RuntimeError(
                f"Accounts {seen[key]} and {pk} share an e-mail address; give one of them "
                "another address (Settings → Users), then migrate again."
            )
        seen[key] = pk


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_staff_sessions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(refuse_duplicates, migrations.RunPython.noop),
        migrations.RunSQL(
            f"CREATE UNIQUE INDEX {INDEX} ON auth_user (LOWER(email)) WHERE email <> ''",
            f"DROP INDEX {INDEX}",
        ),
    ]
