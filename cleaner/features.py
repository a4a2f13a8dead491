"""Shape features of one line, the raw material of :mod:`cleaner.classify`.

All pure functions of the line's text (and the stop list chosen for its
script); nothing here looks at neighbours.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .compiled import twin
from .phrases import normalize
from .scripts import COMMON, HAS_CJK, is_cjk, letter_profile

# A sentence ending inside a line: terminal punctuation, then a space and the
# next sentence (Han and kana full stops need no space).
_SENTENCE_END = re.compile(r"[.!?…।۔؟][\"'’”»)\]]*\s+(?=[\"'‘“«(\[]?\w)|[。！？](?=.)")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*[)\]»›]?\s*(?:\w+(?:\s+\w+)?\s*[»›>]*\s*)?$")
# Latin, Greek and Cyrillic small then capital letters inside a capitalised
# word ("StatesRemote jobs"; not "logAdminCommands" or "iPhone").
_GLUED = re.compile(r"[a-zà-ÿα-ωа-я][A-ZÀ-ÞΑ-ΩА-Я]")
_CAPITALISED = re.compile(r"(?<!\S)[\"'“‘(]?[A-ZÀ-ÞΑ-ΩА-Я]\S+")
_CLAUSE_CHARS = ",;:，、；：،"
_CLAUSE = re.compile(f"[{_CLAUSE_CHARS}]")
_GREEK_QUESTION = re.compile(r"[;\u037e][\"'’”»)\]]*$")
# Terminal punctuation (Latin and typographic, CJK full-width, Devanagari,
# Arabic/Urdu, Armenian/Ethiopic full stops) and weak endings (colons, commas),
# each with the closing quotes and brackets that may follow it: a line ends so
# when, those stripped, its last character is a mark (no mark is a closer).
_TERMINAL_MARKS = ".!?…。！？｡।॥۔؟։።፧‼⁇⁈⁉"
_TERMINAL_CLOSERS = "\"'’‘”“»«›‹」』）)]\u200f"
_WEAK_MARKS = ":;：；,，、"
_WEAK_CLOSERS = "\"'’”»」』）)]"


def _ends(line: str, marks: str, closers: str) -> bool:
    """Whether ``line`` ends in one of ``marks``, closers allowed after it (and,
    as a pattern's ``$`` allows, one newline after those)."""
    if line.endswith("\n"):
        line = line[:-1]
    stripped = line.rstrip(closers)
    return bool(stripped) and stripped[-1] in marks


def _mark_ranges() -> str:
    """A character class body for the combining marks of the BMP (categories
    Mn, Mc, Me): ``\\w`` leaves them out, so without them a Bengali, Tamil or
    Thai word would fall apart at every vowel sign."""
    out = []
    for lo, hi in _MARK_BLOCKS:
        start = None
        for cp in range(lo, hi + 2):
            mark = cp <= hi and unicodedata.category(chr(cp)) in ("Mn", "Mc", "Me")
            if mark and start is None:
                start = cp
            elif not mark and start is not None:
                out.append(f"\\u{start:04x}-\\u{cp - 1:04x}" if cp - 1 > start else f"\\u{start:04x}")
                start = None
    return "".join(out)


# The blocks of the BMP that hold combining marks (scanning only these keeps
# the start-up cost of building the class small).
_MARK_BLOCKS = (
    (0x0300, 0x1DFF),
    (0x20D0, 0x20FF),
    (0x2CEF, 0x2DFF),
    (0x302A, 0x309A),
    (0xA66F, 0xABFF),
    (0xFB1E, 0xFE2F),
)


_WORD = re.compile(rf"[\w'’\-{_mark_ranges()}]+")
_ASCII_WORD = re.compile(r"[a-z0-9_'\-]+")
# Every alternative starts at a digit: the lookahead lets the engine skip the
# other positions at once (the same matches, five times faster).
_DATE = re.compile(
    r"(?=\d)(?:\b\d{1,2}[:.]\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b(19|20)\d{2}\b"
    r"|\d{1,4}\s*[年月日]|\b\d+\s*(?:min|mins|minutes|hours?|days?|h|hrs?)\b)",
    re.I,
)
_DIGIT = re.compile(r"\d")
_SEPARATOR_CHARS = "|•·›»«‹<>/\\▸►▶◀→←↑↓"
_SEPARATORS = re.compile(f"[{re.escape(_SEPARATOR_CHARS)}]")
# What splits the items of a menu, a breadcrumb or a toolbar: the separators
# above (with "/" only between spaces: "24/7" is one item) and spaced dashes.
_ITEM_SPLIT = re.compile(r"\s*(?:[|•·›»«‹▸►▶◀→←]|(?<=\s)[/>\\](?=\s)|\s[-–—]\s|>>|<<)\s*")
# Where _ITEM_SPLIT can split a line: its separators, without the spaces it
# also takes around them (a line with none of these is one item; most lines).
_ITEM_CHARS = re.compile(r"[|•·›»«‹▸►▶◀→←]|\s[/>\\\-–—]\s|>>|<<")
ITEM_MAX_WORDS = 4  # a menu entry or breadcrumb step has at most this many words
ITEM_MAX_CJK = 10  # characters, for one written without spaces
CJK_SPACED_ITEMS = 4  # short Han or kana words between spaces that make a menu
CJK_SPACED_ITEM = 5  # characters of each
# Markup a crawler left in the text (tags, entities) and web addresses.  A tag's
# name is letters and digits: "<emscripten.h>" and "<storage_root>" are code.
_MARKUP = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,300})?/?>|&(?:[a-z]{2,8}|#\d{2,6});"
    r"|\b(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.[\w.]+"
)
_SLIDE = re.compile(r"\s*\d{1,3}\s*/\s*\d{1,3}(?!\d|[./-]\d)")
# "Views: 1341", "Comments (0)", "12 comments", "3 hours ago": a count with its label.
_COUNT = re.compile(r"\d[\d.,]*\s*[)\]]?\s*$|^\s*[(\[]?\d[\d.,]*|[:：]\s*[(\[]?\d[\d.,]*")
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
    items: int  # short items between separators (menus, breadcrumbs, toolbars); 0 when any item is long
    markup: float  # share of the non-space characters in tags, entities, web and mail addresses
    counts: int  # numbers standing alone as counts or values ("Views: 1341", "Comments (0)")
    sentences: int  # full stops (and the like) that end a sentence inside the line or at its end
    truncated: bool  # ends in an ellipsis: a teaser cut short ("… Read more")
    glued: int  # a small letter followed by a capital inside a word: link texts run together ("TwitterShare")
    clauses: int  # commas, colons and the like: the joints of sentences

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
    if line.isascii():
        # (the same words: on ASCII, \w is a-z, 0-9 and "_", and casefold is lower)
        return _ASCII_WORD.findall(line.lower())
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
    ends, weak_ends, upper, cased, digits, separators, clauses, glued = _shape(line)
    # Greek asks its questions with ";" (U+037E, which NFC turns into ";").
    terminal = ends or (script == "Grek" and bool(_GREEK_QUESTION.search(line)))
    return Features(
        key=normalize(line),
        script=script,
        words=tuple(words_of(line)),
        length=length,
        letters=letters / nonspace if nonspace else 0.0,
        terminal=terminal,
        weak_end=not terminal and weak_ends,
        upper_start=bool(first) and not first.islower(),
        dates=len(_DATE.findall(line)) if digits else 0,  # (every date has a digit)
        separators=separators,
        # (casefold maps each character alone: the first 12 folded come from the first 12)
        copyright="©" in line or "(c)" in line[:12].casefold()[:12],
        capitals=upper / cased if cased else 0.0,
        items=_items(line),
        markup=_markup_share(line, nonspace),
        counts=_counts(line) if digits else 0,
        sentences=len(_SENTENCE_END.findall(line)) + terminal,
        truncated=bool(_TRUNCATED.search(line)),
        clauses=clauses,
        glued=sum(len(_GLUED.findall(w)) for w in _CAPITALISED.findall(line)) if glued else 0,
    )


