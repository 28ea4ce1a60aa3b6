"""The analysis: which blocks would spoil the episode, who is who, the key moments, and which
episode the article is about. Pure Python, deterministic, no Qt and no downloaded models.

``analyze(article, progress)`` runs the stages in dependency order:

1. ``episode.read_episode``: show / season / episode from title, metadata and text
2. ``characters.find_characters``: characters, actors, aliases and mentions
3. ``spoilers.judge_page``: a verdict per block (markup, then one fitted decision over each
   block's feature record, at the reader's caution level), over the page context
   ``shield_features.page_context`` reads once
4. ``progress``: lift verdicts for episodes the reader has watched
5. ``characters.mark_spoiler_characters`` and ``moments.find_key_moments``, which need the
   verdicts (moments are chosen from the verdicts before progress lifts them, so they do not
   change with progress, and read with the judge's name index, which knows the characters),
   and ``titles.judge_title`` for a headline that spoils
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.article import Analysis, Article
from reader.library.progress import WatchProgress, has_watched

__all__ = ["analyze", "WatchProgress"]


def analyze(article: Article, progress: Sequence[WatchProgress] = (), caution: str | None = None) -> Analysis:
    """Analyse ``article`` for a reader whose progress per show is ``progress``. ``caution``
    is the shield level ("cautious", the default, "balanced" or "relaxed")."""
    from reader.analysis.characters import find_characters, mark_spoiler_characters
    from reader.analysis.episode import read_episode
    from reader.analysis.moments import find_key_moments
    from reader.analysis.shield_features import page_context
    from reader.analysis.spoilers import judge_page
    from reader.analysis.titles import judge_title

    episode = read_episode(article)
    characters = find_characters(article)
    page = page_context(article, characters, episode)  # its name index serves the key moments too
    verdicts = judge_page(page, episode, caution)
    plot_blocks = frozenset(i for i, v in enumerate(verdicts) if v.spoiler)  # before progress lifts them
    if has_watched(progress, episode):
        _lift_watched(verdicts)
    mark_spoiler_characters(characters, article, verdicts)
    key_moments = find_key_moments(article, verdicts, episode.show, plot_blocks, page.index)
    title_spoiler, safe_title = judge_title(article, episode, characters, verdicts)
    if has_watched(progress, episode):
        title_spoiler = False
    return Analysis(episode, verdicts, characters, key_moments, title_spoiler, safe_title)


def _lift_watched(verdicts) -> None:  # noqa: ANN001 - list[BlockVerdict]
    """The reader has seen this episode: only spoilers about other shows stay hidden."""
    for verdict in verdicts:
        if verdict.spoiler and not verdict.other_show:
            verdict.spoiler, verdict.reason = False, None
        verdict.spans = [s for s in verdict.spans if s.other_show]
