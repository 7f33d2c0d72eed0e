"""Scaling benchmarks of the local engine (and optionally Spark), printing a table.

- 1 vs 2 workers on the same corpus (speed-up; target >= 1.7x);
- peak RSS of the largest process (target <= 1.5 GB per worker);
- peak RSS at 1k vs 20k documents (target: flat within +-10%);
- Spark engine throughput on local[2] (with --spark).

    python bench/scale.py [--small N] [--large N] [--spark]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write  # noqa: E402


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the largest process of one detente run."""
    code = ("import resource, subprocess, sys, time, json; t=time.perf_counter(); "
            "r=subprocess.run(sys.argv[1:], capture_output=True, text=True); "
            "assert r.returncode == 0, r.stderr[-2000:]; "
            "print(json.dumps([time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024]))")
    out = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "detente.cli", *args],
                         capture_output=True, text=True, check=True)
    secs, rss = json.loads(out.stdout.strip().splitlines()[-1])
    return secs, rss


def words_in(path: Path) -> int:
    return sum(len(json.loads(ln)["text"].split()) for ln in open(path))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=20000)
    ap.add_argument("--spark", action="store_true")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="detente-bench-"))
    small, large = tmp / "small.jsonl", tmp / "large.jsonl"
    write(str(small), a.small)
    write(str(large), a.large)
    w_small = words_in(small)
    rows = []
    for workers in (1, 2):
        secs, rss = run(["code", str(small), "--db", str(tmp / f"w{workers}.duckdb"), "--workers", str(workers), "-q"])
        rows.append((f"{a.small} docs, {workers} worker(s)", secs, w_small / secs, a.small / secs, rss))
    secs, rss = run(["code", str(large), "--db", str(tmp / "large.duckdb"), "--workers", "1", "-q"])
    rows.append((f"{a.large} docs, 1 worker", secs, words_in(large) / secs, a.large / secs, rss))
    if a.spark:
        secs, rss = run(["code", str(small), "--engine", "spark", "--master", "local[2]", "--out", str(tmp / "spark")])
        rows.append((f"{a.small} docs, Spark local[2]", secs, w_small / secs, a.small / secs, rss))
    print(f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}")
    print(f"{'run':<30}{'seconds':>9}{'words/s':>10}{'docs/s':>9}{'peak RSS MB':>13}")
    for name, secs, wps, dps, rss in rows:
        print(f"{name:<30}{secs:>9.1f}{wps:>10.0f}{dps:>9.1f}{rss:>13.0f}")
    print(f"speed-up 2 vs 1 workers: {rows[0][1] / rows[1][1]:.2f}x")
    print(f"peak RSS {a.large} vs {a.small} docs (1 worker): {rows[2][4] / rows[0][4]:.2f}x")


if __name__ == "__main__":
    main()
