"""Read HTML: the page's text, one block per line, and what its markup says of each line.

A page becomes the text the rest of the pipeline reads: every block element
(paragraph, list item, table cell, heading...) one line, a blank line between
blocks, white space collapsed, nothing a browser never shows as text
(``script``, ``style``, ``template``, form fields).  Elements hidden until
clicked (accordions, tabs: ``hidden``, ``aria-hidden``, ``display:none``)
are read: they hold the page's text as often as its furniture.  Each line also gets a
:class:`Markup` record: its block tag, the page landmark it lies in
(``nav``, ``header``, ``footer``, ``aside``), a furniture word from the
``class``/``id`` of an element around it, the share of its characters inside
links, its heading level, whether it repeats the page's ``<title>``, and the
elements it is nested in.  :func:`cleaner.classify.classify` weighs these as
evidence next to the line's own shape; they decide nothing alone.

``<html lang>`` and the declared charset (``<meta charset>``, or a
``Content-Type`` header from a WARC record) are hints: the charset is tried
first and kept only when its reading is valid and reads no worse than the
detector's (:func:`decode_html`), and the language is passed on as
``Page.lang`` for identify to weigh.

Parsing is selectolax's binding of lexbor, an HTML5 parser: it builds the
tree a browser builds from any tag soup; with the walk that makes the text
and its markup, about 4 ms for a 100 KB page
(``bench/html_inputs.py``).

>>> page = extract(b"<html lang=en><title>Talks</title><nav><a href=/>Home</a></nav>"
...                b"<h1>Talks</h1><p>The talks <b>resumed</b> on Monday.</p>")
>>> print(page.text)
Home
<BLANKLINE>
Talks
<BLANKLINE>
The talks resumed on Monday.
>>> [(m.tag, m.zone, m.links, m.heading, m.title) for m in page.markup if m]
[('nav', 'nav', 1.0, 0, False), ('h1', '', 0.0, 1, True), ('p', '', 0.0, 0, False)]
>>> page.lang
'en'
"""

from __future__ import annotations

import codecs
import importlib.util
import re
from dataclasses import dataclass, field, replace

from ..charset import WEB_ENCODINGS, detect
from ..decode import Decoded, decode
from ..records import Markup

# Elements whose content a browser does not show as text (or that hold form
# controls, whose labels are the page's furniture).
INVISIBLE = frozenset(
    "script style template svg math iframe object embed canvas head select option optgroup "
    "datalist input textarea audio video map dialog".split()
)
# Elements that start and end a line (HTML's block-level and table elements).
BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul legend".split()
)
MAX_PATH = 256  # block elements a line's Markup.path names at most
PREFORMATTED = frozenset({"pre", "textarea", "listing", "xmp", "plaintext"})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Landmarks: an element (or ARIA role) and the zone of the page it makes.
LANDMARK_TAGS = {"nav": "nav", "menu": "nav", "header": "header", "footer": "footer", "aside": "aside"}
LANDMARK_ROLES = {
    "navigation": "nav",
    "menu": "nav",
    "menubar": "nav",
    "search": "nav",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
}
# The article's own landmarks: a zone inside one is the article's (its header
# holds the headline), and no zone outside it reaches in.
CONTENT_TAGS = frozenset({"article", "main"})
CONTENT_ROLES = frozenset({"main", "article"})
# Words of class and id names that mark page furniture, and words that mark
# the article (a name with both, "article-sidebar", says nothing).  From
# Readability's lists (unlikelyCandidates, negative and positive), which are
# years of experience over many sites; less "text" and "body", which CSS
# frameworks put on everything ("text-center", "card-body").
FURNITURE_WORDS = frozenset(
    "ad ads advert advertisement banner breadcrumb breadcrumbs comment comments combx community cookie cookies "
    "disqus footer gdpr menu masthead nav navbar navigation newsletter outbrain pager pagination popup promo "
    "related remark replies rss share sharing shoutbox sidebar skyscraper social sponsor sponsored subscribe "
    "subscription taboola tags widget".split()
)
CONTENT_WORDS = frozenset("article content entry hentry main post story blog".split())
_NAME_WORDS = re.compile(r"[a-z]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)""", re.I)
_SNIFF_CHARSET_BYTES = 4096  # where a <meta charset> must be (the HTML standard says 1024; pages stray)


@dataclass
class Page:
    """A page's text and the markup of each of its lines (``None`` for blank lines)."""

    text: str
    markup: list[Markup | None] = field(default_factory=list)
    title: str = ""
    lang: str | None = None
    encoding: str | None = None


