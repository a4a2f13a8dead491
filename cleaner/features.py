"""Shape features of one line, the raw material of :mod:`cleaner.classify`.

All pure functions of the line's text (and the stop list chosen for its
script); nothing here looks at neighbours.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .phrases import normalize
from .scripts import COMMON, HAS_CJK, is_cjk, letter_profile

# Terminal punctuation, Latin and typographic, CJK full-width, Devanagari,
# Arabic/Urdu and Armenian/Ethiopic full stops; closing quotes and brackets may follow.
_TERMINAL = re.compile(r"[.!?…。！？｡।॥۔؟։።፧‼⁇⁈⁉][\"'’‘”“»«›‹」』）)\]\u200f]*$")
_WEAK_END = re.compile(r"[:;：；,，、][\"'’”»」』）)\]]*$")
_GREEK_QUESTION = re.compile(r"[;\u037e][\"'’”»)\]]*$")
_WORD = re.compile(r"[\w'’-]+")
# Every alternative starts at a digit: the lookahead lets the engine skip the
# other positions at once (the same matches, five times faster).
_DATE = re.compile(
    r"(?=\d)(?:\b\d{1,2}[:.]\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b(19|20)\d{2}\b"
    r"|\d{1,4}\s*[年月日]|\b\d+\s*(?:min|mins|minutes|hours?|days?|h|hrs?)\b)",
    re.I,
)
_DIGIT = re.compile(r"\d")
_SEPARATORS = re.compile(r"[|•·›»«‹<>/\\▸►▶◀→←↑↓]")
_CJK_WEIGHT = 3  # one Han or kana character carries about as much as three Latin ones
_HANGUL_WEIGHT = 2


@dataclass(frozen=True)
class Features:
    """What :mod:`cleaner.classify` needs to know about one line (frozen: the
    features of a repeated line are shared)."""

    key: str  # normalised text (see cleaner.phrases.normalize)
    script: str  # main script of the letters ('Zyyy' when none)
    words: tuple[str, ...]  # case-folded words (Han/kana: one per character)
    length: int  # characters, Han/kana/Hangul weighted as Latin equivalents
    letters: float  # share of letters among non-space characters
    terminal: bool  # ends in terminal punctuation (closing quotes allowed)
    weak_end: bool  # ends in a colon, semicolon or comma
    upper_start: bool  # first letter is upper case, or the script has no case
    dates: int  # dates, times and "3 hours"-style counts in the line
    separators: int  # |, •, ›, / and the like: menus and breadcrumbs
    copyright: bool  # carries a © sign
    capitals: float  # share of cased words that start with a capital (Title Case)

    @property
    def n_words(self) -> int:
        return len(self.words)


def main_script(text: str) -> str:
    """The script of most letters in ``text``; Han with any kana is ``Jpan``.

    >>> main_script("東京の天気"), main_script("Hello, мир мир"), main_script("2019")
    ('Jpan', 'Cyrl', 'Zyyy')
    """
    return _main_script(letter_profile(text)[0])


def _main_script(counts: dict[str, int]) -> str:
    if not counts:
        return COMMON
    if ("Hira" in counts or "Kana" in counts) and counts.get("Hani", 0) + counts.get("Hira", 0) + counts.get(
        "Kana", 0
    ) >= max(counts.values()):
        return "Jpan"
    return min(counts, key=lambda s: (-counts[s], s))


def words_of(line: str) -> list[str]:
    """Case-folded words; a run of Han or kana gives one word per character.

    >>> words_of("The Cat's 東京")
    ['the', "cat's", '東', '京']
    """
    if not HAS_CJK.search(line):
        return _WORD.findall(line.casefold())
    out = []
    for w in _WORD.findall(line.casefold()):
        if any(is_cjk(ch) for ch in w):
            buf = ""
            for ch in w:
                if is_cjk(ch):
                    if buf:
                        out.append(buf)
                        buf = ""
                    out.append(ch)
                else:
                    buf += ch
            if buf:
                out.append(buf)
        else:
            out.append(w)
    return out


# Lines up to this long are remembered: site templates recur from page to page,
# and are short lines; a long paragraph seldom recurs and would cost kilobytes.
CACHE_LINE = 200


def features(line: str) -> Features:
    """Measure one (stripped) line; a repeated line is measured once.

    >>> f = features("The minister spoke on Monday, 12 May 2019.")
    >>> (f.script, f.n_words, f.terminal, f.upper_start, f.dates)
    ('Latn', 8, True, True, 1)
    """
    if len(line) <= CACHE_LINE:
        return _features_cached(line)
    return _features(line)


def _features(line: str) -> Features:
    counts, letters, nonspace, first_at = letter_profile(line)
    # Han and kana letters weigh three, Hangul two, everything else one.
    length = (
        len(line)
        + (_CJK_WEIGHT - 1) * (counts.get("Hani", 0) + counts.get("Hira", 0) + counts.get("Kana", 0))
        + (_HANGUL_WEIGHT - 1) * counts.get("Hang", 0)
    )
    first = line[first_at] if first_at >= 0 else ""
    script = _main_script(counts)
    # Greek asks its questions with ";" (U+037E, which NFC turns into ";").
    terminal = bool(_TERMINAL.search(line)) or (script == "Grek" and bool(_GREEK_QUESTION.search(line)))
    cased = [w for w in line.split() if w[:1].isalpha() and (w[0].isupper() or w[0].islower())]
    return Features(
        key=normalize(line),
        script=script,
        words=tuple(words_of(line)),
        length=length,
        letters=letters / nonspace if nonspace else 0.0,
        terminal=terminal,
        weak_end=not terminal and bool(_WEAK_END.search(line)),
        upper_start=bool(first) and not first.islower(),
        dates=len(_DATE.findall(line)) if _DIGIT.search(line) else 0,  # (every date has a digit)
        separators=len(_SEPARATORS.findall(line)),
        copyright="©" in line or "(c)" in line.casefold()[:12],
        capitals=sum(1 for w in cased if w[0].isupper()) / len(cased) if cased else 0.0,
    )


# Bounded: at most 8192 lines of 200 characters (about 1 kB each with their
# features).  Most lines of a crawl are template lines seen on page after page
# (two in three on the bench corpus).
_features_cached = functools.lru_cache(maxsize=1 << 13)(_features)


def stop_density(words: Sequence[str], stops: frozenset[str]) -> float:
    """Share of ``words`` that are stop words (0 for no words)."""
    if not words:
        return 0.0
    return sum(map(stops.__contains__, words)) / len(words)
