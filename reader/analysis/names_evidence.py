"""Declared context cues that tell whether a capitalised name no actor link explains is a person
of the story. Each cue is a named feature; ``names_model`` weighs them with weights fitted on
labelled articles (``names_train``), so no weight is set by hand here.

Person cues are grammatical: a title in front ("Inspector X"), a nickname, a verb people do
("X admits", "X finally cuffing Y"), an object of such a verb ("doesn't call X"), a possessive
with a person noun ("X's sister"), an apposition ("X, the broker who ..."), a pronoun after it.
Thing cues: a determiner ("the X"), a place preposition ("in X", "aboard X"), a show or company
noun after it ("X's new series", "the X office"), "its" just after it ("X needs for its tower").
A year or quotes (a title of a work) rule a name out. No name is memorised.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from reader.analysis.names import HONORIFIC_SUFFIX, NameSpan, korean_given, word_before, words_after
from reader.analysis.names_lexicon import (
    ACTING_PHRASES,
    ACTING_QUALITIES,
    ACTING_WORDS,
    GAZE_VERBS,
    ING_NOUNS,
    KINSHIP_NAMES,
    OBJECT_VERBS,
    ORG_NOUNS,
    PERSON_OBJECT_VERBS,
    PERSON_POSSESSIONS,
    PERSON_ROLES,
    PERSON_VERBS,
    LOOSE_PREPOSITIONS,
    PLACE_PREPOSITIONS,
    SHOW_NOUNS,
    SPEECH_VERBS,
    WEAK_VERBS,
)

_ADVERBS = frozenset("""finally actually just still never always also even then only already again now
    really quickly quietly slowly suddenly immediately eventually secretly openly barely""".split())
_PHRASAL = frozenset(("shows up", "turns up", "shows off", "walks in", "walks out", "storms off",
                      "breaks down", "gives up", "finds out", "figures out", "wakes up", "sits down",
                      "shows back", "comes back", "goes missing", "breaks up", "makes up", "hangs up",
                      "shuts down", "backs down", "steps in", "steps down", "moves in", "moves out"))
_ROLE_BEFORE = re.compile(
    r"(?:\b(?:his|her|their|the|a|an|our|my|your)|[’']s)[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,2}?"
    r"(?P<role>[\w-]+)[ \u00a0]*,?[ \u00a0]*$"
)
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'-]*"
_NAME_AT_START = re.compile(rf"{_CAP}(?:[ \u00a0]{_CAP}){{0,3}}")
_NAME_AT_END = re.compile(rf"{_CAP}(?:[ \u00a0]{_CAP}){{0,3}}$")
_PLACE_LIST = re.compile(
    r"\b(in|at|on|between|from|near|across|aboard|via|through)[ \u00a0]+(?:[A-ZÀ-Þ][\w’'-]*[ \u00a0,]*){1,3}"
    r"[ \u00a0]*and[ \u00a0]+$"
)
_KOREAN_PLACE = re.compile(r"-(?:do|gu|si|dong|ri|myeon|eup|gun|ro|gil)$")
_PERSON_ADJECTIVES = frozenset(("old", "young", "poor", "little", "late", "dear", "sweet", "brave", "lovely"))
_GIVING = frozenset(("gives", "brings", "lends", "gave", "brought", "lent"))
_OWNED = re.compile(r"[A-ZÀ-ÖØ-Þ][\w-]*['’]s[ \u00a0]+$")
_NAMED_BEFORE = re.compile(r"\bnamed[ \u00a0]+$")
_YEAR_AFTER = re.compile(r"[ \u00a0]*\([ \u00a0]*(?:\d{4}|[^()]{0,40}\b\d{4})[ \u00a0]*\)")
_SENTENCE_STOP = re.compile(r"[.!?;]")
_WORDS = re.compile(r"[^\W\d_][\w’'-]*")
_PRONOUNS = frozenset("she he her him his hers herself himself".split())
_IN_YEAR_PARENS = re.compile(r",[ \u00a0]*(?:\d{4}|[^()]{0,30}\b\d{4})[ \u00a0]*\)")
_ANY_PREPOSITION = PLACE_PREPOSITIONS | LOOSE_PREPOSITIONS
_OPEN_QUOTES = "“\"‘'«"
_CLOSE_QUOTES = "”\"’'»"


# Cues that speak against a person: dropped for a name's shorter forms ("the Ruiz farm" says
# nothing against Ana Ruiz).
THING_CUES = frozenset(("after_determiner", "owned_by_name", "after_place_preposition",
                        "after_loose_preposition", "owns_show_thing", "owns_capitalised_thing",
                        "owns_org_thing", "show_noun_after", "its_after"))
# Cues of a name's shape or place alone (any proper name has them), not of what it does.
SHAPE_CUES = frozenset(("mid_sentence", "given_name_shape"))
# Cues no place, company or actor has: a title, a nickname, a kinship or role word, speech.
STRONG_CUES = frozenset(("title", "nickname", "named", "role_noun_before", "role_apposition",
                         "speech_verb_after", "owns_person_thing", "kinship_word"))


@dataclass(slots=True)
class Evidence:
    """The cues seen around a name's occurrences, counted by name; ``work`` marks the title of a
    work (a hard exclusion, not a cue); ``outside_acting`` that some occurrence is outside a
    paragraph about the cast."""

    cues: Counter[str] = field(default_factory=Counter)
    work: bool = False
    outside_acting: bool = False

    def cue(self, name: str, count: int = 1) -> None:
        self.cues[name] += count

    def grammatical_person(self) -> bool:
        """The context treats the name as someone (a person cue beyond its mere shape) and
        nothing as a thing: enough to take it as the antecedent of "Actor plays her"."""
        cues = set(self.cues) - SHAPE_CUES
        return bool(cues) and not cues & THING_CUES

    def add(self, other: Evidence, things: bool = True) -> None:
        for name, count in other.cues.items():
            if things or name not in THING_CUES:
                self.cues[name] += count
        self.work = self.work or other.work
        self.outside_acting = self.outside_acting or other.outside_acting


def weigh(text: str, span: NameSpan, people_keys: frozenset[str]) -> Evidence:
    """The cues around one occurrence of a name. ``people_keys`` are names already known to be
    characters (for "X and <character>")."""
    ev = Evidence()
    _weigh_form(text, span, ev)
    prev = _word_governing(text, span)
    _weigh_before(text, span, prev, ev)
    after = words_after(text, span.end + _possessive_length(text, span), 8)  # 8: a whole apposition
    if span.possessive:
        _weigh_possessive(after, ev)
    else:
        _weigh_following(after, ev)
        if prev not in _ANY_PREPOSITION and _pronoun_follows(text, span.end):
            ev.cue("pronoun_after")  # "X buys the mill with money nobody knew she had"
        if "its" in after[:3]:
            ev.cue("its_after")  # "X needs the lot for its tower", "X and its lawyers": a thing
    if prev == "and" or after[:1] == ["and"]:
        _weigh_coordination(text, span, prev, after, people_keys, ev)
    ev.outside_acting = not _block_about_acting(text)
    return ev


def _weigh_form(text: str, span: NameSpan, ev: Evidence) -> None:
    """What the name itself says: a title, a nickname or honorific, a kinship word used as a
    name, a given-name shape; or a determiner, an owner or quotes that make it a thing."""
    if span.titles or span.post_title:
        ev.cue("title")
    if span.nickname or HONORIFIC_SUFFIX.search(span.words[-1]):
        ev.cue("nickname")  # a nickname, or "-san", "-sensei", "-ssi" after the name
    if len(span.words) == 1 and span.words[0] in KINSHIP_NAMES:
        ev.cue("kinship_word")
    if len(span.words) == 1 and korean_given(span.words[0]) and not _KOREAN_PLACE.search(span.words[0]):
        ev.cue("given_name_shape")  # "Joon-ho"
    if span.after_determiner:
        ev.cue("after_determiner")
    elif _OWNED.search(text, max(0, span.start - 40), span.start):
        ev.cue("owned_by_name")  # "Port Harlow's Harbour Festival": a thing someone or somewhere owns
    if _is_work_title(text, span):
        ev.work = True


def _word_governing(text: str, span: NameSpan) -> str:
    """The word before the name; after "and" in "between X and Y", the preposition of the list."""
    prev = word_before(text, span.start)
    if prev == "and":
        listed = _PLACE_LIST.search(text, max(0, span.start - 60), span.start)
        if listed:
            return listed.group(1).lower()
    return prev


def _weigh_before(text: str, span: NameSpan, prev: str, ev: Evidence) -> None:
    """What comes before: a place preposition, a verb whose object is a person, "named", a role
    noun ("her brother X"), or simply being inside a sentence."""
    at = span.end + _possessive_length(text, span)
    owned_noun = span.possessive and text[at:at + 3].strip()[:1].islower()
    if prev in _ANY_PREPOSITION and not owned_noun:  # "in X's handwriting" is about X's hand
        if word_before(text, span.start - len(prev) - 1) not in GAZE_VERBS:
            ev.cue("after_place_preposition" if prev in PLACE_PREPOSITIONS else "after_loose_preposition")
    if prev == "to":
        ev.cue("after_to")  # "a transfer to X", "come to X" (a place) or "says to X" (a person)
    if prev in PERSON_OBJECT_VERBS:
        ev.cue("object_of_person_verb")
    elif prev in OBJECT_VERBS or prev in _PERSON_ADJECTIVES and not span.after_determiner:
        ev.cue("object_of_verb")
    if not span.sentence_start and not span.after_determiner and prev not in _ANY_PREPOSITION:
        ev.cue("mid_sentence")  # a capitalised word inside a sentence is a proper name of some kind
    if _NAMED_BEFORE.search(text[max(0, span.start - 8):span.start]):
        ev.cue("named")
    role = _ROLE_BEFORE.search(text[max(0, span.start - 60):span.start])
    if role and role.group("role").lower() in PERSON_ROLES and not span.after_determiner:
        ev.cue("role_noun_before")  # "her brother X"


def _possessive_length(text: str, span: NameSpan) -> int:
    """Characters of the possessive after the name: 2 for "’s", 1 for a plural "s’", else 0."""
    if not span.possessive:
        return 0
    return 2 if text[span.end + 1:span.end + 2] == "s" else 1


def _weigh_possessive(after: list[str], ev: Evidence) -> None:
    for word in after[:3]:
        if word in PERSON_POSSESSIONS:
            ev.cue("owns_person_thing")  # "X's sister", "X's phone"
            return
        if word in SHOW_NOUNS:
            ev.cue("owns_show_thing")  # "X's new series"
            return
        if word[:1].isupper():
            ev.cue("owns_org_thing" if word in ORG_NOUNS else "owns_capitalised_thing")  # "X's Garden"
            return
        if not word[:1].isalpha():
            return


def _weigh_following(after: list[str], ev: Evidence) -> None:
    words = list(after)
    while len(words) > 1 and (words[0] in _ADVERBS or words[0].endswith("ly") and words[0].islower()):
        words.pop(0)
    if not words:
        return
    verb = words[0]
    if len(words) > 1 and f"{verb} {words[1]}" in _PHRASAL:
        ev.cue("phrasal_verb_after")
    elif verb in SPEECH_VERBS:
        ev.cue("speech_verb_after")
    elif verb in PERSON_VERBS:
        ev.cue("person_verb_after")
    elif verb.endswith("ing") and verb.islower() and len(verb) > 4 and verb not in ING_NOUNS:
        ev.cue("ing_verb_after")
        if len(words) > 1 and (words[1] in ("the", "a", "her", "him", "his", "their", "it") or words[1][:1].isupper()):
            ev.cue("ing_verb_with_object")
    elif verb in WEAK_VERBS:
        ev.cue("weak_verb_after")
    elif len(verb) > 3 and verb.endswith("s") and verb.islower() and not verb.endswith("ss"):
        ev.cue("present_verb_after")  # most likely a verb in the present ("X shows up")
    elif len(verb) > 4 and verb.endswith("ed") and verb.islower() and not verb.endswith("eed"):
        ev.cue("past_verb_after")  # most likely a verb in the past ("X delivered the news")
    elif verb in SHOW_NOUNS:
        ev.cue("show_noun_after")
    elif verb in (",", ":", "—", "–") and len(words) > 1:
        _weigh_apposition(words[1:], ev)
    elif verb == "who":
        ev.cue("who_after")


def _weigh_apposition(words: list[str], ev: Evidence) -> None:
    """"X, who ...", "X, the broker who ...", "X: her own father", "X, a seaside developer who
    ...": a role noun we know, or any noun phrase that "who" goes on to describe."""
    if words[0] in ("who", "whose"):
        ev.cue("who_after")  # a person, but an actor too
        return
    if words[0] not in ("the", "a", "an", "his", "her", "their", "our", "my"):
        return
    for i, word in enumerate(words[1:4], 1):
        if word in PERSON_ROLES:
            if words[i + 1:i + 2] in (["named"], ["called"]):
                return  # "Halden, Vermont, a ferry mechanic named X": the role is X's
            ev.cue("role_apposition")
            return
    if any(w in ("who", "whose") for w in words[2:6]):
        ev.cue("who_apposition")  # "who" is said of people, but of actors too


