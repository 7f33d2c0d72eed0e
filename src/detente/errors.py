"""The error every user-facing problem raises: a database that is missing or not DuckDB,
a filter value that cannot be used, an output path that cannot be written, a gold file
that cannot be read. Its message is one line that names the file (or option) and says
what to do; the CLI prints it and exits 2, the API answers 422."""
from __future__ import annotations


class DetenteError(Exception):
    """A problem with what the user gave; ``str(exc)`` is one line."""


class OutputError(DetenteError):
    """An output path that cannot be written (or a format that cannot be written there)."""


def check_writable(path, what: str = "output") -> None:
    """Raise OutputError unless ``path`` can be written: its folder exists (or can be made)
    and is writable, and the path itself is not a folder or a read-only file."""
    import os
    from pathlib import Path

    p = Path(path)
    if p.is_dir():
        raise OutputError(f"{p}: is a folder; give a file name for the {what}")
    parent = p.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"{p}: cannot write the {what}: {parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{p}: cannot write the {what}: {parent} is not writable; choose another path")
    if p.exists() and not os.access(p, os.W_OK):
        raise OutputError(f"{p}: cannot write the {what}: the file is read-only; choose another path")
