"""Settings for the bulk-issue reliability test's real qcluster (not the test settings).

Shorter limits than production so a killed worker's jobs come back within seconds;
the order still holds: retry (25 s) > timeout (20 s) > slowest render (≈ 3 s cold).

The broker hands a job out again once it has gone ``retry`` seconds without an
acknowledgement, also while it still waits in a live cluster's own queue. With the
production queue (50 jobs, fetched 10 at a time) and renders slowed down by a busy
machine (tests running in parallel), jobs waited longer than 25 s and were rendered
twice; the test's final kill could then catch a duplicate render mid-write and leave
its temporary file. A short queue keeps a job's wait plus its render below ``retry``.
"""

from config.settings import *  # noqa: F403
from config.settings import Q_CLUSTER

Q_CLUSTER = {
    **Q_CLUSTER,
    "timeout": 20,
    "retry": 25,
    "poll": 0.2,
    "queue_limit": 4,  # workers: Q_WORKERS (2)
    "bulk": 2,
}
