"""Which show, season and episode an article is about.

The headline is the most deliberate statement of it, so it wins; the description and the opening
blocks fill in what the headline leaves out (a show named only in the warning line, a season
stated only in the body). Nothing is guessed: a season or episode the article does not state stays
``None`` (common for K-dramas and telenovelas), and a finale has a number only when the text gives
one ("episode 82 of ...", "all 82 episodes").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence

from reader.analysis.episode_refs import EpisodeRef, find_refs
from reader.analysis.episode_show import show_from_subreddit, show_in_title, shows_in_text
from reader.article import Article, EpisodeInfo
from reader.library.progress import fold_show

__all__ = ["read_episode"]

# The opening blocks usually hold the warning line and the lede, which name the episode.
_EARLY_BLOCKS = 10
_NUMBERED = ("code", "episode")
# Headlines are short; a longer "title" (a mis-extracted paragraph) is read only this far.
_MAX_HEADLINE = 300
_SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+|$)")
_POINTS_BACK = re.compile(r"\b(?:through|thru|since|until|till|before|after|by|in|from|to|last|previous|"
                          r"earlier|like|of\s+the\s+(?:last|previous))\s+(?:the\s+)?$")
_POINTS_AHEAD = re.compile(r"\s*(?:is\s+out|arrives|airs|comes|drops|premieres|will|is\s+next|next)\b")
# A season stated beside the show's name but about the future ("Season 3 has been renewed").
_FUTURE = re.compile(r"^\W*(?:has\s+been|was|is|will|gets?|got)\s+(?:officially\s+)?"
                     r"(?:renewed|confirmed|announced|ordered|coming|greenlit|be)\b", re.IGNORECASE)
# A publication's own numbering right before an episode word: "Podcast episode 45", "our
# newsletter, issue 12".
_PUBLICATION_BEFORE = re.compile(r"\b(?:podcast|pod|newsletter|bulletin|digest|radio\s+show)[’'s]*[\s,:#]*$",
                                 re.IGNORECASE)
_PUBLICATION_NAME = re.compile(r"\b(?:pod|podcast|newsletter|letter|dispatch|digest|bulletin|radio|report)\b",
                               re.IGNORECASE)
# "the second series ends, with episode 8": the episode a season ends with is its finale.
_ENDS_WITH = re.compile(r"\b(?:ends|ended|closes|closed|concludes|concluded|wraps\s+up|wrapped\s+up)"
                        r",?\s+(?:[a-z]+\s+){0,2}?with\s+(?:the\s+)?$", re.IGNORECASE)


def read_episode(article: Article) -> EpisodeInfo:
    """Show / season / episode as the article states them; ``None`` where it does not."""
    title = (article.title or "")[:_MAX_HEADLINE]
    avoid = [a for a in (article.site, article.byline) if a]
    title_refs = _not_the_publications(title, find_refs(title, headline=True), article.site)
    early = [t for t in [article.description, *(b.text for b in article.blocks[:_EARLY_BLOCKS])] if t]
    early_refs = [(text, _not_the_publications(text, find_refs(text), article.site)) for text in early]

    body = " ".join(b.text for b in article.blocks)
    show = show_in_title(title, title_refs, avoid, body)
    if show is None:
        show = _vote(name for text, refs in early_refs for name in shows_in_text(text, refs, avoid))
    if show is None:
        show = show_from_subreddit(article.site, title, article.description) or _community(article)

    description_refs = find_refs(article.description) if article.description else []
    finale = _is_finale(title_refs) or (not _has_number(title_refs) and _is_finale(description_refs))
    season, episode = _numbers(title_refs, title=True)
    if episode is None and not finale:
        this_episode = [r for text, refs in early_refs for r in refs if _about_this_episode(text, r)]
        season_e, episode = _numbers(this_episode, title=False)
        season = season if season is not None else season_e
    if season is None and episode is not None:
        season = _season_for(episode, title_refs, early_refs, show, article)
    if episode is None and finale:
        episode = _finale_number(article, show, season)
    return EpisodeInfo(show, season, episode, finale)


def _not_the_publications(text: str, refs: list[EpisodeRef], site: str | None) -> list[EpisodeRef]:
    """``refs`` without the podcast's or newsletter's own numbers: "Podcast episode 45",
    "Issue 112", "<site> Ep. 45". A season-and-episode code is always the show's."""
    # Only a site that is itself a podcast or a newsletter numbers its own issues ("The Couch
    # Pod Ep. 45"); a fan site named after the show ("Copper Bell Episode 4") does not.
    site_key = fold_show(site) if site and _PUBLICATION_NAME.search(site) else ""
    kept = []
    for ref in refs:
        before = text[max(0, ref.start - 60):ref.start]
        own = ref.kind in ("episode", "count") and (
            _PUBLICATION_BEFORE.search(before)
            or bool(site_key) and fold_show(before).rstrip(" ,:;|·–—-#").endswith(site_key))
        if not own:
            kept.append(ref)
    return kept


def _about_this_episode(text: str, ref: EpisodeRef) -> bool:
    """False for a reference that points elsewhere: back ("caught up through 2x04", "since
    episode 2") or ahead ("Episode 6 airs next Friday"). Guessing an earlier episode would lift
    the shield for a reader who has not seen this one."""
    before = text[max(0, ref.start - 24):ref.start].casefold()
    after = text[ref.end:ref.end + 30].casefold()
    return not (_POINTS_BACK.search(before) or _POINTS_AHEAD.match(after))


