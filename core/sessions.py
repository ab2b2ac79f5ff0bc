"""Staff sessions: end after idle time and at browser close, listed per person, ended at once.

- **Idle time.** A session unused for ``SESSION_IDLE_MINUTES`` (default 30) is signed
  out at its next request. The admin's own background requests (the editing-session
  ping every few seconds) are not activity: an open tab on a shared computer must not
  keep a session alive forever.
- **Browser close.** ``SESSION_EXPIRE_AT_BROWSER_CLOSE``; the login page offers no
  "remember me" (templates/wagtailadmin/login.html).
- **Where am I signed in.** Each signed-in browser has a ``StaffSession`` row
  (browser, started, last seen; no address); ``end_sessions`` signs out every one.
"""

import re
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from core.models import StaffSession

LAST_ACTIVITY_KEY = "mfs_last_activity"
# Activity is written to the session at most this often: a request does not cost a
# database write each time, and idle time is exact to within this many seconds.
WRITE_EVERY_SECONDS = 60
BACKGROUND_NAMESPACES = {"wagtailadmin_editing_sessions"}


def idle_seconds() -> int:
    return settings.SESSION_IDLE_MINUTES * 60


def _is_background(request) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return bool(set(match.namespaces) & BACKGROUND_NAMESPACES)


class StaffSessionMiddleware:
    """Signs out idle sessions and keeps each session's "last seen" up to date."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response = self._check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _check(self, request):
        now = int(time.time())
        last = request.session.get(LAST_ACTIVITY_KEY)
        if last is not None and now - last > idle_seconds():
            return self._sign_out_idle(request)
        if _is_background(request):
            return None
        if last is None or now - last >= WRITE_EVERY_SECONDS:
            request.session[LAST_ACTIVITY_KEY] = now
            touch(request)
        return None

    def _sign_out_idle(self, request):
        logout(request)
        messages.info(
            request,
            _("You were signed out after %(minutes)s minutes without activity.")
            % {"minutes": settings.SESSION_IDLE_MINUTES},
        )
        login_url = reverse("wagtailadmin_login")
        if request.method == "GET" and request.path_info.startswith("/admin/"):
            login_url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(login_url)


def touch(request, user=None) -> None:
    """Record that this session was used now (creating its row on first use)."""
    if not request.session.session_key:
        request.session.save()
    StaffSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={
            "user": user or request.user,
            "last_seen_at": timezone.now(),
            "user_agent": request.headers.get("User-Agent", "")[:300],
        },
    )


def rekey(request, old_key: str | None) -> None:
    """After ``cycle_key()`` the session continues under a new key; so does its row."""
    if old_key:
        StaffSession.objects.filter(session_key=old_key).delete()
    request.session[LAST_ACTIVITY_KEY] = int(time.time())
    touch(request)


def _session_store():
    return import_string(settings.SESSION_ENGINE + ".SessionStore")


def active_sessions(user):
    """The user's sessions that still exist and are not idle, newest activity first.

    Rows of sessions that ended without a logout (expired, idle) are removed here.
    """
    store = _session_store()
    cutoff = timezone.now() - timezone.timedelta(seconds=idle_seconds())
    active = []
    for row in StaffSession.objects.filter(user=user):
        if row.last_seen_at < cutoff or not store().exists(row.session_key):
            row.delete()
        else:
            active.append(row)
    return active


def end_sessions(user, *, keep: str | None = None) -> int:
    """Sign ``user`` out of every session (except ``keep``); return how many ended."""
    store = _session_store()
    ended = 0
    for row in StaffSession.objects.filter(user=user).exclude(session_key=keep or ""):
        store(session_key=row.session_key).delete()
        row.delete()
        ended += 1
    return ended


def describe_browser(user_agent: str) -> str:
    """ "Firefox auf Android": enough to recognise one's own devices."""
    browsers = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Safari/", "Safari"),
    ]
    systems = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ]
    browser = next((name for mark, name in browsers if mark in user_agent), "")
    system = next((name for mark, name in systems if mark in user_agent), "")
    if re.search(r"HeadlessChrome", user_agent):
        browser = "Chrome (headless)"
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system or _("Unknown browser")


def _on_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LAST_ACTIVITY_KEY] = int(time.time())
        touch(request, user)


def _on_logout(sender, request, user, **kwargs):
    if request is not None and request.session.session_key:
        StaffSession.objects.filter(session_key=request.session.session_key).delete()


def connect():
    user_logged_in.connect(_on_login, dispatch_uid="core.sessions.login")
    user_logged_out.connect(_on_logout, dispatch_uid="core.sessions.logout")
