"""The library from the command line: import, list, search, remove and progress, their JSON, their
one-line errors and exit statuses, Ctrl+C during an import, and no Qt on any of these paths."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.cli import main
from reader.library.progress import DATA_DIR_ENV
from reader.library.store import LIBRARY_DIR_ENV, Library

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def homes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[Path, Path]:
    """The library and the data folder (watch progress) in scratch folders."""
    library, data = tmp_path / "library", tmp_path / "data"
    monkeypatch.setenv(LIBRARY_DIR_ENV, str(library))
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    return library, data


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, list[str]]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, [line for line in captured.err.splitlines() if line.strip()]


def _articles(folder: Path, shows: dict[str, int]) -> list[Path]:
    """Markdown recaps, ``count`` episodes of each show, each with a word of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for show, count in shows.items():
        for n in range(1, count + 1):
            path = folder / f"{show.lower().replace(' ', '-')}-s1e{n}.md"
            path.write_text(f"# '{show}' season 1, episode {n} recap\n\nThe keeper walks the pier in part {n}, "
                            f"calm and slow, past the word{show[:3].lower()}{n} buoy.\n\n"
                            "Later the boats come home.\n", encoding="utf-8")
            paths.append(path)
    return paths


def test_import_adds_a_folder_and_explains_every_file_it_skipped(
    capsys: pytest.CaptureFixture[str], homes: tuple[Path, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "recaps"
    paths = _articles(folder, {"Harbor Lights": 3})
    (folder / "nested").mkdir()
    shutil.copy(paths[0], folder / "nested" / "again.md")
    (folder / "empty.html").write_bytes(b"")

    status, out, errors = _run(capsys, "import", str(folder))
    assert status == 1  # one file could not be read
    assert out.strip() == "Added 3 articles; 1 was already in the library; 1 file could not be read."
    assert errors == [f"recap-reader import: {folder / 'empty.html'}: empty.html is empty."]
    assert len(Library(homes[0]).entries()) == 3

    status, out, errors = _run(capsys, "import", "--json", str(folder / "nested"), str(paths[1]))
    summary = json.loads(out)
    assert status == 0 and errors == []
    assert summary["added"] == [] and summary["failed"] == [] and not summary["cancelled"]
    assert {Path(d["path"]).name for d in summary["duplicates"]} == {"again.md", paths[1].name}
    assert summary["summary"] == "Added 0 articles; 2 were already in the library."


def test_import_json_describes_each_added_article(
    capsys: pytest.CaptureFixture[str], homes: tuple[Path, Path], tmp_path: Path
) -> None:
    _articles(tmp_path / "recaps", {"Salt and Honey": 2})
    (tmp_path / "recaps" / "blank.txt").write_text("   \n", encoding="utf-8")
    status, out, errors = _run(capsys, "import", "--json", str(tmp_path / "recaps"))
    summary = json.loads(out)
    assert status == 1 and len(errors) == 1 and "blank.txt" in errors[0]
    assert [Path(f["path"]).name for f in summary["failed"]] == ["blank.txt"] and summary["failed"][0]["error"]
    added = sorted(summary["added"], key=lambda a: a["episode"])
    assert [(a["show"], a["season"], a["episode"], a["read"]) for a in added] == [
        ("Salt and Honey", 1, 1, "unread"), ("Salt and Honey", 1, 2, "unread")]
    assert all(re.fullmatch(r"[0-9a-f]{20}", a["id"]) and Path(a["source"]).exists() for a in added)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", a["added"]) for a in added)


def test_import_of_nothing_importable_is_one_line(
    capsys: pytest.CaptureFixture[str], homes: tuple[Path, Path], tmp_path: Path
) -> None:
    status, out, errors = _run(capsys, "import", str(tmp_path / "nowhere"))
    assert (status, out, len(errors)) == (1, "", 1) and "nowhere does not exist" in errors[0]
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "cat.png").write_bytes(b"\x89PNG")
    status, out, errors = _run(capsys, "import", str(tmp_path / "pictures"))
    assert (status, out, len(errors)) == (1, "", 1) and "no saved article" in errors[0] and ".mhtml" in errors[0]
    assert not homes[0].exists()  # nothing to import: no library made


def test_a_library_folder_that_cannot_be_made_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(LIBRARY_DIR_ENV, str(blocker / "library"))
    _articles(tmp_path / "recaps", {"Harbor Lights": 1})
    status, out, errors = _run(capsys, "import", str(tmp_path / "recaps"))
    assert (status, out) == (1, "") and len(errors) == 1
    assert errors[0].startswith("recap-reader import: The library folder could not be created")


def test_progress_is_drawn_on_stderr_only_when_it_is_a_terminal(
    homes: tuple[Path, Path], tmp_path: Path
) -> None:
    from reader.cli_library import run_import

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    _articles(tmp_path / "one", {"Harbor Lights": 2})
    terminal, out = Terminal(), io.StringIO()
    assert run_import([tmp_path / "one"], False, out, terminal) == 0
    assert "\r\x1b[KImporting " in terminal.getvalue() and " of 2: " in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\x1b[K")  # the line is cleared before the summary
    assert out.getvalue() == "Added 2 articles.\n"

    _articles(tmp_path / "two", {"Copper Bell": 2})
    plain, out = io.StringIO(), io.StringIO()
    assert run_import([tmp_path / "two"], False, out, plain) == 0
    assert plain.getvalue() == "" and out.getvalue() == "Added 2 articles.\n"


def test_list_shows_each_article_by_show_and_episode(
    capsys: pytest.CaptureFixture[str], homes: tuple[Path, Path], tmp_path: Path
) -> None:
    status, out, errors = _run(capsys, "library", "list")
    assert status == 0 and errors == [] and "empty" in out
    assert not homes[0].exists()  # listing does not make a library
    assert json.loads(_run(capsys, "library", "list", "--json")[1]) == {"articles": []}

    _articles(tmp_path / "recaps", {"Salt and Honey": 2, "Harbor Lights": 2})
    _run(capsys, "import", str(tmp_path / "recaps"))
    status, out, errors = _run(capsys, "library", "list")
    lines = out.splitlines()
    assert status == 0 and errors == []
    assert lines[0].split() == ["SHOW", "EPISODE", "READ", "ADDED", "ID", "TITLE"]
    rows = [re.split(r"\s{2,}", line) for line in lines[1:]]
    assert [(r[0], r[1], r[2]) for r in rows] == [("Harbor Lights", "S1E1", "unread"), ("Harbor Lights", "S1E2", "unread"),
                                                  ("Salt and Honey", "S1E1", "unread"), ("Salt and Honey", "S1E2", "unread")]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", r[3]) and re.fullmatch(r"[0-9a-f]{20}", r[4]) for r in rows)
    assert rows[0][5] == "'Harbor Lights' season 1, episode 1 recap"

    listed = json.loads(_run(capsys, "library", "list", "--json")[1])["articles"]
    assert [(a["show"], a["episode"]) for a in listed] == [("Harbor Lights", 1), ("Harbor Lights", 2),
                                                          ("Salt and Honey", 1), ("Salt and Honey", 2)]
    assert [a["id"] for a in listed] == [r[4] for r in rows]


def test_list_shows_what_the_reader_has_read(
    capsys: pytest.CaptureFixture[str], homes: tuple[Path, Path], tmp_path: Path
) -> None:
    from reader.library.records import ReaderState

    _articles(tmp_path / "recaps", {"Harbor Lights": 2})
    _run(capsys, "import", str(tmp_path / "recaps"))
    library = Library(homes[0])
    first = library.entries()[0]
    library.save_state(first.id, ReaderState(position=0.5, furthest=0.5))
    library.close()
    listed = json.loads(_run(capsys, "library", "list", "--json")[1])["articles"]
    assert [a["read"] for a in listed] == ["partly", "unread"]


def test_search_finds_words_with_snippets(
    capsys: pytest.CaptureFixture[str], homes: tuple[Path, Path], tmp_path: Path
) -> None:
    _articles(tmp_path / "recaps", {"Salt and Honey": 3, "Harbor Lights": 1})
    _run(capsys, "import", str(tmp_path / "recaps"))
    status, out, errors = _run(capsys, "library", "search", "wordsal2")
    assert status == 0 and errors == []
    assert out.splitlines()[0].startswith("Salt and Honey S1E2 · 'Salt and Honey' season 1, episode 2 recap  (")
    assert "[wordsal2]" in out.splitlines()[1]

    hits = json.loads(_run(capsys, "library", "search", "--json", "keeper", "pier")[1])["hits"]
    assert len(hits) == 4 and all("[keeper]" in h["snippet"] and "[pier]" in h["snippet"] for h in hits)
    limited = json.loads(_run(capsys, "library", "search", "--json", "--limit", "2", "keep")[1])["hits"]
    assert len(limited) == 2  # "keep" is the start of "keeper": search as you type

    status, out, _ = _run(capsys, "library", "search", "lighthouse")
    assert status == 0 and "No article" in out
    status, out, errors = _run(capsys, "library", "search", "--", "?!")
    assert (status, out) == (2, "") and errors == ["recap-reader library search: give at least one word to look for."]


def _hidden_only_word(report: dict) -> str:
    """A word the article has only in text the shield hides (never in its readable text)."""
    readable = " ".join([report["title"] if not report["title_spoiler"] else report["safe_title"],
                         *(b["text"] for b in report["blocks"] if not b["spoiler"]),
                         *(c["name"] for c in report["characters"])])
    seen = {w.casefold() for w in re.findall(r"\w+", readable)}
    hidden = [w for b in report["blocks"] if b["spoiler"] for w in re.findall(r"[^\W\d_]{6,}", b["text"])]
    candidates = [w for w in hidden if w.casefold() not in seen and not any(s.startswith(w.casefold()) for s in seen)]
    assert candidates, "the sample has hidden text of its own"
    return candidates[0]


def test_search_finds_hidden_text_only_once_the_episode_is_watched(
    capsys: pytest.CaptureFixture[str], homes: tuple[Path, Path], tmp_path: Path
) -> None:
    from reader.bundled import sample_article_path

    folder = tmp_path / "saved"
    folder.mkdir()
    sample = shutil.copy(sample_article_path(), folder)
    report = json.loads(_run(capsys, "analyze", "--json", str(sample))[1])
    word = _hidden_only_word(report)
    assert _run(capsys, "import", str(folder))[0] == 0

    assert json.loads(_run(capsys, "library", "search", "--json", word)[1])["hits"] == []
    status, out, errors = _run(capsys, "progress", report["show"].upper(), f"E{report['episode']}")
    assert status == 0 and errors == [] and out.startswith(f"{report['show']}: watched up to")  # the library's spelling
    hits = json.loads(_run(capsys, "library", "search", "--json", word)[1])["hits"]
    assert len(hits) == 1 and word.casefold() in hits[0]["snippet"].casefold()

    assert _run(capsys, "progress", report["show"], "--forget")[0] == 0
    assert json.loads(_run(capsys, "library", "search", "--json", word)[1])["hits"] == []


def test_remove_takes_the_article_out_and_never_touches_the_original(
    capsys: pytest.CaptureFixture[str], homes: tuple[Path, Path], tmp_path: Path
) -> None:
    paths = _articles(tmp_path / "recaps", {"Harbor Lights": 3})
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths}
    _run(capsys, "import", str(tmp_path / "recaps"))
    first, second, third = json.loads(_run(capsys, "library", "list", "--json")[1])["articles"]

    status, out, errors = _run(capsys, "library", "remove", first["id"])
    assert status == 0 and errors == []
    assert out.startswith(f"Removed “{first['title']}” ({first['id']})") and first["source"] in out
    status, out, errors = _run(capsys, "library", "remove", "--json", second["id"][:8].upper())
    assert status == 0 and [r["id"] for r in json.loads(out)["removed"]] == [second["id"]]
    assert [a["id"] for a in json.loads(_run(capsys, "library", "list", "--json")[1])["articles"]] == [third["id"]]
    assert not (homes[0] / "articles" / first["id"]).exists()
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths} == before

    status, out, errors = _run(capsys, "library", "remove", first["id"], "abc", third["id"])
    assert status == 1 and len(errors) == 2
    assert "no article" in errors[0] and first["id"] in errors[0] and "too short" in errors[1]
    assert out.count("Removed") == 1  # the good id is still removed
    assert json.loads(_run(capsys, "library", "list", "--json")[1])["articles"] == []


