"""Bounded concurrent load against a detente API on this machine.

    detente serve --db detente.duckdb &               # or let this script start one:
    python bench/load_test.py --url http://127.0.0.1:8000 [--clients 8] [--requests 50] [--max-seconds 60]
    python bench/load_test.py --db detente.duckdb      # starts `detente serve`-equivalent on a free port

Each client sends at most --requests requests (a fixed mix of endpoints and filters),
the whole run stops after --max-seconds; only loopback URLs are accepted. Prints
throughput, p50/p95/p99 latency and the error count.
"""
from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_latency import ENDPOINTS, free_port, pct, start_server  # noqa: E402

from detente.api.commands import is_loopback  # noqa: E402

MIX = [e for e in ENDPOINTS if e[0] != "health"]


def client(base: str, token: str | None, n: int, stop_at: float, offset: int, out: list, errors: list) -> None:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    with httpx.Client(base_url=base, headers=headers, timeout=30) as c:
        for i in range(n):
            if time.monotonic() >= stop_at:
                return
            name, path, params = MIX[(i + offset) % len(MIX)]
            t0 = time.perf_counter()
            try:
                r = c.get(path, params=params)
                ok = r.status_code == 200
            except httpx.HTTPError as exc:
                ok, r = False, exc
            dt = (time.perf_counter() - t0) * 1000
            out.append((name, dt))
            if not ok:
                errors.append(f"{name}: {getattr(r, 'status_code', r)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="running server, e.g. http://127.0.0.1:8000 (loopback only)")
    ap.add_argument("--db", type=Path, help="start a server on this database instead")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=50, help="requests per client (upper bound)")
    ap.add_argument("--max-seconds", type=float, default=60.0, help="stop the whole run after this")
    ap.add_argument("--token", default=os.environ.get("DETENTE_TOKEN"))
    ap.add_argument("--no-cache", action="store_true", help="with --db: turn the server's result cache off")
    args = ap.parse_args()
    if not (args.url or args.db):
        ap.error("give --url or --db")
    if not (1 <= args.clients <= 64 and 1 <= args.requests <= 10_000 and 0 < args.max_seconds <= 600):
        ap.error("clients 1-64, requests 1-10000, max-seconds up to 600")
    proc = None
    if args.db:
        port = free_port()
        proc = start_server(args.db, port, 0 if args.no_cache else 256)
        base = f"http://127.0.0.1:{port}"
    else:
        base = args.url.rstrip("/")
        host = urlparse(base).hostname or ""
        if not is_loopback(host):
            ap.error(f"{host}: this load test only targets loopback addresses")
    samples: list[tuple[str, float]] = []
    errors: list[str] = []
    try:
        stop_at = time.monotonic() + args.max_seconds
        threads = [threading.Thread(target=client, args=(base, args.token, args.requests, stop_at, k * 3, samples, errors))
                   for k in range(args.clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        if proc:
            proc.terminate()
            proc.wait(10)
    lat = [d for _, d in samples]
    if not lat:
        raise SystemExit("no request completed")
    print(f"{args.clients} clients x up to {args.requests} requests against {base}")
    print(f"requests {len(lat)}  errors {len(errors)}  wall {wall:.1f}s  throughput {len(lat) / wall:.1f} req/s")
    print(f"latency ms: p50 {pct(lat, 50):.1f}  p95 {pct(lat, 95):.1f}  p99 {pct(lat, 99):.1f}  max {max(lat):.1f}")
    by: dict[str, list[float]] = {}
    for name, d in samples:
        by.setdefault(name, []).append(d)
    print(f"\n{'endpoint':22} {'n':>4} {'p50':>8} {'p95':>8}")
    for name, ds in sorted(by.items(), key=lambda kv: -pct(kv[1], 95)):
        print(f"{name:22} {len(ds):4d} {pct(ds, 50):8.1f} {pct(ds, 95):8.1f}")
    for e in errors[:10]:
        print("error:", e)


if __name__ == "__main__":
    main()
