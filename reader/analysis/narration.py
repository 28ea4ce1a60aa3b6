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
planned rushes rushed to and both who at last later instantly
""".split())
_PHRASAL_HEAD = frozenset("""
show shows showed showing turn turns turned turning hook hooks hooked wake wakes woke break breaks
broke move moves moved moving pull pulls pulled pulling walk walks walked walking come comes came
coming go goes went going pass passes passed passing head heads headed heading
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
_TIMELINE = re.compile(
    r"\b(?:that (?:night|morning|evening|afternoon)|the next (?:day|morning|night|evening)"
    r"|later that|by nightfall|at dawn|at midnight|moments later|afterwards|in the present"
    r"|back in the present|years ago|the night before|until dawn|all night|before dawn)\b",
    re.I,
)
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
    cue: bool  # points at scenes: "the final shot", "the episode opens on"
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
        return (
            self.named_events >= 1
            or self.pronoun_events >= 2
            or (self.pronoun_events >= 1 and (self.timeline or self.cue))
            or (bool(self.characters) and (self.dialogue or self.cue))
        )

    @property
    def quiet(self) -> bool:
        """Nothing here points at plot: no character, no event, no scene, no dialogue."""
        return not (self.characters or self.named_events or self.pronoun_events or self.cue
                    or self.dialogue or self.strong)


def _event_after(words: list[str], i: int) -> tuple[bool, bool]:
    """Is ``words[i:]`` (just after a subject) a plot verb phrase? Returns (event, strong)."""
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
    skipped = 0
    while i < n and skipped < 4:
        word = words[i].casefold()
        if word in _STOP or word in ("(", ")", ","):
            return False, False
        if word in EVENT_FORMS:
            return True, word in STRONG_FORMS
        if word in _PHRASAL_HEAD and i + 1 < n and words[i + 1].casefold() in _PARTICLES:
            return True, False
        if word in _SKIP or word.endswith("ly"):
            i += 1
            skipped += 1
            continue
        return False, False
    return False, False


def read_narration(text: str, index: NameIndex, *, hits: list[NameHit] | None = None) -> Narration:
    """Weigh ``text`` (a block, or what is left of it around inline spoilers)."""
    if hits is None:
        hits = index.hits(text)
    tokens = list(_WORD.finditer(text))
    words = [t.group(0) for t in tokens]
    starts = {t.start(): k for k, t in enumerate(tokens)}
    ends = {t.end(): k for k, t in enumerate(tokens)}

    named = 0
    strong = False
    characters = set()
    for hit in hits:
        if hit.credit:
            continue
        if not hit.guessed:
            characters.add(hit.name)
        after = text[hit.end:hit.end + 2]
        if after[:1] in ("’", "'") and after[1:2].casefold() == "s":
            continue  # possessive: "Bram’s shed"
        k = ends.get(hit.end)
        if k is None:
            continue
        event, is_strong = _event_after(words, k + 1)
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
        timeline=bool(_TIMELINE.search(text)),
        dialogue=dialogue,
        premise=bool(_PREMISE.search(text)),
        availability=bool(_AVAILABILITY.search(text)),
    )
