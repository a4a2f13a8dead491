# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled twin of the hot functions of cleaner/scripts.py.

Same results as the Python functions (tests/test_compiled.py compares them
with hypothesis); the knowledge (which script a character is in) stays in
scripts.py, which hands its classifier to :func:`init`: each code point is
classified once, by the Python function, and remembered in a table.
"""
from cleaner._text cimport exact_str
from cpython.unicode cimport PyUnicode_GET_LENGTH, PyUnicode_READ_CHAR, Py_UNICODE_ISSPACE, Py_UNICODE_ISALPHA
from libc.string cimport memset

DEF BMP = 65536
DEF UNKNOWN = 255
DEF SPACE = 0
DEF COMMON = 1
DEF INHERITED = 2
DEF FIRST_SCRIPT = 3

cdef unsigned char _bmp[BMP]
cdef dict _astral = {}
cdef list _names = []       # script id -> ISO 15924 name
cdef dict _ids = {}         # name -> script id
cdef list _groups = []      # script id -> group id (CJK scripts share one)
cdef object _kind_of = None  # ch -> " ", ".", "," or a script name
cdef object _Run = None
cdef set _cjk = set()
cdef int _hira = -1, _kana = -1
cdef bint _ready = False    # init() was called: the tables above are set


cdef int _check() except -1:
    if not _ready:
        raise RuntimeError("cleaner._scripts: call init() first (cleaner.scripts does)")
    return 0


def init(kind_of, run_class, cjk_scripts, common_name, inherited_name):
    """Take the Python twin's classifier and records; forget what was learnt."""
    global _kind_of, _Run, _cjk, _astral, _names, _ids, _groups, _hira, _kana, _ready
    _kind_of, _Run, _cjk = kind_of, run_class, set(cjk_scripts)
    memset(_bmp, UNKNOWN, BMP)
    _astral = {}
    _names = [" ", common_name, inherited_name]
    _ids = {}
    _groups = [SPACE, COMMON, INHERITED]
    _hira = _kana = -1
    _ready = True


cdef unsigned char _learn(Py_UCS4 ch) except 255:
    global _hira, _kana
    kind = _kind_of(chr(ch))
    cdef int code
    if kind == " ":
        code = SPACE
    elif kind == ".":
        code = COMMON
    elif kind == ",":
        code = INHERITED
    else:
        found = _ids.get(kind)
        if found is None:
            code = len(_names)
            if code >= UNKNOWN:
                raise ValueError("too many scripts")
            _names.append(kind)
            _ids[kind] = code
            _groups.append(-1 if kind in _cjk else code)  # -1: the CJK group
            if kind == "Hira":
                _hira = code
            elif kind == "Kana":
                _kana = code
        else:
            code = found
    if ch < BMP:
        _bmp[ch] = code
    else:
        _astral[ch] = code
    return code


cdef inline unsigned char code_of(Py_UCS4 ch) except 255:
    cdef unsigned char c
    if ch < BMP:
        c = _bmp[ch]
        if c != UNKNOWN:
            return c
        return _learn(ch)
    found = _astral.get(ch)
    if found is not None:
        return found
    return _learn(ch)


def count_letters(text_):
    """Letters (and the marks on them) in ``text`` (scripts.count_letters)."""
    cdef str text = exact_str(text_)
    cdef Py_ssize_t i, n = PyUnicode_GET_LENGTH(text), k = 0
    cdef unsigned char c
    _check()
    for i in range(n):
        c = code_of(PyUnicode_READ_CHAR(text, i))
        if c != SPACE and c != COMMON:
            k += 1
    return k