def _py_shape(line: str) -> tuple[bool, bool, int, int, bool, int, int, bool]:
    """The character tests of :func:`_features`, the reference of the compiled
    ``shape`` (cleaner/_features.pyx): (ends in a terminal mark, ends in a weak
    mark, words with a capital first letter, words with a cased first letter,
    has a digit, separators, clause marks, a small letter then a capital).

    >>> _py_shape("Home | News: TwitterShare 2019.")
    (True, False, 3, 3, True, 1, 1, True)
    """
    # The first letters of the words, cased ones only (str.split splits on
    # exactly what \s matches: tests/test_features.py checks every code point).
    firsts = "".join(filter(str.isalpha, [w[0] for w in line.split()]))
    upper = sum(map(str.isupper, firsts))
    return (
        _ends(line, _TERMINAL_MARKS, _TERMINAL_CLOSERS),
        _ends(line, _WEAK_MARKS, _WEAK_CLOSERS),
        upper,
        upper + sum(map(str.islower, firsts)),
        _DIGIT.search(line) is not None,
        len(_SEPARATORS.findall(line)),
        len(_CLAUSE.findall(line)),
        _GLUED.search(line) is not None,
    )


# The character tests have a compiled twin (cleaner/_features.pyx), given the
# character sets above.
_compiled = twin("_features")
if _compiled is not None:
    _compiled.init(_TERMINAL_MARKS, _TERMINAL_CLOSERS, _WEAK_MARKS, _WEAK_CLOSERS, _SEPARATOR_CHARS, _CLAUSE_CHARS)
