"""Typed readers for environment variables.

Configuration comes only from the environment. Each reader fails loudly with the
variable's name and what was wrong, so a typo in a deployment stops start-up with
one clear line instead of running with a silently wrong value.
"""

import os
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class EnvError(ImproperlyConfigured):
    """A configuration variable is missing or malformed."""


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    return None if value is None else value.strip()


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str:
    value = _raw(name)
    if value:
        return value
    if required:
        raise EnvError(f"{name} must be set.")
    return default if default is not None else ""


def env_bool(name: str, default: bool = False) -> bool:
    value = _raw(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise EnvError(f"{name} must be a boolean (1/0, true/false, yes/no, on/off), got {value!r}.")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = _raw(name)
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise EnvError(f"{name} must be a whole number, got {value!r}.") from None
    if minimum is not None and number < minimum:
        raise EnvError(f"{name} must be at least {minimum}, got {number}.")
    return number


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """A comma-separated list; blanks around items are ignored."""
    value = _raw(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_url(name: str, default: str = "", *, schemes: tuple[str, ...] = ("http", "https")) -> str:
    """An absolute URL with one of ``schemes``; a trailing slash is removed."""
    value = _raw(name) or default
    if not value:
        return ""
    parsed = urlparse(value)
    if parsed.scheme not in schemes or not parsed.netloc:
        allowed = "/".join(schemes)
        raise EnvError(f"{name} must be an absolute {allowed} URL, got {value!r}.")
    return value.rstrip("/")


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """One of ``choices`` (case-insensitive)."""
    value = (_raw(name) or default).lower()
    if value not in choices:
        raise EnvError(f"{name} must be one of {', '.join(choices)}, got {value!r}.")
    return value


def site_url_problem(site_url: str, allowed_hosts: list[str], *, allow_loopback: bool) -> str:
    """Why certificates' QR codes (which encode ``site_url``) would not reach a
    landlord, or "" when they would: a loopback address (only the issuing machine
    itself could open it) or a host this server does not answer for."""
    import ipaddress

    from django.http.request import validate_host

    host = (urlparse(site_url).hostname or "").lower()
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host.endswith(".localhost")
    if loopback and not allow_loopback:
        return (
            f"SITE_URL is a loopback address ({site_url}): the QR code on every certificate "
            "would lead nowhere. Set SITE_URL to the public address of this service."
        )
    # ALLOWED_HOSTS writes IPv6 addresses in brackets, as the Host header does.
    if not validate_host(f"[{host}]" if ":" in host else host, allowed_hosts):
        return (
            f"SITE_URL's host {host!r} is not in ALLOWED_HOSTS: the QR code on every "
            "certificate would get an error page. Add it to ALLOWED_HOSTS."
        )
    return ""
