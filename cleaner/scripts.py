"""Unicode scripts: which script a character belongs to, and script runs in a line.

Python's :mod:`unicodedata` has no Script property, so the ranges below are a
compact copy of the blocks of Unicode's Scripts.txt that matter for telling
languages apart.  Anything not listed is ``Zyyy`` (common: digits, punctuation,
symbols); combining marks are ``Zinh`` (inherited) and take the script of the
letter they sit on.  Codes are ISO 15924.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from typing import NamedTuple

from .compiled import twin
from .languages import SCRIPT_LANG

COMMON = "Zyyy"
INHERITED = "Zinh"

# (first, last, script), sorted and non-overlapping.
_RANGES: list[tuple[int, int, str]] = sorted(
    [
        (0x0041, 0x005A, "Latn"),
        (0x0061, 0x007A, "Latn"),
        (0x00AA, 0x00AA, "Latn"),
        (0x00BA, 0x00BA, "Latn"),
        (0x00C0, 0x00D6, "Latn"),
        (0x00D8, 0x00F6, "Latn"),
        (0x00F8, 0x02AF, "Latn"),
        (0x0300, 0x036F, INHERITED),
        (0x0370, 0x03E1, "Grek"),
        (0x03E2, 0x03EF, "Copt"),
        (0x03F0, 0x03FF, "Grek"),
        (0x0400, 0x052F, "Cyrl"),
        (0x0531, 0x058F, "Armn"),
        (0x0591, 0x05FF, "Hebr"),
        (0x0606, 0x060B, "Arab"),
        (0x060D, 0x061A, "Arab"),
        (0x061C, 0x061E, "Arab"),
        (0x0620, 0x063F, "Arab"),
        (0x0641, 0x064A, "Arab"),
        (0x064B, 0x0655, INHERITED),
        (0x0656, 0x065F, "Arab"),
        (0x066A, 0x066F, "Arab"),
        (0x0670, 0x0670, INHERITED),
        (0x0671, 0x06DC, "Arab"),
        (0x06DE, 0x06FF, "Arab"),
        (0x0700, 0x074F, "Syrc"),
        (0x0750, 0x077F, "Arab"),
        (0x0780, 0x07BF, "Thaa"),
        (0x07C0, 0x07FF, "Nkoo"),
        (0x08A0, 0x08FF, "Arab"),
        (0x0900, 0x0950, "Deva"),
        (0x0951, 0x0954, INHERITED),
        (0x0955, 0x0963, "Deva"),
        (0x0966, 0x097F, "Deva"),
        (0x0980, 0x09FF, "Beng"),
        (0x0A00, 0x0A7F, "Guru"),
        (0x0A80, 0x0AFF, "Gujr"),
        (0x0B00, 0x0B7F, "Orya"),
        (0x0B80, 0x0BFF, "Taml"),
        (0x0C00, 0x0C7F, "Telu"),
        (0x0C80, 0x0CFF, "Knda"),
        (0x0D00, 0x0D7F, "Mlym"),
        (0x0D80, 0x0DFF, "Sinh"),
        (0x0E00, 0x0E7F, "Thai"),
        (0x0E80, 0x0EFF, "Laoo"),
        (0x0F00, 0x0FFF, "Tibt"),
        (0x1000, 0x109F, "Mymr"),
        (0x10A0, 0x10FF, "Geor"),
        (0x1100, 0x11FF, "Hang"),
        (0x1200, 0x139F, "Ethi"),
        (0x13A0, 0x13FF, "Cher"),
        (0x1400, 0x167F, "Cans"),
        (0x1780, 0x17FF, "Khmr"),
        (0x1800, 0x18AF, "Mong"),
        (0x19E0, 0x19FF, "Khmr"),
        (0x1AB0, 0x1AFF, INHERITED),
        (0x1C80, 0x1C8F, "Cyrl"),
        (0x1C90, 0x1CBF, "Geor"),
        (0x1D00, 0x1D25, "Latn"),
        (0x1D26, 0x1D2A, "Grek"),
        (0x1D2B, 0x1D2B, "Cyrl"),
        (0x1D2C, 0x1D5C, "Latn"),
        (0x1D5D, 0x1D61, "Grek"),
        (0x1D62, 0x1D65, "Latn"),
        (0x1D66, 0x1D6A, "Grek"),
        (0x1D6B, 0x1D77, "Latn"),
        (0x1D79, 0x1DBE, "Latn"),
        (0x1DC0, 0x1DFF, INHERITED),
        (0x1E00, 0x1EFF, "Latn"),
        (0x1F00, 0x1FFF, "Grek"),
        (0x200C, 0x200D, INHERITED),
        (0x20D0, 0x20FF, INHERITED),
        (0x2C00, 0x2C5F, "Glag"),
        (0x2C60, 0x2C7F, "Latn"),
        (0x2D00, 0x2D2F, "Geor"),
        (0x2D80, 0x2DDF, "Ethi"),
        (0x2DE0, 0x2DFF, "Cyrl"),
        (0x2E80, 0x2FDF, "Hani"),
        (0x3005, 0x3005, "Hani"),
        (0x3007, 0x3007, "Hani"),
        (0x3021, 0x3029, "Hani"),
        (0x302A, 0x302D, INHERITED),
        (0x3038, 0x303B, "Hani"),
        (0x3041, 0x3096, "Hira"),
        (0x3099, 0x309A, INHERITED),
        (0x309D, 0x309F, "Hira"),
        (0x30A1, 0x30FA, "Kana"),
        # U+30FC (prolonged sound mark) is Common in Unicode but only ever written in
        # Japanese: counting it as kana keeps "データー" one Japanese run.
        (0x30FC, 0x30FF, "Kana"),
        (0x3105, 0x312F, "Bopo"),
        (0x3131, 0x318E, "Hang"),
        (0x31A0, 0x31BF, "Bopo"),
        (0x31F0, 0x31FF, "Kana"),
        (0x3400, 0x4DBF, "Hani"),
        (0x4E00, 0x9FFF, "Hani"),
        (0xA640, 0xA69F, "Cyrl"),
        (0xA720, 0xA721, COMMON),
        (0xA722, 0xA787, "Latn"),
        (0xA78B, 0xA7FF, "Latn"),
        (0xA8E0, 0xA8FF, "Deva"),
        (0xA960, 0xA97F, "Hang"),
        (0xAB30, 0xAB5A, "Latn"),
        (0xAB5C, 0xAB64, "Latn"),
        (0xAC00, 0xD7AF, "Hang"),
        (0xD7B0, 0xD7FF, "Hang"),
        (0xF900, 0xFAFF, "Hani"),
        (0xFB00, 0xFB06, "Latn"),
        (0xFB13, 0xFB17, "Armn"),
        (0xFB1D, 0xFB4F, "Hebr"),
        (0xFB50, 0xFDFF, "Arab"),
        (0xFE00, 0xFE0F, INHERITED),
        (0xFE20, 0xFE2F, INHERITED),
        (0xFE70, 0xFEFC, "Arab"),
        (0xFF21, 0xFF3A, "Latn"),
        (0xFF41, 0xFF5A, "Latn"),
        (0xFF66, 0xFF9D, "Kana"),
        (0xFFA0, 0xFFDC, "Hang"),
        (0x20000, 0x3FFFF, "Hani"),
        (0xE0100, 0xE01EF, INHERITED),
    ]
)
_STARTS = [r[0] for r in _RANGES]

# Scripts that Han-based writing mixes: one run, named by what it contains.
CJK_SCRIPTS = frozenset({"Hani", "Hira", "Kana", "Bopo"})
# What a line written in Chinese or Japanese is called (cleaner.features.main_script):
# one "word" per character, stop-word shares of their own.
HAN_WRITING = frozenset({"Hani", "Jpan"})
# Any Han, kana or Bopomofo character: one cheap test before looking closer.
HAS_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def script_of(ch: str) -> str:
    """ISO 15924 code of one character's script.

    >>> script_of("a"), script_of("ж"), script_of("ა"), script_of("7")
    ('Latn', 'Cyrl', 'Geor', 'Zyyy')
    """
    cp = ord(ch)
    i = bisect.bisect_right(_STARTS, cp) - 1
    if i >= 0:
        first, last, script = _RANGES[i]
        if cp <= last:
            if script not in (COMMON, INHERITED) and not _is_letter(ch):
                return COMMON
            return script
    if unicodedata.category(ch).startswith("M"):
        return INHERITED
    return COMMON


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LM"


class Run(NamedTuple):
    """A stretch of one script inside a text: ``text[start:end]``, stripped."""

    start: int
    end: int
    script: str
    letters: int


def _group(script: str) -> str:
    """Scripts that belong in one run (Han with kana, Hangul with Han)."""
    return "CJK" if script in CJK_SCRIPTS else script


_SCRIPT_CODE: dict[str, str] = {}
_CODE_SCRIPT: dict[str, str] = {}
_CODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"  # > scripts in _RANGES


def _code(ch: str) -> str:
    if ch.isspace():
        return " "
    sc = script_of(ch)
    if sc == COMMON:
        return "."
    if sc == INHERITED:
        return ","
    if sc not in _SCRIPT_CODE:
        code = _CODE_CHARS[len(_SCRIPT_CODE)]
        _SCRIPT_CODE[sc], _CODE_SCRIPT[code] = code, sc
    return _SCRIPT_CODE[sc]


class TranslateTable(dict):
    """A translate table that fills itself: a character's code is computed the
    first time ``str.translate`` meets it (``__missing__``), at C speed after.

    ``code(ch)`` gives one character for ``ch``, an ASCII one for ASCII ``ch``.

    >>> TranslateTable(str.upper).apply("abc ä")
    'ABC Ä'
    """

    def __init__(self, code):
        super().__init__()
        self.code = code
        self._ascii: bytes | None = None

    def apply(self, text: str) -> str:
        """``text`` with each character replaced by its code."""
        if text.isascii():
            # The commonest text: bytes.translate is three times faster, same codes.
            if self._ascii is None:
                self._ascii = bytes(ord(self[i]) for i in range(128)) + bytes(128)
            return text.encode("ascii").translate(self._ascii).decode("ascii")
        return text.translate(self)

    def __missing__(self, o: int) -> str:
        if len(self) > 100_000:  # bound the memory a text of random code points can take
            self.clear()
        value = self[o] = self.code(chr(o))
        return value


def _codes(text: str) -> str:
    return _TABLE.apply(text)


def letter_codes(text: str) -> str:
    """``text`` with each letter as the code of its script (as in ``_codes``;
    '.' common, ',' inherited) and every other character as a space: letters
    can then be counted by script with ``str.count`` or a Counter at C speed.
    """
    return _LETTER_TABLE.apply(text)


def letter_profile(line: str) -> tuple[dict[str, int], int, int, int]:
    """What :mod:`cleaner.features` needs of a line's letters, in one pass:
    ({script: letters} for the letters of a named script, letters (alphabetic
    characters), non-space characters, index of the first letter or -1).

    >>> letter_profile("Hi мир, 12!")
    ({'Latn': 2, 'Cyrl': 3}, 5, 9, 0)
    """
    codes = letter_codes(line)
    counts = Counter(codes)
    for skip in " .,":
        counts.pop(skip, None)
    m = _FIRST_LETTER.search(codes)
    letters = len(line) - codes.count(" ")
    nonspace = len(line) - sum(map(str.isspace, line))
    return {code_script(c): k for c, k in counts.items()}, letters, nonspace, m.start() if m else -1


_FIRST_LETTER = re.compile(r"[^ ]")  # in letter_codes()


def code_script(code: str) -> str:
    """The script named by a code of :func:`letter_codes`."""
    return _FIXED_CODES.get(code) or _CODE_SCRIPT[code]


_FIXED_CODES = {".": COMMON, ",": INHERITED}
# str.translate tables: each character to one ASCII code for its script (' '
# space, '.' common, ',' inherited), filled as characters are first seen.  A
# dict keeps translate at C speed; ASCII codes keep it on its fast path.
_TABLE = TranslateTable(_code)
_LETTER_TABLE = TranslateTable(lambda ch: _code(ch) if ch.isalpha() else " ")


# One script's letters with the spaces, common and inherited characters among
# them: a whole monolingual line is one match.
_STRETCH = re.compile("|".join(f"{c}[{c} .,]*" for c in _CODE_CHARS))


def script_runs(text: str, start: int = 0, end: int | None = None) -> list[Run]:
    """Split ``text[start:end]`` into runs of one script, with absolute offsets.

    Common characters (spaces, digits, punctuation) join the run they sit in; a
    boundary between two scripts falls on the last space before the new script,
    so punctuation stays with the words before it.  Each run is stripped of
    surrounding white space; a text with no letters gives one ``Zyyy`` run.
    Linear time: the text is mapped to script codes by ``str.translate``.

    >>> [(text[r.start:r.end], r.script) for text in ["Hello мир!"]
    ...  for r in script_runs(text)]
    [('Hello', 'Latn'), ('мир!', 'Cyrl')]
    """
    if end is None:
        end = len(text)
    codes = _codes(text[start:end])
    names = _CODE_SCRIPT
    spans: list[list] = []  # [first index, group, {script: letters}], relative to start
    prev_end = 0
    for m in _STRETCH.finditer(codes):
        code = codes[m.start()]
        sc = names[code]
        g = _group(sc)
        if not spans or spans[-1][1] != g:
            if spans:
                space = codes.rfind(" ", prev_end, m.start())
                cut = space + 1 if space >= 0 else m.start()
            else:
                cut = 0
            spans.append([cut, g, {}])
        counts = spans[-1][2]
        counts[sc] = counts.get(sc, 0) + codes.count(code, m.start(), m.end())
        # The stretch's trailing spaces and punctuation belong to the gap.
        prev_end = m.start() + len(m.group().rstrip(" .,"))
    if not spans:
        s, e = _strip(text, start, end)
        return [Run(s, e, COMMON, 0)] if s < e else []
    runs = []
    for k, (cut, _g, counts) in enumerate(spans):
        stop = spans[k + 1][0] if k + 1 < len(spans) else len(codes)
        s, e = _strip(text, start + cut, start + stop)
        if s < e:
            marks = codes.count(",", s - start, e - start)
            runs.append(Run(s, e, _name(counts), sum(counts.values()) + marks))
    return runs


def _name(counts: dict[str, int]) -> str:
    """Name a run by its letters: Japanese if it has kana, else its main script."""
    if "Hira" in counts or "Kana" in counts:
        return "Jpan"
    return max(sorted(counts), key=counts.__getitem__)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def count_letters(text: str) -> int:
    """Number of letters (and the marks on them) in ``text``, in linear time."""
    codes = _codes(text)
    return len(codes) - codes.count(" ") - codes.count(".")


def script_language(script: str) -> str | None:
    """The language a script names by itself, or ``None`` where it only narrows the choice.

    >>> script_language("Geor"), script_language("Latn")
    ('ka', None)
    """
    return SCRIPT_LANG.get(script)


@functools.lru_cache(maxsize=1 << 16)  # a text uses few distinct characters
def is_cjk(ch: str) -> bool:
    """Han, kana or Bopomofo: scripts written without spaces between words.

    >>> is_cjk("東"), is_cjk("か"), is_cjk("a"), is_cjk("한")
    (True, True, False, False)
    """
    return script_of(ch) in CJK_SCRIPTS


def _kind(ch: str) -> str:
    """ " ", "." (common), "," (inherited) or the script name of ``ch``: what
    the compiled twin learns each code point's class from."""
    if ch.isspace():
        return " "
    sc = script_of(ch)
    return "." if sc == COMMON else "," if sc == INHERITED else sc


# The Python functions above are the reference; their compiled twins
# (cleaner/_scripts.pyx) give the same results faster.
py_count_letters, py_script_runs, py_letter_profile = count_letters, script_runs, letter_profile
_compiled = twin("_scripts")
if _compiled is not None:
    _compiled.init(_kind, Run, CJK_SCRIPTS, COMMON, INHERITED)
    count_letters, script_runs, letter_profile = (
        _compiled.count_letters,
        _compiled.script_runs,
        _compiled.letter_profile,
    )
