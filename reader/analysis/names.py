"""Find the capitalised name sequences in a block of text ("Commander Ilsa Mørk", "Ana de la Vega",
"Kwame “Kay” Mensah", "PARK JI-HO") with what surrounds them.

This is the character finder's tokenizer: it knows the shape of names in many cultures (Unicode
capitals, hyphenated given names, particles, apostrophes inside a name, quoted nicknames, titles
in front) and nothing about whether a name is a person. Later stages weigh that from context.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from reader.analysis.names_lexicon import (
    COMMON_WORDS,
    DETERMINERS,
    PARTICLES,
    POST_TITLES,
    ROLE_WORDS,
    TITLE_ABBREVIATIONS,
    TITLE_QUALIFIERS,
    TITLES,
)
from reader.analysis.text import fold as text_fold


# A name word starts with a capital of any script up to U+2000 (Latin, Greek, Cyrillic,
# Armenian, Georgian, Cherokee). A character class listing all 864 of them costs half a millisecond
# to compile each time it appears, and the name patterns need it dozens of times (40 ms at start).
# Instead the patterns read a copy of the text in which every non-ASCII capital stands as one
# capital, "À": the translation is one character for one, so every offset holds and matches are
# read back from the original text, and the small class "[A-ZÀ]" matches exactly where the long
# one would. (Nothing else in the patterns names a non-ASCII capital.)
_CAPITAL_STAND_IN = "À"
_CAPITALS_AS_ONE = {c: _CAPITAL_STAND_IN for c in range(0x80, 0x2000) if chr(c).isupper() or chr(c).istitle()}
_U = "A-Z" + _CAPITAL_STAND_IN


def _capitals_as_one(text: str) -> str:
    """``text`` with every non-ASCII capital written as the stand-in (same length, same offsets)."""
    return text if text.isascii() else text.translate(_CAPITALS_AS_ONE)


_L = r"(?:[^\W\d_]|[\u0300-\u036f])"
_WORD = rf"(?:(?:al|el)-)?[{_U}]{_L}*(?:['’][{_U}]{_L}*)?(?:-{_L}+)*"
_ABBR = r"(?:" + "|".join(TITLE_ABBREVIATIONS) + r")\."
_INITIAL = rf"(?!I\.)[{_U}]\.(?=[ \u00a0][{_U}])"
_TOKEN = rf"(?:{_ABBR}|{_INITIAL}|{_WORD})"
_PARTICLE = r"(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r")"
_SP = r"[ \u00a0]"
_NICK = rf"[“\"‘](?P<nick>{_TOKEN}(?:{_SP}{_TOKEN}){{0,2}})[”\"’]"
# Every character a token can start with: a capital, "a"/"e" of "al-"/"el-", an abbreviation's
# first letter. The pattern is tried at every position of every block; with this class up front
# most positions fail at one test instead of at each title abbreviation in turn.
_TOKEN_FIRST = re.escape("".join(sorted({"a", "e"} | {a[0] for a in TITLE_ABBREVIATIONS if not a[0].isupper()})))
_SEQUENCE = re.compile(
    rf"(?<![\w@#/+])(?=[{_U}{_TOKEN_FIRST}])({_TOKEN}(?:{_SP}(?:{_PARTICLE}{_SP}){{1,2}}(?={_TOKEN}){_TOKEN}"
    rf"|{_SP}{_NICK}(?={_SP}(?:{_PARTICLE}{_SP}){{0,2}}{_TOKEN})|{_SP}&{_SP}{_TOKEN}|{_SP}{_TOKEN})*)(?![\w@/+])"
)
_TOKEN_RE = re.compile(rf"{_NICK}|{_ABBR}|{_INITIAL}|{_WORD}|{_PARTICLE}|&")
_PLAIN_WORD_RE = re.compile(r"[^\s!\"#$%&()*+,./:;<=>?@\[\]^_`{|}~“”‘«»…—–·•]+")
_SENTENCE_END = set(".!?…:;")
HONORIFIC_SUFFIX = re.compile(r"-(?:san|kun|chan|sama|sensei|senpai|sempai|dono|ssi|nim)$")
_NUMBERED = {"season", "episode", "series", "part", "chapter", "volume", "vol", "book"}
_KOREAN_GIVEN = re.compile(rf"[{_U}]{_L}{{1,4}}-[^\W\d_]{{2,5}}")


def korean_given(word: str) -> bool:
    """A hyphenated given name in the Korean romanisation shape ("Min-ji", "Su-bin")."""
    return bool(_KOREAN_GIVEN.fullmatch(_capitals_as_one(word))) and word.split("-")[1].islower()


@dataclass(slots=True, eq=False)
class NameSpan:
    """One capitalised name sequence in a block, split into title, name words and nickname.

    ``start``/``end`` cover the whole written form (title included, possessive ``’s``
    excluded); ``name_start`` is where the name proper begins, after any title. ``words`` is the
    name without the title; ``nickname`` a quoted nickname inside it. ``key`` is the name as
    written without its title ("Ana de la Vega"); ``caps`` says it is written in capitals
    ("PARK JI-HO"), as some blogs introduce characters.
    """

    block: int
    start: int
    end: int
    titles: tuple[str, ...]
    words: tuple[str, ...]
    nickname: str | None
    possessive: bool
    sentence_start: bool
    after_determiner: bool
    name_start: int
    key: str
    caps: bool
    role: str | None = None  # "crew" or "cast" when written after "Showrunner", "Actor" ...
    post_title: str | None = None  # a title written after the name ("Elif Hanım")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case- and accent-folded form used to compare names ("Jōji" == "joji"): the analysis's
    one fold (``reader.analysis.text.fold``), which also makes curly quotes and dashes plain."""
    return text_fold(text)


