# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled twin of cleaner/stopwords.py's ``stopword_hits``.

A common word is on dozens of stop lists, so counting its hits one language
at a time in a dict is most of the cost; here each word maps to an array of
language numbers and the counts are C integers.  The result is the same
Counter, in the same order (of first hit), as the Python function's.
"""
from collections import Counter

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_GET_SIZE
from cpython.dict cimport PyDict_Next, PyDict_SetItem
from cpython.object cimport PyObject
from libc.string cimport memset

cdef list _langs = []       # language number -> code
cdef dict _words = {}       # word -> bytes of language numbers (each < 256)
cdef dict _numbers = {}     # code -> language number
cdef int _n = 0
cdef bint _ready = False   # init() was called


def init(dict index):
    """Take stopwords._index() (word -> languages whose list has it)."""
    global _langs, _words, _numbers, _n, _ready
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
    _numbers = numbers
    if _n > 255:
        raise ValueError("more than 255 stop lists")
    _ready = True


cdef int _tally(items, bint weighted, long *totals, unsigned char *order) except -1:
    """Count into ``totals`` (language number -> hits) the words of ``items``
    (or, with ``weighted``, (word, count) pairs); ``order`` gets the language
    numbers in the order of their first hit.  Returns how many there are."""
    cdef int n_order = 0, i, k
    cdef Py_ssize_t j, size
    cdef long c = 1
    cdef const unsigned char *nums
    if not _ready:
        raise RuntimeError("cleaner._stopwords: call init() first (cleaner.stopwords does)")
    memset(totals, 0, _n * sizeof(long))
    for item in items:
        if weighted:
            w, c = item
        else:
            w = item
        found = _words.get(w)
        if found is None:
            continue
        nums = <const unsigned char *> PyBytes_AS_STRING(found)
        size = PyBytes_GET_SIZE(found)
        for j in range(size):
            k = nums[j]
            if totals[k] == 0:
                order[n_order] = k
                n_order += 1
            totals[k] += c
    return n_order


def hits(words):
    """For each language, how many of ``words`` its stop list has (a Counter,
    languages in the order of their first hit)."""
    cdef long totals[256]
    cdef unsigned char order[256]
    cdef int n = _tally(words, False, totals, order), i
    # (a Counter holds nothing but its dict: no need to run its __init__)
    out = Counter.__new__(Counter)
    for i in range(n):
        PyDict_SetItem(out, _langs[order[i]], totals[order[i]])
    return out


def top_own(words, lang):
    """(the most hits any list has among ``words``, the hits of ``lang``'s list):
    stopwords.py_top_own, counted in C without building the Counter."""
    cdef long totals[256]
    cdef unsigned char order[256]
    cdef int n = _tally(words, False, totals, order), i
    cdef long best = 0, own = 0
    for i in range(n):
        if totals[order[i]] > best:
            best = totals[order[i]]
    k = _numbers.get(lang)
    if k is not None:
        own = totals[<int> k]
    return best, own


def counted(counts):
    """For each language, how many of the words its stop list has, from the
    words' counts (a mapping word -> count): stopwords.counted_hits."""
    cdef long totals[256]
    cdef unsigned char order[256]
    cdef int n = _tally(counts.items(), True, totals, order), i
    cdef dict out = {}
    for i in range(n):
        out[_langs[order[i]]] = totals[order[i]]
    return out


def top(hits):
    """(the languages with the most hits, that number) of a mapping language
    -> hits (identify._stop_top_of's; 0 and no language when it is empty)."""
    cdef Py_ssize_t pos = 0
    cdef PyObject *key
    cdef PyObject *value
    cdef long best = 0, k
    cdef list found = []
    while PyDict_Next(hits, &pos, &key, &value):
        k = <long> (<object> value)
        if k > best or not found:
            best = k
            found = [<object> key]
        elif k == best:
            found.append(<object> key)
    return frozenset(found), best
