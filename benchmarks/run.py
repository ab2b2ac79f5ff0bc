#!/usr/bin/env python
"""Run the benchmarks: `make bench`, or `python benchmarks/run.py [name ...]`.

Every module benchmarks/bench_*.py with a ``run()`` function is one benchmark.
"""

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.harness import setup_django  # noqa: E402


def main(names: list[str]) -> None:
    setup_django()
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    chosen = [m for m in modules if not names or m.removeprefix("bench_") in names or m in names]
    for module_name in chosen:
        module = importlib.import_module(f"benchmarks.{module_name}")
        # bench_settings and bench_urls are the HTTP benchmarks' settings, not benchmarks.
        if callable(getattr(module, "run", None)):
            module.run()


if __name__ == "__main__":
    main(sys.argv[1:])
