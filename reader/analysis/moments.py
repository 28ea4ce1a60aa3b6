"""The episode's key moments, each tied to the block it comes from (for "jump to").

Most recaps list them: under "Key Moments", "Best moments", "Stray observations", "Biggest
takeaways", "Highlights", or as the numbered items of a "Top 5" listicle. Those items are the
moments, in the article's words. With none of these, a numbered list that opens a section and
that the spoiler judge found to be mostly plot (a "power rankings" page) is the list
(``moments_ranked``). An article with no such list (a forum thread, a plain recap)
gets 3-5 sentences that carry its turning points: the ones where characters act, reveal and
leave, taken from the blocks the spoiler judge found to be plot when it found enough, and never
a sentence about the show itself (its name, its renewal, its filming). A moment is a spoiler when its words lie in hidden text, so the sidebar never shows in
the clear what the article view blurs.
"""

from __future__ import annotations

import re

from reader.analysis.moments_lists import story_list_moments
from reader.analysis.moments_ranked import ranked_list_moments
from reader.analysis.narration import read_narration, subject_events
from reader.analysis.phrases import phrase_kinds
from reader.analysis.sections import Role, find_headings, is_heading_line, strip_number
from reader.analysis.spoiler_names import NameIndex, build_index
from reader.analysis.verbs import BASE_FORMS, EVENT_FORMS, STRONG_FORMS
from reader.article import Article, Block, BlockVerdict, EpisodeInfo, KeyMoment

MAX_INFERRED = 5
MIN_INFERRED = 3

# Sentence ends, but not after "Dr." / "Mr." / initials / "a.m.".
_SENTENCE = re.compile(  # the end mark first: the lookbehinds then run only where one is
    r"(?=[.!?…])(?<!\b[A-Z])(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSt)(?<!\ba\.m)(?<!\bp\.m)(?<!\bvs)"
    r"[.!?…]+[”’\"')\]]*\s+(?=[“\"'‘(\[]?[^\W\d_])"
)
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_PAREN = re.compile(r"\([^()]*\)")
_OPINION = re.compile(
    r"\b(?:I|I’m|I'm|I’d|I've|I’ve|my|me|we’ve|if you|best|performance|acting|actor|actress|plays|played"
    r"|deserves|highlight|writers?|writing|direction|director|score|television|show’s|episode’s)\b",
    re.I,
)
# Words of a sentence about the show rather than in it: its making, its run, its cast news.
_ABOUT_THE_SHOW = re.compile(
    r"\b(?:episodes|filming|filmed|renewed|renewal|showrunner|cast|casting|synopsis"
    r"|network|networks|streams|streaming|budget|drama|programme|podcast|recapped|recaps)\b",
    re.I,
)


def find_key_moments(article: Article, verdicts: list[BlockVerdict], show: str | None = None,
                     plot_blocks: frozenset[int] | None = None,
                     index: NameIndex | None = None) -> list[KeyMoment]:
    """The article's own list of moments, or else the sentences that carry its turning points.

    ``show`` is the show's name: a sentence that names it talks about the show, not in it.
    ``plot_blocks`` are the blocks the spoiler judge found to be plot before the reader's
    progress lifted anything (a section under "How X died" tells plot whatever its grammar), so
    the moments do not change with progress; when the judge found none, the page tells no
    story and no moment is inferred (``None``: no judge has read the page). ``index`` is the
    judge's name index, which knows the article's characters; without it, capitalised words
    stand in for names.
    """
    judged = plot_blocks is not None
    plot_blocks = plot_blocks or frozenset()
    moments = _listed_moments(article.blocks) or ranked_list_moments(article.blocks, plot_blocks)
    indexes: list[NameIndex] = [index] if index is not None else []  # built only if needed

    def names() -> NameIndex:
        if not indexes:
            indexes.append(build_index(article, [], EpisodeInfo()))
        return indexes[0]

    if not moments:
        moments = story_list_moments(article.blocks, lambda b: b.id in plot_blocks or bool(b.spoiler_markup)
                                     or read_narration(b.text, names()).narrates())
    if not moments:
        moments = _inferred_moments(article, show, plot_blocks, names(), judged)
    for moment in moments:
        moment.spoiler = _in_hidden_text(moment, article.blocks, verdicts)
    return moments


def _listed_moments(blocks: list[Block]) -> list[KeyMoment]:
    """Items under a moments heading, and the items of a numbered listicle."""
    found: list[KeyMoment] = []
    for heading in find_headings(blocks):
        if heading.role is Role.ITEM:
            text = strip_number(blocks[heading.block].text)
            if text:
                found.append(KeyMoment(text, heading.block))
        elif heading.role is Role.MOMENTS:
            found.extend(_items_under(blocks, heading.block))
    seen: set[int] = set()
    unique = []
    for moment in sorted(found, key=lambda m: m.block or 0):
        if moment.block not in seen:
            seen.add(moment.block)  # type: ignore[arg-type]
            unique.append(moment)
    return unique


