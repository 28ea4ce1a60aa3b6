"""The ways an article ties a character to an actor, a nickname to a character, and a name to the
crew, read from the text between name sequences.

Actor forms: ``Name (Actor)`` (either way round, decided later from usage), ``(played by
Actor)``, ``(voiced by Actor)``, ``(a never-better Actor)``, ``(child actor Actor)``, ``Actor as
Name``, ``Actor as her eldest son, Name``, ``Actor is terrific as Name``, ``As Name, Actor ...``,
``Actor plays Name``, ``Actor, who plays Name``, ``Name, played by Actor``, a cast list's ``Name,
the family driver (Actor)`` and ``Name, the late father's partner, played by Actor``, ``Actor is
Name``, ``Actor's Name``, ``Actor's quiet turn as Name``, ``Actor brings a wounded charm to
Name``, and ``Actor plays her`` / ``Actor gives the priest a frayed decency`` right after the
character is named. Also ``Actor’s DI Name``, a role described after as/plays/returns as
(``Actor plays her estranged son, Name``), acting verbs in any tense (``has been cast as``, ``is
set to play``) and a whole cast-list line ``Name – Actor``. Each form is backed by two labelled
sites (tests/benchmarks/README.md, "Rules and the sites that back them").
Nicknames: ``First “Nick” Last``, ``(or as my dad calls him, Nick)``, ``— or Nick, as she is
known —``, ``known as Nick``, ``– Title Name to everyone –``.
Crew: ``(written by X, directed by Y)``, ``teleplay by``, ``Photo: X``, ``Courtesy of X``, a job
word before the name (``Showrunner X``), and the cast named in a photo caption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.crew import is_crew_credit
from reader.analysis.names import NameSpan, bare_title
from reader.analysis.names_lexicon import (
    ACTING_QUALITIES,
    CREDIT_VERBS,
    KINSHIP_NAMES,
    MEDIA,
    ORG_NOUNS,
    PERSON_ROLES,
    PLACE_PREFIXES,
)

_S = r"[ \u00a0]"
_PAREN_OPEN = re.compile(
    rf"(?:['’]s)?{_S}*\({_S}*(?:(played|voiced|portrayed){_S}+by{_S}+"
    rf"|(an?|the){_S}+(?:[a-z-]+,?{_S}+){{0,3}}"
    rf"|((?:child|young|veteran|newcomer){_S}+)?(?:actor|actress|newcomer|comedian|singer|rapper|idol){_S}+)?"
)
_PAREN_TAIL = re.compile(
    rf"{_S}*(?:\)|;|,{_S}*(?:who\b|\d{{1,2}}\)|(?:left|right|centre|center|pictured|above|below|top|bottom)\)))"
)
_AS_GAP = re.compile(
    rf",?{_S}+(?:(?:who{_S}+)?(?:is|was|stars|starred|returns|shines|excels|appears|co-stars|joins|rejoins)"
    rf"(?:{_S}+(?!as\b)[a-z]+){{0,2}}(?:{_S}+in{_S}+an?{_S}+[a-z-]+{_S}+role)?{_S}+)?as{_S}+"
)
_PLAYS_GAP = re.compile(
    rf",?{_S}+(?:also{_S}+|who{_S}+)?(?:plays|played|portrays|portrayed|has{_S}+played|is{_S}+playing){_S}+"
)
# "Actor as her eldest son, Name": the part named after a role noun.
# "Actor as her eldest son, Name", "Actor, as the clinic’s overworked deputy registrar Name", "Actor
# plays her estranged son, Name", "Actor returns as her engineer and reluctant conscience, Name":
# the part is named after a description that holds a role noun.
_AS_ROLE_GAP = re.compile(
    rf",?{_S}+(?:(?:is|was|returns|joins|rejoins|stars|appears|comes)(?:{_S}+(?:back|also|again))?{_S}+)?"
    rf"(?:as|plays|played|portrays|portrayed){_S}+(?:her|his|their|the|a|an){_S}+"
    rf"(?P<description>(?:[a-z-]+['’]s{_S}+)?(?:[a-z-]+{_S}+){{0,4}}[a-z-]+),?{_S}+"
)
# "Actor has been cast as Name", "Actor will play Name", "Actor, playing Name,", "Actor takes on
# the role of Name", "Actor (who plays Name)", "Actor stars as Name".
_ACTIVE_ACTING_GAP = re.compile(
    rf"{_S}*[,(]?{_S}*(?:(?:who|has|have|had|been|will|is|was|set|to|also|signed|on|tapped|reportedly|due"
    rf"|going|currently|landed|lands){_S}+){{0,5}}"
    rf"(?:cast{_S}+as|play|plays|playing|portray|portrays|portraying|voices|voicing|stars?{_S}+as"
    rf"|the{_S}+(?:role|part){_S}+of"
    rf"|starring{_S}+as|takes{_S}+on{_S}+the{_S}+(?:role|part){_S}+of|took{_S}+on{_S}+the{_S}+(?:role|part){_S}+of"
    rf"|in{_S}+the{_S}+(?:role|part){_S}+of){_S}+"
)
# "Name – Actor", "Name: Actor" as a whole line of a cast list.
_CAST_LINE_GAP = re.compile(rf"{_S}*[–—:|]{_S}*|{_S}+-{_S}+")

# "Name, the family driver (Actor)", "Name, the late father’s partner, played by Actor": a cast
# list describes the character between its name and its actor.
_DESCRIBED_GAP = re.compile(
    rf",{_S}+(?:the|a|an|his|her|their){_S}+[^,;()A-Z]{{1,60}}?(?:"
    rf",{_S}+(?:is{_S}+|was{_S}+)?(?:played|portrayed|voiced){_S}+by{_S}+|{_S}*(?P<paren>\(){_S}*)"
)
_TURN_AS_GAP = re.compile(rf"['’]s{_S}+(?:[a-z-]+{_S}+){{0,2}}(?:turn|performance|portrayal|work|take){_S}+as{_S}+")
_POSSESSIVE_GAP = re.compile(rf"['’]s{_S}+")
_IS_GAP = re.compile(rf"{_S}+is{_S}+")
_IS_TAIL = re.compile(rf"{_S}*(?:[,;(—–.]|$)")
_BRINGS_GAP = re.compile(rf"{_S}+(?:brings|lends|gives){_S}+(?P<what>[^.;:()]{{1,60}}?){_S}+to{_S}+")
_AS_BEFORE = re.compile(rf"(?:^|[.!?:;]{_S}*[\"“]?){_S}*As{_S}+$")
_PLAYS_AFTER_CLAUSE = re.compile(rf"[^.!?]{{0,160}}?,{_S}+(?:she|he|they){_S}+(?:plays|is|gives|brings|makes)\b")
# "Name, played by Actor", "Name – played by Actor".
_PLAYED_BY_GAP = re.compile(rf"{_S}*[,—–]?{_S}+(?:is|was)?{_S}*(?:played|portrayed|voiced){_S}+by{_S}+")
_PLAYS_PRONOUN = re.compile(
    rf"{_S}+(?:also{_S}+)?(?:plays|played|portrays|portrayed|has{_S}+played|is{_S}+playing){_S}+(?:her|him|them)\b"
)
_GIVES_ROLE = re.compile(
    rf"{_S}+(?:gives|brings|lends){_S}+(?:the|her|his|their){_S}+(?P<first>[a-z-]+)(?:{_S}+(?P<second>[a-z-]+))?"
)
_NICK_INTROS = [
    # "(or as my sister calls him, Nick)"
    re.compile(rf"\({_S}*or,?{_S}+as{_S}+[^()]{{0,60}}?\bcall(?:s|ed|ing)?{_S}+(?:him|her|them),?{_S}+"),
    # "— or Nick, as he shall be known"
    re.compile(rf"[—–]{_S}*or{_S}+"),
    # "known as Nick", "nicknamed Nick"
    re.compile(rf"\b(?:known{_S}+as|aka|a\.k\.a\.|nicknamed|dubbed|(?:whom{_S}+)?(?:everyone|everybody){_S}+calls){_S}+"),
    # "– Title Name to everyone –"
    re.compile(rf"[—–]{_S}*"),
]
_NICK_CUES = [("call",), ("—", "–"), ("known as", "aka", "a.k.a.", "nicknamed", "dubbed", "everyone calls",
                                    "everybody calls"),
              ("—", "–")]
_NICK_AFTER = [
    re.compile(r"[ \u00a0]*\)"),
    re.compile(r",[ \u00a0]+as[ \u00a0]+(?:he|she|they)\b"),
    re.compile(r""),
    re.compile(r"[ \u00a0]+to[ \u00a0]+(?:everyone|everybody|all|his|her|their|the|most|friends|family)\b"),
]
_CREDIT_NOUNS = frozenset("""photo photograph photography photos image images illustration credit
    credits creator showrunner writer director photographer cinematographer composer critic
    columnist""".split())
_CREDIT_AND = re.compile(r"[ \u00a0]*(?:,|and|&|/)[ \u00a0]*$")
_CREW_TITLES = frozenset(("Director",))
# Titles that say family, not rank: "Ana Ruiz’s Aunt Rosa" is her aunt, not her role.
_KIN_TITLES = KINSHIP_NAMES | frozenset("Aunt Uncle Tía Tío Tia Tio Grandmother Grandfather Mother Cousin".split())
_LISTED_GAP = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?(?:and|&)[ \u00a0]+(?:(?P<job>[a-z-]+)[ \u00a0]+)?")
_BYLINE = re.compile(r"^[ \u00a0]*(?:By|Words by|Written by|Posted by|Reviewed by)[ \u00a0]+$")
_CAPTION_CREDIT = re.compile(r"\b(?:Photo|Photograph|Credit|Courtesy|Image)\b")


@dataclass(slots=True)
class PairLink:
    """Two names tied as character and actor. ``fixed`` says the order is certain (``as``,
    ``plays``, ``played by``); otherwise ``Name (Other)`` may be either way round."""

    character: NameSpan
    actor: NameSpan
    fixed: bool


@dataclass(slots=True)
class PronounLink:
    """``Actor plays her``: the character is the name mentioned just before."""

    actor: NameSpan


@dataclass(slots=True)
class NickLink:
    """A nickname introduced for the name written just before it."""

    owner: NameSpan
    nickname: NameSpan


@dataclass
class BlockLinks:
    """What the text around one block's names says about them."""

    pairs: list[PairLink]
    pronouns: list[PronounLink]
    nicks: list[NickLink]
    crew: list[NameSpan]
    caption_names: list[NameSpan]


