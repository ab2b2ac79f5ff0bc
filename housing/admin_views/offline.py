"""The service worker of the housing screens, served from inside their scope.

A worker controls only the paths below its own URL; from /static/ it could not
keep /admin/housing/ usable offline.
"""

from django.contrib.staticfiles import finders
from django.http import HttpResponse

from core.permissions import permission_then_scope


# Behind the admin's sign-in like every admin URL; then the permission.
@permission_then_scope("housing.view_household")
def service_worker(request):
    with open(finders.find("housing/sw.js"), encoding="utf-8") as script:
        response = HttpResponse(script.read(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
