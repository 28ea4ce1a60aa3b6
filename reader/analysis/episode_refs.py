"""Find the places where a text names an episode or a season ("S2E5", "3x05", "Season 2, Episode
5", "episode one", "series 3", "the first season", "premiere", "finale", "all 82 episodes").

One compiled alternation scanned once per text keeps this linear in the text's length; choosing
between the references is episode.py's job, this module only reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["EpisodeRef", "RefKind", "find_refs", "number_value"]

RefKind = Literal["code", "episode", "ordinal", "season", "premiere", "finale", "pilot", "count"]

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ORDINAL_UNITS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                  "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                  "nineteenth").split()
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50}

_CARDINALS: dict[str, int] = {w: i for i, w in enumerate(_UNITS) if i} | _TENS
_ORDINALS: dict[str, int] = {w: i for i, w in enumerate(_ORDINAL_UNITS) if i} | _ORDINAL_TENS
for _tens, _t in _TENS.items():
    for _i in range(1, 10):
        _CARDINALS[f"{_tens}-{_UNITS[_i]}"] = _t + _i
        _CARDINALS[f"{_tens} {_UNITS[_i]}"] = _t + _i
        _ORDINALS[f"{_tens}-{_ORDINAL_UNITS[_i]}"] = _t + _i


def _cardinal_words() -> str:
    """Every number word of ``_CARDINALS`` as one short pattern: "twenty", "twenty-one" or
    "twenty one" (any whitespace), "one" to "nineteen".

    Written out, the list is 170 alternatives, and the episode pattern needs it nine times: it cost
    18 ms to compile at every start. The factored form tries the same words in the same order,
    longest first (a tens word with its unit before the tens word alone, tens before "six",
    "sixteen" before "six"), so it matches exactly where the list did."""
    tens = "|".join(_TENS)
    compound_units = "|".join(_UNITS[1:10])
    units = "|".join(sorted(_UNITS[1:], key=len, reverse=True))
    return rf"(?:{tens})(?:(?:-|\s+)(?:{compound_units}))?|{units}"


_NUM = rf"(?:\d{{1,4}}|{_cardinal_words()})"
# "Episode" in the languages recaps of foreign shows borrow from most often.
_EPISODE_WORD = (r"(?:episode|ep\.?|eps\.?|chapter|bölüm|capítulo|capitulo|episodio|épisode|folge|"
                 r"aflevering|odcinek|jakso|avsnitt)")
_SEASON_WORD = r"(?:season|series|saison|temporada|staffel|sezon)"

# Cheap keywords first: the detailed patterns (with their long number-word alternations) run only
# where one of these occurs. The keywords are matched on the lower-cased text as plain literals,
# which Python's regex engine scans far faster than a case-insensitive alternation.
# The lookahead holds every letter an anchor starts with: it is tried at every position of the
# blocks read, and most positions then fail at one class instead of at each word in turn.
_ANCHOR = re.compile(
    r"(?=[\dsecbéfaojtp])(?:s\d{1,2}\s?[.\-]?\s?e|\d{1,2}x\d|episodes?|eps?(?:\b|(?=\d))|chapter|bölüm|capítulo|capitulo|episodio|épisode|"
    r"folge|aflevering|odcinek|jakso|avsnitt|season|series|saison|temporada|staffel|sezon|finale|"
    r"premi[eè]re|pilot|part\s+\w+\s+of\b)"
)
_ANCHOR_ANY_CASE = re.compile(_ANCHOR.pattern, re.IGNORECASE)
_DOTTED = re.compile(r"(?<![\w.$£€¥])(\d{1,2})\.(\d{2})(?![\w.%])")
_NO_LEFT = {"s": "#", "d": ".#/"}  # besides word characters, what may not precede a code
# Languages that write the number before the episode word: Turkish "27. Bölüm", Japanese and
# Chinese "第6話" / "第6集", Korean "3화" / "3회".
_NUMBER_FIRST = re.compile(
    r"(?<![\w.])(\d{1,4})\.?\s?b[öo]l[üu]m\b|第\s?(\d{1,4})\s?[話话集回]|(?<![\w.])(\d{1,4})\s?[화회](?![가-힣])",
    re.IGNORECASE,
)
_NUMBER_FIRST_CUES = "話话集回화회"


# Patterns that start at an anchor.
_AT = re.compile(
    rf"""
    S(?P<sxe_s>\d{{1,2}})\s?[.\-]?\s?E(?:p\.?\s?)?(?P<sxe_e>\d{{1,4}})
        (?:(?:[-–]E?|\s?(?:[-–&+]|and)\s?E)(?P<sxe_e2>\d{{1,4}}))?(?!\w)
  | (?P<nx_s>\d{{1,2}})x(?P<nx_e>\d{{1,3}})(?:(?:[-–](?:\d{{1,2}}x)?|\s?[-–&+]\s?\d{{1,2}}x)(?P<nx_e2>\d{{1,3}}))?(?![\w.])
  | (?:episodes|eps\.?)\s*(?P<eps_a>{_NUM})\s*(?:[-–&+,]|and|to|through)\s*(?:e(?:p\.?\s*)?)?(?P<eps_b>{_NUM})\b
  | (?:episode|ep\.?)\s*(?P<ep_a>{_NUM})\s*(?:[-–&+]|and|to|through)\s*(?:e(?:p\.?\s*)?)?(?P<ep_b>\d{{1,4}})\b(?![-–]\w)
  | {_SEASON_WORD}\s+(?P<se_s>{_NUM})\s*[,:;/–—-]?\s*(?:and\s+)?{_EPISODE_WORD}\s*(?P<se_e>{_NUM})\b
  | episode\s+(?P<cnt_kind>season|series|run|drama|show|saga|story|arc)\b
  | part\s+(?P<part>{_NUM})\s+of\s+(?P<part_of>{_NUM})\b
  | {_EPISODE_WORD}\s*(?:[:：]\s*)?(?:no\.?:?\s*|number\s+|\#\s?)?(?P<ep>{_NUM})\b(?![-–]\w)
  | {_SEASON_WORD}(?:\s*[:：])?\s+(?P<s>{_NUM})\b
  | (?P<fin>finale)\b
  | (?P<pre>premi[eè]re)\b(?!\s+date)
  | (?P<pilot>pilot)\b
  | (?P<bare_ep>episodes?)\b
  | (?P<bare_season>{_SEASON_WORD})\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Words just before an anchor qualify it: "all 82 episodes", "a 10-episode season", "the third
# episode", "the first season", "final episode", "season finale", "series premiere". They are read
# as words, not with a regex, because a backward regex search retries at every position.
_LOOKBEHIND = 40
_PILOT_AFTER = re.compile(r"\s*(?:$|[:;,.!?|()–—]|-\s|(?:episode|recap|review|explained)\b)", re.IGNORECASE)
_QUALIFIERS = frozenset({"season", "series", "show", "midseason", "mid-season", "final-season"})


@dataclass(frozen=True, slots=True)
class EpisodeRef:
    """One reference to an episode or season at ``text[start:end]``.

    ``kind`` says how strong it is: a ``code`` states season and episode together; ``count`` is
    a total ("all 82 episodes"), which names the last episode only for a finale; ``ordinal`` is
    "the third episode"; ``qualifier`` keeps the word before premiere/finale ("series", "season",
    "midseason").
    """

    start: int
    end: int
    kind: RefKind
    season: int | None = None
    episode: int | None = None
    qualifier: str = ""


def number_value(text: str) -> int | None:
    """The integer a digit string, number word or ordinal stands for ("82", "one", "third")."""
    key = re.sub(r"\s+", " ", text.strip().casefold())
    if key.isdigit():
        return int(key)
    if key in _CARDINALS:
        return _CARDINALS[key]
    if key in _ORDINALS:
        return _ORDINALS[key]
    digits = re.match(r"(\d+)(?:st|nd|rd|th)$", key)
    return int(digits[1]) if digits else None


def find_refs(text: str, headline: bool = False) -> list[EpisodeRef]:
    """Every episode or season reference in ``text``, in order.

    A ``headline`` may also write season and episode as "2.05", which in running text is more
    often a price or a rating.
    """
    low = text.lower()
    anchors = _ANCHOR.finditer(low) if len(low) == len(text) else _ANCHOR_ANY_CASE.finditer(text)
    refs: list[EpisodeRef] = []
    pos = 0
    for anchor in anchors:
        start = anchor.start()
        if start < pos or not _bounded(low, start, anchor.end()):
            continue
        m = _AT.match(text, start)
        if m is None:
            continue
        if (ref := _read(text, m)) is not None:
            refs.append(ref)
        pos = m.end()
    if any(c in text for c in _NUMBER_FIRST_CUES) or "bölüm" in low or "bolum" in low:
        for m in _NUMBER_FIRST.finditer(text):
            if not any(r.start < m.end() and m.start() < r.end for r in refs):
                number = next(g for g in m.groups() if g is not None)
                refs.append(EpisodeRef(m.start(), m.end(), "episode", episode=int(number)))
        refs.sort(key=lambda r: r.start)
    if headline:
        for m in _DOTTED.finditer(text):
            if not any(r.start < m.end() and m.start() < r.end for r in refs):
                refs.append(EpisodeRef(m.start(), m.end(), "code", int(m[1]), int(m[2])))
        refs.sort(key=lambda r: r.start)
    return refs


def _bounded(low: str, start: int, end: int) -> bool:
    """The anchor is a whole word (or a whole code), not part of a longer one."""
    first = low[start]
    kind = "d" if first.isdigit() else ("s" if first == "s" and low[start + 1:start + 2].isdigit() else "w")
    if start and (low[start - 1].isalnum() or low[start - 1] == "_" or low[start - 1] in _NO_LEFT.get(kind, "")):
        return False
    if kind == "w" and low[start:end] in ("ep", "eps") and low[end:end + 1].isdigit():
        return True  # "Ep06"
    return kind != "w" or end >= len(low) or not (low[end].isalnum() or low[end] == "_")


def _words_before(text: str, start: int, count: int) -> list[tuple[int, str]]:
    """The last ``count`` words before ``start`` (position, lower-cased word), nearest last."""
    window_start = max(0, start - _LOOKBEHIND)
    words = [(window_start + m.start(), m.group().casefold())
             for m in re.finditer(r"\S+", text[window_start:start])]
    if window_start and words and words[0][0] == window_start:
        words.pop(0)  # cut in half by the window
    return words[-count:]


def _number_before(text: str, start: int, table: dict[str, int], before_word: str | None = None
                   ) -> tuple[int, int] | None:
    """(position, value) of a number word or digits just before ``start``, optionally itself
    preceded by ``before_word`` ("all"); ``table`` says which words count (cardinals/ordinals)."""
    if start == 0 or not text[start - 1].isspace():
        return None
    words = _words_before(text, start, 3)
    if not words:
        return None
    pos, word = words[-1]
    word = word.strip(",;:")
    value = int(word) if word.isdigit() and table is _CARDINALS else table.get(word)
    if value is None and table is _ORDINALS and word[:-2].isdigit() and word[-2:] in ("st", "nd", "rd", "th"):
        value = int(word[:-2])
    if value is None:
        return None
    if before_word is not None:
        if len(words) < 2 or words[-2][1] != before_word:
            return None
        pos = words[-2][0]
    elif len(words) >= 2 and words[-2][1] == "the":
        pos = words[-2][0]
    return pos, value


def _hyphen_count_before(text: str, start: int) -> tuple[int, int] | None:
    """(position, value) of "10-" / "ten-" / "ten " right before "episode season"."""
    words = _words_before(text, start, 1) if start and text[start - 1] == "-" else []
    if words:
        pos, word = words[-1]
        word = word.rstrip("-")
        value = int(word) if word.isdigit() else _CARDINALS.get(word)
        return (pos, value) if value is not None else None
    return _number_before(text, start, _CARDINALS)


def _read(text: str, m: re.Match[str]) -> EpisodeRef | None:
    g = m.groupdict()
    start, end = m.span()
    # A double episode counts as its later half: the reader must have seen both.
    if g["sxe_s"] is not None:
        return EpisodeRef(start, end, "code", int(g["sxe_s"]), max(int(g["sxe_e"]), int(g["sxe_e2"] or 0)))
    if g["nx_s"] is not None:
        return EpisodeRef(start, end, "code", int(g["nx_s"]), max(int(g["nx_e"]), int(g["nx_e2"] or 0)))
    if g["eps_a"] is not None:
        return EpisodeRef(start, end, "episode", episode=max(number_value(g["eps_a"]) or 0, number_value(g["eps_b"]) or 0))
    if g["ep_a"] is not None:
        # "Ep. 5 & 6", "episode 5-6": a range counts as its last episode, and a range ascends;
        # otherwise the second number is something else ("episode 5 and 12 people die" is rare,
        # "episode 5 to 3" never a range).
        first, second = number_value(g["ep_a"]) or 0, number_value(g["ep_b"]) or 0
        return EpisodeRef(start, end, "episode", episode=second if first < second <= first + 3 else first)
    if g["se_s"] is not None:
        return EpisodeRef(start, end, "code", number_value(g["se_s"]), number_value(g["se_e"]))
    if g["cnt_kind"] is not None:
        count = _hyphen_count_before(text, start)
        return EpisodeRef(count[0], end, "count", episode=count[1]) if count else None
    if g["part"] is not None:
        # "Part 4 of 6": a limited series counts its episodes as parts of a whole.
        part, whole = number_value(g["part"]), number_value(g["part_of"])
        if part is None or whole is None or not 0 < part <= whole:
            return None
        return EpisodeRef(start, end, "episode", episode=part)
    if g["ep"] is not None:
        return EpisodeRef(start, end, "episode", episode=number_value(g["ep"]))
    if g["s"] is not None:
        return EpisodeRef(start, end, "season", season=number_value(g["s"]))
    previous = _words_before(text, start, 1) if start and text[start - 1].isspace() else []
    if g["fin"] is not None or g["pre"] is not None:
        kind: RefKind = "finale" if g["fin"] is not None else "premiere"
        qualified = bool(previous) and previous[0][1] in _QUALIFIERS
        qualifier = previous[0][1].replace("-", "") if qualified else ""
        return EpisodeRef(previous[0][0] if qualified else start, end, kind,
                          episode=1 if kind == "premiere" else None, qualifier=qualifier)
    if g["pilot"] is not None:
        # The episode, not a person who flies: "Pilot recap", "the series' pilot:", "... pilot".
        if _PILOT_AFTER.match(text, end) or (previous and previous[0][1] in ("series", "series'", "show's")):
            return EpisodeRef(start, end, "pilot", episode=1)
        return None
    if g["bare_ep"] is not None:
        if g["bare_ep"].casefold() == "episodes":
            total = _number_before(text, start, _CARDINALS, before_word="all")
            return EpisodeRef(total[0], end, "count", episode=total[1]) if total else None
        if previous and previous[0][1] in ("final", "last"):
            return _numbered_finale(text, start, end) or EpisodeRef(previous[0][0], end, "finale")
        if ordinal := _number_before(text, start, _ORDINALS):
            return EpisodeRef(ordinal[0], end, "ordinal", episode=ordinal[1])
        return None
    if ordinal := _number_before(text, start, _ORDINALS):  # a bare season word: "the first season"
        return EpisodeRef(ordinal[0], end, "season", season=ordinal[1])
    return None


def _numbered_finale(text: str, start: int, end: int) -> EpisodeRef | None:
    """"the sixth and final episode", "the 10th and last episode": a finale that gives its number."""
    words = _words_before(text, start, 3)
    if len(words) < 3 or words[-2][1] != "and":
        return None
    pos, word = words[-3]
    value = _ORDINALS.get(word)
    if value is None and word[:-2].isdigit() and word[-2:] in ("st", "nd", "rd", "th"):
        value = int(word[:-2])
    if value is None:
        return None
    before = _words_before(text, pos, 1)
    if before and before[-1][1] == "the":
        pos = before[-1][0]
    return EpisodeRef(pos, end, "finale", episode=value)
