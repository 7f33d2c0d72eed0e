"""When an event happened, from its own clause.

Each time expression of a sentence (``detente.temporal``) dates the word it modifies: the
first verb or event noun above it in the parse ("asking X to meet on 10 and 11 September"
dates the meeting, not the asking; "last week's call" dates the call), except that a day on
a future-in-the-past complement dates the report when it lies nearer behind than ahead
("announced the army would withdraw on Tuesday", published on a Wednesday, dates the
announcing: ``report_or_reported``). An event takes, in
this order:

1. an expression on its trigger, or on a word that shares its time (never one on a verb
   that governs it: "said on Monday that it had bombed" does not date the bombing): the verb carrying an
   event noun ("carried out strikes on Monday"), coordinated verbs with the same subject,
   the verb a participle hangs on ("bombed ... on Monday, killing 20"), the verb an
   implicative governs ("began on Monday to shell"), a clause that says when ("was killed
   on 23 October when a mine exploded"), a clause of time that says it happened right then
   ("shortly after the envoy landed on Monday, Egypt recalled its ambassador"), the date a
   relative clause qualifies ("on 23 October, when a mine exploded");
2. the date of the last dated sentence before it (the date of that sentence's main
   clause, else its last), only through an explicit link on its own clause ("Then", "the
   next day", "that day": ``carry_links`` in data/temporal/words.yaml, with their day
   offsets; "said it had not flown that day" links the flying, not the saying), and never
   a date read inside a quotation;
3. the publication date as the latest possible day (``date_precision`` "recent") when the
   event is reported as recent ("Russia's recent offer", "had recently met");
   nothing (``date_precision`` "before-publication") when it is reported as earlier
   without a date ("the earlier call", "had previously met", "had bombed" outside reported
   speech, where "said jets had struck" is only the past of the saying): the publication
   date would be wrong;
4. the publication date (``date_precision`` "publication").

An event that is scheduled or intended (factuality other than asserted, negated or
alleged, or a verb that says so: "will meet on Monday", "due to be discussed on Monday",
"are to meet on Monday") reads its expression forward: the next Monday, not the last.
Capitalised titles ("the Today programme") are no time expressions (``detente.temporal``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Span, Token

from detente.coding.place_slots import event_heads
from detente.coding.quotes import quotes_of
from detente.coding.wordlists import WORDS
from detente.geo.words import GEO_WORDS
from detente.model import TimeExpr
from detente.nlp import span_text
from detente.temporal import find_time_expressions
from detente.temporal.words import TEMPORAL_WORDS

EXPLICIT = ("day", "week", "month", "season", "year")
PAST_FACTUALITY = frozenset({"asserted", "negated", "alleged"})
CARRY = TEMPORAL_WORDS.carry_pattern
VENUE_PREPS = frozenset({"in", "at", "during"})


@dataclass(slots=True, frozen=True)
class Dated:
    value: date | None
    precision: str  # detente.model.DatePrecision
    text: str | None  # the time expression used (or the earlier-cue word), else None


@dataclass(slots=True)
class _Expr:
    expr: TimeExpr  # offsets relative to the sentence text
    host: int  # token index of the word it dates
    tokens: range  # its token indices


@dataclass(slots=True)
class _Sentence:
    text: str
    exprs: list[_Expr]
    carried: TimeExpr | None  # the document's last dated expression before this sentence
    link: tuple[int, int] | None  # (index of the word it modifies, day offset) of an explicit link


@dataclass
class DateFinder:
    """Per-document dating (holds only this document's state: its last date so far)."""

    published: date | None
    _carried: TimeExpr | None = None
    _cache: dict[int, _Sentence] = field(default_factory=dict)

    def event_date(self, trigger: Token, sent: Span, paragraph_start: int, factuality: str = "asserted",
                   events: set[int] = frozenset(), heads: list[Token] | None = None) -> Dated:  # type: ignore[assignment]
        """The date of the event whose trigger is ``trigger`` (rules in the module docstring).
        ``events``: token indices of the sentence's triggers (event nouns that time dates);
        ``heads``: ``place_slots.event_heads`` of the trigger, when already known."""
        s = self._sentence(sent, paragraph_start, events)
        if not s.exprs and s.link is None:  # the common case: nothing in the sentence to date it
            return self._undated(trigger)
        future = scheduled(trigger) or (factuality not in PAST_FACTUALITY and not _past_form(trigger))
        shared = time_heads(trigger, events, heads)
        for head in shared:
            mine = [x for x in s.exprs if x.host == head.i]
            if mine:
                best = min(mine, key=lambda x: abs(x.host - trigger.i)).expr
                if future or scheduled(head):
                    best = _forward(s.text, best, self.published)
                return Dated(best.value, best.precision, best.text)
        if trigger.dep_ == "relcl":  # "on 23 August, when a mine exploded": the date it qualifies
            for x in s.exprs:
                if trigger.head.i in x.tokens:
                    best = _forward(s.text, x.expr, self.published) if future else x.expr
                    return Dated(best.value, best.precision, best.text)
        root = sent.root
        for x in s.exprs:  # "Last April, the panel | attributed ...": the parser made the opening date the root
            if x.host == root.i and root.i in x.tokens and root.pos_ not in ("VERB", "AUX"):
                best = _forward(s.text, x.expr, self.published) if future else x.expr
                return Dated(best.value, best.precision, best.text)
        if s.link is not None and s.carried is not None and any(h.i == s.link[0] for h in shared):
            c = s.carried
            shift = s.link[1] if c.precision == "day" and c.value is not None else 0
            return Dated(c.value + timedelta(days=shift) if c.value else None, c.precision, c.text)
        return self._undated(trigger)

    def _undated(self, trigger: Token) -> Dated:
        """No time expression dates the event: reported as earlier, else the publication date."""
        cue = earlier_cue(trigger)
        if cue is not None and cue.lower() in TEMPORAL_WORDS.recent_words and self.published is not None:
            return Dated(self.published, "recent", cue)  # "the recent offer": lately, at the latest now
        if cue is not None:
            return Dated(None, "before-publication", cue)
        if self.published is not None:
            return Dated(self.published, "publication", None)
        return Dated(None, "unknown", None)

    def see(self, sent: Span, paragraph_start: int) -> None:
        """Read a sentence that has no event, for the date a later sentence may link to."""
        self._sentence(sent, paragraph_start, set())

    def _sentence(self, sent: Span, paragraph_start: int, events: set[int]) -> _Sentence:
        key = paragraph_start + sent.start_char  # chunks restart their offsets at 0
        found = self._cache.get(key)
        if found is not None:
            return found
        text = span_text(sent)
        exprs = []
        for e in find_time_expressions(text, self.published):
            if e.value is None or e.start is None or e.end is None:
                continue
            span = sent.char_span(e.start, e.end, alignment_mode="expand")
            if span is not None and len(span):
                host = report_or_reported(host_of(span.root, events), e, text, self.published)
                exprs.append(_Expr(e, host.i, range(span.start, span.end)))
        link = None
        for m in CARRY.finditer(text):
            tok = sent.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if tok is not None and len(tok) and not any(x.expr.start <= m.start(1) < x.expr.end for x in exprs):  # type: ignore[operator]
                link = (host_of(tok.root, events).i, TEMPORAL_WORDS.carry_links[" ".join(m[1].lower().split())])
                break
        s = _Sentence(text, exprs, self._carried, link)
        # the date a later sentence links to: that of this sentence's main clause, else its last,
        # never one inside a quotation
        if exprs:
            quotes = quotes_of(sent.doc)
            outside = [x for x in exprs if x.expr.precision in EXPLICIT
                       and quotes.quote_at(sent.start_char + x.expr.start) is None]  # type: ignore[operator]
            if outside:
                main = {t.i for t in time_heads(sent.root, events)}
                self._carried = ([x for x in outside if x.host in main] or outside)[-1].expr
        self._cache[key] = s
        return s


def _forward(text: str, expr: TimeExpr, published: date | None) -> TimeExpr:
    """The same expression read as lying ahead of the publication date."""
    for e in find_time_expressions(text, published, future=True):
        if e.start == expr.start and e.value is not None:
            return e
    return expr


def host_of(tok: Token, events: set[int]) -> Token:
    """The word a time expression dates: the noun it is the possessive of ("last week's
    call"), else the first verb or event noun at or above it."""
    if tok.dep_ == "poss" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    for _ in range(12):
        if tok.i in events or tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            return tok
        tok = tok.head
    return tok


def report_or_reported(host: Token, expr: TimeExpr, text: str, published: date | None) -> Token:
    """The word a time expression on a future-in-the-past complement dates. "Announced the
    army would withdraw from the town on Tuesday" may date the withdrawing (read forward:
    the next Tuesday) or the announcing (read back: the last Tuesday). The reading nearer
    the publication wins: a writer who meant a day already past for the withdrawal would
    report it as done, and one who meant a week ahead would say "next Tuesday". So a day
    just past dates the report; a day just ahead, the reported event ("said convoys would
    enter on Wednesday", published on a Monday)."""
    gov = host.head
    if published is None or expr.value is None or host.dep_ != "ccomp" or not _would(host) \
            or gov.tag_ != "VBD" or gov.lemma_.lower() not in WORDS.reporting_verbs:
        return host
    ahead = _forward(text, expr, published).value
    if ahead is None or ahead == expr.value:
        return host
    return gov if (published - expr.value) < (ahead - published) else host


def _would(verb: Token) -> bool:
    """The future of the past: "would withdraw" (not "would have withdrawn")."""
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return "would" in auxes and "have" not in auxes


def _past_form(tok: Token) -> bool:
    """A verb in the past ("most likely bombed", "may have shelled"): hedged or not, its time
    expression reads backward."""
    if tok.tag_ == "VBD":
        return True
    return tok.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in tok.children)


