"""Turn the bytes of a saved page or text file into text without ever failing.

Saved recaps come from everywhere: Korean fan blogs in EUC-KR, Japanese sites in Shift_JIS, old
Western pages in Windows-1252 that claim to be ISO-8859-1, and UTF-8 pages that claim to be
something else. A browser shows all of them correctly, so the reader must too. The order of
evidence follows what browsers do (the WHATWG Encoding Standard): a byte-order mark wins, then
what the page declares, then detection. Detection (charset-normalizer) only runs when nothing is
declared and the bytes are not UTF-8, and only over a bounded sample, so a 50 MB page decodes in
well under a second.

Nothing here raises on bad input: undecodable bytes become U+FFFD, because showing a recap with
one odd character beats refusing to open it.
"""

from __future__ import annotations

import codecs
import logging
import re
from functools import lru_cache

__all__ = [
    "decode_html",
    "decode_text",
    "bom_encoding",
    "declared_html_charset",
    "normalize_charset",
    "utf16_without_bom",
]

# How far into a page the charset declaration is looked for. The WHATWG prescan reads 1024 bytes;
# saved pages often carry a long comment or inline script first, so look a little further.
HEAD_BYTES = 4096
# Detection looks at this much of the file; the whole file is then decoded with the result.
DETECT_SAMPLE_BYTES = 256 * 1024

_log = logging.getLogger(__name__)


