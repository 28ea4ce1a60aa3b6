"""The watch-progress store: where it lives, what it remembers, and that every change undoes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.appinfo import APP_ID
from reader.article import EpisodeInfo
from reader.library.progress import DATA_DIR_ENV, ProgressStore, WatchProgress, data_dir, has_watched


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    return ProgressStore(tmp_path / "data" / "progress.json")


def test_data_dir_honours_the_override_then_xdg_then_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "override"))
    assert data_dir() == tmp_path / "override"
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / APP_ID
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert data_dir() == tmp_path / "home" / ".local" / "share" / APP_ID


def test_default_store_uses_the_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert ProgressStore().path == tmp_path / "progress.json"


def test_record_saves_and_a_new_store_reads_it_back(store: ProgressStore) -> None:
    token = store.record(EpisodeInfo("The Copper Bell", 2, 5))
    assert token is not None and token.previous is None
    again = ProgressStore(store.path)
    assert again.entries() == [WatchProgress("The Copper Bell", 2, 5)]
    assert has_watched(again.entries(), EpisodeInfo("the copper bell", 2, 4))
    assert not has_watched(again.entries(), EpisodeInfo("The Copper Bell", 2, 6))


def test_progress_only_moves_forward_and_one_entry_per_show(store: ProgressStore) -> None:
    store.record(EpisodeInfo("Harbor Lights", 1, 4))
    token = store.record(EpisodeInfo("harbor lights", 1, 2))
    assert token is not None and token.previous == token.current == WatchProgress("Harbor Lights", 1, 4)
    store.record(EpisodeInfo("Harbor Lights", 2, 1))
    assert store.entries() == [WatchProgress("Harbor Lights", 2, 1)]


def test_set_watched_says_exactly_how_far_also_backwards_and_undoes(store: ProgressStore) -> None:
    store.record(EpisodeInfo("Harbor Lights", 2, 5))
    token = store.set_watched("harbor lights", WatchProgress("Harbor Lights", 1, 3))
    assert ProgressStore(store.path).entries() == [WatchProgress("Harbor Lights", 1, 3)]
    assert token.previous == WatchProgress("Harbor Lights", 2, 5)
    assert store.undo(token) and store.entries() == [WatchProgress("Harbor Lights", 2, 5)]
    forgotten = store.set_watched("Harbor Lights", None)
    assert ProgressStore(store.path).entries() == [] and forgotten.current is None


def test_unknown_episode_is_not_recorded(store: ProgressStore) -> None:
    assert store.record(EpisodeInfo("Harbor Lights", 1, None, finale=True)) is None
    assert store.record(EpisodeInfo(None, 1, 3)) is None
    assert store.entries() == [] and not store.path.exists()


def test_undo_restores_exactly_what_was_there(store: ProgressStore) -> None:
    store.record(EpisodeInfo("Harbor Lights", 1, 2))
    token = store.record(EpisodeInfo("Harbor Lights", 1, 5))
    assert token is not None and store.undo(token)
    assert ProgressStore(store.path).entries() == [WatchProgress("Harbor Lights", 1, 2)]
    first = ProgressStore(store.path)
    token = first.record(EpisodeInfo("Other Show", None, 3))
    assert token is not None and first.undo(token)
    assert first.entry_for("Other Show") is None


def test_undo_is_refused_when_the_entry_changed_since(store: ProgressStore) -> None:
    token = store.record(EpisodeInfo("Harbor Lights", 1, 2))
    store.record(EpisodeInfo("Harbor Lights", 1, 3))
    assert token is not None and not store.undo(token)
    assert store.entries() == [WatchProgress("Harbor Lights", 1, 3)]


def test_unwatch_steps_back_before_the_episode_and_undoes(store: ProgressStore) -> None:
    store.record(EpisodeInfo("Harbor Lights", 1, 6))
    token = store.unwatch(EpisodeInfo("Harbor Lights", 1, 4))
    assert store.entries() == [WatchProgress("Harbor Lights", 1, 3)]
    assert token is not None and store.undo(token)
    assert store.entries() == [WatchProgress("Harbor Lights", 1, 6)]
    store.unwatch(EpisodeInfo("Harbor Lights", 1, 1))
    assert store.entries() == []


def test_a_damaged_file_means_no_progress_and_is_replaced(store: ProgressStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{not json", encoding="utf-8")
    assert ProgressStore(store.path).entries() == []
    store.path.write_text(json.dumps({"watched": [{"show": "A", "season": None, "episode": 2},
                                                  {"show": "", "episode": 1}, {"show": "B", "episode": 0},
                                                  {"show": "C", "season": True, "episode": 1}, "junk"]}),
                          encoding="utf-8")
    fresh = ProgressStore(store.path)
    assert fresh.entries() == [WatchProgress("A", None, 2)]
    fresh.record(EpisodeInfo("B", 1, 1))
    assert json.loads(store.path.read_text(encoding="utf-8"))["schema"] == 1


def test_set_to_moves_either_way_and_forget_clears_each_undoable(store: ProgressStore) -> None:
    store.record(EpisodeInfo("The Copper Bell", 2, 5))
    back = store.set_to(WatchProgress("copper bell", 1, 3))  # a correction, not only a step on
    assert ProgressStore(store.path).entries() == [WatchProgress("copper bell", 1, 3)]
    assert back.previous == WatchProgress("The Copper Bell", 2, 5)
    gone = store.forget("THE COPPER BELL")
    assert gone is not None and gone.previous == WatchProgress("copper bell", 1, 3)
    assert ProgressStore(store.path).entries() == [] and store.forget("The Copper Bell") is None
    assert store.undo(gone) and store.undo(back)
    assert ProgressStore(store.path).entries() == [WatchProgress("The Copper Bell", 2, 5)]
