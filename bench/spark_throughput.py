"""Throughput of the Spark engine on local[W] against the local engine with W workers.

Both code the same synthetic JSONL corpus (bench/synthetic.py) end to end: read,
normalise, load one model per worker, code; Spark also deduplicates and writes
Parquet. Prints documents/s and words/s of each and their ratio, and checks that
both found the same events. A second Spark run on the same session shows the
steady state (Python workers and their models already loaded).

    python bench/spark_throughput.py [N_DOCS] [--workers W] [--no-warm]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import tempfile
import time
from pathlib import Path


def _synthetic():
    path = Path(__file__).resolve().parent / "synthetic.py"
    spec = importlib.util.spec_from_file_location("detente_bench_synthetic", path)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def local_run(src: Path, workers: int) -> set[str]:
    from detente.engines.local import RunStats, batched, run_local
    from detente.ingest import read_inputs
    from detente.pipeline import PipelineConfig

    config = PipelineConfig()
    batches = batched(read_inputs([src]), config.batch_size, RunStats(), lambda issue: None)
    return {e.event_id for coded in run_local(batches, config, workers) for _, evs, _ in coded for e in evs}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=200, help="synthetic documents (default 200)")
    ap.add_argument("--workers", type=int, default=2, help="local workers = Spark local[W] cores (default 2)")
    ap.add_argument("--no-warm", action="store_true", help="skip the second (warm) Spark run")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="detente-spark-bench-"))
    src = tmp / "synthetic.jsonl"
    _synthetic().write(str(src), args.n)
    words = sum(len(json.loads(line)["text"].split()) for line in src.open())
    print(f"documents={args.n} words={words} workers={args.workers} corpus={src}")

    t0 = time.perf_counter()
    local_ids = local_run(src, args.workers)
    t_local = time.perf_counter() - t0

    from detente.engines.spark import run_spark, spark_session

    t0 = time.perf_counter()
    spark = spark_session(f"local[{args.workers}]", app_name="detente-bench")
    spark.sparkContext.setLogLevel("ERROR")
    t_session = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_spark = run_spark([str(src)], str(tmp / "out"), spark=spark)
    t_spark = time.perf_counter() - t0
    t_warm = None
    if not args.no_warm:
        t0 = time.perf_counter()
        run_spark([str(src)], str(tmp / "out2"), spark=spark)
        t_warm = time.perf_counter() - t0
    import duckdb

    spark_ids = {r[0] for r in duckdb.sql(f"SELECT event_id FROM read_parquet('{tmp / 'out'}/**/*.parquet')").fetchall()}
    spark.stop()

    rows = [(f"local engine, {args.workers} workers", t_local),
            (f"spark local[{args.workers}] (+session)", t_spark + t_session),
            (f"spark local[{args.workers}] (job)", t_spark)]
    if t_warm is not None:
        rows.append((f"spark local[{args.workers}] (warm job)", t_warm))
    print(f"{'engine':<34}{'seconds':>9}{'docs/s':>9}{'words/s':>10}")
    for name, t in rows:
        print(f"{name:<34}{t:>9.2f}{args.n / t:>9.1f}{words / t:>10.0f}")
    print(f"ratio spark/local (docs/s): job {t_local / t_spark:.2f}, with session start "
          f"{t_local / (t_spark + t_session):.2f}" + (f", warm {t_local / t_warm:.2f}" if t_warm else ""))
    same = local_ids == spark_ids and n_spark == len(spark_ids)
    print(f"events: local={len(local_ids)} spark={n_spark} identical ids={same}")


if __name__ == "__main__":
    main()
