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


def init(dict index):
    """Take stopwords._index() (word -> languages whose list has it)."""
    global _langs, _words, _n
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


def hits(words):
    """For each language, how many of ``words`` its stop list has (a Counter,
    languages in the order of their first hit)."""
    cdef int *counts = <int *> PyMem_Malloc(_n * sizeof(int))
    cdef unsigned char order[256]
    cdef int n_order = 0, i, k
    cdef const unsigned char[:] nums
    if counts == NULL:
        raise MemoryError()
    try:
        for i in range(_n):
            counts[i] = 0
        for w in words:
            found = _words.get(w)
            if found is None:
                continue
            nums = <bytes> found
            for i in range(nums.shape[0]):
                k = nums[i]
                if counts[k] == 0:
                    order[n_order] = k
                    n_order += 1
                counts[k] += 1
        out = Counter()
        for i in range(n_order):
            dict.__setitem__(out, _langs[order[i]], counts[order[i]])
        return out
    finally:
        PyMem_Free(counts)


def counted(counts):
    """For each language, how many of the words its stop list has, from the
    words' counts (a mapping word -> count): stopwords.counted_hits."""
    cdef long *totals = <long *> PyMem_Malloc(_n * sizeof(long))
    cdef unsigned char order[256]
    cdef int n_order = 0, i, k
    cdef long c
    cdef const unsigned char[:] nums
    if totals == NULL:
        raise MemoryError()
    try:
        for i in range(_n):
            totals[i] = 0
        for w, c in counts.items():
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
        out = {}
        for i in range(n_order):
            out[_langs[order[i]]] = totals[order[i]]
        return out
    finally:
        PyMem_Free(totals)
