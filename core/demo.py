"""Demo staff accounts, one per role. The names are invented."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.roles import Role

# username: (given name, family name, role or None for a superuser)
DEMO_STAFF = {
    "admin": ("Ada", "Admin", None),
    "coordinator": ("Katrin", "Vogelsang", Role.COORDINATOR),
    "trainer": ("Tobias", "Lindqvist", Role.TRAINER),
    "trainer2": ("Sevgi", "Aydınlı", Role.TRAINER),
    "companion": ("Mirela", "Cojocaru", Role.COMPANION),
    "companion2": ("Rami", "Haddadin", Role.COMPANION),
    "editor": ("Jonas", "Feldbach", Role.EDITOR),
}


def seed_staff(stdout) -> dict:
    User = get_user_model()
    users = {}
    for username, (first, last, role) in DEMO_STAFF.items():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@example.org",
                "is_staff": role is None,
                "is_superuser": role is None,
            },
        )
        if created:
            user.set_password(settings.DEMO_PASSWORD)
            user.save()
        if role:
            user.groups.add(Group.objects.get(name=role))
        users[username] = user
    stdout.write(f"Staff: {', '.join(users)}")
    return users
