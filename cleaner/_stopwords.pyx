# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled twin of cleaner/stopwords.py's ``stopword_hits``.

A common word is on dozens of stop lists, so counting its hits one language
at a time in a dict is most of the cost; here each word maps to an array of
language numbers and the counts are C integers.  The result is the same
Counter, in the same order (of first hit), as the Python function's.
"""
from collections import Counter

from cpython.mem cimport PyMem_Free, PyMem_Malloc

cdef list _langs = []       # language number -> code
cdef dict _words = {}       # word -> bytes of language numbers (each < 256)
cdef int _n = 0
cdef bint _ready = False   # init() was called


def init(dict index):
    """Take stopwords._index() (word -> languages whose list has it)."""
    global _langs, _words, _n, _ready
    numbers = {}
    _words = {}
    for word, langs in index.items():
        nums = bytearray()
        for lang in langs:
            k = numbers.get(lang)
            if k is None:
                k = numbers[lang] = len(numbers)
            nums.append(k)
        _words[word] = bytes(nums)
    _langs = [None] * len(numbers)
    for lang, k in numbers.items():
        _langs[k] = lang
    _n = len(_langs)
    if _n > 255:
        raise ValueError("more than 255 stop lists")
    _ready = True


cdef list _tally(items, bint weighted):
    """[(language, hits)] in the order of first hit, from words (or, with
    ``weighted``, (word, count) pairs)."""
    cdef long *totals
    cdef unsigned char order[256]
    cdef int n_order = 0, i, k
    cdef long c = 1
    cdef const unsigned char[:] nums
    if not _ready:
        raise RuntimeError("cleaner._stopwords: call init() first (cleaner.stopwords does)")
    totals = <long *> PyMem_Malloc(_n * sizeof(long))
    if totals == NULL:
        raise MemoryError()
    try:
        for i in range(_n):
            totals[i] = 0
        for item in items:
            if weighted:
                w, c = item
            else:
                w = item
            found = _words.get(w)
            if found is None:
                continue
            nums = <bytes> found
            for i in range(nums.shape[0]):
                k = nums[i]
                if totals[k] == 0:
                    order[n_order] = k
                    n_order += 1
                totals[k] += c
        return [(_langs[order[i]], totals[order[i]]) for i in range(n_order)]
    finally:
        PyMem_Free(totals)


def hits(words):
    """For each language, how many of ``words`` its stop list has (a Counter,
    languages in the order of their first hit)."""
    out = Counter()
    dict.update(out, _tally(words, False))
    return out


def counted(counts):
    """For each language, how many of the words its stop list has, from the
    words' counts (a mapping word -> count): stopwords.counted_hits."""
    return dict(_tally(counts.items(), True))
