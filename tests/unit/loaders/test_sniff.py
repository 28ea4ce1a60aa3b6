"""Format sniffing: the content decides the loader, the extension only breaks ties, and anything
that is not an article is refused with one sentence naming the file."""

from __future__ import annotations

import gzip
import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.errors import LoadError
from reader.loaders.sniff import SUPPORTED_EXTENSIONS, sniff_format

HTML_PAGE = (
    b"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Episode 2</title></head>"
    b"<body><p>The ferry leaves at dawn.</p></body></html>\n"
)
HTML_FRAGMENT = b"<p>The ferry leaves at dawn.</p>\n<p>Nobody waves goodbye.</p>\n"
PLAIN_TEXT = (
    b"Lantern Street, episode 3: the clockmaker's bargain\n\n"
    b"Warning: spoilers ahead for the whole episode.\n\n"
    b"Odile opens the shop and the bell rings twice before anyone speaks.\n"
    b"Tobias keeps the ledger nobody is allowed to read.\n"
)
MARKDOWN_STRUCTURE = (
    b"# Lantern Street, episode 3\n\n"
    b"Odile opens the shop. Read [our episode 2 recap](https://example.test/ep2) first.\n\n"
    b"## What happened\n\n- The bell rings twice.\n- Tobias keeps the ledger.\n"
)
MARKDOWN_FRONT_MATTER = (
    b"---\ntitle: Lantern Street, episode 3\nauthor: Wren Aldous\n---\n\n"
    b"Odile opens the shop and the bell rings twice before anyone speaks.\n"
)
MHTML = (
    b"From: <Saved by Blink>\r\n"
    b"Snapshot-Content-Location: https://www.example.test/recap\r\n"
    b"Subject: Episode 2\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="BB"\r\n\r\n'
    b"--BB\r\nContent-Type: text/html\r\nContent-Location: https://www.example.test/recap\r\n\r\n"
    + HTML_PAGE + b"\r\n--BB--\r\n"
)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x10\x20\x30")) + chunk(b"IEND", b""))


def _zip(*members: tuple[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, data in members or (("recap.html", HTML_PAGE),):
            archive.writestr(name, data)
    return buf.getvalue()


def test_supported_extensions_are_the_one_list() -> None:
    assert SUPPORTED_EXTENSIONS == (
        ".html", ".htm", ".xhtml", ".mhtml", ".mht", ".txt", ".md", ".markdown", ".eml",
    )


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        # matching extensions
        (HTML_PAGE, "recap.html", "html"),
        (HTML_PAGE, "recap.htm", "html"),
        (MHTML, "recap.mhtml", "mhtml"),
        (MHTML, "recap.mht", "mhtml"),
        (PLAIN_TEXT, "recap.txt", "text"),
        (MARKDOWN_STRUCTURE, "recap.md", "markdown"),
        (MARKDOWN_FRONT_MATTER, "recap.markdown", "markdown"),
        (HTML_FRAGMENT, "recap.html", "html"),
        # mismatched extensions: the content wins
        (HTML_PAGE, "recap.txt", "html"),
        (HTML_PAGE, "recap.md", "html"),
        (HTML_PAGE, "recap.mhtml", "html"),
        (HTML_FRAGMENT, "recap.txt", "html"),
        (MHTML, "recap.html", "mhtml"),
        (MHTML, "recap.txt", "mhtml"),
        (MHTML, "recap.eml", "mhtml"),
        (PLAIN_TEXT, "recap.html", "text"),
        (PLAIN_TEXT, "recap.mhtml", "text"),
        (MARKDOWN_STRUCTURE, "recap.txt", "markdown"),
        (MARKDOWN_STRUCTURE, "recap.html", "markdown"),
        (MARKDOWN_FRONT_MATTER, "recap.txt", "markdown"),
        # ties: plain prose named .md is Markdown (which renders prose as it is)
        (PLAIN_TEXT, "recap.md", "markdown"),
        (PLAIN_TEXT, "recap", "text"),
        (HTML_PAGE, "recap", "html"),
    ],
)
def test_content_decides_the_format(content: bytes, name: str, expected: str) -> None:
    assert sniff_format(content, Path(name)) == expected


