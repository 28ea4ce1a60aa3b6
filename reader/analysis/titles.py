"""Whether the headline gives plot away, and a title that is always safe to show.

A recap headline is usually "<show> <episode> recap: <a line about the episode>". The show and
episode part is public; the line after it is where plot leaks ("Nell’s secret goes out with the
tide", "Tomas confesses"). That line is judged by who is in it (a character's name, a name the
reader could only know from hidden text) and what it says (death, confession, betrayal ...).
Review phrasing ("a tender tale that leaves us smiling") is left alone. When in doubt the
headline is hidden: the safe title costs the reader nothing but a click.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reader.analysis.episode_refs import find_refs
from reader.analysis.episode_show import quoted_spans
from reader.analysis.text import is_word_char, whole_phrase_at
from reader.article import Article, BlockVerdict, Character, EpisodeInfo
from reader.library.progress import fold_show, same_show

__all__ = ["judge_title", "safe_title_for"]

_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
# Words that say what happened; one is enough to hide a headline.
_PLOT_WORDS = frozenset(
    """die dies died dying death deaths dead kill kills killed killing killer killers murder murders
    murdered murderer confess confesses confessed confessing confession confessions betray betrays
    betrayed betrayal reveal reveals revealed revelation secret secrets twist twists pregnant
    pregnancy propose proposes proposed proposal marry marries married arrest arrests arrested
    escape escapes escaped survive survives survived funeral shot shoots stabbed poisoned kidnapped
    kidnaps kidnapping cheats cheated cheating affair divorce divorces dumps dumped fired quits resigns
    exposed unmasked identity culprit truth kiss kisses kissed sacrifice sacrifices sacrificed
    guilty framed vanishes vanished disappears disappeared disappearance dies engaged engagement
    breakup break-up breaks splits caught goodbye farewell overdose suicide heist traitor burns
    burned burnt crash crashes crashed explodes exploded explosion collapses collapsed drowns
    drowned sinks sank destroyed destroys attack attacked ambush ambushed""".split()
)
# Words that frame a headline as a review or a post rather than narrate.
_REVIEW_WORDS = frozenset(
    """recap recaps recapped review reviews reviewed thoughts discussion thread write-up writeup
    breakdown ranked ranking rankings moments things episode episodes season series premiere finale
    spoilers spoiler tagged spoiler-free explained verdict""".split()
)
# Capitalised words that are not names even in the middle of a sentence-case headline.
_NOT_NAMES = frozenset(
    """i i’m i'm i’ve i'd i’d tv our my we the a an and of in on at to for this that these those
    what why how who when where here there it its is are was be recap review episode season series
    premiere finale spoilers spoiler part chapter ranked top best worst netflix hbo hulu disney
    amazon prime apple peacock paramount showtime starz bbc itv amc fx cbs nbc abc fox max tving
    wavve viki kbs mbc sbs jtbc tvn crunchyroll youtube television""".split()
)
# Headlines are short; a longer "title" (a mis-extracted paragraph) is judged only this far, and
# a title that long is hidden anyway (see _spoils).
_MAX_HEADLINE = 300
_SEPARATORS = re.compile(r"\s*(?::|\||\s[–—-]\s|[–—]|\(|\)|\[|\])\s*")


def judge_title(article: Article, episode: EpisodeInfo, characters: Sequence[Character],
                verdicts: Sequence[BlockVerdict]) -> tuple[bool, str]:
    """(title_spoiler, safe_title) for the article's headline."""
    return _spoils(article, episode, characters, verdicts), safe_title_for(article, episode, verdicts)


