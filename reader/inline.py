"""Turn a block's raw text into its final text, formatting runs and spoiler spans.

It sits below both the loaders and the extraction, beside the article model it fills: the
extraction's block builder applies the same text spoiler forms (``>!x!<``, ``||x||``) to a web
page's blocks that the loaders apply to text and Markdown, and neither layer should reach up
into the other for it.

The text and Markdown loaders assemble a block from pieces that still carry markup: typed
emphasis (``**bold**``), spoiler delimiters (``>!x!<``), line breaks and runs of spaces. Each
such character is either cut or collapsed, and every range recorded on the raw text (a bold run,
a link, a spoiler) must land on the same words of the final text. Recording all cuts first and
remapping the ranges once keeps those offsets right whatever order the markup was found in.

Everything here is linear in the text (regexes with bounded repeats, ``str.find`` scans that
never restart from the same place), so a hostile file full of unclosed ``>!`` stays fast.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from reader.article import InlineRun, MarkedSpoiler, RunStyle

# Characters that take no room on screen but would break word matching and offsets.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")
# Typed emphasis in plain text. Bounded lengths keep a line full of stray asterisks linear.
_BOLD = re.compile(r"(?<![*\w])\*\*(?=[^\s*])(.{1,500}?)(?<=[^\s*])\*\*(?![*\w])|"
                   r"(?<![_\w])__(?=[^\s_])(.{1,500}?)(?<=[^\s_])__(?![_\w])", re.S)
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*]{1,300}?)(?<=[^\s*])\*(?![*\w])|"
                     r"(?<![_\w])_(?=[^\s_])([^_]{1,300}?)(?<=[^\s_])_(?![_\w])", re.S)
_URL = re.compile(r"\bhttps?://[^\s<>\"'\]]+", re.I)
_URL_TRAILING = ".,;:!?'\"’”)"

# Spoiler forms typed into text (DESIGN.md): Reddit, Discord and BBCode. The names match the
# ones the HTML loader records, so a reason can say "marked as spoiler" whatever the source.
FORM_REDDIT = "text:>!"
FORM_DISCORD = "text:||"
FORM_BBCODE = "text:[spoiler]"
_BB_OPEN = re.compile(r"\[spoiler(?:=[^\]\n]{0,100})?\]", re.I)
_BB_CLOSE = re.compile(r"\[/spoiler\]", re.I)


@dataclass
class _Range:
    start: int
    end: int
    style: str  # a RunStyle, or "spoiler"
    href: str | None = None  # link address, or the spoiler form


@dataclass
class Draft:
    """A block's raw text with the cuts (markup to remove) and ranges found on it so far."""

    raw: str
    cuts: list[tuple[int, int]] = field(default_factory=list)
    ranges: list[_Range] = field(default_factory=list)
    _cut_points: set[int] = field(default_factory=set, repr=False)

    def delete(self, start: int, end: int) -> None:
        """Mark ``raw[start:end]`` (markup) for removal."""
        start, end = max(0, start), min(len(self.raw), end)
        if end > start:
            self.cuts.append((start, end))
            if end - start <= 16:
                self._cut_points.update(range(start, end))

    def is_cut(self, index: int) -> bool:
        """Whether ``raw[index]`` is a (short) markup cut already, e.g. half of a ``**``."""
        return index in self._cut_points

    def add(self, start: int, end: int, style: str, href: str | None = None) -> None:
        """Record a run or spoiler over ``raw[start:end]``."""
        if end > start:
            self.ranges.append(_Range(start, end, style, href))


