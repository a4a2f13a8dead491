# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled twins of the scans of repair's per-line tests: cleaner/repair.py's
``_py_line_flags`` (which of the characters repair's fixes act on a line
holds, in one pass), ``_py_suspect_lines`` and ``_plainly_clean``,
cleaner/mojibake.py's ``_py_evidence``, ``_py_high_chars``, ``_py_in_range``
and ``nothing_to_reread``.

A clean line in most languages holds some character a misread byte turns
into (é, ’, Cyrillic), so it reaches the per-line tests; most such lines
are plainly clean, which a few counts and table lookups show: no character
ftfy acts on (its triggers and trigger pairs), no control, no lone
surrogate, no bytes a legacy page could re-read (the gate).  Here each scan
reads the line's characters in their own width (one, two or four bytes)
and looks them up in tables that repair.py and mojibake.py hand to
:func:`init` and :func:`init_gate` (the knowledge stays there).
tests/test_compiled.py compares the twins on random text and on every
trigger, tests/test_repair_fastpath.py the gate with what repair does.
"""
from cleaner._text cimport exact_str
from cpython.set cimport PySet_Add
from cpython.unicode cimport (
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_DATA,
    PyUnicode_READ,
    Py_UNICODE_ISALPHA,
    Py_UNICODE_ISSPACE,
)
from libc.stdint cimport uint8_t, uint16_t, uint32_t
from libc.stdlib cimport calloc, free
from libc.string cimport memset

# A string's characters as stored: one, two or four bytes each.
ctypedef uint8_t Py_UCS1
ctypedef uint16_t Py_UCS2

ctypedef fused uchar:
    Py_UCS1
    Py_UCS2
    Py_UCS4

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
# The pairs of BMP characters as a bit matrix: a first character's row
# (index + 1 in _first_at, 0 for none) and a second's column (_second_at).
cdef unsigned short _first_at[BMP]
cdef unsigned short _second_at[BMP]
cdef unsigned char* _pair_bits = NULL
cdef Py_ssize_t _row_bytes = 0
cdef bint _ready = False


def init(single, seconds, wide, control, surrogate, suspect):
    """Take the characters of each kind (iterables of 1-character strings;
    ``seconds``: first character -> its possible second characters)."""
    global _astral, _seconds, _ready, _pair_bits, _row_bytes
    memset(_bmp, 0, BMP)
    _astral = {}
    _seconds = {first: frozenset(after) for first, after in seconds.items()}
    kinds = [(single, SINGLE), (wide, WIDE), (control, CONTROL), (surrogate, SURROGATE), (_seconds, FIRST)]
    kinds.append((suspect, SUSPECT))
    all_seconds = sorted(set().union(*_seconds.values()))
    kinds.append((all_seconds, SECOND))
    for chars, bit in kinds:
        for ch in chars:
            _mark(ord(ch), bit)
    memset(_first_at, 0, sizeof(_first_at))
    memset(_second_at, 0, sizeof(_second_at))
    firsts = sorted(ch for ch in _seconds if ord(ch) < BMP)
    columns = [ch for ch in all_seconds if ord(ch) < BMP]
    for i, ch in enumerate(firsts):
        _first_at[ord(ch)] = i + 1
    for i, ch in enumerate(columns):
        _second_at[ord(ch)] = i + 1
    free(_pair_bits)
    _row_bytes = len(columns) // 8 + 1
    _pair_bits = <unsigned char*> calloc(len(firsts) * _row_bytes + 1, 1)
    if _pair_bits == NULL:
        raise MemoryError()
    cdef Py_ssize_t row, col
    for ch in firsts:
        row = _first_at[ord(ch)] - 1
        for after in _seconds[ch]:
            if ord(after) < BMP:
                col = _second_at[ord(after)] - 1
                _pair_bits[row * _row_bytes + col // 8] |= 1 << (col % 8)
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


cdef inline bint _is_pair(Py_UCS4 before, Py_UCS4 c):
    """Whether ``before`` then ``c`` is one of ftfy's trigger pairs (both
    already known to be a first and a second character)."""
    cdef Py_ssize_t row, col
    if before < BMP and c < BMP:
        row, col = _first_at[before], _second_at[c]
        return row and col and _pair_bits[(row - 1) * _row_bytes + (col - 1) // 8] >> ((col - 1) % 8) & 1
    return chr(c) in _seconds[chr(before)]


def line_flags(text_):
    """The flags (SINGLE, PAIR, WIDE, CONTROL, SURROGATE) of ``text``."""
    if not _ready:
        raise RuntimeError("cleaner._repair_scan: call init() first (cleaner.repair does)")
    return _scan(exact_str(text_), False) & ~SUSPECT


def has_suspect(text_):
    """repair's ``_py_has_suspect``: whether ``text`` holds a character some
    fix could act on."""
    if not _ready:
        raise RuntimeError("cleaner._repair_scan: call init() first (cleaner.repair does)")
    return bool(_scan(exact_str(text_), True))


cdef unsigned char _scan(str text, bint suspect) except? 255:
    """The flags of ``text``, and SUSPECT if it holds a suspect character;
    with ``suspect``, only that (SUSPECT or 0, at the first one)."""
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    if kind == 1:
        return _scan_of(<Py_UCS1*> data, n, suspect)
    if kind == 2:
        return _scan_of(<Py_UCS2*> data, n, suspect)
    return _scan_of(<Py_UCS4*> data, n, suspect)


cdef unsigned char _scan_of(const uchar* p, Py_ssize_t n, bint suspect) except? 255:
    cdef Py_ssize_t i
    cdef unsigned char bits, prev = 0, flags = 0
    cdef Py_UCS4 c, before = 0
    for i in range(n):
        c = p[i]
        if uchar is Py_UCS4:
            bits = _bits(c)
        else:
            bits = _bmp[c]
        if suspect:
            if bits & SUSPECT:
                return SUSPECT
        elif bits:
            flags |= bits & (SINGLE | WIDE | CONTROL | SURROGATE | SUSPECT)
            if bits & SECOND and prev & FIRST and not flags & PAIR and _is_pair(before, c):
                flags |= PAIR
        prev, before = bits, c
    return flags


def suspect_lines(list lines, bint mixed=False):
    """repair's ``_py_suspect_lines``: the numbers (from 1) of the lines that
    hold a character some fix could act on and are not plainly clean."""
    if not _ready or not _gate_ready:
        raise RuntimeError("cleaner._repair_scan: call init() and init_gate() first (cleaner.repair does)")
    cdef list out = []
    cdef str text
    cdef Py_ssize_t k
    for k in range(len(lines)):
        text = exact_str(lines[k])
        if _scan(text, True) and not _plainly_clean(text, mixed):
            out.append(k + 1)
    return out


def evidence(text_, Py_ssize_t enough=0):
    """mojibake's ``_py_evidence``: the printable non-ASCII characters (not
    C1, not spaces) that are letters or touch one, counted up to ``enough``."""
    return _evidence(exact_str(text_), enough)


cdef Py_ssize_t _evidence(str text, Py_ssize_t enough):
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, found = 0
    cdef Py_UCS4 c
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if c < 0xA0 or Py_UNICODE_ISSPACE(c):
            continue
        if (
            Py_UNICODE_ISALPHA(c)
            or (i > 0 and Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, i - 1)))
            or (i < n - 1 and Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, i + 1)))
        ):
            found += 1
            if found == enough:
                break
    return found


def high_chars(text_):
    """mojibake's ``_py_high_chars``: the set of the non-ASCII characters."""
    cdef str text = exact_str(text_)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i
    cdef Py_UCS4 c, last = 0
    cdef set out = set()
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if c >= 0x80 and c != last:  # (a run of one character is added once)
            PySet_Add(out, chr(c))
            last = c
    return out


