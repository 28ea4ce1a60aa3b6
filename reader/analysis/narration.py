"""The content signal: does a block narrate what happens in the episode?

Recaps narrate: a character (or he/she/they) is the subject of a plot verb ("Ines finds the
letter", "She finds it that night", "Bram voting no"), the text points at scenes ("the final
shot", "the episode opens on"), quotes dialogue ("the 'I counted to ten' line"). Reviews and
musings do not: their subjects are actors, the show, "we" and "I". Premise paragraphs ("the
series follows...") and where-to-watch lines are recognised separately, because they may name
characters and still give nothing away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.analysis.spoiler_names import NameHit, NameIndex
from reader.analysis.verbs import EVENT_FORMS, STRONG_FORMS

_PRONOUN = re.compile(r"(?<![\w’'])(?:he|she|they)(?:[’']s|[’']d|[’']ll)?(?![\w’'])", re.I)

# Between a subject and its verb: auxiliaries, negations, adverbs, "tries to", "finally".
_SKIP = frozenset("""
has have had is are was were will would can could may might must shall should did does do
doesn’t don’t didn’t isn’t wasn’t won’t can’t hasn’t hadn’t doesn't don't didn't isn't wasn't
won't can't hasn't hadn't not never then also still just already finally immediately eventually
soon even quietly slowly suddenly actually simply barely nearly almost only promptly ends end
ended up been being gets got tries tried try decides decided wants wanted manages managed starts
started begins began goes went sets set out needs needed agrees agreed chooses chose plans
planned rushes rushed and both who at last later instantly
""".split())
# "to" continues the verb phrase only after these: "tries to find", "has to vent".
_TO_AFTER = frozenset("""
has have had tries tried try decides decided wants wanted manages managed starts started begins
began needs needed agrees agreed chooses chose plans planned rushes rushed going about able
refuses refused out set sets got gets
""".split())
_PHRASAL_HEAD = frozenset("""
show shows showed showing turn turns turned turning hook hooks hooked wake wakes woke break breaks
broke move moves moved moving pull pulls pulled pulling walk walks walked walking come comes came
coming go goes went going pass passes passed passing head heads headed heading run runs ran
running
""".split())
_PARTICLES = frozenset("up in out back away home off".split())
_WORD = re.compile(r"[^\W\d_][\w’'\-]*|[()\[\],;:.!?–—“”\"]")
_STOP = frozenset(".!?;:“”\"")

_CUE = re.compile(
    r"\b(?:the|this) (?:episode|hour|finale|premiere|chapter|season) (?:opens|ends|closes|begins|cuts"
    r"|jumps|culminates|wraps|kicks off)\b|\bopens (?:on|with) (?:a|an|the)\b|\bwe open on\b"
    r"|\b(?:final|last|closing) (?:scene|shot|image|moments|minutes|frame|sequence)\b"
    r"|\bcold open\b|\btag scene\b|\bcliffhanger\b|\b(?:plot )?twist\b|\bturns? out (?:to be|that)\b"
    r"|\bturned out\b|\bis revealed\b|\bwe (?:learn|find out|discover|pick up)\b|\bflashback\b"
    r"|\broll credits\b|\bcuts? to black\b|\bconfession\b|\bconfronts?\b",
    re.I,
)
_SCENE = re.compile(
    r"\b(?:the|this) (?:episode|hour|finale|premiere|chapter|season) (?:opens|ends|closes|begins|cuts"
    r"|jumps|culminates|wraps|kicks off)\b|\bopens (?:on|with) (?:a|an|the)\b|\bwe open on\b"
    r"|\b(?:final|last|closing) (?:scene|shot|image|frame|sequence)\b|\bcold open\b|\btag scene\b"
    r"|\bcliffhanger\b|\bturns? out (?:to be|that)\b|\bturned out\b|\bis revealed\b|\broll credits\b"
    r"|\bcuts? to black\b",
    re.I,
)
_TIMELINE = re.compile(
    r"\b(?:that (?:night|morning|evening|afternoon)|the next (?:day|morning|night|evening)"
    r"|later that|by nightfall|at dawn|at midnight|moments later|afterwards|in the present"
    r"|back in the present|years ago|the night before|until dawn|all night|before dawn|meanwhile"
    r"|in the morning|by morning|overnight)\b"
    r"|^\s*(?:and )?(?:then|next|later|finally|after that)\b",
    re.I,
)
_THIRD_PERSON = re.compile(r"\b(?:he|she|they|him|her|them|his|their)\b", re.I)
# "-ing" words that do not narrate when they follow a name ("Lucy being Lucy").
_NOT_GERUNDS = frozenset("being having getting doing going making something nothing anything everything thing king".split())
_PREMISE = re.compile(
    r"\b(?:premise|synopsis|logline|setup|set-up|for (?:the )?(?:newcomers|uninitiated)"
    r"|for anyone (?:just )?joining|official (?:description|blurb)|(?:the|this) (?:show|series|drama)"
    r" (?:follows|centers on|centres on|is about|tells the story))\b",
    re.I,
)
_AVAILABILITY = re.compile(
    r"\b(?:airs|aired|streams|streaming|is available|are available|available (?:on|to stream)"
    r"|premieres|new episodes|episodes? (?:\d+|[a-z]+) (?:arrives|airs|drops|is out|comes out|lands)"
    r"|is out|where to watch|subtitles|catch up on|on demand)\b",
    re.I,
)
_QUOTE = re.compile(r"[“\"]([^”\"]{3,300})[”\"]")
_SPEECH = re.compile(
    r"\b(?:says?|said|tells?|told|asks?|asked|whispers?|whispered|repl(?:y|ies|ied)|shouts?|shouted"
    r"|screams?|screamed|sighs?|sighed|line|lines|adds?|added|mutters?|muttered|calls?|calling)\b|:\s*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Narration:
    """What a text does, in counts: enough for the judge to weigh it in any context."""

    characters: frozenset[str]  # named as characters (not in an actor credit)
    named_events: int  # a character is the subject of a plot verb
    pronoun_events: int  # he/she/they is
    strong: bool  # a reveal verb (dies, confesses, kills...) with a subject
    cue: bool  # points at plot: "the final shot", "the twist", "a confession"
    scene: bool  # points at a scene of the episode: "the final shot", "the episode opens on"
    third_person: bool  # he/she/they/him/her/them anywhere
    timeline: bool  # "that night", "the next morning"
    dialogue: bool  # quotes a line someone says
    premise: bool  # "the premise", "the series follows"
    availability: bool  # where and when to watch

    def narrates(self, *, lenient: bool = False) -> bool:
        """Does this text tell what happens? ``lenient`` for articles that declare themselves
        spoiler-free: only several plot events or a reveal count then."""
        if lenient:
            return not self.premise and (self.named_events >= 2 or self.strong)
        if self.premise and not self.strong:
            return False
        named = bool(self.characters)
        return (
            self.named_events >= 1
            or self.pronoun_events >= 2
            or (self.pronoun_events >= 1 and (self.timeline or self.cue or named))
            or (named and (self.dialogue or self.cue or self.timeline))
            or (self.scene and self.third_person)
        )

    @property
    def quiet(self) -> bool:
        """Nothing here points at plot: no character, no event, no scene, no dialogue."""
        return not (self.characters or self.named_events or self.pronoun_events or self.cue
                    or self.dialogue or self.strong)


def _event_after(words: list[str], i: int, *, named: bool = False) -> tuple[bool, bool]:
    """Is ``words[i:]`` (just after a subject) a plot verb phrase? Returns (event, strong).

    After a name (``named``), any "-ing" word reads as narration too: "Bram voting no".
    """
    n = len(words)
    # "(Actor)" or ", the harbour master," between the subject and its verb.
    if i < n and words[i] == "(":
        while i < n and words[i] != ")":
            i += 1
        i += 1
    if i < n and words[i] in (",", "–", "—"):
        j = i + 1
        while j < n and j - i < 18 and words[j] not in (",", "–", "—") and words[j] not in _STOP:
            j += 1
        if j < n and words[j] in (",", "–", "—"):
            i = j + 1
    if named and i < n and words[i].endswith("ing") and len(words[i]) > 5 \
            and words[i].islower() and words[i] not in _NOT_GERUNDS:
        return True, words[i] in STRONG_FORMS
    skipped = 0
    while i < n and skipped < 4:
        word = words[i].casefold()
        if word in _STOP or word in ("(", ")", ","):
            return False, False
        if word in EVENT_FORMS:
            return True, word in STRONG_FORMS
        if word in _PHRASAL_HEAD and i + 1 < n and words[i + 1].casefold() in _PARTICLES:
            return True, False
        if word == "to" and i > 0 and words[i - 1].casefold() in _TO_AFTER:
            i += 1
            continue
        if word in _SKIP or word.endswith("ly"):
            i += 1
            skipped += 1
            continue
        return False, False
    return False, False


def _tokenize(text: str) -> tuple[list[str], dict[int, int], dict[int, int]]:
    tokens = list(_WORD.finditer(text))
    words = [t.group(0) for t in tokens]
    return words, {t.start(): k for k, t in enumerate(tokens)}, {t.end(): k for k, t in enumerate(tokens)}


def _acts(text: str, hit: NameHit, words: list[str], ends: dict[int, int]) -> tuple[bool, bool]:
    """Is the character named at ``hit`` the subject of a plot verb? (event, strong)"""
    if hit.credit:
        return False, False
    after = text[hit.end:hit.end + 2]
    if after[:1] in ("’", "'") and after[1:2].casefold() == "s":
        return False, False  # possessive: "Bram’s shed"
    k = ends.get(hit.end)
    if k is None:
        return False, False
    return _event_after(words, k + 1, named=True)


def plot_actors(texts: Iterable[str], index: NameIndex) -> set[str]:
    """Capitalised names the character finder did not list but the text has acting in the plot
    ("Then Abu Samir shows up"): with no finder results once is enough, otherwise twice."""
    counts: dict[str, int] = {}
    for text in texts:
        guesses = index.guesses(text)
        if not guesses:
            continue
        words, _, ends = _tokenize(text)
        for hit in guesses:
            if _acts(text, hit, words, ends)[0]:
                counts[hit.name] = counts.get(hit.name, 0) + 1
    need = 1 if index.fallback else 2
    return {name for name, count in counts.items() if count >= need}


def read_narration(text: str, index: NameIndex, *, hits: list[NameHit] | None = None) -> Narration:
    """Weigh ``text`` (a block, or what is left of it around inline spoilers)."""
    if hits is None:
        hits = index.hits(text)
    words, starts, ends = _tokenize(text)

    named = 0
    strong = False
    characters = set()
    for hit in hits:
        if hit.credit:
            continue
        if not hit.guessed:
            characters.add(hit.name)
        event, is_strong = _acts(text, hit, words, ends)
        named += event
        strong |= is_strong
    pronouns = 0
    for m in _PRONOUN.finditer(text):
        k = starts.get(m.start())
        if k is None:
            continue
        event, is_strong = _event_after(words, k + 1)
        pronouns += event
        strong |= is_strong

    dialogue = False
    for m in _QUOTE.finditer(text):
        if len(m.group(1).split()) < 3:
            continue
        around = text[max(0, m.start() - 30):m.start()] + " " + text[m.end():m.end() + 20]
        if _SPEECH.search(around):
            dialogue = True
            break
    return Narration(
        characters=frozenset(characters),
        named_events=named,
        pronoun_events=pronouns,
        strong=strong,
        cue=bool(_CUE.search(text)),
        scene=bool(_SCENE.search(text)),
        third_person=bool(_THIRD_PERSON.search(text)),
        timeline=bool(_TIMELINE.search(text)),
        dialogue=dialogue,
        premise=bool(_PREMISE.search(text)),
        availability=bool(_AVAILABILITY.search(text)),
    )
