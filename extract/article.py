"""Read one news page: :class:`Page` (raw bytes) -> :class:`Article` (text + metadata).

No network and no NLP. The body comes from trafilatura (its tree, not its text output, so
paragraphs stay ``"\\n\\n"``-separated blocks), checked against the page's own article
container where trafilatura is known to be weak. Metadata is read by one small function
per field, structured data first (JSON-LD, microdata, OpenGraph, meta tags) and visible
markup (title, bylines, ``<time>``) second.

>>> from extract.records import Page
>>> html = b"<html><head><title>Firm fined | Site</title></head><body><article>"
>>> html += b"<h1>Firm fined</h1><p>" + b"A paragraph of news text. " * 8 + b"</p></article>"
>>> article = read_article(Page(source="x", url="https://e.org/a", content=html))
>>> article.title, article.text[:25]
('Firm fined', 'A paragraph of news text.')
"""

from __future__ import annotations

import codecs
import html as html_lib
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from extract.errors import ArticleError, NewskgError
from extract.fetch import charset_of, check_html
from extract.records import Article, Page

log = logging.getLogger(__name__)

__all__ = ["read_article", "decode_html"]


def read_article(page: Page) -> Article:
    """Extract the main text and metadata of one page. Raises :class:`ArticleError`."""
    html = decode_html(page)
    tree = parse_html(html, page.source)
    doc = _Doc.build(tree, page.url)
    title = read_title(doc)
    text = _drop_headline(read_text(html, doc), title)
    if len(text.split()) < 3 and len(text.strip()) < 20:  # (CJK text has no spaces)
        raise ArticleError(f"{page.source}: no readable article text")
    publisher = read_publisher(doc)
    return Article(
        source=page.source,
        url=read_url(doc) or page.url,
        title=title,
        text=text,
        authors=tuple(read_authors(doc, publisher)),
        published=read_published(doc, html),
        modified=read_modified(doc),
        publisher=publisher,
        language=read_language(doc),
        description=read_description(doc),
        section=read_section(doc),
        paywalled=read_paywalled(doc),
    )


# ======================================================================================
# bytes -> str -> tree
# ======================================================================================

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WEAK_CHARSETS = {"latin-1", "iso8859-1", "ascii", "cp1252"}


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(page: Page) -> str:
    """Bytes -> text: BOM, transport charset, ``<meta charset>``, then detection.

    A declared charset is trusted only if the bytes decode cleanly with it. Latin-1 /
    ASCII / Windows-1252 declarations are so often wrong (UTF-8 served as "ISO-8859-1")
    that valid UTF-8 wins over them: mojibake is worse than the rare false positive.
    """
    content = page.content
    if not content or not content.strip():
        raise ArticleError(f"{page.source}: empty page")
    ctype = page.headers.get("content-type") or page.headers.get("Content-Type")
    try:
        check_html(page.source, ctype, content)
    except NewskgError as exc:
        raise ArticleError(str(exc)) from exc
    for bom, enc in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(enc, errors="replace")
    m = _META_CHARSET.search(content[:8192])
    meta_cs = m.group(1).decode("ascii", "ignore") if m else None
    for name in filter(None, map(_codec, (page.encoding, charset_of(ctype), meta_cs))):
        if name in _WEAK_CHARSETS:
            try:
                return content.decode("utf-8")
            except UnicodeDecodeError:
                return content.decode("cp1252", errors="replace")
        try:
            return content.decode(name)
        except UnicodeDecodeError:
            continue
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(content[:500_000]).best()
    return content.decode(best.encoding if best else "cp1252", errors="replace")


def parse_html(html: str, source: str) -> lxml.html.HtmlElement:
    if not re.search(
        r"<(html|head|body|p|div|article|title|!doctype\s+html|meta)\b", html[:20000], re.I
    ):
        raise ArticleError(f"{source}: not HTML")
    try:
        # lxml refuses str input that carries an XML encoding declaration.
        return lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html))
    except (etree.ParserError, ValueError) as exc:
        raise ArticleError(f"{source}: unparseable HTML ({exc})") from exc


# ======================================================================================
# structured data gathered once
# ======================================================================================

ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "askpublicnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "report",
    "scholarlyarticle",
    "techarticle",
    "satiricalarticle",
    "videoobject",
}
PAGE_TYPES = {"webpage", "itempage", "collectionpage", "aboutpage"}


def _norm(s: str) -> str:
    """Collapse whitespace; NFC only (NFKC would turn "…" into "..." in output)."""
    return " ".join(unicodedata.normalize("NFC", s).split())


def _key(s: str) -> str:
    """Comparison key: NFKC, casefold, letters and digits only."""
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(ch for ch in s if ch.isalnum())


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type") or []
    items = t if isinstance(t, list) else [t]
    return {str(x).rsplit("/", 1)[-1].lower() for x in items}


