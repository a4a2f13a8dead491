"""Repair decoded text: mojibake, escaped HTML, control characters, line breaks.

Never worse than the input:
- text that cannot be mojibake (no character that a misread byte turns into, no
  '&', no control character) takes a fast path and comes back identical; of
  the other lines, ftfy sees only those with a character or character pair
  one of its fixes acts on, and the legacy re-reading tries only the code
  pages whose reading could pass its tests (cleaner.mojibake), so most text
  in any language costs a few scans; repeated lines are repaired once;
- ftfy runs with the settings that never touch correct text: quotes stay
  curly, full-width CJK stays full-width, ligatures stay, no Unicode
  normalisation (NFC would rewrite CJK compatibility ideographs and decomposed
  text that is correct as written);
- an encoding change (ftfy's, judged on the words it changed, or a
  re-reading of text misread in another code page, see cleaner.mojibake) is
  kept only when the plausibility score rises (cleaner.plausibility) and
  something speaks for it: a broken character it mends, or letters some
  language profile knows;
- HTML entities are decoded only in text that is not markup (no tags);
- leftover control characters that no text contains (C0 other than tab, line
  feed and form feed; C1 after ftfy mapped the cp1252 ones, unless one stands
  alone between spaces, as ftfy leaves it; stray BOMs and non-characters) are
  removed; CRLF and CR become LF.

Lines are repaired one by one, so a file where only some lines are mojibake
gets exactly those lines fixed; a file misread as a whole is re-read from one
code page, and its lines with too little evidence of their own follow the
others.  ``Repaired.lines`` says which fix fired where.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import ftfy
import ftfy.bad_codecs
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES, badness, is_bad
from ftfy.chardata import CHARMAP_ENCODINGS, CONTROL_CHARS

from cleaner import mojibake
from cleaner.compiled import twin
from cleaner.plausibility import CLEARLY, SAME, known_letter, score

_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    normalization=None,
    explain=True,
)
_NO_HTML = _CONFIG._replace(unescape_html=False)
_MARKUP = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*[\s>/]|/[a-zA-Z]|!--)")
# Controls no text contains.  A C1 control that no fix mapped is junk where it
# touches other characters ("word\x81") or begins a line; after a space and
# before a space or the line's end it breaks no word and is left, as ftfy
# leaves it.
_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufeff\ufffe\uffff]|[\x80-\x9f](?:(?<![ \t][\x80-\x9f])|(?![ \t]|$))")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")  # the cheap test first


def _has_junk(text: str) -> bool:
    return _CONTROL.search(text) is not None and _JUNK.search(text) is not None


def _drop_junk(text: str) -> str:
    return _JUNK.sub("", text) if _CONTROL.search(text) else text


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=1)
def _suspect() -> re.Pattern:
    """Characters any fix could act on (:func:`_suspect_chars`).  A line
    without any of them cannot be mojibake and is left alone."""
    return re.compile(_char_class(_suspect_chars()))


def _char_class(chars: str) -> str:
    """A pattern for one of the sorted, distinct ``chars``, runs as ranges.

    >>> _char_class("abcxz")
    '[a-cxz]'
    """
    parts, i = [], 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        last = "" if j == i else re.escape(chars[j]) if j == i + 1 else "-" + re.escape(chars[j])
        parts.append(re.escape(chars[i]) + last)
        i = j + 1
    return "[" + "".join(parts) + "]"


@lru_cache(maxsize=1)
def _suspect_chars() -> str:
    """Characters any fix could act on.

    What the high bytes become in every code page ftfy can undo (so "РґРѕ",
    "╨┐╤", "g√¢teaux" are caught), what UTF-8 lead or continuation bytes
    become in the other pages UTF-8 is read as (cleaner.mojibake: each such
    misreading shows some of them; of the two, the set with fewer letters, so
    that correct Hebrew is not suspect because DOS Hebrew shows continuation
    bytes as Hebrew letters), all of Latin-1 (legacy text read as cp1252), the
    cp1252 extras, '&' for entities, control characters, BOM, U+FFFD,
    surrogates and the Unicode line separators.
    """
    chars = set(map(chr, range(0x80, 0x100)))
    for enc in CHARMAP_ENCODINGS:
        chars |= set(bytes(range(0x80, 0x100)).decode(enc, errors="ignore"))
    for _enc, leads, conts in mojibake.utf8_shapes():
        chars |= min(leads, conts, key=lambda cover: sum(map(str.isalpha, cover)))
    controls = [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]
    chars.update(map(chr, controls))
    chars.update("\u2028\u2029\ufeff\ufffd\ufffe\uffff&", _SURROGATES)
    return "".join(sorted(chars))


def _py_has_suspect(text: str) -> bool:
    """Whether ``text`` holds a :func:`_suspect` character: the reference of
    the compiled ``has_suspect``."""
    return _suspect().search(text) is not None


def _py_suspect_lines(lines: list[str], mixed: bool = False) -> list[int]:
    """The numbers (from 1) of the ``lines`` that hold a :func:`_suspect`
    character and are not :func:`_plainly_clean`: the reference of the
    compiled ``suspect_lines``."""
    suspect = _suspect()
    return [n for n, line in enumerate(lines, 1) if suspect.search(line) and not _py_plainly_clean(line, mixed)]


def _py_plainly_clean(line: str, mixed: bool) -> bool:
    # (remembered like a line's repair: in Python the gate costs as much as
    # the cache would, and templates and captions recur)
    if len(line) <= CACHE_LINE:
        return _py_plainly_clean_cached(line, mixed)
    return _plainly_clean(line, mixed, _py_line_flags(line))


@lru_cache(maxsize=1 << 13)  # bounded: at most 8192 lines of 1000 characters
def _py_plainly_clean_cached(line: str, mixed: bool) -> bool:
    return _plainly_clean(line, mixed, _py_line_flags(line))


def _plainly_clean(line: str, mixed: bool, flags: int) -> bool:
    """Whether :func:`_repair_line` is sure to leave ``line`` as it is
    (``flags``: the line's; ``mixed``: the document's, see there): no
    character ftfy acts on, no control character, no lone surrogate,
    nothing to re-read (:func:`mojibake.nothing_to_reread`), and no letters
    of two scripts where a misread lead byte may have lost its no-break space.

    Most lines of clean text in any language hold a suspect character (é, ’,
    Cyrillic) and are plainly clean; the per-line tests are for the others.

    >>> _plainly_clean("Straße und Fußball", False, _py_line_flags("Straße und Fußball"))
    True
    """
    if flags & _LOOK_CLOSER:
        return False
    if mixed and mojibake.two_scripts(line):
        return False
    return mojibake.nothing_to_reread(line)


class _Triggers(NamedTuple):
    """What ftfy's fixes act on, as :func:`_trigger_tables` reads it."""

    single_chars: str  # characters some fix acts on by themselves (with the surrogates)
    single: re.Pattern  # the same, as a pattern
    seconds: dict[str, frozenset] | None  # first -> possible seconds of a pair; None: pattern unreadable
    exact_pair: Callable[[str], bool]  # whether a text holds one of those pairs
    wide_firsts: str  # first characters of the pairs whose second is a wide class
    wide: re.Pattern | None  # those pairs
    pair: Callable[[str], bool]  # a superset of the pairs is_bad needs


