"""django-q2's ``qcluster``, with the certificate renderer loaded before the workers fork.

django-q2 forks its workers from the cluster's process. What that process has loaded
is then already in every worker (shared until written to): WeasyPrint, the four fonts,
the certificate's styles and templates. Without it each worker paid about 0.7 s of CPU
for its first certificate, twice with two workers, in the middle of a bulk issue
(benchmarks/README.md). This app comes before django_q in INSTALLED_APPS, so this
command is the one ``manage.py qcluster`` runs.
"""

import gc

from django_q.management.commands.qcluster import Command as ClusterCommand

from certificates.rendering import warm_up


class Command(ClusterCommand):
    def handle(self, *args, **options):
        warm_up()
        # What is loaded now stays out of the collector's scans, in the cluster and in
        # every forked worker, so a collection does not copy the shared pages.
        gc.freeze()
        super().handle(*args, **options)