def read_links(text: str, spans: list[NameSpan], is_caption: bool) -> BlockLinks:
    """Read actor links, nicknames and credits from one block's text and name spans."""
    links = BlockLinks([], [], [], [], [])
    if not spans:
        return links
    linked: set[int] = set()
    intros: dict[int, tuple[int, int]] = {}
    for number, (intro, cue) in enumerate(zip(_NICK_INTROS, _NICK_CUES)):
        if any(c in text for c in cue):
            for found in intro.finditer(text):
                intros.setdefault(found.end(), (number, found.start()))
    for i, span in enumerate(spans):
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        gap = text[span.end:nxt.start] if nxt else ""
        if id(span) not in linked:
            pair = _as_clause(text, spans, i) or (_pair(text, span, nxt, gap) if nxt is not None else None)
            if pair is not None:
                links.pairs.append(pair)
                linked.update((id(pair.character), id(pair.actor)))
        if len(span.words) >= 2 and not span.titles and _plays_the_one_just_named(text, span):
            links.pronouns.append(PronounLink(span))
        if span.start in intros:
            _nickname(text, spans, i, intros[span.start], links)
        if (span.role == "crew" or _is_credit(text, spans, i, links.crew)
                or is_crew_credit(text, span.name_start, span.end)):
            links.crew.append(span)
        elif span.role == "cast" and id(span) not in linked:
            links.caption_names.append(span)
    _crew_listed_before_crew(text, spans, links.crew)
    if is_caption or len(text) < 200 and _CAPTION_CREDIT.search(text):
        cut = _caption_names_end(text)
        links.caption_names = [s for s in spans if s.end <= cut and s not in links.crew and id(s) not in linked
                               or s.role == "cast" and id(s) not in linked]
    return links


