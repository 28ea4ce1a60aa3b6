"""The feature record of every block: what a reader notices before deciding to look away.

Each feature is a small function of one block in its page, with a one-line rationale (its
docstring), and returns a number in [0, 1]. None of them names a show, a site or an article:
they read the page's own signals (spoiler markup, warning lines and where their scope ends,
headings and the kind of section they open, list structure, captions, credits) and the block's
own words (does it narrate what characters do, or talk about the making of the show, or where
to watch it?). ``shield_model`` weighs them with fitted weights; ``FEATURES`` is the list in the
order the weights file uses.

The record is computed once per article in a single pass, in time linear in its length.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from reader.analysis.asides import is_author_note, later_seasons, season_numbers
from reader.analysis.crew import opens_with_credit
from reader.analysis.fates import tells_a_fate
from reader.analysis.list_siblings import list_runs
from reader.analysis.narration import Narration, plot_actors, read_narration
from reader.analysis.participants import names_participant, recurring_people
from reader.analysis.preview import is_season_preview
from reader.analysis.sections import Heading, Role, heading_blocks, section_of_blocks
from reader.analysis.spoiler_names import NameIndex, build_index
from reader.analysis.text import folded_words, lazy_compile
from reader.analysis.warnings import Signal, is_label, line_signal, marks_no_spoilers
from reader.article import Article, Block, Character, EpisodeInfo, MarkedSpoiler


class Scope(Enum):
    """Where a block stands relative to the page's warnings."""

    NONE = "none"  # no warning seen yet (or a scope ended)
    FREE = "free"  # the page (or this section) promises no spoilers
    WARNED = "warned"  # after a warning: plot may follow


# Headings of sections that carry no plot whatever the scope: where and how to watch, the cast
# and crew, the verdict and rating, the writer. Read from the heading's words, never from a site.
_SAFE_HEADING = lazy_compile(
    r"\b(?:where|how) to (?:watch|stream)\b|\bwatch it\b|\bcast\b|\bcredits?\b|\bverdict\b|\brating\b"
    r"|\bscore\b|\bbottom line\b|\bshould you watch\b|\babout the (?:author|writer)\b|\bwho(?:’|')?s who\b"
    r"|\bsubscribe\b|\bnewsletter\b|\bsponsor",
    re.I,
)
# A rating box: "4/5", "★★★½", "8 out of 10", "Rating: B+".
_RATING = lazy_compile(r"[★☆✩✪]|\b\d(?:\.\d)?\s*(?:/|out of)\s*(?:5|10)\b|\b(?:rating|grade|score)\s*:", re.I)
_FIRST_PERSON = frozenset("i i’m i'm i’ve i've i’d i'd me my mine we we’re we're we’ve we've us our".split())
_SECOND_PERSON = frozenset("you you’re you're your you’ll you'll".split())


@dataclass
class PageContext:
    """What the features of one article share: computed once, read per block."""

    article: Article
    index: NameIndex
    texts: list[str]  # each block's text with its inline spoiler markup blanked out
    markup: list[list[MarkedSpoiler]]
    narration: list[Narration]
    signals: list[Signal | None]
    scopes: list[Scope]
    since_warning: list[int | None]  # blocks since the warning that opened the scope
    closed_before: list[bool]  # a scope ended explicitly above this block
    before_body_warning: list[bool]
    sections: list[Heading | None]
    safe_sections: list[bool]
    earlier_season: list[bool]  # under a heading that names an earlier season than the article's
    headings: dict[int, Heading]
    list_runs: dict[int, int]  # list item -> the run of items (one list, one level) it belongs to
    run_sizes: list[int]
    run_narrating: list[int]  # how many items of each run narrate
    narrating: list[bool]
    narration_share: float
    uses_markup: bool
    any_signal: bool
    participants: frozenset[str]
    title_warns: bool
    show_level: bool  # a page about a show as a whole (``is_show_level``)
    preview: bool
    season: int | None
    byline: str | None
    cache: dict[str, object] = field(default_factory=dict)


Feature = Callable[[PageContext, int], float]
FEATURES: list[tuple[str, Feature]] = []


def _feature(fn: Feature) -> Feature:
    FEATURES.append((fn.__name__, fn))
    return fn


def _cap(count: int, top: int = 3) -> float:
    return min(count, top) / top