def _remainder(article: Article, episode: EpisodeInfo, characters: Sequence[Character]) -> str:
    """The headline without what is public anyway: the show, the episode reference, the quoted
    episode title after it, the site, the byline and the cast (an actor's name is no plot)."""
    title = (article.title or "")[:_MAX_HEADLINE]
    cut: list[tuple[int, int]] = []
    refs = find_refs(title, headline=True)
    for ref in refs:
        cut.append((ref.start, ref.end))
    for start, end, inner in quoted_spans(title):
        after_ref = any(r.end <= start and re.fullmatch(r"[\s:,–—-]*", title[r.end:start]) for r in refs)
        if after_ref or (episode.show and same_show(inner, episode.show)):
            cut.append((start, end))
    low = title.lower()
    for name in (episode.show, article.site, article.byline, *(c.actor for c in characters)):
        if name:
            cut.extend(_occurrences(low, name.lower(), whole_words=False) if len(low) == len(title)
                       else (m.span() for m in re.finditer(re.escape(name), title, re.IGNORECASE)))
    chars = list(title)
    for start, end in cut:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def _name_forms(characters: Iterable[Character]) -> tuple[set[str], set[str]]:
    """(every folded name and alias, those of characters named only in hidden text)."""
    every: set[str] = set()
    hidden: set[str] = set()
    for character in characters:
        forms = {fold_show(n) for n in [character.name, *character.aliases] if n and len(n) > 1}
        every |= forms
        if character.spoiler:
            hidden |= forms
    return every, hidden


def _contains(text: str, forms: set[str]) -> bool:
    return any(next(iter(_occurrences(text, form, whole_words=True)), None) for form in forms)


def _occurrences(text: str, needle: str, whole_words: bool) -> list[tuple[int, int]]:
    """(start, end) of each occurrence of ``needle`` in ``text``; with ``whole_words`` only where
    no word character touches it. Plain string search: a regex per character name would be
    compiled again for every article (there are more names than the regex cache holds)."""
    found: list[tuple[int, int]] = []
    if not needle:
        return found
    start = whole_phrase_at(needle, text) if whole_words else text.find(needle)
    while start >= 0:
        found.append((start, start + len(needle)))
        start = whole_phrase_at(needle, text, start + 1) if whole_words else text.find(needle, start + 1)
    return found


def _spoils(article: Article, episode: EpisodeInfo, characters: Sequence[Character],
            verdicts: Sequence[BlockVerdict]) -> bool:
    if len(article.title or "") > _MAX_HEADLINE:
        return True  # not a headline but a paragraph: too much text to vouch for
    rest = _remainder(article, episode, characters)
    folded = fold_show(rest)
    every, hidden = _name_forms(characters)
    if _contains(fold_show((article.title or "")[:_MAX_HEADLINE]), hidden):
        return True  # a name the reader could only learn from hidden text
    if _contains(folded, every):
        return True  # a character in the headline's own line is a character doing something
    words = [w.casefold().strip("’'") for w in _WORD.findall(rest)]
    if any(w in _PLOT_WORDS or (w.endswith(("’s", "'s")) and w[:-2] in _PLOT_WORDS) for w in words):
        return True
    if _name_like(rest):
        return True
    return bool(_hidden_proper_nouns(rest, article, verdicts, episode))


def _name_like(rest: str) -> bool:
    """A sentence-case headline line with a capitalised word inside it, or one that opens with
    a possessive name ("Ines’s choice"), names someone even when the character finder missed it."""
    for segment in _SEPARATORS.split(rest):
        tokens = _WORD.findall(segment)
        content = [t for t in tokens if len(t) > 3 and not _common(t)]
        if not content:
            continue
        if all(t[0].isupper() for t in content):
            continue  # Title Case: capitals say nothing (a lower-case word means sentence case)
        for i, token in enumerate(tokens):
            if not token[0].isupper() or _common(token):
                continue
            if i > 0 or token.endswith(("’s", "'s")) or (len(tokens) > 1 and _verb_like(tokens[1])):
                return True
    return False


def _common(word: str) -> bool:
    w = word.casefold()
    w = w[:-2] if w.endswith(("’s", "'s")) else w
    return w in _NOT_NAMES or w in _REVIEW_WORDS


def _verb_like(word: str) -> bool:
    """A third-person present or past verb right after a leading name ("Ines walks", "Mia left")."""
    w = word.casefold()
    return len(w) > 3 and (w.endswith("s") and not w.endswith("ss") or w.endswith("ed")) and w not in _REVIEW_WORDS


