"""MHTML: the page part is found and decoded, images come only from the file, the Subject is a
fallback title, and damaged files give an article or one clear sentence."""

from __future__ import annotations

import json
import re
import socket
from html import unescape
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.article import Article, Block, ImageRef
from reader.errors import LoadError
from reader.loaders import html as html_loader
from reader.loaders import load
from reader.loaders.mhtml import (
    MhtmlImageResolver,
    extract_html_part,
    load_mhtml,
    parse_mhtml,
    url_key,
)

MHTML_DIR = Path(__file__).resolve().parents[2] / "data" / "mhtml"
PAGE_URL = "https://www.reelside.test/tv/lantern-street-episode-3-recap"
TITLE = "‘Lantern Street’ Episode 3 Recap: The Clockmaker’s Bargain"
FIRST = "Odile Marsh (Bea Harrow) finally opens the clockmaker’s shop on Lantern Street"
LAST = "Lantern Street streams on Fenlight every Friday; episode 4 arrives next week."
LONG_WORD = "Supercalifragilisticexpialidociouslylongcompoundwordthatmustsurvivesoftbreaks"


def _read(name: str) -> bytes:
    return (MHTML_DIR / name).read_bytes()


def _visible(html: str) -> str:
    html = re.sub(r"(?is)<(head|script|style)\b.*?</\1\s*>", " ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a socket fails the test: the loader must never fetch."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the MHTML loader tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def fake_extraction(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """Replace html_to_article with a recorder, to test the MIME handling on its own."""
    calls: list[dict[str, object]] = []

    def fake(html: str, *, source_path: Path | None, fmt: str, resolve_image, fallback_title=None) -> Article:  # type: ignore[no-untyped-def]
        calls.append({"html": html, "source_path": source_path, "fmt": fmt, "resolve": resolve_image})
        srcs = re.findall(r'<img[^>]*\bsrc="([^"]*)"', html)
        blocks = [Block(id=i, kind="image", text="", image=resolve_image(s)) for i, s in enumerate(srcs)]
        title = m.group(1) if (m := re.search(r"<h1>(.*?)</h1>", html)) else (fallback_title or "")
        return Article(title=title, blocks=blocks, source_path=source_path, format=fmt)  # type: ignore[arg-type]

    monkeypatch.setattr(html_loader, "html_to_article", fake)
    return calls


def _extraction_available() -> None:
    try:
        html_loader.html_to_article("<p>x</p>", source_path=None, fmt="mhtml",
                                    resolve_image=lambda s: ImageRef(s))
    except NotImplementedError:
        pytest.skip("html_to_article is not implemented yet")
    except LoadError:
        pass


# --- the MIME layer on its own ---------------------------------------------------------------


def test_quoted_printable_html_is_decoded() -> None:
    page = parse_mhtml(_read("snapshot.mhtml"))
    text = _visible(page.html)
    assert TITLE in text  # =E2=80=98 / =E2=80=99 decoded as UTF-8 through the page's meta
    assert FIRST in text and LAST in text
    assert LONG_WORD in page.html  # soft line breaks joined back
    assert "=\r\n" not in page.html and "=3D" not in page.html


def test_subject_is_decoded_from_encoded_words() -> None:
    page = parse_mhtml(_read("snapshot.mhtml"))
    assert page.subject == TITLE + " | Reelside"


def test_root_is_the_page_not_its_frame() -> None:
    html, _ = extract_html_part(_read("snapshot.mhtml"))
    assert "Clockmaker" in html
    assert "Advertisement: try Fenlight" not in html


def test_start_parameter_chooses_the_root() -> None:
    data = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"; '
            b'start="<main@x>"\r\n\r\n'
            b"--b\r\nContent-Type: text/html\r\nContent-ID: <frame@x>\r\n\r\n<p>Frame</p>\r\n"
            b"--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-ID: <main@x>\r\n\r\n"
            b"<p>Main page</p>\r\n--b--\r\n")
    assert "Main page" in parse_mhtml(data).html


def test_images_are_mapped_by_cid_and_content_location() -> None:
    page = parse_mhtml(_read("snapshot.mhtml"))
    assert set(page.images) == {
        "cid:still-1@reelside.test",
        "https://img.reelside.test/2025/04/ledger.png",
        "https://www.reelside.test/tv/images/coins.png",
    }
    for ref in page.images.values():
        assert ref.mime_type == "image/png"
        assert ref.data is not None and ref.data.startswith(b"\x89PNG\r\n\x1a\n")
    assert page.base_url == PAGE_URL


def test_resolver_serves_stored_images_only(no_network: None) -> None:
    page = parse_mhtml(_read("snapshot.mhtml"))
    resolve = MhtmlImageResolver(page.images, page.base_url)

    by_cid = resolve("cid:still-1@reelside.test")
    assert by_cid.is_available and by_cid.src == "cid:still-1@reelside.test"
    assert by_cid.mime_type == "image/png"
    assert resolve("CID:%3Cstill-1@reelside.test%3E").is_available  # case and escapes

    absolute = resolve("https://img.reelside.test/2025/04/ledger.png")
    assert absolute.is_available and absolute.data != by_cid.data

    relative = resolve("images/coins.png")
    assert relative.is_available and relative.src == "images/coins.png"
    assert resolve("/tv/images/coins.png").is_available
    assert resolve("//www.reelside.test/tv/images/coins.png").is_available
    assert resolve("https://www.reelside.test/tv/images/coins.png#zoom").is_available

    missing = resolve("https://img.reelside.test/2025/04/not-saved.jpg")
    assert not missing.is_available and missing.data is None and missing.local_path is None
    for odd in ("", "   ", "http://[::1", "cid:", "javascript:alert(1)", "\x00"):
        assert not resolve(odd).is_available


def test_base_href_resolves_relative_sources() -> None:
    data = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
            b"--b\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Location: https://www.example.test/tv/recap.html\r\n\r\n"
            b'<html><head><base href="https://cdn.example.test/assets/"></head>'
            b'<body><img src="still.png"></body></html>\r\n'
            b"--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
            b"Content-Location: https://cdn.example.test/assets/still.png\r\n\r\n"
            b"iVBORw0KGgoAAAANSUhEUg==\r\n--b--\r\n")
    page = parse_mhtml(data)
    assert page.base_url == "https://cdn.example.test/assets/"
    ref = MhtmlImageResolver(page.images, page.base_url)("still.png")
    assert ref.is_available and ref.mime_type == "image/png"  # sniffed from octet-stream


