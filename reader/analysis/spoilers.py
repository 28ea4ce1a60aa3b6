"""Which blocks would spoil the episode, and why: the layered signals of DESIGN.md.

1. Markup on the page always hides what it marks: a whole block, or an inline span (the rest
   of the block stays readable unless its own words narrate plot too).
2. Warning lines open a scope ("Spoilers below") that an "End of spoilers" closes; inside it
   everything is hidden except blocks that clearly carry no plot (musings, craft and casting
   opinion, premise, captions, where to watch). "Spoiler-free" lowers suspicion.
3. Headings that announce plot ("Recap", "Key Moments", a numbered listicle) hide their section.
4. Everywhere else the content decides: a block that narrates the episode is hidden.

Progress (signal 5) is applied afterwards by ``analyze``; spoilers about another show are
flagged ``other_show`` so they stay hidden whatever the progress. Reasons name the signal and
never a word of what they hide.
"""

from __future__ import annotations

import re
from enum import Enum

from reader.analysis.asides import is_author_note, later_seasons
from reader.analysis.crew import opens_with_credit
from reader.analysis.fates import tells_a_fate
from reader.analysis.list_siblings import list_siblings
from reader.analysis.narration import Narration, plot_actors, read_narration
from reader.analysis.preview import is_season_preview, recounts_story
from reader.analysis.participants import names_participant, recurring_people
from reader.analysis.sections import Heading, Role, heading_blocks, section_of_blocks
from reader.analysis.spoiler_names import NameIndex, build_index, proper_names
from reader.analysis.text import fold
from reader.analysis.warnings import Signal, is_label, line_signal, marks_no_spoilers
from reader.article import Article, Block, BlockVerdict, Character, EpisodeInfo, HiddenSpan, MarkedSpoiler

MARKED = "marked as spoiler on the page"
WARNED = "after a spoiler warning"
SECTION = "in a plot section"
OTHER_SHOW = "about another show"

_ANOTHER_SHOW = re.compile(r"\b(?:another|other|different|unrelated|separate) (?:show|series|drama|programme|program)\b", re.I)


def narrates_reason(count: int) -> str:
    """"narrates plot (2 characters)": how many, never who."""
    if count <= 0:
        return "narrates plot"
    return f"narrates plot ({count} character{'s' if count != 1 else ''})"


class _State(Enum):
    NONE = "none"  # no warning seen: content decides
    FREE = "free"  # promised spoiler-free: content decides, leniently
    SCOPE = "scope"  # after a warning: hidden unless clearly safe


def judge_blocks(article: Article, characters: list[Character], episode: EpisodeInfo) -> list[BlockVerdict]:
    """One verdict per block (index = block id), from markup, warnings, headings and content."""
    index = build_index(article, characters, episode)
    index = index.with_names(plot_actors((b.text for b in article.blocks), index))
    sections = section_of_blocks(article.blocks)
    headings = heading_blocks(article.blocks)
    show = fold(episode.show or "")
    signals = [line_signal(block.text) for block in article.blocks]
    state = _opening_state(article.title, any(s is not None for s in signals))
    promise: tuple[Heading, _State] | None = None  # a "Spoiler-free thoughts" heading, and the state before it
    verdicts: list[BlockVerdict] = []
    quiet_in_scope: list[Block] = []  # readable after a warning only because they seemed quiet
    for block, signal in zip(article.blocks, signals):
        heading = headings.get(block.id)
        if promise is not None and heading is not None and heading.level <= promise[0].level:
            state, promise = promise[1], None  # the promise covered its own section only
        if signal is Signal.CLOSE:
            state = _State.NONE
        verdict = _judge(block, signal, state, sections[block.id], heading, index, show, episode.season,
                         article.byline)
        verdicts.append(verdict)
        if state is _State.SCOPE and signal is None and not verdict.spoiler and not verdict.spans \
                and block.kind in ("paragraph", "list_item", "quote") and heading is None:
            quiet_in_scope.append(block)
        if signal is Signal.OPEN:
            state, promise = _State.SCOPE, None
        elif signal is Signal.FREE and (state is not _State.SCOPE or is_label(block.text)):
            if heading is not None:
                promise = (heading, state)
            state = _State.FREE  # after a warning only a label ("Spoiler-free thoughts") pauses it
        elif signal is Signal.FREE_FIRST:
            # Safe thoughts come first and plot later: up to a later warning line ("SPOILERS
            # START") the promise holds; with no such line, content decides.
            later = Signal.OPEN in signals[block.id + 1:]
            state = _State.FREE if later else _State.NONE
    _hide_missed_participants(quiet_in_scope, article, verdicts, index, episode.season)
    _hide_quiet_list_items(quiet_in_scope, article, verdicts, index, episode.season)
    if is_season_preview(article, episode):
        _lift_preview(article, verdicts, index, headings, episode.season or 0)
    return verdicts