# ---------------------------------------------------------------- markup

@_feature
def marked_inline(page: PageContext, i: int) -> float:
    """The page marks part of this block as a spoiler: the words around it are often plot too."""
    return float(bool(page.markup[i]))


@_feature
def page_uses_markup(page: PageContext, i: int) -> float:
    """The page marks its spoilers: a writer who tags them leaves less plot in the open."""
    return float(page.uses_markup)


# ---------------------------------------------------------------- warnings and their scope

@_feature
def is_warning(page: PageContext, i: int) -> float:
    """The block is itself a line about spoilers ("Spoilers below", "End of spoilers"): a signpost."""
    return float(page.signals[i] is not None)


@_feature
def after_warning(page: PageContext, i: int) -> float:
    """A warning above (in the body or the headline) opened a scope that has not ended."""
    return float(page.scopes[i] is Scope.WARNED)


@_feature
def headline_warns(page: PageContext, i: int) -> float:
    """The headline warns or calls itself a recap, and the body has no warning line of its own."""
    return float(page.title_warns)


@_feature
def promised_spoiler_free(page: PageContext, i: int) -> float:
    """The page or its section promises no spoilers ("spoiler-free review")."""
    return float(page.scopes[i] is Scope.FREE)


@_feature
def after_scope_end(page: PageContext, i: int) -> float:
    """An explicit end of the spoilers ("End of spoilers", "Spoilers end here") stands above."""
    return float(page.closed_before[i] and page.scopes[i] is not Scope.WARNED)


@_feature
def before_body_warning(page: PageContext, i: int) -> float:
    """The body warns further down: what comes before the warning was written to be safe."""
    return float(page.before_body_warning[i])


@_feature
def about_the_whole_show(page: PageContext, i: int) -> float:
    """A page about a whole show (no episode named, no warning, no recap headline): a wiki, a guide."""
    return float(page.show_level)


@_feature
def no_warning_on_page(page: PageContext, i: int) -> float:
    """Nothing on the page warns or promises: the content must speak for itself."""
    return float(not page.title_warns and not page.any_signal)


# ---------------------------------------------------------------- sections

@_feature
def in_plot_section(page: PageContext, i: int) -> float:
    """Under a heading that announces the story ("Recap", "What happened", "Ending explained")."""
    section = page.sections[i]
    return float(section is not None and section.role is Role.PLOT)


@_feature
def in_moments_section(page: PageContext, i: int) -> float:
    """Under a heading that lists the episode's moments ("Key moments", "Stray observations")."""
    section = page.sections[i]
    return float(section is not None and section.role is Role.MOMENTS)


@_feature
def in_listicle_item(page: PageContext, i: int) -> float:
    """A numbered listicle item or the text under it: each item tells one moment."""
    section = page.sections[i]
    head = page.headings.get(i)
    return float((section is not None and section.role is Role.ITEM) or (head is not None and head.role is Role.ITEM))


@_feature
def heading_announces_plot(page: PageContext, i: int) -> float:
    """The block is a heading that announces plot: a signpost that itself tells nothing."""
    head = page.headings.get(i)
    return float(head is not None and head.role in (Role.PLOT, Role.MOMENTS))


@_feature
def in_safe_section(page: PageContext, i: int) -> float:
    """Under a heading of a section that carries no plot: where to watch, cast, verdict, the writer."""
    return float(page.safe_sections[i])


@_feature
def warned_and_not_plainly_safe(page: PageContext, i: int) -> float:
    """After a warning, a block that is not plainly plot-free: what a warning is written for."""
    return float(page.scopes[i] is Scope.WARNED and page.signals[i] is None and not plainly_safe(page, i))


@_feature
def plot_section_and_not_plainly_safe(page: PageContext, i: int) -> float:
    """In a plot or moments section or a listicle item (unless promised safe), not plainly plot-free."""
    section = page.sections[i]
    if section is None or (section.role is Role.ITEM and page.scopes[i] is Scope.FREE):
        return 0.0
    n = _n(page, i)
    block = page.article.blocks[i]
    if n.availability and not n.named_events and not n.strong and not n.cue:
        return 0.0
    if aside(page, i):
        return 0.0  # talk of the making, the show's future or the writer, in which nobody acts
    return float(not (block.kind == "caption" and not n.named_events and not n.strong))