def _weigh_coordination(text: str, span: NameSpan, prev: str, after: list[str],
                        people_keys: frozenset[str], ev: Evidence) -> None:
    """"X and <character>" or "<character> and X": people are listed with people."""
    if prev == "and":
        tail = text[max(0, span.start - 50):span.start].rstrip()[:-3].rstrip()
        if tail.endswith(("’s", "'s")):
            tail = tail[:-2]
        found = _NAME_AT_END.search(tail)
        if found and _known_run(found.group(0).split(), people_keys, from_end=True):
            ev.cue("listed_with_character")
    elif len(after) > 1 and after[0] == "and":
        rest = text[span.end:span.end + 80].split("and", 1)[-1].lstrip()
        found = _NAME_AT_START.match(rest)
        key = _known_run(found.group(0).split(), people_keys, from_end=False) if found else None
        if key is not None:
            ev.cue("listed_with_character")
            verb = Evidence()  # "X and <character> finally kiss": the verb is X's too
            _weigh_following(words_after(rest, len(key), 4), verb)
            if any(not name.startswith(("show_", "owns_")) for name in verb.cues):
                ev.cue("acts_with_character")


def _known_run(words: list[str], people_keys: frozenset[str], from_end: bool) -> str | None:
    """The longest run of ``words`` from its start (or end) that is a known character's name."""
    for size in range(len(words), 0, -1):
        key = " ".join(words[-size:] if from_end else words[:size])
        if key in people_keys:
            return key
    return None