def test_remove_never_follows_a_path_out_of_the_library(
    capsys: pytest.CaptureFixture[str], homes: tuple[Path, Path], tmp_path: Path
) -> None:
    _articles(tmp_path / "recaps", {"Harbor Lights": 1})
    _run(capsys, "import", str(tmp_path / "recaps"))
    outside = tmp_path / "precious"
    outside.mkdir()
    (outside / "entry.json").write_text("{}")
    for given in ("../../precious", str(outside), "../articles"):
        status, _, errors = _run(capsys, "library", "remove", given)
        assert status == 1 and len(errors) == 1 and "not an article id" in errors[0]
    assert (outside / "entry.json").exists()
    assert len(Library(homes[0]).entries()) == 1


def test_progress_lists_sets_moves_back_and_forgets(
    capsys: pytest.CaptureFixture[str], homes: tuple[Path, Path]
) -> None:
    status, out, errors = _run(capsys, "progress")
    assert status == 0 and errors == [] and out.startswith("No progress recorded yet")
    assert json.loads(_run(capsys, "progress", "--json")[1]) == {"progress": []}

    assert _run(capsys, "progress", "The Copper Bell", "S2E5")[1] == "The Copper Bell: watched up to S2E5.\n"
    assert _run(capsys, "progress", "Millers Wife=4")[1] == "Millers Wife: watched up to E4.\n"
    status, out, _ = _run(capsys, "progress", "--json", "the copper bell", "2x03")  # a correction moves back
    assert status == 0 and json.loads(out)["previous"]["episode"] == 5 and json.loads(out)["watched"]["episode"] == 3
    assert _run(capsys, "progress")[1].splitlines() == ["Millers Wife: watched up to E4",
                                                         "the copper bell: watched up to S2E3"]
    assert json.loads(_run(capsys, "progress", "--json")[1])["progress"][1] == {
        "show": "the copper bell", "season": 2, "episode": 3, "spec": "the copper bell=S2E3"}
    assert _run(capsys, "progress", "THE COPPER BELL")[1] == "the copper bell: watched up to S2E3\n"
    saved = json.loads((homes[1] / "progress.json").read_text(encoding="utf-8"))
    assert len(saved["watched"]) == 2

    assert _run(capsys, "progress", "Copper Bell", "--forget")[1].startswith("Forgot the copper bell")
    assert [p["show"] for p in json.loads(_run(capsys, "progress", "--json")[1])["progress"]] == ["Millers Wife"]
    assert _run(capsys, "progress", "Copper Bell", "--forget")[1].startswith("No progress was recorded")