def in_range(text_, Py_UCS4 low, Py_UCS4 high):
    """mojibake's ``_py_in_range``: whether a character of ``text`` is in
    ``low``..``high``.  Text stored one byte a character (Latin-1) has no
    character above U+00FF: that is known without reading it."""
    return _in_range(exact_str(text_), low, high)


cdef bint _in_range(str text, Py_UCS4 low, Py_UCS4 high):
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    if high < low or (kind == 1 and low > 0xFF):
        return False
    if kind == 1:
        return _any_in(<Py_UCS1*> data, n, low, high)
    if kind == 2:
        return _any_in(<Py_UCS2*> data, n, low, high)
    return _any_in(<Py_UCS4*> data, n, low, high)


cdef bint _any_in(const uchar* p, Py_ssize_t n, Py_UCS4 low, Py_UCS4 high):
    cdef Py_ssize_t i
    for i in range(n):
        if low <= p[i] <= high:
            return True
    return False


# The gate of plainly clean lines: repair's ``_plainly_clean`` and mojibake's
# ``nothing_to_reread``, whose tables mojibake.gate_tables() hands to init_gate().
DEF LOOK_CLOSER = SINGLE | PAIR | WIDE | CONTROL | SURROGATE
DEF MAX_DISTINCT = 8  # distinct non-ASCII characters counted at most (min_distinct is smaller)
cdef unsigned char _special_byte[BMP]  # cp1252 character above U+00FF -> its byte (0: none)
cdef unsigned int _changed[256]
cdef unsigned int _other[256]
cdef unsigned int _undefined[256]
cdef unsigned int _letter[256]
cdef dict _lead_conts = {}
cdef Py_UCS4 _c1_low, _c1_high, _nl_low, _nl_high, _latin_low, _latin_high
cdef Py_ssize_t _min_chars, _min_script_letters, _min_distinct, _min_cjk_bytes
cdef bint _gate_ready = False