@lru_cache(maxsize=1)
def _trigger_tables() -> _Triggers:
    """The characters and character pairs some ftfy fix acts on.

    ftfy's encoding fix does nothing unless ``ftfy.badness.is_bad`` finds one
    of its suspicious sequences, and its other fixes (with our settings) need
    '&', ESC, C1 or other control characters, line separators or surrogates.
    Every sequence ``is_bad`` looks for holds one of its "bad" characters or
    two adjacent characters of two classes it names: read from its pattern
    (each alternative's rarest pair, :func:`_badness_pairs`), testing for
    those first is one fast scan, where ``is_bad`` itself tries forty
    patterns at every position (tests/test_repair_fastpath.py checks the
    superset on every pair and on random triples and quadruples).
    """
    cat = {}
    probe = "".join(map(chr, range(0x80, 0x3000))) + "\uf8ff\ufffd"
    for name, body in MOJIBAKE_CATEGORIES.items():
        cat[name] = "".join(re.findall(f"[{body}]", probe))

    def cls(chars):
        return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"

    alone = cat["c1"] + cat["bad"] + "".join(map(chr, CONTROL_CHARS)) + "&\x1b\r\u2028\u2029\x85"
    single = re.compile(cls(alone) + "|[\ud800-\udfff]")
    single_chars = "".join(sorted(set(alone))) + _SURROGATES
    # first character -> the characters that may follow it; the pairs whose
    # second is a wide class ("[^A-Za-z]" after "œ") are one pattern of their own
    follow: dict[str, set] = {}
    wide: list[str] = []
    wide_firsts: set[str] = set()
    try:
        pairs = _badness_pairs(lambda chars: all(single.match(c) for c in chars))
    except (ValueError, AssertionError, ImportError, AttributeError, KeyError, TypeError):
        # A future ftfy (or Python) whose pattern this cannot read: every line
        # goes to is_bad itself, slower but the same answers.
        return _Triggers(single_chars, single, None, _always, "", None, _always)
    for first, second in pairs:
        if isinstance(second, str):
            wide.append(cls(first) + second)
            wide_firsts.update(first)
        else:
            for c in first:
                follow.setdefault(c, set()).update(second)
    # A scan finds the places where a first character stands before a
    # possible second one (an ASCII one apart: the space after "Ã" would
    # otherwise stop the scan after every Greek word); each place is then
    # looked up as the pair it is.
    exact = {c: frozenset(seconds) for c, seconds in follow.items()}
    scans = []
    ascii_chars = frozenset(map(chr, range(0x80)))
    for ascii_second in (True, False):
        part = {c: seconds & ascii_chars if ascii_second else seconds - ascii_chars for c, seconds in follow.items()}
        part = {c: seconds for c, seconds in part.items() if seconds}
        if part:
            scans.append(re.compile(cls(part) + "(?=" + cls(set().union(*part.values())) + ")"))
    wide_pairs = re.compile("|".join(wide)) if wide else None

    def exact_pair(text: str) -> bool:
        for scan in scans:
            for m in scan.finditer(text):
                if text[m.end()] in exact[m.group()]:
                    return True
        return False

    def pair(text: str) -> bool:
        return exact_pair(text) or wide_pairs is not None and wide_pairs.search(text) is not None

    firsts = "".join(sorted(wide_firsts))
    return _Triggers(single_chars, single, exact, exact_pair, firsts, wide_pairs, pair)


