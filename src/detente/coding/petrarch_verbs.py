"""Read a PETRARCH verb dictionary (CAMEO.2.0.txt, PETR.Validate.verbs.txt) as detente verb patterns.

The dictionary format (PETRARCH's PETRreader, TABARI's .verbs)::

    &WEAPONRY                      a synset: `&NAME` then `+member` lines (words or phrases;
    +CATAPULT                      `_` or space between words; `+&OTHER` includes another set)
    +SIEGE ENGINE

    --- HURL  [190]  ---           a block: a label and the block's default code
    HURL                           verbs of the block; `{...}` lists irregular forms
    LOB {LOBS LOBBED LOBBING} [193]    a verb with a code of its own
    +BEAT_OFF                      a multi-word verb: `+` marks the verb, the rest its particles
    - * &WEAPONRY  [195]           patterns, for every verb of the block: `*` is the verb;
    - * STONES (AT)  [190]         after it: nouns, `{MODIFIER NOUN}` noun phrases,
    - * TO +  [191]                `(PREP NOUN)` prepositional phrases, particles, `+` target
                                   and `$` source markers, `%` compound actors, `^` skips

Comments: `#` (and TABARI's `;`) to the end of the line, `<!-- -->` (also across lines).

How it maps onto detente patterns (data/lexicon/README.md):
- each verb gives a bare pattern with its code (a verb whose code is `---` gives none: the
  dictionary says it is no event by itself); `+ASK_FOR` gives `ask for`;
- each pattern gives, for each verb of its block, the verb with the pattern's particles and
  at most one object: a noun `~noun` (or `~noun+`: the word may also modify the object's
  head, as the words of a TABARI pattern need not be adjacent), a two-word noun phrase
  `~modifier+noun`, a prepositional phrase `prep ~noun`; `PREP +` makes PREP the target preposition; a bare
  word in `verb_particles` (data/frames/wordlists.yaml) is a particle; articles are dropped;
  synsets are expanded into the object's alternatives; a pattern coded `---` is a blocker;
- what cannot be said in detente's grammar is skipped and counted, never approximated:
  words before the verb (`- SAID * ...`, `IN_*`), a verb with words before it (`RE_+ARREST`),
  two objects, noun phrases of three or more words, `$` after the verb, `%`, `^`, verb
  transformations (`~` lines), undefined synsets;
- a dual code `[A:B]` (`MEET [031:031]`) codes the event A from source to target and B
  from target back to source (`Pattern.reverse`);
- codes detente's ontology lacks (WEIS and test codes such as 345, 075A, 903, a dual code
  with such a half) are skipped and counted, never mapped to a nearby code.

A dictionary *replaces* the bundled verb patterns of every verb head it defines (see
`with_verb_dictionaries`); other verbs and all noun patterns keep detente's lexicon. With
``only`` (PETRARCH-compatible mode, `--verbs-only`) the dictionaries are the whole event
lexicon, as in PETRARCH: no bundled verb patterns and no event nouns.
Malformed lines raise `PetrarchVerbError` naming the file and line.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from pathlib import Path

from detente.coding.lexicon import BLOCK, QUALIFIER, Lexicon, LexiconError, Pattern, parse_pattern
from detente.coding.wordlists import WORDS
from detente.errors import DetenteError
from detente.ontology import load_ontology

NULL_CODE = "---"
MAX_EXPANSIONS = 5000  # synset combinations one pattern line may produce
# `--- LABEL [code] ---`; PETRARCH reads the first [code] (the closing --- may be missing)
_HEADER = re.compile(r"^---+\s*(?P<label>[^\[\s]+)\s*(?:\[(?P<code>[^\]]*)\])?")
_VERB_LINE = re.compile(r"^(?P<word>[^{}\[\]]+?)\s*(?:\{[^}]*\})?\s*(?:\[(?P<code>[^\]]*)\])?\s*$")
_PATTERN_CODE = re.compile(r"\[(?P<code>[^\]]*)\]\s*$")
_WORD = re.compile(r"^[a-z0-9][a-z0-9'\-]*$")
MARKERS = frozenset("$+%^")
_COMMENT = re.compile(r"(?:(?<![\[#])#|;).*$")  # "# ..." or TABARI's "; ..." (not the # of a [###] code)


class PetrarchVerbError(LexiconError, DetenteError):
    """A line of a verb dictionary that cannot be read; the message names file and line."""


@dataclass(frozen=True)
class VerbDictionary:
    path: str
    heads: frozenset[str]  # the verb lemmas the dictionary defines (replacing the bundled ones)
    patterns: tuple[Pattern, ...]
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> dictionary lines skipped

    def summary(self) -> str:
        skipped = ", ".join(f"{n} {why}" for why, n in sorted(self.skipped.items(), key=lambda kv: -kv[1]))
        return (f"{self.path}: {len(self.heads)} verbs, {len(self.patterns)} patterns"
                + (f"; skipped: {skipped}" if skipped else ""))


@dataclass
class _Verb:
    line: int
    head: str
    particles: tuple[str, ...]
    code: str


@dataclass
class _Block:
    code: str
    verbs: list[_Verb] = field(default_factory=list)
    patterns: list[tuple[int, str, str]] = field(default_factory=list)  # (line, body, code)


class _Skip(Exception):
    """A pattern or verb detente's grammar cannot express; the message is the reason."""