def scheduled(tok: Token) -> bool:
    """A verb (or the light verb of an event noun) that says the event lies ahead: "will
    meet", "would enter" (not "would have"), "is due to be discussed", "are scheduled to
    meet", "are to meet", "are going to meet"."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj":
        tok = tok.head
    auxes = [c.lower_ for c in tok.children if c.dep_ == "aux"]
    if any(a in WORDS.future_modals or a == "shall" for a in auxes) or _would(tok):
        return True  # "will meet", and the future of the past: "said convoys would enter on Wednesday"
    if tok.dep_ == "xcomp":
        gov = tok.head
        lemma = gov.lemma_.lower()
        return (WORDS.governor_classes.get(lemma) == "future" or lemma == "be"
                or (lemma == "go" and gov.tag_ == "VBG"))
    return False


def time_heads(trigger: Token, events: set[int], heads: list[Token] | None = None) -> list[Token]:
    """The trigger and the words that share its time (they share its place too:
    ``place_slots.event_heads``), the verb an implicative governs ("began to shell"), and a
    complement that is no event of its own ("declared the city liberated last month")."""
    heads = list(heads) if heads is not None else event_heads(trigger, events)
    if trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in WORDS.implicatives:
        heads.append(trigger.head)
    # the occasion it happened at: "In his speech this week, Macron said", "told a news
    # conference on Monday" (the venue nouns that also give a statement its place)
    heads.extend(v for c in trigger.children if c.dep_ == "prep" and c.lower_ in VENUE_PREPS
                 for v in c.children if v.dep_ == "pobj" and v.lemma_.lower() in GEO_WORDS.venue_nouns)
    # a clause of time that says it happened right then: "Shortly after the envoy landed on
    # Monday, Egypt recalled its ambassador"
    heads.extend(c for c in trigger.children if immediate_clause(c))
    # a complement that is no event of its own: "declared the city liberated last month"
    heads.extend(c for c in trigger.children if c.i not in events and (c.dep_ in ("oprd", "acomp") or (
        c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBN"
        and not any(g.dep_ in ("aux", "auxpass") for g in c.children))))
    return heads


def immediate_clause(clause: Token) -> bool:
    """An adverbial clause of time that a word of immediacy ties to its governor's moment:
    "shortly after X", "hours before X", "just as X" (``immediacy_words``); not a counted
    interval, which may reach another day ("36 hours after X")."""
    if clause.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}
    near = {c.lower_ for c in clause.children if c.dep_ in ("advmod", "npadvmod")
            and not any(n.dep_ == "nummod" for n in c.children)}
    return bool(marks & GEO_WORDS.time_clause_markers) and bool(near & TEMPORAL_WORDS.immediacy_words)


def earlier_cue(trigger: Token) -> str | None:
    """The word that reports the event as earlier than the article, if any: an adverb on its
    verb ("had previously met"), an adjective on its noun ("the earlier call"), a past
    perfect ("had bombed")."""
    verb = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        for c in trigger.children:
            if c.dep_ in ("amod", "advmod") and c.lower_ in TEMPORAL_WORDS.earlier_adjectives:
                return c.text
        if not (trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in WORDS.object_verbs):
            return None
        verb = trigger.head
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in TEMPORAL_WORDS.earlier_adverbs:
            return c.text
    if verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) \
            and not _reported(verb):
        return "had"
    return None


def _reported(verb: Token) -> bool:
    """Inside what someone said: "said Russian jets had struck" is the past of the saying
    (backshift), not an earlier event."""
    tok = verb
    for _ in range(8):
        if tok.head is tok:
            return False
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in WORDS.reporting_verbs:
            return True
        tok = tok.head
    return False
