"""Decide which loader reads a file, from what is in it rather than what it is called.

Users save recaps with whatever name the browser or their habits suggest: a forum post copied
into ``recap.html``, a page saved as ``notes.txt``, Chrome's single-file ``.mhtml``, an e-mail
newsletter dragged out of a mail client, a Usenet post saved as text. The content decides; the
extension only breaks ties. Files that are neither text nor a known format (images, PDFs,
archives, other binary data) are refused here with one sentence naming the file, before any
loader tries to make sense of them.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Literal

from reader.errors import LoadError
from reader.loaders.encoding import bom_encoding, utf16_without_bom

__all__ = ["SUPPORTED_EXTENSIONS", "Format", "sniff_format"]

SUPPORTED_EXTENSIONS: tuple[str, ...] = (
    ".html", ".htm", ".xhtml", ".mhtml", ".mht", ".txt", ".md", ".markdown", ".eml",
)

Format = Literal["html", "mhtml", "text", "markdown", "email"]

_HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml", ".xht"})
_MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})

# How much of the file the decision looks at: enough for headers, doctype and first paragraphs.
_HEAD = 8192

# --- things that are not articles ------------------------------------------------------------

# (magic at offset 0, what it is). Checked before anything else; each names the kind of file.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "an image (PNG)"),
    (b"\xff\xd8\xff", "an image (JPEG)"),
    (b"GIF87a", "an image (GIF)"),
    (b"GIF89a", "an image (GIF)"),
    (b"II*\x00", "an image (TIFF)"),
    (b"MM\x00*", "an image (TIFF)"),
    (b"\x00\x00\x01\x00", "an image (ICO)"),
    (b"\x00\x00\x02\x00", "an image (cursor)"),
    (b"\xff\x0a", "an image (JPEG XL)"),
    (b"\x00\x00\x00\x0cJXL \r\n\x87\n", "an image (JPEG XL)"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"PK\x07\x08", "a ZIP archive"),
    (b"\x1f\x8b", "a compressed file (gzip)"),
    (b"\xfd7zXZ\x00", "a compressed file (xz)"),
    (b"\x28\xb5\x2f\xfd", "a compressed file (zstd)"),
    (b"7z\xbc\xaf\x27\x1c", "an archive (7-Zip)"),
    (b"Rar!\x1a\x07", "an archive (RAR)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document"),
    (b"{\\rtf", "a rich-text (RTF) document"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"SQLite format 3\x00", "a database"),
    (b"OggS", "an audio or video file"),
    (b"fLaC", "an audio file"),
    (b"ID3", "an audio file (MP3)"),
    (b"\x1a\x45\xdf\xa3", "a video file"),
    (b"wOFF", "a font"),
    (b"wOF2", "a font"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_BMP = re.compile(rb"BM.{4}\x00\x00\x00\x00", re.S)
_FTYP = re.compile(rb"....ftyp(avif|avis|heic|heix|hevc|mif1|msf1|isom|iso2|mp4|M4V|M4A|qt  )", re.S)


def _zip_kind(data: bytes) -> str:
    """ZIP is the container of e-books and office documents; name those as users know them."""
    head = data[:4096]
    if b"mimetypeapplication/epub+zip" in head:
        return "an e-book (EPUB)"
    if b"mimetypeapplication/vnd.oasis.opendocument" in head:
        return "an OpenDocument file"
    if b"word/" in head:
        return "a Word document"
    return "a ZIP archive"


def _binary_kind(data: bytes) -> str | None:
    """Name the kind of a non-text file from its leading bytes, or None when it may be text."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            if magic == b"MZ" and not _mostly_control(data[:512]):
                continue  # a text file may start with "MZ"; programs are full of NULs
            if kind == "a ZIP archive":
                return _zip_kind(data)
            return kind
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "an image (WebP)"
    if data.startswith(b"RIFF"):
        return "an audio or video file"
    if _BMP.match(data):
        return "an image (BMP)"
    if _BZIP2.match(data):
        return "a compressed file (bzip2)"
    found = _FTYP.match(data)
    if found:
        brand = found.group(1)
        return "an image (AVIF/HEIF)" if brand in (b"avif", b"avis", b"heic", b"heix", b"hevc",
                                                     b"mif1", b"msf1") else "a video file"
    if data[257:262] == b"ustar":
        return "an archive (tar)"
    return None


# Control bytes that never occur in text. Tab, LF, VT, FF, CR are text; ESC is allowed because
# ISO-2022-JP text uses escape sequences.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"


def _control_count(chunk: bytes) -> int:
    return len(chunk) - len(chunk.translate(None, _CONTROL))


def _mostly_control(chunk: bytes) -> bool:
    """Binary data: a high share of control bytes (random bytes have about 11%, text none)."""
    if not chunk:
        return False
    return _control_count(chunk) * 100 >= 3 * len(chunk)


# --- MIME (MHTML and e-mail) -----------------------------------------------------------------