@dataclass
class _Doc:
    """Everything the field readers need, parsed once."""

    tree: lxml.html.HtmlElement
    url: str
    ld: list[dict[str, Any]] = field(default_factory=list)  # every JSON-LD object
    meta: dict[str, list[str]] = field(default_factory=dict)  # name/property -> contents

    @classmethod
    def build(cls, tree: lxml.html.HtmlElement, url: str) -> _Doc:
        doc = cls(tree=tree, url=url)
        doc.ld = list(_jsonld_objects(tree))
        for el in tree.iter("meta"):
            key = el.get("property") or el.get("name") or el.get("itemprop") or ""
            content = el.get("content") or el.get("value")  # some CMSs use value=
            if key and content and content.strip():
                doc.meta.setdefault(key.strip().lower(), []).append(_norm(content))
        return doc

    def m(self, *keys: str) -> str | None:
        """First non-empty meta content among ``keys``."""
        for k in keys:
            for v in self.meta.get(k, []):
                if v:
                    return v
        return None

    @property
    def articles(self) -> list[dict[str, Any]]:
        """JSON-LD article objects, best first (most fields, then page objects)."""
        arts = [o for o in self.ld if _types(o) & ARTICLE_TYPES]
        arts.sort(key=lambda o: -("headline" in o) - ("datePublished" in o) - ("author" in o))
        pages = [o for o in self.ld if _types(o) & PAGE_TYPES]
        return arts + pages

    def ld_values(self, key: str) -> list[Any]:
        out: list[Any] = []
        for obj in self.articles:
            v = obj.get(key)
            if v not in (None, "", []):
                out.append(v)
        return out

    def ld_first(self, key: str) -> Any:
        vals = self.ld_values(key)
        return vals[0] if vals else None

    def itemprop(self, name: str) -> list[lxml.html.HtmlElement]:
        return self.tree.xpath(f"//*[@itemprop][contains(concat(' ', @itemprop, ' '), ' {name} ')]")


def _load_json(text: str) -> Any:
    text = text.strip()
    text = re.sub(r"^\s*(<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)", "", text)
    text = re.sub(r"(-->|//\s*\]\]>|\]\]>)\s*$", "", text).strip().rstrip(";")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        try:  # raw control characters inside strings are common
            return json.loads(text, strict=False)
        except json.JSONDecodeError:
            return None


def _walk_ld(obj: Any) -> Iterator[dict[str, Any]]:
    if isinstance(obj, list):
        for x in obj:
            yield from _walk_ld(x)
    elif isinstance(obj, dict):
        if "@graph" in obj:
            yield from _walk_ld(obj["@graph"])
        if "@type" in obj:
            yield obj
        main = obj.get("mainEntity")
        if isinstance(main, dict | list):
            yield from _walk_ld(main)


def _jsonld_objects(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.xpath("//script[contains(@type, 'ld+json')]"):
        data = _load_json(script.text or "")
        if data is not None:
            yield from _walk_ld(data)


# ======================================================================================
# metadata: one small function per field
# ======================================================================================


def _absolute(doc: _Doc, href: str | None) -> str | None:
    if not href or not isinstance(href, str):
        return None
    href = href.strip()
    if urlsplit(href).scheme in ("http", "https"):
        return href
    if urlsplit(doc.url).scheme in ("http", "https"):
        return urljoin(doc.url, href)
    return None


def read_url(doc: _Doc) -> str | None:
    """Canonical URL: ``<link rel=canonical>``, og:url, then JSON-LD url."""
    for href in doc.tree.xpath("//link[contains(concat(' ', @rel, ' '), ' canonical ')]/@href"):
        if url := _absolute(doc, href):
            return url
    if url := _absolute(doc, doc.m("og:url", "twitter:url")):
        return url
    for v in doc.ld_values("url") + doc.ld_values("mainEntityOfPage"):
        cand = v.get("@id") or v.get("url") if isinstance(v, dict) else v
        if url := _absolute(doc, cand if isinstance(cand, str) else None):
            return url
    return None


# --- title ---------------------------------------------------------------------------

_TITLE_SEPARATORS = re.compile(r"\s+[|–—\-:·»/]\s+|\s*\|\s*")


_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "td", "th", "tr", "section"}


def _text(el: Any) -> str:
    """Visible text of an element; inline markup joins without spaces, blocks with one."""
    if el is None:
        return ""
    parts: list[str] = []
    for node in el.iter():
        if node is not el and isinstance(node.tag, str) and node.tag in _BLOCK_TAGS:
            parts.append(" ")
        if node.text and isinstance(node.tag, str) and node.tag not in ("script", "style"):
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    return _norm("".join(parts))


def _title_parts(title: str) -> list[str]:
    return [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]


