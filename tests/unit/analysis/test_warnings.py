"""Warning lines: which ones open a spoiler scope, close it, or promise none."""

from __future__ import annotations

import pytest

from reader.analysis.warnings import Signal, line_signal, marks_no_spoilers


@pytest.mark.parametrize(
    "line",
    [
        "Spoilers for ‘Ashfall Road’ episode two below",
        "**Warning: this recap contains major spoilers for season 3, episode 1.**",
        "Heads up: spoilers for all of episode 2 follow.",
        "SPOILER ALERT",
        "Fair warning: full spoilers ahead, up to and including that ending.",
        "Spoilers from here on. If you haven’t watched yet, skip to the end.",
        "From this point on there are spoilers for the final episode.",
        "Everything below is tagged. Open at your own risk.",
        "If you’re not caught up through 1x06, turn back now.",
        "Plot details go in [spoiler] tags, as the rules say.",
        "The big twists are spoiler-tagged.",
        "14:20 SPOILERS START: what the letter says",
        "Spoilers begin after the trailer.",
    ],
)
def test_warnings_open_a_scope(line: str) -> None:
    assert line_signal(line) is Signal.OPEN


@pytest.mark.parametrize(
    "line",
    ["End of spoilers.", "End of the spoiler section.", "Right, tags off. The pacing dragged.",
     "Spoilers end here.", "Spoiler zone over – safe to read again."],
)
def test_end_markers_close_it(line: str) -> None:
    assert line_signal(line) is Signal.CLOSE


@pytest.mark.parametrize(
    "line",
    ["This is a spoiler-free review of the premiere.", "No spoilers", "Non-spoiler thoughts",
     "I won’t spoil anything here, promise."],
)
def test_spoiler_free_promises(line: str) -> None:
    assert line_signal(line) is Signal.FREE


def test_a_warning_that_puts_spoiler_free_thoughts_first() -> None:
    line = "Full recap below, all of it in spoiler tags. Non-spoiler thoughts first, for latecomers."
    assert line_signal(line) is Signal.FREE_FIRST


def test_a_long_paragraph_can_still_say_the_first_part_is_spoiler_free() -> None:
    text = ("We are back with the usual mix of news, mail and arguments about the theme tune, and the "
            "guest this week is a costume designer. As always, the first twenty minutes are spoiler-free, "
            "so you can listen up to the chapter marked spoilers start even if you haven’t caught up yet.")
    assert line_signal(text) is Signal.FREE_FIRST


@pytest.mark.parametrize(
    "line",
    [
        "The score is gorgeous and the pacing never sags.",
        "You’ve been warned, emotionally.",
        "Tell me your theories in the comments.",
        "",
    ],
)
def test_ordinary_lines_say_nothing(line: str) -> None:
    assert line_signal(line) is None


def test_a_no_spoilers_badge_is_not_a_spoiler() -> None:
    assert marks_no_spoilers("No spoilers")
    assert not marks_no_spoilers("the lighthouse keeper was her father all along")


def test_a_promise_deep_in_a_long_paragraph_is_no_promise() -> None:
    text = ("The fog rolls in over the harbour in the first minute and never lifts, and the ferry is late "
            "again, and the whole town pretends not to notice, which I will not spoil further here.")
    assert line_signal(text) is None


def test_closing_words_in_passing_do_not_close() -> None:
    assert line_signal("Her brother swears there will be no more spoilers at the dinner table.") is None
    assert line_signal("OK, spoilers over. The score is great.") is Signal.CLOSE