_HEADER_LINE = re.compile(r"[!-9;-~]+:[^\n]*")
_EMAIL_FIELDS = frozenset({"from", "to", "cc", "subject", "date", "message-id", "received",
                           "return-path", "delivered-to", "reply-to", "sender", "x-mailer",
                           "user-agent", "in-reply-to", "references", "dkim-signature",
                           # news posts and list mail
                           "newsgroups", "path", "organization", "followup-to", "x-newsreader",
                           "nntp-posting-host", "list-id", "list-unsubscribe", "list-post"})
_TEXT_HTML_PART = re.compile(rb"(?im)^content-type:[ \t]*text/html\b")


def _header_block(head: str) -> dict[str, str] | None:
    """Parse a leading RFC 822 header block (unfolded, lower-case names), or None if there is none.

    Only a block of at least two well-formed header lines counts, so a text recap starting with
    "Warning: spoilers ahead" is not mistaken for a message.
    """
    lines = head.split("\n")
    if lines and lines[0].startswith("From ") and ":" not in lines[0].split(" ", 2)[1]:
        lines = lines[1:]  # mbox "From " separator line
    fields: dict[str, str] = {}
    last: str | None = None
    count = 0
    for line in lines:
        line = line.rstrip("\r")
        if not line:
            break
        if line[0] in " \t" and last is not None:
            fields[last] += " " + line.strip()
            continue
        if not _HEADER_LINE.fullmatch(line):
            return None
        name, _, value = line.partition(":")
        last = name.strip().lower()
        fields[last] = (fields[last] + ", " if last in fields else "") + value.strip()
        count += 1
    else:
        # The head ended without the blank line closing the headers: only a short file may do
        # that (a truncated snapshot); a long run of "Key: value" lines is text.
        if count < 2 or len(head) >= _HEAD:
            return None
    if count < 2:
        return None
    return fields


def _mime_format(data: bytes, head: str, name: str) -> Format | None:
    """``"mhtml"`` for a web-page snapshot, ``"email"`` for a message or news post, None when
    the file does not start with a header block."""
    fields = _header_block(head)
    if fields is None:
        return None
    content_type = fields.get("content-type", "").lower()
    is_mime = "mime-version" in fields or bool(re.match(r"\s*[a-z]+/[a-z0-9.+-]+", content_type))
    # "From:" and two more message fields (a Usenet post may carry just From, Newsgroups, Subject).
    email_like = ("from" in fields or "newsgroups" in fields) and len(_EMAIL_FIELDS.intersection(fields)) >= 3
    snapshot = (
        "snapshot-content-location" in fields
        or "saved by" in fields.get("from", "").lower()
    )
    if not (is_mime or email_like or snapshot):
        return None
    if content_type.startswith("multipart/related") and (
        'type="text/html"' in content_type.replace(" ", "")
        or "type=text/html" in content_type.replace(" ", "")
        or _TEXT_HTML_PART.search(data) is not None
    ):
        return "mhtml"
    if snapshot and (content_type.startswith(("multipart/", "text/html")) or not content_type):
        return "mhtml"
    if content_type.startswith("text/html") and "content-location" in fields and not email_like:
        return "mhtml"  # a single-part snapshot: just the page, with MIME headers
    if email_like or content_type.startswith(("multipart/", "message/", "text/")):
        return "email"
    return None


# --- HTML ------------------------------------------------------------------------------------

_LEADING_JUNK = re.compile(r"(?:\s+|<!--.*?(?:-->|\Z)|<\?.*?(?:\?>|\Z))*", re.S)
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|link|base|script|style|noscript|div|p|"
    r"article|section|main|header|nav|table|h[1-6]|ul|ol|iframe|form|span|a|img|br|hr|"
    r"center|font|b|i|pre|blockquote|frameset)[\s/>]",
    re.I,
)
_DOCUMENT_MARKER = re.compile(r"<(?:!doctype\s+html|html[\s>]|head>|body[\s>])", re.I)
_SVG_ROOT = re.compile(r"(?:<!doctype\s+svg[^>]*>\s*)?<svg[\s>]", re.I)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?>")


def _html_score(head: str) -> int:
    """How many tags open or close in the first few KB: markup density, not mere mentions."""
    return len(_TAG.findall(head, 0, 4096))


# --- Markdown --------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n(?:[^\n]*\n){0,60}?(?:---|\.\.\.|\+\+\+)[ \t]*\r?$",
                           re.M)
_FM_KEY = re.compile(r"^[A-Za-z_][\w -]*:|^[A-Za-z_][\w-]*\s*=", re.M)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_MD_LINK = re.compile(r"!?\[[^\]\n]+\]\([^)\s]+(?:\s+\"[^\"\n]*\")?\)")
_MD_REF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+", re.M)
_MD_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.M)
_MD_SETEXT = re.compile(r"^\S[^\n]*\n(?:=+|-{3,})[ \t]*$", re.M)
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*\*[^*\n]+\*\*(?![\w*])|(?<![\w_])__[^_\n]+__(?![\w_])")
_MD_QUOTE = re.compile(r"^>[ \t]?\S", re.M)
_MD_BULLET = re.compile(r"^ {0,3}[-*+][ \t]+\S", re.M)
_MD_SPOILER = re.compile(r">![^\n]+?!<")