# --- byte-order marks ------------------------------------------------------------------------

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """Return ``(codec, bom_length)`` when ``data`` starts with a Unicode byte-order mark.

    A BOM is the strongest evidence there is (it overrides any declaration, as in browsers).
    ``FF FE 00 00`` is read as UTF-32-LE only when the length fits; otherwise it is UTF-16-LE text
    whose first character is NUL.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-32-le" and (len(data) % 4 or len(data) == 4):
                return "utf-16-le", 2
            return codec, len(bom)
    return None


def utf16_without_bom(sample: bytes) -> str | None:
    """Recognise UTF-16 text that lost its byte-order mark (``"utf-16-le"``/``"utf-16-be"``).

    Mostly-ASCII text in UTF-16 has a NUL in every other byte, which would otherwise make the
    file look like binary data. Only a strong pattern counts: nearly all even (or odd) bytes NUL
    and almost none of the others.
    """
    sample = sample[: HEAD_BYTES & ~1]
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    if odd_nul >= 0.7 * pairs and even_nul <= 0.05 * pairs:
        return "utf-16-le"
    if even_nul >= 0.7 * pairs and odd_nul <= 0.05 * pairs:
        return "utf-16-be"
    return None


# --- charset labels --------------------------------------------------------------------------

# WHATWG encoding labels -> the Python codec that decodes them as browsers do. Legacy labels map to
# the superset browsers actually use: ISO-8859-1 and ASCII are Windows-1252, EUC-KR is CP949,
# Shift_JIS is CP932, GB2312/GBK are GB18030, Big5 is Big5-HKSCS.
_WHATWG_LABELS: dict[str, tuple[str, ...]] = {
    "utf-8": ("unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
              "x-unicode20utf8"),
    "cp866": ("866", "cp866", "csibm866", "ibm866"),
    "iso8859_2": ("csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592",
                  "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"),
    "iso8859_3": ("csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593",
                  "iso_8859-3", "iso_8859-3:1988", "l3", "latin3"),
    "iso8859_4": ("csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594",
                  "iso_8859-4", "iso_8859-4:1988", "l4", "latin4"),
    "iso8859_5": ("csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5",
                  "iso88595", "iso_8859-5", "iso_8859-5:1988"),
    "iso8859_6": ("arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic",
                  "ecma-114", "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127",
                  "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987"),
    "iso8859_7": ("csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7",
                  "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987",
                  "sun_eu_greek"),
    "iso8859_8": ("csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e",
                  "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988",
                  "visual", "csiso88598i", "iso-8859-8-i", "logical"),
    "iso8859_10": ("csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6",
                   "latin6"),
    "iso8859_13": ("iso-8859-13", "iso8859-13", "iso885913"),
    "iso8859_14": ("iso-8859-14", "iso8859-14", "iso885914"),
    "iso8859_15": ("csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9",
                   "latin9"),
    "iso8859_16": ("iso-8859-16",),
    "koi8_r": ("cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"),
    "koi8_u": ("koi8-ru", "koi8-u"),
    "mac_roman": ("csmacintosh", "mac", "macintosh", "x-mac-roman"),
    "cp874": ("dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"),
    "cp1250": ("cp1250", "windows-1250", "x-cp1250"),
    "cp1251": ("cp1251", "windows-1251", "x-cp1251"),
    "cp1252": ("ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819",
               "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1",
               "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252"),
    "cp1253": ("cp1253", "windows-1253", "x-cp1253"),
    "cp1254": ("cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599",
               "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254"),
    "cp1255": ("cp1255", "windows-1255", "x-cp1255"),
    "cp1256": ("cp1256", "windows-1256", "x-cp1256"),
    "cp1257": ("cp1257", "windows-1257", "x-cp1257"),
    "cp1258": ("cp1258", "windows-1258", "x-cp1258"),
    "mac_cyrillic": ("x-mac-cyrillic", "x-mac-ukrainian"),
    "gb18030": ("chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk",
                "iso-ir-58", "x-gbk", "gb18030"),
    "big5hkscs": ("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"),
    "euc_jp": ("cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"),
    "iso2022_jp_ext": ("csiso2022jp", "iso-2022-jp"),
    "cp932": ("csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j",
              "x-sjis"),
    "cp949": ("cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
              "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"),
}
# A page cannot declare UTF-16 in ASCII bytes and be UTF-16: browsers read it as UTF-8.
# x-user-defined is a browser-internal byte mapping; Windows-1252 is the closest reading.
_DECLARED_OVERRIDES: dict[str, str] = {
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16be", "unicodefffe", "unicodefeff", "csunicode",
                     "iso-10646-ucs-2", "ucs-2", "unicode"), "utf-8"),
    "x-user-defined": "cp1252",
}
_LABEL_TO_CODEC: dict[str, str] = {
    **{label: codec for codec, labels in _WHATWG_LABELS.items() for label in labels},
    **_DECLARED_OVERRIDES,
}

# Python codec names (as ``codecs.lookup`` or charset-normalizer spell them) -> the browser superset.
_PY_SUPERSET: dict[str, str] = {
    "ascii": "cp1252",
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "iso8859_9": "cp1254",
    "iso8859_11": "cp874",
    "tis_620": "cp874",
    "euc_kr": "cp949",
    "johab": "cp949",
    "shift_jis": "cp932",
    "shift_jis_2004": "cp932",
    "shift_jisx0213": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "hz": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "iso2022_jp": "iso2022_jp_ext",
    "utf_8": "utf-8",
}

# Python codecs that decode bytes but are never a web page's charset (or are dangerous there).
_REFUSED_CODECS = frozenset({"utf_7", "unicode_escape", "raw_unicode_escape", "undefined", "idna",
                             "punycode", "mbcs", "oem", "palmos", "charmap"})


@lru_cache(maxsize=256)
def normalize_charset(label: str | None) -> str | None:
    """Map a declared charset label to the Python codec a browser would decode it with.

    Returns None for labels that are unknown, not ASCII-compatible (so could not have been read
    from ASCII markup), or unsafe (UTF-7): the caller then detects the encoding instead.
    """
    if not label:
        return None
    key = label.strip().strip("\"'").strip().lower()
    if not key or len(key) > 40:
        return None
    if key in _LABEL_TO_CODEC:
        return _LABEL_TO_CODEC[key]
    try:
        info = codecs.lookup(key)
    except (LookupError, ValueError):
        return None
    name = info.name.replace("-", "_")
    if not getattr(info, "_is_text_encoding", True) or name in _REFUSED_CODECS:
        return None
    name = _PY_SUPERSET.get(name, info.name)
    probe = b"<meta charset=x>"
    try:
        if probe.decode(name) != probe.decode("ascii"):
            return None  # EBCDIC, UTF-16/32 and friends
    except (UnicodeDecodeError, LookupError):
        return None
    return name


# --- Windows-1252 as browsers decode it ------------------------------------------------------


def _c1_fallback(err: UnicodeError) -> tuple[str, int]:
    """Decode the five bytes Windows-1252 leaves undefined as the C1 controls (WHATWG)."""
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start : err.end].decode("latin-1"), err.end


codecs.register_error("recap-reader-c1", _c1_fallback)


def _decode(data: bytes, codec: str, errors: str = "strict") -> str:
    """Decode with ``codec``; Windows-1252 maps its undefined bytes like browsers do."""
    if codec == "cp1252":
        return data.decode("cp1252", "recap-reader-c1")
    return data.decode(codec, errors)


_SINGLE_BYTE = frozenset({
    "cp866", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7",
    "iso8859_8", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "koi8_r",
    "koi8_u", "mac_roman", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255",
    "cp1256", "cp1257", "cp1258", "mac_cyrillic",
})


# --- declarations inside the page ------------------------------------------------------------

_COMMENT = re.compile(rb"<!--.*?(?:-->|\Z)", re.S)
_META_TAG = re.compile(rb"<meta[\s/]([^>]*)>?", re.I)
_ATTR = re.compile(rb"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?""")
_CHARSET_IN_CONTENT = re.compile(rb"""charset\s*=\s*["']?([^"'\s;>]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", re.I)


def declared_html_charset(head: bytes) -> str | None:
    """The Python codec named by the page's own declaration, or None.

    Reads ``<meta charset>``, ``<meta http-equiv="Content-Type" content="...; charset=...">``
    (skipping ones inside comments) and an XML declaration's ``encoding``, in the first 4 KB.
    The label is mapped as browsers map it (``iso-8859-1`` -> Windows-1252 and so on).
    """
    head = _COMMENT.sub(b"", head[:HEAD_BYTES])
    for tag in _META_TAG.finditer(head):
        attrs: dict[bytes, bytes] = {}
        for m in _ATTR.finditer(tag.group(1)):
            name = m.group(1).lower()
            if name not in attrs:
                attrs[name] = m.group(2) or m.group(3) or m.group(4) or b""
        label: bytes | None = None
        if attrs.get(b"charset"):
            label = attrs[b"charset"]
        elif attrs.get(b"http-equiv", b"").strip().lower() == b"content-type":
            found = _CHARSET_IN_CONTENT.search(attrs.get(b"content", b""))
            label = found.group(1) if found else None
        if label:
            codec = normalize_charset(label.decode("latin-1"))
            if codec:
                return codec
    xml = _XML_DECL.match(head)
    if xml:
        return normalize_charset(xml.group(1).decode("ascii"))
    return None


# --- UTF-8 checks ----------------------------------------------------------------------------


def _utf8_or_none(data: bytes) -> str | None:
    """Decode as UTF-8 when the bytes are UTF-8, tolerating a file cut mid-character at the end."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3 and err.reason == "unexpected end of data":
            return data.decode("utf-8", "replace")
        return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray bad bytes (a pasted Windows-1252 quote) decodes as UTF-8,
    the stray bytes as the Windows-1252 characters they were.

    Detection would otherwise pick a legacy code page for the whole file and garble every
    correctly encoded character to rescue the few broken ones. Judged on a sample, so a large
    legacy-encoded file is turned down quickly.
    """
    sample = _non_ascii_window(data)
    text = sample.decode("utf-8", "replace")
    literal = sample.count(b"\xef\xbf\xbd")
    bad = text.count("\ufffd") - literal
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    good = non_ascii - bad - literal
    if good >= 8 and bad * 20 <= good:
        return data.decode("utf-8", "recap-reader-1252-pieces")
    return None


def _windows_1252_piece(err: UnicodeError) -> tuple[str, int]:
    """A byte that breaks UTF-8 is a Windows-1252 character pasted into a UTF-8 page (a curly
    quote from a word processor): decode it as beautifulsoup4's ``UnicodeDammit.detwingle``
    would, with bs4's own Windows-1252 table, one byte at a time.

    ``detwingle`` itself walks every byte in Python: 1.06 s per 5 MB, so about 10 s on the
    50 MB page, against 0.01 s for this C-speed decode that calls back only on the bad bytes.
    """
    assert isinstance(err, UnicodeDecodeError)
    if err.reason == "unexpected end of data" and err.end >= len(err.object):
        return "\ufffd", err.end  # the file was cut mid-character: not a pasted piece
    from bs4.dammit import UnicodeDammit

    piece = UnicodeDammit.WINDOWS_1252_TO_UTF8.get(err.object[err.start])
    return (piece.decode("utf-8") if piece else "\ufffd"), err.start + 1


codecs.register_error("recap-reader-1252-pieces", _windows_1252_piece)


_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _non_ascii_window(data: bytes) -> bytes:
    """Up to DETECT_SAMPLE_BYTES of ``data``, starting at the line where non-ASCII bytes begin.

    Pages often open with hundreds of KB of ASCII scripts and styles; a sample of those says
    nothing about the encoding of the text further down.
    """
    found = _NON_ASCII.search(data)
    if found is None:
        return data[:DETECT_SAMPLE_BYTES]
    start = found.start()
    if start + DETECT_SAMPLE_BYTES // 2 <= DETECT_SAMPLE_BYTES:
        start = 0
    else:
        line = data.rfind(b"\n", max(0, start - 1024), start)
        start = line + 1 if line >= 0 else max(0, start - 1024)
    sample = data[start : start + DETECT_SAMPLE_BYTES]
    if start + DETECT_SAMPLE_BYTES < len(data):
        cut = sample.rfind(b"\n")
        if cut > len(sample) // 2:
            sample = sample[:cut]
    return sample


_ISO2022_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b(I", b"\x1b$(D")


def _iso2022jp_or_none(data: bytes) -> str | None:
    """ISO-2022-JP is 7-bit, so it passes for ASCII/UTF-8; its escape sequences give it away."""
    if b"\x1b" in data[:DETECT_SAMPLE_BYTES] and any(e in data for e in _ISO2022_ESCAPES):
        try:
            return data.decode("iso2022_jp_ext")
        except UnicodeDecodeError:
            return data.decode("iso2022_jp_ext", "replace")
    return None


# --- detection -------------------------------------------------------------------------------

# The encodings a web page or a copied text can realistically be in (the WHATWG set, in the names
# charset-normalizer uses). Leaving out DOS and Mac code pages stops Western text from being
# "detected" as CP775 or Mac-Latin2.
_DETECT_CANDIDATES = [
    "utf_8", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "cp1258", "iso8859_2", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8",
    "iso8859_13", "iso8859_15", "koi8_r", "koi8_u", "cp866", "mac_cyrillic", "cp874",
    "euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949", "gb18030", "big5",
]

# Latin-script code pages that decode most Western text without error; which one is right is
# decided by _pick_latin, not by charset-normalizer (it often picks Baltic for French).
_LATIN_FAMILY = frozenset({
    "cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "latin_1", "iso8859_1", "iso8859_2",
    "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15",
    "iso8859_16", "mac_roman", "mac_latin2", "cp775", "cp850", "cp852", "cp858", "cp437",
})
_LATIN_CHOICES = ("cp1252", "cp1250", "cp1257")

_STRIP_FOR_DETECT = re.compile(
    rb"<script\b.*?(?:</script\s*>|\Z)|<style\b.*?(?:</style\s*>|\Z)|<!--.*?(?:-->|\Z)|<[^<>]*>",
    re.S | re.I,
)
_WORD_SYMBOL = re.compile(r"[A-Za-z][^\x00-\x7f\w][A-Za-z]|[A-Za-z][\u00a1-\u00bf\u00d7\u00f7]")


def _sample(data: bytes, markup: bool) -> bytes:
    """A bounded sample for detection, with markup removed so the prose dominates."""
    sample = _non_ascii_window(data)
    if markup:
        stripped = _STRIP_FOR_DETECT.sub(b" ", sample)
        if not stripped.isascii():
            sample = re.sub(rb"\s+", b" ", stripped)
    return sample


def _pick_latin(sample: bytes) -> str:
    """Choose among the Windows Latin code pages by which one keeps symbols out of words.

    Polish text read as Windows-1252 turns "ł" into "³" mid-word; French text read as
    Windows-1250 stays all letters. Ties go to Windows-1252, the browsers' Western default.
    """
    best, best_score = "cp1252", None
    for codec in _LATIN_CHOICES:
        text = _decode(sample, codec, "replace")
        score = len(_WORD_SYMBOL.findall(text)) + 3 * text.count("\ufffd")
        if best_score is None or score < best_score:
            best, best_score = codec, score
    return best


def _detect(data: bytes, *, markup: bool) -> str | None:
    """Guess the encoding of non-UTF-8 bytes from a bounded sample; None when hopeless."""
    from charset_normalizer import from_bytes

    sample = _sample(data, markup)
    try:
        best = from_bytes(sample, cp_isolation=_DETECT_CANDIDATES).best()
    except Exception:  # noqa: BLE001 - a detector bug must not stop a page from opening
        _log.warning("charset-normalizer failed; the encoding is left undetected", exc_info=True)
        best = None
    if best is None:
        return None
    try:
        name = codecs.lookup(best.encoding).name.replace("-", "_")
    except LookupError:
        return None
    if name in _LATIN_FAMILY:
        return _pick_latin(sample)
    return normalize_charset(name) or _PY_SUPERSET.get(name) or name


def _decode_bom(data: bytes, codec: str, bom_len: int) -> str:
    return data[bom_len:].decode(codec, "replace")


def _detect_and_decode(data: bytes, *, markup: bool, fallback: str) -> str:
    codec = _detect(data, markup=markup) or fallback
    try:
        return _decode(data, codec, "replace")
    except LookupError:  # pragma: no cover - codec names come from our own tables
        return _decode(data, fallback, "replace")


# --- public API ------------------------------------------------------------------------------


def decode_html(data: bytes) -> str:
    """Decode a saved web page the way a browser would, never raising.

    Order of evidence: BOM, then the page's ``<meta>`` / XML declaration (verified: a declaration
    the bytes contradict is ignored, and a single-byte declaration over valid UTF-8 is taken to
    be a stale one), then UTF-8, then detection on a sample, then UTF-8 with replacement.
    """
    text = _unicode_by_mark(data)
    if text is not None:
        return text
    declared = declared_html_charset(data[:HEAD_BYTES])
    if declared:
        text = _decode_declared(data, declared)
        if text is not None:
            return text
    return _undeclared(data, markup=True, fallback="utf-8")


def _unicode_by_mark(data: bytes) -> str | None:
    """UTF-8/16/32 told by a byte-order mark, or UTF-16 recognised by its zero bytes."""
    bom = bom_encoding(data)
    if bom:
        return _decode_bom(data, *bom)
    utf16 = utf16_without_bom(data[:HEAD_BYTES])
    if utf16:
        return data.decode(utf16, "replace")
    return None


def _undeclared(data: bytes, markup: bool, fallback: str) -> str:
    """No declaration to go by: ISO-2022-JP, then (mostly) UTF-8, then detection on a sample."""
    for attempt in (_iso2022jp_or_none, _utf8_or_none, _mostly_utf8):
        text = attempt(data)
        if text is not None:
            return text
    return _detect_and_decode(data, markup=markup, fallback=fallback)


def decode_with_charset(data: bytes, charset: str | None) -> str:
    """Decode HTML whose charset comes from outside the page (an MHTML part's Content-Type).

    An unknown or contradicted charset falls back to ``decode_html``'s own reasoning.
    """
    if bom_encoding(data) is None:
        codec = normalize_charset(charset)
        if codec:
            text = _decode_declared(data, codec)
            if text is not None:
                return text
    return decode_html(data)


def _decode_declared(data: bytes, codec: str) -> str | None:
    """Decode with a declared codec, or None when the bytes show the declaration is wrong."""
    if codec in _SINGLE_BYTE and not data.isascii():
        # A single-byte code page accepts any bytes, so it cannot be refuted by failing; but
        # valid multi-byte UTF-8 is practically never legacy text, it is a stale declaration.
        text = _utf8_or_none(data)
        if text is not None:
            return text
        return _decode(data, codec, "replace")
    if codec == "utf-8":
        text = _utf8_or_none(data)
        return text if text is not None else _mostly_utf8(data)
    try:
        return _decode(data, codec)
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3:  # cut mid-character at the very end
            return _decode(data, codec, "replace")
        return None
    except LookupError:  # pragma: no cover - codec names come from our own tables
        return None


def decode_text(data: bytes) -> str:
    """Decode a plain-text or Markdown file, never raising.

    BOM, then UTF-8 (what nearly every editor writes today), then detection on a sample, then
    Windows-1252 (which maps every byte, so nothing is lost that could be shown).
    """
    text = _unicode_by_mark(data)
    if text is not None:
        return text
    return _undeclared(data, markup=False, fallback="cp1252")
