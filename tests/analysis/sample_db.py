"""A small detente database for the analysis, API and dashboard tests.

Built from real Document and Event objects and written with Store.write_batch, so
the tests exercise the same columns and offsets as a coding run. Known facts (the
tests rely on them):

  * E1, E3, E4 are one cluster (RUS/MIL -> SYR/REB airstrikes around Aleppo on
    9-10 Feb 2016 in three documents from three sources; E4 has no location);
    E5 (Idlib, same days) is its own cluster.
  * E6 declares a ceasefire SYR <-> SYRREB on 2016-02-27; E7, E8, E9 violate it
    (E9 says it collapsed); E10 (Russia strikes the rebels) is not a violation.
  * E11 is Russia's veto (129) at the UN; E12 talks in Astana, E13 talks in Geneva.
  * E14 is negated, E17 and E18 are future; E19 is undated.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from detente.model import Actor, Document, Event, Mention, Place
from detente.store import Store

TOKEN = "test-token-0123456789"

CODES = {  # code: (root, quad, goldstein)
    "010": ("01", 1, 0.0), "0233": ("02", 1, 3.4), "036": ("03", 1, 4.0), "046": ("04", 1, 7.0),
    "0871": ("08", 2, 9.0), "111": ("11", 3, -2.0), "129": ("12", 3, -5.0), "154": ("15", 4, -7.2),
    "180": ("18", 4, -9.0), "190": ("19", 4, -10.0), "195": ("19", 4, -10.0), "196": ("19", 4, -9.5),
}
PLACES = {
    "Aleppo": Place("Aleppo", 36.2, 37.16, "SYR", 170063, "city"),
    "Idlib": Place("Idlib", 35.93, 36.63, "SYR", 169389, "city"),
    "Astana": Place("Astana", 51.17, 71.45, "KAZ", 1526273, "city"),
    "Geneva": Place("Geneva", 46.2, 6.15, "CHE", 2660646, "city"),
    "Shayrat": Place("Shayrat", 34.49, 36.91, "SYR", None, "airbase"),
}
ACTORS = {
    "RUSGOV": ("RUS", "GOV"), "RUSMIL": ("RUS", "MIL"), "SYRGOV": ("SYR", "GOV"), "SYRMIL": ("SYR", "MIL"),
    "SYRREB": ("SYR", "REB"), "TURGOV": ("TUR", "GOV"), "TURMIL": ("TUR", "MIL"), "USAGOV": ("USA", "GOV"),
    "USAMIL": ("USA", "MIL"), "IGOUNO": (None, "IGO"), "SYR": ("SYR", None),
}

DOCS = [  # doc_id, source, published, title, text
    ("D1", "reuters", date(2016, 2, 10), "Russian jets strike Aleppo",
     "Russian jets struck rebel positions near Aleppo on Tuesday. The United Nations urged Damascus to allow aid."),
    ("D2", "ap", date(2016, 2, 10), "Aleppo bombed", "Russian warplanes bombed rebel-held districts of Aleppo."),
    ("D3", "afp", date(2016, 2, 11), "More strikes",
     "Russian aircraft hit rebel fighters again. Russian jets also struck rebels in Idlib."),
    ("D4", "sana", date(2016, 2, 27), "Ceasefire declared",
     "The Syrian government declared a ceasefire with rebel groups in Idlib."),
    ("D5", "reuters", date(2016, 3, 2), "Clashes despite truce",
     "Syrian troops clashed with rebels near Idlib despite the truce. Russian jets bombed rebels in Aleppo."),
    ("D6", "ap", date(2016, 3, 5), "Ceasefire violated", "Rebels violated the ceasefire by shelling army posts."),
    ("D7", "afp", date(2016, 3, 9), "Ceasefire collapses",
     "The ceasefire collapsed after Syrian forces attacked rebel towns."),
    ("D8", "tass", date(2016, 10, 8), "Veto", "Russia vetoed a UN Security Council resolution on Syria."),
    ("D9", "anadolu", date(2017, 1, 23), "Astana", "Turkish and Russian officials held talks in Astana on Syria."),
    ("D10", "reuters", date(2017, 2, 23), "Geneva",
     "Russia and the United States held talks in Geneva on Syria. Moscow denied that its jets struck a hospital."),
    ("D11", "cnn", date(2017, 4, 7), "US strike",
     "US warships fired missiles at a Syrian air base. Moscow said the US strike was an act of aggression."),
    ("D12", "tass", date(2017, 4, 8), "Plans",
     "Moscow would meet Washington in Geneva, the minister said. Turkey will send troops to Syria."),
    ("D13", "un", None, "Envoy", "The UN envoy welcomed the Astana talks; O'Brien said '; DROP TABLE events; --."),
]

# id, doc, trigger, (source text, code), (target text, code), code, date, place, factuality
EVENTS = [
    ("E1", "D1", "struck", ("Russian jets", "RUSMIL"), ("rebel positions", "SYRREB"), "195", date(2016, 2, 9), "Aleppo", "asserted"),
    ("E2", "D1", "urged", ("The United Nations", "IGOUNO"), ("Damascus", "SYRGOV"), "0233", date(2016, 2, 9), None, "asserted"),
    ("E3", "D2", "bombed", ("Russian warplanes", "RUSMIL"), ("rebel-held districts", "SYRREB"), "195", date(2016, 2, 9), "Aleppo", "asserted"),
    ("E4", "D3", "hit", ("Russian aircraft", "RUSMIL"), ("rebel fighters", "SYRREB"), "195", date(2016, 2, 10), None, "asserted"),
    ("E5", "D3", "struck", ("Russian jets", "RUSMIL"), ("rebels", "SYRREB"), "195", date(2016, 2, 10), "Idlib", "asserted"),
    ("E6", "D4", "declared", ("The Syrian government", "SYRGOV"), ("rebel groups", "SYRREB"), "0871", date(2016, 2, 27), "Idlib", "asserted"),
    ("E7", "D5", "clashed", ("Syrian troops", "SYRMIL"), ("rebels", "SYRREB"), "190", date(2016, 3, 2), "Idlib", "asserted"),
    ("E10", "D5", "bombed", ("Russian jets", "RUSMIL"), ("rebels", "SYRREB"), "195", date(2016, 3, 2), "Aleppo", "asserted"),
    ("E8", "D6", "violated", ("Rebels", "SYRREB"), ("army posts", "SYRMIL"), "196", date(2016, 3, 5), None, "asserted"),
    ("E9", "D7", "attacked", ("Syrian forces", "SYRMIL"), ("rebel towns", "SYRREB"), "180", date(2016, 3, 9), None, "asserted"),
    ("E11", "D8", "vetoed", ("Russia", "RUSGOV"), ("UN Security Council", "IGOUNO"), "129", date(2016, 10, 8), None, "asserted"),
    ("E12", "D9", "held talks", ("Turkish", "TURGOV"), ("Russian officials", "RUSGOV"), "046", date(2017, 1, 23), "Astana", "asserted"),
    ("E13", "D10", "held talks", ("Russia", "RUSGOV"), ("the United States", "USAGOV"), "046", date(2017, 2, 23), "Geneva", "asserted"),
    ("E14", "D10", "struck", ("its jets", "RUSMIL"), ("a hospital", None), "195", date(2017, 2, 22), None, "negated"),
    ("E15", "D11", "fired missiles", ("US warships", "USAMIL"), ("a Syrian air base", "SYRMIL"), "195", date(2017, 4, 7), "Shayrat", "asserted"),
    ("E16", "D11", "said", ("Moscow", "RUSGOV"), ("US", "USAGOV"), "111", date(2017, 4, 7), None, "asserted"),
    ("E17", "D12", "would meet", ("Moscow", "RUSGOV"), ("Washington", "USAGOV"), "036", date(2017, 4, 8), None, "future"),
    ("E18", "D12", "will send troops", ("Turkey", "TURMIL"), ("Syria", "SYR"), "154", date(2017, 4, 8), None, "future"),
    ("E19", "D13", "welcomed", ("The UN envoy", "IGOUNO"), None, "010", None, None, "asserted"),
]


def _mention(text: str, doc: str, span: str, code: str | None, after: int = 0) -> Mention:
    start = text.index(span, after)
    country, sector = ACTORS.get(code, (None, None)) if code else (None, None)
    return Mention(span, start, start + len(span), Actor(code=code, country=country, sector=sector,
                                                          name=span, how="test" if code else None))


def build_events() -> dict[str, tuple[Document, list[Event]]]:
    docs = {d[0]: (Document(doc_id=d[0], source=d[1], published=d[2], title=d[3], text=d[4],
                            url=f"https://news.example/{d[0].lower()}"), []) for d in DOCS}
    for eid, did, trig, src, tgt, code, day, place, fact in EVENTS:
        doc, evs = docs[did]
        text = doc.text
        t_start = text.index(trig, text.index(src[0]) if src else 0)
        # the sentence holding the trigger
        s_start = max(text.rfind(". ", 0, t_start) + 2, 0) if text.rfind(". ", 0, t_start) >= 0 else 0
        s_end = text.find(". ", t_start)
        s_end = len(text) if s_end < 0 else s_end + 1
        source = _mention(text, did, src[0], src[1], s_start)
        target = _mention(text, did, tgt[0], tgt[1], s_start) if tgt else None
        root, quad, gold = CODES[code]
        evs.append(Event(
            doc_id=did, sentence_index=text[:s_start].count(". "), sentence=text[s_start:s_end],
            sentence_start=s_start, cameo_code=code, cameo_root=root, quad_class=quad, goldstein=gold,
            plover_type=None, trigger=Mention(trig, t_start, t_start + len(trig)), source=source, target=target,
            factuality=fact, factuality_cue="denied" if fact == "negated" else None, event_date=day,
            date_precision="day" if day else "unknown", location=PLACES.get(place) if place else None,
            location_precision="sentence" if place else "none", rule="test", confidence=0.9, event_id=eid,
        ))
    return docs


def build_sample_db(path: str | Path) -> Path:
    path = Path(path)
    with Store(path) as store:
        store.write_batch((doc, evs, 2) for doc, evs in build_events().values())
    return path


def build_sample_db_with_tables(path: str | Path) -> Path:
    import duckdb

    from detente.analysis.tables import build_analysis_tables

    build_sample_db(path)
    con = duckdb.connect(str(path))
    build_analysis_tables(con)
    con.close()
    return path


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class running_server:
    """A real uvicorn server for an ASGI app on 127.0.0.1 in a thread:

        with running_server(app) as base_url: httpx.get(base_url + "/api/health")
    """

    def __init__(self, app: object) -> None:
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    access_log=False))
        self.thread = None

    def __enter__(self) -> str:
        import threading
        import time

        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        if self.thread:
            self.thread.join(10)