def _hidden_proper_nouns(rest: str, article: Article, verdicts: Sequence[BlockVerdict],
                         episode: EpisodeInfo) -> set[str]:
    """Capitalised headline words that the article uses as a proper noun only in hidden text."""
    candidates = {t for t in _WORD.findall(rest) if t[0].isupper() and len(t) > 2
                  and t.casefold() not in _NOT_NAMES and t.casefold() not in _REVIEW_WORDS}
    if not candidates:
        return set()
    visible: list[str] = []
    hidden: list[str] = []
    for block, verdict in zip(article.blocks, verdicts):
        (hidden if verdict.spoiler else visible).append(block.text)
        if not verdict.spoiler and verdict.spans:
            hidden.extend(block.text[s.start:s.end] for s in verdict.spans)
    visible_text = " ".join([article.description or "", article.site or "", *visible]).casefold()
    hidden_text = " ".join(hidden)
    found = set()
    for word in candidates:
        stem = word.rstrip("’'s") if word.endswith(("’s", "'s")) else word
        if stem.casefold() not in visible_text and used_mid_sentence(stem, hidden_text):
            found.add(stem)
    return found


def used_mid_sentence(word: str, text: str) -> bool:
    """Does ``text`` hold ``word`` as a whole word, written as it is, other than first in the
    text or right after a sentence's end? (What ``(?<![.!?]\\s)(?<!^)\\bWORD\\b`` finds, without
    compiling a pattern for each headline word of each article.)"""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        after_sentence = start >= 2 and text[start - 2] in ".!?" and text[start - 1].isspace()
        if start > 0 and not after_sentence and _at_boundary(text, start) and _at_boundary(text, end):
            return True
        start = text.find(word, start + 1)
    return False


def _at_boundary(text: str, pos: int) -> bool:
    """``\\b`` at ``pos``: a word character on one side only (unlike ``whole_phrase_at``'s test,
    this differs after a word that ends in a hyphen or an apostrophe)."""
    return is_word_char(text[pos - 1:pos]) != is_word_char(text[pos:pos + 1])



def safe_title_for(article: Article, episode: EpisodeInfo, verdicts: Sequence[BlockVerdict] = ()) -> str:
    """A title built only from show, episode and site, so it can never carry plot
    ("Copper Bell S2E5 recap — Tellyweek", "Chorus #2 episode 1 recap")."""
    kind = _kind(article.title or "")
    show = episode.show if episode.show and _public(episode.show, article, verdicts) else None
    if episode.season is not None and episode.episode is not None:
        where = f"S{episode.season}E{episode.episode}"
    elif episode.episode is not None:
        where = f"episode {episode.episode}"
    elif episode.finale:
        where = "finale"
    elif episode.season is not None:
        where = f"season {episode.season}"
    else:
        where = ""
    if show:
        text = " ".join(part for part in (show, where, kind) if part)
    elif where:
        text = f"{where[0].upper()}{where[1:]} {kind}"
    else:
        text = kind.capitalize()
    site = article.site
    if site and not (show and same_show(site.replace("r/", ""), show.replace(" ", ""))):
        text = f"{text} — {site}"
    return text


def _kind(title: str) -> str:
    """What the article calls itself, so the safe title reads naturally."""
    folded = title.casefold()
    if re.search(r"\breview\b", folded):
        return "review"
    if re.search(r"\b(?:discussion|thread|write-?up|thoughts)\b", folded):
        return "discussion"
    return "recap"


def _public(show: str, article: Article, verdicts: Sequence[BlockVerdict]) -> bool:
    """The show's name may be shown when the reader can already see it: in the headline, the
    description, the site or a readable block (never a name found only in hidden text)."""
    key = fold_show(show)
    if key in fold_show(article.title or "") or key in fold_show(article.description or ""):
        return True
    if article.site and (key in fold_show(article.site) or same_show(article.site.replace("r/", ""), show.replace(" ", ""))):
        return True
    for block, verdict in zip(article.blocks, verdicts or [BlockVerdict()] * len(article.blocks)):
        if not verdict.spoiler and key in fold_show(block.text):
            return True
    return False