def init_gate(specials, changed, other, undefined, letter, lead_conts, c1, non_latin_leads, latin_letters,
              Py_ssize_t min_chars, Py_ssize_t min_script_letters, Py_ssize_t min_distinct, Py_ssize_t min_cjk_bytes):
    """Take mojibake's tables: the cp1252 characters above U+00FF and their
    bytes, four page masks per byte, the continuation characters of each lead
    character, three code-point ranges and four counts."""
    global _lead_conts, _c1_low, _c1_high, _nl_low, _nl_high, _latin_low, _latin_high
    global _min_chars, _min_script_letters, _min_distinct, _min_cjk_bytes, _gate_ready
    cdef int b
    if min_distinct > MAX_DISTINCT:
        raise ValueError(f"min_distinct above {MAX_DISTINCT}")
    memset(_special_byte, 0, BMP)
    for ch, b in specials.items():
        _special_byte[ord(ch)] = b
    for b in range(256):
        _changed[b], _other[b], _undefined[b], _letter[b] = changed[b], other[b], undefined[b], letter[b]
    _lead_conts = dict(lead_conts)
    _c1_low, _c1_high = c1
    _nl_low, _nl_high = non_latin_leads
    _latin_low, _latin_high = latin_letters
    _min_chars, _min_script_letters, _min_distinct, _min_cjk_bytes = min_chars, min_script_letters, min_distinct, min_cjk_bytes
    _gate_ready = True


def plainly_clean(text_, bint mixed=False):
    """repair's ``_plainly_clean`` (its flags read here): whether repair is
    sure to leave the line as it is."""
    if not _ready or not _gate_ready:
        raise RuntimeError("cleaner._repair_scan: call init() and init_gate() first (cleaner.repair does)")
    return _plainly_clean(exact_str(text_), mixed)


cdef inline bint _ascii_letter(Py_UCS4 c):
    return (0x41 <= c <= 0x5A) or (0x61 <= c <= 0x7A)