# ---------------------------------------------------------------- reading lines


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, content) of each non-blank line, comments removed."""
    in_comment = False
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            if "-->" not in line:
                continue
            line = line.split("-->", 1)[1]
            in_comment = False
        while "<!--" in line:
            before, _, after = line.partition("<!--")
            if "-->" in after:
                line = before + after.split("-->", 1)[1]
            else:
                line, in_comment = before, True
        line = _COMMENT.sub("", line).strip()
        if line:
            yield n, line


def _clean_code(raw: str | None) -> str:
    code = (raw or "").strip()
    return code or NULL_CODE


def _parse_verb(word: str) -> tuple[str, tuple[str, ...]]:
    """`ASK`, `+ASK_FOR`, `CLEAR_UP`, `LASH OUT` -> (head, particles)."""
    parts = [p for p in word.lower().replace(" ", "_").split("_") if p]
    if not parts:
        raise _Skip("verb with no word")
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    if len(marked) > 1:
        raise _Skip("multi-word verb with several + marks")
    i = marked[0] if marked else 0
    if i > 0:
        raise _Skip("multi-word verb with words before the verb (RE_+ARREST)")
    head = parts[0].lstrip("+")
    if not _WORD.match(head) or not all(_WORD.match(p) for p in parts[1:]):
        raise _Skip("verb with characters outside a word")
    return head, tuple(parts[1:])


def _read(path: Path, text: str) -> tuple[dict[str, list[str]], list[_Block], Counter]:
    """Synsets (name -> raw members), blocks, and the lines skipped while reading."""
    synsets: dict[str, list[str]] = {}
    blocks: list[_Block] = []
    skipped: Counter = Counter()
    block: _Block | None = None
    synset: str | None = None

    def fail(n: int, why: str, line: str) -> PetrarchVerbError:
        return PetrarchVerbError(f"{path}:{n}: {why}: {line[:80]!r}")

    for n, line in _lines(text):
        if line.startswith("---"):
            m = _HEADER.match(line)
            if m is None:
                raise fail(n, "a block header is `--- LABEL [code] ---`", line)
            block, synset = _Block(_clean_code(m["code"])), None
            blocks.append(block)
        elif line.startswith("&"):
            name = line.split()[0][1:].rstrip("_").upper()
            if not name or len(line.split()) > 1:
                raise fail(n, "a synset label is one word after &", line)
            synset = name
            synsets.setdefault(name, [])
        elif line.startswith("+") and synset is not None:
            member = line[1:].strip()
            if not member:
                raise fail(n, "empty synset member", line)
            synsets[synset].append(member)
        elif line.startswith("~"):
            skipped["verb transformation (~ line)"] += 1
        elif line.startswith("-"):
            synset = None
            if block is None:
                raise fail(n, "a pattern outside a `--- VERB [code] ---` block", line)
            m = _PATTERN_CODE.search(line)
            if m is None:
                raise fail(n, "a pattern ends with its [code]", line)
            body = line[1:m.start()].strip()
            if body.count("*") == 0:
                raise fail(n, "a pattern has a * for its verb", line)
            block.patterns.append((n, body, _clean_code(m["code"])))
        else:
            synset = None
            if block is None:
                raise fail(n, "a verb outside a `--- VERB [code] ---` block", line)
            m = _VERB_LINE.match(line)
            if m is None:
                raise fail(n, "a verb line is `VERB {FORMS} [code]`", line)
            try:
                head, particles = _parse_verb(m["word"])
            except _Skip as why:
                skipped[str(why)] += 1
                continue
            block.verbs.append(_Verb(n, head, particles, _clean_code(m["code"]) if m["code"] else block.code))
    return synsets, blocks, skipped


# ---------------------------------------------------------------- synsets


def _members(name: str, synsets: dict[str, list[str]], seen: frozenset[str] = frozenset()) -> list[str]:
    """A synset's members as pattern text (multi-word members in {...}), nested sets expanded."""
    if name not in synsets or name in seen:
        raise _Skip("undefined synset")
    out: list[str] = []
    for m in synsets[name]:
        if m.startswith("&"):
            out += _members(m[1:].rstrip("_").upper(), synsets, seen | {name})
            continue
        words = m.replace("_", " ").split()
        out.append(words[0] if len(words) == 1 else "{" + " ".join(words) + "}")
    return out


