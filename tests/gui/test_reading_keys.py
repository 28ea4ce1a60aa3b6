"""Reading without the mouse: the keys are pressed for real and their effect on the article checked.

``n`` / ``p`` walk the hidden passages (scrolled into view, keyboard on the shield), Shift+Enter
reveals everything up to here, ``j`` / ``k`` and Space scroll; and none of these single keys is
taken from the find field.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt


def _open(window, open_and_wait, sample: Path):  # noqa: ANN001, ANN202
    open_and_wait(sample, expect_tabs=1)
    window.resize(1000, 700)
    view = window.current_tab().view
    browser = view.text_browser()
    browser.setFocus()
    return view, browser


def _in_view(view, key) -> bool:  # noqa: ANN001
    rect = view.shield_rect(key.block, key.span)
    return rect is not None and view.text_browser().viewport().rect().intersects(rect)


def test_n_and_p_go_to_the_next_and_previous_hidden_passage(qtbot, window, open_and_wait, sample: Path) -> None:  # noqa: ANN001
    view, browser = _open(window, open_and_wait, sample)
    items = view.hidden_items()
    assert len(items) >= 3, "the sample hides several passages"
    qtbot.keyClick(browser, Qt.Key.Key_N)
    assert view.focused_shield() == items[0] and _in_view(view, items[0])
    qtbot.keyClick(browser, Qt.Key.Key_N)
    qtbot.keyClick(browser, Qt.Key.Key_N)
    assert view.focused_shield() == items[2] and _in_view(view, items[2])
    assert browser.verticalScrollBar().value() > 0, "a passage further down was scrolled to"
    qtbot.keyClick(browser, Qt.Key.Key_P)
    assert view.focused_shield() == items[1] and _in_view(view, items[1])
    # Enter reveals the focused one; n then goes on after it, not back to the start.
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    assert items[1] not in view.hidden_items()
    qtbot.keyClick(browser, Qt.Key.Key_N)
    assert view.focused_shield() == items[2]


def _mean_rgb(view, key) -> tuple[float, float, float]:  # noqa: ANN001
    """The average colour painted inside a shield (its inner part, clear of the focus ring)."""
    viewport = view.text_browser().viewport()
    rect = view.shield_rect(key.block, key.span).adjusted(12, 12, -12, -12).intersected(viewport.rect())
    image = viewport.grab().toImage()
    ratio = image.devicePixelRatio()
    colours = [image.pixelColor(int(x * ratio), int(y * ratio))
               for x in range(rect.left(), rect.right(), 7) for y in range(rect.top(), rect.bottom(), 5)]
    return tuple(sum(getattr(c, part)() for c in colours) / len(colours) for part in ("red", "green", "blue"))


def test_a_shield_reached_with_n_looks_as_one_reached_with_tab(qtbot, window, open_and_wait,  # noqa: ANN001
                                                              sample: Path) -> None:
    """A focus ring, not the selection colour painted over the blur."""
    view, browser = _open(window, open_and_wait, sample)
    qtbot.keyClick(browser, Qt.Key.Key_N)
    key = view.focused_shield()
    red, _green, blue = _mean_rgb(view, key)
    assert abs(blue - red) < 12, "no selection colour over the shield"


def test_n_past_the_last_passage_says_so_and_stays(qtbot, window, open_and_wait, sample: Path) -> None:  # noqa: ANN001
    view, browser = _open(window, open_and_wait, sample)
    items = view.hidden_items()
    for _ in items:
        qtbot.keyClick(browser, Qt.Key.Key_N)
    assert view.focused_shield() == items[-1]
    qtbot.keyClick(browser, Qt.Key.Key_N)
    assert view.focused_shield() == items[-1]
    assert "No hidden passage after" in window.statusBar().currentMessage()


def test_shift_enter_reveals_everything_up_to_the_focused_passage(qtbot, window, open_and_wait,  # noqa: ANN001
                                                                   sample: Path) -> None:
    view, browser = _open(window, open_and_wait, sample)
    items = view.hidden_items()
    qtbot.keyClick(browser, Qt.Key.Key_N)
    qtbot.keyClick(browser, Qt.Key.Key_N)
    target = view.focused_shield()
    qtbot.keyClick(browser, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    left = view.hidden_items()
    assert all(k.block > target.block for k in left), "everything up to here is revealed"
    assert left == [k for k in items if k.block > target.block], "nothing after it is"
    assert window.current_tab().header.status_label.text().startswith(f"{len(left)} spoiler")


def test_shift_enter_without_a_focused_passage_reveals_what_is_on_screen(qtbot, window, open_and_wait,  # noqa: ANN001
                                                                         sample: Path) -> None:
    view, browser = _open(window, open_and_wait, sample)
    view.scroll_to_block(view.hidden_items()[1].block)
    on_screen = [k for k in view.hidden_items() if _in_view(view, k)]
    below = [k for k in view.hidden_items() if k.block > max(k.block for k in on_screen)]
    assert on_screen and below, "the sample has hidden passages on the first screen and below it"
    qtbot.keyClick(browser, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert view.hidden_items() == below


def test_j_k_and_space_scroll_the_article(qtbot, window, open_and_wait, sample: Path) -> None:  # noqa: ANN001
    view, browser = _open(window, open_and_wait, sample)
    bar = browser.verticalScrollBar()
    qtbot.keyClick(browser, Qt.Key.Key_J)
    after_j = bar.value()
    assert after_j > 0
    qtbot.keyClick(browser, Qt.Key.Key_K)
    assert bar.value() == 0
    qtbot.keyClick(browser, Qt.Key.Key_Space)
    page = bar.value()
    assert page > 3 * after_j and page < browser.viewport().height()
    qtbot.keyClick(browser, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert bar.value() == 0


def test_space_on_a_focused_passage_reveals_it_instead_of_scrolling(qtbot, window, open_and_wait,  # noqa: ANN001
                                                                    sample: Path) -> None:
    view, browser = _open(window, open_and_wait, sample)
    qtbot.keyClick(browser, Qt.Key.Key_N)
    first = view.focused_shield()
    value = browser.verticalScrollBar().value()
    qtbot.keyClick(browser, Qt.Key.Key_Space)
    assert first not in view.hidden_items() and browser.verticalScrollBar().value() == value


def test_reading_keys_never_take_letters_from_the_find_field(qtbot, window, open_and_wait, sample: Path) -> None:  # noqa: ANN001
    view, browser = _open(window, open_and_wait, sample)
    window.commands.find.trigger()
    field = window.find_bar.field
    qtbot.keyClicks(field, "kn pj")
    assert field.text() == "kn pj"
    assert view.focused_shield() is None and browser.verticalScrollBar().value() == 0


def test_space_on_a_focused_button_presses_the_button(qtbot, window, open_and_wait, sample: Path) -> None:  # noqa: ANN001
    view, browser = _open(window, open_and_wait, sample)
    tab = window.current_tab()
    tab.header.seen_button.setFocus()
    qtbot.keyClick(tab.header.seen_button, Qt.Key.Key_Space)
    assert not tab.state.anything_hidden() and browser.verticalScrollBar().value() == 0


def test_the_keys_work_right_after_opening_and_switching_tabs(qtbot, window, open_and_wait, sample: Path,  # noqa: ANN001
                                                              tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    note = tmp_path / "note.md"
    note.write_text("# A note\n\n" + "A paragraph about the pier at dusk.\n\n" * 80, encoding="utf-8")
    window.activateWindow()
    open_and_wait(sample, note, expect_tabs=2)
    first = window.current_tab()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N)
    assert first.view.focused_shield() == first.view.hidden_items()[0]
    window.commands.next_tab.trigger()
    second = window.current_tab()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert second is not first and second.view.text_browser().verticalScrollBar().value() > 0
    # Typing in the find field stays there when the tab changes.
    window.commands.find.trigger()
    window.commands.previous_tab.trigger()
    assert QApplication.focusWidget() is window.find_bar.field