@pytest.mark.parametrize(
    ("subject", "title"),
    [
        ("Pier at dusk | Reelside", "Pier at dusk"),
        ("Lantern Street – Episode 3", "Lantern Street – Episode 3"),
        ("Harbour Bells, episode 2", "Harbour Bells, episode 2"),
    ],
)
def test_subject_title_drops_only_a_piped_site_name(subject: str, title: str) -> None:
    from reader.loaders.mhtml import _title_from_subject

    assert _title_from_subject(subject) == title


def test_url_key_normalises() -> None:
    assert url_key("HTTPS://IMG.Example.test/a b.png#x") == "https://img.example.test/a%20b.png"
    assert url_key("https://img.example.test/a%20b.png") == "https://img.example.test/a%20b.png"
    assert url_key("cid:<Part1@X>") == "cid:part1@x"


def test_part_charset_is_used_for_the_html() -> None:
    html, _ = extract_html_part(_read("ie-latin1.mht"))
    # Declared iso-8859-1, bytes are Windows-1252 curly quotes: decoded as browsers do.
    assert "The lighthouse keeper’s daughter rows out alone, and the “storm” never comes." in html
    assert "Marguerite’s crêpes" in html


def test_base64_html_part_without_charset_uses_the_page_meta() -> None:
    import base64

    body = '<meta charset="euc-kr"><p>지난밤 방송에서 제빵사 하윤은 열쇠를 잃어버렸다.</p>'.encode("euc-kr")
    data = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
            b"--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + base64.encodebytes(body).replace(b"\n", b"\r\n") + b"--b--\r\n")
    assert "제빵사 하윤은" in parse_mhtml(data).html


def test_no_html_part_is_one_clear_sentence() -> None:
    with pytest.raises(LoadError) as err:
        parse_mhtml(_read("no-html.mhtml"), "no-html.mhtml")
    message = str(err.value)
    assert message.startswith("no-html.mhtml ") and message.endswith(".") and "\n" not in message


def test_lost_boundary_parameter_is_rescued() -> None:
    page = parse_mhtml(_read("no-boundary-param.mhtml"))
    assert FIRST in _visible(page.html)
    assert "cid:still-1@reelside.test" in page.images


def test_truncated_html_part_keeps_what_is_there() -> None:
    page = parse_mhtml(_read("truncated.mhtml"))
    text = _visible(page.html)
    assert FIRST in text and LAST not in text
    assert page.images == {}


def test_truncated_image_is_left_out() -> None:
    page = parse_mhtml(_read("truncated-image.mhtml"))
    assert LAST in _visible(page.html)
    assert page.images == {}  # the file ends inside the only image it reached


@pytest.mark.parametrize("fixture", ["snapshot.mhtml", "ie-latin1.mht", "untitled.mhtml"])
def test_every_cut_gives_a_page_or_one_sentence(fixture: str) -> None:
    data = _read(fixture)
    for cut in range(0, len(data), 37):
        try:
            page = parse_mhtml(data[:cut], fixture)
        except LoadError as err:
            assert fixture in str(err) and "\n" not in str(err)
        else:
            assert isinstance(page.html, str)