@pytest.mark.parametrize("args, words", [
    (["Show", "S2"], "S1E4"),
    (["Show", "season five"], "S1E4"),
    (["Show", "S0E1"], "start at 1"),
    (["--forget"], "SHOW"),
    (["Show", "S1E2", "--forget"], "no EPISODE"),
    (["  ", "S1E2"], "empty"),
])
def test_a_bad_progress_value_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], homes: tuple[Path, Path], args: list[str], words: str
) -> None:
    status, out, errors = _run(capsys, "progress", *args)
    assert (status, out) == (2, "") and len(errors) == 1
    assert errors[0].startswith("recap-reader progress: ") and words in errors[0]
    assert not (homes[1] / "progress.json").exists()


@pytest.mark.parametrize("args", [["library"], ["library", "sort"], ["library", "search"], ["library", "remove"],
                                  ["import"], ["library", "search", "--limit", "0", "x"], ["progress", "a", "b", "c"]])
def test_usage_errors_are_one_line_with_status_2(
    capsys: pytest.CaptureFixture[str], homes: tuple[Path, Path], args: list[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith("recap-reader ") and "--help" in errors[0]


def test_help_names_the_library_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    for words in ("import FOLDER", "library list|search QUERY|remove ID", "progress [SHOW S2E5]"):
        assert words in text


def _child_env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), LIBRARY_DIR_ENV: str(tmp_path / "library"),
            DATA_DIR_ENV: str(tmp_path / "data")}