class DraftBuilder:
    """Collects text pieces and open/close formatting into a ``Draft`` (used by Markdown)."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._open: list[tuple[str, int, str | None]] = []
        self._ranges: list[_Range] = []

    def text(self, piece: str) -> None:
        self._parts.append(piece)
        self._length += len(piece)

    def open(self, style: RunStyle, href: str | None = None) -> None:
        self._open.append((style, self._length, href))

    def close(self, style: RunStyle) -> None:
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == style:
                _, start, href = self._open.pop(i)
                if self._length > start:
                    self._ranges.append(_Range(start, self._length, style, href))
                return

    def plain(self) -> str:
        return "".join(self._parts)

    def draft(self) -> Draft:
        """Close whatever is still open and hand back the assembled draft."""
        while self._open:
            style, start, href = self._open.pop()
            if self._length > start:
                self._ranges.append(_Range(start, self._length, style, href))
        d = Draft("".join(self._parts))
        d.ranges.extend(self._ranges)
        return d

    def take(self) -> Draft:
        """The draft so far; the builder starts over, keeping open formatting open.

        Used at a hard line break: the text after it is a new block, but a ``**`` that spans
        the break still applies to its words there.
        """
        still_open = [(style, href) for style, _, href in self._open]
        d = self.draft()
        self._parts, self._length, self._ranges = [], 0, []
        self._open = [(style, 0, href) for style, href in still_open]
        return d


# ---------------------------------------------------------------- finding markup


def mark_spoiler_forms(draft: Draft) -> None:
    """Cut ``>!x!<``, ``||x||`` and ``[spoiler]x[/spoiler]`` delimiters, recording the spans.

    Leftmost form first, non-overlapping, like one regex alternation would, but each closer is
    searched once per opener and a form with no closer left is dropped, which keeps it linear.
    """
    raw = draft.raw
    if ">!" not in raw and "||" not in raw and "[" not in raw:
        return
    active = {"reddit", "discord", "bbcode"}
    nxt: dict[str, tuple[int, int]] = {}  # form -> (opener start, opener end), cached
    pos = 0
    while active:
        for form in list(active):
            cached = nxt.get(form)
            if cached is None or cached[0] < pos:
                found = _find_opener(raw, form, pos)
                if found is None:
                    active.discard(form)
                    nxt.pop(form, None)
                else:
                    nxt[form] = found
        if not active:
            return
        form = min(active, key=lambda f: nxt[f][0])
        o_start, o_end = nxt[form]
        closed = _find_closer(raw, form, o_end)
        if closed is None:
            if form != "discord":  # no closer anywhere after: no later opener can close either
                active.discard(form)
            nxt.pop(form, None)
            pos = o_start + 1 if form == "discord" else pos
            continue
        c_start, c_end = closed
        if not raw[o_end:c_start].strip():
            nxt.pop(form, None)
            pos = o_start + 1
            continue
        draft.delete(o_start, o_end)
        draft.delete(c_start, c_end)
        draft.add(o_end, c_start, "spoiler",
                  {"reddit": FORM_REDDIT, "discord": FORM_DISCORD, "bbcode": FORM_BBCODE}[form])
        pos = c_end


def _find_opener(raw: str, form: str, pos: int) -> tuple[int, int] | None:
    if form == "reddit":
        i = raw.find(">!", pos)
        return None if i < 0 else (i, i + 2)
    if form == "discord":
        i = raw.find("||", pos)
        return None if i < 0 else (i, i + 2)
    m = _BB_OPEN.search(raw, pos)
    return None if m is None else m.span()


def _find_closer(raw: str, form: str, pos: int) -> tuple[int, int] | None:
    if form == "reddit":
        j = raw.find("!<", pos + 1)  # at least one character inside
        return None if j < 0 else (j, j + 2)
    if form == "discord":
        # Discord's content stays on one line and holds no pipe.
        bar = raw.find("|", pos + 1)
        if bar < 0 or raw[bar : bar + 2] != "||" or raw.find("\n", pos, bar) >= 0:
            return None
        return bar, bar + 2
    m = _BB_CLOSE.search(raw, pos + 1)
    return None if m is None else m.span()


def mark_typed_emphasis(draft: Draft) -> None:
    """Find ``**bold**``/``__bold__`` and ``*italic*``/``_italic_`` typed into plain text."""
    raw = draft.raw
    if "*" not in raw and "_" not in raw:
        return
    for m in _BOLD.finditer(raw):
        group = 1 if m.group(1) is not None else 2
        s, e = m.span(group)
        draft.delete(m.start(), s)
        draft.delete(e, m.end())
        draft.add(s, e, "bold")
    for m in _ITALIC.finditer(raw):
        if draft.is_cut(m.start()) or draft.is_cut(m.end() - 1):
            continue  # part of a bold marker already taken
        group = 1 if m.group(1) is not None else 2
        s, e = m.span(group)
        draft.delete(m.start(), s)
        draft.delete(e, m.end())
        draft.add(s, e, "italic")


def mark_bare_urls(draft: Draft) -> None:
    """Make ``http(s)://`` addresses typed into plain text links (the UI still asks first)."""
    if "://" not in draft.raw:
        return
    for m in _URL.finditer(draft.raw):
        url = m.group(0)
        while url and url[-1] in _URL_TRAILING:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        if len(url) > len("https://"):
            draft.add(m.start(), m.start() + len(url), "link", url)


# ---------------------------------------------------------------- applying it


class _Shift:
    """Maps positions across the removal of sorted, disjoint intervals."""

    def __init__(self, removed: list[tuple[int, int]]) -> None:
        self._starts = [a for a, _ in removed]
        self._ends = [b for _, b in removed]
        self._before: list[int] = []
        total = 0
        for a, b in removed:
            self._before.append(total)
            total += b - a

    def __call__(self, pos: int) -> int:
        k = bisect_right(self._starts, pos) - 1
        if k < 0:
            return pos
        a, b = self._starts[k], self._ends[k]
        if pos < b:
            return a - self._before[k]
        return pos - self._before[k] - (b - a)


def _merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _without(text: str, removed: list[tuple[int, int]]) -> str:
    parts, pos = [], 0
    for a, b in removed:
        parts.append(text[pos:a])
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def finish(draft: Draft) -> tuple[str, list[InlineRun], list[MarkedSpoiler]]:
    """Apply the cuts, collapse whitespace and map every range onto the final text."""
    raw = draft.raw
    cuts = list(draft.cuts)
    cuts.extend(m.span() for m in _INVISIBLE.finditer(raw))
    cuts = _merge(cuts)
    visible = _without(raw, cuts) if cuts else raw

    squeeze: list[tuple[int, int]] = []
    for m in _SPACES.finditer(visible):
        a, b = m.span()
        if a == 0 or b == len(visible):
            squeeze.append((a, b))
        elif b - a > 1 or visible[a] != " ":
            squeeze.append((a + 1, b))  # keep one character, made a plain space below
    text = " ".join(visible.split()) if squeeze else visible

    if not draft.ranges:
        return text, [], []
    to_visible, to_text = _Shift(cuts), _Shift(squeeze)
    length = len(text)
    runs: list[InlineRun] = []
    spoilers: list[MarkedSpoiler] = []
    for r in draft.ranges:
        start = min(to_text(to_visible(r.start)), length)
        end = min(to_text(to_visible(r.end)), length)
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start >= end:
            continue
        if r.style == "spoiler":
            spoilers.append(MarkedSpoiler(r.href or "text", start, end))
        else:
            runs.append(InlineRun(start, end, r.style, r.href))  # type: ignore[arg-type]
    runs.sort(key=lambda run: (run.start, run.end))
    spoilers.sort(key=lambda s: (s.start, s.end))
    return text, runs, spoilers


def render(draft: Draft) -> tuple[str, list[InlineRun], list[MarkedSpoiler]]:
    """Spoiler delimiters out, then the cuts and whitespace: the usual last step."""
    mark_spoiler_forms(draft)
    return finish(draft)