def _site_names(doc: _Doc) -> set[str]:
    names = {doc.m("og:site_name", "application-name", "apple-mobile-web-app-title") or ""}
    for obj in doc.ld:
        if _types(obj) & {"organization", "newsmediaorganization", "website"}:
            names.add(str(obj.get("name") or ""))
    pub = doc.ld_first("publisher")
    if isinstance(pub, dict):
        names.add(str(pub.get("name") or ""))
    host = urlsplit(doc.url).hostname or ""
    names.add(host.removeprefix("www."))
    return {_key(n) for n in names if n}


def strip_site_suffix(title: str, sites: set[str]) -> str:
    """Drop " | Site" / "Site - " decorations, keeping the longest real headline part."""
    parts = _title_parts(title)
    if len(parts) < 2:
        return title.strip()
    kept = [p for p in parts if not _is_site(_key(p), sites)]
    if kept and len(kept) < len(parts):
        # rejoin what is left in original order with the original separator-free form
        return _rejoin(title, kept)
    return title.strip()


def _is_site(key: str, sites: set[str]) -> bool:
    if not key:
        return True
    for s in sites:
        if not s:
            continue
        if key == s or (len(key) >= 3 and (key in s or s in key) and len(key) < 40):
            return True
    return key in {"home", "news", "latestnews", "breakingnews"}


def _rejoin(title: str, kept: list[str]) -> str:
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    if start >= 0 and end > start:
        return title[start:end].strip()
    return " ".join(kept).strip()


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_key_words(a)), set(_key_words(b))
    return len(wa & wb) / max(len(wa | wb), 1)


def _key_words(s: str) -> list[str]:
    return [_key(w) for w in s.split() if _key(w)]


def _drop_short_tail(title: str) -> str:
    """``"Long headline here - Brand"`` -> ``"Long headline here"`` (brand unknown)."""
    m = re.match(r"^(.{15,})\s+(?:\||-|::|»)\s+([^|–—-]{2,40})$", title)
    if m and len(m.group(2).split()) <= 3 and len(m.group(1).split()) >= 3:
        return m.group(1).strip()
    return title


def read_title(doc: _Doc) -> str | None:
    """Headline: the wording most of the page's title sources agree on.

    Sources: the JSON-LD headline, og:title (or twitter:title), the ``<title>`` (with
    " | Site" stripped when the site is recognised, or by shape for a short trailing
    brand) and the visible h1. SEO and social titles are often rewritten, so no single
    source is trusted; agreement decides, a tie goes to the visible h1. With no agreement, an h1 that largely overlaps another source wins (it is
    what readers see), then the structured headline.
    """
    sites = _site_names(doc)
    canonical = read_url(doc)
    if canonical:
        host = (urlsplit(canonical).hostname or "").removeprefix("www.")
        sites |= {_key(host), _key(host.split(".")[0])}

    def clean(t: str | None, brand_tail: bool = False) -> str | None:
        if not t or not t.strip():
            return None
        c = strip_site_suffix(_norm(html_lib.unescape(t)), sites)
        c = _drop_short_tail(c) if brand_tail else c  # only <title>s carry unknown brands
        return c if c and not _is_site(_key(c), sites) else None

    ld = next((v for v in doc.ld_values("headline") if isinstance(v, str) and v.strip()), None)
    social = doc.m("og:title") or doc.m("twitter:title", "dc.title", "parsely-title")
    raw_title = _text(doc.tree.find(".//title"))
    h1s = [h for h in (_text(x) for x in doc.tree.xpath("//h1")) if 3 <= len(h) <= 300]
    h1s = [h for h in h1s if not _is_site(_key(h), sites)]  # logos are often h1s
    title = clean(raw_title, brand_tail=True)
    plain = strip_site_suffix(_norm(raw_title), sites) if raw_title else ""
    if title and plain != title and plain.startswith(title):
        # the brand cut from the <title> is a site name for the other sources too
        sites.add(_key(_TITLE_SEPARATORS.split(plain[len(title) :], maxsplit=1)[-1]))
    sources = {"ld": clean(ld), "social": clean(social), "title": title}
    others = [v for v in sources.values() if v]
    # the headline h1 is the one the other sources talk about, not the first one
    sources["h1"] = next(
        (h for h in h1s if any(_overlap(h, v) >= 0.5 for v in others)), h1s[0] if h1s else None
    )
    title_parts = {_key(p) for p in _title_parts(raw_title)} if raw_title else set()
    h1 = sources["h1"]
    if h1:
        # "Section | Headline" h1s: another source is the headline inside it
        inner = [v for k, v in sources.items() if k != "h1" and v and len(_key(v)) > 10]
        inner = [v for v in inner if _key(v) in _key(h1) and _key(v) != _key(h1)]
        if inner:
            sources["h1"] = h1 = inner[0]
        elif _key(h1) in title_parts:  # <title> is "h1 | Site" with an unknown site
            sources["title"] = h1
    support: dict[str, set[str]] = {}
    for name, value in sources.items():
        if value:
            support.setdefault(_key(value), set()).add(name)
    best = max(support.values(), key=lambda s: (len(s), "h1" in s, "title" in s), default=set())
    if len(best) >= 2:
        return _pick(sources, best, h1s)
    for h in h1s:
        if any(v and _overlap(h, v) >= 0.5 for k, v in sources.items() if k != "h1"):
            return h
    for name in ("ld", "social", "title", "h1"):
        if sources[name]:
            return _untruncate(sources[name], h1s)
    return None


