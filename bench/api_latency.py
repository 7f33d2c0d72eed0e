"""API latency on a large synthetic database: p50/p95 per endpoint, loopback only.

    python bench/api_latency.py [--events 1000000] [--requests 40] [--keep FILE] [--no-tables]

Generates the events with DuckDB SQL (bench/synthetic_db.py), builds the analysis tables
(unless --no-tables), starts the API in a separate process on 127.0.0.1, sends a
bounded number of sequential requests to each endpoint and prints a table.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_db import make_synthetic_db  # noqa: E402

from detente.analysis.tables import build_analysis_tables  # noqa: E402

ENDPOINTS = [  # name, path, params
    ("health", "/api/health", {}),
    ("stats", "/api/stats", {}),
    ("events page", "/api/events", {"limit": 50}),
    ("events actor+quad", "/api/events", {"actor": "RUS", "quad": "4", "limit": 50}),
    ("events text", "/api/events", {"q": "aleppo", "limit": 50}),
    ("events page 500 deep", "/api/events", {"limit": 500, "offset": 10000}),
    ("event detail", "/api/events/e0000123456", {}),
    ("document", "/api/documents/d00012345", {}),
    ("series month", "/api/series", {}),
    ("series dyad week", "/api/series", {"dyad": "RUS,SYR", "interval": "week"}),
    ("series mentions", "/api/series", {"count": "mentions"}),
    ("saydo actor", "/api/saydo", {"actor": "RUS"}),
    ("saydo pairs actor", "/api/saydo/pairs", {"actor": "RUS"}),
    ("ceasefires", "/api/ceasefires", {"since": "2022-01-01"}),
    ("actor search", "/api/actors", {"q": "russ"}),
    ("dyads", "/api/dyads", {}),
    ("network", "/api/network", {}),
    ("clusters", "/api/clusters", {}),
    ("clusters actor", "/api/clusters", {"actor": "USA", "since": "2019-01-01"}),
    ("processes", "/api/processes", {"since": "2022-01-01"}),
    ("geo", "/api/geo", {}),
    ("profile", "/api/profile", {"actor": "TUR"}),
]

SERVER = """
import sys, uvicorn
from detente.api.app import create_app
uvicorn.run(create_app(sys.argv[1], timeout_s=30, cache_size=int(sys.argv[3])), host="127.0.0.1", port=int(sys.argv[2]),
            log_level="warning", access_log=False)
"""


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, cache_size: int = 256) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port), str(cache_size)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=40, help="timed requests per endpoint")
    ap.add_argument("--keep", type=Path, help="keep (or reuse, if it exists) the database at this path")
    ap.add_argument("--no-tables", action="store_true", help="do not build the analysis tables")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.keep or Path(tmp.name) / "bench.duckdb"
    if not db.exists():
        t0 = time.perf_counter()
        make_synthetic_db(db, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - t0:.1f}s")
        if not args.no_tables:
            with duckdb.connect(str(db)) as con:
                info = build_analysis_tables(con)
            print(f"built analysis tables in {info['seconds']}s ({info['clusters']:,} clusters)")
    rows = measure(db, args.requests, cache_size=0)
    cached = {name: p50 for name, p50, *_ in measure(db, max(5, args.requests // 4), cache_size=256)}
    print(f"\n{'endpoint':22} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  status  bytes  {'cached p50':>10}")
    for name, p50, p95, mx, codes, size in rows:
        flag = "" if p95 < 200 else "  > 200 ms"
        print(f"{name:22} {p50:8.1f} {p95:8.1f} {mx:8.1f}  {','.join(map(str, sorted(codes))):6} {size:>6}  "
              f"{cached[name]:10.1f}{flag}")
    worst = max(r[2] for r in rows)
    print(f"\nworst p95 without the result cache: {worst:.1f} ms ({args.requests} sequential requests per endpoint, "
          "127.0.0.1); 'cached p50': the same request repeated with the server's result cache on")


def measure(db: Path, n: int, cache_size: int) -> list[tuple]:
    port = free_port()
    proc = start_server(db, port, cache_size)
    rows = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as c:
            for name, path, params in ENDPOINTS:
                for _ in range(3):  # warm-up
                    c.get(path, params=params)
                times, codes = [], set()
                for _ in range(n):
                    t0 = time.perf_counter()
                    r = c.get(path, params=params)
                    times.append((time.perf_counter() - t0) * 1000)
                    codes.add(r.status_code)
                rows.append((name, statistics.median(times), pct(times, 95), max(times), codes, len(r.content)))
    finally:
        proc.terminate()
        proc.wait(10)
    return rows

if __name__ == "__main__":
    main()
