"""Load and compile the event lexicon (data/lexicon/root*.yaml).

The YAML format and pattern grammar are documented in data/lexicon/README.md.
Compilation turns every pattern string into a `Pattern` indexed by its head
lemma, so matching a token costs one dict lookup.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from detente.ontology import load_ontology

BLOCK = "-"
# "over" is left out: "imposed sanctions on Russia over the annexation" names a cause there
DEFAULT_TARGET_PREPS = ("with", "against", "to", "toward", "towards", "on", "at", "into", "from", "upon")
_TOKEN_RE = re.compile(r"^[~]?[a-z0-9'\-@+]+(\|[a-z0-9'\-@+]+)*$")
PLACE_OBJECT = "@place"  # an object alternative matching any named place ("take over ~@place")
PERSON_OBJECT = "@person"  # one matching any person's name ("called Trump": a phone call)
QUALIFIER = "+"  # "chemical+weapon": an object "weapon" with the modifier "chemical"
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


class LexiconError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Pattern:
    code: str  # CAMEO code, or "-" for a blocker
    pos: str  # "VERB" or "NOUN"
    head: str
    particles: tuple[str, ...] = ()  # verbs: words attached to the head (prt/prep/advmod)
    modifiers: tuple[str, ...] = ()  # nouns: compound/amod words before the head
    objects: frozenset[str] = frozenset()  # verbs: allowed object lemmas
    object_prep: str | None = None  # the particle that introduces the object ("call for ~talk")
    target_preps: tuple[str, ...] = DEFAULT_TARGET_PREPS
    swap: bool = False
    source_preps: tuple[str, ...] = ()
    stative: bool = False  # a participle of its subject's stance ("is opposed to"): no passive
    intransitive: bool = False  # matches only a verb with no direct object ("fought alongside X")
    reverse: str | None = None  # PETRARCH dual code [031:031]: this code from target to source too
    rule: str = ""
    # one of these must be the object's lemma or lower-case form, None when any named place
    # will do (set from ``objects``: the alternatives, and the head of each "mod+head")
    object_words: frozenset[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = None if PLACE_OBJECT in self.objects or PERSON_OBJECT in self.objects else self.objects | {  # "mod+": the modifier
            alt.partition(QUALIFIER)[2] or alt.partition(QUALIFIER)[0] for alt in self.objects if QUALIFIER in alt}
        object.__setattr__(self, "object_words", words)

    def may_match(self, words: AbstractSet[str]) -> bool:
        """A cheap necessary test before matching: every particle, and some object word,
        is among ``words`` (the lower-case forms and lemmas of the words around the head)."""
        return all(map(words.__contains__, self.particles)) and (
            not self.objects or self.object_words is None or not self.object_words.isdisjoint(words))

    @property
    def specificity(self) -> int:
        n = 1 + len(self.particles) + len(self.modifiers) + (2 if self.objects else 0)
        if self.objects and all(QUALIFIER in alt for alt in self.objects):
            n += 1  # "withdraw ~peacekeeping+force" beats "withdraw ~force": the modifier counts
        return n * 2 + (1 if self.code == BLOCK else 0)


@dataclass(slots=True)
class Lexicon:
    verbs: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    # spaCy lemma id -> does the lower-cased lemma head a pattern (a memo filled while coding)
    lemma_known: dict[int, bool] = field(default_factory=dict, repr=False, compare=False)

    def add(self, p: Pattern) -> None:
        (self.verbs if p.pos == "VERB" else self.nouns)[p.head].append(p)
        self.lemma_known.clear()

    def finish(self) -> Lexicon:
        for index in (self.verbs, self.nouns):
            for pats in index.values():
                pats.sort(key=lambda p: -p.specificity)
        self.verbs = dict(self.verbs)
        self.nouns = dict(self.nouns)
        return self

    def __len__(self) -> int:
        return sum(map(len, self.verbs.values())) + sum(map(len, self.nouns.values()))

    def codes(self) -> set[str]:
        return {p.code for idx in (self.verbs, self.nouns) for ps in idx.values() for p in ps} - {BLOCK}


def _preps(entry: dict, key: str, rule: str, default: tuple[str, ...]) -> tuple[str, ...]:
    """An entry's prepositions; an unquoted on/off in YAML is a boolean, not the word."""
    values = entry.get(key) or default
    bad = [v for v in values if not isinstance(v, str)]
    if bad:
        raise LexiconError(f"{rule}: {key}: {bad[0]!r} is not a preposition (quote on/off: YAML reads them as booleans)")
    return tuple(values)


def parse_pattern(text: str, pos: str, code: str, entry: dict, rule: str) -> Pattern:
    toks = text.strip().lower().split()
    if not toks:
        raise LexiconError(f"{rule}: empty pattern")
    for t in toks:
        if not _TOKEN_RE.match(t):
            raise LexiconError(f"{rule}: bad token {t!r} in pattern {text!r}")
    opts = dict(
        target_preps=_preps(entry, "target_preps", rule, DEFAULT_TARGET_PREPS),
        swap=bool(entry.get("swap", False)),
        source_preps=_preps(entry, "source_preps", rule, ()),
        stative=bool(entry.get("stative", False)),
        intransitive=bool(entry.get("intransitive", False)),
        rule=rule,
    )
    if pos == "NOUN":
        if any(t.startswith("~") for t in toks):
            raise LexiconError(f"{rule}: noun patterns take no ~objects: {text!r}")
        return Pattern(code, "NOUN", toks[-1], modifiers=tuple(toks[:-1]), **opts)
    head, rest = toks[0], toks[1:]
    if head.startswith("~"):
        raise LexiconError(f"{rule}: a verb pattern starts with the head verb: {text!r}")
    particles: list[str] = []
    objects: frozenset[str] = frozenset()
    object_prep = None
    for t in rest:
        if t.startswith("~"):
            if objects:
                raise LexiconError(f"{rule}: one ~object per pattern: {text!r}")
            objects = frozenset(t[1:].split("|"))
            object_prep = particles[-1] if particles else None
        else:
            particles.append(t)
    return Pattern(code, "VERB", head, particles=tuple(particles), objects=objects,
                   object_prep=object_prep, **opts)


def compile_entries(entries: Iterable[dict], source: str, lexicon: Lexicon) -> None:
    onto = load_ontology()
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or "code" not in entry:
            raise LexiconError(f"{source}: entry {i} has no 'code'")
        code = str(entry["code"])
        if code != BLOCK and code not in onto:
            raise LexiconError(f"{source}: unknown CAMEO code {code!r}")
        for key, pos in (("verbs", "VERB"), ("nouns", "NOUN")):
            for pat in entry.get(key) or ():
                rule = f"{source}:{code}:{'v' if pos == 'VERB' else 'n'}:{pat}"
                lexicon.add(parse_pattern(str(pat), pos, code, entry, rule))


def load_lexicon_files(paths: Iterable[Path]) -> Lexicon:
    lex = Lexicon()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            entries = yaml.safe_load(fh) or []
        compile_entries(entries, Path(path).stem, lex)
    return lex.finish()


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The bundled lexicon (all data/lexicon/*.yaml files)."""
    folder = resources.files("detente.data").joinpath("lexicon")
    paths = sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml"))
    return load_lexicon_files(paths)