def _items_under(blocks: list[Block], head: int) -> list[KeyMoment]:
    """The list right under a heading; with no list, its paragraphs up to the next heading."""
    items: list[KeyMoment] = []
    top_level: int | None = None
    in_list = False
    for block in blocks[head + 1:]:
        if block.kind == "list_item":
            if items and not in_list:
                break
            in_list = True
            top_level = block.level if top_level is None else top_level
            if block.level <= top_level and block.text.strip():
                items.append(KeyMoment(strip_number(block.text), block.id))
            continue
        if in_list or block.kind == "heading" or is_heading_line(block) or len(items) >= 10:
            break
        if block.kind in ("paragraph", "quote") and block.text.strip():
            items.append(KeyMoment(block.text, block.id))
    return items


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE.finditer(text):
        spans.append((start, m.start() + len(m.group(0).rstrip())))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _inferred_moments(article: Article, show: str | None, plot_blocks: frozenset[int],
                      index: NameIndex, judged_page: bool = False) -> list[KeyMoment]:
    """3-5 sentences where the plot turns, one per block, in article order."""
    show_key = show.casefold() if show else None
    candidates: list[tuple[float, int, str]] = []
    for block in article.blocks:
        if block.kind not in ("paragraph", "list_item", "quote") or not block.text.strip():
            continue
        marked = bool(block.spoiler_markup)
        narrates = marked or read_narration(block.text, index).narrates()
        if not (narrates or block.id in plot_blocks):
            continue
        events = subject_events(block.text, index)
        names = [h.start for h in index.hits(block.text) if not h.credit]
        best: tuple[float, str] | None = None
        for a, b in _sentences(block.text):
            sentence = block.text[a:b]
            score = _sentence_score(sentence, [e for e in events if a <= e[0] < b],
                                    sum(1 for n in names if a <= n < b))
            score -= _about_the_show(sentence, show_key)
            if best is None or score > best[0]:
                best = (score, block.text[a:b].strip())
        # A block only the judge calls plot (a section under "How X died") needs a sentence in
        # which something happens, not just a name ("Everything below is about <title>").
        if best is not None and best[0] > (0 if narrates else 1.0):
            candidates.append((best[0] + (1.0 if marked else 0.0), block.id, best[1]))
    judged = [c for c in candidates if c[1] in plot_blocks or article.blocks[c[1]].spoiler_markup]
    if len(judged) >= MIN_INFERRED:
        candidates = judged  # the judge found enough plot: a block it left readable is talk, not story
    elif judged_page and not judged and not plot_blocks:
        return []  # the judge found no plot anywhere: a page that tells no story has no turning points
    if len(candidates) < MIN_INFERRED:
        return [KeyMoment(text, block) for _, block, text in candidates]
    # Stories build: later turning points (the climax, the final scene) weigh a little more.
    last = len(candidates) - 1
    candidates = [(score + i / last, block, text) for i, (score, block, text) in enumerate(candidates)]
    chosen = sorted(candidates, key=lambda c: (-c[0], c[1]))[:MAX_INFERRED]
    return [KeyMoment(text, block) for _, block, text in sorted(chosen, key=lambda c: c[1])]


def _sentence_score(sentence: str, events: list[tuple[int, bool]], names: int) -> float:
    """How much of a turning point a sentence reads like: people of the plot doing things."""
    words = [w.casefold() for w in _WORD.findall(sentence)]
    if len(words) < 6:
        return 0.0
    verbs = sum(1 for w in words if w in EVENT_FORMS and w not in BASE_FORMS)  # "a strike" is a noun
    strong = sum(1 for w in words if w in STRONG_FORMS)
    score = 2.0 * len(events) + verbs + 2.0 * strong + 0.5 * min(names, 3)
    kinds = phrase_kinds(words)
    score += 2.5 if "scene" in kinds else 1.0 if "cue" in kinds else 0.0  # "it's revealed", "the final shot"
    score += 1.0 if any(e[1] for e in events) else 0.0
    score -= 1.5 * len(_OPINION.findall(_PAREN.sub(" ", sentence)))  # "(played by X)" is a credit
    return score


def _about_the_show(sentence: str, show_key: str | None) -> float:
    """How much a sentence talks about the show itself (its name, its seasons, its filming and
    casting news, the recapper's own work) rather than about what happens in it."""
    penalty = 1.5 * len(_ABOUT_THE_SHOW.findall(sentence))
    if show_key and show_key in sentence.casefold():
        penalty += 3.0
    return penalty


def _in_hidden_text(moment: KeyMoment, blocks: list[Block], verdicts: list[BlockVerdict]) -> bool:
    """Do the moment's words lie in a hidden block or a hidden span of its block?"""
    if moment.block is None or moment.block >= len(verdicts):
        return False
    verdict = verdicts[moment.block]
    if verdict.spoiler:
        return True
    if not verdict.spans:
        return False
    text = blocks[moment.block].text
    start = text.find(moment.text)
    if start < 0:
        return True  # cannot place it: keep it hidden rather than risk a leak
    end = start + len(moment.text)
    return any(s.start < end and start < s.end for s in verdict.spans)
