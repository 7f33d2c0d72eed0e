"""A small regular English inflector for the lemma tests, with its exception lists.

It only has to produce the forms a news text uses for the verbs and nouns of detente's
own data files: regular rules plus the irregular verbs, stressed-final doublings and
irregular plurals of those lists. It is no general morphology."""
from __future__ import annotations

import re

# irregular verbs of the lexicon and the word lists: base -> (past, past participle)
IRREGULAR = {
    "be": ("was", "been"), "bear": ("bore", "borne"), "beat": ("beat", "beaten"),
    "begin": ("began", "begun"), "blow": ("blew", "blown"), "break": ("broke", "broken"),
    "bring": ("brought", "brought"), "build": ("built", "built"), "buy": ("bought", "bought"),
    "cast": ("cast", "cast"), "choose": ("chose", "chosen"), "cling": ("clung", "clung"),
    "come": ("came", "come"), "cut": ("cut", "cut"), "dig": ("dug", "dug"), "do": ("did", "done"),
    "draw": ("drew", "drawn"), "drive": ("drove", "driven"), "fall": ("fell", "fallen"),
    "feed": ("fed", "fed"), "fight": ("fought", "fought"), "find": ("found", "found"),
    "fly": ("flew", "flown"), "forbid": ("forbade", "forbidden"), "forecast": ("forecast", "forecast"),
    "forgive": ("forgave", "forgiven"), "freeze": ("froze", "frozen"), "get": ("got", "gotten"),
    "give": ("gave", "given"), "go": ("went", "gone"), "hang": ("hung", "hung"), "have": ("had", "had"),
    "hit": ("hit", "hit"), "hold": ("held", "held"), "keep": ("kept", "kept"), "know": ("knew", "known"),
    "lay": ("laid", "laid"), "lead": ("led", "led"), "leave": ("left", "left"), "lend": ("lent", "lent"),
    "let": ("let", "let"), "light": ("lit", "lit"), "lose": ("lost", "lost"), "make": ("made", "made"),
    "meet": ("met", "met"), "overfly": ("overflew", "overflown"),
    "override": ("overrode", "overridden"), "overrun": ("overran", "overrun"),
    "oversee": ("oversaw", "overseen"), "pay": ("paid", "paid"), "put": ("put", "put"),
    "quit": ("quit", "quit"), "rethink": ("rethought", "rethought"), "retake": ("retook", "retaken"),
    "rise": ("rose", "risen"), "say": ("said", "said"), "see": ("saw", "seen"),
    "seek": ("sought", "sought"), "sell": ("sold", "sold"), "send": ("sent", "sent"),
    "set": ("set", "set"), "shoot": ("shot", "shot"), "show": ("showed", "shown"),
    "shut": ("shut", "shut"), "sit": ("sat", "sat"), "slay": ("slew", "slain"),
    "speak": ("spoke", "spoken"), "stand": ("stood", "stood"), "steal": ("stole", "stolen"),
    "stick": ("stuck", "stuck"), "strike": ("struck", "struck"), "strive": ("strove", "striven"),
    "swear": ("swore", "sworn"), "sweep": ("swept", "swept"), "take": ("took", "taken"),
    "tear": ("tore", "torn"), "tell": ("told", "told"), "think": ("thought", "thought"),
    "throw": ("threw", "thrown"), "undertake": ("undertook", "undertaken"),
    "unfreeze": ("unfroze", "unfrozen"), "uphold": ("upheld", "upheld"), "win": ("won", "won"),
    "wind": ("wound", "wound"), "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld", "withheld"), "write": ("wrote", "written"),
}
# stressed final syllable (or a final -l): the consonant doubles, commit -> committed
DOUBLING = frozenset({
    "acquit", "admit", "airdrop", "annul", "commit", "compel", "concur", "confer", "control",
    "equip", "expel", "fulfil", "incur", "kidnap", "occur", "omit", "patrol", "permit", "rebel",
    "rebut", "refer", "regret", "repel", "submit", "transfer", "unban",
})
# an unstressed final -l doubles in British spelling only: both spellings are tested
BRITISH_L = frozenset({"cancel", "channel", "counsel", "initial", "level", "pummel", "signal", "travel"})
THIRD_PERSON = {"be": "is", "have": "has", "do": "does", "go": "goes", "veto": "vetoes",
                "echo": "echoes", "torpedo": "torpedoes", "embargo": "embargoes"}
GERUND = {"be": "being"}
PLURAL = {"man": "men", "woman": "women", "child": "children", "shelf": "shelves", "knife": "knives",
          "life": "lives", "thief": "thieves", "wife": "wives", "half": "halves",
          "crisis": "crises", "analysis": "analyses", "criterion": "criteria"}


def _one_syllable_cvc(v: str) -> bool:
    return len(re.findall(r"[aeiouy]+", v)) == 1 and bool(re.search(r"(^|[^aeiou])[aeiou][b-df-hj-np-tvz]$", v))


def _doubles(v: str) -> bool:
    return v in DOUBLING or _one_syllable_cvc(v)


def third_person(v: str) -> str:
    if v in THIRD_PERSON:
        return THIRD_PERSON[v]
    if re.search(r"(s|x|z|ch|sh)$", v):
        return v + "es"
    if re.search(r"[^aeiou]y$", v):
        return v[:-1] + "ies"
    return v + "s"


def past_forms(v: str) -> tuple[str, ...]:
    """Past tense and past participle (one form when they are the same), both spellings
    for BRITISH_L verbs."""
    if v in IRREGULAR:
        return tuple(dict.fromkeys(IRREGULAR[v]))
    if v.endswith("e"):
        return (v + "d",)
    if re.search(r"[^aeiou]y$", v):
        return (v[:-1] + "ied",)
    if _doubles(v):
        return (v + v[-1] + "ed",)
    if v in BRITISH_L:
        return (v + "ed", v + "led")
    return (v + "ed",)


def gerunds(v: str) -> tuple[str, ...]:
    if v in GERUND:
        return (GERUND[v],)
    if v.endswith("ie"):
        return (v[:-2] + "ying",)
    if v.endswith("e") and not re.search(r"(ee|ye|oe)$", v):
        return (v[:-1] + "ing",)
    if _doubles(v):
        return (v + v[-1] + "ing",)
    if v in BRITISH_L:
        return (v + "ing", v + "ling")
    return (v + "ing",)


def plural(n: str) -> str:
    if n in PLURAL:
        return PLURAL[n]
    if re.search(r"(s|x|z|ch|sh)$", n):
        return n + "es"
    if re.search(r"[^aeiou]y$", n):
        return n[:-1] + "ies"
    return n + "s"


def verb_sentences(v: str) -> list[tuple[str, str, int]]:
    """(form, plain sentence, index of the form's token) for every inflection of v."""
    out = [(third_person(v), f"He {third_person(v)} it.", 1)]
    past = past_forms(v)
    if v in IRREGULAR and len(past) == 2:  # "They forgave it." / "They have forgiven it."
        out += [(past[0], f"They {past[0]} it.", 1), (past[1], f"They have {past[1]} it.", 2)]
    else:
        out += [(f, f"They {f} it.", 1) for f in past]
    out += [(g, f"They were {g} it.", 2) for g in gerunds(v)]
    return out