def _pair(text: str, span: NameSpan, nxt: NameSpan, gap: str) -> PairLink | None:
    if len(span.key) < 2 or len(nxt.key) < 2:
        return None  # "A (B)": letters, not names
    paren = _PAREN_OPEN.fullmatch(gap)
    if paren and _PAREN_TAIL.match(text, nxt.end) and not nxt.possessive:
        if nxt.nickname or _not_a_person(nxt) or _not_a_person(span, acronyms=False):
            return None  # "(Canal Sol)", "(Sunline TV)", "(KBS)": a network, not an actor
        # "(played by X", "(a superb X", "(child actor X": the order is certain; "(X" may be reversed
        return PairLink(span, nxt, fixed=paren.group(0).rstrip(" \u00a0")[-1:] != "(")
    if _PLAYED_BY_GAP.fullmatch(gap) and not span.possessive and not nxt.titles:
        return PairLink(span, nxt, fixed=True)
    acting = _acting_link(text, span, nxt, gap)
    if acting is not None:
        return acting
    described = _DESCRIBED_GAP.fullmatch(gap)
    if described and not span.possessive and not nxt.titles and len(nxt.words) >= 2:
        if described.group("paren") is None or (_PAREN_TAIL.match(text, nxt.end) and not nxt.possessive
                                                and not nxt.nickname and not _not_a_person(nxt)):
            return PairLink(span, nxt, fixed=True)  # the description is the character's
    if span.titles or span.caps or nxt.caps or len(span.words) < 2:
        return None
    if span.possessive:
        if _TURN_AS_GAP.fullmatch(gap) or _POSSESSIVE_GAP.fullmatch(gap) and _looks_like_actor_possessive(span, nxt):
            return PairLink(nxt, span, fixed=True)  # "Actor's turn as Name", "Actor's Name"
        return None
    if _AS_GAP.fullmatch(gap) or _PLAYS_GAP.fullmatch(gap):
        return PairLink(nxt, span, fixed=True)
    as_role = _AS_ROLE_GAP.fullmatch(gap)
    if as_role and set(re.findall(r"[a-z-]+", as_role.group("description"))) & PERSON_ROLES and not nxt.possessive:
        return PairLink(nxt, span, fixed=True)
    brings = _BRINGS_GAP.fullmatch(gap)
    if brings and set(re.findall(r"[a-z]+", brings.group("what"))) & ACTING_QUALITIES:
        return PairLink(nxt, span, fixed=True)
    if (_IS_GAP.fullmatch(gap) and len(nxt.words) >= 2 and not nxt.titles and span.key != nxt.key
            and _IS_TAIL.match(text, nxt.end)):
        return PairLink(nxt, span, fixed=False)
    return None


