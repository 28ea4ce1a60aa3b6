"""The spoiler judge: each signal, how they combine, and the reasons it gives."""

from __future__ import annotations

import re

from reader.analysis.shield_features import feature_records
from reader.analysis.spoilers import _REASONS, MARKED, OTHER_SHOW, SECTION, judge_blocks, plot_probabilities
from reader.article import Article, Block, BlockVerdict, Character, EpisodeInfo, MarkedSpoiler

CAST = [
    Character("Ingrid Solberg", "Marte Lunde", ["Ingrid"]),
    Character("Tomasz Wrona", "Piotr Zalewski", ["Tomasz"]),
]
SHOW = EpisodeInfo("Cold Harbour", 1, 3)

MUSING = "All of us carry a map of the places we left behind. Some of us never unfold it again."
OPINION = "Marte Lunde is the reason to watch, and the score is the best on television this year."
PLOT = "Ingrid finds the ledger in the boathouse and burns it before Tomasz wakes up."
PRONOUN_PLOT = "She finds it that night. He waits until dawn, then drives to the ferry."
CAPTION = "Marte Lunde and Piotr Zalewski in Cold Harbour. Photo: Nordlys"
WHERE = "Cold Harbour streams Fridays on Nordlys+. Episode 4 arrives June 2."


def _article(*items: tuple[str, str] | tuple[str, str, list[MarkedSpoiler]] | str) -> Article:
    blocks = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            item = ("paragraph", item)
        kind, text = item[0], item[1]
        markup = item[2] if len(item) > 2 else []  # type: ignore[misc]
        blocks.append(Block(i, kind, text, spoiler_markup=list(markup)))  # type: ignore[arg-type]
    return Article("Cold Harbour, episode 3: some notes", blocks, None, "text")


def _judge(article: Article, characters: list[Character] = CAST) -> list[BlockVerdict]:
    verdicts = judge_blocks(article, characters, SHOW)
    assert len(verdicts) == len(article.blocks)
    return verdicts


def _hidden(verdicts: list[BlockVerdict]) -> list[bool]:
    return [v.spoiler for v in verdicts]


# --- 1. markup -------------------------------------------------------------------------------


def test_whole_block_markup_hides_the_block() -> None:
    article = _article(("paragraph", OPINION, [MarkedSpoiler("details", 0, len(OPINION))]))
    verdict = _judge(article)[0]
    assert verdict.spoiler and verdict.reason == MARKED and verdict.spans == []


def test_inline_markup_hides_only_its_span_in_a_safe_block() -> None:
    text = "The costumes are gorgeous, and the red coat at the party is a lovely touch."
    start = text.index("the red coat")
    end = start + len("the red coat at the party")
    verdict = _judge(_article(("paragraph", text, [MarkedSpoiler("text:||", start, end)])))[0]
    assert not verdict.spoiler
    assert [(s.start, s.end, s.reason) for s in verdict.spans] == [(start, end, MARKED)]
    assert not verdict.spans[0].other_show


def test_inline_markup_with_plot_around_it_hides_the_whole_block() -> None:
    text = "Tomasz walks out of the wedding, and the groom turns out to be his brother."
    start = text.index("the groom")
    verdict = _judge(_article(("paragraph", text, [MarkedSpoiler("reddit", start, len(text) - 1)])))[0]
    assert verdict.spoiler and verdict.spans == []
    assert verdict.reason and verdict.reason != MARKED


def test_a_no_spoilers_badge_marked_up_like_a_spoiler_stays_readable() -> None:
    text = "TV Review No spoilers"
    verdict = _judge(_article(("paragraph", text, [MarkedSpoiler("class", 10, 21)])))[0]
    assert not verdict.spoiler and verdict.spans == []


