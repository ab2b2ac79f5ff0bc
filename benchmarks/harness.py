"""A tiny benchmark harness: time a page next to a baseline measured in the same run.

Machines here are noisy, so absolute numbers mean little. Each benchmark times its
subject and a baseline *interleaved* (A, B, A, B, …) and reports both medians and
their ratio; the ratio is the figure to compare between runs.
"""

import json
import os
import statistics
import sys
import time
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def setup_django() -> None:
    """Django with the test settings and a fresh test database (SQLite, or DATABASE_URL)."""
    sys.path.insert(0, str(ROOT))
    # No collectstatic before benchmarks; whitenoise would say so on every start.
    warnings.filterwarnings("ignore", "No directory at")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
    import django

    django.setup()
    from django.test.utils import setup_databases, setup_test_environment

    setup_test_environment()
    _render_templates_as_production_does()
    setup_databases(verbosity=0, interactive=False)
    from core.permissions_setup import setup_roles

    setup_roles()


def _render_templates_as_production_does() -> None:
    """Undo the one part of Django's test environment that slows pages down.

    ``setup_test_environment`` (wanted here for the mail outbox and the test client's
    host) wraps every template render to send a signal and copy its context, for
    tests that look at ``response.context``. No benchmark does, and production never
    runs it; but it costs per template, so a Wagtail listing (a template per cell)
    paid it per row: 77 ms instead of 53 ms for the certificate list at five years'
    volume (2026-12-02). The wrapped original is kept by Django's test state.
    """
    from django.template import Template
    from django.test.utils import _TestState

    Template._render = _TestState.saved_data.template_render


@dataclass
class Timing:
    name: str
    runs: int
    median_ms: float
    p95_ms: float
    min_ms: float


def _timing(name: str, samples: list[float]) -> Timing:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return Timing(
        name, len(samples), statistics.median(samples) * 1000, p95 * 1000, ordered[0] * 1000
    )


def compare(title: str, subject: tuple, baseline: tuple, runs: int = 30, warmup: int = 3) -> dict:
    """Time ``subject`` and ``baseline`` (each a (name, callable)) interleaved; print and save."""
    (subject_name, subject_fn), (baseline_name, baseline_fn) = subject, baseline
    for _ in range(warmup):
        subject_fn()
        baseline_fn()
    subject_samples, baseline_samples = [], []
    for _ in range(runs):
        for fn, samples in ((subject_fn, subject_samples), (baseline_fn, baseline_samples)):
            start = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - start)
    result = {
        "title": title,
        "subject": asdict(_timing(subject_name, subject_samples)),
        "baseline": asdict(_timing(baseline_name, baseline_samples)),
    }
    result["ratio"] = result["subject"]["median_ms"] / result["baseline"]["median_ms"]
    _print(result)
    _save(title, result)
    return result


def _print(result: dict) -> None:
    print(f"\n{result['title']}")
    for key in ("subject", "baseline"):
        t = result[key]
        print(
            f"  {t['name']:<48} median {t['median_ms']:8.2f} ms   p95 {t['p95_ms']:8.2f} ms"
            f"   min {t['min_ms']:8.2f} ms   ({t['runs']} runs)"
        )
    print(f"  ratio subject/baseline: {result['ratio']:.2f}")


def _save(title: str, result: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
    (RESULTS / f"{slug}.json").write_text(json.dumps(result, indent=2))


def get_ok(client, url: str):
    """A GET that must succeed; returns a callable for ``compare``."""

    def fetch():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return fetch