def _expand(body: str, synsets: dict[str, list[str]]) -> list[str]:
    """The pattern with every `&SET` replaced by each member (all combinations)."""
    names = re.findall(r"&([A-Za-z0-9]+)", body)
    if not names:
        return [body]
    choices = [_members(nm.upper(), synsets) for nm in names]
    n = 1
    for c in choices:
        n *= len(c)
    if n > MAX_EXPANSIONS:
        raise _Skip("synset expansion too large")
    out = []
    for combo in product(*choices):
        text = body
        for nm, member in zip(names, combo):
            text = re.sub(rf"&{nm}(?![A-Za-z0-9])", member.replace("\\", ""), text, count=1)
        out.append(text)
    return out


# ---------------------------------------------------------------- patterns


def _singular(word: str) -> str:
    """A plural's singular by the regular rules, for an object's lemma ("ties" -> "tie")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _tokens(text: str) -> list[str]:
    """Words, markers and the brackets `{ } ( )`, with `_` read as a space."""
    spaced = re.sub(r"([{}()])", r" \1 ", text.replace("_", " "))
    return spaced.lower().split()


def _group_end(toks: list[str], i: int) -> int:
    """The index of the bracket closing the one at ``i``."""
    depth = 0
    for j in range(i, len(toks)):
        depth += toks[j] in ("{", "(")
        depth -= toks[j] in ("}", ")")
        if depth == 0:
            if (toks[i], toks[j]) not in (("{", "}"), ("(", ")")):
                break
            return j
    raise _Skip("unbalanced brackets")


def _object(words: list[str]) -> frozenset[str]:
    words = [w for w in words if w not in WORDS.articles]
    for w in words:
        if not _WORD.match(w):
            raise _Skip("word outside detente's pattern grammar")
    if len(words) == 1:  # the object's head, or a modifier of it ("- * ARTILLERY": "fired artillery shells")
        return frozenset(w + q for w in (words[0], _singular(words[0])) for q in ("", QUALIFIER))
    if len(words) == 2:
        mod, head = words
        return frozenset({f"{mod}{QUALIFIER}{_singular(head)}", f"{mod}{QUALIFIER}{head}"})
    raise _Skip("noun phrase of three or more words" if words else "empty noun phrase")


def _shape(post: str) -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """What follows the verb -> (particles before the object, object alternatives, particles
    after it, target prepositions or ())."""
    toks = _tokens(post)
    before: list[str] = []
    after: list[str] = []
    obj: list[str] | None = None
    run: list[str] = []  # bare nouns in a row: one noun phrase
    target: tuple[str, ...] = ()

    def close_run() -> None:
        nonlocal obj, run
        if run:
            if obj is not None:
                raise _Skip("two objects")
            obj, run = run, []

    def particle(p: str) -> None:
        if not _WORD.match(p):
            raise _Skip("word outside detente's pattern grammar")
        (before if obj is None else after).append(p)

    i = 0
    while i < len(toks):
        t = toks[i]
        if t in ("{", "("):
            j = _group_end(toks, i)
            inner = [x for x in toks[i + 1:j] if x not in ("{", "}")]  # a synset phrase in a phrase
            if any(x in ("(", ")") for x in inner):
                raise _Skip("nested prepositional phrases")
            close_run()
            if t == "(":
                if not inner:
                    raise _Skip("empty prepositional phrase")
                particle(inner[0])
                rest = [x for x in inner[1:] if x not in MARKERS]
                if any(x in MARKERS - {"+"} for x in inner[1:]):
                    raise _Skip("$, % or ^ marker")
                if "+" in inner[1:]:
                    target = (inner[0],)
                if rest:
                    run = rest
                    close_run()
            else:
                run = inner
                close_run()
            i = j + 1
            continue
        if t in (")", "}"):
            raise _Skip("unbalanced brackets")
        if t == "+":
            close_run()
            last = after[-1] if after else (before[-1] if before and obj is None else None)
            if last is not None and (toks[i - 1] == last):
                target = (last,)
        elif t in MARKERS:
            raise _Skip("$, % or ^ marker after the verb")
        elif t in WORDS.articles:
            pass
        elif t in WORDS.verb_particles and not run:
            particle(t)
        elif t in WORDS.verb_particles:
            close_run()
            particle(t)
        else:
            run.append(t)
        i += 1
    close_run()
    return tuple(before), obj and _object(obj) or frozenset(), tuple(after), target


def _convert(body: str) -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    if body.count("*") > 1:
        raise _Skip("several * in one pattern")
    pre, _, post = body.partition("*")
    if pre.rstrip().endswith("_"):
        raise _Skip("words before the verb")
    if [t for t in _tokens(pre) if t != "$"]:
        raise _Skip("words before the verb")
    shape = _shape(post.lstrip("_"))
    if not shape[0] and not shape[1] and not shape[2]:
        raise _Skip("pattern with nothing after the verb but markers")
    return shape


def _shapes(expansions: list[str]) -> set[tuple]:
    """The shapes of a pattern's synset expansions; an expansion that cannot be expressed (a
    three-word member) is left out, and the pattern is skipped only when none can."""
    shapes: set[tuple] = set()
    first: _Skip | None = None
    for text in expansions:
        try:
            shapes.add(_convert(text))
        except _Skip as why:
            first = first or why
    if not shapes:
        raise first or _Skip("empty pattern")
    return shapes


def _pattern_text(verb: _Verb, before: tuple[str, ...], objects: frozenset[str], after: tuple[str, ...]) -> str:
    parts = [verb.head, *verb.particles]
    parts += [p for p in before if p not in verb.particles]
    if objects:
        parts.append("~" + "|".join(sorted(objects)))
    parts += [p for p in after if p not in parts]
    return " ".join(parts)


def read_verb_dictionary(path: str | Path) -> VerbDictionary:
    """A PETRARCH verb dictionary as detente verb patterns (see the module docstring)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise PetrarchVerbError(f"{path}: cannot read the verb dictionary: {exc.strerror}") from None
    synsets, blocks, skipped = _read(path, text)
    ontology = load_ontology()
    tag = path.name.replace(" ", "_").replace(":", "_")
    patterns: list[Pattern] = []
    heads: set[str] = set()

    def known(code: str) -> tuple[str, str | None] | None:
        """(code, reverse code) of a dictionary code, None when outside CAMEO (counted)."""
        first, _, back = code.partition(":")
        if (first == NULL_CODE or first in ontology) and (not back or back in ontology):
            return first, back or None
        skipped["code outside CAMEO (" + ("dual code" if back else "not in detente's ontology") + ")"] += 1
        return None

    def add(text_: str, codes: tuple[str, str | None], entry: dict, where: int) -> None:
        code, back = codes
        p = parse_pattern(text_, "VERB", code, entry, f"{tag}#{where}:{code}:v:{text_}")
        patterns.append(dataclasses.replace(p, reverse=back) if back and code != BLOCK else p)

    for block in blocks:
        heads.update(v.head for v in block.verbs)
        for v in block.verbs:
            if v.code != NULL_CODE and (codes := known(v.code)) is not None and codes[0] != NULL_CODE:
                add(" ".join((v.head, *v.particles)), codes, {}, v.line)
        for n, body, code in block.patterns:
            if not block.verbs:
                skipped["pattern in a block with no usable verb"] += 1
                continue
            if (codes := known(code)) is None:
                continue
            try:
                shapes = _shapes(_expand(body, synsets))
            except _Skip as why:
                skipped[str(why)] += 1
                continue
            merged: dict[tuple, set[str]] = {}
            for before, objects, after, target in shapes:
                merged.setdefault((before, bool(objects), after, target), set()).update(objects)
            codes = (BLOCK if codes[0] == NULL_CODE else codes[0], codes[1])
            for v in block.verbs:
                for (before, _, after, target), objects in merged.items():
                    entry = {"target_preps": list(target)} if target else {}
                    try:
                        add(_pattern_text(v, before, frozenset(objects), after), codes, entry, n)
                    except LexiconError:
                        skipped["word outside detente's pattern grammar"] += 1
    return VerbDictionary(str(path), frozenset(heads), tuple(dict.fromkeys(patterns)), dict(skipped))