def test_no_library_command_imports_qt(tmp_path: Path) -> None:
    _articles(tmp_path / "recaps", {"Harbor Lights": 2})
    code = (f"import sys; from reader.cli import main\n"
            f"for args in (['import', {str(tmp_path / 'recaps')!r}], ['library', 'list'], ['library', 'search', 'pier'],"
            f" ['progress', 'Harbor Lights', 'S1E1'], ['progress']):\n"
            f"    assert main(args) == 0, args\n"
            f"assert not [m for m in sys.modules if m.startswith('PySide6') or m.startswith('reader.ui')]\n"
            f"print('clean')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env=_child_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "clean"


def test_ctrl_c_stops_an_import_cleanly_and_keeps_what_was_stored(tmp_path: Path) -> None:
    _articles(tmp_path / "recaps", {"Harbor Lights": 40, "Salt and Honey": 40})
    articles = tmp_path / "library" / "articles"
    child = subprocess.Popen([sys.executable, "-m", "reader", "import", str(tmp_path / "recaps")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_child_env(tmp_path),
                             start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and child.poll() is None:
        if articles.is_dir() and len(list(articles.iterdir())) >= 3:
            break
        time.sleep(0.01)
    assert child.poll() is None, f"the import ended before Ctrl+C: {child.communicate()}"
    os.killpg(child.pid, signal.SIGINT)  # what a terminal does: the command and its workers get it
    out, err = child.communicate(timeout=90)

    assert child.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert out.startswith("Import stopped. Added ")
    added = int(out.split()[3])
    library = Library(tmp_path / "library")
    assert 3 <= added < 80 and len(library.entries()) == len(list(articles.iterdir())) >= added
    assert list((tmp_path / "library" / "incoming").iterdir()) == []
