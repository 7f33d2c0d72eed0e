"""Local engine: stream documents through the pipeline on N processes, store per batch.

- one model load per worker process (the Pipeline is built lazily in each worker);
- a bounded window of batches in flight, so memory stays flat on any corpus size;
- the parent is the single DuckDB writer and commits each batch, so a killed run
  loses at most the batches in flight, and a re-run skips documents already stored.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from detente.model import Document, Event, IngestIssue
from detente.pipeline import Pipeline, PipelineConfig

Coded = tuple[Document, list[Event], int]

_WORKER_PIPELINE: Pipeline | None = None  # one per worker process, set by the initializer


def _init_worker(config: PipelineConfig) -> None:
    global _WORKER_PIPELINE  # per-process state of a worker, never shared
    _WORKER_PIPELINE = Pipeline(config)
    _ = _WORKER_PIPELINE.nlp, _WORKER_PIPELINE.coder  # load once, up front


def _code_batch(docs: list[Document]) -> list[Coded]:
    assert _WORKER_PIPELINE is not None
    return list(_WORKER_PIPELINE.run(docs))


@dataclass
class RunStats:
    documents_read: int = 0
    documents_coded: int = 0
    documents_skipped: int = 0  # already in the database
    documents_conflicting: int = 0
    events: int = 0
    asserted: int = 0
    issues: list[IngestIssue] = field(default_factory=list)
    documents_updated: int = 0  # stored documents given new metadata (not re-coded)
    events_redated: int = 0  # their events re-dated in place
    events_need_recode: int = 0  # of those, dates that --recode might set differently


def batched(records: Iterable[Document | IngestIssue], size: int, stats: RunStats,
            on_issue: Callable[[IngestIssue], None]) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for rec in records:
        if isinstance(rec, IngestIssue):
            stats.issues.append(rec)
            on_issue(rec)
            continue
        stats.documents_read += 1
        batch.append(rec)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run_local(
    batches: Iterable[list[Document]],
    config: PipelineConfig,
    workers: int = 1,
    skip: Callable[[list[Document]], list[Document]] | None = None,
) -> Iterator[list[Coded]]:
    """Code batches on `workers` processes (in the calling process when workers == 1).

    `skip` filters each batch before coding (e.g. documents already stored).
    Results come back in input order, one list per batch.
    """
    if workers <= 1:
        pipe = Pipeline(config)
        for b in batches:
            todo = skip(b) if skip else b
            yield list(pipe.run(todo)) if todo else []
        return
    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    window: deque[Future] = deque()
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(config,)) as pool:
        for b in batches:
            todo = skip(b) if skip else b
            if not todo:
                continue
            window.append(pool.submit(_code_batch, todo))
            while len(window) >= workers * 2:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