def test_inline_spoiler_about_another_show() -> None:
    text = "I also caught up on Brine Street, and the twins being one person is the twist of the year."
    start = text.index("the twins")
    end = start + len("the twins being one person")
    verdicts = _judge(_article(("list_item", text, [MarkedSpoiler("text:>!", start, end)])))
    v = verdicts[0]
    hidden_span = v.spans[0] if v.spans else None
    assert v.other_show or (hidden_span is not None and hidden_span.other_show)
    assert (v.reason if v.spoiler else hidden_span.reason) == OTHER_SHOW  # type: ignore[union-attr]


def test_inline_spoiler_naming_this_shows_characters_is_not_about_another_show() -> None:
    text = "And then the boathouse. Ingrid finding the ledger. I gasped."
    start = text.index("Ingrid")
    verdict = _judge(_article(("paragraph", text, [MarkedSpoiler("reddit", start, start + 26)])))[0]
    assert not verdict.other_show and not any(s.other_show for s in verdict.spans)


# --- 2. warnings -----------------------------------------------------------------------------


def test_a_warning_hides_what_follows_except_what_clearly_carries_no_plot() -> None:
    article = _article(
        MUSING,
        "Spoilers for episode 3 below.",
        ("caption", CAPTION),
        "The first hour is mostly fog and shouting, and I loved every minute of it.",
        PLOT,
        "Tomasz continues to be the heart of this show. The boathouse scene!",
        OPINION,
        WHERE,
    )
    verdicts = _judge(article)
    assert _hidden(verdicts) == [False, False, False, False, True, True, False, False]
    assert "warning" in (verdicts[4].reason or "") and "warning" in (verdicts[5].reason or "")


def test_pronoun_plot_after_a_warning_is_hidden() -> None:
    verdicts = _judge(_article("Fair warning: full spoilers ahead.", PRONOUN_PLOT))
    assert _hidden(verdicts) == [False, True]


def test_spoiler_free_intro_then_the_warning() -> None:
    article = _article(MUSING, OPINION, "Warning: major spoilers follow.", PLOT, PRONOUN_PLOT)
    assert _hidden(_judge(article)) == [False, False, False, True, True]


def test_end_of_spoilers_closes_the_scope() -> None:
    article = _article(
        "Spoilers from here on.",
        "Tomasz sits at the kitchen table as the news comes in.",
        "End of spoilers.",
        "Some shows feel like weather: you do not watch them, you live through them.",
        WHERE,
    )
    assert _hidden(_judge(article)) == [False, True, False, False, False]


def test_a_spoiler_free_review_lowers_suspicion() -> None:
    premise = ("The premise, as the network tells it: Ingrid Solberg walks out of the family firm "
               "and takes the books with her.")
    cast = "Marte Lunde is terrific as Ingrid Solberg, and Piotr Zalewski gives Tomasz a wounded charm."
    article = _article("This is a spoiler-free review.", premise, cast, OPINION, WHERE)
    assert _hidden(_judge(article)) == [False, False, False, False, False]


def test_spoiler_free_never_overrides_markup() -> None:
    article = _article("No spoilers here!", ("paragraph", OPINION, [MarkedSpoiler("class", 0, len(OPINION))]))
    assert _hidden(_judge(article)) == [False, True]


def test_spoiler_free_thoughts_first_then_the_tagged_part() -> None:
    article = _article(
        "Recap below in spoiler tags. Non-spoiler thoughts first.",
        "Marte Lunde is a revelation and the sound design deserves an award.",
        "Everything below is tagged. Open at your own risk.",
        "The boathouse scene is the best thing the show has done.",
    )
    assert _hidden(_judge(article)) == [False, False, False, False]
    article.blocks.append(Block(4, "paragraph", "Tomasz sits in the boathouse all night."))
    assert _hidden(_judge(article))[4]