@lru_cache(maxsize=4)
def load_verb_dictionaries(paths: tuple[str, ...]) -> tuple[VerbDictionary, ...]:
    """The dictionaries of ``paths``, read once per process."""
    return tuple(read_verb_dictionary(p) for p in paths)


def with_verb_dictionaries(lexicon: Lexicon, dictionaries: Iterable[VerbDictionary], only: bool = False) -> Lexicon:
    """A new lexicon: ``lexicon`` with the verb patterns of every head the dictionaries define
    replaced by theirs (a later dictionary's heads replace an earlier one's too); other
    verbs and all nouns unchanged. With ``only``, the dictionaries' patterns alone (PETRARCH
    codes verbs only: no other verb, no event noun). ``lexicon`` itself is left as it was."""
    dictionaries = list(dictionaries)
    replaced: set[str] = set()
    for d in dictionaries:
        replaced |= d.heads
    out = Lexicon()
    for head, pats in ({} if only else lexicon.verbs).items():
        if head not in replaced:
            out.verbs[head].extend(pats)
    for head, pats in ({} if only else lexicon.nouns).items():
        out.nouns[head].extend(pats)
    owner: dict[str, int] = {h: i for i, d in enumerate(dictionaries) for h in d.heads}
    for i, d in enumerate(dictionaries):
        for p in d.patterns:
            if owner.get(p.head) == i:
                out.add(p)
    return out.finish()