def _pick(sources: dict[str, str | None], names: set[str], h1s: list[str]) -> str:
    for name in ("h1", "ld", "social", "title"):  # same words; prefer the visible spelling
        if name in names and sources[name]:
            return _untruncate(str(sources[name]), h1s)
    raise AssertionError("unreachable")


def _untruncate(title: str, h1s: list[str]) -> str:
    if title.endswith(("...", "…")):  # truncated headline: an h1 may have it whole
        stem = _key(title.rstrip(".… "))
        return next((h for h in h1s if _key(h).startswith(stem)), title)
    return title


# --- authors -------------------------------------------------------------------------

_BY = re.compile(r"^\s*(?:written\s+)?by[:\s]+", re.I)
_NOT_NAMES = re.compile(
    r"\b(staff|reporters?|correspondents?|editors?|editorial|news\s*desk|newsroom|contributors?|"
    r"associated press|reuters|agencies|afp|press association|updated|published|posted|"
    r"follow|email|twitter|times|news|post|journal|media|press|magazine|tribune|herald|"
    r"gazette|daily|weekly|network|agency|inc|ltd|llc|group|team|desk|admin|guest)\b|"
    r"https?:|@|\d",
    re.I,
)


def _clean_names(raw: str) -> list[str]:
    """``"By Jane Doe and John Roe, Reporters"`` -> ``["Jane Doe", "John Roe"]``."""
    raw = _norm(html_lib.unescape(raw))  # JSON-LD often carries "O&#039;Donnell"
    raw = _BY.sub("", raw)
    raw = re.split(r"\s+(?:\||—|–)\s+|\s+-\s+|\bupdated\b|\bpublished\b", raw, flags=re.I)[0]
    parts = re.split(r",|;|\s+and\s+|\s+&\s+|\bwith\b", raw, flags=re.I)
    names = []
    for p in parts:
        p = _BY.sub("", p).strip(" .·:")
        if not p or "@" in p or "http" in p or "/" in p:
            continue
        words = p.split()
        if not 1 <= len(words) <= 5 or not any(w[:1].isupper() for w in words):
            continue
        names.append(p)
    return names


def _ld_people(value: Any) -> Iterator[tuple[str, bool]]:
    """(name, is_person) for a JSON-LD author value (str, dict, list)."""
    if isinstance(value, list):
        for v in value:
            yield from _ld_people(v)
    elif isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            name = " ".join(map(str, name))
        if isinstance(name, str) and name.strip():
            yield name, not (_types(value) & {"organization", "newsmediaorganization"})
    elif isinstance(value, str) and value.strip() and not value.startswith("http"):
        yield value, True


def _authors_jsonld(doc: _Doc) -> list[str]:
    for v in doc.ld_values("author") + doc.ld_values("creator"):
        names = [n for name, person in _ld_people(v) if person for n in _clean_names(name)]
        if names:
            return names
    return []


def _authors_meta(doc: _Doc) -> list[str]:
    for k in (
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "dcterms.creator",
        "byl",
        "cxenseparse:author",
    ):
        vals = [v for v in doc.meta.get(k, []) if not v.startswith("http")]
        names = [n for v in vals for n in _clean_names(v)]
        if names:
            return list(dict.fromkeys(names))
    return _authors_from_profile_urls(doc)


def _authors_from_profile_urls(doc: _Doc) -> list[str]:
    """``article:author`` is often a profile URL (``/staff/claire-dufresne``): its slug is
    the name when the page shows that name too."""
    visible = _key(_text(doc.tree.find(".//body")))
    names = []
    for url in doc.meta.get("article:author", []):
        slug = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
        words = [w for w in re.split(r"[-_.+]", slug) if w.isalpha()]
        name = " ".join(w.capitalize() for w in words)
        if 2 <= len(words) <= 4 and _key(name) in visible:
            names.append(name)
    return names


def _authors_microdata(doc: _Doc) -> list[str]:
    names = []
    for el in doc.itemprop("author") + doc.itemprop("creator"):
        inner = el.xpath(".//*[@itemprop='name']")
        raw = (
            inner[0].get("content") or _text(inner[0]) if inner else el.get("content") or _text(el)
        )
        names += _clean_names(raw or "")
    return list(dict.fromkeys(names))


_BYLINE_XPATH = (
    "//*[@rel='author'] | //a[contains(@href, '/author/') or contains(@href, '/authors/') or "
    "contains(@href, '/by/') or contains(@href, '/profile/') or contains(@href, '/staff/')] | "
    "//*[contains(@class, 'byline') or contains(@class, 'author-name') or "
    "contains(@class, 'authorName') or contains(@class, 'author__name') or "
    "contains(concat(' ', normalize-space(@class), ' '), ' author ')]"
)