def test_garbage_after_the_headers_is_one_sentence() -> None:
    data = (b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/related; type="text/html"; boundary="b"\r\n\r\n'
            + bytes(range(256)) * 8)
    with pytest.raises(LoadError) as err:
        parse_mhtml(data, "junk.mhtml")
    assert "junk.mhtml" in str(err.value)


@given(st.binary(max_size=2000))
def test_any_body_gives_a_page_or_load_error(body: bytes) -> None:
    data = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
            + body)
    try:
        page = parse_mhtml(data, "fuzz.mhtml")
    except LoadError as err:
        assert "fuzz.mhtml" in str(err)
    else:
        MhtmlImageResolver(page.images, page.base_url)("img.png")


# --- load_mhtml with the extraction replaced ----------------------------------------------


def test_load_hands_the_page_to_html_extraction(fake_extraction: list[dict[str, object]],
                                                no_network: None) -> None:
    path = MHTML_DIR / "snapshot.mhtml"
    article = load_mhtml(path.read_bytes(), path)
    (call,) = fake_extraction
    assert call["fmt"] == "mhtml" and call["source_path"] == path
    assert FIRST in _visible(str(call["html"]))
    available = {b.image.src: b.image.is_available for b in article.blocks if b.image}
    assert available == {
        "cid:still-1@reelside.test": True,
        "https://img.reelside.test/2025/04/ledger.png": True,
        "images/coins.png": True,
        "https://img.reelside.test/2025/04/not-saved.jpg": False,
    }
    assert article.title == TITLE


def test_subject_is_the_title_when_the_page_has_none(fake_extraction: list[dict[str, object]]) -> None:
    path = MHTML_DIR / "untitled.mhtml"
    article = load_mhtml(path.read_bytes(), path)
    assert article.title == "Pier at dusk — a note"  # " | Reelside" dropped


def test_load_dispatches_mhtml_by_content(fake_extraction: list[dict[str, object]],
                                          tmp_path: Path) -> None:
    renamed = tmp_path / "recap.html"
    renamed.write_bytes(_read("snapshot.mhtml"))
    assert load(renamed).format == "mhtml"


# --- with the real extraction ------------------------------------------------------------------


def test_snapshot_loads_as_an_article(no_network: None) -> None:
    _extraction_available()
    path = MHTML_DIR / "snapshot.mhtml"
    article = load_mhtml(path.read_bytes(), path)
    assert article.format == "mhtml"
    assert article.title == TITLE
    body = " ".join(article.body_text.split())
    assert FIRST in body and LAST in body
    assert "Advertisement: try Fenlight" not in body
    images = [b.image for b in article.blocks if b.image is not None]
    assert any(img.is_available and img.data and img.mime_type == "image/png" for img in images)


def test_untitled_snapshot_takes_the_subject(no_network: None) -> None:
    _extraction_available()
    path = MHTML_DIR / "untitled.mhtml"
    assert load_mhtml(path.read_bytes(), path).title == "Pier at dusk — a note"


def test_truncated_snapshot_loads_best_effort() -> None:
    _extraction_available()
    path = MHTML_DIR / "truncated.mhtml"
    article = load(path)
    assert FIRST in " ".join(article.body_text.split())


# --- the shared corpus -------------------------------------------------------------------------

CORPUS_FILE = "popwire-tokyo-night-pharmacy-ep8-top5.mhtml"


def _corpus(shared_dir: Path) -> tuple[Path, dict[str, object]]:
    path = shared_dir / "corpus" / "recaps" / CORPUS_FILE
    if not path.exists():
        pytest.skip(f"{CORPUS_FILE} is not in the shared corpus")
    labels = json.loads(path.with_name(path.stem + ".labels.json").read_text(encoding="utf-8"))
    return path, labels


def test_corpus_html_part_holds_the_body(shared_dir: Path) -> None:
    path, labels = _corpus(shared_dir)
    html, images = extract_html_part(path.read_bytes())
    text = _visible(html)
    for snippet in labels["body_must_include"]:  # type: ignore[union-attr]
        assert snippet in text, snippet
    assert any(ref.mime_type == "image/png" and ref.data for ref in images.values())
    assert parse_mhtml(path.read_bytes()).subject == labels["title"] + " | Popwire"


def test_corpus_mhtml_loads_as_the_article(shared_dir: Path, no_network: None) -> None:
    _extraction_available()
    path, labels = _corpus(shared_dir)
    article = load(path)
    assert article.format == "mhtml"
    assert article.title == labels["title"]
    body = " ".join(article.body_text.split())
    for snippet in labels["body_must_include"]:  # type: ignore[union-attr]
        assert snippet in body, snippet
    for snippet in labels["boilerplate"]:  # type: ignore[union-attr]
        assert snippet not in body, snippet
    available = [b.image for b in article.blocks if b.image is not None and b.image.is_available]
    assert available and available[0].mime_type == "image/png"