def plainly_safe(page: PageContext, i: int) -> bool:
    """Carries no plot on its face: a quiet heading, where to watch, a caption where nobody acts,
    the premise, a cast introduction, or a quiet line that tells no fate."""
    block, n = page.article.blocks[i], _n(page, i)
    if block.kind == "heading":
        return n.quiet and not any(h.guessed for h in page.index.hits(page.texts[i]))
    if n.availability and not n.named_events and not n.strong and not n.cue:
        return True
    if block.kind == "caption":
        return not n.named_events and not n.strong
    if n.premise and not n.strong and not n.cue:
        return True
    return (n.quiet and not _fate(page, i)) or n.cast_intro


@_feature
def earlier_season_section(page: PageContext, i: int) -> float:
    """Under a heading about an earlier season ("How did season 2 end?"): the story so far."""
    return float(page.earlier_season[i])


@_feature
def season_preview(page: PageContext, i: int) -> float:
    """The page is news about a season that has not aired: nothing of it can be spoiled yet."""
    return float(page.preview)


# ---------------------------------------------------------------- narration against talk

def _n(page: PageContext, i: int) -> Narration:
    return page.narration[i]


@_feature
def narrates(page: PageContext, i: int) -> float:
    """Characters (or he/she/they) do things, or the text points at scenes or quotes lines."""
    return float(_n(page, i).narrates())


@_feature
def named_events(page: PageContext, i: int) -> float:
    """How often a named character is the subject of a plot verb ("Ines finds the letter")."""
    return _cap(_n(page, i).named_events)


@_feature
def unnamed_events(page: PageContext, i: int) -> float:
    """How often he/she/they or someone unnamed ("her brother") acts."""
    return _cap(_n(page, i).pronoun_events)


@_feature
def reveal_verb(page: PageContext, i: int) -> float:
    """A reveal verb with a subject: dies, confesses, kills, betrays."""
    return float(_n(page, i).strong)


@_feature
def fate_words(page: PageContext, i: int) -> float:
    """A death or a betrayal told of a person, even without a subject ("the body was his")."""
    return float(_fate(page, i))


@_feature
def plot_cue(page: PageContext, i: int) -> float:
    """Points at plot: "the twist", "we learn", "a confession", "the final shot"."""
    return float(_n(page, i).cue)


@_feature
def scene_pointer(page: PageContext, i: int) -> float:
    """Points at a scene of the episode: "the episode opens on", "the final shot"."""
    return float(_n(page, i).scene)


@_feature
def timeline(page: PageContext, i: int) -> float:
    """Tells time within the story: "that night", "the next morning", "then"."""
    return float(_n(page, i).timeline)


@_feature
def dialogue(page: PageContext, i: int) -> float:
    """Quotes a line someone says in the episode."""
    n = _n(page, i)
    return float(n.dialogue or n.quoted_line)


@_feature
def characters_named(page: PageContext, i: int) -> float:
    """How many of the show's characters the block names (as characters, not in credits)."""
    return _cap(len(_n(page, i).characters))


@_feature
def third_person(page: PageContext, i: int) -> float:
    """Speaks of people as he/she/they: stories are told in the third person."""
    return float(_n(page, i).third_person)


@_feature
def first_person(page: PageContext, i: int) -> float:
    """Share of I/we/my words: opinion and musing are told in the first person."""
    words = _words(page, i)
    return min(1.0, 5 * sum(map(_FIRST_PERSON.__contains__, words)) / len(words)) if words else 0.0


@_feature
def second_person(page: PageContext, i: int) -> float:
    """Addresses the reader ("you'll want to watch"): advice, not story."""
    words = _words(page, i)
    return float(not _SECOND_PERSON.isdisjoint(words))


@_feature
def question(page: PageContext, i: int) -> float:
    """Ends in a question: musing about what might come, more than telling what came."""
    return float(page.texts[i].rstrip().endswith("?"))


@_feature
def premise(page: PageContext, i: int) -> float:
    """States the premise ("the series follows..."): what every viewer knows from the start."""
    return float(_n(page, i).premise)


@_feature
def where_to_watch(page: PageContext, i: int) -> float:
    """Says where and when to watch: never plot."""
    return float(_n(page, i).availability)


@_feature
def craft_talk(page: PageContext, i: int) -> float:
    """Talks about the making: the score, the acting, the cinematography."""
    return float(_n(page, i).craft)


