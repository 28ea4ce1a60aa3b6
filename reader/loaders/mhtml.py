"""Loader for single-file web pages (MHTML: Chrome/Edge ``.mhtml``, Internet Explorer ``.mht``).

An MHTML file is a MIME ``multipart/related`` message: the page's HTML in one part (usually
quoted-printable), its images, styles and frames in the others, each named by ``Content-Location``
(the URL it came from) or ``Content-ID`` (a ``cid:`` URL). We parse it with the standard library's
``email`` package, pick the page's root HTML part, decode it, and hand it to the HTML extraction
with an image resolver that serves only bytes stored in the file. Nothing is ever fetched: an
image the file does not contain stays unavailable.

Damaged files (cut off mid-part, missing the closing boundary, headers with no parts) give a
best-effort article from what is there, or one clear ``LoadError`` sentence, never a traceback.
"""

from __future__ import annotations

import email
import email.errors
import email.header
import email.message
import email.policy
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

from reader.article import Article, ImageRef
from reader.errors import LoadError
from reader.loaders.encoding import decode_with_charset

_log = logging.getLogger(__name__)

__all__ = ["MhtmlPage", "MhtmlImageResolver", "parse_mhtml", "extract_html_part", "load_mhtml"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# More parts than this is not a saved page; stop collecting rather than exhaust memory or time.
_MAX_PARTS = 20000


@dataclass(frozen=True)
class MhtmlPage:
    """What the loader needs from an MHTML file.

    ``images`` maps lookup keys (normalised absolute URLs and ``cid:`` URLs, see ``url_key``) to
    the image parts' bytes. ``base_url`` is where relative ``src`` addresses resolve from.
    """

    html: str
    base_url: str | None
    subject: str | None
    images: dict[str, ImageRef] = field(default_factory=dict)


# --- header helpers --------------------------------------------------------------------------
# Header values are read raw (unparsed) where we only need a string: the email package's
# structured header parsers have raised on malformed values in the past, and a URL needs no
# parsing beyond unfolding.


def _raw_header(part: email.message.Message, name: str) -> str | None:
    """The raw value of header ``name`` with folding removed, or None."""
    lname = name.lower()
    for key, value in part.raw_items():
        if key.lower() == lname:
            if not isinstance(value, str):
                value = str(value)
            # Non-ASCII bytes arrive surrogate-escaped; most real-world raw headers are UTF-8.
            value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            return value
    return None


def _location(part: email.message.Message, name: str = "Content-Location") -> str | None:
    """A URL header: RFC 2557 says whitespace from folding a long URL is not part of it."""
    value = _raw_header(part, name)
    if value is None:
        return None
    value = re.sub(r"\s+", "", value).strip("<>\"")
    return value or None


def _content_id(part: email.message.Message) -> str | None:
    value = _raw_header(part, "Content-ID")
    if value is None:
        return None
    value = re.sub(r"\s+", "", value).strip().strip("<>")
    return value.lower() or None


def _content_type(part: email.message.Message) -> str:
    try:
        return part.get_content_type()
    except Exception:  # noqa: BLE001 - stdlib header parser on hostile input; fall back to raw
        _log.warning("Unreadable Content-Type header; the raw value is used", exc_info=True)
        raw = _raw_header(part, "Content-Type") or ""
        return raw.split(";", 1)[0].strip().lower() or "text/plain"


def _charset(part: email.message.Message) -> str | None:
    try:
        return part.get_content_charset()
    except Exception:  # noqa: BLE001 - see _content_type
        _log.warning("Unreadable charset parameter; the encoding is detected instead", exc_info=True)
        return None


def _subject(msg: email.message.Message) -> str | None:
    """The Subject, with RFC 2047 encoded words (``=?utf-8?Q?...?=``) decoded."""
    try:
        value = msg.get("Subject")
        text = str(value) if value is not None else None
    except Exception:  # noqa: BLE001 - see _content_type
        _log.warning("Unreadable Subject header; decoding the raw value", exc_info=True)
        raw = _raw_header(msg, "Subject")
        try:
            text = str(email.header.make_header(email.header.decode_header(raw))) if raw else None
        except Exception:  # noqa: BLE001 - see _content_type
            _log.warning("Undecodable Subject header; kept as written", exc_info=True)
            text = raw
    if text is None:
        return None
    text = " ".join(text.split())
    return text or None


def _payload(part: email.message.Message) -> bytes:
    """The part's body with its transfer encoding (quoted-printable, base64) undone."""
    try:
        data = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - a broken encoding yields no bytes, not a crash
        _log.warning("A MIME part's transfer encoding could not be undone; the part is empty", exc_info=True)
        return b""
    return data if isinstance(data, bytes) else b""


# --- URLs ------------------------------------------------------------------------------------

_URL_SAFE = "/:?#[]@!$&'()*+,;=%~-._"


def url_key(url: str) -> str:
    """Normalise a URL for lookup: no fragment, lower-case scheme and host, unsafe chars quoted.

    The same image may be written ``a b.png`` in the page and ``a%20b.png`` in the part header.
    ``cid:`` URLs compare case-insensitively, with percent-escapes and angle brackets removed.
    """
    url = re.sub(r"[\t\n\r]", "", url).strip()
    if url[:4].lower() == "cid:":
        return "cid:" + unquote(url[4:]).strip().strip("<>").lower()
    url = quote(url, safe=_URL_SAFE)
    try:
        parts = urlsplit(url)
        return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or
                           ("/" if parts.netloc else ""), parts.query, ""))
    except ValueError:
        return url.split("#", 1)[0]


