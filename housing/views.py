"""Public (no sign-in) endpoints of the housing app: the companions' calendar feed."""

from django.http import Http404, HttpResponse
from django.utils import timezone

from housing import reminders
from housing.models import CalendarFeed


def calendar_feed(request, token):
    """A companion's planned visits as ICS. The secret URL is the only key, so the
    feed names no one (household number and district); a renewed token is 404."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    response = HttpResponse(
        reminders.ics_feed(feed.user, timezone.localdate()), content_type="text/calendar"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