def _authors_byline(doc: _Doc) -> list[str]:
    """Names in the first visible byline (later ones belong to teasers for other stories)."""
    groups: dict[Any, list[str]] = {}
    for el in doc.tree.xpath(_BYLINE_XPATH):
        if el.xpath("ancestor::footer|ancestor::nav|ancestor::aside|ancestor::header[1]//nav"):
            continue
        text = _text(el)
        names = _clean_names(text) if 2 < len(text) < 120 else []
        if not names:
            continue
        box = el.getparent().getparent() if el.getparent() is not None else el
        if groups and box not in groups:
            break
        groups.setdefault(box, []).extend(names)
    return list(dict.fromkeys(n for ns in groups.values() for n in ns))[:6]


_BY_LINE = re.compile(
    r"^\s*(?i:by)\s+((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+"
    r"(?:\s*(?:,|and|&)\s*(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+)*)",
)


def _authors_by_line_text(doc: _Doc) -> list[str]:
    """An unmarked "By Jane Doe" line near the top of the article."""
    root = next(iter(doc.tree.xpath("//article | //main")), None)
    if root is None:
        root = doc.tree.find(".//body")
    if root is None:
        return []
    for el in root.xpath(".//p | .//span | .//div[not(*)] | .//address")[:80]:
        text = _text(el)
        if len(text) < 80 and (m := _BY_LINE.match(text)):
            return _clean_names(m.group(1))
    return []


def _authors_trafilatura(doc: _Doc) -> list[str]:
    """trafilatura's own author heuristics, last."""
    try:
        from trafilatura.metadata import extract_metadata

        meta = extract_metadata(lxml.html.fromstring(lxml.html.tostring(doc.tree)))
    except Exception:  # a heuristic fallback must never break extraction
        return []
    raw = meta.author if meta is not None else None
    return [n for part in (raw or "").split(";") for n in _clean_names(part)]


def _strip_affiliation(name: str, blocked: set[str]) -> str:
    """``"Kevin McCoy USA TODAY"`` -> ``"Kevin McCoy"`` (the outlet glued to the name)."""
    words = name.split()
    for k in (3, 2, 1):
        if len(words) - k >= 2 and _key(" ".join(words[-k:])) in blocked:
            return " ".join(words[:-k])
    return name


def read_authors(doc: _Doc, publisher: str | None = None) -> list[str]:
    """People who wrote the piece: JSON-LD, meta tags, microdata, then visible bylines.

    Organisations (the publisher, wire services, "Staff") are dropped: the field is for
    people, and a publisher given as author means "no named author".
    """
    blocked = {_key(publisher or "")} | _site_names(doc)
    readers = (
        _authors_jsonld,
        _authors_meta,
        _authors_microdata,
        _authors_byline,
        _authors_by_line_text,
        _authors_trafilatura,
    )
    for reader in readers:
        found = (_strip_affiliation(n, blocked) for n in reader(doc))
        names = [
            n
            for n in found
            if _key(n) not in blocked and not _NOT_NAMES.search(n) and len(_key(n)) > 2
        ]
        if names:
            return list(dict.fromkeys(names))
    return []


# --- dates ---------------------------------------------------------------------------


def to_iso(value: Any) -> str | None:
    """Any date string -> ISO 8601 (time and offset kept when given)."""
    if not isinstance(value, str) or not value.strip():
        return None
    from dateutil import parser as dparser

    s = value.strip()
    if re.fullmatch(r"\d{10}(\d{3})?", s):  # epoch seconds / milliseconds
        from datetime import UTC, datetime

        return datetime.fromtimestamp(int(s[:10]), UTC).isoformat()
    try:
        dt = dparser.isoparse(s)
    except (ValueError, OverflowError):
        try:
            dt = dparser.parse(s, fuzzy=True)
        except (ValueError, OverflowError):
            return None
    if not 1990 <= dt.year <= 2100:
        return None
    if dt.hour == dt.minute == dt.second == 0 and dt.tzinfo is None and len(s) <= 10:
        return dt.date().isoformat()
    return dt.replace(microsecond=0).isoformat()


_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "published-date",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "og:pubdate",
    "cxenseparse:recs:publishtime",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
)


def _date_from_ld(doc: _Doc, key: str) -> str | None:
    for v in doc.ld_values(key):
        if iso := to_iso(v if isinstance(v, str) else None):
            return iso
    return None


def _date_from_meta(doc: _Doc, keys: Iterable[str]) -> str | None:
    for k in keys:
        for v in doc.meta.get(k, []):
            if iso := to_iso(v):
                return iso
    return None


def _date_from_itemprop(doc: _Doc, name: str) -> str | None:
    for el in doc.itemprop(name):
        if iso := to_iso(el.get("content") or el.get("datetime") or _text(el)):
            return iso
    return None


