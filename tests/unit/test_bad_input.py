"""Bad input never produces a traceback or a hang: one clear line and exit 1, or an article.

Each case runs the real command in a subprocess with a generous timeout as the hang guard;
the assertions are about the outcome, not the time (timings live in tests/benchmarks/).
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HANG_GUARD_SECONDS = 300


def _analyze(*paths: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "reader", "analyze", "--json", *map(str, paths)],
        capture_output=True, text=True, timeout=HANG_GUARD_SECONDS, env=env,
    )


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"\x00\xff\x00\x00" * 4
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _assert_one_clear_error(result: subprocess.CompletedProcess[str], path: Path) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert path.name in lines[0]
    obj = json.loads(result.stdout)
    assert obj["path"] == str(path) and obj["error"]
    return obj["error"]


@pytest.mark.parametrize(
    ("name", "content", "expected_words"),
    [
        ("empty.html", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("photo.html", _png(), "image"),
        ("binary.txt", bytes(range(256)) * 64, "not"),
    ],
)
def test_unreadable_files_give_one_clear_line(tmp_path: Path, name: str, content: bytes, expected_words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    message = _assert_one_clear_error(_analyze(path), path)
    assert expected_words in message.lower()


def test_a_folder_and_a_missing_file(tmp_path: Path) -> None:
    _assert_one_clear_error(_analyze(tmp_path), tmp_path)
    missing = tmp_path / "nope.md"
    _assert_one_clear_error(_analyze(missing), missing)


def test_invalid_bytes_give_a_best_effort_article(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_bytes(
        b"<html><head><meta charset='utf-8'><title>Broken bytes</title></head><body><article>"
        + b"<p>The first paragraph is fine and long enough to be the article body here.</p>"
        + b"<p>Then \xff\xfe\xc3 invalid \x80\x81 bytes appear in the middle of a sentence.</p>"
        + b"</article></body></html>"
    )
    text = tmp_path / "broken.txt"
    text.write_bytes(b"A title line\n\nA paragraph with \xff\xfe bad bytes \xc3 inside.\n")
    result = _analyze(page, text)
    assert result.returncode == 0, result.stderr
    html_obj, text_obj = (json.loads(line) for line in result.stdout.splitlines())
    assert html_obj["title"] == "Broken bytes"
    assert any("invalid" in b["text"] and "bytes appear" in b["text"] for b in html_obj["blocks"])
    assert text_obj["title"] == "A title line"
    assert "bad bytes" in text_obj["blocks"][0]["text"]


def test_deeply_nested_tags_still_give_the_text(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><head><title>Deep</title></head><body>" + "<div><span>" * 10_000
        + "<p>Buried text at the bottom of ten thousand wrappers, still readable.</p>"
        + "</span></div>" * 10_000 + "<p>A paragraph after all of them, also kept.</p></body></html>",
        encoding="utf-8",
    )
    result = _analyze(page)
    assert result.returncode == 0, result.stderr
    texts = [b["text"] for b in json.loads(result.stdout)["blocks"]]
    assert any(t.startswith("Buried text at the bottom") for t in texts)
    assert any(t.startswith("A paragraph after all of them") for t in texts)


def test_truncated_mhtml_gives_an_article_or_one_clear_line(tmp_path: Path, data_dir: Path) -> None:
    source = next((data_dir / "mhtml").glob("*.mhtml"))
    data = source.read_bytes()
    for cut in (len(data) // 3, len(data) // 2, len(data) - 40, 200):
        path = tmp_path / f"cut-{cut}.mhtml"
        path.write_bytes(data[:cut])
        result = _analyze(path)
        assert "Traceback" not in result.stderr
        if result.returncode == 0:
            assert json.loads(result.stdout)["format"] == "mhtml"
        else:
            _assert_one_clear_error(result, path)


def test_a_page_over_the_size_cap_is_refused_in_one_line(tmp_path: Path) -> None:
    """Past the cap the file is refused, not opened cut short (reader/loaders/__init__.py says
    why), and the sparse file's reported size is not what decides: the read stops at the cap."""
    from reader.loaders import MAX_FILE_BYTES

    page = tmp_path / "huge.html"
    with page.open("wb") as out:
        out.write(b"<html><head><title>Huge page</title></head><body><article><p>Text.</p>")
        out.truncate(MAX_FILE_BYTES + 1)
    before = page.stat().st_mtime_ns
    error = _assert_one_clear_error(_analyze(page), page)
    assert "too large" in error
    assert page.stat().st_mtime_ns == before


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_in_one_line(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} is missing here")
    error = _assert_one_clear_error(_analyze(Path(device)), Path(device))
    assert "device" in error


def test_a_fifo_is_refused_in_one_line_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    error = _assert_one_clear_error(_analyze(fifo), fifo)
    assert "FIFO" in error