def _always(text: str) -> bool:
    """The pair gate when ftfy's pattern cannot be read: let is_bad decide."""
    return True


def _badness_pairs(covered) -> list[tuple[frozenset, frozenset | str]]:
    """For each alternative of ftfy's ``BADNESS_RE`` that ``covered`` (a test
    on a set of characters: the single triggers) does not catch by one of its
    characters, two adjacent characters it needs: (the first's set, the
    second's set, or the second's pattern when it is no small set, "[^A-Za-z]"),
    the pair with the fewest combinations.  Raises if an alternative has no
    such pair (a new ftfy: the gate must be looked at again)."""
    try:
        c = importlib.import_module("re._constants")
        sre_parse = importlib.import_module("re._parser")
    except ImportError:  # Python 3.10
        c = importlib.import_module("sre_constants")
        sre_parse = importlib.import_module("sre_parse")
    escapes = {
        c.CATEGORY_SPACE: r"\s",
        c.CATEGORY_NOT_SPACE: r"\S",
        c.CATEGORY_WORD: r"\w",
        c.CATEGORY_NOT_WORD: r"\W",
        c.CATEGORY_DIGIT: r"\d",
        c.CATEGORY_NOT_DIGIT: r"\D",
    }

    def one_char(op, av) -> frozenset | str | None:
        """The characters an item matches (a set, or a pattern), None if it is no single character."""
        if op is c.LITERAL:
            return frozenset(chr(av))
        if op is c.ANY:
            return "."
        if op is not c.IN:
            return None
        chars: set = set()
        parts = []
        negate = category = False
        for kind, value in av:
            if kind is c.NEGATE:
                negate = True
            elif kind is c.LITERAL:
                chars.add(chr(value))
                parts.append(re.escape(chr(value)))
            elif kind is c.RANGE:
                chars.update(map(chr, range(value[0], value[1] + 1)))
                parts.append(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
            elif kind is c.CATEGORY:
                category = True
                parts.append(escapes[value])
            else:
                raise ValueError(f"ftfy's badness pattern has a new item: {kind}")
        if not negate and not category:
            return frozenset(chars)
        return "[" + ("^" if negate else "") + "".join(parts) + "]"

    def size(item) -> int:
        return len(item) if isinstance(item, frozenset) else 1 << 21

    tree = sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    [(op, (_none, alternatives))] = list(tree)
    assert op is c.BRANCH
    out = []
    for alt in alternatives:
        items = [one_char(op, av) for op, av in alt]
        if any(isinstance(i, frozenset) and covered(i) for i in items):
            continue
        pairs = [(a, b) for a, b in zip(items, items[1:]) if isinstance(a, frozenset) and b is not None]
        if not pairs:
            raise ValueError(f"no character pair to test for in ftfy's badness pattern: {alt}")
        out.append(min(pairs, key=lambda p: size(p[0]) * size(p[1])))
    return out


# What a line holds, as flags (:func:`line_flags`): a character some ftfy fix
# acts on alone, a pair is_bad may need, the first character of a pair whose
# second is a wide class, a control character, a lone surrogate.
SINGLE, PAIR, WIDE, CONTROL, SURROGATE = 1, 2, 4, 8, 16
_LOOK_CLOSER = SINGLE | PAIR | WIDE | CONTROL | SURROGATE  # a line with any of these is no plainly clean one
_SURROGATES = "".join(map(chr, range(0xD800, 0xE000)))
# _CONTROL's characters (tests/test_compiled.py checks every code point)
_CONTROLS = "".join(c for c in map(chr, range(0x100)) if _CONTROL.match(c)) + "\ufeff\ufffe\uffff"


def _py_line_flags(line: str) -> int:
    """The flags of ``line``: the reference of the compiled ``line_flags``
    (cleaner/_repair_scan.pyx), which reads the line once for all of them."""
    tables = _trigger_tables()
    flags = 0
    if tables.single.search(line):
        flags |= SINGLE
    if tables.exact_pair(line):
        flags |= PAIR
    if tables.wide_firsts and any(c in line for c in tables.wide_firsts):
        flags |= WIDE
    if _CONTROL.search(line):
        flags |= CONTROL
    if _LONE_SURROGATE.search(line):
        flags |= SURROGATE
    return flags


_compiled = twin("_repair_scan")


class _Scans(NamedTuple):
    line_flags: Callable[[str], int]
    has_suspect: Callable[[str], bool]
    suspect_lines: Callable[[list[str], bool], list[int]]


@lru_cache(maxsize=1)
def _scans() -> _Scans:
    """The compiled scans given their tables once, or their Python twins
    (not built, or ftfy's pattern unreadable: every line is a pair then)."""
    tables = _trigger_tables()
    if _compiled is None or tables.seconds is None:
        return _Scans(_py_line_flags, _py_has_suspect, _py_suspect_lines)
    _compiled.init(tables.single_chars, tables.seconds, tables.wide_firsts, _CONTROLS, _SURROGATES, _suspect_chars())
    _compiled.init_gate(**mojibake.gate_tables())
    return _Scans(_compiled.line_flags, _compiled.has_suspect, _compiled.suspect_lines)


def _line_flags() -> Callable[[str], int]:
    return _scans().line_flags


def _ftfy_may_act(line: str, flags: int | None = None) -> bool:
    """Whether ftfy (with our settings) could change ``line`` at all
    (``flags``: the line's, when known)."""
    if flags is None:
        flags = _line_flags()(line)
    if flags & SINGLE:
        return True
    tables = _trigger_tables()
    wide = flags & WIDE and tables.wide is not None and tables.wide.search(line) is not None
    return bool(flags & PAIR or wide) and is_bad(line)


@dataclass
class LineFix:
    line: int  # 1-based, in the repaired text
    fixes: list[str]
    detail: str = ""  # e.g. the code page a line was re-read from


@dataclass
class Repaired:
    text: str
    fixes: list[str] = field(default_factory=list)
    lines: list[LineFix] = field(default_factory=list)


def repair(text: str) -> Repaired:
    """Repair ``text``; ``fixes`` names each kind of fix that fired, in order.

    >>> repair("The Mona Lisa doesnâ€™t have eyebrows.").text
    'The Mona Lisa doesn’t have eyebrows.'
    >>> repair("Ïðèâåò, ìèð! Êàê äåëà?").text
    'Привет, мир! Как дела?'
    >>> repair("“Curly” stays curly").fixes
    []
    """
    fixes: list[str] = []
    details: list[LineFix] = []
    if "\r" in text:
        # Every line changes its ending: reported once for the document.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        fixes.append("line-breaks")
    scans = _scans()
    if not scans.has_suspect(text):
        return Repaired(text, fixes, details)
    config = _CONFIG if not _MARKUP.search(text) else _NO_HTML
    lines = text.split("\n")
    out = list(lines)
    reread = set()  # lines re-read from another encoding
    pages = []  # the encodings lines were re-read from, but UTF-8 read as cp1252 (ftfy's own)
    mixed = mojibake.two_scripts(text)
    for n in scans.suspect_lines(lines, mixed):
        line = lines[n - 1]
        fixed, names, detail = _repair_line(line, config, mixed)
        if fixed != line:
            details.append(LineFix(n, names, detail))
            out[n - 1] = fixed
            if detail:
                reread.add(n)
                if detail != "utf-8" and detail not in pages:
                    pages.append(detail)
    if pages:
        pages = _one_page(lines, out, details, pages, config)
        details = _reread_others(lines, out, details, reread, pages, config)
    for d in details:
        for name in d.fixes:
            if name not in fixes:
                fixes.append(name)
    return Repaired("\n".join(out), fixes, details)


DOCUMENT_SAMPLE = 30  # lines (the first ones) that say which language a long document is in
LINE_SAMPLE = 300  # characters of each that say it


def _one_page(lines: list[str], out: list[str], details: list[LineFix], pages: list[str], config) -> list[str]:
    """The pages lines were re-read from, the document's own first.

    Two pages often read a line back alike: UTF-8 read as ISO-8859-2 reads
    back as "În" from cp1250 and as "în" from ISO-8859-2, Slovene misread
    from cp1250 reads as well from ISO-8859-2 but for "»"; the line alone
    cannot tell, and the more common page wins.  A file is misread as a
    whole, so the page that reads every re-read line of the document, best in
    sum, reads them all (``out`` and ``details`` changed in place).
    """
    reread = [d for d in details if d.detail and d.detail != "utf-8"]
    if len({d.detail for d in reread}) < 2:
        return pages
    best = None
    for page in pages:
        maybe = [out[d.line - 1] if d.detail == page else mojibake.reread_as(lines[d.line - 1], page) for d in reread]
        readings = [r for r in maybe if r is not None]
        if len(readings) == len(maybe):
            total = sum(score(r).value for r in readings)
            if best is None or total > best[0]:
                best = (total, page, readings)
    if best is None:
        return pages
    _total, page, readings = best
    for d, cand in zip(reread, readings):
        # A line that reads clearly better from its own page keeps it.
        if d.detail != page and not mojibake.preferred(out[d.line - 1], cand):
            out[d.line - 1], d.fixes = _after_reread(cand, config)
            d.detail = page
    return [page] + [p for p in pages if p != page]


def _after_reread(cand: str, config) -> tuple[str, list[str]]:
    """A re-read line with the other fixes made, and the names of the fixes."""
    cand, steps = ftfy.fix_and_explain(cand, config._replace(fix_encoding=False))
    names = ["legacy-encoding"] + _names(steps)
    if _has_junk(cand):
        cand = _drop_junk(cand)
        names.append("control-chars")
    return cand, list(dict.fromkeys(names))


def _reread_others(
    lines: list[str], out: list[str], details: list[LineFix], reread: set, pages: list[str], config
) -> list[LineFix]:
    """Some lines were clearly misread from one of ``pages``: a file is
    usually misread as a whole, so give the others (``lines`` as they came,
    ``out`` as repaired so far, changed in place) the same reading when it
    reads better than what they are now, in the language of the lines that
    were re-read.  A line with only a letter or two to change ("Osobnì",
    "kmΒ²") has too little evidence on its own; a line whose C1 characters
    ftfy took for cp1252 punctuation ("zkou\x9akového") is re-read from what
    it was."""
    by_line = {d.line: d for d in details}
    suspect = _suspect()
    langs = Counter(score(out[n - 1]).lang for n in reread)
    lang = langs.most_common(1)[0][0] if langs else ""
    # ... but only if the re-read lines are in the document's language: a
    # French page with two lines "read better" as Lithuanian is no Lithuanian
    # file misread, and its other lines are French as they stand.
    tongues = Counter(
        score(out[i][:LINE_SAMPLE]).lang
        for i, line in enumerate(lines)
        if not line.isascii() and (i + 1 in reread or i < DOCUMENT_SAMPLE)
    )
    if tongues.most_common(1)[0][0] != lang:
        return details
    for i, line in enumerate(lines):
        if i + 1 in reread or not suspect.search(line):
            continue
        for enc in pages:
            cand = mojibake.reread_as(line, enc, lang)
            if cand is None:
                continue
            cand, names = _after_reread(cand, config)
            if out[i] == line or mojibake.reads_better(cand, out[i], lang):
                out[i] = cand
                by_line[i + 1] = LineFix(i + 1, names, enc)
            break
    return sorted(by_line.values(), key=lambda d: d.line)


CACHE_LINE = 1000  # lines up to this long are remembered: templates and captions recur


def _repair_line(line: str, config, mixed: bool = True) -> tuple[str, list[str], str]:
    """One line: (repaired line, names of the fixes, detail).  ``mixed``: the
    document has letters of two scripts, one Latin (else a misread lead byte
    that lost its no-break space is not looked for)."""
    if len(line) <= CACHE_LINE:
        fixed, names, detail = _repair_line_cached(line, config, mixed)
        return fixed, list(names), detail
    return _repair_line_uncached(line, config, mixed)


@lru_cache(maxsize=1 << 13)  # bounded: at most 8192 lines of 1000 characters
def _repair_line_cached(line: str, config, mixed: bool) -> tuple[str, tuple[str, ...], str]:
    fixed, names, detail = _repair_line_uncached(line, config, mixed)
    return fixed, tuple(names), detail


def _repair_line_uncached(line: str, config, mixed: bool = True) -> tuple[str, list[str], str]:
    flags = _line_flags()(line)
    if _ftfy_may_act(line, flags):
        fixed, steps = ftfy.fix_and_explain(line, config)
        names = _names(steps)
    else:
        fixed, names = line, []
    detail = ""
    if "encoding" in names:
        fixed, names = _judge_encoding_fix(line, fixed, names, config)
    # A legacy code page read as cp1252/Latin-1 ("Ïðèâåò"), or UTF-8 that ftfy's
    # cautious heuristics left alone (Armenian, Georgian): re-read the bytes.
    legacy = mojibake.reread(line)
    if legacy is not None and ("encoding" in names or "c1-controls" in names):
        # ftfy's repair stands unless ours reads clearly better, or is UTF-8
        # beyond chance and reads better at all (ftfy mended a piece of it).
        strong = legacy[1].startswith("utf-8") and mojibake.strong_utf8(legacy[0])
        if not mojibake.preferred(legacy[0], fixed, 0.0 if strong else CLEARLY):
            legacy = None
    elif legacy is None and "encoding" in names:
        # Misread twice, and ftfy undid one layer only (Armenian read as
        # cp1252 twice: ftfy leaves the inner layer, too "reasonable").
        legacy = mojibake.reread(fixed)
    if legacy is None and mixed and mojibake.lost_nbsp(fixed):
        # UTF-8 misread, and its no-break spaces made spaces ("Г bien").
        legacy = mojibake.restore_nbsp(fixed)
    if legacy is not None:
        again, steps = ftfy.fix_and_explain(legacy[0], config._replace(fix_encoding=False))
        fixed, names, detail = again, ["legacy-encoding"] + _names(steps), legacy[1]
    if fixed is line:  # (what the flags say of the line holds for it)
        junk, surrogate = bool(flags & CONTROL) and _JUNK.search(line) is not None, bool(flags & SURROGATE)
    else:
        junk, surrogate = _has_junk(fixed), _LONE_SURROGATE.search(fixed) is not None
    if junk:
        fixed = _drop_junk(fixed)
        names.append("control-chars")
    if surrogate:
        # Lone surrogates cannot be written as UTF-8 at all.
        fixed = _LONE_SURROGATE.sub("\ufffd", fixed)
        names.append("surrogates")
    return fixed, list(dict.fromkeys(names)), detail


def _judge_encoding_fix(line: str, fixed: str, names: list[str], config) -> tuple[str, list[str]]:
    """ftfy's repair of ``line`` and the names of its fixes, or, when its
    encoding change reads worse (:func:`_not_worse`), the line with its other
    fixes only.  The change is judged against the line as it came, and again
    against the line with the other fixes made (entities unescaped); where
    controls that no fix maps remain, against the line without them, as they
    are removed anyway ("Aυτά\x9d" is "Aυτά", not Syriac "Aυτ܍")."""
    kept = steps = None
    base, judged = line, fixed
    if _has_junk(line):
        kept, steps = ftfy.fix_and_explain(line, config._replace(fix_encoding=False))
        if _has_junk(kept):
            base, judged = _drop_junk(kept), _drop_junk(fixed)
    if _not_worse(judged, base):
        return fixed, names
    if kept is None:
        kept, steps = ftfy.fix_and_explain(line, config._replace(fix_encoding=False))
    if base is line and _not_worse(fixed, kept):
        return fixed, names
    return kept, _names(steps)


def _not_worse(new: str, old: str) -> bool:
    """Whether ftfy's encoding change keeps the line reading like language.

    ``old`` is the line with every fix but the encoding one (entities already
    unescaped: "10Î&frac14;s" is judged as "10Î¼s").  ftfy already weighs its
    own changes (it passes its own negative test cases); this catches the few
    that read clearly worse, and those nothing speaks for.  Our own
    re-readings (cleaner.mojibake) must instead be clearly better.

    The words that changed are judged, with a word of context: a change is
    neither averaged away over a long line nor cut off by the scorer's limits.
    Where ftfy changed characters that read as broken (a symbol or a quote
    glued into a word: "Î³", "Ã©", "√ü"), two signs of plausibility are
    enough: the letters read like some language, or the change leaves none of
    the character sequences that only mojibake has (ftfy's badness: "Ã¢â‚¬",
    "Î³" glued to letters) where the line had some.  The second one keeps
    fixes the letter profiles cannot judge: a Greek letter inside a Latin
    word ("IL2RÎ³cKO" -> "IL2RγcKO", "10μs"), Thai and combining marks in an
    emoticon.  Where nothing read as broken ("DOS AÃ‘OS", or correct text
    such as "”ß", whose UTF-8 reading "ӧ" is a letter no profile knows),
    the change must read better, in letters some profile has seen.
    """
    start, stop_new, stop_old = _changed_span(new, old)
    a = score(new[_word_edge(new, start, -1) : _word_edge(new, stop_new, 1)])
    b = score(old[_word_edge(old, start, -1) : _word_edge(old, stop_old, 1)])
    if a.grams == 0:
        # Only ASCII (or nothing) left to judge: the junk is gone, if it was
        # junk: a broken character, a capital inside a word ("namedÂ\xa0"),
        # not a letter that fits its word ("MISUTÂ\xa0AJIKKO", a title).
        gone = old[start:stop_old]
        return (
            b.broken > 0
            or not any(c.isalpha() and not c.isascii() for c in gone)
            or mojibake.case_breaks(old[_word_edge(old, start, -1) : _word_edge(old, stop_old, 1)], across_words=False)
            > 0
        )
    if not score(old[max(0, start - JUNK_REACH) : stop_old + JUNK_REACH]).broken:
        return (
            a.value > b.value
            and a.broken <= b.broken
            and all(known_letter(c) for c in new[start:stop_new] if c.isalpha())
        )
    if a.value > b.value - SAME:
        return True
    return badness(new) == 0 < badness(old)


# Characters on each side of a change that decide whether it touched a broken
# character (the scorer judges a character by its two neighbours, and a
# deletion "Ä�i" -> "�i" leaves the broken one just outside the change).
JUNK_REACH = 2
CONTEXT_WORDS = 1  # whole words kept on each side of a change when judging it
CONTEXT_CHARS = 60  # at most this much context on each side (CJK has no spaces)


def _changed_span(new: str, old: str) -> tuple[int, int, int]:
    """(start, end in ``new``, end in ``old``) of the stretch where they differ."""
    n = min(len(new), len(old))
    start = 0
    while start < n and new[start] == old[start]:
        start += 1
    end = 0
    while end < n - start and new[-1 - end] == old[-1 - end]:
        end += 1
    return start, len(new) - end, len(old) - end


def _word_edge(text: str, i: int, step: int) -> int:
    """From position ``i``, past the rest of its word and CONTEXT_WORDS more
    words in direction ``step`` (-1 left, +1 right), at most CONTEXT_CHARS away:
    a change is judged where it happened, with some context."""
    limit = max(0, i - CONTEXT_CHARS) if step < 0 else min(len(text), i + CONTEXT_CHARS)
    words = 0
    in_word = False
    while i != limit:
        ch = text[i - 1] if step < 0 else text[i]
        if ch.isspace():
            if in_word:
                words += 1
                if words > CONTEXT_WORDS:
                    break
            in_word = False
        else:
            in_word = True
        i += step
    return i


def _names(steps) -> list[str]:
    names = []
    for step in steps or ():
        name = _fix_name(step)
        if name not in names:
            names.append(name)
    return names


def _fix_name(step) -> str:
    """A short, stable name for one ftfy explanation step."""
    action, param = step
    if action in ("encode", "decode", "transcode") and param != "fix_c1_controls":
        return "encoding"
    name = param if action in ("apply", "transcode") else action
    return {
        "unescape_html": "html-entities",
        "remove_control_chars": "control-chars",
        "fix_c1_controls": "c1-controls",
        "fix_surrogates": "surrogates",
        "fix_line_breaks": "line-breaks",
        "remove_terminal_escapes": "terminal-escapes",
        "restore_byte_a0": "encoding",
        "replace_lossy_sequences": "encoding",
        "decode_inconsistent_utf8": "encoding",
    }.get(name, name.replace("_", "-"))
