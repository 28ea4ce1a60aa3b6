"""Which blocks would spoil the episode, and why: markup first, then one fitted decision.

1. Markup on the page always hides what it marks: a whole block, or an inline span (the rest
   of the block stays readable unless the model finds its own words are plot too).
2. Every other block gets its feature record (``shield_features``: warnings and where their
   scope ends, sections, list context, captions, credits, narration against craft and opinion
   talk) and the logistic model of ``shield_model`` weighs it. The caution level is the
   threshold (calibrated apart for pages about a whole show): Cautious (the default) hides
   whatever might be plot.

Progress is applied afterwards by ``analyze``; spoilers about another show are flagged
``other_show`` so they stay hidden whatever the progress. Reasons name the features that
decided, never a word of what they hide.
"""

from __future__ import annotations

import re

from reader.analysis.sections import Role
from reader.analysis.shield_features import FEATURE_NAMES, PageContext, Scope, block_features, page_context
from reader.analysis.shield_model import Caution, ShieldModel, gram_buckets, shipped_model, sigmoid
from reader.analysis.spoiler_names import NameIndex, proper_names
from reader.analysis.text import fold, lazy_compile
from reader.article import Article, BlockVerdict, Character, EpisodeInfo, HiddenSpan


MARKED = "marked as spoiler on the page"
OTHER_SHOW = "about another show"
SECTION = "in a plot section"

_ANOTHER_SHOW = lazy_compile(r"\b(?:another|other|different|unrelated|separate) (?:show|series|drama|programme|program)\b", re.I)

# How a reason names each feature that can push a block towards "plot".
_REASONS = {
    "marked_inline": "spoiler markup inside",
    "after_warning": "after a spoiler warning",
    "warned_and_not_plainly_safe": "after a spoiler warning",
    "plot_section_and_not_plainly_safe": "in a plot section",
    "right_after_warning": "just after a spoiler warning",
    "headline_warns": "the headline warns",
    "in_plot_section": "in a plot section",
    "in_moments_section": "in a list of moments",
    "in_listicle_item": "a listicle item",
    "narrates": "narrates plot",
    "named_events": "characters act",
    "unnamed_events": "someone acts",
    "reveal_verb": "a reveal",
    "fate_words": "a death or betrayal",
    "plot_cue": "points at a twist",
    "scene_pointer": "points at a scene",
    "timeline": "tells a time line",
    "dialogue": "quotes dialogue",
    "characters_named": "names characters",
    "third_person": "tells of he/she/they",
    "names_recurring_person": "names someone in the plot",
    "list_siblings_narrate": "its list tells plot",
    "neighbours_narrate": "amid plot",
    "page_narration_share": "a page that narrates",
}
#: A reason names at most this many features.
REASON_FEATURES = 2


def judge_blocks(article: Article, characters: list[Character], episode: EpisodeInfo,
                 caution: Caution | str | None = None, model: ShieldModel | None = None) -> list[BlockVerdict]:
    """One verdict per block (index = block id): markup, then the fitted decision at ``caution``."""
    return judge_page(page_context(article, characters, episode), episode, caution, model)


def judge_page(page: PageContext, episode: EpisodeInfo, caution: Caution | str | None = None,
               model: ShieldModel | None = None) -> list[BlockVerdict]:
    """``judge_blocks`` over a page context the caller keeps (its name index serves the key
    moments too)."""
    model = (model or shipped_model()).aligned(FEATURE_NAMES)
    threshold = model.threshold(Caution.parse(caution), page.show_level)
    show = fold(episode.show or "")
    return [_judge(page, i, model, threshold, show) for i in range(len(page.article.blocks))]


def plot_probabilities(article: Article, characters: list[Character], episode: EpisodeInfo,
                       model: ShieldModel | None = None) -> list[float]:
    """The model's p(plot) for every block, before markup and caution (for inspection and tests)."""
    model = (model or shipped_model()).aligned(FEATURE_NAMES)
    page = page_context(article, characters, episode)
    return [sigmoid(model.logit(block_features(page, i), _grams(page, i, model))) for i in range(len(article.blocks))]


def _grams(page: PageContext, i: int, model: ShieldModel) -> dict[int, float]:
    text = page.texts[i]
    return gram_buckets(text, [(h.start, h.end) for h in page.index.hits(text)], model.buckets)


def _judge(page: PageContext, i: int, model: ShieldModel, threshold: float, show: str) -> BlockVerdict:
    """Block ``i``: the page's markup first, then the model at ``threshold``."""
    block = page.article.blocks[i]
    markup = page.markup[i]
    if not block.text.strip():
        # An image: hidden with the section it illustrates, or when the page marks it.
        if markup:
            return BlockVerdict(True, MARKED)
        section = page.sections[i]
        if section is not None and (section.role is not Role.ITEM or page.scopes[i] is not Scope.FREE):
            return BlockVerdict(True, SECTION)
        return BlockVerdict()
    if any(m.start <= 0 and m.end >= len(block.text) for m in markup):
        return BlockVerdict(True, MARKED)
    features = block_features(page, i)
    rest = page.texts[i]
    grams = _grams(page, i, model)
    other = bool(markup) and _about_other_show(block.text, rest, page.index, show)
    # A line about spoilers ("Spoilers below", "End of spoilers") is the signpost, not the plot:
    # it stays readable unless it narrates too.
    warning_line = page.signals[i] is not None and not page.narration[i].narrates()
    if warning_line or sigmoid(model.logit(features, grams)) < threshold:
        reason = OTHER_SHOW if other else MARKED
        return BlockVerdict(False, None, [HiddenSpan(m.start, m.end, reason, other_show=other) for m in markup])
    if other:
        # Around an inline spoiler about another show, the whole block stays hidden for good.
        return BlockVerdict(True, OTHER_SHOW, other_show=True)
    return BlockVerdict(True, reason_for(model, features))


def reason_for(model: ShieldModel, features: list[float]) -> str:
    """The declared features that pushed this block towards plot the most, in words."""
    named: list[str] = []
    for push, name in model.contributions(features):
        phrase = _REASONS.get(name)
        if push > 0 and phrase and phrase not in named:
            named.append(phrase)
    return "; ".join(named[:REASON_FEATURES]) or "reads like plot"


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
