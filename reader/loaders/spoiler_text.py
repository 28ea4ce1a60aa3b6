"""Inline spoiler forms typed into text: Reddit ``>!x!<``, Discord ``||x||``, BBCode
``[spoiler]x[/spoiler]``.

Shared by every loader: the delimiters are removed from the reader's text and the words between
them are recorded as a ``MarkedSpoiler`` span with offsets into the cleaned text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.article import MarkedSpoiler

_FORMS = re.compile(
    r">!(?P<reddit>.+?)!<|\|\|(?P<discord>[^|\n]+?)\|\||\[spoiler(?:=[^\]]*)?\](?P<bbcode>.+?)\[/spoiler\]",
    re.I | re.S,
)
_FORM_NAMES = {"reddit": "text:>!", "discord": "text:||", "bbcode": "text:[spoiler]"}


def extract_text_spoilers(
    text: str,
) -> tuple[str, list[MarkedSpoiler], Callable[[int], int]] | None:
    """Remove spoiler delimiters from ``text``.

    Returns ``None`` when the text has none; otherwise the cleaned text, the marked spans and a
    function that maps an offset in the original text to the cleaned one (for formatting runs).
    """
    matches = list(_FORMS.finditer(text))
    if not matches:
        return None
    out: list[str] = []
    spans: list[MarkedSpoiler] = []
    removed: list[tuple[int, int]] = []  # (original position, characters removed up to there)
    pos = 0
    dropped = 0
    for m in matches:
        group = next(name for name in _FORM_NAMES if m.group(name) is not None)
        inner_start, inner_end = m.span(group)
        out.append(text[pos : m.start()])
        dropped += inner_start - m.start()
        removed.append((inner_start, dropped))
        start = inner_start - dropped
        inner = text[inner_start:inner_end]
        out.append(inner)
        spans.append(MarkedSpoiler(_FORM_NAMES[group], start, start + len(inner)))
        dropped += m.end() - inner_end
        removed.append((m.end(), dropped))
        pos = m.end()
    out.append(text[pos:])
    cleaned = "".join(out)

    def shift(offset: int) -> int:
        delta = 0
        for position, total in removed:
            if offset >= position:
                delta = total
            else:
                break
        return max(0, min(len(cleaned), offset - delta))

    # Collapse whitespace the delimiters may have left at the edges.
    stripped = cleaned.strip()
    if stripped != cleaned:
        lead = len(cleaned) - len(cleaned.lstrip())
        cleaned = stripped
        spans = [MarkedSpoiler(s.form, max(0, s.start - lead), min(len(cleaned), s.end - lead)) for s in spans]
        base_shift = shift

        def shift(offset: int) -> int:  # noqa: F811 - deliberate rebinding
            return max(0, min(len(cleaned), base_shift(offset) - lead))

    return cleaned, spans, shift