def _acting_link(text: str, span: NameSpan, nxt: NameSpan, gap: str) -> PairLink | None:
    """The other shapes of "this actor has this part", read from the words between two names:
    an acting verb in any tense ("has been cast as", "will play", "playing", "takes on the role
    of", "(who plays"), and a whole cast-list line "Name – Actor"."""
    actor_first_ok = len(span.words) >= 2 and not span.titles and not span.caps
    actor_second_ok = len(nxt.words) >= 2 and not nxt.titles and not nxt.caps
    if span.possessive or nxt.possessive:
        return None
    if actor_first_ok and _ACTIVE_ACTING_GAP.fullmatch(gap):
        return PairLink(nxt, span, fixed=True)
    if (_CAST_LINE_GAP.fullmatch(gap) and not text[:span.start].strip(" \u00a0•*·-")
            and not text[nxt.end:].strip(" \u00a0.;,") and (actor_first_ok or actor_second_ok)
            and not _not_a_person(span) and not _not_a_person(nxt)):
        return PairLink(span, nxt, fixed=False)  # a cast-list line "Name – Actor" (either way round)
    return None


def _not_a_person(span: NameSpan, acronyms: bool = True) -> bool:
    """A place, a company, a streamer or (inside parentheses) a broadcaster's acronym."""
    if len(span.words) > 1 and (span.words[0].rstrip(".") in PLACE_PREFIXES or span.words[-1] in ORG_NOUNS):
        return True
    return any(w in MEDIA for w in span.words) or acronyms and span.caps and len(span.words) == 1 and len(span.key) <= 4


def _looks_like_actor_possessive(actor: NameSpan, name: NameSpan) -> bool:
    """"Liv Vik’s Oda is ...", "Wale Adeyemi’s DI Corin Hale": a full name owning a name (with
    a rank or job title, not a kinship word), neither a place nor a company."""
    words = (*actor.words, *name.words)
    kin = any(bare_title(t) in _KIN_TITLES for t in name.titles)  # "Ana Ruiz’s Aunt Rosa" is family
    return (len(name.words) <= 2 and not kin and not name.possessive
            and not any(w.rstrip(".") in PLACE_PREFIXES or w in ORG_NOUNS for w in words))