def _date_from_time(doc: _Doc) -> str | None:
    for el in doc.tree.xpath("//time[@datetime]")[:3]:
        if el.xpath("ancestor::footer|ancestor::aside|ancestor::nav"):
            continue
        if iso := to_iso(el.get("datetime")):
            return iso
    return None


_LOCAL_DT = re.compile(r"(\d{4}-\d{2}-\d{2}).*?(\d{1,2}):(\d{2}):(\d{2})")


def _as_displayed(iso: str, doc: _Doc) -> str:
    """A UTC timestamp re-expressed in the publisher's local time when the page shows it.

    Sites store ``...T01:48:19Z`` but display ``2023-12-22 20:48:19``: same minutes and
    seconds, whole hours apart. Readers (and the calendar day) follow the local time.
    """
    from datetime import datetime, timedelta, timezone

    utc = datetime.fromisoformat(iso)
    if utc.utcoffset() != timedelta(0) or utc.second == utc.minute == 0:
        return iso
    for raw in doc.tree.xpath("//time/@datetime | //*[@itemprop='datePublished']/@content")[:6]:
        m = _LOCAL_DT.search(raw)
        if not m or re.search(r"(Z|[+-]\d{2}:?\d{2})\s*$", raw.strip()):
            continue
        try:
            local = datetime.fromisoformat(f"{m[1]}T{int(m[2]):02d}:{m[3]}:{m[4]}")
        except ValueError:
            continue
        delta = local - utc.replace(tzinfo=None)
        hours = delta.total_seconds() / 3600
        same_clock = (local.minute, local.second) == (utc.minute, utc.second)
        if same_clock and hours.is_integer() and 0 < abs(hours) <= 14:
            return local.replace(tzinfo=timezone(delta)).isoformat()
    return iso


def read_published(doc: _Doc, html: str = "") -> str | None:
    """Publication date: JSON-LD, meta tags, microdata, ``<time>``, then htmldate."""
    found = (
        _date_from_ld(doc, "datePublished")
        or _date_from_meta(doc, _PUBLISHED_META)
        or _date_from_itemprop(doc, "datePublished")
        or _date_from_ld(doc, "dateCreated")
        or _date_from_time(doc)
    )
    if found:
        return _as_displayed(found, doc) if "T" in found else found
    if not html:
        return None
    try:
        from htmldate import find_date

        found = find_date(html, original_date=True, extensive_search=True)
    except Exception:  # htmldate is a heuristic; never let it break extraction
        return None
    # A bare year ("Privacy Act 2020") comes back as YYYY-01-01: not a publication date.
    if found and found.endswith("-01-01") and found not in html:
        return None
    return to_iso(found)


def read_modified(doc: _Doc) -> str | None:
    return (
        _date_from_ld(doc, "dateModified")
        or _date_from_meta(doc, _MODIFIED_META)
        or _date_from_itemprop(doc, "dateModified")
    )


# --- the rest ------------------------------------------------------------------------


def read_publisher(doc: _Doc) -> str | None:
    pub = doc.ld_first("publisher")
    if isinstance(pub, list) and pub:
        pub = pub[0]
    if isinstance(pub, dict) and isinstance(pub.get("name"), str):
        return _norm(pub["name"])
    if isinstance(pub, str) and pub.strip():
        return _norm(pub)
    return doc.m("og:site_name", "application-name", "publisher", "dc.publisher")


def read_language(doc: _Doc) -> str | None:
    lang = doc.tree.get("lang") or doc.tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    lang = lang or doc.m("content-language", "language", "dc.language")
    if not lang:
        v = doc.ld_first("inLanguage")
        lang = v if isinstance(v, str) else None
    if not lang and (loc := doc.m("og:locale")):
        lang = loc
    return lang.strip().replace("_", "-") if lang else None


def read_description(doc: _Doc) -> str | None:
    ld = doc.ld_first("description")
    return doc.m("og:description", "description", "twitter:description") or (
        _norm(ld) if isinstance(ld, str) else None
    )


def read_section(doc: _Doc) -> str | None:
    v = doc.ld_first("articleSection")
    if isinstance(v, list):
        v = v[0] if v else None
    v = v if isinstance(v, str) and v.strip() else None
    v = v or doc.m("article:section", "parsely-section", "section", "og:section")
    if v and re.search(r",\S", v):  # "Business,Home Page,Popular": a tag list
        v = v.split(",")[0]
    return _norm(v) if v else None


def read_paywalled(doc: _Doc) -> bool | None:
    """``isAccessibleForFree: false`` in JSON-LD means a paywall (schema.org convention)."""
    for v in doc.ld_values("isAccessibleForFree"):
        s = str(v).strip().lower()
        if s in ("false", "0", "no"):
            return True
        if s in ("true", "1", "yes"):
            return False
    return None


# ======================================================================================
# body text
# ======================================================================================


