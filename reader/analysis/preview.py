"""Season previews: news about a season that has not aired yet.

"Everything we know about season 4" articles give a release date, who is back as whom, who
joins the cast, whether there is a trailer and when filming wrapped. None of that can spoil an
episode, because no episode of that season has aired. Read as a recap, the cast lines ("X is
back as Captain Y") and the quotes from the showrunner looked like narration and the whole
article was hidden (blind set 2). What such an article can spoil is the story so far: the
shield's model weighs this page-level fact with the block's own narration (``shield_features``).

The test is the shape of the article: it is about a season (its headline names it) yet about
no episode of it, and it carries several kinds of release news. Never a show or a name.
"""

from __future__ import annotations

import re

from reader.analysis.asides import season_numbers
from reader.analysis.text import lazy_compile
from reader.article import Article, EpisodeInfo


# Each kind of release news, counted once however often it occurs.
_NEWS_KINDS = (
    lazy_compile(r"\bpremieres? (?:on|in)\b|\b(?:release|premiere) date\b|\bcomes? out\b|\bcoming back\b", re.I),
    lazy_compile(r"\b(?:is|are) (?:back|returning) as\b|\breturns? as\b|\bjoins? (?:the cast|as)\b"
               r"|\bjoins? in a (?:recurring|guest|main) role\b", re.I),
    lazy_compile(r"\btrailer\b|\bteaser\b|\bfirst[- ]look\b", re.I),
    lazy_compile(r"\b(?:production|filming|shooting) (?:has )?(?:wrapped|began|begins|started|starts|is underway)\b"
               r"|\bwrapped (?:filming|production)\b", re.I),
    lazy_compile(r"\beverything we know\b|\bwhat we know\b", re.I),
)
#: Kinds of release news an article needs before it counts as a preview.
MIN_NEWS_KINDS = 3


def is_season_preview(article: Article, episode: EpisodeInfo) -> bool:
    """Is ``article`` about a season to come, rather than an episode that aired?"""
    if episode.episode is not None or episode.season is None:
        return False
    if episode.season not in season_numbers(article.title or ""):
        return False
    text = "\n".join([article.title or ""] + [b.text for b in article.blocks])
    return sum(1 for kind in _NEWS_KINDS if kind.search(text)) >= MIN_NEWS_KINDS