def letter_profile(line_):
    """What cleaner.features needs of a line's letters, in one pass:
    ({script: letters} for letters of a named script, letters (alphabetic
    characters), non-space characters, index of the first letter or -1)."""
    cdef str line = exact_str(line_)
    cdef Py_ssize_t i, n = PyUnicode_GET_LENGTH(line), alpha = 0, nonspace = 0, first = -1
    cdef Py_UCS4 ch
    cdef unsigned char c
    cdef long counts[UNKNOWN]
    _check()
    memset(counts, 0, sizeof(counts))
    for i in range(n):
        ch = PyUnicode_READ_CHAR(line, i)
        if Py_UNICODE_ISSPACE(ch):
            continue
        nonspace += 1
        if not Py_UNICODE_ISALPHA(ch):
            continue
        alpha += 1
        if first < 0:
            first = i
        c = code_of(ch)
        counts[c] += 1
    out = {}
    for i in range(FIRST_SCRIPT, len(_names)):
        if counts[i]:
            out[_names[i]] = counts[i]
    return out, alpha, nonspace, first


cdef inline Py_ssize_t _strip_start(str text, Py_ssize_t s, Py_ssize_t e):
    while s < e and Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(text, s)):
        s += 1
    return s


cdef inline Py_ssize_t _strip_end(str text, Py_ssize_t s, Py_ssize_t e):
    while e > s and Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(text, e - 1)):
        e -= 1
    return e


def script_runs(text_, Py_ssize_t start=0, end=None):
    """Runs of one script in ``text[start:end]`` (scripts.script_runs)."""
    cdef str text = exact_str(text_)
    # (an end past the text is its end, as in a slice)
    cdef Py_ssize_t stop = PyUnicode_GET_LENGTH(text) if end is None else min(<Py_ssize_t> end, PyUnicode_GET_LENGTH(text))
    cdef Py_ssize_t n = stop - start, i, j, prev_end = 0, cut, last, s, e, k, space
    cdef unsigned char c, cur
    cdef int group, span_group = -2
    cdef bytearray buf = bytearray(n if n > 0 else 0)
    cdef unsigned char[:] codes = buf
    _check()
    for i in range(n):
        codes[i] = code_of(PyUnicode_READ_CHAR(text, start + i))
    cuts = []     # per span: where it starts (relative)
    counts = []   # per span: a list of letters per script id
    i = 0
    while i < n:
        c = codes[i]
        if c < FIRST_SCRIPT:
            i += 1
            continue
        # A stretch: this script's letters with the spaces, common and
        # inherited characters among them (greedy, like the regex it replaces).
        j = i + 1
        last = i  # the last character of the stretch that is not a separator
        k = 1
        while j < n:
            cur = codes[j]
            if cur == c:
                k += 1
                last = j
            elif cur >= FIRST_SCRIPT:
                break
            j += 1
        group = _groups[c]
        if not cuts or span_group != group:
            if cuts:
                space = -1
                for s in range(i - 1, prev_end - 1, -1):
                    if codes[s] == SPACE:
                        space = s
                        break
                cut = space + 1 if space >= 0 else i
            else:
                cut = 0
            cuts.append(cut)
            counts.append({})
            span_group = group
        d = counts[len(counts) - 1]
        d[c] = d.get(c, 0) + k
        prev_end = last + 1
        i = j
    if not cuts:
        s = _strip_start(text, start, stop)
        e = _strip_end(text, s, stop)
        return [_Run(s, e, _names[COMMON], 0)] if s < e else []
    runs = []
    for k in range(len(cuts)):
        e = start + (cuts[k + 1] if k + 1 < len(cuts) else n)
        s = _strip_start(text, start + cuts[k], e)
        e = _strip_end(text, s, e)
        if s < e:
            marks = 0
            for j in range(s - start, e - start):
                if codes[j] == INHERITED:
                    marks += 1
            d = counts[k]
            runs.append(_Run(s, e, _name(d), sum(d.values()) + marks))
    return runs


cdef str _name(dict counts):
    """A run's script: Japanese if it has kana, else the script of most letters
    (the alphabetically first of equals)."""
    if (_hira >= 0 and _hira in counts) or (_kana >= 0 and _kana in counts):
        return "Jpan"
    best = None
    best_n = -1
    for name in sorted(_names[c] for c in counts):
        n = counts[_ids[name]]
        if n > best_n:
            best, best_n = name, n
    return best
