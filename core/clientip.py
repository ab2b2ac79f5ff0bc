"""The client's address: one rule for the login lockout, rate limits and logs.

Behind ``PROXY_COUNT`` = n reverse proxies of our own, each proxy appends the address
it received the request from to X-Forwarded-For, so the client is the n-th address
from the right; anything further left was written by the client and may be forged.
Without proxies (n = 0) the header is ignored and the socket's address counts.
"""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    proxies = settings.PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies and _is_address(forwarded[-proxies]):
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