def bare_title(word: str) -> str:
    """A title as listed: "Dr." -> "Dr"."""
    return word[:-1] if word.endswith(".") else word


def is_sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` begins a sentence: block start, after . ! ? : ; or after an emoji."""
    i = pos - 1
    while i >= 0 and text[i] in " \u00a0\"“‘'([*_":
        i -= 1
    if i < 0:
        return True
    ch = text[i]
    return ch in _SENTENCE_END or unicodedata.category(ch).startswith("S")


def lower_vocabulary(texts: list[str]) -> frozenset[str]:
    """Every word as written (punctuation cut off): when "then" is in it, a capitalised "Then"
    is a common word, not a name."""
    return frozenset(_PLAIN_WORD_RE.findall("\n".join(texts)))


def is_common(word: str, lower_vocab: frozenset[str]) -> bool:
    """A common word (listed, or seen in lower case in this article), not a name by itself."""
    return word.casefold() in COMMON_WORDS or (word.lower() in lower_vocab and not word.isupper())


def _leading_common(word: str) -> bool:
    """A sentence-initial word glued to a name ("Meanwhile Ana", "Finally Ana"), from the listed
    common words only: "Grace Kim" keeps its given name even where "grace" is a word too."""
    return word.casefold() in COMMON_WORDS or word.endswith("ly") and len(word) > 4


Token = tuple[int, int, str, bool]  # start, end, text, is a quoted nickname


@lru_cache(maxsize=2048)
def name_runs(text: str) -> tuple[tuple[Token, ...], ...]:
    """Every run of capitalised words (with particles, initials, "&" and quoted nicknames) in
    ``text``, as tokens. Cached: the finder reads each block's runs twice (names, mentions)."""
    runs: list[tuple[Token, ...]] = []
    shape = _capitals_as_one(text)  # what the patterns read; tokens are cut from ``text``
    for match in _SEQUENCE.finditer(shape):
        base, end = match.span(1)
        whole = text[base:end]
        if " " not in whole and "\u00a0" not in whole:
            runs.append(((base, end, whole, False),))
            continue
        run: list[Token] = []
        for tok in _TOKEN_RE.finditer(shape[base:end]):
            nick = tok.group("nick") is not None
            start, stop = tok.span("nick") if nick else tok.span()
            run.append((base + start, base + stop, whole[start:stop], nick))
        runs.append(tuple(run))
    return tuple(runs)


def find_name_spans(block_id: int, text: str, lower_vocab: frozenset[str]) -> list[NameSpan]:
    """The capitalised name sequences of one block, titles split off and sentence-initial
    common words ("Meanwhile", "And") dropped."""
    spans: list[NameSpan] = []
    for run in name_runs(text):
        if len(run) == 1 and run[0][2].casefold() in COMMON_WORDS:
            continue  # a lone "The", "She", "Meanwhile": the commonest case by far
        for piece in _split_run(run):
            span = _make_span(block_id, text, piece, lower_vocab)
            if span is not None:
                spans.append(span)
    return spans


def _split_run(run: tuple[Token, ...]) -> list[list[Token]]:
    """A run split at a lone "I" (never a name), keeping pieces that hold a name word."""
    if len(run) == 1:
        return [] if run[0][2] == "I" else [list(run)]
    pieces: list[list[Token]] = [[]]
    for token in run:
        if token[2] == "I" and not token[3]:
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [p for p in pieces if any(not t[3] and t[2] not in PARTICLES and t[2] != "&" for t in p)]


def _make_span(block_id: int, text: str, tokens: list[Token],
               lower_vocab: frozenset[str]) -> NameSpan | None:
    start_pos = tokens[0][0]
    sentence_start = is_sentence_start(text, start_pos)
    if len(tokens) == 1:  # the common case, kept short
        _, end, word, _ = tokens[0]
        if word in PARTICLES or word.casefold() in _NUMBERED or sentence_start and is_common(word, lower_vocab):
            return None
        return NameSpan(block_id, start_pos, end, (), (word,), None, _possessive(text, end, word),
                        sentence_start, _word_before(text, start_pos) in DETERMINERS, start_pos, word,
                        len(word) > 1 and word.isupper())
    after_determiner = _word_before(text, start_pos) in DETERMINERS
    # Drop leading common words ("Meanwhile Inspector X", "The Y", "And Z").
    while len(tokens) > 1 and not tokens[0][3]:
        first = tokens[0][2]
        if first in TITLES or bare_title(first) in TITLES or first in TITLE_QUALIFIERS:
            break
        if not (sentence_start and _leading_common(first)) and first not in DETERMINERS:
            break
        if len(first) <= 3 and korean_given(tokens[1][2]):
            break  # a one-syllable family name before a hyphenated given name ("Oh Min-ji")
        after_determiner = after_determiner or first in DETERMINERS
        tokens = tokens[1:]
        while tokens and tokens[0][2] in PARTICLES:
            tokens = tokens[1:]
        sentence_start = False
    if not tokens:
        return None
    role = None
    if len(tokens) > 1 and not tokens[0][3] and tokens[0][2].casefold() in ROLE_WORDS:
        role = ROLE_WORDS[tokens[0][2].casefold()]  # "Showrunner Ana Ruiz", "Actor Ben Lowe"
        tokens = tokens[1:]
    titles: list[str] = []
    i = 0
    words_only = [t for t in tokens if not t[3]]
    while i < len(words_only) - 1:
        word = bare_title(words_only[i][2])
        if word in TITLES or word in TITLE_QUALIFIERS:
            titles.append(words_only[i][2])
            i += 1
            continue
        break
    if titles and not any(bare_title(t) in TITLES for t in titles):
        titles, i = [], 0
    name_tokens = words_only[i:]
    while name_tokens and (name_tokens[-1][2] in PARTICLES or name_tokens[-1][2].casefold() in _NUMBERED):
        name_tokens = name_tokens[:-1]
    if not name_tokens:
        return None
    end = name_tokens[-1][1]
    post_title = None
    if len(name_tokens) > 1 and name_tokens[-1][2] in POST_TITLES:
        post_title = name_tokens[-1][2]  # "Elif Hanım", "Kerem Bey", "Sunita Aunty"
        name_tokens = name_tokens[:-1]
    nickname = next((t[2] for t in tokens if t[3]), None)
    start = tokens[0][0]
    words = tuple(t[2] for t in name_tokens)
    letters = [w for w in words if w not in PARTICLES]
    return NameSpan(
        block=block_id,
        start=start,
        end=end,
        titles=tuple(titles),
        words=words,
        nickname=nickname,
        possessive=_possessive(text, end, post_title or name_tokens[-1][2]),
        sentence_start=sentence_start,
        after_determiner=after_determiner,
        name_start=name_tokens[0][0],
        key=" ".join(words),
        caps=all(w.isupper() for w in letters) and any(len(w) > 1 for w in letters),
        role=role,
        post_title=post_title,
    )


def _possessive(text: str, end: int, last_word: str) -> bool:
    tail = text[end:end + 3]
    if len(tail) >= 2 and tail[0] in "’'" and tail[1] == "s" and (len(tail) == 2 or not tail[2].isalpha()):
        return True
    return last_word.endswith("s") and tail[:1] in ("’", "'") and not tail[1:2].isalpha()


def _word_before(text: str, pos: int) -> str:
    """The word right before ``pos`` when only spaces separate them, else ""."""
    i = pos
    while i > 0 and text[i - 1] in " \u00a0":
        i -= 1
    if i == pos:
        return ""
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "’'-"):
        j -= 1
    return text[j:i]


def word_before(text: str, pos: int) -> str:
    """The word right before ``pos`` (lower-cased) when only spaces separate them, else ""."""
    return _word_before(text, pos).lower()


def words_after(text: str, pos: int, count: int = 3) -> list[str]:
    """Up to ``count`` words after ``pos``, stopping at sentence punctuation (commas kept as ",")."""
    out: list[str] = []
    i, n = pos, len(text)
    while len(out) < count and i < n:
        ch = text[i]
        if ch in " \u00a0":
            i += 1
            continue
        if ch.isalnum():
            j = i
            while j < n and (text[j].isalnum() or text[j] in "’'-" and j + 1 < n and text[j + 1].isalnum()):
                j += 1
            out.append(text[i:j])
            i = j
            continue
        if ch in ",:—–":
            out.append(ch)
            i += 1
            continue
        break
    return out


def title_word(word: str) -> str:
    """A capitals-only word in normal case: "MIN-JI" -> "Min-ji", "OKAFOR-BELL" -> "Okafor-Bell"."""
    parts = word.split("-")
    if len(parts) > 1 and all(len(p) <= 4 for p in parts):
        return "-".join([parts[0].capitalize(), *(p.lower() for p in parts[1:])])
    return "-".join(p.capitalize() for p in parts)
