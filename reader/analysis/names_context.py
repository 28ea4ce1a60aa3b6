"""The names an article itself says are not characters: the show and the episode title (from
the headline), the site, and the byline's author. Also which headings are in title case, where a
capital letter says nothing about a name.
"""

from __future__ import annotations

import re

from reader.analysis.names import find_name_spans, fold
from reader.analysis.names_lexicon import PARTICLES
from reader.article import Article

_EPISODE_MARK = re.compile(
    r"^(?P<head>.*?)[ \u00a0]*(?:[:,–—|-][ \u00a0]*)?(?:Season|Series|Episode|episode|Ep\.?[ \u00a0]*\d|"
    r"S\d+[ \u00a0]*E\d+|\d+x\d+|Premiere|premiere|Finale|finale|Recap|recap|Review|review)\b"
)
_QUOTED = re.compile(r"[‘“\"']([^‘’“”\"]{2,80})[’”\"']")
_TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def squash(text: str) -> str:
    """Folded without spaces: a subreddit "SomeShow" is the show "Some Show"."""
    return fold(text).replace(" ", "")


def title_case(text: str) -> bool:
    """A heading in title case ("The Night Everything Went Wrong") says nothing about which
    capitalised words are names."""
    long = [w for w in _TITLE_WORD.findall(text) if len(w) >= 4]
    return len(long) >= 2 and sum(w[0].isupper() for w in long) / len(long) >= 0.75


def article_names(article: Article, lower_vocab: frozenset[str]) -> tuple[set[str], set[str]]:
    """Folded names that are never characters (show, episode title, site, byline) and the
    words of people who are not characters (the byline's author)."""
    excluded: set[str] = set()
    words: set[str] = set()
    title = article.title or ""
    pieces = [m.group(1) for m in _QUOTED.finditer(title)]
    head = _EPISODE_MARK.match(title)
    if head and head.group("head"):
        pieces.append(head.group("head"))
    if article.site:
        pieces.append(article.site)
    for piece in pieces:
        excluded.update((fold(piece.strip()), squash(piece.strip())))
        for span in find_name_spans(-1, piece, lower_vocab):
            excluded.update((fold(span.key), squash(span.key)))
    for author in re.split(r",|\band\b|&", article.byline or ""):
        for span in find_name_spans(-1, author, lower_vocab):
            excluded.add(fold(span.key))
            words.update(fold(w) for w in span.words if w not in PARTICLES)
    return excluded, words