def test_a_spoiler_free_heading_promises_only_its_own_section() -> None:
    article = _article(
        ("heading", "Spoiler-free thoughts"),
        "Marte Lunde as Ingrid is doing career-best work, and she makes stillness look easy.",
        ("heading", "The episode"),
        "Ingrid finds the ledger in the boathouse.",
    )
    for block in article.blocks:
        block.level = 2 if block.kind == "heading" else 0
    records = feature_records(article, CAST, SHOW)
    # The promise covers its own section and ends at the next heading of its level.
    assert [r["promised_spoiler_free"] for r in records] == [0.0, 1.0, 0.0, 0.0]
    # The heading says "spoiler" without announcing any: its section is not a plot section.
    assert records[1]["in_plot_section"] == 0.0
    assert _hidden(_judge(article))[:3] == [False, False, False]
    odds = plot_probabilities(article, CAST, SHOW)
    assert odds[3] > odds[1]


def test_spoiler_free_first_holds_until_the_later_warning_line() -> None:
    article = _article(
        "The first part is spoiler-free; the chapter after the spoilers start marker is not.",
        "Tomasz burns his old coat in the yard.",
        "Spoilers start here.",
        "Ingrid is in the coat at the funeral.",
    )
    # Before the line where the spoilers start, the promise holds; after it, the scope does.
    assert _hidden(_judge(article)) == [False, False, False, True]
    assert [r["promised_spoiler_free"] for r in feature_records(article, CAST, SHOW)] == [0.0, 1.0, 1.0, 0.0]
    promised = plot_probabilities(article, CAST, SHOW)[1]
    article.blocks[2] = Block(2, "paragraph", "Anyway.")
    # With no such line, the promise is void and content decides everywhere.
    assert [r["promised_spoiler_free"] for r in feature_records(article, CAST, SHOW)] == [0.0] * 4
    assert plot_probabilities(article, CAST, SHOW)[1] > promised


# --- 3. plot sections ------------------------------------------------------------------------


def test_a_moments_heading_hides_its_list_but_not_itself() -> None:
    article = _article(
        MUSING,
        ("heading", "Key Moments"),
        ("list_item", "The boathouse, the ledger, the match."),
        ("list_item", "That look across the ferry deck."),
        WHERE,
    )
    verdicts = _judge(article)
    assert _hidden(verdicts) == [False, False, True, True, False]
    assert "moments" in (verdicts[2].reason or "")


def test_a_heading_line_with_a_colon_opens_a_section_too() -> None:
    article = _article(("paragraph", "Stray observations:"), ("list_item", "The boathouse lighting."),
                       "Anyway, see you next week.")
    assert _hidden(_judge(article)) == [False, True, False]


def test_a_recap_heading_opens_a_plot_section_until_the_next_heading() -> None:
    fog = "The fog rolls in early and the ferry is late."
    article = _article(("heading", "What happened"), fog, ("heading", "The verdict"), OPINION)
    records = feature_records(article, CAST, SHOW)
    assert [r["in_plot_section"] for r in records] == [0.0, 1.0, 0.0, 0.0]
    assert records[3]["in_safe_section"] == 1.0  # "The verdict"
    assert _hidden(_judge(article))[2:] == [False, False]
    odds = plot_probabilities(article, CAST, SHOW)[1]
    assert odds > plot_probabilities(_article(("heading", "Where we were"), fog), CAST, SHOW)[1]


def test_numbered_listicle_items_are_plot_sections() -> None:
    article = _article(
        "Here are the five moments we cannot stop talking about.",
        ("heading", "1. The boathouse"),
        "It is the scene everyone will be talking about on Monday.",
        ("heading", "2. A call at dawn"),
        "The fog has never looked better.",
        WHERE,
    )
    article.blocks[1].ordinal, article.blocks[3].ordinal = 1, 2
    assert _hidden(_judge(article)) == [False, True, True, True, True, False]


def test_plot_headings_after_a_warning_are_hidden() -> None:
    article = _article("Spoilers ahead.", ("heading", "Tomasz Burns the Ledger"), ("heading", "The verdict"))
    assert _hidden(_judge(article)) == [False, True, False]


# --- 4. content everywhere -------------------------------------------------------------------