def _has_front_matter(head: str) -> bool:
    found = _FRONT_MATTER.match(head)
    return bool(found and _FM_KEY.search(found.group(0)))


def _markdown_score(head: str) -> int:
    """Evidence of Markdown structure. Headings, links, fences and reference links count most;
    bold, quotes and bullets little, because plain text copied from the web has them too."""
    score = 3 * min(len(_MD_HEADING.findall(head)), 2)
    score += 2 * min(len(_MD_LINK.findall(head)), 3)
    score += 2 * min(len(_MD_REF.findall(head)), 2)
    score += 3 * min(len(_MD_FENCE.findall(head)) // 2, 1)
    score += 2 * min(len(_MD_SETEXT.findall(head)), 1)
    score += 1 * min(len(_MD_EMPHASIS.findall(head)), 2)
    score += 1 * min(len(_MD_QUOTE.findall(head)), 1)
    score += 1 * min(len(_MD_BULLET.findall(head)), 1)
    score += 1 * min(len(_MD_SPOILER.findall(head)), 1)
    return score


# --- the decision ----------------------------------------------------------------------------


def _display_name(path: Path) -> str:
    """The file's name for a one-line message (control characters would break the line)."""
    name = path.name or str(path) or "The file"
    return re.sub(r"[\x00-\x1f\x7f]", "?", name)


def _text_head(data: bytes) -> tuple[str, bool]:
    """The first few KB as text for structural checks, and whether the file is ASCII-compatible.

    ASCII-compatible files are read as Latin-1 here: every check looks only at ASCII markup, and
    Latin-1 maps every byte, so no decoding decision is needed yet.
    """
    bom = bom_encoding(data)
    if bom and bom[0] != "utf-8":
        codec, skip = bom
        chunk = data[skip : skip + _HEAD]
        return chunk.decode(codec, "replace"), False
    utf16 = utf16_without_bom(data[:_HEAD])
    if utf16:
        return data[:_HEAD].decode(utf16, "replace"), False
    skip = bom[1] if bom else 0
    return data[skip : skip + _HEAD].decode("latin-1"), True


def _is_blank(data: bytes, head: str, ascii_compatible: bool) -> bool:
    """Nothing but whitespace (and byte-order marks) in the whole file."""
    if head.strip(_BLANK):
        return False
    if len(data) <= _HEAD:
        return True
    if ascii_compatible:
        return not data.lstrip(codecs.BOM_UTF8).strip(b" \t\r\n\f\v")
    from reader.loaders.encoding import decode_text

    return not decode_text(data).strip(_BLANK)


_BLANK = "\ufeff \t\r\n\f\v\xa0\u3000"


def sniff_format(data: bytes, path: Path) -> Format:
    """Return the loader for ``data`` (read from ``path``), or raise LoadError for non-articles.

    Content first: MIME headers make MHTML (or an e-mail message / news post), a doctype or document tags make
    HTML, front matter or Markdown structure make Markdown, anything else readable is text. The
    extension settles only what the content leaves open (a few tags in a ``.html`` file, Markdown
    in a ``.md`` file).
    """
    name = _display_name(path)
    ext = path.suffix.lower()

    kind = _binary_kind(data)
    if kind:
        raise LoadError(f"{name} is {kind}, not a saved article.")

    head, ascii_compatible = _text_head(data)
    if _is_blank(data, head, ascii_compatible):
        raise LoadError(f"{name} is empty.")
    if _mostly_control(data[:_HEAD] if ascii_compatible else head.encode("utf-8", "replace")):
        raise LoadError(f"{name} is binary data, not a saved article.")

    mime = _mime_format(data, head, name)
    if mime:
        return mime

    start = _LEADING_JUNK.match(head)
    body = head[start.end() if start else 0 :]
    if _SVG_ROOT.match(body):
        raise LoadError(f"{name} is an image (SVG), not a saved article.")

    is_markdown_ext = ext in _MARKDOWN_EXTENSIONS
    if _DOCUMENT_MARKER.match(body):
        return "html"
    if not is_markdown_ext:
        if _DOCUMENT_MARKER.search(head, 0, 1024):
            return "html"
        tags = _html_score(head)
        if _HTML_START.match(body) and (tags >= 2 or ext in _HTML_EXTENSIONS):
            return "html"
        if tags >= 8 or (ext in _HTML_EXTENSIONS and tags >= 2):
            return "html"

    if is_markdown_ext or _has_front_matter(head):
        return "markdown"
    threshold = 5 if ext == ".txt" else 4
    if _markdown_score(head) >= threshold:
        return "markdown"
    return "text"
