"""Hostile inputs, generated on demand (nothing big is committed).

``write_inputs(folder, scale)`` writes every hostile page into ``folder`` and returns them by
name. ``scale`` shrinks the big ones: the test suite uses a small scale so CI stays quick, and
``tests/benchmarks/hostile.py`` runs the full size (scale 1.0), the sizes of the probe in issue
14. Special files (a FIFO, a socket, devices) are returned as paths too: they are the cases
where "how big is it" cannot be answered by ``stat``.

``write_state_damage(folder)`` gives the ways a state file (progress, settings) can be damaged,
as callables that turn a given path into that damage.
"""

from __future__ import annotations

import base64
import json
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024

# A PNG the size of one pixel: a harmless file "outside the page" an SVG may try to pull in.
_PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@dataclass(frozen=True)
class HostileInput:
    """One hostile case: where it is and what kind of trouble it brings."""

    name: str
    path: Path
    kind: str  # "size", "special", "structure", "encoding", "resource"


def _paragraph_page(count: int, tag: str) -> bytes:
    body = f"<{tag}>Mia runs.</{tag}>\n".encode() * count  # a million fit under the size cap
    return b"<html><head><title>Many elements</title></head><body><article>" + body + b"</article></body></html>"


def _write_repeated(path: Path, head: bytes, chunk: bytes, total: int, tail: bytes = b"") -> None:
    with path.open("wb") as out:
        out.write(head)
        written = len(head)
        while written < total:
            out.write(chunk)
            written += len(chunk)
        out.write(tail)


