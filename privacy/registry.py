"""Every app's declarations about a person, collected from ``<app>/privacy.py``.

See ``core.personal_data`` for what an app declares. The privacy app adds its own
models, and the tables of Wagtail and django-simple-history that refer to any record
by content type and id, which erasure treats generically (``GENERIC_TABLES``).
"""

import importlib

from django.apps import apps
from django.db import models

from core.personal_data import AccessView, Holding

_holdings: dict[str, Holding] = {}
_access_views: dict[str, AccessView] = {}


def autodiscover():
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.privacy")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.privacy":
                raise
            continue
        for holding in getattr(module, "HOLDINGS", ()):
            register(holding)
        for view in getattr(module, "ACCESS_VIEWS", ()):
            _access_views[view.url_name] = view


def register(holding: Holding) -> Holding:
    """Add one model's declaration (the lead adds a new app's by its ``privacy.py``)."""
    _holdings[holding.model] = holding
    return holding


def holdings() -> list[Holding]:
    return list(_holdings.values())


def holding_for(model) -> Holding | None:
    return _holdings.get(model._meta.label)


def model_of(holding: Holding) -> type[models.Model]:
    return apps.get_model(holding.model)


def access_view(url_name: str) -> AccessView | None:
    return _access_views.get(url_name)


def history_model(model):
    """The django-simple-history model of ``model``, or None."""
    manager = getattr(model, "history", None)
    return getattr(manager, "model", None) if manager is not None else None


def records(holding: Holding, participant):
    """The holding's records about ``participant``: their own, or their household's."""
    model = model_of(holding)
    if holding.person:
        return model._default_manager.filter(**{holding.person: participant.pk})
    return model._default_manager.filter(**{holding.household: participant.household_id})
