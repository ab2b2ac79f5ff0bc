"""Every main screen at demo size and at five years' size, in the same run.

The demo data is loaded and each screen of benchmarks/screens.py is timed; then
``generate_volume --years 5`` adds five years of data to the same database and the
same screens are timed again. The two sizes cannot be interleaved (one database), so
a fixed page (the district list) is timed in both phases too: its ratio shows how much
the machine's load drifted between them. Aim (issue 18): every ratio at most 1.5 and
every p95 under 300 ms on PostgreSQL.

BENCH_VOLUME_SCALE (1.0) and BENCH_VOLUME_RUNS (15) make it smaller for a quick look.
"""

import json
import os
import time

from benchmarks.harness import RESULTS, _timing

SCALE = float(os.environ.get("BENCH_VOLUME_SCALE", "1.0"))
RUNS = int(os.environ.get("BENCH_VOLUME_RUNS", "15"))
DRIFT = ("district list (load drift)", "coordinator", "/admin/districts/")


def _time_screens(screens):
    import gc

    from django.contrib.auth import get_user_model
    from django.test import Client

    # As a web worker starts (config/wsgi.py): what is loaded is frozen, so a garbage
    # collection scans the request's objects, not what the demo or the generator left.
    gc.collect()
    gc.freeze()
    clients, timings = {}, {}
    for title, username, url in [*screens, DRIFT]:
        if username not in clients:
            clients[username] = Client()
            clients[username].force_login(get_user_model().objects.get(username=username))
        client = clients[username]
        for _ in range(2):  # warm-up
            assert client.get(url).status_code == 200, (title, url)
        samples = []
        for _ in range(RUNS):
            start = time.perf_counter()
            response = client.get(url)
            samples.append(time.perf_counter() - start)
            assert response.status_code == 200, (title, url, response.status_code)
        timings[title] = _timing(title, samples)
    return timings


def run():
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from benchmarks.screens import main_screens

    settings.DEBUG = False
    call_command("demo", force=True, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    small = _time_screens(main_screens())
    started = time.monotonic()
    call_command("generate_volume", years=5, scale=SCALE, force=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    generated = time.monotonic() - started
    large = _time_screens(main_screens())

    engine = connection.vendor
    print(
        f"\nFive years of data (scale {SCALE}, {engine}, "
        f"generated in {generated:.0f} s, {RUNS} runs)"
    )
    print(
        f"  {'screen':<36} {'demo median':>11} {'5y median':>10} {'5y p95':>8} {'ratio':>6}"
        f" {'min ratio':>9}"
    )
    rows = []
    for title in large:
        a, b = small[title], large[title]
        ratio = b.median_ms / a.median_ms
        # The fastest run of each: less disturbed by other work on a shared machine.
        min_ratio = b.min_ms / a.min_ms
        rows.append(
            {
                "screen": title,
                "demo": a.__dict__,
                "five_years": b.__dict__,
                "ratio": ratio,
                "min_ratio": min_ratio,
            }
        )
        flag = "" if ratio <= 1.5 and b.p95_ms < 300 else "  <- over the aim"
        print(
            f"  {title:<36} {a.median_ms:8.1f} ms {b.median_ms:7.1f} ms"
            f" {b.p95_ms:5.0f} ms {ratio:6.2f} {min_ratio:9.2f}{flag}"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"volume-{engine}.json").write_text(json.dumps(rows, indent=2))