def write_inputs(folder: Path, scale: float = 1.0) -> dict[str, HostileInput]:
    """Write every hostile input into ``folder`` (created if needed) at ``scale`` of full size."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[str, HostileInput] = {}

    def add(name: str, kind: str, path: Path) -> None:
        cases[name] = HostileInput(name, path, kind)

    def size(megabytes: float) -> int:
        return max(4096, int(megabytes * MB * scale))

    # --- formats that already passed the probe -------------------------------------------
    (folder / "empty.html").write_bytes(b"")
    add("empty file", "structure", folder / "empty.html")
    (folder / "random.html").write_bytes(os.urandom(size(1)))
    add("random bytes", "encoding", folder / "random.html")
    (folder / "nul.txt").write_bytes(b"\x00" * size(1))
    add("NUL bytes", "encoding", folder / "nul.txt")
    depth = max(1000, int(100_000 * scale))
    (folder / "deep.html").write_bytes(b"<html><body>" + b"<div>" * depth + b"<p>Deep text.</p>" + b"</div>" * depth)
    add("deep nesting", "structure", folder / "deep.html")
    (folder / "bad-encoding.html").write_bytes(
        b'<html><head><meta charset="utf-8"><title>Bad \xff\xfe bytes</title></head><body><article>'
        + b"<p>Caf\xe9 \xc3\x28 and \xed\xa0\x80 surrogates and \xf8\x88\x80\x80\x80.</p>" * 200
        + b"</article></body></html>")
    add("bad encoding", "encoding", folder / "bad-encoding.html")
    (folder / "broken.mhtml").write_bytes(
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"XX\"\r\n\r\n--XX\r\n"
        b"Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64 at all===\r\n"
        b"--XX\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>Half=")
    add("broken MHTML", "structure", folder / "broken.mhtml")

    # --- size bounds (issue 14, table) ----------------------------------------------------
    line = b"The harbour was quiet that night and the keeper wrote in the log.\n"
    _write_repeated(folder / "big.txt", b"", line, size(100))
    add("100 MB text", "size", folder / "big.txt")
    para = b"<p>The harbour was quiet that night, and the keeper wrote in the log, as she always did.</p>\n"
    _write_repeated(folder / "big.html", b"<html><head><title>Big</title></head><body><article>", para,
                    size(100), b"</article></body></html>")
    add("100 MB HTML", "size", folder / "big.html")
    # Just under the 32 MB cap of reader/loaders: the largest pages that are read at all.
    _write_repeated(folder / "under-cap.txt", b"", line, size(31))
    add("31 MB text", "size", folder / "under-cap.txt")
    _write_repeated(folder / "under-cap.html", b"<html><head><title>Big</title></head><body><article>", para,
                    size(31), b"</article></body></html>")
    add("31 MB HTML", "size", folder / "under-cap.html")
    elements = max(10_000, int(1_000_000 * scale))
    (folder / "spans.html").write_bytes(_paragraph_page(elements, "span"))
    add("one million <span>", "size", folder / "spans.html")
    (folder / "paragraphs.html").write_bytes(_paragraph_page(elements, "p"))
    add("one million <p>", "size", folder / "paragraphs.html")
    _write_repeated(folder / "giant-line.txt", b"", b"word and more words then ", size(50), b"\n")
    add("one 50 MB line", "size", folder / "giant-line.txt")
    _write_repeated(folder / "giant-line.md", b"# Title\n\n", b"*a* _b_ [c](d) `e` ", size(25), b"\n")
    add("one 25 MB Markdown line", "size", folder / "giant-line.md")
    payload = base64.encodebytes(os.urandom(size(60) * 3 // 4))
    (folder / "big-part.mhtml").write_bytes(
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
        b"Content-Type: text/html\r\n\r\n<html><head><title>Part</title></head><body><article>"
        b"<p>The keeper wrote in the log, as she always did, that nothing had happened.</p>"
        b"<img src=\"cid:big\"></article></body></html>\r\n--B\r\nContent-Type: image/png\r\n"
        b"Content-ID: <big>\r\nContent-Transfer-Encoding: base64\r\n\r\n" + payload + b"\r\n--B--\r\n")
    add("a 60 MB base64 MHTML part", "size", folder / "big-part.mhtml")

    # --- special files ----------------------------------------------------------------------
    fifo = folder / "fifo.html"
    os.mkfifo(fifo)
    add("FIFO", "special", fifo)
    sock_path = folder / "socket.html"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(sock_path))
    listener.close()  # the socket file stays; nothing listens
    add("socket", "special", sock_path)
    for device in ("/dev/zero", "/dev/urandom"):
        if Path(device).exists():
            add(device, "special", Path(device))

    # --- resources outside the page ---------------------------------------------------------
    add_svg_pages(folder / "svg", add)
    return cases


def outside_files(folder: Path) -> list[Path]:
    """The files the SVG pages point at that lie outside their page folder (for the checks)."""
    return [folder / "svg" / "secret.png", folder / "svg" / "secret-fifo"]


def add_svg_pages(folder: Path, add: Callable[[str, str, Path], None]) -> None:
    """Pages whose SVG images reference files outside the page: a data: URI SVG and an SVG in
    ``Page_files``, each pointing ``..`` upwards, at an absolute path and at a FIFO."""
    folder.mkdir(parents=True, exist_ok=True)
    secret = folder / "secret.png"
    secret.write_bytes(_PIXEL_PNG)
    secret_fifo = folder / "secret-fifo"
    os.mkfifo(secret_fifo)
    page_dir = folder / "site"
    files = page_dir / "Page_files"
    files.mkdir(parents=True, exist_ok=True)

    def svg(href: str) -> bytes:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                f'width="40" height="40"><rect width="40" height="40" fill="teal"/>'
                f'<image xlink:href="{href}" href="{href}" width="40" height="40"/></svg>').encode()

    text = "<p>The keeper wrote in the log, as she always did, that nothing had happened at all.</p>" * 3
    for name, href in (("relative", "../../secret.png"), ("absolute", secret.as_uri()),
                       ("absolute-path", str(secret)), ("fifo", str(secret_fifo))):
        (files / f"{name}.svg").write_bytes(svg(href))
        page = page_dir / f"Page-{name}.html"
        page.write_text(f"<html><head><title>SVG {name}</title></head><body><article>{text}"
                        f'<img src="Page_files/{name}.svg" alt="drawing">{text}</article></body></html>')
        add(f"SVG in _files, {name} reference", "resource", page)
        encoded = base64.b64encode(svg(href)).decode()
        page = page_dir / f"Data-{name}.html"
        page.write_text(f"<html><head><title>SVG data {name}</title></head><body><article>{text}"
                        f'<img src="data:image/svg+xml;base64,{encoded}" alt="drawing">{text}</article></body></html>')
        add(f"SVG data: URI, {name} reference", "resource", page)


# --- state files ----------------------------------------------------------------------------------

def progress_entries(count: int) -> list[dict[str, object]]:
    """``count`` distinct, valid progress entries (one per made-up show)."""
    return [{"show": f"Show number {i}", "season": 1 + i % 9, "episode": 1 + i % 20} for i in range(count)]


def _write_text(text: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(text, encoding="utf-8")


def _write_bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _make_fifo(path: Path) -> None:
    os.mkfifo(path)


def _make_folder(path: Path) -> None:
    path.mkdir()


def _make_dangling_link(path: Path) -> None:
    path.symlink_to(path.parent / "nowhere" / "gone.json")


# Each way a state file can be damaged; the readable entries (when the format keeps any) are
# named by ``readable_progress`` for the progress file.
def progress_damage(entries: int = 300_000) -> dict[str, tuple[Callable[[Path], None], list[dict[str, object]]]]:
    """Damaged ``progress.json`` files: name -> (make it, the entries that are still readable)."""
    good = progress_entries(3)
    many = progress_entries(entries)
    mixed = [good[0], {"show": 7, "episode": "x"}, good[1], [1, 2], None, good[2], {"show": "", "episode": 3}]
    valid = json.dumps({"schema": 1, "watched": good})
    return {
        "truncated JSON": (_write_text(valid[: len(valid) * 2 // 3]), good[:1]),
        "binary garbage": (_write_bytes(os.urandom(4096)), []),
        # The entry with the bad byte is kept under a name with U+FFFD; the others as they were.
        "invalid UTF-8": (_write_bytes(valid.encode().replace(b"Show", b"Sh\xffw", 1)), good[1:]),
        "deep nesting": (_write_text("[" * 200_000 + "]" * 200_000), []),
        "deep nesting inside an entry": (
            _write_text(json.dumps({"schema": 1, "watched": good})[:-2] + ', {"show": ' + "[" * 100_000
                        + "]" * 100_000 + "}]}"), good),
        "wrong types": (_write_text(json.dumps({"schema": 1, "watched": mixed})), good),
        "top level a list": (_write_text(json.dumps(good)), good),
        "FIFO": (_make_fifo, []),
        "folder": (_make_folder, []),
        "dangling symlink": (_make_dangling_link, []),
        "empty": (_write_text(""), []),
        f"{entries:,} entries": (_write_text(json.dumps({"schema": 1, "watched": many})), many),
    }


def settings_damage() -> dict[str, Callable[[Path], None]]:
    """Damaged settings files (an INI file QSettings reads). Each that can hold keys sets the
    theme to "dark" first, so a test can see that readable keys were kept."""
    return {
        "binary garbage": _write_bytes(b"[view]\ntheme=dark\n" + os.urandom(4096)),
        "truncated": _write_text("[view]\ntheme=dark\nzoom=1"),
        "wrong values": _write_text("[view]\ntheme=dark\nzoom=banana\nreading_width=-5\n[recent]\nsize=99999999\n"),
        "FIFO": _make_fifo,
        "folder": _make_folder,
        "huge": _write_bytes(b"[view]\ntheme=dark\nkey=" + b"x" * (20 * MB) + b"\n"),
    }
