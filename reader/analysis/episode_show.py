"""Read the show's name next to an episode reference: in a headline ("‘Copper Bell’ Season 2",
"Salt Road 3x05 “Undertow”", "Night Orchard: Episode 4"), in running text ("spoilers for
Copper Bell Season 2", "episode 82 of Las Hermanas Ocampo") or in a subreddit ("r/CopperBell").

The name is found by its shape (quotes, capitalisation, its place beside the reference), never by
knowing shows. A quoted title straight after an episode code is the episode's title, not the show.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.analysis.episode_refs import EpisodeRef, find_refs
from reader.analysis.text import whole_phrase_at
from reader.library.progress import fold_show

__all__ = ["show_in_title", "shows_in_text", "show_from_subreddit", "quoted_spans"]

# Opening quote -> closing quote. A closing single quote followed by a letter is an apostrophe
# ("‘The Miller’s Wife’"), so it does not end the span.
_QUOTED = re.compile(
    r"‘(?P<a>(?:[^’\n]|’(?=\w)){1,80})’(?!\w)"
    r"|“(?P<b>[^”\n]{1,80})”"
    r"|(?<![\w'])'(?P<c>(?:[^'\n]|'(?=\w)){1,80})'(?!\w)"
    r"|(?<![\w\"])\"(?P<d>[^\"\n]{1,80})\""
    r"|«\s?(?P<e>[^»\n]{1,80}?)\s?»"
    r"|„(?P<f>[^“”\n]{1,80})[“”]"
)
# Words that mark a headline as being about a show even with no episode number.
_WEAK_MARKER = re.compile(
    r"\b(?:recap|review|discussion|thread|write-?up|breakdown|power\s+rankings|ending\s+explained|"
    r"spoilers?|live-?blog|watch-?along)\b",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*(?::|\||·|•|\s[–—-]\s|[–—]|\(|\)|\[|\]|,|;|\?|!)\s*")
_OF = re.compile(r"\s*(?:of|from|for)\s+", re.IGNORECASE)
_YEAR = re.compile(r"\s?\((?:19|20)\d\d\)")
_TAG = re.compile(r"^\s*[\[(][^\])]{1,30}[\])]\s*")  # "[Spoilers]" / "(Recap)" tags on forums
_SUBREDDIT = re.compile(r"(?<![\w/])/?r/(?P<name>[A-Za-z0-9][A-Za-z0-9_]{1,20})\b")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=[A-Z])(?=[A-Z][a-z])")
_TOKEN = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"[’']s?$")

# Small words that may sit inside a show's name between capitalised words. "and", "in" and "at"
# are left out: in running text they join two names ("Ida and Tom in Copper Bell").
_CONNECTORS = frozenset("of the de del la las los el di da du des le les von van der den y et &".split())
# In a headline's name segment "and" between two capitalised words is part of the name ("Salt and
# Honey season 1", "‘Silk and Salt’ episode 7", "Crumb & Crown series 4"): a headline puts the
# show, not a list of people, before its episode number.
_HEADLINE_JOINERS = frozenset({"and"})
# Capitalised words that start a sentence or a headline but never a show's name.
_LEADERS = frozenset(
    "a an and after all before but by every everything first for from here how i if in inside is it "
    "its my new next now on our recap recapping review reviewing so spoilers spoiler that these this "
    "those tonight tv we week weekly what when where who why with watch watching warning your "
    "full major minor big latest episode season series premiere finale thoughts discussion "
    "recaps reviews breaking exclusive monday tuesday wednesday thursday friday saturday sunday "
    "monday's tuesday's wednesday's thursday's friday's saturday's sunday's tonight's last "
    "january february march april may june july august september october november december".split()
)
# Whole names that are generic words rather than a show.
_GENERIC = frozenset(
    "recap review episode season series premiere finale spoilers spoiler discussion thread tv "
    "television the show this week tonight news podcast pod newsletter issue".split()
)
# Subreddits about television in general rather than one show.
_GENERIC_SUBREDDITS = frozenset(
    "television tv movies netflix hbo kdrama kdramas cdrama anime telenovelas tvdetails "
    "britishtv boxoffice entertainment popculturechat".split()
)


def quoted_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, inner text) of each quoted stretch, outer quotes included in the span."""
    spans = []
    for m in _QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        spans.append((m.start(), m.end(), inner.strip()))
    return spans


def _clean(name: str | None, avoid: Sequence[str], body: str = "") -> str | None:
    """Trim a candidate to a plausible show name, or None when it is not one. A leading word
    that usually opens a headline ("After", "New", "First") stays when the body writes the
    whole name with it ("Before the First Frost airs on Sundays")."""
    if not name:
        return None
    name = re.sub(r"\s+", " ", name).strip(" \t:;,.|–—-([)]\"'‘’“”")
    name = _POSSESSIVE.sub("", name) if not name.endswith(("’’", "''")) else name
    words = name.split()
    while words and words[0].casefold().strip("“‘\"'") in _LEADERS and len(words) > 1:
        if body and len(words) > 2 and _written_in(" ".join(words), body):
            break
        words.pop(0)
    while words and words[-1].islower() and words[-1].casefold() in _CONNECTORS | {"and", "a", "an"}:
        words.pop()
    name = " ".join(words).strip(" :;,.–—-")
    if not name or len(words) > 8 or len(name) > 70:
        return None
    if not any(c.isalpha() and not c.islower() for c in name):  # a capital, or a caseless script (빵집)
        return None
    folded = fold_show(name)
    if folded in _GENERIC or all(w.casefold() in _LEADERS | _CONNECTORS for w in words):
        return None
    if any(folded == fold_show(a) for a in avoid if a):
        return None
    return name