def test_bold_and_bullets_alone_do_not_make_a_text_file_markdown() -> None:
    text = (b"Harbour Bells recap\n\n**Spoilers below.**\n\nBiggest takeaways\n"
            b"  \xe2\x80\xa2 The lighthouse stays dark.\n  \xe2\x80\xa2 Nobody rows out.\n")
    assert sniff_format(text, Path("recap.txt")) == "text"


def test_leading_comment_and_xml_declaration_are_skipped() -> None:
    saved_by_ie = b"<!-- saved from url=(0032)https://www.example.test/ep2 -->\r\n" + HTML_PAGE
    assert sniff_format(saved_by_ie, Path("recap.txt")) == "html"
    xhtml = (b'<?xml version="1.0" encoding="utf-8"?>\n'
             b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n'
             b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hi</p></body></html>')
    assert sniff_format(xhtml, Path("page.xhtml")) == "html"
    assert sniff_format(xhtml, Path("page.txt")) == "html"


def test_utf8_bom_is_skipped() -> None:
    assert sniff_format(b"\xef\xbb\xbf" + HTML_PAGE, Path("a.txt")) == "html"
    assert sniff_format(b"\xef\xbb\xbf" + PLAIN_TEXT, Path("a.html")) == "text"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_text_not_binary(codec: str) -> None:
    page = HTML_PAGE.decode("ascii").encode(codec)
    text = PLAIN_TEXT.decode("ascii").encode(codec)
    assert sniff_format(page, Path("recap.txt")) == "html"
    assert sniff_format(text, Path("recap.html")) == "text"


def test_a_text_recap_with_a_colon_on_its_first_lines_is_not_mail() -> None:
    text = b"Warning: spoilers ahead\nNote: this covers episodes 1-3\n\nThe bell rings twice.\n"
    assert sniff_format(text, Path("notes.txt")) == "text"
    meta = b"Title: Lantern Street\nAuthor: Wren\nDate: 2025-04-18\n\nThe bell rings twice.\n"
    assert sniff_format(meta, Path("notes.txt")) == "text"


def test_single_part_snapshot_with_mime_headers_is_mhtml() -> None:
    single = (b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
              b"Content-Location: https://www.example.test/recap\r\n\r\n" + HTML_PAGE)
    assert sniff_format(single, Path("recap.mht")) == "mhtml"


def test_html_newsletter_email_with_embedded_images_counts_as_snapshot() -> None:
    # The rule from the design: message/rfc822 is opened when it is multipart/related + HTML.
    mail = (b"From: Reelside <news@example.test>\r\nTo: me@example.test\r\nSubject: Hi\r\n"
            b"Date: Fri, 18 Apr 2025 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/related; boundary="r"\r\n\r\n'
            b"--r\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello</p>\r\n--r--\r\n")
    assert sniff_format(mail, Path("letter.eml")) == "mhtml"


def _assert_one_sentence(err: pytest.ExceptionInfo[LoadError], name: str, *words: str) -> str:
    message = str(err.value)
    assert name in message
    assert "\n" not in message and message.endswith(".")
    for word in words:
        assert word in message.lower()
    return message


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.html", b"", ("is empty",)),
        ("blank.txt", b"  \r\n\t\n  ", ("is empty",)),
        ("bom-only.md", b"\xef\xbb\xbf\n\n", ("is empty",)),
        ("utf16-blank.txt", "   \n".encode("utf-16"), ("is empty",)),
        ("photo.html", _png(), ("image (png)", "not a saved article")),
        ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), ("image (jpeg)",)),
        ("anim.htm", b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(20), ("image (gif)",)),
        ("pic.md", b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(30), ("image (webp)",)),
        ("pic.mhtml", b"BM\x46\x00\x00\x00\x00\x00\x00\x00\x36\x00" + bytes(40), ("image (bmp)",)),
        ("favicon.html", b"\x00\x00\x01\x00\x01\x00\x10\x10" + bytes(40), ("image (ico)",)),
        ("logo.html", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
         ("image (svg)",)),
        ("recap.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", ("pdf",)),
        ("recap.txt", _zip(), ("zip archive",)),
        ("recap.html", _zip(("[Content_Types].xml", b"<x/>"), ("word/document.xml", b"<x/>")),
         ("word document",)),
        ("book.html", _zip(("mimetype", b"application/epub+zip")), ("e-book (epub)",)),
        ("recap.md", gzip.compress(HTML_PAGE), ("gzip",)),
        ("recap.htm", bytes(range(256)) * 16, ("binary data",)),
        ("zeros.txt", bytes(4096), ("binary data",)),
    ],
)
def test_non_articles_are_refused_with_one_sentence(name: str, content: bytes, words: tuple[str, ...]) -> None:
    with pytest.raises(LoadError) as err:
        sniff_format(content, Path("/some/folder") / name)
    _assert_one_sentence(err, name, *words)


