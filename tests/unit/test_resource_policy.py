"""What the renderer may hand to Qt's image readers: page-folder files only, SVG without any
external reference (Qt's SVG renderer would otherwise read files outside the page)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from hostile_inputs import add_svg_pages  # noqa: E402

from reader.resource_policy import looks_like_svg, page_image_bytes, renderable_image_bytes, sanitize_svg  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _page(tmp_path: Path) -> Path:
    files = tmp_path / "site" / "Page_files"
    files.mkdir(parents=True)
    (files / "photo.png").write_bytes(PNG)
    page = tmp_path / "site" / "Page.html"
    page.write_text("<p>x</p>")
    return page


def test_an_image_in_the_page_folder_is_read(tmp_path: Path) -> None:
    page = _page(tmp_path)
    assert page_image_bytes(page.parent / "Page_files" / "photo.png", page) == PNG


def test_a_symlink_leading_out_of_the_page_folder_is_not_followed(tmp_path: Path) -> None:
    page = _page(tmp_path)
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG)
    link = page.parent / "Page_files" / "link.png"
    link.symlink_to(secret)
    assert page_image_bytes(link, page) is None
    assert page_image_bytes(page.parent / "Page_files" / ".." / ".." / "secret.png", page) is None


def test_a_fifo_or_device_in_the_page_folder_is_never_opened(tmp_path: Path) -> None:
    page = _page(tmp_path)
    fifo = page.parent / "Page_files" / "pipe.png"
    os.mkfifo(fifo)
    assert page_image_bytes(fifo, page) is None  # would block if opened
    device = page.parent / "Page_files" / "zero.png"
    device.symlink_to("/dev/zero")
    assert page_image_bytes(device, page) is None


def _references(svg: bytes) -> list[str]:
    root = etree.fromstring(svg)
    found = []
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.endswith("href") or "url(" in value:
                found.append(value)
    return found


def test_every_svg_reference_outside_the_document_is_removed(tmp_path: Path) -> None:
    pages: list[Path] = []
    add_svg_pages(tmp_path / "svg", lambda _name, _kind, path: pages.append(path))
    svgs = list((tmp_path / "svg" / "site" / "Page_files").glob("*.svg"))
    assert len(svgs) >= 4
    for svg in svgs:
        data = svg.read_bytes()
        assert looks_like_svg(data)
        assert any(not r.startswith("#") for r in _references(data)), "the input has a reference"
        cleaned = renderable_image_bytes(data)
        assert cleaned is not None and b"<rect" in cleaned, "the drawing itself is kept"
        assert _references(cleaned) == []


def test_internal_references_and_embedded_rasters_stay() -> None:
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
           b'<defs><linearGradient id="g"/></defs><rect fill="url(#g)" style="fill:url(/etc/x)"/>'
           b'<use xlink:href="#g"/><use href="other.svg#g"/>'
           b'<image href="data:image/png;base64,AAAA"/><image href="data:image/svg+xml;base64,AAAA"/>'
           b'<script>alert(1)</script><foreignObject><p>x</p></foreignObject>'
           b'<style>@import url(file:///etc/passwd); rect { fill: url(/x.png) }</style></svg>')
    cleaned = sanitize_svg(svg)
    assert cleaned is not None
    assert b'fill="url(#g)"' in cleaned and b'xlink:href="#g"' in cleaned
    assert b"data:image/png" in cleaned
    for gone in (b"/etc/x", b"other.svg", b"svg+xml", b"script", b"foreignObject", b"passwd", b"/x.png", b"@import"):
        assert gone not in cleaned, gone


def test_entities_are_never_expanded_and_broken_svg_is_refused() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY file SYSTEM "file:///etc/hostname">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;&file;</text></svg>')
    cleaned = sanitize_svg(bomb)
    assert cleaned is None or (b"aaaa" not in cleaned and b"ENTITY" not in cleaned)
    assert sanitize_svg(b"<svg><unclosed") is None
    assert renderable_image_bytes(b"\x1f\x8b\x08compressed") is None


def test_raster_images_pass_unchanged() -> None:
    assert renderable_image_bytes(PNG) == PNG