def _is_episode_title(span: tuple[int, int, str], refs: Sequence[EpisodeRef], text: str) -> bool:
    """A quoted title straight after an episode code (“Undertow”) names the episode."""
    start = span[0]
    return any(r.kind in ("code", "episode", "ordinal") and r.end <= start
               and re.fullmatch(r"[\s:,–—-]*", text[r.end:start]) for r in refs)


def _segment_before(text: str, pos: int) -> tuple[str, int]:
    """The headline segment ending at ``pos`` (back to the previous separator) and its start."""
    cut = 0
    for m in _SEPARATOR.finditer(text, 0, pos):
        if m.end() <= pos:
            cut = m.end()
    return text[cut:pos], cut


def _run_after_of(text: str, pos: int) -> str | None:
    """A capitalised name following "of" right after a reference ("episode 82 of Las Hermanas Ocampo")."""
    m = _OF.match(text, pos)
    if not m:
        return None
    start = m.end()
    for q_start, _q_end, inner in quoted_spans(text[start:start + 90]):
        if q_start == 0:
            return inner
    return _capitalised_run(text[start:start + 90], forward=True)


def _capitalised_run(text: str, forward: bool, joiners: frozenset[str] = frozenset()) -> str | None:
    """The run of capitalised words (with small connectors) at the start or end of ``text``.
    A word of ``joiners`` is kept only between two capitalised words."""
    tokens = _TOKEN.findall(text)
    if not forward:
        tokens.reverse()
    run: list[str] = []
    for i, token in enumerate(tokens):
        word = token.strip("“”\"()")
        stop_after = forward and bool(re.search(r"[.,:;!?)]$", token))
        stop_before = not forward and bool(re.search(r"[.,:;!?(]$", token)) and i > 0
        if stop_before:
            break
        capital = bool(word) and (word[0].isupper() or word[0].isdigit() or word.startswith("#"))
        joins = bool(run) and word in joiners and i + 1 < len(tokens) and tokens[i + 1][:1].isupper()
        if capital or joins or (run and word.casefold() in _CONNECTORS):
            run.append(word.rstrip(".,:;!?"))
        else:
            break
        if stop_after:
            break
    if not forward:
        run.reverse()
    while run and run[0].islower():
        run.pop(0)
    while run and run[-1].islower():
        run.pop()
    return " ".join(run) or None


def show_in_title(title: str, refs: Sequence[EpisodeRef], avoid: Sequence[str] = (), body: str = "") -> str | None:
    """The show a headline is about, read from beside its episode reference or recap word.

    ``body`` (the article's text) settles an unquoted name's extent: "Everything That Happened In
    Copper Bell Season 2" is about the "Copper Bell" the body talks about.
    """
    tag = _TAG.match(title)
    offset = tag.end() if tag else 0
    # A year in parentheses belongs to the name's disambiguation, not to the headline's structure.
    text = _YEAR.sub(lambda m: " " * len(m.group()), title[offset:])
    refs = [EpisodeRef(r.start - offset, r.end - offset, r.kind, r.season, r.episode, r.qualifier)
            for r in refs if r.start >= offset]
    markers = sorted([(r.start, r.end) for r in refs] + [m.span() for m in _WEAK_MARKER.finditer(text)])
    all_spans = quoted_spans(text)
    spans = [s for s in all_spans if not _is_episode_title(s, refs, text)]
    # Segments are read with every marker turned into a separator, so "Episode 5 recap" holds no
    # name between its two markers.
    masked = list(text)
    for m_start, m_end in markers:
        masked[m_start:m_end] = "|" + " " * (m_end - m_start - 1)
    plain = "".join(masked)
    # 1. A quoted name straight before a marker: "‘Copper Bell’ Season 2", "The ‘X’ finale".
    for _start, end, inner in spans:
        if any(re.fullmatch(r"[\s’']*s?[\s:,–—-]*", text[end:m_start]) for m_start, _ in markers if m_start >= end):
            if name := _clean(inner, avoid):
                return name
    if not markers:
        return _clean(spans[0][2], avoid) if spans else None
    for m_start, _m_end in markers:
        if any(s < m_start < e for s, e, _ in all_spans):
            continue  # a marker inside quotes ("‘Episode 5’") is part of a title
        # 2. Unquoted words before the marker, in its segment: "Salt Road 3x05".
        segment, seg_start = _segment_before(plain, m_start)
        if not segment.strip() and seg_start > 0:
            # 3. The segment before, when the marker opens its own: "Night Orchard: Episode 4".
            previous = plain[:seg_start].rstrip(" :|·•–—-(,;")
            segment, seg_start = _segment_before(plain, len(previous))
        if segment.strip() and not any(s < m_start and e > seg_start for s, e, _ in all_spans):
            if name := _clean(_name_part(segment, body), avoid, body):
                return name
    # 4. "Episode 4 of Night Orchard", "Recap of ‘X’".
    for _m_start, m_end in markers:
        if name := _clean(_run_after_of(text, m_end), avoid):
            return name
    # 5. Any other quoted name in the headline.
    for _start, _end, inner in spans:
        if name := _clean(inner, avoid):
            return name
    # 6. A capitalised name after the last marker that the body uses in the same form:
    #    "Episode 5 recap: Copper Bell".
    tail = _SEPARATOR.split(text[markers[-1][1]:])
    for part in tail:
        words = part.split()
        if body and 0 < len(words) <= 5 and all(w[0].isupper() or w in _CONNECTORS for w in words):
            if whole_phrase_at(part.strip(), body) >= 0:
                return _clean(part, avoid)
    # 7. The leading tag itself, when it is a name the body uses rather than a flair word:
    #    "[Copper Bell] Episode 5 discussion" (forums tag posts with the show as often as with
    #    "[Spoilers]").
    if tag:
        return _tag_name(title[:tag.end()], avoid, body)
    return None


