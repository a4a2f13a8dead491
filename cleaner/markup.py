"""What a page's markup says about where its article is: measures over the
:class:`cleaner.records.Markup` of its lines, for :mod:`cleaner.classify`.

The article's container is found as Mozilla Readability finds it: every
paragraph-like line (``<p>``, ``<pre>``, ``<td>``, ``<blockquote>``, text
straight in a ``<div>``) of some length scores one point, one per comma and one per hundred characters (up to
three); its parent element gets the score and its grandparent half of it; an
element's total is cut by the share of its text inside links.  The best
element holds the article (prose comes in sibling paragraphs; lists of
teasers are links).  It is evidence, weighed in classify against each line's
own shape, never a verdict alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from .records import Markup

PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "blockquote"})
# Text straight inside these (between <br>s, say) is a paragraph too, as
# Readability reads a <div> without block children as a <p>.
CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "center"})
MIN_PARAGRAPH_CHARS = 25  # shorter paragraphs say nothing of where the article is
CHARS_PER_POINT = 100
MAX_LENGTH_POINTS = 3
GRANDPARENT_SHARE = 0.5
ALTERNATIVES = 5  # the best candidates after the first that may outvote it
ALTERNATIVE_SHARE = 0.75  # ... when they score at least this share of it
MIN_ALTERNATIVES = 3  # ... and this many of them lie in one ancestor
PARENT_MIN_SHARE = 1 / 3  # a parent scoring under this share of its child is not looked at further up
_COMMA = re.compile(r"[,，、،]")

Path = tuple[int, ...]


def article_container(marks: Sequence[Markup | None], texts: Sequence[str]) -> Path | None:
    """The element (as a path prefix of :attr:`Markup.path`) that holds the
    page's article, or ``None`` when no line reads as a paragraph.

    >>> p = "A paragraph of the article, with a comma and enough words to count."
    >>> marks = [Markup("li", path=(1, 2), links=1.0), Markup("p", path=(3, 4)), Markup("p", path=(3, 5))]
    >>> article_container(marks, ["Home", p, p])
    (3,)
    """
    scores: defaultdict[Path, float] = defaultdict(float)
    chars: defaultdict[Path, float] = defaultdict(float)
    linked: defaultdict[Path, float] = defaultdict(float)
    for m, text in zip(marks, texts):
        if m is None:
            continue
        n = len(text)
        path = m.path
        for i in range(len(path) + 1):
            chars[path[:i]] += n
            linked[path[:i]] += n * m.links
        if n < MIN_PARAGRAPH_CHARS:
            continue
        if m.tag in PARAGRAPH_TAGS:
            parent = path[:-1]
        elif m.tag in CONTAINER_TAGS:
            parent = path  # text straight in a <div>: a paragraph without its own element
        else:
            continue
        if parent:
            points = 1 + len(_COMMA.findall(text)) + min(n / CHARS_PER_POINT, MAX_LENGTH_POINTS)
            scores[parent] += points
            if len(parent) >= 2:
                scores[parent[:-1]] += points * GRANDPARENT_SHARE
    if not scores:
        return None
    final = {p: v * (1 - linked[p] / max(1, chars[p])) for p, v in scores.items()}
    # Ties go to the outer element (it holds the inner one's text too).
    ranked = sorted(final, key=lambda p: (-final[p], len(p)))
    top = ranked[0]
    best = final[top]
    # An article split in several sections (each a few paragraphs in its own
    # element) makes several candidates of about the same score: the element
    # that holds enough of them is the article.
    alternatives = [p for p in ranked[1:ALTERNATIVES] if final[p] >= ALTERNATIVE_SHARE * best]
    if len(alternatives) >= MIN_ALTERNATIVES:
        for depth in range(len(top) - 1, -1, -1):
            up = top[:depth]
            if sum(1 for p in alternatives if p[:depth] == up) >= MIN_ALTERNATIVES:
                top = up
                break
    # A parent that scores more than its best child holds more of the article.
    last, depth = final.get(top, best), len(top) - 1
    while depth >= 0:
        up = top[:depth]
        if up in final:
            if final[up] < last * PARENT_MIN_SHARE:
                break
            if final[up] > last:
                top = up
                break
            last = final[up]
        depth -= 1
    return top


def inside(m: Markup | None, container: Path) -> bool:
    """Whether a line with markup ``m`` lies inside ``container``."""
    return m is not None and m.path[: len(container)] == container


def furniture_hint(m: Markup, container: Path | None) -> bool:
    """Whether the furniture name around a line (:attr:`Markup.hint`) counts:
    not when the named element holds the article (a page wrapper called
    ``nav_drawer``, a body classed ``has-sidebar``), nor inside the article."""
    if not m.hint:
        return False
    if container is None:
        return True
    at = m.hint_at
    holds_article = len(container) >= at and container[:at] == m.path[:at]
    return not holds_article and not inside(m, container)
