from wagtail.users.apps import WagtailUsersAppConfig


class StaffUsersAppConfig(WagtailUsersAppConfig):
    """wagtail.users with unique e-mail addresses (core.users); INSTALLED_APPS names it.

    Its own module: an app config's module must not import models.
    """

    user_viewset = "core.users.StaffUserViewSet"
