"""Decoding: BOM, then the page's declaration (checked against the bytes), then detection on a
bounded sample; never an exception, whatever the bytes."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.loaders import encoding
from reader.loaders.encoding import (
    DETECT_SAMPLE_BYTES,
    bom_encoding,
    declared_html_charset,
    decode_html,
    decode_text,
    decode_with_charset,
    normalize_charset,
)

ENCODING_DIR = Path(__file__).resolve().parents[2] / "data" / "encoding"
EXPECTED: dict[str, str] = json.loads((ENCODING_DIR / "expected.json").read_text(encoding="utf-8"))
SENTENCE = "Renée’s “quiet” farewell — naïve, déjà vu… crème brûlée."


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_decodes_to_its_sentence(name: str) -> None:
    data = (ENCODING_DIR / name).read_bytes()
    decode = decode_html if name.endswith(".html") else decode_text
    text = decode(data)
    assert EXPECTED[name] in text
    assert "\ufffd" not in text


def test_fixtures_cover_declared_and_detected_paths() -> None:
    for lang in ("ko-euckr", "ja-sjis", "w1252"):
        nodecl = (ENCODING_DIR / f"{lang}-nodecl.html").read_bytes()
        assert declared_html_charset(nodecl) is None
        assert any(n.startswith(lang) and "meta" in n for n in EXPECTED)
        for name in (f"{lang}.txt", f"{lang}-nodecl.html"):
            with pytest.raises(UnicodeDecodeError):
                (ENCODING_DIR / name).read_bytes().decode("utf-8")  # detection really runs
    assert declared_html_charset((ENCODING_DIR / "ko-euckr-nodecl.html").read_bytes()) is None
    assert declared_html_charset((ENCODING_DIR / "ko-euckr-meta.html").read_bytes()) == "cp949"
    assert declared_html_charset((ENCODING_DIR / "ja-sjis-meta.html").read_bytes()) == "cp932"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_wins_and_is_removed(bom: bytes, codec: str) -> None:
    page = f'<html><head><meta charset="windows-1252"></head><body><p>{SENTENCE}</p></body></html>'
    data = bom + page.encode(codec)
    assert bom_encoding(data) == (codec, len(bom))
    assert decode_html(data) == page
    assert decode_text(bom + SENTENCE.encode(codec)) == SENTENCE


def test_utf16_without_bom_is_recognised() -> None:
    text = "The ferry leaves at dawn, and nobody waves goodbye.\n" * 3
    assert decode_text(text.encode("utf-16-le")) == text
    assert decode_text(text.encode("utf-16-be")) == text


def test_declared_latin1_is_windows_1252() -> None:
    body = "It’s “fine” — the café’s closed"
    page = f'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>{body}</p>'
    assert body in decode_html(page.encode("cp1252"))
    ascii_declared = f'<meta charset="us-ascii"><p>{body}</p>'
    assert body in decode_html(ascii_declared.encode("cp1252"))


def test_windows_1252_undefined_bytes_become_c1_controls_not_errors() -> None:
    data = b'<meta charset="windows-1252"><p>a\x81b\x8dc\x90d</p>'
    assert "a\x81b\x8dc\x90d" in decode_html(data)


def test_declared_euc_kr_and_shift_jis_decode_with_browser_supersets() -> None:
    # 똠 exists only in CP949, ① only in CP932: what browsers decode these labels with.
    korean = '<meta charset="euc-kr"><p>똠방각하 다시보기</p>'
    assert "똠방각하" in decode_html(korean.encode("cp949"))
    japanese = '<meta charset="Shift_JIS"><p>①番目の場面</p>'
    assert "①番目" in decode_html(japanese.encode("cp932"))


def test_meta_inside_a_comment_is_ignored() -> None:
    data = ('<!-- <meta charset="koi8-r"> --><meta charset="utf-8"><p>' + SENTENCE + "</p>").encode()
    assert declared_html_charset(data) == "utf-8"
    assert SENTENCE in decode_html(data)


def test_xml_declaration_encoding() -> None:
    page = '<?xml version="1.0" encoding="windows-1252"?><html><body><p>' + SENTENCE + "</p></body></html>"
    assert SENTENCE in decode_html(page.encode("cp1252"))


def test_declared_charset_far_down_is_still_found_within_4k() -> None:
    page = "<html><head>" + "<!-- padding -->" * 150 + '<meta charset="euc-kr"></head><body>빵집</body>'
    assert "빵집" in decode_html(page.encode("euc-kr"))


def test_wrong_multibyte_declaration_falls_back_to_detection() -> None:
    page = '<meta charset="shift_jis"><p>' + "지난밤 방송에서 제빵사 하윤은 가게 열쇠를 잃어버렸다. " * 4 + "</p>"
    assert "제빵사 하윤은" in decode_html(page.encode("euc-kr"))


def test_truncated_utf8_keeps_everything_before_the_cut() -> None:
    data = ("<p>" + SENTENCE + " 빵집").encode("utf-8")[:-1]
    text = decode_html(data)
    assert SENTENCE in text and text.endswith("\ufffd")
    assert decode_text(data).startswith("<p>" + SENTENCE)


def test_mostly_utf8_with_a_stray_byte_stays_utf8() -> None:
    """The pasted Windows-1252 quote shows as the quote it was (bs4's detwingle table)."""
    data = ("<p>" + SENTENCE * 5 + "</p>").encode("utf-8") + b"<p>a stray \x92 quote \x81</p>"
    text = decode_html(data)
    assert SENTENCE * 5 in text
    assert "a stray \u2019 quote" in decode_text(data)
    assert decode_text(data).count("\ufffd") == 1  # 0x81 is no Windows-1252 character


def test_iso_2022_jp_is_recognised() -> None:
    text = "第六話の感想。雨の音だけが聞こえた。\n"
    assert decode_text(text.encode("iso2022_jp")) == text
    page = "<p>" + text + "</p>"
    assert decode_html(page.encode("iso2022_jp")) == page


def test_decode_with_charset_prefers_the_part_charset_then_the_page() -> None:
    body = "<p>" + SENTENCE + "</p>"
    assert decode_with_charset(body.encode("cp1252"), "iso-8859-1") == body
    assert decode_with_charset(body.encode("utf-8"), None) == body
    assert decode_with_charset(body.encode("utf-8"), "no-such-charset") == body


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("UTF-8", "utf-8"),
        (" utf8 ", "utf-8"),
        ("ISO-8859-1", "cp1252"),
        ("latin1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("EUC-KR", "cp949"),
        ("ks_c_5601-1987", "cp949"),
        ("Shift_JIS", "cp932"),
        ("x-sjis", "cp932"),
        ("gb2312", "gb18030"),
        ("big5", "big5hkscs"),
        ("utf-16", "utf-8"),  # declared in ASCII, so it cannot really be UTF-16
        ("koi8-r", "koi8_r"),
        ("windows-1251", "cp1251"),
        ('"utf-8"', "utf-8"),
    ],
)
def test_normalize_charset_follows_whatwg(label: str, codec: str) -> None:
    assert normalize_charset(label) == codec


