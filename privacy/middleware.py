"""The access log: every successful look at a screen with a person's data, one insert.

Which screens those are, each app declares in its ``privacy.py`` (``ACCESS_VIEWS``);
the views themselves know nothing about logging, so a screen moved to another module
keeps being logged as long as its URL name stays.
"""

from privacy import registry, services


class AccessLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            match is None
            or request.method != "GET"
            or response.status_code != 200
            or not request.user.is_authenticated
        ):
            return response
        view = registry.access_view(match.view_name)
        if view is None or (view.when_param and view.when_param not in request.GET):
            return response
        subject_id = match.kwargs.get(view.kwarg) if view.subject else None
        services.log_access(
            request.user,
            view.action,
            participant_id=subject_id if view.subject == "participant" else None,
            household_id=subject_id if view.subject == "household" else None,
            path=request.get_full_path(),
        )
        return response
