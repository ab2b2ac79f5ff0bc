"""What housing reads from apps it must not depend on (certificates, cms).

Housing works without the certificates app, and must not import it when Django
loads: the app may be missing, have no models yet, or load after housing. So the
question "does this household hold the Integrationszertifikat Wohnen?" is answered
at call time:

- the certificates app may register a function with ``register_certificate_lookup``
  (from its ``AppConfig.ready()``): ``fn(household_ids) -> set of ids that hold one``;
- otherwise, if the installed certificates app has models, none registered, the answer
  is "unknown" (None) rather than a guess.
"""

from collections.abc import Callable, Iterable

from django.apps import apps

_lookup: Callable[[list[int]], set[int]] | None = None


def register_certificate_lookup(fn: Callable[[list[int]], set[int]]) -> None:
    global _lookup
    _lookup = fn


def certificates_available() -> bool:
    if not apps.is_installed("certificates"):
        return False
    return any(True for _model in apps.get_app_config("certificates").get_models())


def certificate_holders(household_ids: Iterable[int]) -> dict[int, bool | None]:
    """For each household id: True/False when the certificates app can tell, else None."""
    ids = list(household_ids)
    if _lookup is None or not certificates_available():
        return dict.fromkeys(ids)
    holders = _lookup(ids)
    return {pk: pk in holders for pk in ids}


def material_links(module_ids: Iterable[int], language: str, request=None) -> dict:
    """Course material of the visit topics: for each curriculum module id, ``(url,
    language code)`` of its Wagtail module page in ``language``, falling back to German;
    ``{}`` without the cms app. Asked at call time, like the certificates above."""
    ids = [pk for pk in module_ids if pk]
    if not ids or not apps.is_installed("cms"):
        return {}
    return apps.get_model("cms", "ModulePage").urls_for_modules(ids, language, request)