@pytest.mark.parametrize("label", ["", "utf-7", "base64", "rot13", "cp037", "no-such", "x" * 100])
def test_unusable_labels_are_rejected(label: str) -> None:
    assert normalize_charset(label) is None


def test_detection_sees_only_a_bounded_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    seen: list[int] = []
    real = charset_normalizer.from_bytes

    def spy(data: bytes, **kwargs: object) -> object:
        seen.append(len(data))
        return real(data, **kwargs)

    monkeypatch.setattr(charset_normalizer, "from_bytes", spy)
    line = ("<p>" + "Die Folge endet mit einer Überraschung: Jürgen öffnet die Tür. " * 4 + "</p>\n")
    data = line.encode("cp1252") * 8000  # about 2 MB
    text = decode_html(data)
    assert text.count("Jürgen öffnet") == 4 * 8000
    assert seen and max(seen) <= DETECT_SAMPLE_BYTES


def test_sample_starts_where_the_non_ascii_text_does() -> None:
    script = b"<script>" + b"var x = 1;\n" * 40000 + b"</script>\n"  # 440 KB of ASCII
    data = script + "<p>Jürgen öffnet die Tür, draußen steht niemand.</p>\n".encode("cp1252") * 20
    assert "Jürgen öffnet die Tür" in decode_html(data)


def test_declared_or_utf8_pages_never_run_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> object:
        raise AssertionError("detection ran")

    monkeypatch.setattr(encoding, "_detect", boom)
    big = ("<p>" + SENTENCE + "</p>\n").encode("utf-8") * 20000
    assert decode_html(big).count(SENTENCE) == 20000
    assert decode_text(big).count(SENTENCE) == 20000
    declared = b'<meta charset="windows-1252">' + ("<p>" + SENTENCE + "</p>\n").encode("cp1252") * 20000
    assert decode_html(declared).count(SENTENCE) == 20000
    korean = '<meta charset="euc-kr"><p>빵집</p>\n'.encode("euc-kr") * 1000
    assert decode_html(korean).count("빵집") == 1000


def test_empty_input() -> None:
    assert decode_html(b"") == ""
    assert decode_text(b"") == ""
    assert decode_text(codecs.BOM_UTF8) == ""


@given(st.binary(max_size=3000))
def test_decode_text_never_raises(data: bytes) -> None:
    assert isinstance(decode_text(data), str)


@given(st.binary(max_size=3000))
def test_decode_html_never_raises(data: bytes) -> None:
    assert isinstance(decode_html(data), str)


@given(st.text(max_size=500))
def test_utf8_round_trips(text: str) -> None:
    data = text.encode("utf-8")
    if data.startswith(codecs.BOM_UTF8) or encoding.utf16_without_bom(data):
        return
    assert decode_text(data) == text
    assert decode_html(data) == text


@given(st.binary(max_size=200), st.sampled_from(["utf-8", "euc-kr", "shift_jis", "latin1",
                                                  "utf-16", "koi8-r", "bogus", "utf-7"]))
def test_declared_charset_never_raises(body: bytes, label: str) -> None:
    data = b'<meta charset="' + label.encode() + b'">' + body
    assert isinstance(decode_html(data), str)
    assert isinstance(decode_with_charset(body, label), str)