_BASE_HREF = re.compile(r"""<base\s[^<>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def _base_url(html: str, location: str | None) -> str | None:
    """Where relative addresses resolve: the page's ``<base href>``, else its Content-Location."""
    head = html[:65536]
    head_end = head.lower().find("</head")
    found = _BASE_HREF.search(head, 0, head_end if head_end > 0 else len(head))
    if found:
        href = (found.group(1) or found.group(2) or found.group(3) or "").strip()
        if href:
            try:
                return urljoin(location, href) if location else href
            except ValueError:
                pass
    return location


# --- images ----------------------------------------------------------------------------------

_IMAGE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"BM", "image/bmp"),
    (b"\x00\x00\x01\x00", "image/x-icon"),
)


def _image_mime(content_type: str, data: bytes) -> str | None:
    """The image type of a part: declared ``image/*``, or sniffed when declared generically."""
    if content_type.startswith("image/"):
        return content_type
    if content_type in ("application/octet-stream", "binary/octet-stream", "application/unknown"):
        if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
            return "image/webp"
        for magic, mime in _IMAGE_MAGIC:
            if data.startswith(magic):
                return mime
    return None


def _image_complete(mime: str, data: bytes) -> bool:
    """Whether an image's bytes reach its end marker (only checked for a cut-off last part)."""
    tail = data.rstrip(b"\r\n\x00")
    if mime == "image/png":
        return tail.endswith(b"IEND\xaeB`\x82")
    if mime == "image/jpeg":
        return tail.endswith(b"\xff\xd9")
    if mime == "image/gif":
        return tail.endswith(b"\x3b")
    return False


def _truncated(msg: email.message.Message) -> bool:
    """The file ends before the closing boundary, so its last part is incomplete."""
    return any(isinstance(d, email.errors.CloseBoundaryNotFoundDefect)
               for d in getattr(msg, "defects", ()))


class MhtmlImageResolver:
    """Maps each image ``src`` in the page to the bytes stored in the MHTML file, if any.

    Tries the address as written, as a ``cid:`` URL, and resolved against the page's base URL.
    Never raises and never fetches: an unknown address gives an unavailable ``ImageRef``.
    """

    def __init__(self, images: dict[str, ImageRef], base_url: str | None) -> None:
        self._images = images
        self._base = base_url if base_url and re.match(r"(?i)(https?|file|ftp):", base_url) else None

    def _candidates(self, src: str) -> Iterator[str]:
        yield url_key(src)
        if self._base and not src.lower().startswith(("cid:", "data:")):
            try:
                yield url_key(urljoin(self._base, src.strip()))
            except ValueError:
                pass

    def __call__(self, src: str) -> ImageRef:
        if not src or not src.strip():
            return ImageRef(src)
        for key in self._candidates(src):
            hit = self._images.get(key)
            if hit is not None:
                return ImageRef(src, data=hit.data, mime_type=hit.mime_type)
        return ImageRef(src)


# --- parsing ---------------------------------------------------------------------------------


def _leaves(msg: email.message.Message) -> list[email.message.Message]:
    """Non-multipart parts in document order, without recursion (nesting can be hostile)."""
    leaves: list[email.message.Message] = []
    stack = [msg]
    while stack and len(leaves) < _MAX_PARTS:
        part = stack.pop()
        payload = part.get_payload()
        if part.is_multipart() and isinstance(payload, list):
            stack.extend(p for p in reversed(payload) if isinstance(p, email.message.Message))
        else:
            leaves.append(part)
    return leaves


_BOUNDARY_LINE = re.compile(rb"^--([ -~]{1,70}?)[ \t]*\r?$", re.M)


def _reparse_with_found_boundary(data: bytes) -> email.message.Message | None:
    """Rescue a multipart whose boundary parameter is missing or wrong.

    The header block is replaced by one naming the first ``--boundary`` line actually found in
    the body, so the parts become readable again.
    """
    sep = re.search(rb"\r?\n\r?\n", data)
    if sep is None:
        return None
    body = data[sep.end() :]
    found = _BOUNDARY_LINE.search(body)
    if found is None:
        return None
    boundary = found.group(1)
    header = b'Content-Type: multipart/related; boundary="' + boundary.replace(b'"', b"") + b'"\r\n\r\n'
    return email.message_from_bytes(header + body, policy=email.policy.default)