def read_text(html: str, doc: _Doc) -> str:
    """Main body as paragraphs joined by blank lines.

    trafilatura picks one content container. Many CMSs (Condé Nast, some WordPress
    themes) split the body into several sibling containers around ad slots, and
    trafilatura then returns the first chunk only; such chunks are merged back into
    one container and the page is extracted again.
    """
    url = doc.url if doc.url.startswith("http") else None
    body = _trafilatura_body(html, url)
    if body is None:  # very short pages: trafilatura's precision pass finds nothing
        body = _trafilatura_body(html, url, favor_recall=True)
    if body is None:
        return "\n\n".join(_plain_paragraphs(doc))
    blocks = list(_blocks(body))
    merged = _merge_split_containers(html, blocks)
    if merged is not None:
        body2 = _trafilatura_body(merged, url)
        blocks2 = list(_blocks(body2)) if body2 is not None else []
        if _word_count(blocks2) > _word_count(blocks) * 1.2 and _covers(blocks2, blocks):
            blocks = blocks2
    return "\n\n".join(_drop_boilerplate(blocks))


# Whole blocks that are page furniture, not prose ("Published", "Advertisement" ...).
_FURNITURE = re.compile(
    r"^(published|updated|posted|advertisement|advertising|sponsored|share|share this( article| story)?|"
    r"image (source|caption)|media caption|close|copy link|listen|print|comments?)\W*$",
    re.I,
)
# "Read more: <other story>" teaser lines inside the body.
_TEASER = re.compile(
    r"^(read more|read also|also read|related|see also|more on this)\s*[:|-]", re.I
)
# A short heading that opens a trailing list of links to other stories.
_RELATED_HEADING = re.compile(
    r"^(related( stories| articles| coverage| content)?|more (from|on|in|about)\b.*|"
    r"more\b.{0,40}\b(stories|articles|coverage|news|reads?|videos?)|"
    r"other .{0,30}(columns|stories|articles)|most (read|viewed|popular)|recommended( for you)?|"
    r"you (may|might) also like|top stories|read next|what to read next)\W*$",
    re.I,
)


# "Published: 06:00, Friday 08 November 2024 | Updated: 09:14": a dateline, not prose
_DATELINE = re.compile(r"^(?:published|updated|posted|last updated)\b\s*:?\s*[^.!?]{0,80}\d", re.I)


# "A version of this article appears in print on Oct. 19, 2025, Section BU, Page 1 ...": the
# print edition's colophon at the end of a web story
_PRINT_COLOPHON = re.compile(
    r"^a version of this (?:article|story) appear(?:s|ed) in print\b", re.I
)


def _drop_boilerplate(blocks: list[str]) -> list[str]:
    """Remove furniture blocks, teaser lines and "Related stories" link lists."""
    blocks = _drop_link_lists(blocks)
    out: list[str] = []
    for i, block in enumerate(blocks):
        if _RELATED_HEADING.match(block) and i >= len(blocks) * 0.6:
            break  # everything after it is link teasers, not the article
        if _FURNITURE.match(block) or _TEASER.match(block) or _PRINT_COLOPHON.match(block):
            continue
        if len(block) < 100 and _DATELINE.match(block):
            continue
        out.append(block)
    return out or blocks


def _drop_link_lists(blocks: list[str]) -> list[str]:
    """Drop teaser link lists: 3+ pure-link items anywhere, 3+ link items at the end."""
    out: list[str] = []
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and isinstance(blocks[j], _LinkItem):
            j += 1
        run = blocks[i:j]
        pure = all(getattr(b, "pure", False) for b in run)
        if len(run) >= 3 and (pure or j == len(blocks)):
            i = j
            continue
        out.extend(run or blocks[i : i + 1])
        i = max(j, i + 1)
    return out


def _drop_headline(text: str, title: str | None) -> str:
    """The body starts after the headline: a first block repeating the title goes."""
    first, sep, rest = text.partition("\n\n")
    if title and sep and _key(first) == _key(title):
        return rest
    return text


def _word_count(blocks: list[str]) -> int:
    return sum(len(b.split()) for b in blocks)


def _covers(new: list[str], old: list[str]) -> bool:
    """Most of the old paragraphs survive in the new extraction (no container swap)."""
    have = {_key(b) for b in new}
    kept = sum(len(b.split()) for b in old if _key(b) in have)
    return kept >= 0.8 * _word_count(old)


def _trafilatura_body(html: str, url: str | None, **opts: Any) -> etree._Element | None:
    import trafilatura

    res = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        include_links=True,  # kept to spot link-only teaser lists; text is unchanged
        with_metadata=False,
        **opts,
    )
    return None if res is None else res.body


