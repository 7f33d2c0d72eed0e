from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import duckdb
import httpx
import pytest
import sample_db

from detente.api.app import create_app
from detente.api.db import Database, QueryTimeout

INJECTIONS = ["' OR 1=1 --", "'; DROP TABLE events; --", "\" OR \"\"=\"", "%' UNION SELECT * FROM documents --",
              "\\'; SELECT 1; --", "RUS') OR ('1'='1"]


@pytest.mark.parametrize("s", INJECTIONS)
def test_sql_injection_strings_are_inert(client, s):
    r = client.get("/api/events", params={"q": s, "place": s[:100]})
    assert r.status_code == 200 and r.json()["total"] == 0
    r = client.get("/api/events/" + s.replace("/", ""))
    assert r.status_code in (404, 422)
    assert client.get("/api/events", params={"actor": s}).status_code == 422
    assert client.get("/api/stats").json()["events"] == 19


def test_injection_text_stored_in_data_is_matched_literally(client):
    items = client.get("/api/events", params={"q": "'; DROP TABLE events; --"}).json()["items"]
    assert [e["event_id"] for e in items] == ["E19"]


def test_token_required_when_set(secured_url):
    token = sample_db.TOKEN
    with httpx.Client(base_url=secured_url) as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/events", headers={"Authorization": token}).status_code == 401
        r = c.get("/api/events", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200 and r.json()["total"] == 16
        assert c.get("/api/events/E1", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        assert c.get("/api/health").status_code == 200  # liveness stays open, it carries no data
        assert c.get("/").status_code == 200  # the page itself; its API calls need the token


def test_cors_off_by_default_and_on_when_configured(client, secured_url):
    r = client.get("/api/events", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    with httpx.Client(base_url=secured_url) as c:
        ok = c.options("/api/events", headers={"Origin": "http://allowed.example", "Access-Control-Request-Method": "GET"})
        assert ok.headers.get("access-control-allow-origin") == "http://allowed.example"
        bad = c.options("/api/events", headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "GET"})
        assert bad.headers.get("access-control-allow-origin") is None


def test_security_headers_on_dashboard(client):
    r = client.get("/")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


HOLD = textwrap.dedent("""
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
""")


def test_writer_lock_gives_503_then_recovers(fresh_db):
    app = create_app(fresh_db, linger_s=0.2)
    app.state.database.open_retry_s = 0.5
    with sample_db.running_server(app) as url, httpx.Client(base_url=url, timeout=20) as c:
        assert c.get("/api/events").status_code == 200
        time.sleep(0.8)  # idle: the server lets go of the file
        writer = subprocess.Popen([sys.executable, "-c", HOLD, str(fresh_db), "3"], stdout=subprocess.PIPE, text=True)
        try:
            assert writer.stdout.readline().strip() == "locked"  # a writer can take the lock while serving
            r = c.get("/api/events")
            assert r.status_code == 503 and "written by another process" in r.json()["detail"]
            assert r.headers["retry-after"]
            h = c.get("/api/health")
            assert h.status_code == 503 and h.json()["status"] == "unavailable"
        finally:
            writer.wait(20)
        time.sleep(0.6)
        assert c.get("/api/events").status_code == 200


def test_query_timeout_interrupts(fresh_db):
    db = Database(fresh_db)
    with pytest.raises(QueryTimeout):
        with db.cursor(timeout_s=0.2) as cur:
            cur.execute("SELECT count(*) FROM range(100000000000) a(i) WHERE hash(i) % 7 = 3").fetchall()
    with db.cursor(timeout_s=5) as cur:  # the connection is still usable
        assert cur.execute("SELECT count(*) FROM events").fetchone()[0] == 19
    db.close()


def test_not_a_detente_database_is_503(tmp_path):
    p = tmp_path / "other.duckdb"
    duckdb.connect(str(p)).close()
    with sample_db.running_server(create_app(p)) as url:
        r = httpx.get(url + "/api/events")
        assert r.status_code == 503 and "schema version" in r.json()["detail"]


def test_missing_database_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "missing.duckdb")


def test_new_data_is_served_after_a_write(fresh_db):
    from detente.model import Document
    from detente.store import Store

    app = create_app(fresh_db, linger_s=0.2)
    with sample_db.running_server(app) as url, httpx.Client(base_url=url, timeout=20) as c:
        assert c.get("/api/stats").json()["documents"] == 13  # now cached
        time.sleep(0.8)  # idle: the server closes the file
        with Store(fresh_db) as store:  # another writer (same process here, as a coding run would be)
            store.write_batch([(Document(doc_id="D50", text="A new report."), [], 1)])
        assert c.get("/api/stats").json()["documents"] == 14
