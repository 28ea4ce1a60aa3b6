"""Which bytes the renderer may turn into a picture, decided without Qt.

The window draws an article's images with Qt's image readers. Handed a path, Qt opens whatever
it names; handed an SVG, Qt's SVG renderer follows ``<image href>`` to local files (``../..``,
absolute paths, a FIFO that freezes drawing). So the renderer never gives Qt a path or an SVG
as found. It asks here instead:

- ``page_image_bytes``: a local image is read only if, after resolving symlinks *now* (the page
  folder may have changed since it was loaded), it is a regular file inside the page's own
  folder (its ``_files`` folder included), through ``reader.bounded_read`` with a cap;
- ``renderable_image_bytes``: an SVG is sanitised: every reference that leaves the document
  (``href`` to anything but ``#fragment`` or an embedded raster ``data:`` image, ``url(...)`` in
  styles, ``@import``) is removed, as are scripts and foreign objects, and entities are never
  expanded. An SVG that cannot be parsed is refused. Raster images pass unchanged.

Pure Python (lxml), so the rules are tested without a display.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from reader.bounded_read import read_bounded

__all__ = ["MAX_IMAGE_BYTES", "page_image_bytes", "renderable_image_bytes", "sanitize_svg", "looks_like_svg"]

_log = logging.getLogger(__name__)

# A picture in a saved page is rarely over a few megabytes; the cap keeps a hostile one (or a
# device behind a symlink) from reaching Qt's decoders.
MAX_IMAGE_BYTES = 32 * 1024 * 1024

_XLINK = "http://www.w3.org/1999/xlink"
_SVG_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*(?:\[.*?\])?\s*>\s*)*<svg[\s>]",
                        re.IGNORECASE | re.DOTALL)
_SAFE_DATA_IMAGE = re.compile(r"^\s*data:image/(?:png|jpe?g|gif|webp|bmp);", re.IGNORECASE)
_CSS_URL = re.compile(r"url\s*\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_CSS_IMPORT = re.compile(r"@import[^;]*;?", re.IGNORECASE)
# Elements that can run code or pull in another document: dropped with what they hold.
_DROPPED = {"script", "foreignObject", "iframe", "object", "embed", "audio", "video", "handler", "listener"}


def page_image_bytes(path: Path, page: Path) -> bytes | None:
    """The bytes of the local image ``path`` if the page at ``page`` may show it, else None."""
    try:
        folder = page.resolve().parent
        target = path.resolve(strict=True)
    except (OSError, RuntimeError, ValueError):
        return None
    if not target.is_relative_to(folder):
        _log.info("image %s is outside the page folder %s; not read", target, folder)
        return None
    try:
        return read_bounded(target, MAX_IMAGE_BYTES)
    except OSError as err:  # a FIFO or device, too large, gone: not shown
        _log.info("image %s not read: %s", target, err)
        return None


def looks_like_svg(data: bytes) -> bool:
    """Whether ``data`` is an SVG document (by content; a name or MIME type can lie). Compressed
    SVG (.svgz) counts too: Qt would inflate and render it."""
    head = data[:4096]
    if head[:2] == b"\x1f\x8b":
        return True
    return bool(_SVG_START.match(head.lstrip(b"\xef\xbb\xbf")))


def renderable_image_bytes(data: bytes) -> bytes | None:
    """``data`` as it may be handed to Qt's image readers: raster images unchanged, SVG
    sanitised, gzip-compressed SVG (which cannot be checked cheaply) refused."""
    if not looks_like_svg(data):
        return data
    if data[:2] == b"\x1f\x8b":
        _log.info("compressed SVG refused")
        return None
    return sanitize_svg(data)


def _local_name(tag: object) -> str:
    from lxml import etree

    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _safe_href(value: str, element: str) -> bool:
    value = value.strip()
    if value.startswith("#"):
        return True
    return element == "image" and bool(_SAFE_DATA_IMAGE.match(value))


def _clean_css(text: str) -> str:
    text = _CSS_IMPORT.sub("", text)
    return _CSS_URL.sub(lambda m: m.group(0) if m.group(2).strip().startswith("#") else "none", text)


def sanitize_svg(data: bytes) -> bytes | None:
    """An SVG with every external reference removed; None when it cannot be parsed."""
    from lxml import etree  # here, not at import: the window imports this module at start-up

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as err:
        _log.info("SVG refused: %s", err)
        return None
    if root is None or _local_name(root.tag) != "svg":
        return None
    for element in list(root.iter()):
        if not isinstance(element.tag, str):  # an entity reference left unexpanded
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        name = _local_name(element.tag)
        if name in _DROPPED:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        for attribute in list(element.attrib):
            local = etree.QName(attribute).localname
            value = element.attrib[attribute]
            if local == "href" or attribute == f"{{{_XLINK}}}href":
                if not _safe_href(value, name):
                    del element.attrib[attribute]
            elif local.startswith("on"):
                del element.attrib[attribute]
            elif "url(" in value.lower() or "@import" in value.lower():
                element.attrib[attribute] = _clean_css(value)
        if name == "style" and element.text:
            element.text = _clean_css(element.text)
    return etree.tostring(root)