def _lift_preview(article: Article, verdicts: list[BlockVerdict], index: NameIndex,
                  headings: dict[int, Heading], season: int) -> None:
    """In news about a season to come, only blocks that tell the story so far stay hidden:
    the rest (dates, casting, trailers, production) cannot spoil an unaired episode. Markup
    on the page always keeps its block hidden."""
    heading = ""
    for block, verdict in zip(article.blocks, verdicts):
        if block.id in headings:
            heading = block.text
        if not verdict.spoiler or verdict.reason in (MARKED, OTHER_SHOW) or not block.text.strip():
            continue
        if not recounts_story(block.text, read_narration(block.text, index), heading, season):
            verdicts[block.id] = BlockVerdict()


def _hide_missed_participants(candidates: list[Block], article: Article, verdicts: list[BlockVerdict],
                              index: NameIndex, season: int | None) -> None:
    """After a warning, a "quiet" block that names someone the hidden plot keeps naming (a
    person the finder missed) is plot after all. Asides, premise and where-to-watch lines keep
    their own reasons to be readable."""
    if not candidates:
        return
    people = recurring_people((b.text for b, v in zip(article.blocks, verdicts) if v.spoiler), index)
    for block in candidates:
        n = read_narration(block.text, index)
        if not n.quiet or n.availability or n.premise or _aside(block.text, n, season, article.byline):
            continue
        if names_participant(block.text, index, people):
            verdicts[block.id] = BlockVerdict(True, WARNED)


#: A list needs this many other items, all hidden, before a quiet item is taken as plot too.
MIN_PLOT_SIBLINGS = 2


def _hide_quiet_list_items(candidates: list[Block], article: Article, verdicts: list[BlockVerdict],
                           index: NameIndex, season: int | None) -> None:
    """After a warning, a list item that looks quiet while every other item of its list is
    hidden ("7. Someone the finder missed. His body on the rocks...") is plot like them, unless
    it is itself an aside: craft, news, the premise, where to watch."""
    siblings = list_siblings(article.blocks)
    for block in candidates:
        others = siblings.get(block.id, [])
        if block.kind != "list_item" or verdicts[block.id].spoiler or len(others) < MIN_PLOT_SIBLINGS:
            continue
        if not all(verdicts[i].spoiler for i in others):
            continue
        n = read_narration(block.text, index)
        if n.availability or n.premise or _aside(block.text, n, season, article.byline):
            continue
        verdicts[block.id] = BlockVerdict(True, WARNED)


_RECAP = re.compile(r"\brecap(?:s|ped)?\b|\bepisode guide\b", re.I)


def _opening_state(title: str, body_warns: bool) -> _State:
    """Where the article starts. When the body has warning lines of its own, they draw the line
    (an intro before "Spoilers below" is meant to be safe). Otherwise the headline can warn:
    "(spoilers)", "Episode 4 recap" (a recap is plot by definition), or promise none."""
    if body_warns:
        return _State.NONE
    signal = line_signal(title or "")
    if signal is Signal.OPEN or (signal is None and _RECAP.search(title or "")):
        return _State.SCOPE
    if signal in (Signal.FREE, Signal.FREE_FIRST):
        return _State.FREE
    return _State.NONE


def _judge(block: Block, signal: Signal | None, state: _State, section: Heading | None,
           heading: Heading | None, index: NameIndex, show: str, season: int | None,
           byline: str | None) -> BlockVerdict:
    """The verdict on one block, given the scope it lies in and the section that holds it."""
    markup = [m for m in _clamped(block.spoiler_markup, len(block.text))
              if not marks_no_spoilers(block.text[m.start:m.end])]
    if not block.text.strip():
        # An image: hidden with the section it illustrates or when the page marks it.
        if markup:
            return BlockVerdict(True, MARKED)
        if _in_plot_section(section, state):
            return BlockVerdict(True, SECTION)
        return BlockVerdict()
    if any(m.start <= 0 and m.end >= len(block.text) for m in markup):
        return BlockVerdict(True, MARKED)

    rest = _blank(block.text, markup)
    narration = read_narration(rest, index)
    other = bool(markup) and _about_other_show(block.text, rest, index, show)
    guessed = block.kind == "heading" and bool(index.hits(rest))
    aside = _aside(rest, narration, season, byline)
    hidden_by = _hidden_by(block, narration, signal, state, section, heading, bool(markup), guessed, aside)
    if hidden_by is not None:
        # Around an inline spoiler about another show, the whole block stays hidden for good.
        return BlockVerdict(True, OTHER_SHOW if other else hidden_by, other_show=other)
    reason = OTHER_SHOW if other else MARKED
    return BlockVerdict(False, None, [HiddenSpan(m.start, m.end, reason, other_show=other) for m in markup])


