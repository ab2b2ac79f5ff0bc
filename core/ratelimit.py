"""Per-client request limits shared by all web processes: in Redis when ``REDIS_URL``
is set (one INCR, no database write), else in the database.

One statement counts a request and returns the new count ("insert, or add one if
the row exists"), so two processes counting the same client at the same moment can
never both read 4 and both write 5, as a cache's get-then-set would. The ORM has no
single-statement increment-or-create, hence the SQL; SQLite (3.35+) and PostgreSQL
both understand it.
"""

import functools
import time

from django.conf import settings
from django.db import connection
from django.utils.crypto import salted_hmac

from core.models import RateCounter


@functools.lru_cache(maxsize=4096)
def client_key(scope: str, address: str) -> str:
    """The address, hashed with the site's secret: the table never holds an IP address."""
    return salted_hmac(f"core.ratelimit.{scope}", address).hexdigest()[:40]


def _count_sql() -> str:
    # Only names quoted by the database backend are formatted in; values are parameters.
    quote = connection.ops.quote_name
    table, client, minute, hits = map(
        quote, (RateCounter._meta.db_table, "client", "minute", "hits")
    )
    return (
        f"INSERT INTO {table} ({client}, {minute}, {hits}) VALUES (%s, %s, 1) "  # noqa: S608
        f"ON CONFLICT ({client}, {minute}) DO UPDATE SET {hits} = {table}.{hits} + 1 "
        f"RETURNING {hits}"
    )


def count_request(scope: str, address: str, now: float | None = None) -> int:
    """Count one request of ``address`` for the limit ``scope``; return its count this minute.

    Call it inside the transaction that does the request's other writes: one commit.
    """
    minute = int((time.time() if now is None else now) // 60)
    if settings.REDIS_URL:
        return _count_in_redis(client_key(scope, address), minute)
    with connection.cursor() as cursor:
        cursor.execute(_count_sql(), [client_key(scope, address), minute])
        (count,) = cursor.fetchone()
    if count == 1:
        # The first request of a client in a new minute clears what has expired,
        # so the table stays small without a scheduled job.
        RateCounter.objects.filter(minute__lt=minute - 1).delete()
    return count


def counts_in_database() -> bool:
    """True when counting writes to the database (no Redis): callers then count inside
    the transaction of their other writes."""
    return not settings.REDIS_URL


@functools.cache
def _redis(url: str):
    import redis

    return redis.Redis.from_url(url)


# Count, and on the first count of a key let it expire once its minute (and the next,
# for clock skew) has passed. A script runs atomically in Redis: concurrent processes
# never lose a count, and no key is left without its expiry. One round trip.
_COUNT_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""


@functools.cache
def _count_script(url: str):
    return _redis(url).register_script(_COUNT_SCRIPT)


def _count_in_redis(key: str, minute: int) -> int:
    return int(
        _count_script(settings.REDIS_URL)(keys=[f"mfs:ratelimit:{key}:{minute}"], args=[120])
    )
