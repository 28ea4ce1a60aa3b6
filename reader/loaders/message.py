"""Loader for e-mail messages and news posts: ``.eml`` files, newsletters, mailing-list and
Usenet posts saved as text.

Recaps reach people as newsletters and list posts, so a message is an article: the standard
library's ``email`` package reads it, the Subject becomes the title, the sender the byline and the
Date the date. An HTML part goes through the same extraction as a saved page; a plain-text part
goes through the text loader. What a message carries around its text is clutter: quoted replies
("> " lines and the "On ..., X wrote:" line above them), the signature after "-- ", and the
footer a list server appends below a rule of underscores.
"""

from __future__ import annotations

import email
import email.header
import email.message
import email.policy
import email.utils
import logging
import re
from dataclasses import replace
from pathlib import Path

from reader.article import Article
from reader.errors import LoadError
from reader.loaders.encoding import decode_text, decode_with_charset

__all__ = ["load_message", "strip_text_clutter"]

log = logging.getLogger(__name__)

# "Re: ", "Fwd: ", "AW: " and a list's "[name] " tag say how the message travelled, not what it is.
_SUBJECT_NOISE = re.compile(r"^\s*(?:(?:re|fwd?|aw|sv|vs|antw)\s*(?:\[\d+\])?\s*:\s*|\[[^\]]{1,40}\]\s*)+", re.I)

# "On Tue, 3 Mar 2026, Ana <ana@example.org> wrote:" / "Ana wrote:" / "In article <id>, Ana writes:"
_ATTRIBUTION = re.compile(r"^(?:on\b.{0,200}|in article\b.{0,200}|[^\n]{0,120})\b(?:wrote|writes|said)\s*:\s*$", re.I)
# The signature separator is "-- " (RFC 3676); many clients drop the trailing space.
_SIGNATURE = re.compile(r"^--\s?$")
# Mailman, Sympa and Google Groups append their footer below a rule of underscores or dashes.
_LIST_RULE = re.compile(r"^(?:_{10,}|-{10,})\s*$")
_LIST_FOOTER_WORDS = re.compile(
    r"mailing list|listinfo|unsubscribe|you received this|you are receiving this|"
    r"to stop receiving|manage your subscription|google groups", re.I)
# A footer is at most this many lines; a longer tail after a rule is the message's own text.
_MAX_FOOTER_LINES = 12
# A signature longer than this is not a signature (some writers use "--" as a dash line).
_MAX_SIGNATURE_LINES = 10


def load_message(data: bytes, path: Path) -> Article:
    """Read an e-mail message or news post as an article."""
    name = path.name or "The file"
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
        title = _header_text(msg, "Subject")
        byline = _sender(msg)
        published = _date(msg)
        html_part, text_part = _bodies(msg)
    except RecursionError:
        raise LoadError(f"{name} is nested too deeply to be read as a message.") from None
    except Exception as err:  # noqa: BLE001 - the stdlib parser on hostile input; one sentence
        log.warning("could not parse %s as a message: %r", name, err)
        raise LoadError(f"{name} could not be read as an e-mail message.") from err
    title = _SUBJECT_NOISE.sub("", title or "").strip() or None

    article = None
    if html_part is not None:
        from reader.loaders.html import html_to_article

        html = decode_with_charset(_payload(html_part), html_part.get_content_charset())
        article = html_to_article(html, source_path=path, fmt="email", resolve_image=_no_images,
                                  fallback_title=title)
        if not any(b.text for b in article.blocks) and text_part is not None:
            article = None  # an HTML part of pictures only: the text part says it in words
    if article is None and text_part is not None:
        from reader.loaders.text import text_to_article

        text = _decode_text_part(text_part)
        article = text_to_article(strip_text_clutter(text), source_path=path, title=title or path.stem)
    if article is None:
        raise LoadError(f"{name} is an e-mail message with no text to read.")
    return replace(
        article,
        title=title or article.title,
        format="email",
        byline=byline or article.byline,
        published=published or article.published,
    )


def _no_images(src: str):  # noqa: ANN202 - an ImageResolver
    """Images in a message are remote (never fetched) or attachments, which are not read."""
    from reader.article import ImageRef

    return ImageRef(src)


def _header_text(msg: email.message.Message, name: str) -> str | None:
    """A header with RFC 2047 encoded words decoded and whitespace collapsed."""
    try:
        value = msg.get(name)
        text = str(value) if value is not None else None
    except Exception as err:  # noqa: BLE001 - a malformed header is read raw
        log.info("malformed %s header: %r", name, err)
        raw = msg.get_all(name, failobj=[None])[0]
        try:
            text = str(email.header.make_header(email.header.decode_header(str(raw)))) if raw else None
        except Exception:  # noqa: BLE001
            text = str(raw) if raw else None
    text = " ".join((text or "").split())
    return text or None


def _sender(msg: email.message.Message) -> str | None:
    """The sender's name, else the address: "Ana Lind <ana@example.org>" gives "Ana Lind"."""
    raw = _header_text(msg, "From") or _header_text(msg, "Sender")
    if not raw:
        return None
    name, address = email.utils.parseaddr(raw)
    name = name.strip().strip('"').strip()
    return name or address or raw


def _date(msg: email.message.Message) -> str | None:
    raw = _header_text(msg, "Date")
    if not raw:
        return None
    try:
        return email.utils.parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError) as err:
        log.info("unreadable Date header %r: %r", raw, err)
        return None


def _bodies(msg: email.message.Message) -> tuple[email.message.Message | None, email.message.Message | None]:
    """The message's HTML body and plain-text body (either may be None); attachments aside."""
    html = text = None
    for part in msg.walk():
        if part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype == "text/html" and html is None:
            html = part
        elif ctype == "text/plain" and text is None:
            text = part
    return html, text


def _payload(part: email.message.Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception as err:  # noqa: BLE001 - a broken transfer encoding yields no bytes
        log.info("undecodable message part: %r", err)
        return b""
    return data if isinstance(data, bytes) else b""


def _decode_text_part(part: email.message.Message) -> str:
    data = _payload(part)
    charset = part.get_content_charset()
    return decode_with_charset(data, charset) if charset else decode_text(data)


def strip_text_clutter(text: str) -> str:
    """A plain-text message without quoted replies, their attribution line, the signature and
    a list server's footer."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = _without_list_footer(lines)
    lines = _without_signature(lines)
    kept: list[str] = []
    for i, line in enumerate(lines):
        if line.startswith(">") and not line.startswith(">!"):
            continue  # a quoted reply (">!" opens a Reddit-style spoiler, not a quote)
        nxt = next((ln for ln in lines[i + 1:] if ln.strip()), "")
        if _ATTRIBUTION.match(line.strip()) and nxt.startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept)


def _without_signature(lines: list[str]) -> list[str]:
    for i in range(len(lines) - 1, -1, -1):
        if _SIGNATURE.match(lines[i]):
            if len([ln for ln in lines[i + 1:] if ln.strip()]) <= _MAX_SIGNATURE_LINES:
                return lines[:i]
            break
    return lines


def _without_list_footer(lines: list[str]) -> list[str]:
    for i in range(len(lines) - 1, -1, -1):
        if _LIST_RULE.match(lines[i]):
            tail = [ln for ln in lines[i + 1:] if ln.strip()]
            if len(tail) <= _MAX_FOOTER_LINES and any(_LIST_FOOTER_WORDS.search(ln) for ln in tail):
                return lines[:i]
    return lines
