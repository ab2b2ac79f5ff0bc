"""The daily django-q2 schedule of the retention job (idempotent)."""

from django.db import migrations

NAME = "privacy: retention"
FUNC = "privacy.tasks.run_retention"


def create_schedule(apps, schema_editor):
    import datetime as dt

    from django.utils import timezone

    Schedule = apps.get_model("django_q", "Schedule")
    if Schedule.objects.filter(func=FUNC).exists():
        return
    # First run tomorrow at 03:00 (a quiet hour), then daily.
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    first = timezone.make_aware(dt.datetime.combine(tomorrow, dt.time(3, 0)))
    Schedule.objects.create(name=NAME, func=FUNC, schedule_type="D", repeats=-1, next_run=first)


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(func=FUNC).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
