"""Read title, byline, site, date, language and description from a page's metadata.

Sources in order of trust: JSON-LD (what publishers give search engines), Open Graph and
``article:*`` meta tags, Dublin Core / Parsely / twitter tags, then the page itself (``<title>``,
``<h1>``, elements marked as byline, ``<time>``). Read from the full page before cleaning removes
the header.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from reader.extraction.dom import collapse, text_of

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:/»·•]\s+|\s+\\\s+")
_BY_PREFIX = re.compile(r"^\s*(written\s+)?by[:\s]+", re.I)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ARTICLE_TYPES = re.compile(
    r"Article|NewsArticle|BlogPosting|Report|ScholarlyArticle|SocialMediaPosting|"
    r"DiscussionForumPosting|Review|WebPage|CreativeWork|TechArticle|OpinionNewsArticle",
)
_BYLINE_NAMES = re.compile(r"byline|author|writtenby|p-author|contributor", re.I)
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_TEXT_DATE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b"
    r"|\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b",
    re.I,
)


@dataclass
class PageMetadata:
    title: str = ""
    byline: str | None = None
    site: str | None = None
    published: str | None = None
    language: str | None = None
    description: str | None = None


def _meta_map(doc: etree._Element) -> dict[str, str]:
    """Meta tags by lower-case key, "DC.title" and "dc:title" alike as "dc:title".

    A ``property`` attribute beats a ``name`` attribute for the same key (the RDFa form is the
    more deliberate one); otherwise the first tag wins.
    """
    by_property: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for meta in doc.iter("meta"):
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attr, target in (("property", by_property), ("name", by_name), ("itemprop", by_name)):
            for key in (meta.get(attr) or "").lower().split():
                target.setdefault(key.replace(".", ":"), collapse(content))
    return {**by_name, **by_property}


def _json_ld_objects(doc: etree._Element) -> list[dict]:
    """Every JSON-LD object on the page, flattening @graph and lists."""
    found: list[dict] = []
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*<!\[CDATA\[|\]\]>\s*$", "", raw)
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(found) < 200:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))
    return found


def _type_matches(obj: dict) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and _ARTICLE_TYPES.fullmatch(k) for k in kinds)


def _names(value) -> list[str]:  # noqa: ANN001 - JSON value
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        out: list[str] = []
        for v in value:
            out.extend(_names(v))
        return out
    return []


def _json_ld_title(obj: dict, page_title: str, site: str | None) -> str | None:
    """JSON-LD's headline, unless ``name`` differs and is the one the page's <title> shows
    (some sites put a summary in ``headline``)."""
    headline = obj.get("headline") if isinstance(obj.get("headline"), str) else None
    name = obj.get("name") if isinstance(obj.get("name"), str) else None
    if headline and name and headline != name and page_title and not (site and name.casefold() in site.casefold()):
        folded = page_title.casefold()
        if name.casefold() in folded and headline.casefold() not in folded:
            return name
    return headline


def iso_date(value: str | None) -> str | None:
    """The calendar day of a date string as YYYY-MM-DD, or None when it holds no date."""
    if not value:
        return None
    value = value.strip()
    m = _DATE.search(value)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = _TEXT_DATE.search(value)
    if m:
        if m.group(1):
            month, day, year = _MONTHS[m.group(1).lower()[:3]], int(m.group(2)), int(m.group(3))
        else:
            day, month, year = int(m.group(4)), _MONTHS[m.group(5).lower()[:3]], int(m.group(6))
        try:
            return datetime(year, month, day).strftime("%Y-%m-%d")
        except ValueError:
            return None
    return None


def _clean_byline(text: str | None) -> str | None:
    if not text:
        return None
    text = collapse(_BY_PREFIX.sub("", collapse(text)))
    text = re.sub(r"\s*[|,]?\s*(updated|published|posted)\b.*$", "", text, flags=re.I)
    if not text or len(text) > 100 or text.lower().startswith(("http:", "https:")):
        return None
    return text


def _site_from_title(title: str) -> tuple[str, str | None]:
    """Split "Headline | Site" into ("Headline", "Site") when the suffix looks like a site name."""
    last = None
    for last in _TITLE_SEPARATORS.finditer(title):  # noqa: B007 - runs to the last separator
        pass
    if last is not None:
        head, tail = title[: last.start()], title[last.end():]
        if len(tail.split()) <= 4 and len(head.split()) >= 2:
            return head.strip(), tail.strip()
    return title, None


def strip_site_suffix(title: str, site: str | None) -> str:
    """Remove a trailing (or leading) " | Site" from a headline."""
    if not title:
        return title
    if site:
        for sep in (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ", ": "):
            if title.endswith(sep + site):
                return title[: -len(sep + site)].strip()
            if title.startswith(site + sep):
                return title[len(site + sep):].strip()
    head, tail = _site_from_title(title)
    if tail is not None and (not site or tail.lower() == site.lower()):
        return head
    return title


def _byline_from_page(doc: etree._Element) -> str | None:
    """The first byline marked in the page, in document order: ``itemprop=author`` (its
    ``name`` part when it has one), ``rel=author``, or a class/id that says byline/author. A
    byline box that holds a schema.org author is read through that author's name."""
    for el in doc.iter():
        if not isinstance(el.tag, str) or el.tag in ("meta", "link", "script", "style", "body", "html", "article"):
            continue
        is_author = "author" in (el.get("itemprop") or "").lower().split()
        if not (is_author or (el.get("rel") or "").lower() == "author"
                or _BYLINE_NAMES.search(f"{el.get('class') or ''} {el.get('id') or ''}")):
            continue
        if not is_author:
            inner = el.find('.//*[@itemprop="author"]')
            if inner is not None:
                el, is_author = inner, True
        source = el
        if is_author:
            name_el = el.find('.//*[@itemprop="name"]')
            source = name_el if name_el is not None else el
        cleaned = _clean_byline(source.get("content") or text_of(source))
        if cleaned and len(cleaned.split()) <= 8:
            return cleaned
    return None


