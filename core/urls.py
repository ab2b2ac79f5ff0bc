"""Staff sign-in screens and scoped replacements of Wagtail admin screens.

config/urls.py lists these before Wagtail's admin URLs: where a path is the same as
Wagtail's (logout, site history), ours answers, and Wagtail's templates still link to
it by Wagtail's URL name.
"""

from functools import update_wrapper

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access

from core import account_views as views
from core.reports import ScopedLogEntriesView
from core.users import StaffAccountView


def staff(view):
    """Staff only, never cached; keeps the view's name and module (the access matrix
    recognises our views by their module; Wagtail's decorator does not keep it)."""
    return update_wrapper(require_admin_access(never_cache(view)), view)


urlpatterns = [
    path("admin/logout/", views.logout_view, name="core_logout"),
    path("admin/account/", staff(StaffAccountView.as_view()), name="core_account"),
    path(
        "admin/password_reset/",
        never_cache(views.RateLimitedPasswordResetView.as_view()),
        name="core_password_reset",
    ),
    path(
        "admin/reports/site-history/",
        staff(ScopedLogEntriesView.as_view()),
        name="core_site_history",
    ),
    path(
        "admin/reports/site-history/results/",
        staff(ScopedLogEntriesView.as_view(results_only=True)),
        name="core_site_history_results",
    ),
    # The second step of signing in: reachable before the session is verified.
    path("admin/2fa/verify/", views.verify, name="core_2fa_verify"),
    path("admin/2fa/setup/", views.setup, name="core_2fa_setup"),
    path("admin/2fa/recovery-codes/", views.recovery_codes, name="core_2fa_recovery_codes"),
    # Only with a verified session (core.twofactor.SecondFactorMiddleware).
    path("admin/2fa/", staff(views.TwoFactorView.as_view()), name="core_2fa"),
    path(
        "admin/2fa/new-recovery-codes/",
        staff(views.new_recovery_codes),
        name="core_2fa_new_codes",
    ),
    path(
        "admin/2fa/colleagues/",
        staff(views.ColleaguesView.as_view()),
        name="core_2fa_colleagues",
    ),
    path(
        "admin/2fa/colleagues/<int:pk>/reset/",
        staff(views.ResetColleagueView.as_view()),
        name="core_2fa_reset",
    ),
    path("admin/account/sessions/", staff(views.SessionsView.as_view()), name="core_sessions"),
    path(
        "admin/account/sessions/end-all/",
        staff(views.end_all_sessions),
        name="core_sessions_end",
    ),
]
