"""Split repaired text into blocks (lines) with offsets, grouped in paragraphs."""

from __future__ import annotations

import re

from .records import Block

_LINE = re.compile(r"[^\n]+")


def split_blocks(text: str) -> list[Block]:
    """One block per non-blank line, stripped; ``para`` counts blank-line breaks.

    >>> [(b.start, b.end, b.para) for b in split_blocks("Title\\n\\n  Body one.\\nBody two.")]
    [(0, 5, 0), (9, 18, 1), (19, 28, 1)]
    """
    blocks: list[Block] = []
    para = 0
    prev_end = 0
    for m in _LINE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            continue
        if blocks and text.count("\n", prev_end, s) > 1:
            para += 1
        blocks.append(Block(s, e, para=para))
        prev_end = e
    return blocks
