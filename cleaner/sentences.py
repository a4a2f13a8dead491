"""Sentences and quoted phrases inside a line, as offsets.

Both are only places where the language *may* change: the identify stage asks
the detector about each and keeps a boundary only where the evidence says so,
so a cut after an abbreviation costs nothing but a detector call.
"""

from __future__ import annotations

import bisect
import re

# A sentence ends at terminal punctuation (with any closing quotes/brackets after it)
# followed by white space; CJK full stops end one even without a space.
# (The lookahead, as in _QUOTES, lets the engine skip at once to a possible end:
# the same matches in half the time.)
_END = re.compile(r"(?=[.!?…।॥؟۔。！？])(?:(?:[.!?…।॥؟۔]+['\"’”»)\]」』]*\s+)|(?:[。！？]+['\"’”»)\]」』]*\s*))")
# Quote pairs, innermost text 2..200 characters, not spanning another opening mark.
# (Every alternative starts at an opening mark: the lookahead lets the engine
# skip the other positions at once, with the same matches.)
_QUOTES = re.compile(
    r"(?=[«»„“‘‹「『\"])(?:"
    r"«([^«»\n]{2,200})»|»([^«»\n]{2,200})«|„([^„“”\n]{2,200})[“”]|“([^“”„\n]{2,200})”"
    r"|‘([^‘’\n]{2,200})’|‹([^‹›\n]{2,200})›|「([^「」\n]{2,200})」|『([^『』\n]{2,200})』"
    r"|(?<![\w\"])\"([^\"\n]{2,200})\"(?![\w\"]))"
)
# The marks a quotation opens with (each alternative above starts at one): a
# line without any has no quotation, and is not given to the engine at all.
_OPENING = '«»„“‘‹「『"'


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text[start:end]``, stripped, in order.

    >>> t = "One here. Two there! 三。四"
    >>> [t[s:e] for s, e in sentences(t)]
    ['One here.', 'Two there!', '三。', '四']
    """
    if end is None:
        end = len(text)
    out: list[tuple[int, int]] = []
    pos = start
    inside = quotes(text, start, end)  # sorted, not overlapping
    starts = [s for s, _ in inside]
    for m in _END.finditer(text, start, end):
        cut = m.end()
        if cut < end and text[cut].islower():
            continue  # "ed. and", "z. B. die": an abbreviation, not an end
        k = bisect.bisect_left(starts, cut) - 1
        if k >= 0 and cut < inside[k][1]:
            continue  # a quotation is decided whole
        _add(text, pos, cut, out)
        pos = cut
    _add(text, pos, end, out)
    return out


def _add(text, s, e, out):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s < e:
        out.append((s, e))


def quotes(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the text inside each pair of quotation marks, marks excluded.

    >>> t = 'He said «bonjour à tous» and „guten Tag“ then "hola amigos".'
    >>> [t[s:e] for s, e in quotes(t)]
    ['bonjour à tous', 'guten Tag', 'hola amigos']
    """
    if end is None:
        end = len(text)
    out: list[tuple[int, int]] = []
    for mark in _OPENING:
        if text.find(mark, start, end) >= 0:
            break
    else:
        return out
    for m in _QUOTES.finditer(text, start, end):
        s, e = m.span(m.lastindex or 0)  # each alternative has one group
        _add(text, s, e, out)
    return out