cdef bint _plainly_clean(str text, bint mixed) except -1:
    if _scan(text, False) & LOOK_CLOSER:
        return False
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, first = -1
    cdef Py_UCS4 c
    if mixed and _in_range(text, _nl_low, _nl_high):
        for i in range(n):
            c = PyUnicode_READ(kind, data, i)
            if _ascii_letter(c) or _latin_low <= c <= _latin_high:
                return False  # mojibake.two_scripts: a lead byte may have lost its no-break space
    if _in_range(text, _c1_low, _c1_high):
        return False
    for i in range(n):
        if PyUnicode_READ(kind, data, i) >= 0x80:
            first = i
            break
    if first >= 0 and first + 1 < n:
        conts = _lead_conts.get(chr(PyUnicode_READ(kind, data, first)))
        if conts is not None and chr(PyUnicode_READ(kind, data, first + 1)) in conts:
            return False  # mojibake._utf8_lead_pair
    cdef Py_ssize_t evidence = _evidence(text, _min_chars)
    if not evidence:
        return True
    if kind == 1:
        return _nothing_in_bytes(<Py_UCS1*> data, n, evidence)
    if kind == 2:
        return _nothing_in_bytes(<Py_UCS2*> data, n, evidence)
    return True  # a character beyond the BMP is in no single-byte page: no bytes to re-read


cdef bint _nothing_in_bytes(const uchar* p, Py_ssize_t n, Py_ssize_t evidence):
    """The rest of mojibake.nothing_to_reread, over the line's cp1252/Latin-1
    bytes (no C1 control in it): True when it has none, else whether they are
    not UTF-8, not CJK, and no page could re-read them."""
    cdef Py_ssize_t i, j, n_high = 0, ascii_letters = 0, distinct = 0
    cdef Py_UCS4 c
    cdef Py_UCS4 seen[MAX_DISTINCT]
    cdef unsigned int changed = 0, other = 0, undefined = 0, letter = 0, pages
    cdef int b
    # UTF-8 validity, byte by byte (Unicode's table 3-7, as Python's strict
    # decoder): ``need`` continuation bytes to come, the next one in lo..hi.
    cdef int need = 0, lo = 0x80, hi = 0xBF
    cdef bint valid = True
    for i in range(n):
        c = p[i]
        if c < 0x80:
            b = c
            ascii_letters += _ascii_letter(c)
        else:
            if c <= 0xFF:
                b = c
            elif _special_byte[c]:
                b = _special_byte[c]
            else:
                return True  # mojibake.misread_bytes: no byte it was read from
            n_high += 1
            changed |= _changed[b]
            other |= _other[b]
            undefined |= _undefined[b]
            letter |= _letter[b]
            if distinct < _min_distinct:
                for j in range(distinct):
                    if seen[j] == c:
                        break
                else:
                    seen[distinct] = c
                    distinct += 1
        if valid:
            if need:
                if lo <= b <= hi:
                    need -= 1
                    lo, hi = 0x80, 0xBF
                else:
                    valid = False
            elif b < 0x80:
                pass
            elif 0xC2 <= b <= 0xDF:
                need = 1
            elif b == 0xE0:
                need, lo = 2, 0xA0
            elif 0xE1 <= b <= 0xEC or 0xEE <= b <= 0xEF:
                need = 2
            elif b == 0xED:
                need, hi = 2, 0x9F
            elif b == 0xF0:
                need, lo = 3, 0x90
            elif 0xF1 <= b <= 0xF3:
                need = 3
            elif b == 0xF4:
                need, hi = 3, 0x8F
            else:
                valid = False
    if valid and not need and n_high:
        return False  # strictly valid UTF-8 (mojibake._is_utf8)
    if n_high >= _min_cjk_bytes and n_high >= ascii_letters:
        return False  # mojibake._cjk_bytes
    pages = changed & ~undefined
    if pages & other:
        if evidence < _min_chars or n_high < max(ascii_letters, _min_script_letters) or distinct < _min_distinct:
            pages &= ~other
    return not pages & (other | letter)
