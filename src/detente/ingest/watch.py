"""Polling feeds: the schedule of ``detente watch`` (each poll codes what is new; the
fetch cache remembers what was read, see ``detente.ingest.web``)."""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator

from detente.ingest.readers import InputError

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
MIN_INTERVAL = 1.0


def parse_interval(text: str) -> float:
    """'15m', '90s', '1h', '2d' or plain seconds -> seconds. Raises InputError."""
    m = _INTERVAL.match(text)
    if not m:
        raise InputError(f"interval {text!r}: use a number with s, m, h or d (15m, 90s, 1h)")
    seconds = float(m.group(1)) * _UNITS[(m.group(2) or "s").lower()]
    if seconds < MIN_INTERVAL:
        raise InputError(f"interval {text!r}: at least {MIN_INTERVAL:g} s")
    return seconds


def polls(every: float, max_polls: int | None = None, *, clock: Callable[[], float] = time.monotonic,
          sleep: Callable[[float], None] = time.sleep) -> Iterator[int]:
    """Poll numbers 1, 2, ... (up to ``max_polls``; for ever when None or 0), one every
    ``every`` seconds: the time a poll takes counts against the wait for the next."""
    n = 0
    while not max_polls or n < max_polls:
        started = clock()
        n += 1
        yield n
        if max_polls and n >= max_polls:
            return
        sleep(max(0.0, started + every - clock()))
