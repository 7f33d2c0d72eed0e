"""Publication dates: where a document's date comes from when its input gives none.

Every Document records the source of its ``published`` date in ``published_how``.
From strongest to weakest (a run takes the first that gives a date):

    metadata       a ``--metadata`` file row for the document
    input          the record's own field (JSONL/CSV ``published`` or ``date``)
    html           the page's metadata (trafilatura/htmldate)
    feed           the date of the feed item (or news-sitemap entry) that listed a
                   fetched page, when the page itself has none
    text-dateline  a dateline or byline in the first lines ("May 25, 2017",
                   "By Eric Woods | 25 May 2017", "MOSCOW, May 25, 2017 (Reuters) -")
    url            a date in the document's URL (``.../2017/05/25/...``), or in a
                   labelled URL line of the text ("Original url: https://...")
    filename       a date in the file name (``2017-05-25-talks.txt``, ``20170525_x.txt``)
    cli            ``--published`` (the date of inputs that carry none)
    none           no date

Detection is conservative: a date deep in the body ("talks on May 19, 2017") is the
date of an event, not of the article, and is never taken.

The same order ranks a stored date against one found on a later run
(:func:`outranks`): a later run replaces a stored date by one of equal or higher rank.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

from detente.model import Document

PUBLISHED_HOW: tuple[str, ...] = (
    "none", "cli", "filename", "url", "text-dateline", "feed", "html", "input", "metadata",
)
_RANK = {how: i for i, how in enumerate(PUBLISHED_HOW)}

# Datelines are looked for in the first lines only, and only on short lines.
HEAD_LINES = 10
MAX_LINE = 120
EARLIEST = date(1900, 1, 1)


def rank(how: str | None, published: date | None = None) -> int:
    """Rank of a date source; a stored date without a recorded source (a database from
    before sources were kept) ranks as ``input``."""
    if how is None:
        return _RANK["input"] if published is not None else _RANK["none"]
    return _RANK.get(how, _RANK["none"])


def outranks(new_how: str | None, new: date | None, old_how: str | None, old: date | None) -> bool:
    """Whether a date found now (new) should replace the stored one (old)."""
    if new is None:
        return False
    return rank(new_how, new) >= rank(old_how, old)


def _plausible(d: date | None) -> date | None:
    if d is None or d < EARLIEST or d > date.today() + timedelta(days=2):
        return None
    return d


# ---- URLs ---------------------------------------------------------------------------------
_HTMLDATE_OPTIONS = None


def date_from_url(url: str | None) -> date | None:
    """A Y/M/D date in a URL path (htmldate's URL rule: ``/2017/05/25/``, ``/2017-05-25-``)."""
    global _HTMLDATE_OPTIONS
    if not url or not re.search(r"(?:19|20)\d\d", url):
        return None
    from htmldate.extractors import extract_url_date
    from htmldate.utils import Extractor

    if _HTMLDATE_OPTIONS is None:
        _HTMLDATE_OPTIONS = Extractor(False, datetime(2100, 1, 1), datetime.combine(EARLIEST, datetime.min.time()),
                                      True, "%Y-%m-%d")
    found = extract_url_date(url, _HTMLDATE_OPTIONS)
    return _plausible(date.fromisoformat(found)) if found else None


# "Original url:", "Source URL:", "URL:" and the like, the URL on the same or the next line.
_URL_LINE = re.compile(
    r"^[ \t]*(?:original|source|canonical|article)?[ \t]*(?:url|link)[ \t]*:[ \t]*\n?\s*<?(https?://[^\s<>]+)>?",
    re.IGNORECASE | re.MULTILINE,
)


def url_in_text(text: str) -> str | None:
    """The URL of a labelled line ("Original url: <https://...>"), anywhere in the text."""
    m = _URL_LINE.search(text)
    return m.group(1).rstrip(").,;") if m else None


# ---- datelines ----------------------------------------------------------------------------
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DATE_FORMS = (
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}",   # May 25, 2017
    rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}",   # 25 May 2017
    rf"{_YEAR}-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)",     # 2017-05-25
)
_DATES = [re.compile(f, re.IGNORECASE) for f in _DATE_FORMS]
_TIME = r"(?:\s*(?:[,|·•/–—-]|at)?\s*\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)?"
_LABEL = (r"(?:(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated|dated?|"
          r"filed|on)\s*:?\s*")
