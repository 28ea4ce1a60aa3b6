"""Loader for web pages saved by a browser (HTML only, or "Web page, complete").

The page is untrusted: nothing in it runs, nothing is fetched, and an image is read only when its
path resolves inside the page's own resources folder (``Name_files/`` next to ``Name.html``).
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from reader.article import Article, ArticleFormat, Block, ImageRef
from reader.errors import LoadError
from reader.extraction import extract_page
from reader.extraction.blocks import build_blocks
from reader.extraction.tidy import tidy_blocks

_log = logging.getLogger(__name__)

ImageResolver = Callable[[str], ImageRef]

_DATA_URI = re.compile(r"^data:(?P<mime>[\w.+-]+/[\w.+-]+)?(?P<params>(;[^,;]*)*?)(?P<b64>;base64)?,", re.I)
_MAX_DATA_URI = 10 * 1024 * 1024


def load_html(data: bytes, path: Path) -> Article:
    """Decode, parse and extract the article from a saved HTML page."""
    from reader.loaders.encoding import decode_html

    text = decode_html(data)
    return html_to_article(text, source_path=path, fmt="html", resolve_image=LocalImageResolver(path))


def html_to_article(
    html: str,
    *,
    source_path: Path | None,
    fmt: ArticleFormat,
    resolve_image: ImageResolver,
    fallback_title: str | None = None,
) -> Article:
    """Extract the article from decoded page HTML; ``resolve_image`` maps each ``src`` to an image.

    ``fallback_title`` is used when the page names no title (an MHTML file's Subject, say);
    the file name is the last resort.
    """
    page = extract_page(html)
    md = page.metadata
    blocks = tidy_blocks(build_blocks(page.parts, _with_data_uris(resolve_image)))
    title = md.title
    if not title and blocks and blocks[0].kind == "heading":
        title = blocks.pop(0).text
    if not title and fallback_title:
        title = fallback_title
    if not title and source_path is not None:
        title = source_path.stem.replace("_", " ")
    if not blocks and not title:
        name = source_path.name if source_path else "The page"
        raise LoadError(f"{name} has no readable text.")
    _renumber(blocks)
    return Article(
        title=title,
        blocks=blocks,
        source_path=source_path,
        format=fmt,
        byline=md.byline,
        site=md.site,
        published=md.published,
        language=md.language,
        description=md.description,
    )


def _renumber(blocks: list[Block]) -> None:
    for i, block in enumerate(blocks):
        block.id = i


def _with_data_uris(resolve: ImageResolver) -> ImageResolver:
    """Decode ``data:`` images in place; hand every other address to ``resolve``."""

    def resolver(src: str) -> ImageRef:
        m = _DATA_URI.match(src)
        if not m:
            return resolve(src)
        payload = src[m.end():]
        if len(payload) > _MAX_DATA_URI:
            return ImageRef(src[:64])
        try:
            raw = base64.b64decode(payload, validate=False) if m.group("b64") else unquote(payload).encode("utf-8")
        except (binascii.Error, ValueError):
            return ImageRef(src[:64])
        return ImageRef(src[:64], data=raw, mime_type=(m.group("mime") or "").lower() or None)

    return resolver


class LocalImageResolver:
    """Resolve image addresses of a saved page to files in its own resources folder only.

    Browsers save "Web page, complete" as ``Name.html`` plus ``Name_files/``. A relative address
    is read only when it lands inside such a folder beside the page; ``../`` escapes, absolute
    paths, ``file:`` URLs elsewhere and remote addresses are never read.
    """

    def __init__(self, page_path: Path | None) -> None:
        self.base = page_path.parent.resolve() if page_path is not None else None
        self.stem = page_path.stem if page_path is not None else ""

    def _allowed_folder(self, candidate: Path) -> bool:
        if self.base is None:
            return False
        try:
            rel = candidate.relative_to(self.base)
        except ValueError:
            return False
        if len(rel.parts) < 2:
            return False
        folder = rel.parts[0]
        return folder.endswith(("_files", "-files")) or folder == f"{self.stem}_files"

    def __call__(self, src: str) -> ImageRef:
        if self.base is None:
            return ImageRef(src)
        parts = urlsplit(src)
        if parts.scheme and parts.scheme.lower() not in ("file",) or parts.netloc:
            return ImageRef(src)
        raw_path = unquote(parts.path)
        if not raw_path or raw_path.startswith("/") and parts.scheme.lower() != "file":
            return ImageRef(src)
        try:
            candidate = (self.base / raw_path).resolve() if not raw_path.startswith("/") else Path(raw_path).resolve()
        except (OSError, RuntimeError, ValueError) as err:
            _log.info("Image %r is not a readable local path (%s); shown as remote", src, err)
            return ImageRef(src)
        if not self._allowed_folder(candidate) or not candidate.is_file():
            return ImageRef(src)
        return ImageRef(src, local_path=candidate)
