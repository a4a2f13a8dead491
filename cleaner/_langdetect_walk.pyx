# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled twin of the random walk in cleaner/detectors/langdetect_engine.py.

langdetect draws n-grams at random (a seeded Mersenne Twister, CPython's
``random.Random``) and multiplies the language probabilities by each drawn
n-gram's row, normalising every fifth draw.  The Python engine does this with
lists of floats; here the same draws (the generator re-implemented from
CPython's ``_randommodule.c`` and ``random.py``, started from the state
``Random.getstate()`` gives after seeding) and the same floating-point
operations, in the same order, run on C doubles.  The result is bit-identical;
the engine (``langdetect_engine._walker``) checks the generator against
CPython's on real draws (:func:`draws`) and uses this twin only when it agrees.
"""
from cleaner._text cimport exact_str
from array import array

from libc.math cimport cos, log, sin, sqrt, M_PI
from libc.stdint cimport uint32_t
from libc.string cimport memcpy
from cpython.dict cimport PyDict_GetItem
from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cpython.ref cimport PyObject

DEF N = 624
DEF M = 397


cdef struct MT:
    uint32_t state[N]
    int index
    double gauss_next
    bint has_gauss


cdef inline uint32_t _genrand(MT *mt) noexcept nogil:
    # CPython's genrand_uint32 (Modules/_randommodule.c).
    cdef uint32_t y
    cdef uint32_t *s = mt.state
    cdef int kk
    if mt.index >= N:
        for kk in range(N - M):
            y = (s[kk] & 0x80000000U) | (s[kk + 1] & 0x7fffffffU)
            s[kk] = s[kk + M] ^ (y >> 1) ^ (0x9908b0dfU if y & 1 else 0U)
        for kk in range(N - M, N - 1):
            y = (s[kk] & 0x80000000U) | (s[kk + 1] & 0x7fffffffU)
            s[kk] = s[kk + (M - N)] ^ (y >> 1) ^ (0x9908b0dfU if y & 1 else 0U)
        y = (s[N - 1] & 0x80000000U) | (s[0] & 0x7fffffffU)
        s[N - 1] = s[M - 1] ^ (y >> 1) ^ (0x9908b0dfU if y & 1 else 0U)
        mt.index = 0
    y = s[mt.index]
    mt.index += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9d2c5680U
    y ^= (y << 15) & 0xefc60000U
    y ^= y >> 18
    return y


cdef inline double _random(MT *mt) noexcept nogil:
    # Random.random(): 53 bits from two draws.
    cdef uint32_t a = _genrand(mt) >> 5
    cdef uint32_t b = _genrand(mt) >> 6
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)


cdef inline double _gauss(MT *mt) noexcept nogil:
    # Random.gauss(0.0, 1.0) (Lib/random.py): pairs of values, the second kept.
    cdef double z, x2pi, g2rad
    if mt.has_gauss:
        mt.has_gauss = False
        z = mt.gauss_next
    else:
        x2pi = _random(mt) * (2.0 * M_PI)
        g2rad = sqrt(-2.0 * log(1.0 - _random(mt)))
        z = cos(x2pi) * g2rad
        mt.gauss_next = sin(x2pi) * g2rad
        mt.has_gauss = True
    return 0.0 + z * 1.0


cdef inline uint32_t _below(MT *mt, uint32_t n, int nbits) noexcept nogil:
    # Random._randbelow(n): getrandbits(n.bit_length()) until below n (n < 2**32).
    cdef uint32_t r = _genrand(mt) >> (32 - nbits)
    while r >= n:
        r = _genrand(mt) >> (32 - nbits)
    return r


cdef int _load(MT *mt, tuple state) except -1:
    """From ``Random.getstate()``: (version, 624 words and the index, gauss_next)."""
    cdef tuple words = state[1]
    cdef int i
    if len(words) != N + 1:
        raise ValueError("not a Mersenne Twister state")
    for i in range(N):
        mt.state[i] = <uint32_t> words[i]
    mt.index = words[N]
    mt.has_gauss = state[2] is not None
    mt.gauss_next = state[2] if state[2] is not None else 0.0
    return 0


# n-grams whose rows are kept as C doubles, at most (about 440 bytes each with
# langdetect's 55 languages: 15 MB); past it, rows are converted on every use.
ROW_CACHE = 1 << 15

cdef dict _rows = {}          # n-gram -> its row, packed doubles
cdef object _rows_of = None   # the table they come from


cdef _use_table(object table_of):
    global _rows_of
    _rows.clear()
    _rows_of = table_of


cdef bytes _row(object table_of, object gram):
    """The row of ``gram`` as packed doubles (read as a dict first, then by
    ``[]``, which may build it: a profiles.ProbMap)."""
    cdef PyObject *found = PyDict_GetItem(_rows, gram)
    if found is not NULL:
        return <bytes> found
    found = PyDict_GetItem(table_of, gram)
    row = <object> found if found is not NULL else None
    if row is None:
        row = table_of[gram]
    packed = array("d", row).tobytes()
    if len(_rows) < ROW_CACHE:
        _rows[gram] = packed
    return packed


def draws(tuple state, int n_gauss, int n_below, uint32_t below):
    """``n_gauss`` values of ``gauss(0.0, 1.0)`` then ``n_below`` of
    ``_randbelow(below)`` from ``state``, as CPython's ``Random`` gives them
    (the engine checks the generator with it)."""
    cdef MT mt
    cdef int nbits = (<object> below).bit_length()
    if not 0 < below < 2 ** 31:
        raise ValueError("below must be in 1 .. 2**31 - 1")
    _load(&mt, state)
    gs = [_gauss(&mt) for _ in range(n_gauss)]
    bs = [_below(&mt, below, nbits) for _ in range(n_below)]
    return gs, bs


def walk(tuple state, list seq, list words, object table_of, list active, list init, int n_trial, double alpha,
         double alpha_width, double base_freq, double conv, int limit):
    """langdetect's trials: the summed probability of each language (each
    already divided by ``n_trial``), for the languages of ``init``; ``None``
    where Python would divide by zero (the caller's Python walk then raises
    as langdetect does).

    ``seq``: the drawn-from list, as indexes into ``words`` (the distinct
    n-grams); ``table_of``: n-gram -> probabilities of every language (read
    as a dict first, then by ``[]``, which may build the row: a
    profiles.ProbMap); ``active``: the columns of the languages of ``init``;
    ``state``: the generator's state after seeding.
    """
    cdef int n_langs = len(init), n_words = len(words), n_seq = len(seq)
    cdef int nbits, t, i, j, k, widest = 0
    cdef double weight, sump, maxp
    cdef MT mt
    cdef const double **rows = NULL  # each n-gram's row, read when first drawn
    cdef double *shifted = NULL
    cdef int *stamp = NULL
    cdef int *cseq = NULL
    cdef double *prob = NULL
    cdef double *start = NULL
    cdef double *total = NULL
    cdef int *cols = NULL
    cdef const double *row
    cdef bytes packed
    cdef list packs = [None] * n_words  # (holds the rows read)
    cdef double *f
    cdef bint zero = False
    if n_seq == 0 or n_langs == 0:
        raise ValueError("nothing to walk")
    _load(&mt, state)
    nbits = (<object> n_seq).bit_length()
    try:
        rows = <const double **> PyMem_Malloc(n_words * sizeof(double *))
        shifted = <double *> PyMem_Malloc(n_words * n_langs * sizeof(double))
        stamp = <int *> PyMem_Malloc(n_words * sizeof(int))
        cseq = <int *> PyMem_Malloc(n_seq * sizeof(int))
        prob = <double *> PyMem_Malloc(n_langs * sizeof(double))
        start = <double *> PyMem_Malloc(n_langs * sizeof(double))
        total = <double *> PyMem_Malloc(n_langs * sizeof(double))
        cols = <int *> PyMem_Malloc(n_langs * sizeof(int))
        if not (rows and shifted and stamp and cseq and prob and start and total and cols):
            raise MemoryError()
        if len(active) != n_langs:
            raise ValueError("init and active differ in length")
        if not isinstance(table_of, dict):
            raise TypeError("table_of must be a dict")
        for j in range(n_langs):
            cols[j] = active[j]
            if cols[j] < 0:
                raise IndexError("a language column is out of range")
            widest = max(widest, cols[j] + 1)
        if table_of is not _rows_of:
            _use_table(table_of)
        for k in range(n_words):
            rows[k] = NULL
            stamp[k] = -1
        for i in range(n_seq):
            k = seq[i]
            if not 0 <= k < n_words:
                raise ValueError("an index is out of range")
            cseq[i] = k
        for j in range(n_langs):
            start[j] = init[j]
            total[j] = 0.0
        for t in range(n_trial):
            memcpy(prob, start, n_langs * sizeof(double))
            weight = (alpha + _gauss(&mt) * alpha_width) / base_freq
            i = 0
            while True:
                k = cseq[_below(&mt, n_seq, nbits)]
                f = shifted + k * n_langs
                if stamp[k] != t:
                    row = rows[k]
                    if row is NULL:
                        # (only drawn n-grams are read: a ProbMap builds a row when first read)
                        packed = _row(table_of, words[k])
                        if len(packed) < widest * <Py_ssize_t> sizeof(double):
                            raise IndexError("a language column is out of range")
                        packs[k] = packed
                        row = rows[k] = <const double *> (<const char *> packed)
                    # langdetect adds the weight on every draw: the same sums
                    for j in range(n_langs):
                        f[j] = weight + row[cols[j]]
                    stamp[k] = t
                for j in range(n_langs):
                    prob[j] = prob[j] * f[j]
                if i % 5 == 0:
                    # Python's sum() of floats: left to right, from 0.
                    sump = 0.0
                    for j in range(n_langs):
                        sump = sump + prob[j]
                    if sump == 0.0:
                        zero = True
                        break
                    maxp = 0.0
                    for j in range(n_langs):
                        prob[j] = prob[j] / sump
                        if j == 0 or prob[j] > maxp:
                            maxp = prob[j]
                    if maxp > conv or i >= limit:
                        break
                i += 1
            if zero:
                break
            for j in range(n_langs):
                total[j] = total[j] + prob[j] / n_trial
        if zero:
            return None
        return [total[j] for j in range(n_langs)]
    finally:
        PyMem_Free(rows)
        PyMem_Free(shifted)
        PyMem_Free(stamp)
        PyMem_Free(cseq)
        PyMem_Free(prob)
        PyMem_Free(start)
        PyMem_Free(total)
        PyMem_Free(cols)


cdef extern from "Python.h":
    object PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)
    int PyUnicode_4BYTE_KIND
    bint Py_UNICODE_ISUPPER(Py_UCS4 ch)


# Words whose known n-grams are remembered, at most (a text's words recur; about
# 13 MB when full, and then cleared), and the longest word remembered.
WORD_CACHE = 1 << 14
WORD_CHARS = 40

cdef dict _spaced = {}        # word followed by a space -> its known n-grams
cdef dict _last = {}          # word that ends the text -> its known n-grams
cdef object _words_of = None  # the table the n-grams were checked against


cdef inline void _emit(Py_UCS4 *buf, Py_ssize_t n, object known, list out) except *:
    gram = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, n)
    if gram in known:
        out.append(gram)


cdef list _word_grams(str text, Py_ssize_t start, Py_ssize_t end, bint spaced, object known):
    """langdetect's NGram.add_char over one word (and the space after it when
    ``spaced``): the character, the last two and the last three characters,
    nothing while a run of capitals goes on; those ``known`` holds."""
    cdef Py_UCS4 g[3]
    cdef Py_UCS4 ch, last
    cdef int glen = 1
    cdef bint cap = False
    cdef Py_ssize_t w
    cdef list out = []
    g[0] = 32
    for w in range(start, end + 1 if spaced else end):
        ch = text[w] if w < end else 32
        last = g[glen - 1]
        if last == 32:
            g[0] = 32
            glen = 1
            cap = False
        elif glen >= 3:
            g[0] = g[1]
            g[1] = g[2]
            glen = 2
        g[glen] = ch
        glen += 1
        if Py_UNICODE_ISUPPER(ch):
            if Py_UNICODE_ISUPPER(last):
                cap = True
        else:
            cap = False
        if cap:
            continue
        if ch != 32:
            _emit(&g[glen - 1], 1, known, out)
        if glen >= 2:
            _emit(&g[glen - 2], 2, known, out)
            if glen >= 3:
                _emit(g, 3, known, out)
    return out


def index_grams(text_, object known):
    """langdetect's n-grams of ``text`` (normalised, spaces collapsed) that
    ``known`` holds, as (distinct n-grams in order of first use, the list of
    them in langdetect's order as indexes into the first): what
    langdetect_engine's ``_extract_ngrams`` and the walk's numbering give.

    Per word (langdetect's window starts afresh after a space): NGram.add_char,
    emitting the character, the last two and the last three characters, and
    nothing while a run of capitals goes on.
    """
    global _words_of
    cdef str text = exact_str(text_)
    cdef Py_ssize_t n = len(text), start = 0, end
    cdef bint spaced
    cdef dict ids = {}, cache
    cdef list words = [], seq = [], grams
    if known is not _words_of:
        _spaced.clear()
        _last.clear()
        _words_of = known
    while start <= n:
        end = text.find(" ", start)
        spaced = end >= 0
        if not spaced:
            end = n
        if end > start:
            if end - start <= WORD_CHARS:
                cache = _spaced if spaced else _last
                word = text[start:end]
                found = cache.get(word)
                if found is None:
                    found = _word_grams(text, start, end, spaced, known)
                    if len(cache) >= WORD_CACHE:
                        cache.clear()
                    cache[word] = found
                grams = <list> found
            else:
                grams = _word_grams(text, start, end, spaced, known)
            for gram in grams:
                k = ids.get(gram)
                if k is None:
                    k = ids[gram] = len(words)
                    words.append(gram)
                seq.append(k)
        if not spaced:
            break
        start = end + 1
    return words, seq