_shape = _compiled.shape if _compiled is not None else _py_shape


def _items(line: str) -> int:
    """How many short items the separators of ``line`` split it into; 0 when
    it has fewer than two separators or any item is long (a sentence with a
    slash or a dash in it).

    >>> _items("Home » News » World » Europe"), _items("转发|收藏|评论")
    (4, 3)
    >>> _items("The minister - who came on Monday - said that 24/7 talks were needed")
    0

    Han and kana words stand between spaces only in menus and toolbars:

    >>> _items("语音播报 缩小字体 放大字体 收藏 微博 微信 分享"), _items("腾讯QQ QQ空间")
    (7, 0)
    """
    # (a line without any character a split can start at is one part: most lines)
    parts = [p for p in _ITEM_SPLIT.split(line) if p] if _ITEM_CHARS.search(line) else [line] if line else []
    if len(parts) < 3 and HAS_CJK.search(line):
        words = line.split()
        if len(words) >= CJK_SPACED_ITEMS and all(len(w) <= CJK_SPACED_ITEM for w in words):
            return len(words)
    if len(parts) < 3:
        return 0
    for p in parts:
        if HAS_CJK.search(p):
            if len(p) > ITEM_MAX_CJK:
                return 0
        elif p.count(" ") >= ITEM_MAX_WORDS:
            return 0
    return len(parts)


def _markup_share(line: str, nonspace: int) -> float:
    if not nonspace or not ("<" in line or "&" in line or "/" in line or "www" in line or "@" in line):
        return 0.0
    marked = sum(len(m.group()) - m.group().count(" ") for m in _MARKUP.finditer(line))
    return min(1.0, marked / nonspace)


def _counts(line: str) -> int:
    """Numbers that stand as counts: at the start or the end of the line or of
    one of its parts, or after a colon ("Views: 1341 Comments: 0")."""
    slide = 2 if _SLIDE.match(line) else 0  # ("3/50 Natalie Massenet leaves": a gallery's counter)
    return slide + sum(1 for part in _COUNT_PARTS.split(line) for _ in _COUNT.finditer(part))


_COUNT_PARTS = re.compile(r"\s{2,}|[|·•]")


# Bounded: at most 8192 lines of 200 characters (about 1 kB each with their
# features).  Most lines of a crawl are template lines seen on page after page
# (two in three on the bench corpus).
_features_cached = functools.lru_cache(maxsize=1 << 13)(_features)


def stop_density(words: Sequence[str], stops: frozenset[str]) -> float:
    """Share of ``words`` that are stop words (0 for no words)."""
    if not words:
        return 0.0
    return sum(map(stops.__contains__, words)) / len(words)
