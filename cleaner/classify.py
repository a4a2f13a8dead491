"""Classify blocks: content, heading, boilerplate or duplicate, with a reason.

Every rule about what is page furniture lives here (and in the phrase files
of :mod:`cleaner.phrases`).  Rules, in order:

1. ``boilerplate``/``phrase``: the whole line is a known furniture phrase.
2. ``duplicate``/``exact-dup``: the line repeats an earlier line of the document
   (after normalisation); the first copy is kept.
3. ``heading``: a short line without terminal punctuation followed by content.
4. everything else is ``content``.
"""
from __future__ import annotations

import re

from .phrases import normalize, phrases
from .records import BOILERPLATE, CONTENT, DUPLICATE, HEADING, Block

_TERMINAL = re.compile(r"[.!?…:;。！？：；।۔؟]['\"’”»)\]]*$")
_MAX_HEADING_WORDS = 10
_MAX_HEADING_CHARS = 120


def classify(text: str, blocks: list[Block]) -> list[Block]:
    """Set ``kind`` and ``reason`` on each block of ``text``; returns ``blocks``.

    >>> from cleaner.split import split_blocks
    >>> t = "Breaking News\\nA Title\\nA body sentence that runs on.\\nA Title"
    >>> [(b.kind, b.reason) for b in classify(t, split_blocks(t))]
    [('boilerplate', 'phrase'), ('heading', ''), ('content', ''), ('duplicate', 'exact-dup')]
    """
    known = phrases()
    seen: set[str] = set()
    for b in blocks:
        line = text[b.start:b.end]
        key = normalize(line)
        if key and key in known:
            b.kind, b.reason = BOILERPLATE, "phrase"
        elif key in seen or (not key and line in seen):
            b.kind, b.reason = DUPLICATE, "exact-dup"
        else:
            b.kind, b.reason = CONTENT, ""
        seen.add(key or line)
    _mark_headings(text, blocks)
    return blocks


def _heading_like(line: str) -> bool:
    if len(line) > _MAX_HEADING_CHARS or len(line.split()) > _MAX_HEADING_WORDS:
        return False
    if _TERMINAL.search(line):
        return False
    first = next((ch for ch in line if ch.isalpha()), None)
    # In scripts with case a heading starts with a capital; uncased scripts pass.
    return first is not None and not first.islower()


def _mark_headings(text: str, blocks: list[Block]) -> None:
    """A heading-like line is a heading when content follows it."""
    kept = [b for b in blocks if b.kind == CONTENT]
    for b, nxt in zip(kept, kept[1:]):
        if _heading_like(text[b.start:b.end]) and not _heading_like(text[nxt.start:nxt.end]):
            b.kind = HEADING
