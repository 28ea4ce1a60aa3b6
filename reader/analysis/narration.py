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
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from reader.analysis.cast_lines import is_cast_entry
from reader.analysis.crew import after_crew_title
from reader.analysis.phrases import phrase_kinds_folded
from reader.analysis.spoiler_names import NameHit, NameIndex
from reader.analysis.text import TOKEN, lazy_compile
from reader.analysis.verbs import BASE_FORMS, EVENT_FORMS, PARTICIPLES, STRONG_FORMS


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
# A third-person or past verb by its shape ("handles", "wrangled"), for verbs the lists lack.
_VERB_SHAPE = lazy_compile(r"^[a-z]{2,}(?:[^s’'aiu]s|ed)$")
_COPULA = frozenset("is are was were been being be isn’t wasn’t isn't wasn't".split())
# Before a participle ("has known", "was taken"): without one, "Ines, his aunt, known to all as..."
# describes her rather than saying what she did.
_AUXILIARIES = _COPULA | frozenset("has have had having hasn’t haven’t hadn’t hasn't haven't hadn't get gets got".split())
# Verbs of being, seeming and performing: what a character *is*, or how the show treats them.
_STATE_VERBS = frozenset("""
has does remains remained seems seemed looks looked sounds sounded feels felt plays played deserves
deserved continues continued gets makes gives carries carried delivers delivered brings becomes
stays stayed needs needed wants wanted likes liked loves loved hates hated means meant matters
mattered works worked belongs belonged stands shines appears appeared tends tended happens
happened owns owned lives lived represents represented embodies embodied exists existed sports
wears wore used uses lacks lacked resembles resembled deserves starts started begins ends ended
shows showed needs expects expected hopes hoped thinks believes believed wonders wondered runs ran
leads led underplays overplays nails sells commands captures conveys channels inhabits grounds
elevates anchors imbues infuses radiates excels shines impresses dazzles stuns charms sings
performs acts portrays voiced voices narrates narrated directed directs wrote writes created
creates produced produces starred stars
""".split())
_STOP = frozenset(".!?;:“”\"")

_PRONOUNS = frozenset("he she they he’s she’s they’re he's she's they're he’d she’d they’d he'd she'd"
                      " they'd he’ll she’ll they’ll he'll she'll they'll".split())