@_feature
def production_news(page: PageContext, i: int) -> float:
    """Production news: renewals, filming, the next season."""
    return float(_n(page, i).news)


@_feature
def later_season(page: PageContext, i: int) -> float:
    """Speaks of a season after the one the article is about: news, not this episode."""
    return float(_later(page, i))


@_feature
def cast_intro(page: PageContext, i: int) -> float:
    """Introduces the cast ("Ines (Jo Lind), the captain") without anyone acting."""
    return float(_n(page, i).cast_intro)


@_feature
def credit_line(page: PageContext, i: int) -> float:
    """Opens with a credit ("Written by", "Director X"): about the people who made it."""
    return float(opens_with_credit(page.texts[i]))


@_feature
def author_note(page: PageContext, i: int) -> float:
    """A note about the article's writer ("Jo Lind writes about television")."""
    return float(is_author_note(page.texts[i], page.byline))


@_feature
def aside(page: PageContext, i: int) -> float:
    """Talk about the making of the show, its future or the writer, in which no character acts."""
    key = f"a{i}"
    if key not in page.cache:
        page.cache[key] = is_aside(page.texts[i], _n(page, i), page.season, page.byline)
    return float(page.cache[key])  # type: ignore[arg-type]


def is_aside(text: str, n: Narration, season: int | None, byline: str | None) -> bool:
    """Craft, news of a later season, or a note about the writer, that tells nothing of the
    story: no character acts, nothing is revealed, nobody speaks."""
    if opens_with_credit(text) and not (n.characters or n.named_events or n.pronoun_events or n.strong
                                        or n.dialogue or n.timeline):
        return True  # "Writer X handled this one": praise for the craft may point at scenes
    if n.strong or n.cue or n.dialogue:
        return False
    if is_author_note(text, byline):
        return not n.characters and not n.named_events
    if n.quiet:
        return n.craft or n.news or later_seasons(text, season)
    # "Series 5 is being filmed, with X returning as host": people take roles in a later season.
    return (n.named_events == n.role_events and not n.pronoun_events and not n.timeline
            and later_seasons(text, season))


@_feature
def quiet(page: PageContext, i: int) -> float:
    """Names no character and tells no event, scene or line: nothing to spoil."""
    return float(_n(page, i).quiet)


@_feature
def names_recurring_person(page: PageContext, i: int) -> float:
    """Names someone the narrating blocks keep naming, whom the character finder missed."""
    return float(names_participant(page.texts[i], page.index, page.participants))


# ---------------------------------------------------------------- kind, list and neighbours

@_feature
def is_heading(page: PageContext, i: int) -> float:
    """A heading (or a heading-like line): short, a signpost more than a story."""
    return float(page.article.blocks[i].kind == "heading" or i in page.headings)


@_feature
def is_caption(page: PageContext, i: int) -> float:
    """A photo caption (or an image): names who is pictured, rarely what happens."""
    return float(page.article.blocks[i].kind in ("caption", "image"))


@_feature
def is_quote(page: PageContext, i: int) -> float:
    """A block quote: a pull quote from the review, or a line from the episode."""
    return float(page.article.blocks[i].kind == "quote")


@_feature
def is_list_item(page: PageContext, i: int) -> float:
    """An item of a list: moments lists tell the plot, cast and link lists do not."""
    return float(page.article.blocks[i].kind == "list_item")


@_feature
def list_siblings_narrate(page: PageContext, i: int) -> float:
    """Share of the other items of its list that narrate: a list tells plot item by item, or not."""
    run = page.list_runs.get(i)
    if run is None or page.run_sizes[run] < 2:
        return 0.0
    others = page.run_narrating[run] - page.narrating[i]
    return others / (page.run_sizes[run] - 1)


@_feature
def neighbours_narrate(page: PageContext, i: int) -> float:
    """The blocks just before and after narrate: plot comes in runs of paragraphs."""
    near = [page.narrating[j] for j in (i - 1, i + 1) if 0 <= j < len(page.narrating)]
    return sum(near) / len(near) if near else 0.0


@_feature
def page_narration_share(page: PageContext, i: int) -> float:
    """Share of the page's blocks that narrate: a recap tells throughout, a review in places."""
    return page.narration_share


