"""Season previews: news about a season that has not aired yet.

"Everything we know about season 4" articles give a release date, who is back as whom, who
joins the cast, whether there is a trailer and when filming wrapped. None of that can spoil an
episode, because no episode of that season has aired. Read as a recap, the cast lines ("X is
back as Captain Y") and the quotes from the showrunner looked like narration and the whole
article was hidden (blind set 2). What such an article can spoil is the story so far: a
paragraph that recounts how an earlier season ended stays hidden.

The test is the shape of the article: it is about a season (its headline names it) yet about
no episode of it, and it carries several kinds of release news. Never a show or a name.
"""

from __future__ import annotations

import re

from reader.analysis.asides import season_numbers
from reader.analysis.fates import tells_a_fate
from reader.analysis.narration import Narration
from reader.article import Article, EpisodeInfo

# Each kind of release news, counted once however often it occurs.
_NEWS_KINDS = (
    re.compile(r"\bpremieres? (?:on|in)\b|\b(?:release|premiere) date\b|\bcomes? out\b|\bcoming back\b", re.I),
    re.compile(r"\b(?:is|are) (?:back|returning) as\b|\breturns? as\b|\bjoins? (?:the cast|as)\b"
               r"|\bjoins? in a (?:recurring|guest|main) role\b", re.I),
    re.compile(r"\btrailer\b|\bteaser\b|\bfirst[- ]look\b", re.I),
    re.compile(r"\b(?:production|filming|shooting) (?:has )?(?:wrapped|began|begins|started|starts|is underway)\b"
               r"|\bwrapped (?:filming|production)\b", re.I),
    re.compile(r"\beverything we know\b|\bwhat we know\b", re.I),
)
#: Kinds of release news an article needs before it counts as a preview.
MIN_NEWS_KINDS = 3
#: A paragraph naming this many characters is telling a story, whatever its tense.
MANY_CHARACTERS = 3


def is_season_preview(article: Article, episode: EpisodeInfo) -> bool:
    """Is ``article`` about a season to come, rather than an episode that aired?"""
    if episode.episode is not None or episode.season is None:
        return False
    if episode.season not in season_numbers(article.title or ""):
        return False
    text = "\n".join([article.title or ""] + [b.text for b in article.blocks])
    return sum(1 for kind in _NEWS_KINDS if kind.search(text)) >= MIN_NEWS_KINDS


def recounts_story(text: str, n: Narration, heading: str, season: int) -> bool:
    """Does a block of a preview tell what happened on screen? A reveal, a pointer at a scene,
    dialogue, a time line of events, a death, a crowd of characters, or any block in a
    section about an earlier season ("How did season 3 end?")."""
    if n.strong or n.cue or n.scene or n.dialogue or n.timeline or n.quoted_line:
        return True
    if len(n.characters) >= MANY_CHARACTERS or tells_a_fate(text):
        return True
    return any(number < season for number in season_numbers(heading))