def _as_clause(text: str, spans: list[NameSpan], i: int) -> PairLink | None:
    """"As Name, Actor is ..." or "Actor is the reason to watch. As Name, ..., she plays ..."."""
    span = spans[i]
    if text[span.start - 3:span.start] != "As " or text[span.end:span.end + 1] != ",":
        return None
    if not _AS_BEFORE.search(text[max(0, span.start - 8):span.start]):
        return None
    nxt = spans[i + 1] if i + 1 < len(spans) else None
    if nxt is not None and re.fullmatch(r",[ \u00a0]+", text[span.end:nxt.start]) and len(nxt.words) >= 2:
        return PairLink(span, nxt, fixed=True)
    if _PLAYS_AFTER_CLAUSE.match(text, span.end):
        earlier = [s for s in spans[:i] if len(s.words) >= 2 and not s.titles and not s.possessive]
        if earlier:
            return PairLink(span, earlier[-1], fixed=True)
    return None


def _nickname(text: str, spans: list[NameSpan], i: int, intro: tuple[int, int], links: BlockLinks) -> None:
    span = spans[i]
    number, cut = intro
    if not _NICK_AFTER[number].match(text, span.end):
        return
    if number == 3 and not span.titles:
        return  # "– Title Name to everyone –" needs the title
    owner = next((s for s in reversed(spans[:i])
                  if s.end <= cut and not s.possessive and not _in_parentheses(text, s.start)), None)
    if owner is not None:
        links.nicks.append(NickLink(owner, span))


def _plays_the_one_just_named(text: str, span: NameSpan) -> bool:
    """"Actor plays her", "Actor gives the priest a frayed decency": the part is the name before."""
    after = text[span.end:span.end + 24]
    if "play" in after or "portray" in after:
        return bool(_PLAYS_PRONOUN.match(text, span.end))
    gives = _GIVES_ROLE.match(text, span.end)
    if not gives or not {gives.group("first"), gives.group("second")} & PERSON_ROLES:
        return False
    return bool(set(re.findall(r"[a-z]+", text[gives.end():gives.end() + 80])) & ACTING_QUALITIES)


def _in_parentheses(text: str, pos: int) -> bool:
    return text.rfind("(", 0, pos) > text.rfind(")", 0, pos)


def _is_credit(text: str, spans: list[NameSpan], i: int, crew: list[NameSpan]) -> bool:
    span = spans[i]
    if _credit_words_before(text, span.start) or i == 0 and span.start < 40 and _BYLINE.match(text[:span.start]):
        return True
    prev = spans[i - 1] if i else None
    return prev is not None and prev in crew and bool(_CREDIT_AND.fullmatch(text[prev.end:span.start]))


def _crew_listed_before_crew(text: str, spans: list[NameSpan], crew: list[NameSpan]) -> None:
    """"Director X and cinematographer Y": a title that is also a film job ("Director", which
    in a drama is as often a company director) names crew when it is listed with crew."""
    for i, span in enumerate(spans[:-1]):
        if span in crew or not any(t.rstrip(".") in _CREW_TITLES for t in span.titles):
            continue
        listed = _LISTED_GAP.fullmatch(text, span.end, spans[i + 1].start)
        if spans[i + 1] in crew and listed and listed.group("job") in (None, *_CREDIT_NOUNS):
            crew.append(span)


def _credit_words_before(text: str, pos: int) -> bool:
    """"(written by X", "directed by X", "Photo: X", "Courtesy of X", "showrunner X"."""
    words = [w.strip("(,;:.").lower() for w in text[max(0, pos - 40):pos].split()[-3:]]
    if not words:
        return False
    if words[-1] == "by":
        return len(words) > 1 and (words[-2] in CREDIT_VERBS or words[-2] in _CREDIT_NOUNS)
    if words[-2:] == ["courtesy", "of"]:
        return True
    return words[-1] in _CREDIT_NOUNS and not text[max(0, pos - 40):pos].rstrip().endswith(",")


def _caption_names_end(text: str) -> int:
    """Names before " in <Show>" or a credit in a caption are the cast pictured."""
    found = re.search(r"\b(?:in|on the set of|at)\b|\b(?:Photo|Photograph|Credit|Courtesy|Image)\b", text)
    return found.start() if found else len(text)