def test_narration_is_hidden_with_no_warning_anywhere() -> None:
    article = _article(PLOT, MUSING, PRONOUN_PLOT, OPINION, ("caption", CAPTION), WHERE)
    verdicts = _judge(article)
    assert _hidden(verdicts) == [True, False, True, False, False, False]
    assert verdicts[0].reason and verdicts[2].reason


def test_content_works_before_the_character_finder_knows_anyone() -> None:
    article = _article("Then Halvard Moe shows up at the pier and steals the boat.", MUSING, OPINION)
    assert _hidden(_judge(article, [])) == [True, False, False]


# --- reasons ---------------------------------------------------------------------------------


REASON_WORDS = {w.casefold() for phrase in [MARKED, OTHER_SHOW, SECTION, "reads like plot", *_REASONS.values()]
                for w in re.findall(r"\w{4,}", phrase)}


def test_reasons_never_quote_hidden_words() -> None:
    article = _article(
        PLOT,
        "Spoilers below.",
        "Tomasz Wrona confesses to the fire at the cannery.",
        ("heading", "Key Moments"),
        ("list_item", "Ingrid burning the ledger."),
        ("paragraph", "The confession scene", [MarkedSpoiler("details", 0, 20)]),
    )
    verdicts = _judge(article)
    hidden_words = {w.casefold() for b, v in zip(article.blocks, verdicts) if v.spoiler
                    for w in re.findall(r"\w{4,}", b.text)}
    for verdict in verdicts:
        for reason in [verdict.reason or "", *(s.reason for s in verdict.spans)]:
            # Words of the reason vocabulary itself ("a list of moments") are not quotes.
            words = {w.casefold() for w in re.findall(r"\w{4,}", reason)} - REASON_WORDS
            assert not (words & hidden_words), reason
    assert all(v.reason for v in verdicts if v.spoiler)


def test_an_empty_article_has_no_verdicts() -> None:
    assert judge_blocks(Article("t", [], None, "text"), CAST, SHOW) == []


def test_a_plot_heading_after_a_spoiler_free_promise_still_hides_its_section() -> None:
    article = _article("No spoilers in this part.", OPINION, ("heading", "Key Moments"),
                       ("list_item", "The boathouse, at last."))
    assert _hidden(_judge(article)) == [False, False, False, True]


def test_a_listicle_in_a_spoiler_free_review_stays_readable() -> None:
    article = _article("This review is spoiler-free.", ("heading", "1. The fog"), "It looks incredible.",
                       ("heading", "2. The score"), "Lush, maybe too lush.")
    article.blocks[1].ordinal, article.blocks[3].ordinal = 1, 2
    assert _hidden(_judge(article)) == [False] * 5


def test_a_recap_headline_with_no_warning_in_the_body_opens_the_scope() -> None:
    article = _article(MUSING, "Tomasz continues to be the heart of this show. The boathouse scene!", WHERE)
    assert _hidden(_judge(article)) == [False, False, False]
    article.title = "Cold Harbour season 1, episode 3 recap: the long night"
    verdicts = _judge(article)
    assert _hidden(verdicts) == [False, True, False]
    assert "headline" in (verdicts[1].reason or "") or "warning" in (verdicts[1].reason or "")


def test_a_warning_in_the_body_draws_the_line_even_under_a_recap_headline() -> None:
    article = _article(MUSING, "Tomasz is back, and the show is better for it.", "Spoilers below.", PLOT)
    article.title = "Cold Harbour episode 3 recap"
    assert _hidden(_judge(article)) == [False, False, False, True]


def test_a_remark_in_passing_about_not_spoiling_does_not_end_the_scope() -> None:
    article = _article(
        "Spoilers below.",
        "I won’t spoil the last scene for you, but the fog is back and everyone is miserable again.",
        "Tomasz continues to be the heart of this show. The boathouse scene!",
    )
    assert _hidden(_judge(article)) == [False, False, True]