@_feature
def rating_box(page: PageContext, i: int) -> float:
    """A rating ("4/5", "★★★", "Grade: B+"): the verdict, never the plot."""
    return float(len(_words(page, i)) <= 12 and bool(_RATING.search(page.texts[i])))


@_feature
def short_line(page: PageContext, i: int) -> float:
    """Eight words or fewer: labels, bylines and signposts."""
    return float(len(_words(page, i)) <= 8)


@_feature
def length(page: PageContext, i: int) -> float:
    """How long the block is (log scale): plot paragraphs run long."""
    return min(1.0, math.log1p(len(_words(page, i))) / math.log1p(200))


@_feature
def position(page: PageContext, i: int) -> float:
    """How far down the page: intros are safe more often than endings."""
    return i / max(1, len(page.article.blocks) - 1)


def _fate(page: PageContext, i: int) -> bool:
    key = f"f{i}"
    if key not in page.cache:
        page.cache[key] = tells_a_fate(page.texts[i], _words(page, i))
    return bool(page.cache[key])


def _later(page: PageContext, i: int) -> bool:
    key = f"l{i}"
    if key not in page.cache:
        page.cache[key] = later_seasons(page.texts[i], page.season)
    return bool(page.cache[key])


def _words(page: PageContext, i: int) -> list[str]:
    key = f"w{i}"
    cached = page.cache.get(key)
    if cached is None:
        cached = folded_words(page.texts[i])
        page.cache[key] = cached
    return cached  # type: ignore[return-value]


FEATURE_NAMES: tuple[str, ...] = tuple(name for name, _ in FEATURES)


# ---------------------------------------------------------------- the page context

def clamped_markup(block: Block) -> list[MarkedSpoiler]:
    """The block's spoiler markup inside its text, without "No spoilers" badges."""
    out = []
    for m in block.spoiler_markup:
        start, end = max(0, m.start), min(len(block.text), m.end)
        if start < end and not marks_no_spoilers(block.text[start:end]):
            out.append(m if (start, end) == (m.start, m.end) else MarkedSpoiler(m.form, start, end))
    return out


def blank(text: str, markup: list[MarkedSpoiler]) -> str:
    """``text`` with the marked spans blanked out (offsets kept)."""
    if not markup:
        return text
    chars = list(text)
    for m in markup:
        for k in range(m.start, m.end):
            chars[k] = " "
    return "".join(chars)


_RECAP = lazy_compile(r"\brecap(?:s|ped)?\b|\bepisode guide\b", re.I)


def page_context(article: Article, characters: list[Character], episode: EpisodeInfo) -> PageContext:
    """Everything the features read, in one pass over the article."""
    blocks = article.blocks
    index = build_index(article, characters, episode)
    index = index.with_names(plot_actors((b.text for b in blocks), index))
    markup = [clamped_markup(b) for b in blocks]
    texts = [blank(b.text, m) for b, m in zip(blocks, markup)]
    narration = [read_narration(t, index) for t in texts]
    narrating = [n.narrates() for n in narration]
    signals = [line_signal(b.text) for b in blocks]
    headings = heading_blocks(blocks)
    title_signal = line_signal(article.title or "")
    body_warns = any(s is not None for s in signals)
    title_warns = not body_warns and (title_signal is Signal.OPEN
                                      or (title_signal is None and bool(_RECAP.search(article.title or ""))))
    title_free = not body_warns and title_signal in (Signal.FREE, Signal.FREE_FIRST)
    scopes, since, closed = _scopes(blocks, signals, headings, title_warns, title_free)
    runs, sizes = list_runs(blocks)
    run_narrating = [0] * len(sizes)
    for block_id, run in runs.items():
        run_narrating[run] += narrating[block_id]
    last_open = max((k for k, s in enumerate(signals) if s in (Signal.OPEN, Signal.FREE_FIRST)), default=-1)
    return PageContext(
        article=article, index=index, texts=texts, markup=markup, narration=narration, signals=signals,
        scopes=scopes, since_warning=since, closed_before=closed,
        before_body_warning=[k < last_open for k in range(len(blocks))],
        sections=section_of_blocks(blocks, headings), safe_sections=_safe_sections(blocks, headings), headings=headings,
        earlier_season=_earlier_season(blocks, headings, episode.season),
        list_runs=runs, run_sizes=sizes, run_narrating=run_narrating, narrating=narrating,
        narration_share=sum(narrating) / len(narrating) if narrating else 0.0,
        uses_markup=any(markup), any_signal=any(s is not None for s in signals),
        participants=recurring_people((t for t, n in zip(texts, narrating) if n), index),
        title_warns=title_warns, show_level=is_show_level(episode, title_warns, body_warns),
        preview=is_season_preview(article, episode), season=episode.season,
        byline=article.byline,
    )