def _tag_name(tag: str, avoid: Sequence[str], body: str) -> str | None:
    """The show named by a headline's leading "[...]" tag, if the body names it too."""
    inner = tag.strip().strip("[]()").strip()
    if not body or not inner or any(w.isdigit() for w in inner.split()) or find_refs(inner):
        return None
    name = _clean(inner, avoid)
    if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", body, re.IGNORECASE):
        return name
    return None


def _written_in(name: str, body: str) -> bool:
    """The body writes ``name`` exactly, capitals included, as a whole phrase."""
    return whole_phrase_at(name, body) >= 0


def _name_part(segment: str, body: str) -> str:
    """The part of a headline segment that is the name: the trailing capitalised run when the
    segment has ordinary lower-case words ("everything that happened in Copper Bell"), then
    the longest tail of it that the body also uses, in the body's capitals when the headline
    has none ("HARBOR LIGHTS", "harbor lights")."""
    words = segment.split()
    whole = " ".join(words)
    if body and len(words) > 2 and words[0][:1].isupper() and words[-1][:1].isupper() and _written_in(whole, body):
        return whole  # "Brine and Clover": the body writes the headline's words as one name
    if any(w.islower() and w not in _CONNECTORS and not _joins_names(words, i) for i, w in enumerate(words)) \
            and any(w[:1].isupper() for w in words):
        words = (_capitalised_run(segment, forward=False, joiners=_HEADLINE_JOINERS) or "").split()
    candidate = " ".join(words)
    if not body or not words:
        return candidate
    low = body.lower()
    for i in range(len(words)):
        if i and len(words) - i < 2:
            break
        tail = " ".join(words[i:])
        at = whole_phrase_at(tail.lower(), low)
        if at >= 0:
            if (tail.isupper() or tail.islower()) and len(low) == len(body):
                form = body[at:at + len(tail)]
                return form if any(c.isupper() for c in form) else tail
            return tail
    return candidate


def _joins_names(words: Sequence[str], i: int) -> bool:
    """Is ``words[i]`` an "and" between two capitalised words of a headline's name?"""
    return (words[i] in _HEADLINE_JOINERS and 0 < i < len(words) - 1
            and words[i - 1][:1].isupper() and words[i + 1][:1].isupper())


def shows_in_text(text: str, refs: Sequence[EpisodeRef], avoid: Sequence[str] = ()) -> list[str]:
    """Show names that running text puts beside an episode or season reference, in order."""
    found: list[str] = []
    spans = quoted_spans(text)
    for ref in refs:
        if ref.kind not in ("code", "episode", "season", "premiere", "finale"):
            continue
        candidate = None
        for _start, end, inner in spans:
            if end <= ref.start and re.fullmatch(r"[\s’']*s?\s*", text[end:ref.start]):
                candidate = inner
        if candidate is None:
            candidate = _run_after_of(text, ref.end)
        if candidate is None:
            # "spoilers for Copper Bell Season 2", "the Salt Road season finale"; not
            # "Odile Brenn, season 2's breakout" (punctuation between) nor "Tuesday's finale".
            before = text[max(0, ref.start - 90):ref.start]
            if re.search(r"[^\W_][’']?s?’? $", before):
                candidate = _capitalised_run(_POSSESSIVE.sub("", before.rstrip()), forward=False)
        if name := _clean(candidate, avoid):
            found.append(name)
    return found


def show_from_subreddit(*texts: str | None) -> str | None:
    """A show's name from its subreddit ("r/CopperBell" -> "Copper Bell")."""
    for text in texts:
        for m in _SUBREDDIT.finditer(text or ""):
            name = m["name"]
            if name.casefold() in _GENERIC_SUBREDDITS:
                continue
            return _CAMEL.sub(" ", name).replace("_", " ")
    return None
