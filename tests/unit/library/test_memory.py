"""The library's memory of an article: recalled by content, reveals put back only onto the text
they were made on, and the next-episode option's progress."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from reader.article import EpisodeInfo
from reader.bundled import sample_article_path
from reader.library.memory import Reveals, recall, restorable_reveals, reveal_key, with_reveals
from reader.library.progress import WatchProgress, has_watched, with_next_episode
from reader.library.records import ReaderState
from reader.library.store import Library
from reader.pipeline import open_article


def _second_episode(folder: Path) -> Path:
    """The bundled sample (episode one) rewritten as episode two of the same show."""
    text = sample_article_path().read_text(encoding="utf-8")
    path = folder / "orchard-street-exchange-episode-2.txt"
    path.write_text(text.replace("episode one", "episode two").replace("episode 1", "episode 2"), encoding="utf-8")
    return path


def test_a_copy_elsewhere_recalls_the_same_article_and_state(tmp_path: Path) -> None:
    library = Library(tmp_path / "library")
    sample = sample_article_path()
    assert recall(library, sample).state is None, "not in the library yet"
    entry = library.add(sample).entry
    library.save_state(entry.id, ReaderState(revealed_blocks=[3], position=0.5, block=7, block_offset=0.25))
    copy = tmp_path / "elsewhere" / "renamed.txt"
    copy.parent.mkdir()
    shutil.copyfile(sample, copy)

    for path in (sample, copy, library.stored_file(entry.id)):
        recalled = recall(library, path)
        assert recalled.article_id == entry.id
        assert recalled.state is not None and (recalled.state.block, recalled.state.block_offset) == (7, 0.25)
    assert recall(library, tmp_path / "missing.txt").article_id is None


def test_reveals_go_back_only_onto_the_text_they_were_made_on() -> None:
    opened = open_article(sample_article_path())
    texts = [b.text for b in opened.article.blocks]
    key = reveal_key(opened.analysis, texts)
    assert key == reveal_key(open_article(sample_article_path()).analysis, texts), "the same article, the same key"
    hidden = [i for i, v in enumerate(opened.analysis.verdicts) if v.spoiler]
    reveals = Reveals(frozenset(hidden[:2]), frozenset(), True)
    state = with_reveals(ReaderState(position=0.3), reveals, key)
    assert state.position == 0.3 and state.reveal_key == key

    back = restorable_reveals(ReaderState.from_json(json.loads(json.dumps(state.__dict__))), key)
    assert back == reveals

    edited = list(texts)
    edited[hidden[0]] += " An added sentence."
    assert restorable_reveals(state, reveal_key(opened.analysis, edited)) == Reveals(), "other text: none"
    assert restorable_reveals(replace(state, reveal_key=None), key) == Reveals(), "no key: none"
    assert with_reveals(state, Reveals(), key).reveal_key is None and not with_reveals(state, Reveals(), key).revealed_blocks


def test_the_key_changes_with_the_inline_spoilers_numbering() -> None:
    opened = open_article(sample_article_path())
    texts = [b.text for b in opened.article.blocks]
    block = next(i for i, b in enumerate(opened.article.blocks) if len(b.text) > 40)
    from reader.article import HiddenSpan

    verdicts = list(opened.analysis.verdicts)
    verdicts[block] = replace(verdicts[block], spans=[HiddenSpan(0, 10, "test")])
    respanned = replace(opened.analysis, verdicts=verdicts)
    assert reveal_key(respanned, texts) != reveal_key(opened.analysis, texts)


@pytest.mark.parametrize("value, expected", [
    ({"block": 12, "block_offset": 0.5, "reveal_key": "abc"}, (12, 0.5, "abc")),
    ({"block": -3, "block_offset": 7, "reveal_key": 5}, (None, 1.0, None)),
    ({"block": True, "block_offset": "far", "reveal_key": ""}, (None, 0.0, None)),
    ([1, 2], (None, 0.0, None)),
])
def test_a_damaged_place_reads_as_none(value: object, expected: tuple) -> None:
    state = ReaderState.from_json(value)
    assert (state.block, state.block_offset, state.reveal_key) == expected


def test_the_next_episode_option_lifts_one_episode_within_the_season() -> None:
    progress = [WatchProgress("Harbor Lights", 2, 5), WatchProgress("Orchard Street Exchange", None, 1)]
    lifted = with_next_episode(progress)
    assert has_watched(lifted, EpisodeInfo("Harbor Lights", 2, 6))
    assert not has_watched(progress, EpisodeInfo("Harbor Lights", 2, 6))
    assert not has_watched(lifted, EpisodeInfo("Harbor Lights", 2, 7))
    assert not has_watched(lifted, EpisodeInfo("Harbor Lights", 3, 1)), "the next season is not 'next'"
    assert has_watched(lifted, EpisodeInfo("The Orchard Street Exchange", None, 2))
    assert not has_watched(lifted, EpisodeInfo("Salt and Honey", 1, 1)), "other shows do not move"
    assert progress[0].episode == 5, "the reader's progress itself is not changed"


def test_the_analysis_unshields_the_next_episode_only_when_told(tmp_path: Path) -> None:
    second = _second_episode(tmp_path)
    watched_first = [WatchProgress("The Orchard Street Exchange", None, 1)]
    shielded = open_article(second, watched_first).analysis
    assert shielded.episode.episode == 2 and any(v.spoiler for v in shielded.verdicts)
    assert any(m.spoiler for m in shielded.key_moments)
    lifted = open_article(second, with_next_episode(watched_first)).analysis
    assert not any(v.spoiler for v in lifted.verdicts) and not lifted.title_spoiler