def _find_root(
    msg: email.message.Message, leaves: list[email.message.Message]
) -> email.message.Message | None:
    """The page itself: the ``start`` part, else the Snapshot-Content-Location one, else the
    first HTML part (later HTML parts are the page's frames)."""
    html_parts = [p for p in leaves if _content_type(p) in _HTML_TYPES]
    if not html_parts:
        return None
    try:
        start = msg.get_param("start") if msg.is_multipart() else None
    except Exception:  # noqa: BLE001 - see _content_type
        _log.warning("Unreadable start parameter; the first HTML part is the page", exc_info=True)
        start = None
    if isinstance(start, str) and start.strip():
        wanted = start.strip().strip("<>").lower()
        for part in html_parts:
            if _content_id(part) == wanted:
                return part
    snapshot = _location(msg, "Snapshot-Content-Location")
    if snapshot:
        key = url_key(snapshot)
        for part in html_parts:
            loc = _location(part)
            if loc and url_key(loc) == key:
                return part
    return html_parts[0]


def parse_mhtml(data: bytes, name: str = "The file") -> MhtmlPage:
    """Parse an MHTML file into its decoded page HTML and its stored images.

    Raises ``LoadError`` (naming ``name``) when no HTML part can be found.
    """
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
        container: email.message.Message = msg
        leaves = _leaves(msg)
        if _content_type(msg).startswith("multipart/") and not any(p is not msg for p in leaves):
            rescued = _reparse_with_found_boundary(data)
            if rescued is not None:
                rescued_leaves = _leaves(rescued)
                if any(_content_type(p) in _HTML_TYPES for p in rescued_leaves):
                    container, leaves = rescued, rescued_leaves
        root = _find_root(msg, leaves)
        cut_short = leaves[-1] if leaves and _truncated(container) else None
    except RecursionError:
        raise LoadError(f"{name} is nested too deeply to be read as a saved web page.") from None
    except LoadError:
        raise
    except Exception as err:  # noqa: BLE001 - the stdlib parser on hostile input; one sentence
        _log.warning("%s could not be parsed as MHTML", name, exc_info=True)
        raise LoadError(f"{name} could not be read as a saved web page (MHTML).") from err
    if root is None:
        raise LoadError(f"{name} contains no web page: the MHTML file has no HTML part.")

    html = decode_with_charset(_payload(root), _charset(root))
    location = _location(root) or _location(msg, "Snapshot-Content-Location")
    if location and location.lower().startswith("cid:"):
        location = _location(msg, "Snapshot-Content-Location")
    images: dict[str, ImageRef] = {}
    for part in leaves:
        if part is root:
            continue
        ctype = _content_type(part)
        if not (ctype.startswith("image/") or ctype.endswith("octet-stream")
                or ctype == "application/unknown"):
            continue
        body = _payload(part)
        mime = _image_mime(ctype, body)
        if not body or mime is None:
            continue
        if part is cut_short and not _image_complete(mime, body):
            continue  # the file ends inside this image: half an image would not decode
        keys = []
        loc = _location(part)
        if loc:
            keys.append(url_key(loc))
        cid = _content_id(part)
        if cid:
            keys.append("cid:" + cid)
        for key in keys:
            images.setdefault(key, ImageRef(loc or ("cid:" + (cid or "")), data=body, mime_type=mime))
    return MhtmlPage(html=html, base_url=_base_url(html, location), subject=_subject(msg),
                     images=images)


def extract_html_part(data: bytes) -> tuple[str, dict[str, ImageRef]]:
    """The decoded root HTML and the image map of an MHTML file (for tests and tools)."""
    page = parse_mhtml(data)
    return page.html, page.images


_SITE_SUFFIX = re.compile(r"\s+[|\u00b7]\s+[^|\u00b7]{1,40}$")


def _title_from_subject(subject: str) -> str:
    """The Subject is the page's <title>: drop a trailing `` | Site`` as a headline would.

    Only the pipe (and middle dot) is taken as a site separator: a dash too often belongs to the
    headline itself ("Lantern Street – Episode 3").
    """
    trimmed = _SITE_SUFFIX.sub("", subject).strip()
    return trimmed or subject


def load_mhtml(data: bytes, path: Path) -> Article:
    """Load an article from a single-file web page; images come only from the file itself."""
    from reader.loaders import html as html_loader

    page = parse_mhtml(data, path.name or "The file")
    article = html_loader.html_to_article(
        page.html,
        source_path=path,
        fmt="mhtml",
        resolve_image=MhtmlImageResolver(page.images, page.base_url),
        fallback_title=_title_from_subject(page.subject) if page.subject else None,
    )
    return article
