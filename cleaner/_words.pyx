# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled twins of the word patterns of cleaner/markers.py (``WORD``,
``LETTER_RUN``) and cleaner/phrases.py (``_NOT_WORD``).

``WORD.findall(text)``, the words of a text, is asked for every line,
sentence, clause and label: the regular expression tests each character's
category through a class with three exclusions, and that test is most of
identify's time in the regex engine.  Here the same test is one call per
character: a letter of ``[^\\W\\d_]`` is what the regex engine itself counts
as alphanumeric (``Py_UNICODE_ISALNUM``), not a decimal digit
(``Py_UNICODE_ISDECIMAL``, the engine's ``\\d``) and not ``_``.  Words are
runs of letters joined by single hyphens and apostrophes, as the pattern's
greedy ``L+(?:[-'’]L+)*`` takes them.  tests/test_compiled.py compares the
two on every code point and on random text.
"""
from collections import Counter

from cleaner._text cimport exact_str
from cpython.unicode cimport (
    PyUnicode_GET_LENGTH,
    PyUnicode_READ_CHAR,
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISALPHA,
    Py_UNICODE_ISDECIMAL,
)


cdef inline bint _letter(Py_UCS4 c):
    return Py_UNICODE_ISALNUM(c) and not Py_UNICODE_ISDECIMAL(c) and c != 0x5F  # "_"


cdef inline bint _joiner(Py_UCS4 c):
    return c == 0x2D or c == 0x27 or c == 0x2019  # - ' ’


cdef inline bint _alnum(Py_UCS4 c):
    return Py_UNICODE_ISALNUM(c)


cdef inline Py_ssize_t _run_end(str text, Py_ssize_t i, Py_ssize_t n, bint letters):
    """Where the run of letters (or, without ``letters``, alphanumerics) at ``i`` ends."""
    while i < n and (_letter(PyUnicode_READ_CHAR(text, i)) if letters else _alnum(PyUnicode_READ_CHAR(text, i))):
        i += 1
    return i


DEF AS_WRITTEN = 0
DEF CASEFOLD = 1
DEF LOWER_CASEFOLD = 2


cdef inline bint _plain(str text, Py_ssize_t start, Py_ssize_t end):
    """Whether text[start:end] is ASCII without capitals: what lower-casing
    and case-folding leave as it is."""
    cdef Py_UCS4 c
    cdef Py_ssize_t j
    for j in range(start, end):
        c = PyUnicode_READ_CHAR(text, j)
        if c >= 0x80 or 0x41 <= c <= 0x5A:
            return False
    return True


cdef list _words(str text, bint joined, int fold):
    """The words of ``text``: runs of letters, with ``joined`` joined by
    single hyphens and apostrophes as markers.WORD takes them; ``fold``
    AS_WRITTEN, CASEFOLD or LOWER_CASEFOLD (lower-cased, then case-folded),
    with no call for a word that folding leaves as it is."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, start
    cdef list out = []
    while i < n:
        if not _letter(PyUnicode_READ_CHAR(text, i)):
            i += 1
            continue
        start = i
        i = _run_end(text, i + 1, n, True)
        # (a joiner belongs to the word only with a letter after it)
        while joined and i + 1 < n and _joiner(PyUnicode_READ_CHAR(text, i)) and _letter(PyUnicode_READ_CHAR(text, i + 1)):
            i = _run_end(text, i + 2, n, True)
        word = text[start:i]
        if fold != AS_WRITTEN and not _plain(text, start, i):
            word = word.lower().casefold() if fold == LOWER_CASEFOLD else word.casefold()
        out.append(word)
    return out


def words(text_):
    """``markers.WORD.findall(text)``: the words of ``text`` as written."""
    return _words(exact_str(text_), True, AS_WRITTEN)


def folded_words(text_):
    """markers' ``_py_folded_words``: the words of ``text`` (as :func:`words`
    takes them) lower-cased and then case-folded."""
    return _words(exact_str(text_), True, LOWER_CASEFOLD)


def letter_runs(text_):
    """``re.findall(r"[^\\W\\d_]+", text)``: the runs of letters, no joiners
    (what cleaner/mojibake.py counts function words in, on every suspect line)."""
    return _words(exact_str(text_), False, AS_WRITTEN)


def folded_letter_runs(text_):
    """``[w.casefold() for w in letter_runs(text)]``."""
    return _words(exact_str(text_), False, CASEFOLD)


def alnum_runs(text_):
    """``phrases._NOT_WORD.sub(" ", text).strip()``: the runs of alphanumeric
    characters (the engine's ``\\w`` without ``_``) joined by single spaces.
    Every space is outside those runs, so stripping leaves only the runs."""
    cdef str text = exact_str(text_)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, start
    cdef list out = []
    while i < n:
        if not _alnum(PyUnicode_READ_CHAR(text, i)):
            i += 1
            continue
        start = i
        i = _run_end(text, i + 1, n, False)
        out.append(text[start:i])
    return " ".join(out)


def count_alpha(text_):
    """``sum(map(str.isalpha, text))``: how many characters are letters."""
    cdef str text = exact_str(text_)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, k = 0
    for i in range(n):
        if Py_UNICODE_ISALPHA(PyUnicode_READ_CHAR(text, i)):
            k += 1
    return k


def foreign_letters(text_):
    """markers' ``_py_foreign_letters``: (each letter of ``text`` beyond ASCII
    with how often it comes, in the order of first use; how many letters
    ``text`` has, or 0 when none is beyond ASCII), in one pass."""
    cdef str text = exact_str(text_)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, k = 0
    cdef Py_UCS4 c
    cdef dict out = {}
    for i in range(n):
        c = PyUnicode_READ_CHAR(text, i)
        if Py_UNICODE_ISALPHA(c):
            k += 1
            if c >= 0x80:
                ch = chr(c)
                out[ch] = out.get(ch, 0) + 1
    return out, (k if out else 0)


def folded_counts(counts):
    """markers' ``_py_folded_counts``: the counts of words (word -> count)
    summed by case-folded word, in the order of first use, with no call for a
    word casefolding leaves as it is (ASCII without capitals: most words)."""
    cdef object out = Counter()
    cdef str w
    for word, k in counts.items():
        w = exact_str(word)
        key = w if _plain(w, 0, PyUnicode_GET_LENGTH(w)) else w.casefold()
        out[key] = out.get(key, 0) + k
    return out