_SEP = r"[\s|·•/,–—-]*"
# What may stand around the date on a dateline: a byline and a label before, a time after.
_LINE_BEFORE = re.compile(rf"[\s*_]*(?:by\s+[^|·•\n]{{1,60}}?{_SEP})?(?:{_LABEL})?", re.IGNORECASE)
_LINE_AFTER = re.compile(rf"{_TIME}[\s*_.]*", re.IGNORECASE)
# A wire dateline: "MOSCOW, May 25, 2017 (Reuters) - ..." opening a paragraph.
_WIRE_BEFORE = re.compile(r"[\s*_]*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?,\s*")
_WIRE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]\s")


def _dates_in(line: str):
    for rx in _DATES:
        for m in rx.finditer(line):
            g = m.groupdict()
            try:
                if g.get("mm"):
                    d = date(int(g["year"]), int(g["mm"]), int(g["dd"]))
                else:
                    d = date(int(g["year"]), _MONTHS[g["mon"].lower()[:3]], int(g["day"]))
            except (ValueError, KeyError):
                continue
            if _plausible(d):
                yield m.start(), m.end(), d


def _dateline(line: str) -> date | None:
    for start, end, d in _dates_in(line):
        before, after = line[:start], line[end:]
        if len(line) <= MAX_LINE and _LINE_BEFORE.fullmatch(before) and _LINE_AFTER.fullmatch(after):
            return d
        if _WIRE_BEFORE.fullmatch(before) and _WIRE_AFTER.match(after):
            return d
    return None


def date_from_dateline(text: str) -> date | None:
    """A publication date from the first lines: a line that is a date (or a byline
    with a date), or a wire dateline opening a paragraph. Dates inside sentences are not taken."""
    seen = 0
    for line in text[:6000].split("\n"):
        if not line.strip():
            continue
        seen += 1
        if seen > HEAD_LINES:
            break
        if d := _dateline(line):
            return d
    return None


# ---- file names ---------------------------------------------------------------------------
_FILE_DATE = re.compile(
    r"(?<![0-9A-Za-z])(?P<y>(?:19|20)\d\d)(?P<s>[-_.]?)(?P<m>0[1-9]|1[0-2])(?P=s)(?P<d>0[1-9]|[12]\d|3[01])(?![0-9A-Za-z])")


def date_from_filename(path: str | Path | None) -> date | None:
    """A Y-M-D date in a file's name: ``2017-05-25-talks.txt``, ``20170525_talks.txt``."""
    if not path:
        return None
    m = _FILE_DATE.search(Path(str(path)).name)
    if not m:
        return None
    try:
        return _plausible(date(int(m["y"]), int(m["m"]), int(m["d"])))
    except ValueError:
        return None


# ---- the chain ----------------------------------------------------------------------------
def complete_published(doc: Document, default: date | None = None, *, filename: bool = True,
                       listed: date | None = None) -> Document:
    """Give ``doc`` a publication date and its source, when it has none yet.

    A date already set keeps its ``published_how`` (``input`` if unset). Otherwise: the
    date of the feed item that listed it (``listed``), a dateline, the URL (or a labelled
    URL line in the text, which also becomes the document's URL when it has none), the
    file name (when ``filename``), and last ``default`` (``--published``).
    """
    if doc.published is not None:
        doc.published_how = doc.published_how or "input"
        return doc
    text_url = None if doc.url else url_in_text(doc.text)
    if d := _plausible(listed):
        doc.published, doc.published_how = d, "feed"
    elif d := date_from_dateline(doc.text):
        doc.published, doc.published_how = d, "text-dateline"
    elif (d := date_from_url(doc.url)) or (d := date_from_url(text_url)):
        doc.published, doc.published_how = d, "url"
    elif filename and (d := date_from_filename(doc.path)):
        doc.published, doc.published_how = d, "filename"
    elif default is not None:
        doc.published, doc.published_how = default, "cli"
    else:
        doc.published_how = "none"
    if doc.url is None and text_url:
        doc.url = text_url
    return doc