def is_show_level(episode: EpisodeInfo, title_warns: bool, body_warns: bool) -> bool:
    """Whether a page is about a show as a whole rather than an episode: it names no season,
    episode or finale, and has no spoiler line nor a headline that warns or calls it a recap.
    The shield's Cautious threshold is calibrated apart for such pages (``shield_model``)."""
    return (episode.season is None and episode.episode is None and not episode.finale
            and not title_warns and not body_warns)


def _scopes(blocks: list[Block], signals: list[Signal | None], headings: dict[int, Heading],
            title_warns: bool, title_free: bool) -> tuple[list[Scope], list[int | None], list[bool]]:
    """The scope each block stands in, blocks since the opening warning, and whether a scope
    ended explicitly above it. A warning opens a scope that an explicit end or a safe-section
    heading closes; a promise of no spoilers made by a heading covers its own section only."""
    state = Scope.WARNED if title_warns else Scope.FREE if title_free else Scope.NONE
    opened_at: int | None = -1 if title_warns else None
    closed = False
    promise: tuple[Heading, Scope] | None = None
    scopes: list[Scope] = []
    since: list[int | None] = []
    ended: list[bool] = []
    last_open = max((k for k, s in enumerate(signals) if s is Signal.OPEN), default=-1)
    for k, (block, signal) in enumerate(zip(blocks, signals)):
        head = headings.get(block.id)
        if promise is not None and head is not None and head.level <= promise[0].level:
            state, promise = promise[1], None
        if signal is Signal.CLOSE:
            state, opened_at, closed = Scope.NONE, None, True
        scopes.append(state)
        since.append(None if opened_at is None or state is not Scope.WARNED else k - opened_at - 1)
        ended.append(closed)
        if signal is Signal.OPEN:
            state, promise, opened_at = Scope.WARNED, None, k
        elif signal is Signal.FREE and (state is not Scope.WARNED or is_label(block.text)):
            if head is not None:
                promise = (head, state)
            state = Scope.FREE
        elif signal is Signal.FREE_FIRST:
            state = Scope.FREE if last_open > k else Scope.NONE
    return scopes, since, ended


def _safe_sections(blocks: list[Block], headings: dict[int, Heading]) -> list[bool]:
    """For each block, whether it stands under a heading of a plot-free section (to the next
    heading at its level or above)."""
    out: list[bool] = []
    current: Heading | None = None
    for block in blocks:
        head = headings.get(block.id)
        if head is not None:
            if current is not None and head.level <= current.level:
                current = None
            if _SAFE_HEADING.search(block.text) and len(block.text.split()) <= 8:
                current = head
            out.append(False)
            continue
        out.append(current is not None)
    return out


def _earlier_season(blocks: list[Block], headings: dict[int, Heading], season: int | None) -> list[bool]:
    """For each block, whether the last heading above it names a season before ``season``."""
    out: list[bool] = []
    current = False
    for block in blocks:
        if block.id in headings:
            current = season is not None and any(n < season for n in season_numbers(block.text))
            out.append(False)
            continue
        out.append(current)
    return out


def block_features(page: PageContext, i: int) -> list[float]:
    """The feature record of block ``i``, in ``FEATURE_NAMES`` order."""
    return [fn(page, i) for _, fn in FEATURES]


def feature_docs() -> dict[str, str]:
    """Each feature's name and one-line rationale (for the weights file and the docs)."""
    return {name: (fn.__doc__ or "").strip() for name, fn in FEATURES}


def feature_records(article: Article, characters: list[Character], episode: EpisodeInfo) -> list[dict[str, float]]:
    """Every block's feature record by name (for inspection, tests and the ``--json`` debug)."""
    page = page_context(article, characters, episode)
    return [dict(zip(FEATURE_NAMES, block_features(page, i))) for i in range(len(article.blocks))]
