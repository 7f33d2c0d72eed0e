"""The named word lists of the coder (data/frames/wordlists.yaml), loaded once.

Every module that needs a list reads it from here by name, so each list has one
definition: `WORDS.light_verbs` in triggers, arguments and factuality alike.
The lists are frozensets (immutable); nothing mutates them after loading.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


class WordListError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class WordLists:
    light_verbs: frozenset[str]
    agreement_verbs: frozenset[str]
    modality_carriers: frozenset[str]
    object_control: frozenset[str]
    prevention_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    allegation_verbs: frozenset[str]
    credit_verbs: frozenset[str]
    object_factives: frozenset[str]
    denial_verbs: frozenset[str]
    rejection_verbs: frozenset[str]
    hedges: frozenset[str]
    allegation_adverbs: frozenset[str]
    first_person: frozenset[str]
    enactment_verbs: frozenset[str]
    grievance_roots: tuple[str, ...]
    grievance_preps: frozenset[str]
    facility_nouns: frozenset[str]
    responsibility_nouns: frozenset[str]
    casualty_verbs: frozenset[str]
    representation_nouns: frozenset[str]
    allegation_nouns: frozenset[str]
    claim_nouns: frozenset[str]
    doubt_modifiers: frozenset[str]
    negators: frozenset[str]
    subject_negators: frozenset[str]
    presupposing_wh: frozenset[str]
    hypothetical_modals: frozenset[str]
    normative_modals: frozenset[str]
    future_modals: frozenset[str]
    conditional_marks: frozenset[str]
    factive_marks: frozenset[str]
    past_factive_marks: frozenset[str]
    until_marks: frozenset[str]
    governor_classes: dict[str, str]  # lemma -> factuality value (read-only by convention)
    proposal_nouns: frozenset[str]
    authored_nouns: frozenset[str]
    future_nouns: frozenset[str]
    absence_nouns: frozenset[str]
    preparation_heads: frozenset[str]
    scheduled_nouns: frozenset[str]
    scheduled_predicates: frozenset[str]
    crowd_roots: frozenset[str]
    onset_verbs: frozenset[str]
    patient_nouns: frozenset[str]
    state_custodian_sectors: frozenset[str]
    arranged_copulas: frozenset[str]
    foreign_modifiers: frozenset[str]
    local_role_sectors: frozenset[str]
    commentator_sectors: frozenset[str]
    attempt_verbs: frozenset[str]
    document_nouns: frozenset[str]
    persuasion_verbs: frozenset[str]
    carrying_out_verbs: frozenset[str]
    talk_words: frozenset[str]
    talk_topic_preps: frozenset[str]
    protest_aim_roots: frozenset[str]
    committed_accord: dict[str, str]  # accord code -> intent code when its noun governs a to-clause
    arrival_verbs: frozenset[str]
    noun_modality: dict[str, str]  # modifier -> factuality value
    subject_predicates: dict[str, str]  # copular predicate -> factuality value of its subject
    copulas: frozenset[str]
    refusal_frames: frozenset[str]
    implicatives: frozenset[str]
    stative_verbs: frozenset[str]
    noun_target_preps: tuple[str, ...]
    relative_pronouns: frozenset[str]
    relation_nouns: frozenset[str]
    restriction_nouns: frozenset[str]
    holder_nouns: frozenset[str]
    people_nouns: frozenset[str]
    private_relations: frozenset[str]
    private_tie_modifiers: frozenset[str]
    ordinary_offences: frozenset[str]
    justice_codes: tuple[str, ...]
    sourcing_roles: frozenset[str]
    furniture_starts: tuple[str, ...]
    title_function_words: frozenset[str]
    theatre_target_roots: frozenset[str]
    visit_codes: frozenset[str]
    domestic_theatre_roots: frozenset[str]
    victim_roots: frozenset[str]
    retreat_codes: tuple[str, ...]
    armed_force_nouns: frozenset[str]
    agentless_roots: frozenset[str]
    state_coercion_codes: frozenset[str]
    custodian_sectors: frozenset[str]
    death_verbs: frozenset[str]
    harm_verbs: frozenset[str]
    detonation_verbs: frozenset[str]
    host_nouns: frozenset[str]
    purpose_roots: frozenset[str]
    local_source_roots: frozenset[str]
    interception_verbs: frozenset[str]
    projectile_nouns: frozenset[str]
    reciprocal_codes: tuple[str, ...]
    reciprocal_lemmas: frozenset[str]
    anaphoric_determiners: frozenset[str]
    quantity_nouns: frozenset[str]
    violence_recode: dict[str, str]  # 19x code -> its unconventional 18x counterpart
    conventional_recode: dict[str, str]  # 18x code -> its conventional 19x counterpart, for states
    state_protest_recode: dict[str, str]  # 14x code -> 114 when a state protests
    state_protest_lemmas: frozenset[str]
    armed_support_recode: dict[str, str]  # 051 -> 072 when an armed force is backed
    armed_support_lemmas: frozenset[str]
    alongside_recode: dict[str, str]  # 190 -> 062 when one person fights with an armed group
    alongside_lemmas: frozenset[str]
    verbal_clash_recode: dict[str, str]  # 190 -> 111 when politicians clash
    verbal_clash_lemmas: frozenset[str]
    political_sectors: frozenset[str]
    individual_nouns: frozenset[str]
    armed_sectors: frozenset[str]
    unconventional_cues: frozenset[str]
    unconventional_noun_cues: frozenset[str]
    people_object_recode: dict[str, str]
    conventional_cues: frozenset[str]
    conventional_sectors: frozenset[str]
    complement_roles: dict[str, str]  # governing root -> "source" | "target" of its complement
    residual_intents: frozenset[str]
    intent_codes: dict[str, str]  # content code prefix -> 03x intent code
    threat_codes: dict[str, str]  # content code prefix -> 13x threat code
    demand_codes: dict[str, str]  # content code prefix -> 10x demand code
    appeal_codes: dict[str, str]  # content code prefix -> 02x appeal code
    refusal_codes: dict[str, str]  # content code prefix -> 12x refusal code
    refusal_modals: frozenset[str]
    intent_cues: frozenset[str]
    failure_verbs: frozenset[str]
    agreement_words: frozenset[str]
    failed_agreement_codes: dict[str, str]  # content code prefix -> failed-negotiation code
    normative_demand_code: str
    claim_verbs: frozenset[str]
    accusation_code: str
    disapproval_predicates: frozenset[str]
    approval_predicates: frozenset[str]
    weak_judgements: frozenset[str]
    blame_predicates: frozenset[str]
    harm_nouns: frozenset[str]
    partitive_nouns: frozenset[str]
    disapproval_code: str
    approval_code: str
    verb_particles: frozenset[str]
    articles: frozenset[str]
    indefinite_articles: frozenset[str]

    @property
    def object_verbs(self) -> frozenset[str]:
        """Verbs through which an event-noun object inherits modality (light, agreement and carriers)."""
        return self.light_verbs | self.agreement_verbs | self.modality_carriers


def word(value: object, where: str) -> str:
    """One word of a data file's list, as text. YAML reads an unquoted on/off/yes/no as a
    boolean, which would silently drop the word ("on" became "true"): that is an error."""
    if isinstance(value, bool) or value is None:
        raise WordListError(f"{where}: {value!r} is not a word (YAML reads unquoted on/off/yes/no/null "
                            f"as booleans or null: quote it)")
    return str(value)


def _invert(groups: dict, name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for value, words in groups.items():
        for w in words:
            if w in out:
                raise WordListError(f"wordlists.yaml: {name}: {w!r} is listed under both {out[w]!r} and {value!r}")
            out[word(w, f"wordlists.yaml: {name}")] = str(value)
    return out


def parse_wordlists(data: dict) -> WordLists:
    fields = WordLists.__dataclass_fields__
    missing = [f for f in fields if f not in data]
    if missing:
        raise WordListError(f"wordlists.yaml: missing lists {missing}")
    kw = {}
    for name in fields:
        value, where = data[name], f"wordlists.yaml: {name}"
        if name in ("governor_classes", "noun_modality", "subject_predicates"):
            kw[name] = _invert(value, name)
        elif name in ("violence_recode", "conventional_recode", "state_protest_recode", "armed_support_recode",
                      "alongside_recode", "verbal_clash_recode", "people_object_recode", "complement_roles", "intent_codes", "threat_codes", "demand_codes", "appeal_codes", "refusal_codes", "committed_accord",
                      "failed_agreement_codes"):
            kw[name] = {word(k, where): word(v, where) for k, v in value.items()}
        elif name in ("normative_demand_code", "accusation_code", "disapproval_code", "approval_code"):
            kw[name] = word(value, where)
        elif name in ("noun_target_preps", "furniture_starts", "reciprocal_codes", "retreat_codes", "justice_codes",
                      "grievance_roots"):
            kw[name] = tuple(word(v, where).lower() for v in value)
        else:
            kw[name] = frozenset(word(v, where) if name.endswith("_sectors") else word(v, where).lower() for v in value)
    return WordLists(**kw)


@lru_cache(maxsize=1)
def load_wordlists() -> WordLists:
    path = resources.files("detente.data").joinpath("frames/wordlists.yaml")
    return parse_wordlists(yaml.safe_load(path.read_text(encoding="utf-8")))


WORDS = load_wordlists()
