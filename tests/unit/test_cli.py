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
    # The analysis has not run: no placeholder spoiler, character or episode fields.
    for absent in ("characters", "key_moments", "show", "season", "episode", "title_spoiler"):
        assert absent not in first
    assert all(set(b) == {"id", "kind", "text"} for b in first["blocks"])


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


def test_no_file_opens_the_bundled_sample(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.bundled import sample_article_path

    status = main([])
    out = capsys.readouterr().out
    assert status == 0
    from reader.loaders import load

    assert out.startswith(load(sample_article_path()).title)


def test_python_dash_m_runs_the_same_cli(data_dir: Path) -> None:
    page = data_dir / "html" / "forum-post.html"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", "--json", str(page)],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format"] == "html"
