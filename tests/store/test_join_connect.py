"""One process may hold a database under two configurations: the API server's connection and
a report or CLI run in the same process (the web tests, a notebook serving the dashboard)."""
from __future__ import annotations

import duckdb

from detente.store.db import _CONFIG, Store, join_connect


def test_a_second_configuration_joins_the_open_database(tmp_path):
    path = tmp_path / "x.duckdb"
    with Store(path):
        pass  # creates the schema
    api = join_connect(path, read_only=True)  # as the API server opens it
    with Store(path, read_only=True) as st:  # as `detente report` does, with the store's limits
        assert st.con.execute("SELECT count(*) FROM events").fetchone() == (0,)
    api.close()
    # and the other way round
    store = join_connect(path, read_only=True, config=_CONFIG)
    api = join_connect(path, read_only=True)
    assert api.execute("SELECT count(*) FROM events").fetchone() == (0,)
    api.close()
    store.close()


def test_plain_duckdb_refuses_it(tmp_path):
    # why join_connect exists: DuckDB's own error for the same file under two configurations
    path = tmp_path / "y.duckdb"
    duckdb.connect(str(path)).close()
    first = duckdb.connect(str(path), read_only=True)
    try:
        duckdb.connect(str(path), read_only=True, config=_CONFIG)
    except duckdb.ConnectionException as exc:
        assert "different configuration" in str(exc)
    else:
        raise AssertionError("DuckDB accepted a second configuration")
    finally:
        first.close()
