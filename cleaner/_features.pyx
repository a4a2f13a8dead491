# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled twin of the character tests of cleaner/features.py's ``_features``.

Every line a document has (each distinct one of up to 200 characters once)
gets its shape measured; most of that is a handful of questions about single
characters, each asked in Python through a split, a list, a filter, a join or
a regular expression of one character class.  :func:`shape` answers them all
in one pass over the line.  The character sets (which marks end a sentence,
which characters separate menu items or clauses) stay in features.py, which
hands them to :func:`init`; features.py's ``_py_shape`` is the reference, and
tests/test_compiled.py compares the two on every code point and random text.
"""
from cleaner._text cimport exact_str
from cpython.unicode cimport (
    PyUnicode_GET_LENGTH,
    PyUnicode_READ_CHAR,
    Py_UNICODE_ISALPHA,
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_ISLOWER,
    Py_UNICODE_ISSPACE,
    Py_UNICODE_ISUPPER,
)

cdef str _terminal_marks = "", _terminal_closers = "", _weak_marks = "", _weak_closers = ""
cdef str _separators = "", _clauses = ""
cdef bint _ready = False  # init() was called


def init(str terminal_marks, str terminal_closers, str weak_marks, str weak_closers, str separators, str clauses):
    """Take features.py's character sets."""
    global _terminal_marks, _terminal_closers, _weak_marks, _weak_closers, _separators, _clauses, _ready
    _terminal_marks, _terminal_closers = terminal_marks, terminal_closers
    _weak_marks, _weak_closers = weak_marks, weak_closers
    _separators, _clauses = separators, clauses
    _ready = True


cdef inline bint _has(str chars, Py_UCS4 c):
    """Whether ``c`` is one of ``chars`` (a few dozen characters at most)."""
    cdef Py_ssize_t i
    for i in range(PyUnicode_GET_LENGTH(chars)):
        if PyUnicode_READ_CHAR(chars, i) == c:
            return True
    return False


cdef bint _ends(str line, Py_ssize_t n, str marks, str closers):
    """features._ends: the last character before the closers (and one final
    newline) is one of ``marks``."""
    if n and PyUnicode_READ_CHAR(line, n - 1) == 0x0A:
        n -= 1
    while n and _has(closers, PyUnicode_READ_CHAR(line, n - 1)):
        n -= 1
    return n > 0 and _has(marks, PyUnicode_READ_CHAR(line, n - 1))


cdef inline bint _small(Py_UCS4 c):
    """features._GLUED's first class: [a-zà-ÿα-ωа-я]."""
    return 0x61 <= c <= 0x7A or 0xE0 <= c <= 0xFF or 0x3B1 <= c <= 0x3C9 or 0x430 <= c <= 0x44F


cdef inline bint _capital(Py_UCS4 c):
    """features._GLUED's second class: [A-ZÀ-ÞΑ-ΩА-Я]."""
    return 0x41 <= c <= 0x5A or 0xC0 <= c <= 0xDE or 0x391 <= c <= 0x3A9 or 0x410 <= c <= 0x42F


def shape(line_):
    """features._py_shape: (ends in a terminal mark, ends in a weak mark,
    capitalised words, cased words, has a digit, separators, clause marks,
    a small letter then a capital)."""
    if not _ready:
        raise RuntimeError("cleaner._features: call init() first (cleaner.features does)")
    cdef str line = exact_str(line_)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(line), i
    cdef Py_UCS4 c
    cdef bint after_space = True, digits = False, glued = False, prev_small = False
    cdef long upper = 0, lower = 0, separators = 0, clauses = 0
    for i in range(n):
        c = PyUnicode_READ_CHAR(line, i)
        if Py_UNICODE_ISSPACE(c):
            after_space = True
        elif after_space:
            # (a word's first character, as str.split() cuts words)
            after_space = False
            if Py_UNICODE_ISALPHA(c):
                if Py_UNICODE_ISUPPER(c):
                    upper += 1
                elif Py_UNICODE_ISLOWER(c):
                    lower += 1
        if not digits and Py_UNICODE_ISDECIMAL(c):
            digits = True
        if _has(_separators, c):
            separators += 1
        if _has(_clauses, c):
            clauses += 1
        if prev_small and _capital(c):
            glued = True
        prev_small = _small(c)
    return (
        _ends(line, n, _terminal_marks, _terminal_closers),
        _ends(line, n, _weak_marks, _weak_closers),
        upper,
        upper + lower,
        digits,
        separators,
        clauses,
        glued,
    )