def _vote(names: Iterable[str]) -> str | None:
    """The name the text gives most often; the first one given wins a tie."""
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for name in names:
        key = fold_show(name)
        counts[key] += 1
        first.setdefault(key, name)
    if not counts:
        return None
    best = max(counts.values())
    return next(first[k] for k in first if counts[k] == best)


def _community(article: Article) -> str | None:
    """A forum community named like a show ("CopperBell" as the site of a post by a user
    name such as "tide_watcher_99"): the subreddit of a saved Reddit thread."""
    site, byline = article.site or "", article.byline or ""
    username = bool(byline) and " " not in byline.strip() and (
        "_" in byline or any(c.isdigit() for c in byline) or byline.islower())
    if username and re.fullmatch(r"(?:[A-Z][a-z0-9]+){2,}", site):
        return show_from_subreddit("r/" + site)
    return None


def _is_finale(refs: Sequence[EpisodeRef]) -> bool:
    return any(r.kind == "finale" and r.qualifier != "midseason" for r in refs)


def _has_number(refs: Sequence[EpisodeRef]) -> bool:
    return any(r.kind in _NUMBERED for r in refs)


def _numbers(refs: Sequence[EpisodeRef], title: bool) -> tuple[int | None, int | None]:
    """(season, episode) from references; a headline may also use "premiere", "pilot", "third
    episode" and a bare "Season 2", which in running text too often mean another episode."""
    season: int | None = None
    episode: int | None = None
    code = next((r for r in refs if r.kind == "code"), None)
    if code is not None:
        return code.season, code.episode
    if title:
        season = next((r.season for r in refs if r.kind == "season"), None)
    episodes = [r.episode for r in refs if r.kind == "episode" and r.episode]
    if episodes:
        if title:
            episode = episodes[0]
        else:  # the one the text keeps returning to; of equals the later, which shields longer
            counts = Counter(episodes)
            episode = max(counts, key=lambda e: (counts[e], e))
    elif title:
        episode = next((r.episode for r in refs if r.kind in ("premiere", "pilot", "ordinal")), None)
    elif any(r.kind == "premiere" and r.qualifier in ("series", "season", "show") for r in refs):
        # In running text only a named premiere ("covers the series premiere") is this episode;
        # a bare "since the premiere" points back at an earlier one.
        episode = 1
    return season, episode


def _season_for(episode: int, title_refs: Sequence[EpisodeRef], early_refs: Sequence[tuple[str, list[EpisodeRef]]],
                show: str | None, article: Article) -> int | None:
    """The season of a known episode, when the text states it: a code with the same episode
    ("Season 2, Episode 5" in the warning line), "the first season" for a premiere, or the
    show's name followed by a season ("Copper Bell Season 2 streams ...")."""
    for _text, refs in early_refs:
        for r in refs:
            if r.kind == "code" and r.episode == episode:
                return r.season
    is_premiere = any(r.kind in ("premiere", "pilot") for r in title_refs)
    if is_premiere and episode == 1:
        # A premiere is season 1 only when the article says so ("the first season's eight
        # episodes"); "series premiere" alone is also said of shows without seasons.
        for block in article.blocks:
            if any(r.kind == "season" and r.season == 1 for r in find_refs(block.text)):
                return 1
    if show:
        key = fold_show(show)
        needle = show.casefold()
        for block in article.blocks:
            if needle not in block.text.casefold():
                continue
            for r in find_refs(block.text):
                if r.kind != "season" or r.season is None:
                    continue
                before = fold_show(block.text[max(0, r.start - len(show) - 2):r.start])
                if before.endswith(key) and not _FUTURE.match(block.text[r.end:]):
                    return r.season
    return None


def _finale_number(article: Article, show: str | None, season: int | None) -> int | None:
    """The finale's number when the text states it: "all 82 episodes", "a 10-episode season",
    "episode 82 of <show>", "episode 10" in a sentence about the finale, or the episode a
    season "ends with". Other episode numbers
    in a finale recap point back at earlier episodes, so they are not enough on their own."""
    key = fold_show(show) if show else None
    found: list[int] = []
    for block in article.blocks:
        text = block.text
        refs = find_refs(text)
        if not refs:
            continue
        finale_sentences = _finale_sentences(text, refs)
        for r in refs:
            if r.kind in ("count", "finale") and r.episode:  # "all 82 episodes", "the sixth and final episode"
                found.append(r.episode)
            elif r.kind in _NUMBERED and r.episode and (season is None or r.season in (None, season)):
                after = fold_show(text[r.end:r.end + 80])
                if key and re.match(r"\s*(?:of|from)\s+(?:the\s+)?", after) and key in after[:len(key) + 12]:
                    found.append(r.episode)
                elif _sentence_of(r.start, finale_sentences) is not None:
                    found.append(r.episode)
                elif _ENDS_WITH.search(text[max(0, r.start - 40):r.start]):
                    found.append(r.episode)
    return max(found) if found else None


def _finale_sentences(text: str, refs: Sequence[EpisodeRef]) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``text`` that mention the finale, in order."""
    finales = [r.start for r in refs if r.kind == "finale"]
    if not finales:
        return []
    spans = []
    for m in _SENTENCE.finditer(text):
        start, end = m.span()
        i = bisect_left(finales, start)
        if end > start and i < len(finales) and finales[i] < end:
            spans.append((start, end))
    return spans


def _sentence_of(pos: int, sentences: Sequence[tuple[int, int]]) -> int | None:
    """Index of the sentence holding ``pos`` (sentences sorted, non-overlapping), if any."""
    i = bisect_right(sentences, (pos, float("inf"))) - 1
    return i if i >= 0 and sentences[i][0] <= pos < sentences[i][1] else None