def _hidden_by(block: Block, n: Narration, signal: Signal | None, state: _State, section: Heading | None,
               heading: Heading | None, marked: bool, guessed: bool, aside: bool) -> str | None:
    """The reason ``block`` is hidden (``n`` weighs only its unmarked words), or None. An
    ``aside`` (craft, the show's future, the writer) stays readable wherever it stands."""
    narrated = narrates_reason(len(n.characters))
    if signal is not None:
        # A warning line stays readable, unless it narrates plot itself.
        return narrated if n.narrates() else None
    if heading is not None and heading.role in (Role.PLOT, Role.MOMENTS):
        return None  # "Key Moments", "Recap": the signpost, not the plot
    if heading is not None and heading.role is Role.ITEM and state is not _State.FREE:
        return None if aside else SECTION  # a listicle item's title names its moment
    if _in_plot_section(section, state):
        if aside or _clearly_safe(block, n, in_section=True):
            return None
        return SECTION
    if state is _State.SCOPE:
        if aside or _clearly_safe(block, n, in_section=False, named=guessed):
            return None
        return WARNED
    if n.narrates(lenient=state is _State.FREE) and not aside:
        return narrated
    if marked and state is not _State.FREE and (n.scene or n.timeline):
        return narrated  # "And then the bit where >!...!<": the words around set the scene
    return None


def _aside(text: str, n: Narration, season: int | None, byline: str | None) -> bool:
    """Talk about the making of the show (craft), its future (news, a later season) or the
    writer, that tells nothing of the story: no character acts, nothing is revealed."""
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


def _in_plot_section(section: Heading | None, state: _State) -> bool:
    """Inside a section whose heading announces plot. A listicle's items count only outside a
    promise of no spoilers ("5 reasons to watch" in a spoiler-free review); "Recap" and "Key
    Moments" always do."""
    if section is None:
        return False
    return section.role is not Role.ITEM or state is not _State.FREE


def _clearly_safe(block: Block, n: Narration, *, in_section: bool, named: bool = False) -> bool:
    """Inside a scope, only blocks that plainly carry no plot stay readable."""
    if block.kind == "heading":
        return n.quiet and not named
    if n.availability and not n.named_events and not n.strong and not n.cue:
        return True
    if block.kind == "caption":
        return not n.named_events and not n.strong
    if in_section:
        return False
    if n.premise and not n.strong and not n.cue:
        return True
    # Quiet, unless it tells a death or a betrayal without naming anyone ("the body was his").
    return (n.quiet and not tells_a_fate(block.text)) or n.cast_intro


def _clamped(markup: list[MarkedSpoiler], length: int) -> list[MarkedSpoiler]:
    """Markup offsets kept inside the text; empty marks dropped."""
    out = []
    for m in markup:
        start, end = max(0, m.start), min(length, m.end)
        if start < end:
            out.append(m if (start, end) == (m.start, m.end) else MarkedSpoiler(m.form, start, end))
    return out


def _blank(text: str, markup: list[MarkedSpoiler]) -> str:
    """``text`` with the marked spans blanked out (offsets kept)."""
    if not markup:
        return text
    chars = list(text)
    for m in markup:
        for i in range(max(0, m.start), min(len(chars), m.end)):
            chars[i] = " "
    return "".join(chars)


def _about_other_show(text: str, rest: str, index: NameIndex, show: str) -> bool:
    """An inline spoiler whose block names none of this show's characters, nor the show, but
    does name some other title ("I finally caught up on X, and >!...!<") or says it is about
    another show."""
    if not show or index.fallback:
        return False
    if any(not h.guessed for h in index.hits(text)):
        return False
    if show in fold(text):
        return False
    if _ANOTHER_SHOW.search(rest):
        return True
    return any(not any(w.casefold() in index.other_words for w in name.split()) for name in proper_names(rest))