@pytest.mark.parametrize("fixture", ["plain-email.eml", "newsletter.eml"])
def test_email_that_is_not_a_page_snapshot_is_read_as_a_message(data_dir: Path, fixture: str) -> None:
    """Recaps arrive as newsletters: a message is an article, whatever the file is called."""
    data = (data_dir / "mhtml" / fixture).read_bytes()
    for name in (fixture, "letter.mhtml", "letter.txt"):
        assert sniff_format(data, Path(name)) == "email"


def test_whitespace_before_content_is_not_empty() -> None:
    assert sniff_format(b" " * 20000 + b"The bell rings twice.\n", Path("a.txt")) == "text"


def test_control_characters_in_the_name_do_not_break_the_line() -> None:
    with pytest.raises(LoadError) as err:
        sniff_format(b"", Path("odd\nname.html"))
    assert "\n" not in str(err.value)


def test_a_stray_nul_does_not_make_text_binary() -> None:
    assert sniff_format(PLAIN_TEXT * 10 + b"\x00" + PLAIN_TEXT, Path("a.txt")) == "text"


def test_iso_2022_jp_text_is_not_binary() -> None:
    data = "第六話の感想。雨の音だけが聞こえた。\n".encode("iso2022_jp") * 20
    assert sniff_format(data, Path("notes.txt")) == "text"


def test_corpus_formats_match_their_labels(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus" / "recaps"
    label_format = {"html": "html", "mhtml": "mhtml", "txt": "text", "md": "markdown"}
    labels = sorted(corpus.glob("*.labels.json"))
    assert labels
    for label_path in labels:
        label = json.loads(label_path.read_text(encoding="utf-8"))
        data = (corpus / label["file"]).read_bytes()
        expected = label_format[label["format"]]
        assert sniff_format(data, corpus / label["file"]) == expected, label["file"]
        # A misleading extension changes nothing, except that .md makes undecided text Markdown.
        for ext in (".html", ".txt", ".mhtml"):
            assert sniff_format(data, Path("renamed" + ext)) == expected, (label["file"], ext)


@given(st.binary(max_size=4096), st.sampled_from(SUPPORTED_EXTENSIONS + (".eml", "")))
def test_any_bytes_give_a_format_or_one_clear_load_error(data: bytes, ext: str) -> None:
    path = Path("fuzzed" + ext)
    try:
        fmt = sniff_format(data, path)
    except LoadError as err:
        assert path.name in str(err) and "\n" not in str(err)
    else:
        assert fmt in ("html", "mhtml", "text", "markdown")


@given(st.text(max_size=2000), st.sampled_from(SUPPORTED_EXTENSIONS))
def test_any_utf8_text_gives_a_format_or_empty(text: str, ext: str) -> None:
    path = Path("typed" + ext)
    try:
        assert sniff_format(text.encode("utf-8"), path) in ("html", "mhtml", "text", "markdown")
    except LoadError as err:
        assert path.name in str(err) and "\n" not in str(err)
