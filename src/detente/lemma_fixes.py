"""Lemma corrections for spaCy's rule lemmatizer (data/nlp/lemma_fixes.yaml).

The small English model lemmatises some inflections wrongly: its rules try "waged" ->
"wage" and "waged" -> "wag", and when both are known verbs the shorter one wins; a verb it
does not know ("cordoned") gets an "e" added ("cordone"); an irregular past that the
tagger takes for a present ("forgave", tagged VBP) is left as it is. The corrections are
data: each listed form, tagged with the listed part of speech, gets the listed lemma. A
pipeline component placed right after the lemmatizer applies them, so every later stage
reads the corrected ``token.lemma_``.

Why not spaCy's ``attribute_ruler``: it does the same job, but its Matcher tries every
pattern at every token, so its cost grows with the table (about 0.16 us per form per
token; 7-12 us per token for the 43 forms of the first table, 2% of the small model's own
time). This component looks each token up in a set (0.2 us per token, whatever the size
of the table) and touches only the tokens that are listed forms.
"""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import yaml
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

PIPE_NAME = "lemma_fixes"
FACTORY = "detente_lemma_fixes"
SECTIONS = {"verb": "VERB", "noun": "NOUN"}  # file section -> spaCy coarse POS it applies to
_WORD = re.compile(r"^[a-z][a-z'\-]*$")


class LemmaFixError(ValueError):
    """A malformed corrections file; the message is one line naming file and line."""


def default_path() -> Path:
    return Path(str(resources.files("detente.data").joinpath("nlp", "lemma_fixes.yaml")))


def load_lemma_fixes(path: Path | None = None) -> dict[str, dict[str, str]]:
    """Read the corrections file: {POS: {form: lemma}}, e.g. {"VERB": {"waged": "wage"}}.

    Raises LemmaFixError (file:line: what is wrong) for a malformed file."""
    path = Path(path) if path is not None else default_path()
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LemmaFixError(f"{path}: cannot read the lemma corrections ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise LemmaFixError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None

    def fail(node: yaml.Node, msg: str) -> LemmaFixError:
        return LemmaFixError(f"{path}:{node.start_mark.line + 1}: {msg}")

    fixes: dict[str, dict[str, str]] = {pos: {} for pos in SECTIONS.values()}
    if root is None:
        return fixes
    if not isinstance(root, yaml.MappingNode):
        raise fail(root, f"expected sections {', '.join(SECTIONS)}")
    for key, body in root.value:
        if key.value not in SECTIONS:
            raise fail(key, f"unknown section {key.value!r} (expected {', '.join(SECTIONS)})")
        if not isinstance(body, yaml.MappingNode):
            raise fail(body, f"section {key.value!r} must map each lemma to a list of forms")
        out = fixes[SECTIONS[key.value]]
        for lemma, forms in body.value:
            if not isinstance(lemma, yaml.ScalarNode) or not _WORD.match(lemma.value):
                raise fail(lemma, f"bad lemma {getattr(lemma, 'value', '')!r} (lower-case word expected)")
            if not isinstance(forms, yaml.SequenceNode) or not forms.value:
                raise fail(forms, f"{lemma.value}: give a list of inflected forms, e.g. [waged, waging]")
            for form in forms.value:
                if not isinstance(form, yaml.ScalarNode) or not _WORD.match(form.value):
                    raise fail(form, f"{lemma.value}: bad form {getattr(form, 'value', '')!r} (lower-case word expected)")
                if form.value == lemma.value and SECTIONS[key.value] != "NOUN":
                    # a noun that is only plural keeps its -s ("outskirts", whose "outskirt" no
                    # word list knows); a verb's own base form is never mis-lemmatised
                    raise fail(form, f"{lemma.value}: a form equal to its lemma needs no correction")
                if form.value in out:
                    raise fail(form, f"{form.value!r} is listed twice in section {key.value!r}")
                out[form.value] = lemma.value
    return fixes


class LemmaFixer:
    """The pipeline component: sets the listed lemma on each listed (form, POS) token."""

    def __init__(self, vocab: Vocab, fixes: dict[str, dict[str, str]]) -> None:
        strings = vocab.strings
        # (lower-case form id, POS id) -> lemma id; POS ids are spaCy's symbols (VERB, NOUN)
        self.table = {(strings.add(form), strings[pos]): strings.add(lemma)
                      for pos, forms in fixes.items() for form, lemma in forms.items()}
        self.forms = frozenset(form for form, _ in self.table)

    def __call__(self, doc: Doc) -> Doc:
        lowers = doc.to_array(LOWER).tolist()
        if self.forms.isdisjoint(lowers):  # nearly every paragraph: one set operation
            return doc
        for i, low in enumerate(lowers):
            if low in self.forms:
                tok = doc[i]
                lemma = self.table.get((low, tok.pos))
                if lemma is not None:
                    tok.lemma = lemma
        return doc


@Language.factory(FACTORY, default_config={"path": None})
def make_lemma_fixer(nlp: Language, name: str, path: str | None) -> LemmaFixer:
    return LemmaFixer(nlp.vocab, load_lemma_fixes(Path(path) if path else None))


def add_lemma_fixes(nlp: Language, path: Path | None = None) -> Language:
    """Add the corrections to a loaded pipeline, right after its lemmatizer."""
    where = {"after": "lemmatizer"} if "lemmatizer" in nlp.pipe_names else {}
    nlp.add_pipe(FACTORY, name=PIPE_NAME, config={"path": str(path) if path else None}, **where)
    return nlp