_THIRD_PERSON = frozenset("he she they him her them his their".split()) | _PRONOUNS
# Unnamed people of the plot: "her brother turns up", "the widow notices", "his men tear...".
_ROLE_OWNERS = frozenset("her his their the its".split())
_ROLES = frozenset("""
mother father mum mom dad sister brother husband wife son daughter sons daughters parents kids
children boss friend girlfriend boyfriend fiancé fiancée fiance fiancee ex partner grandmother
grandfather grandma grandpa granny uncle aunt cousin twin twins detective doctor killer murderer
stranger captain priest colonel sheriff lawyer villain groom bride kid boy girl man woman men women
nurse landlord landlady neighbour neighbor teacher police cops officer inspector chief mayor widow
widower baby stalker thief victim suspect witness guard driver pilot crew gang family ghost
assistant maid housekeeper butler heir heiress king queen prince princess lover rival agent
emperor empress dowager consort minister general lord lady duke duchess count countess chancellor
senator president commander lieutenant sergeant professor judge governor abbot nun monk
""".split())
# "-ing" words that do not narrate when they follow a name ("Bram being Bram").
_NOT_GERUNDS = frozenset("being having getting doing going making something nothing anything everything thing king".split())
_QUOTE = lazy_compile(r"[“\"]([^”\"]{3,300})[”\"]")
_SPEECH = lazy_compile(
    r"\b(?:says?|said|tells?|told|asks?|asked|whispers?|whispered|repl(?:y|ies|ied)|shouts?|shouted"
    r"|screams?|screamed|sighs?|sighed|line|lines|adds?|added|mutters?|muttered|calls?|calling)\b|:\s*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Narration:
    """What a text does, in counts: enough for the judge to weigh it in any context."""

    characters: frozenset[str]  # named as characters (not in an actor credit)
    introduced: frozenset[str]  # of those, the ones introduced with their actor: "Ines (Jo Lind)"
    named_events: int  # a character is the subject of a plot verb
    role_events: int  # of those, "Bram returning as host": taking a role, as production news says it
    pronoun_events: int  # he/she/they, or someone unnamed ("her brother"), is
    strong: bool  # a reveal verb (dies, confesses, kills...) with a subject
    cue: bool  # points at plot: "the final shot", "the twist", "a confession"
    scene: bool  # points at a scene of the episode: "the final shot", "the episode opens on"
    third_person: bool  # he/she/they/him/her/them anywhere
    timeline: bool  # "that night", "the next morning"
    dialogue: bool  # quotes a line someone says
    quoted_line: bool  # nothing but a quoted line: words from the episode
    premise: bool  # "the premise", "the series follows"
    availability: bool  # where and when to watch
    craft: bool = False  # talks about the making: "the score", "the cinematographer"
    news: bool = False  # production news: "renewed", "next season", "filming"
    cast_entry: bool = False  # shaped like a cast-list line: "Ines (Jo Lind), the captain"

    def narrates(self, *, lenient: bool = False) -> bool:
        """Does this text tell what happens? ``lenient`` for articles that declare themselves
        spoiler-free: only several plot events or a reveal count then."""
        if lenient:
            return not self.premise and (self.named_events >= 2 or self.strong)
        if (self.premise and not self.strong) or self.cast_intro:
            return False
        named = bool(self.characters)
        return (
            self.named_events >= 1
            or self.pronoun_events >= 2
            or (self.pronoun_events >= 1 and (self.timeline or self.cue or named))
            or (named and (self.dialogue or self.cue or self.timeline))
            or (self.scene and self.third_person)
            or self.quoted_line
        )

    @property
    def cast_intro(self) -> bool:
        """Introduces the cast ("Ines (Jo Lind) runs the ferry; Bram (Tor Eik), her brother"):
        every character named is introduced with an actor, and none of them acts; or one line
        of a "Who's who" list ("Bram (Tor Eik), her brother") where nothing happens."""
        if self.cue or self.dialogue or self.strong or self.named_events:
            return False
        if self.cast_entry and not self.pronoun_events:
            return True
        return len(self.introduced) >= 2 and self.characters <= self.introduced and self.pronoun_events <= 1

    @property
    def quiet(self) -> bool:
        """Nothing here points at plot: no character, no event, no scene, no dialogue."""
        return not (self.characters or self.named_events or self.pronoun_events or self.cue
                    or self.dialogue or self.strong)


def _event_after(words: list[str], i: int, *, named: bool = False, strict: bool = False) -> tuple[bool, bool]:
    """Is ``words[i:]`` (just after a subject) a plot verb phrase? Returns (event, strong).

    After a name (``named``), any "-ing" word reads as narration too: "Bram voting no".
    ``strict`` (for subjects that may be things: "the Sunday-night hit"): a bare base form
    counts only after an auxiliary ("did call", "tries to call").
    """
    n = len(words)
    # "(Actor)" or ", the harbour master," between the subject and its verb.
    if i < n and words[i] == "(":
        while i < n and words[i] != ")":
            i += 1
        i += 1
    if i + 1 < n and words[i] == "," and words[i + 1].casefold() == "who":
        i += 1  # "Bram, who finally confesses...": the relative clause says what he does
    elif i < n and words[i] in (",", "–", "—"):
        j = i + 1
        while j < n and j - i < 18 and words[j] not in (",", "–", "—") and words[j] not in _STOP:
            j += 1
        if j < n and words[j] in (",", "–", "—"):
            i = j + 1
    if named and i < n and words[i].endswith("ing") and len(words[i]) > 5 \
            and words[i].islower() and words[i] not in _NOT_GERUNDS:
        return True, words[i] in STRONG_FORMS
    skipped = 0
    copula = auxiliary = False
    while i < n and skipped < 4:
        word = words[i].casefold()
        if word in _STOP or word in ("(", ")", ","):
            return False, False
        if word in PARTICIPLES and not auxiliary:
            return False, False  # "Bram, her brother, known to all as..."
        if word in EVENT_FORMS:
            if strict and not skipped and word in BASE_FORMS:
                return False, False
            return True, word in STRONG_FORMS
        if not strict and not copula and _VERB_SHAPE.match(words[i]) and word not in _STATE_VERBS:
            return True, False  # a verb the lists lack: "Rafi handles it", "she mentions"
        copula |= word in _COPULA
        auxiliary |= word in _AUXILIARIES
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


@dataclass(frozen=True, slots=True)
class _Tokens:
    words: list[str]
    folded: list[str]
    starts: list[int]  # start offset of each word
    ends: list[int]  # end offset of each word, ascending


def _tokenize(text: str, index: NameIndex) -> _Tokens:
    """Words (and punctuation) of ``text``, kept for the article (the judge reads blocks twice)."""
    cached = index.memo.get(text)
    if isinstance(cached, _Tokens):
        return cached
    tokens = list(TOKEN.finditer(text))
    words = [t.group(0) for t in tokens]
    result = _Tokens(words, list(map(str.casefold, words)), [t.start() for t in tokens], [t.end() for t in tokens])
    index.memo[text] = result
    return result


def _acts(text: str, hit: NameHit, tokens: _Tokens) -> tuple[bool, bool]:
    """Is the character named at ``hit`` the subject of a plot verb? (event, strong)"""
    if hit.credit:
        return False, False
    after = text[hit.end:hit.end + 2]
    if after[:1] in ("’", "'") and after[1:2].casefold() == "s":
        return False, False  # possessive: "Bram’s shed"
    k = bisect_left(tokens.ends, hit.end)
    if k >= len(tokens.ends) or tokens.ends[k] != hit.end:
        return False, False
    return _event_after(tokens.words, k + 1, named=True, strict=hit.guessed)


def _unnamed_events(tokens: _Tokens) -> list[tuple[int, bool]]:
    """Plot verbs whose subject has no name: he/she/they, "her brother", "the widow", "the
    Empress Dowager". Returns (token index of the subject, strong reveal?) for each."""
    words, folded, n = tokens.words, tokens.folded, len(tokens.words)
    found = []
    for k, word in enumerate(folded):
        if word in _PRONOUNS:
            event, strong = _event_after(words, k + 1)
            if event:
                found.append((k, strong))
            continue
        if k + 1 >= n or not (word in _ROLE_OWNERS or word.endswith(("’s", "'s"))):
            continue
        end = k + 1
        if folded[end] not in _ROLES:  # "the bride’s family", "Bram’s daughter" too
            if word != "the" or not words[end][:1].isupper() or words[end].isupper():
                continue  # "the OST", "the BBC": things
            while end + 1 < n and end - k < 3 and words[end + 1][:1].isupper():
                end += 1
        event, strong = _event_after(words, end + 1, strict=True)
        if event:
            found.append((k, strong))
    return found


_TAKES_ROLE = lazy_compile(r"\s+[a-z]+ing(?:\s+(?:on|back|again))?\s+as\b")


def _takes_role(text: str, hit: NameHit) -> bool:
    """"Bram returning as host", "Ines staying on as judge": a name, an "-ing" verb, then "as"."""
    return bool(_TAKES_ROLE.match(text, hit.end))


def plot_actors(texts: Iterable[str], index: NameIndex) -> set[str]:
    """Capitalised names the character finder did not list but the text has acting in the plot
    ("Then Abu Samir shows up"): with no finder results once is enough, otherwise twice."""
    counts: dict[str, int] = {}
    for text in texts:
        guesses = index.guesses(text)
        if not guesses:
            continue
        tokens = _tokenize(text, index)
        for hit in guesses:
            if _acts(text, hit, tokens)[0]:
                counts[hit.name] = counts.get(hit.name, 0) + 1
    need = 1 if index.fallback else 2
    return {name for name, count in counts.items() if count >= need}


def subject_events(text: str, index: NameIndex) -> list[tuple[int, bool]]:
    """Where a character or he/she/they does something in ``text``: (offset of the subject,
    strong reveal?) for each plot verb with a subject. Used to pick turning-point sentences."""
    tokens = _tokenize(text, index)
    found = []
    for hit in index.hits(text):
        event, strong = _acts(text, hit, tokens)
        if event:
            found.append((hit.start, strong))
    found.extend((tokens.starts[k], strong) for k, strong in _unnamed_events(tokens))
    return found


def read_narration(text: str, index: NameIndex, *, hits: list[NameHit] | None = None) -> Narration:
    """Weigh ``text`` (a block, or what is left of it around inline spoilers). Kept for the
    article when read with the index's own hits: the judge and the key moments read the same
    blocks."""
    if hits is not None:
        return _read_narration(text, index, hits)
    cached = index.readings.get(text)
    if not isinstance(cached, Narration):
        cached = index.readings[text] = _read_narration(text, index, index.hits(text))
    return cached


def _read_narration(text: str, index: NameIndex, hits: list[NameHit]) -> Narration:
    tokens = _tokenize(text, index)

    named = taking_roles = 0
    strong = False
    characters = set()
    introduced = set()
    for hit in hits:
        if hit.credit or after_crew_title(text, hit.start, hit.end):
            continue  # an actor's credit, or "Director X": people who make the show
        if not hit.guessed:
            characters.add(hit.name)
            if text[hit.end:hit.end + 3].lstrip().startswith("("):
                introduced.add(hit.name)
        event, is_strong = _acts(text, hit, tokens)
        named += event
        taking_roles += event and _takes_role(text, hit)
        strong |= is_strong
    unnamed = _unnamed_events(tokens)
    pronouns = len(unnamed)
    strong |= any(is_strong for _, is_strong in unnamed)
    third_person = any(folded in _THIRD_PERSON for folded in tokens.folded)
    found = phrase_kinds_folded(tokens.folded)

    stripped = text.strip()
    quoted_line = len(stripped) > 12 and stripped[0] in "“\"" and stripped[-1] in "”\""
    dialogue = quoted_line
    for m in _QUOTE.finditer(text):
        if len(m.group(1).split()) < 3:
            continue
        around = text[max(0, m.start() - 30):m.start()] + " " + text[m.end():m.end() + 20]
        if _SPEECH.search(around):
            dialogue = True
            break
    return Narration(
        characters=frozenset(characters),
        introduced=frozenset(introduced),
        named_events=named,
        role_events=taking_roles,
        pronoun_events=pronouns,
        strong=strong,
        cue="cue" in found or "scene" in found,
        scene="scene" in found,
        third_person=third_person,
        timeline="timeline" in found,
        dialogue=dialogue,
        quoted_line=quoted_line,
        premise="premise" in found,
        availability="availability" in found,
        craft="craft" in found,
        news="news" in found,
        cast_entry=is_cast_entry(text, hits),
    )