def _pronoun_follows(text: str, pos: int) -> bool:
    """A personal pronoun later in the same sentence, before any other capitalised word:
    "X buys the mill with money nobody knew she had"."""
    rest = text[pos:pos + 160]
    stop = _SENTENCE_STOP.search(rest)
    rest = rest[:stop.start()] if stop else rest
    for word in _WORDS.findall(rest):
        if word in _PRONOUNS:
            return True
        if word[0].isupper():
            return False
    return False


def _is_work_title(text: str, span: NameSpan) -> bool:
    """"Some Show (2019)", “Quoted Title”: a book, film or episode, not a person."""
    if _YEAR_AFTER.match(text, span.end) or _IN_YEAR_PARENS.match(text, span.end) and text[
            max(0, span.start - 1):span.start] == "(":
        return True  # "Some Show (2019)", "(Some Show, 2019)"
    before = text[span.start - 1:span.start] if span.start else ""
    after = text[span.end:span.end + 2].lstrip(".,!?")[:1]
    return bool(before) and before in _OPEN_QUOTES and bool(after) and after in _CLOSE_QUOTES


@lru_cache(maxsize=512)
def _block_about_acting(text: str) -> bool:
    """A paragraph about the cast ("First, the performances. ..."): a name it alone mentions,
    with nothing that makes it a character, is an actor's."""
    lower = text.lower()
    words = set(re.findall(r"[\w-]+", lower))
    if words & ACTING_WORDS or any(p in lower for p in ACTING_PHRASES):
        return True
    return bool(words & _GIVING and words & ACTING_QUALITIES)  # "brings a wounded charm to"
