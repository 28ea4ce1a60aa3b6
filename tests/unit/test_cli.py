"""The command line: analyze --json output contract, errors as one line, exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict], list[str]]:
    status = main(list(args))
    captured = capsys.readouterr()
    objects = [json.loads(line) for line in captured.out.splitlines() if line.strip()]
    return status, objects, [line for line in captured.err.splitlines() if line.strip()]


def test_analyze_json_prints_one_object_per_file_in_order(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    page = data_dir / "html" / "lighthouse-recap.html"
    forum = data_dir / "html" / "forum-post.html"
    status, objects, errors = _run(capsys, "analyze", "--json", str(page), str(forum))
    assert status == 0 and errors == []
    assert [o["path"] for o in objects] == [str(page), str(forum)]
    first = objects[0]
    assert first["schema"] == 1 and first["format"] == "html"
    assert first["title"] == "‘The Lamplighters’ Episode 3 Recap: Odile Climbs the Stair"
    assert (first["byline"], first["site"], first["published"]) == ("Priya Vantongeren", "Tidewire", "2026-03-14")
    assert [b["id"] for b in first["blocks"]] == list(range(len(first["blocks"])))
    assert {b["kind"] for b in first["blocks"]} <= {"heading", "paragraph", "list_item", "quote", "caption", "image"}
    assert first["blocks"][0]["text"].startswith("Spoiler warning:")
    # The analysis fields, keyed and typed as DESIGN.md's contract says.
    assert list(first) == ["schema", "path", "format", "title", "title_spoiler", "safe_title", "byline",
                           "site", "published", "show", "season", "episode", "blocks", "characters",
                           "key_moments"]
    assert isinstance(first["title_spoiler"], bool) and isinstance(first["safe_title"], str)
    assert all(list(b) == ["id", "kind", "text", "spoiler", "reason", "spans"] for b in first["blocks"])
    for block in first["blocks"]:
        assert isinstance(block["spoiler"], bool) and (block["reason"] is None or isinstance(block["reason"], str))
        assert block["spoiler"] is False or block["spans"] == []
        for span in block["spans"]:
            assert 0 <= span["start"] < span["end"] <= len(block["text"]) and span["reason"]
    assert any(b["spoiler"] and b["reason"] for b in first["blocks"])
    for character in first["characters"]:
        assert list(character) == ["name", "actor", "aliases", "spoiler", "mentions"]
        for mention in character["mentions"]:
            text = first["blocks"][mention["block"]]["text"]
            assert 0 <= mention["start"] < mention["end"] <= len(text)
    for moment in first["key_moments"]:
        assert list(moment) == ["text", "block", "spoiler"]


def test_watched_lifts_the_shield_for_that_episode(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.bundled import sample_article_path

    sample = str(sample_article_path())
    _, (unwatched,), _ = _run(capsys, "analyze", "--json", sample)
    show, episode = unwatched["show"], unwatched["episode"]
    assert show and episode and any(b["spoiler"] for b in unwatched["blocks"])
    status, (watched,), errors = _run(capsys, "analyze", "--json", "--watched", f"{show}=E{episode}", sample)
    assert status == 0 and errors == []
    assert not any(b["spoiler"] for b in watched["blocks"]) and not watched["title_spoiler"]
    _, (before,), _ = _run(capsys, "analyze", "--json", "--watched", f"{show.upper()}=E{episode}",
                           "--watched", "Another Show=S1E9", sample)
    assert not any(b["spoiler"] for b in before["blocks"])


def test_a_bad_watched_value_is_one_line_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.bundled import sample_article_path

    status, objects, errors = _run(capsys, "analyze", "--json", "--watched", "Show=S2", str(sample_article_path()))
    assert status == 2 and objects == []
    assert len(errors) == 1 and "--watched" in errors[0] and "S1E4" in errors[0]


def test_a_bad_file_is_reported_and_the_rest_still_run(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "gone.html"
    page = data_dir / "html" / "forum-post.html"
    status, objects, errors = _run(capsys, "analyze", "--json", str(missing), str(page))
    assert status == 1
    assert objects[0] == {"path": str(missing), "error": f"{missing} does not exist."}
    assert objects[1]["title"] == "Ep 6 thoughts — The Salt Road"
    assert len(errors) == 1 and "does not exist" in errors[0]


def test_usage_errors_are_one_line_with_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", "--json"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "FILE" in err[0]


def test_plain_analyze_prints_readable_text(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    status = main(["analyze", str(data_dir / "html" / "lighthouse-recap.html")])
    out = capsys.readouterr().out
    assert status == 0
    assert out.startswith("‘The Lamplighters’ Episode 3 Recap")
    assert "  • The gulls get more screen time" in out
    assert "  4. Fourth in a numbered list." in out


def test_no_file_opens_the_bundled_sample(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from reader import cli
    from reader.bundled import sample_article_path

    assert cli.files_to_open([]) == [sample_article_path()]
    given = [tmp_path / "a.html", tmp_path / "b.md"]
    assert cli.files_to_open(given) == given

    # open_window gets the files as named (none: a running window only comes forward) and
    # puts the sample in their place itself; the window is tested in tests/gui and tests/e2e.
    opened: list[list[Path]] = []
    monkeypatch.setattr(cli, "open_window", lambda files: opened.append(list(files)) or 0)
    assert main([]) == 0 and main([str(given[0])]) == 0
    assert opened == [[], [given[0]]]


def test_screenshot_options_need_screenshot_and_one_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["--theme", "dark"]) == 2
    assert main(["--screenshot", str(tmp_path / "x.png"), "a.html", "b.html"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "--screenshot" in err[0] and "--screenshot" in err[1]
    with pytest.raises(SystemExit) as exit_info:
        main(["--screenshot", str(tmp_path / "x.png"), "--zoom", "lots"])
    assert exit_info.value.code == 2


def test_python_dash_m_runs_the_same_cli(data_dir: Path) -> None:
    page = data_dir / "html" / "forum-post.html"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", "--json", str(page)],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format"] == "html"


def test_shield_levels_hide_less_as_caution_drops(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.bundled import sample_article_path

    sample = str(sample_article_path())
    hidden = {}
    for level in ("cautious", "balanced", "relaxed"):
        status, (result,), errors = _run(capsys, "analyze", "--json", "--shield", level, sample)
        assert status == 0 and errors == []
        hidden[level] = {b["id"] for b in result["blocks"] if b["spoiler"]}
    _, (default,), _ = _run(capsys, "analyze", "--json", sample)
    assert {b["id"] for b in default["blocks"] if b["spoiler"]} == hidden["cautious"]
    assert hidden["relaxed"] <= hidden["balanced"] <= hidden["cautious"] and hidden["relaxed"]


def test_an_unknown_shield_level_is_one_line_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.bundled import sample_article_path

    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", "--json", "--shield", "paranoid", str(sample_article_path())])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--shield" in err[0]


def test_the_cli_offers_exactly_the_analysis_caution_levels() -> None:
    from reader.analysis.shield_model import Caution
    from reader.cli import SHIELD_LEVELS

    assert SHIELD_LEVELS == tuple(level.value for level in Caution)
    assert Caution.parse(None) is Caution.CAUTIOUS and Caution.parse("Relaxed") is Caution.RELAXED
    with pytest.raises(ValueError, match="cautious"):
        Caution.parse("paranoid")


def test_export_prints_the_article_with_its_spoilers_marked(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.bundled import sample_article_path
    from reader.loaders import load

    sample = sample_article_path()
    article = load(sample)
    status = main(["export", str(sample)])
    captured = capsys.readouterr()
    assert status == 0 and captured.err == ""
    markdown = captured.out
    assert markdown.startswith("# ") and article.title not in markdown  # the headline spoils
    assert "[spoiler: The Orchard Street Exchange, episode 1]" in markdown
    assert "Tuesday" not in markdown and "receiver" in markdown  # shielded / readable words

    assert main(["export", "--format", "html", str(sample)]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "[spoiler: The Orchard Street Exchange, episode 1]" in page and "Tuesday" not in page


def test_export_leaves_in_what_the_friend_has_watched(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.bundled import sample_article_path
    from reader.loaders import load

    sample = sample_article_path()
    status = main(["export", "--watched", "The Orchard Street Exchange=E1", str(sample)])
    markdown = capsys.readouterr().out
    assert status == 0 and "[spoiler" not in markdown
    assert "Tuesday" in markdown and markdown.startswith(f"# {load(sample).title}\n")


def test_export_bad_input_is_one_line_and_a_status(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from reader.bundled import sample_article_path

    assert main(["export", str(tmp_path / "gone.md")]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "does not exist" in captured.err
    assert main(["export", "--watched", "Show=S2", str(sample_article_path())]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("recap-reader export: --watched:")
    for args in (["export", "--format", "pdf", "x.md"], ["export", "a.md", "b.md"], ["export"]):
        with pytest.raises(SystemExit) as exit_info:
            main(args)
        assert exit_info.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("recap-reader export:")
