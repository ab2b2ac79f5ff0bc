"""Every URL of this project, for every role: the answer is the one we expect.

Adding a view without adding its rule to tests/<app>/access.py fails here.
"""

import importlib

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.viewsets import viewsets as admin_viewsets

from tests.access import DENIED, LOGIN, NOT_FOUND, OK, REDIRECT, ROLES, Rule
from tests.conftest import ROLE_USERS, client_for, make_roles, role_user
from tests.factories import DistrictFactory, HouseholdFactory, ParticipantFactory
from tests.kept_data import kept_for_module

OUR_APPS = (
    "config", "core", "housing", "courses", "certificates", "cms", "monitoring", "privacy",
    "placement",
)  # fmt: skip


def _access_modules():
    for app in OUR_APPS:
        try:
            yield importlib.import_module(f"tests.{app}.access")
        except ModuleNotFoundError as exc:
            if exc.name not in (f"tests.{app}", f"tests.{app}.access"):
                raise


def _rules() -> dict[str, Rule]:
    rules = {}
    for module in _access_modules():
        rules.update(module.RULES)
    return rules


def _walk(resolver, namespace=None):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
            yield from _walk(pattern, inner)
        elif isinstance(pattern, URLPattern):
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern


def _our_viewset_namespaces() -> set[str]:
    namespaces = set()
    for viewset in admin_viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if isinstance(model, str):
            model = apps.get_model(model)
        if model is not None and model._meta.app_label in OUR_APPS:
            namespaces.add(viewset.url_namespace)
    return namespaces


def our_url_names() -> set[str]:
    """Names of every URL pattern that belongs to this project."""
    get_resolver().url_patterns  # noqa: B018 - building the resolver registers admin viewsets
    namespaces = _our_viewset_namespaces()
    names = set()
    for name, pattern in _walk(get_resolver()):
        view = getattr(pattern.callback, "view_class", pattern.callback)
        module = getattr(view, "__module__", "") or ""
        ours_by_code = module.split(".")[0] in OUR_APPS
        ours_by_viewset = name is not None and name.split(":")[0] in namespaces
        if ours_by_code or ours_by_viewset:
            assert name, f"URL pattern {pattern.pattern} of {module} has no name"
            names.add(name)
    return names


RULES = _rules()


def test_every_url_of_ours_has_a_rule():
    missing = sorted(our_url_names() - set(RULES))
    assert not missing, f"URLs without an access rule in tests/<app>/access.py: {missing}"


def test_every_rule_names_a_real_url():
    stale = sorted(set(RULES) - our_url_names())
    assert not stale, f"Access rules for URLs that no longer exist: {stale}"


def _users():
    make_roles()
    return {"anonymous": None} | {role: role_user(role) for role in ROLE_USERS}


def _world(users):
    """A few records for the URLs' arguments: some inside each role's scope, some outside.

    Each app's access module may add its records with ``extend_world(world, users)``.
    """
    district = DistrictFactory(name="Altenhagen")
    household = HouseholdFactory(district=district, companions=[users["companion"]])
    other_household = HouseholdFactory(district=district)
    world = {
        "district": district,
        "household": household,
        "other_household": other_household,
        "participant": ParticipantFactory(household=household),
        "other_participant": ParticipantFactory(household=other_household),
    }
    for module in _access_modules():
        extend = getattr(module, "extend_world", None)
        if extend:
            extend(world, users)
    return world


@pytest.fixture(scope="module")
def kept(django_db_setup, django_db_blocker):
    """The users and the world, made once for the module's some 235 tests (each test's
    changes are still rolled back after it: tests/kept_data.py)."""
    with kept_for_module(django_db_blocker) as media:
        users = _users()
        yield {"users": users, "world": _world(users), "media": media}


@pytest.fixture(autouse=True)
def _isolated_media(request, settings):
    """The world's files stay where it made them (replaces the suite's per-test folders).

    The two checks of the rule list use no records: they do not make the world (they run
    after the browser tests, which leave the database empty).
    """
    if "world" not in request.fixturenames:
        return
    for name, folder in request.getfixturevalue("kept")["media"].items():
        setattr(settings, name, folder)


@pytest.fixture
def users(db, kept):
    return kept["users"]


@pytest.fixture
def world(db, kept):
    return kept["world"]


def outcome(response) -> str:
    code = response.status_code
    if code == 404:
        return NOT_FOUND
    if code == 403:
        return DENIED
    if 300 <= code < 400:
        location = response["Location"]
        if location.startswith(reverse("wagtailadmin_login")):
            return LOGIN
        if location.split("?")[0] == reverse("wagtailadmin_home"):
            return DENIED  # Wagtail's "Sorry, you do not have permission" redirect
        return f"redirect to {location}"
    if 200 <= code < 300:
        return OK
    return f"status {code}"


def _cases(rule: Rule):
    if rule.cases:
        yield from rule.cases.items()
    else:
        yield "", (rule.args or (lambda world: []), rule.expect)


@pytest.mark.parametrize("url_name", sorted(RULES))
def test_access(url_name, users, world):
    rule = RULES[url_name]
    wrong = []
    for case, (make_args, expect) in _cases(rule):
        url = reverse(url_name, args=make_args(world))
        for role in ROLES:
            response = getattr(client_for(users[role]), rule.method)(url)
            got = outcome(response)
            redirected = expect[role] == REDIRECT and got.startswith("redirect to ")
            if got != expect[role] and not redirected:
                wrong.append(f"{role} {case or ''} at {url}: expected {expect[role]}, got {got}")
    assert not wrong, "\n".join(wrong)