def available() -> bool:
    """Whether the HTML parser (``cleaner[html]``: selectolax) is installed."""
    return importlib.util.find_spec("selectolax") is not None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset a page declares: the ``Content-Type`` header's, else its
    ``<meta charset>``'s, when Python knows the name.

    >>> declared_charset(b'<meta charset="windows-1251">'), declared_charset(b"", "text/html; charset=UTF-8")
    ('cp1251', 'utf-8')
    """
    names = []
    if content_type:
        header = re.search(r"charset\s*=\s*[\"']?([\w:.-]+)", content_type, re.I)
        if header:
            names.append(header.group(1))
    meta = _CHARSET.search(data[:_SNIFF_CHARSET_BYTES])
    if meta:
        names.append(meta.group(1).decode("ascii"))
    for name in names:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decode_html(data: bytes, charset: str | None = None) -> Decoded:
    """The page's bytes as text: the declared ``charset`` when the bytes are
    valid in it and it reads no worse than what :func:`cleaner.decode.decode`
    finds on its own (a hint, never the truth: pages declare ``iso-8859-1``
    and are UTF-8, or declare UTF-8 and are cp1252).

    >>> decode_html("Grüße".encode("cp1252"), "cp1252")
    Decoded(text='Grüße', encoding='cp1252')
    >>> decode_html("Grüße".encode("utf-8"), "iso-8859-1").encoding  # valid UTF-8 wins over a wrong label
    'utf-8'
    """
    found = _decode_page(data)
    if charset is None or codecs.lookup(charset).name == codecs.lookup(found.encoding.split("+")[0]).name:
        return found
    if found.encoding.startswith("utf-8") and not found.encoding.startswith("utf-8+"):
        return found  # valid UTF-8 is never second-guessed (cleaner.decode)
    try:
        text = data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return found
    from ..plausibility import score

    if score(_visible_sample(text)).value >= score(_visible_sample(found.text)).value:
        return Decoded(text, charset)
    return found


# What a page shows, at the byte level: scripts, styles, comments and tags are
# ASCII in every code page the detector weighs, and cut out they leave the text.
_HIDDEN_BYTES = re.compile(rb"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>", re.I | re.S)


def _decode_page(data: bytes) -> Decoded:
    """:func:`cleaner.decode.decode` of a page, but a legacy code page is one a
    browser reads pages in (:data:`cleaner.charset.WEB_ENCODINGS`), chosen on
    the page's visible text: judged on its markup and a few accented words, a
    cp1252 page ("Café crème") read "better" as DOS cp850 ("CafÚ crÞme").

    >>> _decode_page(b"<html><body><p>Caf\\xe9 cr\\xe8me is a French phrase used in English.</p></body></html>")
    Decoded(text='<html><body><p>Café crème is a French phrase used in English.</p></body></html>', encoding='cp1252')
    """
    found = decode(data)
    if found.encoding.startswith(("utf", "iso2022")) or "+" in found.encoding:
        return found  # not a legacy code page chosen by the detector
    if codecs.lookup(found.encoding).name in WEB_ENCODINGS:
        return found
    visible = _HIDDEN_BYTES.sub(b"\n", data)
    by_text = detect(visible if visible.strip() else data, WEB_ENCODINGS)
    if by_text is None:
        return found
    try:
        return Decoded(data.decode(by_text[1]), by_text[1])
    except (UnicodeDecodeError, LookupError):
        return found


def _visible_sample(text: str, limit: int = 4000) -> str:
    """Text outside tags, for the plausibility score (markup is ASCII and alike in any reading)."""
    return re.sub(r"<[^>]*>", " ", text)[: 4 * limit][:limit]


def extract(data: bytes | str, content_type: str | None = None) -> Page:
    """The text of an HTML page and the markup of each line (see the module's doc).

    ``data`` as bytes is decoded with :func:`decode_html`, the charset that
    ``content_type`` (an HTTP header's) or the page declares as a hint.  Raises
    :class:`cleaner.decode.DecodeError` for bytes that are not text.
    """
    from selectolax.lexbor import LexborHTMLParser

    encoding = None
    if isinstance(data, bytes):
        decoded = decode_html(data, declared_charset(data, content_type))
        data, encoding = decoded.text, decoded.encoding
    tree = LexborHTMLParser(data.encode("utf-8", "replace"))
    root = tree.root
    title = ""
    lang = None
    if root is not None:
        lang = (root.attributes.get("lang") or "").strip() or None
    head = tree.head
    if head is not None:
        node = head.css_first("title")
        if node is not None:
            title = " ".join(node.text().split())
    walker = _Walker(_title_keys(title))
    if tree.body is not None:
        walker.walk(tree.body, walker.root_ctx)
    return Page("\n".join(walker.out), walker.markup, title, lang, encoding)


def _key(s: str) -> str:
    return " ".join(_NAME_WORDS.findall(s.lower())) if s.isascii() else " ".join(re.findall(r"\w+", s.lower()))


def _title_keys(title: str) -> frozenset[str]:
    """The ``<title>`` and its parts around a separator ("Headline | Site")."""
    if not title:
        return frozenset()
    parts = [title, *re.split(r"\s[|–—:·-]+\s|\s*[|·»]\s*", title)]
    return frozenset(k for k in (_key(p) for p in parts) if k)


@dataclass(frozen=True)
class _Ctx:
    """What holds for everything inside an element."""

    zone: str = ""
    hint: str = ""
    hint_at: int = 0
    path: tuple[int, ...] = ()
    tag: str = "body"
    heading: int = 0
    link: bool = False
    pre: bool = False


class _Walker:
    """Turns the tree into lines: text gathers until a block element starts or ends."""

    def __init__(self, title_keys: frozenset[str]):
        self.title_keys = title_keys
        self.root_ctx = _Ctx()
        self.out: list[str] = []
        self.markup: list[Markup | None] = []
        self.parts: list[str] = []
        self.linked = 0  # characters of self.parts inside links
        self.ctx: _Ctx | None = None  # the context of the line being gathered
        self.count = 0  # block elements numbered so far
        self.hard = False  # a block ended since the last line: a blank line before the next

    def flush(self, soft: bool = False) -> None:
        """End the line being gathered; ``soft``: a line break inside one
        block (``<br>``, preformatted text), not a new paragraph."""
        self._line()
        if not soft:
            self.hard = True

    def _line(self) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        text = " ".join(raw.split())
        ctx = self.ctx
        self.parts, linked, self.linked, self.ctx = [], self.linked, 0, None
        if not text or ctx is None:
            return
        visible = (len(text) - text.count(" ")) or 1  # (text is its words joined by single spaces)
        if self.out and self.hard:
            self.out.append("")
            self.markup.append(None)
        self.hard = False
        self.out.append(text)
        self.markup.append(
            Markup(
                tag=ctx.tag,
                zone=ctx.zone,
                hint=ctx.hint,
                links=round(min(1.0, linked / visible), 3),
                heading=ctx.heading,
                title=_key(text) in self.title_keys,
                path=ctx.path,
                hint_at=ctx.hint_at,
            )
        )

    def text(self, s: str, ctx: _Ctx) -> None:
        if ctx.pre and "\n" in s:
            # Preformatted text (code, poems, tables drawn in characters) keeps its lines.
            first, *rest = s.split("\n")
            self.text(first, replace(ctx, pre=False))
            for piece in rest:
                self.flush(soft=True)
                self.text(piece, replace(ctx, pre=False))
            return
        if self.ctx is None:
            if not s.strip():
                return
            self.ctx = ctx
        self.parts.append(s)
        if ctx.link:
            self.linked += sum(map(len, s.split()))

    def walk(self, root, ctx: _Ctx) -> None:
        """Walk the tree under ``root`` in document order, with a stack of its
        own (a page may nest elements deeper than Python's recursion limit)."""
        stack = [[root.child, ctx, True]]  # per open element: its next child, its context, is it a block
        while stack:
            top = stack[-1]
            child = top[0]
            if child is None:
                stack.pop()
                if top[2]:
                    self.flush()
                continue
            top[0] = child.next
            ctx = top[1]
            tag = child.tag
            if tag == "-text":
                self.text(child.text_content or "", ctx)
            elif tag is None or tag[0] in "-!_#" or tag in INVISIBLE:
                pass
            elif tag == "br":
                self.flush(soft=True)
            elif tag in BLOCK:
                self.flush()
                self.count += 1
                stack.append([child.child, _enter(ctx, tag, child.attributes, self.count, block=True), True])
            else:
                stack.append([child.child, _enter(ctx, tag, child.attributes, self.count, block=False), False])


def _enter(ctx: _Ctx, tag: str, attrs: dict[str, str | None], number: int, block: bool) -> _Ctx:
    """The context inside element ``tag`` with ``attrs``, entered from ``ctx``."""
    role = (attrs.get("role") or "").strip().lower()
    zone, hint, hint_at = ctx.zone, ctx.hint, ctx.hint_at
    if tag in CONTENT_TAGS or role in CONTENT_ROLES:
        zone = ""
    elif tag in LANDMARK_TAGS or role in LANDMARK_ROLES:
        zone = LANDMARK_TAGS.get(tag) or LANDMARK_ROLES[role]
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    if names.strip():
        words = set(_NAME_WORDS.findall(names))
        bad = words & FURNITURE_WORDS
        if bad and not words & CONTENT_WORDS:
            hint, hint_at = min(bad), len(ctx.path) + block
    pre = ctx.pre or tag in PREFORMATTED
    if block:
        # (Past MAX_PATH levels, elements share their ancestor's place: no page means that much nesting.)
        path = (*ctx.path, number) if len(ctx.path) < MAX_PATH else ctx.path
        return _Ctx(zone, hint, hint_at, path, tag, HEADINGS.get(tag, 0), ctx.link, pre)
    link = ctx.link or tag == "a"
    if (zone, hint, hint_at, link, pre) == (ctx.zone, ctx.hint, ctx.hint_at, ctx.link, ctx.pre):
        return ctx
    return _Ctx(zone, hint, hint_at, ctx.path, ctx.tag, ctx.heading, link, pre)
