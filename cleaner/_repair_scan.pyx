# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled twins of the scans of repair's per-line tests: cleaner/repair.py's
``_py_line_flags`` (which of the characters repair's fixes act on a line
holds, in one pass) and ``_py_suspect_lines``, cleaner/mojibake.py's
``_py_evidence``, ``_py_high_chars`` and ``_py_in_range``.

A clean line in most languages holds some character a misread byte turns
into (é, ’, Cyrillic), so it reaches the per-line tests; those tests began
with half a dozen regular-expression scans of the whole line for characters
it almost never holds (controls, surrogates, ftfy's triggers and trigger
pairs).  Here one pass reads each character once and looks it up in a table
that repair.py hands to :func:`init` (the knowledge stays there).
tests/test_compiled.py compares the two on random text and on every trigger.
"""
from cleaner._text cimport exact_str
from cpython.set cimport PySet_Add
from cpython.unicode cimport (
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_READ_CHAR,
    Py_UNICODE_ISALPHA,
    Py_UNICODE_ISSPACE,
)
from libc.string cimport memset

DEF BMP = 65536
# What a character may be, as bits in the table (the same bits as the flags
# the scan returns where a character alone decides them).
DEF SINGLE = 1      # an ftfy trigger on its own
DEF PAIR = 2        # (flag) a first character followed by one of its seconds
DEF WIDE = 4        # the first character of a pair whose second is a wide class
DEF CONTROL = 8     # a control character repair removes when it is junk
DEF SURROGATE = 16  # a lone surrogate
DEF FIRST = 32      # (table only) the first character of some pair
DEF SECOND = 64     # (table only) the second character of some pair
DEF SUSPECT = 128   # (table only) a character some fix could act on (repair._suspect)

cdef unsigned char _bmp[BMP]
cdef dict _astral = {}    # code point above the BMP -> its bits
cdef dict _seconds = {}   # first character -> the characters that may follow it
cdef bint _ready = False


def init(single, seconds, wide, control, surrogate, suspect):
    """Take the characters of each kind (iterables of 1-character strings;
    ``seconds``: first character -> its possible second characters)."""
    global _astral, _seconds, _ready
    memset(_bmp, 0, BMP)
    _astral = {}
    _seconds = {first: frozenset(after) for first, after in seconds.items()}
    kinds = [(single, SINGLE), (wide, WIDE), (control, CONTROL), (surrogate, SURROGATE), (_seconds, FIRST)]
    kinds.append((suspect, SUSPECT))
    kinds.append((set().union(*_seconds.values()), SECOND))
    for chars, bit in kinds:
        for ch in chars:
            _mark(ord(ch), bit)
    _ready = True


cdef void _mark(Py_UCS4 code, unsigned char bit):
    if code < BMP:
        _bmp[code] |= bit
    else:
        _astral[code] = _astral.get(code, 0) | bit


cdef inline unsigned char _bits(Py_UCS4 c):
    if c < BMP:
        return _bmp[c]
    return _astral.get(c, 0) if _astral else 0


def line_flags(text_):
    """The flags (SINGLE, PAIR, WIDE, CONTROL, SURROGATE) of ``text``."""
    if not _ready:
        raise RuntimeError("cleaner._repair_scan: call init() first (cleaner.repair does)")
    cdef str text = exact_str(text_)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i
    cdef unsigned char bits, prev = 0, flags = 0
    cdef Py_UCS4 c, before = 0
    for i in range(n):
        c = PyUnicode_READ_CHAR(text, i)
        bits = _bits(c)
        if bits:
            flags |= bits & (SINGLE | WIDE | CONTROL | SURROGATE)
            if bits & SECOND and prev & FIRST and not flags & PAIR:
                if chr(c) in _seconds[chr(before)]:
                    flags |= PAIR
        prev, before = bits, c
    return flags


def suspect_lines(list lines):
    """repair's ``_py_suspect_lines``: the numbers (from 1) of the lines that
    hold a character some fix could act on."""
    if not _ready:
        raise RuntimeError("cleaner._repair_scan: call init() first (cleaner.repair does)")
    cdef list out = []
    cdef str text
    cdef Py_ssize_t k, i, n
    for k in range(len(lines)):
        text = exact_str(lines[k])
        n = PyUnicode_GET_LENGTH(text)
        for i in range(n):
            if _bits(PyUnicode_READ_CHAR(text, i)) & SUSPECT:
                out.append(k + 1)
                break
    return out


def evidence(text_, Py_ssize_t enough=0):
    """mojibake's ``_py_evidence``: the printable non-ASCII characters (not
    C1, not spaces) that are letters or touch one, counted up to ``enough``."""
    cdef str text = exact_str(text_)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, found = 0
    cdef Py_UCS4 c
    for i in range(n):
        c = PyUnicode_READ_CHAR(text, i)
        if c < 0xA0 or Py_UNICODE_ISSPACE(c):
            continue
        if (
            Py_UNICODE_ISALPHA(c)
            or (i > 0 and Py_UNICODE_ISALPHA(PyUnicode_READ_CHAR(text, i - 1)))
            or (i < n - 1 and Py_UNICODE_ISALPHA(PyUnicode_READ_CHAR(text, i + 1)))
        ):
            found += 1
            if found == enough:
                break
    return found


def high_chars(text_):
    """mojibake's ``_py_high_chars``: the set of the non-ASCII characters."""
    cdef str text = exact_str(text_)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i
    cdef Py_UCS4 c, last = 0
    cdef set out = set()
    for i in range(n):
        c = PyUnicode_READ_CHAR(text, i)
        if c >= 0x80 and c != last:  # (a run of one character is added once)
            PySet_Add(out, chr(c))
            last = c
    return out


def in_range(text_, Py_UCS4 low, Py_UCS4 high):
    """mojibake's ``_py_in_range``: whether a character of ``text`` is in
    ``low``..``high``.  Text stored one byte a character (Latin-1) has no
    character above U+00FF: that is known without reading it."""
    cdef str text = exact_str(text_)
    if high < low or (PyUnicode_KIND(text) == 1 and low > 0xFF):
        return False
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i
    cdef Py_UCS4 c
    for i in range(n):
        c = PyUnicode_READ_CHAR(text, i)
        if low <= c <= high:
            return True
    return False
