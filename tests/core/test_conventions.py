"""One naming style for URLs, one place for template partials, no status in generic forms.

URL names (the README's "Conventions"):
- a screen of a Wagtail viewset: ``<viewset name>:<view>`` as Wagtail names it
  (``participants:edit``, ``courses:index``);
- every other URL of ours: ``<app label>_<what>``, flat, no namespace
  (``housing_timeline``, ``courses_exam_results``, ``certificates_verify``).

Template partials (included by other templates): ``templates/<app>/includes/<name>.html``
(one shared by every app: ``templates/includes/<name>.html``), no leading underscore
(overrides of Wagtail's templates keep Wagtail's names). Component templates keep their
folders: ``<app>/blocks/`` (StreamField blocks), ``<app>/panels/`` (dashboard panels),
``<app>/cells/`` (list cells).
"""

import re
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.viewsets import viewsets

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
OUR_APPS = ("config", "core", "housing", "courses", "certificates", "cms", "monitoring")
OUR_APPS += ("placement", "privacy")


def _module_of(callback):
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    while view is None and hasattr(callback, "__wrapped__"):
        callback = callback.__wrapped__
        view = getattr(callback, "view_class", None)
    return (view or callback).__module__


def _named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _named_patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace, entry.name, _module_of(entry.callback)


def test_every_url_of_ours_is_named_in_the_one_style():
    patterns = list(_named_patterns())  # loading the admin URLs registers the viewsets
    viewset_namespaces = {f"{vs.name}:" for vs in viewsets.viewsets if getattr(vs, "name", None)}
    wrong = []
    checked = 0
    for namespace, name, module in patterns:
        app = module.split(".")[0]
        if app not in OUR_APPS:
            continue  # Wagtail's, Django's and wagtail-localize's own names
        checked += 1
        if namespace:
            if namespace not in viewset_namespaces:
                wrong.append(f"{namespace}{name} ({module}): only viewsets have a namespace")
        elif not re.fullmatch(rf"{app}_[a-z0-9]+(?:_[a-z0-9]+)*", name):
            wrong.append(f"{name} ({module}): expected {app}_<what>")
    assert checked > 50, "the walk found too few of our URLs"
    assert not wrong, "URL names outside the style:\n" + "\n".join(wrong)


# {% include "x" %} in templates, inclusion tags' templates in Python.
INCLUDE = re.compile(r"(?:\{%\s*include\s+|inclusion_tag\()[\"']([^\"']+)[\"']")


def _our_templates():
    return {p.relative_to(TEMPLATES).as_posix(): p for p in TEMPLATES.rglob("*.html")}


def test_partials_live_in_includes_folders_and_are_all_used():
    ours = _our_templates()
    included = set()
    sources = [*ours.values(), *ROOT.glob("*/**/*.py")]
    for path in sources:
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        included.update(INCLUDE.findall(path.read_text(encoding="utf-8")))
    ours_included = {name for name in included if name in ours}
    wrong = sorted(
        name
        for name in ours_included
        if not re.fullmatch(r"(?:[a-z_]+/)?includes/[a-z0-9_]+\.html", name)
        # overrides of Wagtail's own templates keep Wagtail's names
        and not name.startswith(("wagtailadmin/", "wagtail_localize/"))
    )
    assert not wrong, "partials outside <app>/includes/:\n" + "\n".join(wrong)
    wagtails = ("wagtailadmin/", "wagtail_localize/")
    underscored = sorted(
        name for name in ours if Path(name).name.startswith("_") and not name.startswith(wagtails)
    )
    assert not underscored, f"partials are named without a leading underscore: {underscored}"
    orphans = sorted(name for name in ours if "/includes/" in name and name not in included)
    assert not orphans, f"partials nobody includes: {orphans}"


def test_no_generic_form_edits_a_status():
    """A model's status (and end, outcome) changes through a service action only."""
    guarded = {"status", "end_reason"}
    per_model = {
        "housing.tenancy": {"end", "outcome"},
        "housing.landlordconcern": {"resolved_on"},
        "placement.flatsearch": {"ended_on"},
    }
    wrong = []
    list(_named_patterns())  # loading the admin URLs registers the viewsets
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if model is None or not hasattr(viewset, "get_form_class"):
            continue
        label = model._meta.label_lower
        fields = set(viewset.get_form_class().base_fields)
        found = fields & (guarded | per_model.get(label, set()))
        if found:
            wrong.append(f"{label}: {sorted(found)}")
    assert not wrong, "status-like fields in generic forms:\n" + "\n".join(wrong)