def read_metadata(doc: etree._Element) -> PageMetadata:
    """Collect the page's metadata from JSON-LD, meta tags and the page itself."""
    meta = _meta_map(doc)
    md = PageMetadata()
    ld_article: dict = {}
    ld_site: str | None = None
    for obj in _json_ld_objects(doc):
        if not ld_article and _type_matches(obj) and isinstance(obj.get("headline"), str):
            ld_article = obj
        if obj.get("@type") in ("WebSite", "Organization", "NewsMediaOrganization") and not ld_site:
            ld_site = next(iter(_names(obj)), None)

    # Site.
    publisher = next(iter(_names(ld_article.get("publisher"))), None) if ld_article else None
    md.site = collapse(publisher or meta.get("og:site_name") or ld_site or meta.get("application-name")) or None

    # Title.
    page_title = ""
    title_el = doc.find(".//title")
    if title_el is not None:
        page_title = collapse(text_of(title_el))
    candidates = [
        _json_ld_title(ld_article, page_title, md.site),
        meta.get("dc:title"), meta.get("dcterm:title"), meta.get("og:title"),
        meta.get("weibo:article:title"), meta.get("weibo:webpage:title"), meta.get("title"),
        meta.get("twitter:title"), meta.get("parsely-title"), meta.get("sailthru:title"), page_title,
    ]
    raw_title = next((collapse(c) for c in candidates if c and collapse(c)), "")
    if not md.site and page_title:
        _, tail = _site_from_title(page_title)
        md.site = tail or md.site
    md.title = strip_site_suffix(raw_title, md.site)
    page_head = _site_from_title(page_title)[0] if page_title else ""
    if page_head and md.title != page_head and md.title.endswith(page_head):
        # "r/Forum on Site: Headline" in og:title, "Headline" in <title>: drop the prefix.
        prefix = md.title[: -len(page_head)].rstrip()
        if prefix and prefix[-1] in ":|-–—»" and len(page_head.split()) >= 3:
            md.title = page_head
            # "Community on Platform:" names where it was posted, a finer site than the platform.
            community = re.match(r"^(.{2,60}?) on (.{2,40}?)\s*[:|\-–—»]$", prefix)
            if community and md.site and community.group(2).casefold() == md.site.casefold():
                md.site = community.group(1).strip()
    if not md.title:
        h1 = doc.find(".//h1")
        md.title = collapse(text_of(h1)) if h1 is not None else ""

    # Byline.
    authors = _names(ld_article.get("author")) if ld_article else []
    authors = [a for a in (collapse(x) for x in authors) if a and not a.startswith("http")]
    byline = ", ".join(dict.fromkeys(authors)) if authors else None
    if not byline:
        for key in ("dc:creator", "dcterm:creator", "author", "article:author", "og:article:author",
                    "parsely-author", "sailthru:author", "byl"):
            value = meta.get(key)
            if value and not value.startswith(("http:", "https:")):
                byline = value
                break
    md.byline = _clean_byline(byline) or _byline_from_page(doc)

    # Published date.
    date_values = [
        ld_article.get("datePublished") if ld_article else None,
        meta.get("article:published_time"), meta.get("og:published_time"),
        meta.get("datepublished"), meta.get("publishdate"), meta.get("pubdate"),
        meta.get("date"), meta.get("dc:date"), meta.get("dc:date:issued"), meta.get("dcterm:created"),
        meta.get("parsely-pub-date"), meta.get("sailthru:date"), meta.get("article:published"),
        ld_article.get("dateCreated") if ld_article else None,
    ]
    for value in date_values:
        if isinstance(value, str) and iso_date(value):
            md.published = iso_date(value)
            break
    if not md.published:
        for t in doc.iter("time"):
            found = iso_date(t.get("datetime") or text_of(t))
            if found:
                md.published = found
                break

    html_el = doc if doc.tag == "html" else doc.find(".//html")
    if html_el is not None:
        md.language = (html_el.get("lang") or html_el.get("xml:lang") or "").strip() or None
    md.description = meta.get("og:description") or meta.get("description") or None
    return md