def _merge_split_containers(html: str, blocks: list[str]) -> str | None:
    """HTML with split body containers merged into the first, or None if not split."""
    tree = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html))
    wanted = {_key(b[:200]) for b in blocks if len(b.split()) >= 8}
    if not wanted:
        return None
    hits = [p for p in tree.iter("p") if _key(p.text_content()[:200]) in wanted]
    votes: dict[Any, int] = {}
    for p in hits:
        anc = p.getparent()
        for _ in range(4):
            if anc is None:
                break
            if anc.get("class"):
                votes[anc] = votes.get(anc, 0) + 1
            anc = anc.getparent()
    for box, _n in sorted(votes.items(), key=lambda kv: -kv[1]):
        if _n < max(2, len(hits) // 2):
            break
        twins = [
            el
            for el in tree.xpath(f"//{box.tag}[@class=$c]", c=box.get("class"))
            if el is not box
            and not _related(el, box)
            and _para_words(el) >= 20
            and not el.xpath(_NOT_BODY_ANCESTOR)
        ]
        if twins:
            for twin in twins:
                for child in list(twin):
                    box.append(child)
                twin.getparent().remove(twin)
            return lxml.html.tostring(tree, encoding="unicode")
    return None


# Repeated containers inside these are comments or teasers, never more of the article.
_NOT_BODY_ANCESTOR = (
    "ancestor-or-self::*[self::aside or self::footer or self::nav or "
    "contains(@class, 'comment') or contains(@id, 'comment') or contains(@class, 'related') "
    "or contains(@class, 'recommend') or contains(@class, 'sidebar') or contains(@class, 'promo')]"
)


def _plain_paragraphs(doc: _Doc) -> list[str]:
    """Last resort: the ``<p>`` texts of the article/main element (or body)."""
    root = next(iter(doc.tree.xpath("//article | //main | //body")), None)
    if root is None:
        return []
    paras = [
        _ws(p.text_content())
        for p in root.iter("p")
        if not p.xpath("ancestor::nav|ancestor::footer|ancestor::aside|ancestor::form")
    ]
    return [p for p in paras if p]


def _related(a: Any, b: Any) -> bool:
    return any(x is b for x in a.iterancestors()) or any(x is a for x in b.iterancestors())


def _para_words(el: Any) -> int:
    return sum(len(p.text_content().split()) for p in el.iter("p"))


def _ws(s: str) -> str:
    """Collapse whitespace only: body text keeps its characters (no NFKC: "…" stays)."""
    return " ".join(s.split())


def _inline(el: etree._Element) -> str:
    """Text of a block, with ``<lb/>`` as a space (``"".join(itertext())`` glues words)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append(" ")
        parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


_XML_BLOCKS = {"p", "head", "list", "item", "quote", "table", "row", "div", "graphic"}
_INLINE_PARENTS = {"p", "item", "head", "cell", "hi", "ref"}


def _blocks(body: etree._Element) -> Iterator[str]:
    """Paragraph strings from trafilatura's XML body, nested blocks flattened in order.

    Mixed content (an ``<item>`` holding text, ``<hi>`` and a nested ``<list>``) is split
    into runs: inline pieces accumulate, each block child flushes the run and recurses.
    """
    if body.tag == "table":
        for row in body.iter("row"):
            if any(el.tag in _XML_BLOCKS for c in row for el in c):
                # a layout table (old CMS templates): its cells hold paragraphs, not data
                for cell in row:
                    yield from _blocks(cell)
                continue
            cells = [_ws(_inline(c)) for c in row]
            if t := " ".join(c for c in cells if c):
                yield t
        return
    run = [body.text or ""]
    for child in body:
        if child.tag in _XML_BLOCKS or (child.tag == "code" and body.tag not in _INLINE_PARENTS):
            if t := _ws("".join(run)):
                yield t
            run = []
            if child.tag == "quote":
                yield from (_quoted(t) for t in _blocks(child))
            else:
                yield from _blocks(child)
        else:
            if child.tag == "lb":
                run.append(" ")
            run.append(_inline(child))
        run.append(child.tail or "")
    if t := _ws("".join(run)):
        refs = _ws(" ".join(_inline(r) for r in body.iter("ref")))
        if body.tag == "item" and refs and len(t.split()) <= 30:
            yield _LinkItem(t, pure=refs == t)
        else:
            yield t


def _quoted(block: str) -> str:
    """A block quotation's paragraph keeps what the page shows it to be: quoted words
    (so quote attribution can read it); short lines, pull quotes (no full stop) and text
    already in quotation marks stay as they are."""
    if (
        len(block.split()) < 6
        or re.search(r"[\"“”]", block)
        or isinstance(block, _LinkItem)
        or not re.search(r"[.?!…]$", block)  # a pull quote, not a quoted passage
    ):
        return block
    return f"“{block}”"


class _LinkItem(str):
    """A short list item holding a link: maybe a teaser for another page."""

    pure: bool  # nothing but the link

    def __new__(cls, text: str, pure: bool = False) -> _LinkItem:
        obj = super().__new__(cls, text)
        obj.pure = pure
        return obj
