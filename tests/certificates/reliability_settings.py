"""Settings for the bulk-issue reliability test's real qcluster (not the test settings).

Shorter limits than production so a killed worker's jobs come back within seconds;
the order still holds: retry (25 s) > timeout (20 s) > slowest render (≈ 3 s cold).
"""

from config.settings import *  # noqa: F403
from config.settings import Q_CLUSTER

Q_CLUSTER = {**Q_CLUSTER, "timeout": 20, "retry": 25, "poll": 0.2}  # workers: Q_WORKERS (2)
