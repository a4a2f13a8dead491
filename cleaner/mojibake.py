"""Text written in one code page and read in another, read again.

"Ïðèâåò" is Russian in cp1251 read as cp1252; "Yaþlýlar" is Turkish in cp1254;
"ùìåí" is Hebrew in cp1255; "ÖÐÎÄ" is Chinese in GBK; "tur\x92stico" is
Spanish in Mac Roman read as Latin-1; "׳©׳…" is UTF-8 read as cp1255, "Γ¶"
UTF-8 read as cp1253.  ftfy undoes misread UTF-8 in the pages it knows, and
cautiously; the rest needs its own step: turn the characters back into the
bytes they were read from, decode those bytes with each candidate page, and
keep the reading that the plausibility score (cleaner.plausibility) likes
clearly better and that passes the tests below for evidence.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-125x codecs)

from cleaner.compiled import twin
from cleaner.markers import count_alpha, folded_letter_runs
from cleaner.plausibility import (
    BARELY,
    CLEARLY,
    FLOOR,
    PLAUSIBLE,
    SLIGHTLY,
    SUSPICIOUS,
    WIDELY,
    _cjk_class,
    _is_cjk,
    _script,
    known_letter,
    score,
)
from cleaner.stopwords import known_words, stopword_hits
from cleaner.stopwords import top as top_languages

# Code pages whose text is commonly misread as Windows-1252/Latin-1; the earlier
# one wins a tie.
SOURCES = [
    "utf-8",
    "cp1251",
    "koi8-r",
    "koi8-u",
    "cp1253",
    "cp1255",
    "cp1256",
    "cp1254",
    "cp1250",
    "cp874",
    "iso8859-5",
    "iso8859-7",
    "iso8859-8",
    "iso8859-2",
    "cp866",
    "cp1257",
]
_LEGACY = SOURCES[1:]  # the single-byte ones
LATIN_PAGES = ["cp1254", "cp1250", "iso8859-2", "cp1257"]  # those that write the Latin script
# Code pages (besides cp1252/Latin-1) that UTF-8 text gets read as: the other
# Windows pages (ftfy undoes some of them, but not a line it finds "too
# reasonable", nor a page it does not know: Hebrew, Arabic), ISO-8859-2,
# Russian and other DOS consoles, KOI8 mail, old Macs.  Most common first: the
# first page that gives a reading wins unless another reads clearly better.
# The Windows pages read as Windows does, bytes they leave undefined as the C1
# character of the same number.
UTF8_READ_AS = [
    "sloppy-windows-1251",
    "sloppy-windows-1250",
    "iso8859-2",
    "sloppy-windows-1253",
    "sloppy-windows-1254",
    "sloppy-windows-1255",
    "sloppy-windows-1256",
    "sloppy-windows-1257",
    "koi8-r",
    "koi8-u",
    "cp866",
    "cp850",
    "cp437",
    "cp852",
    "cp855",
    "mac-cyrillic",
    "mac-greek",
    "cp874",
    "iso8859-5",
    "iso8859-7",
    "cp737",
    "cp775",
    "cp857",
    "cp862",
]
# How a re-reading of UTF-8 read as another page than cp1252/Latin-1 is named
# ("utf-8 read as cp1253"); UTF-8 read as cp1252/Latin-1 is just "utf-8".
UTF8_AS = "utf-8 read as "
# Pages whose small accented letters Latin-1 shows as C1 controls: old Macs,
# DOS.  Tried only for a line with a C1 control inside a word.
C1_PAGES = ["mac-roman", "cp850", "cp437"]
C1 = (0x80, 0x9F)  # the C1 control characters (code points)
_C1_IN_WORD = re.compile(r"(?<=[^\W\d_])[\x80-\x9f]+(?=[^\W\d_])")
# Multi-byte pages of CJK text whose bytes get read as cp1252/Latin-1 ("ÖÐÎÄ"
# is 中文 in GBK): the widest of each family, so one decoder reads its variants
# (GB18030 reads GBK and GB2312, cp932 Shift_JIS, cp949 EUC-KR).
CJK_PAGES = ["gb18030", "big5", "cp932", "euc-jp", "cp949"]
MIN_CJK_BYTES = 12  # bytes of the six CJK characters a reading needs at least (MIN_SCRIPT_LETTERS)
CJK_SHARE = 0.8  # of a CJK reading's non-ASCII characters that are CJK (the rest: symbols, full-width forms)
CJK_COMMON = 0.2  # of its CJK characters that are among their language's most frequent
# ftfy undoes UTF-8 read as Mac Roman itself, but leaves a word that reads
# "too reasonable" ("pi√π" is "più"); the single-word rule (_mends_words)
# still applies there, as Mac Roman shows UTF-8 lead bytes as symbols (√ ≈).
# Not for pages that show them as letters (cp1250 "DATĂ™" is Romanian) or
# box drawing (cp437 "├┤a┼┐a" is line art).
_FTFY_PAGES = ["macroman"]
# The cut-offs and margins below are points and distances on the one scale of
# cleaner.plausibility.
# cp1257 needs a wide margin: without an Icelandic profile, correct Icelandic
# ("því", +1.7) reads a little better as Baltic ("žvķ"); real Baltic mojibake
# ("Bîskaps" -> "Bīskaps") gains 6-8.
ENC_MARGIN = {"cp1257": WIDELY}
# A re-reading that stays in Latin script changes a few letters only, so its
# score moves less (SLIGHTLY); one that changes script must turn most letters
# over, and read CLEARLY better.  A line that reads better than SUSPICIOUS is
# not re-read at all; a re-reading must read PLAUSIBLE.
# Strictly valid UTF-8 behind the misread characters is evidence of its own:
# its reading needs only to read like language at all (BARELY).
STRONG_UTF8 = 4  # multi-byte sequences in a line that only UTF-8 makes
LATIN_CONTEXT = (12, 3)  # letters, words: a Latin re-reading changes a letter or
# two, which only a sentence around them can vouch for ("èAè" stays)
LETTERS_KEPT = 0.8  # of the line's letters a re-reading keeps at least ("ßß" is no "฿฿")
MOST = 0.5  # of the letters in one script: a line re-read whole, not a few capitals ("Ффф VIDA")
MIN_CHARS = 3  # fewer misread characters than this are no evidence ("“" is not "У")
MIN_SCRIPT_LETTERS = 6  # a new script needs a few words' worth ("ßß" is not "كك")
MIN_DISTINCT = 3  # and more than a letter or two, repeated ("ßßßßßß" is not "пппппп")
MIN_SCRIPT_WORDS = 2  # and words of it: a lone word of accented letters is no evidence


# Latin-1's ordinal indicators are letters to Unicode but signs in use ("1º");
# a page that reads their bytes as punctuation (cp1256 "؛") loses no letter.
ORDINALS = "ªº"
_NONASCII = re.compile(r"[^\x00-\x7f]")
_VISIBLE_HIGH = re.compile(r"[^\x00-\x9f\s]")  # printable, not ASCII, not a space
_LETTER = re.compile(r"[^\W\d_]")
_EDGE_PUNCT = "\"'“”‘’„«»()[]{}.,;:!?¡¿…–—-"
_HIGH_BYTES = bytes(range(0x80, 0x100))
_ASCII_LETTERS = bytes(range(0x41, 0x5B)) + bytes(range(0x61, 0x7B))


@lru_cache(maxsize=1)
def _to_bytes() -> dict:
    """Character -> the byte it came from, for text read as cp1252 or Latin-1."""
    table = {i: i for i in range(0x80, 0x100)}  # Latin-1: every byte is its own char
    for b in range(0x80, 0xA0):
        try:
            table[ord(bytes([b]).decode("cp1252"))] = b
        except UnicodeDecodeError:
            pass  # undefined in cp1252 (0x81, 0x8D, ...): Latin-1 and sloppy readers keep U+0081...
    return table


def misread_bytes(text: str) -> bytes | None:
    """The bytes ``text`` was read from as cp1252/Latin-1, or None if it cannot have been."""
    table = _to_bytes()
    try:
        # The same mapping in C, except for C1 characters (Latin-1's reading
        # of the bytes cp1252 defines), which the loop below handles.
        return text.encode("sloppy-windows-1252")
    except UnicodeEncodeError as e:
        # A character neither maps (Cyrillic, CJK) makes the loop below
        # return None: no need to walk there in Python.
        # (ASCII is itself; the codec refuses "\x1a", its stand-in for U+FFFD)
        if ord(text[e.start]) >= 0x80 and ord(text[e.start]) not in table:
            return None
    out = bytearray()
    for ch in text:
        o = ord(ch)
        if o < 0x80:
            out.append(o)
        else:
            b = table.get(o)
            if b is None:
                return None
            out.append(b)
    return bytes(out)


def reread(text: str, margin: float = CLEARLY) -> tuple[str, str] | None:
    """(re-read text, code page) when ``text`` is clearly a legacy code page
    misread as cp1252/Latin-1; None when it is fine as it is."""
    # A line whose only non-ASCII characters are C1 controls (junk) has nothing
    # to re-read: misread text shows printable Latin-1 (Ï, ð, ³, ¿).
    evidence = _evidence(text, MIN_CHARS)
    c1_in_word = _in_range(text, *C1) and _C1_IN_WORD.search(text) is not None
    raw = misread_bytes(text) if evidence or c1_in_word else None
    utf8 = raw is not None and _is_utf8(raw)
    # UTF-8 read as another page needs no letters: Hebrew read as cp1255 is
    # all punctuation and signs ("׳‘׳×׳§"); its strict UTF-8 is the evidence.
    elsewhere = [] if utf8 else _utf8_elsewhere(text)
    if not evidence and not elsewhere and not c1_in_word:
        return None
    # Only the readings that could pass the tests below are tried, and the
    # line is scored only if there is one: most lines, in any language, have
    # none, and scoring is the expensive part.  Bytes that are strictly valid
    # UTF-8 and not plain ASCII are UTF-8: a single-byte page may read them
    # "better" by chance ("CÃ\xa0nan" is "Cànan", not cp1250 "CĂ\xa0nan"), but
    # legacy text is almost never valid UTF-8.
    words: dict = {}  # what the line's function words say, once asked (_function_words)
    sources = ["utf-8"] if utf8 else _sources(text, raw, evidence, words) if raw is not None else []
    cjk = _cjk_readings(raw) if raw is not None and not utf8 else []
    # Each reading's tests that need no score come first: a line none of
    # whose readings could pass them is not scored at all (scoring is pure,
    # so the order changes nothing but the time).
    c1_readings = _c1_readings(text, raw) if c1_in_word and raw is not None and not utf8 else []
    readings = _source_readings(text, raw, sources, evidence, words) if sources else []
    if not elsewhere and not readings and not cjk and not c1_readings:
        return None
    before = score(text)
    if before.grams and before.value > SUSPICIOUS:
        return None
    if elsewhere:
        other = _utf8_read_elsewhere(text, elsewhere, before.value, margin)
        if other is not None:
            return other
    # CJK text read as cp1252 is a soup of accented capitals and symbols; its
    # right reading is the one the CJK character models like best.
    best = None
    for enc, cand in cjk:
        s = score(cand).value
        if s > PLAUSIBLE and s > before.value + margin and (best is None or s > best[0]):
            best = (s, cand, enc)
    # Old Mac or DOS text read as Latin-1 shows its small accented letters as
    # C1 controls, inside words ("tur\x92stico" is Mac Roman "turístico").
    for enc, cand in c1_readings:
        s = score(cand).value
        if s > PLAUSIBLE and s > before.value + margin and (best is None or s > best[0]):
            best = (s, cand, enc)
    for enc, cand in readings:
        reading = score(cand)
        need = ENC_MARGIN.get(enc, SLIGHTLY if _latin(cand) and enc != "utf-8" else margin)
        bar = BARELY if enc == "utf-8" else PLAUSIBLE
        if enc == "utf-8" and strong_utf8(cand):
            bar, need = FLOOR, 0.0
        if reading.value > bar and reading.value > before.value + need and (best is None or reading.value > best[0]):
            best = (reading.value, cand, enc)
            if enc == "utf-8":
                # Bytes that are strictly valid UTF-8 with several multi-byte
                # sequences are UTF-8: chance does not produce that.
                break
    if best:
        if best[2] == "utf-8":
            # Misread twice or more?  Peel layers while each one reads better.
            again = reread(best[1], margin)
            if again is not None and (again[1] == "utf-8" or again[1].startswith(UTF8_AS)):
                return again
        return best[1], best[2]
    return None


def nothing_to_reread(text: str) -> bool:
    """Whether :func:`reread` is sure to find nothing in ``text``, known from
    a few counts and tables, without decoding or scoring: true of most clean
    lines in any language ("Straße", "Привет", "中文"); false says only that
    :func:`reread` must look ("Crème brûlée": a Central European page would
    read è as č, which only the letters around it can rule out).

    The reference of the compiled gate in cleaner/_repair_scan.pyx; every
    test here is one that :func:`reread` makes before it may return anything.

    >>> nothing_to_reread("Straße und Fußball"), nothing_to_reread("Привет, мир"), nothing_to_reread("中文")
    (True, True, True)
    >>> nothing_to_reread("Crème brûlée"), nothing_to_reread("Ïðèâåò, ìèð! Êàê äåëà?")
    (False, False)
    """
    if _in_range(text, *C1) or _utf8_lead_pair(text):
        return False  # an old Mac or DOS page, or UTF-8 read as another page, may be behind it
    evidence = _evidence(text, MIN_CHARS)
    if not evidence:
        return True
    raw = misread_bytes(text)
    if raw is None:
        return True  # no cp1252/Latin-1 bytes it could have been read from
    if _is_utf8(raw) or _cjk_bytes(raw):
        return False
    pages, other, letter = _candidate_pages(raw, evidence, _high_chars(text))
    return not pages & (other | letter)


def gate_tables() -> dict:
    """What the compiled twin of :func:`nothing_to_reread` reads
    (``init_gate`` in cleaner/_repair_scan.pyx): the cp1252 characters above
    U+00FF and their bytes; per byte, the page masks of :func:`_page_bits`
    for the one character that is no C1 control read from it (a line with a
    C1 control is never plainly clean); the continuation characters of each
    lead character (:func:`_utf8_lead_pair`); the ranges and counts."""
    masks: list[list[int]] = [[0] * 256 for _ in range(4)]
    specials = {}
    for o, b in _to_bytes().items():
        if C1[0] <= o <= C1[1]:
            continue
        if o > 0xFF:
            specials[chr(o)] = b
        for mask, bits in zip(masks, _page_bits(chr(o))):
            mask[b] = bits
    changed, other, undefined, letter = masks
    return {
        "specials": specials,
        "changed": changed,
        "other": other,
        "undefined": undefined,
        "letter": letter,
        "lead_conts": _lead_conts(),
        "c1": C1,
        "non_latin_leads": NON_LATIN_LEADS,
        "latin_letters": LATIN_LETTERS,
        "min_chars": MIN_CHARS,
        "min_script_letters": MIN_SCRIPT_LETTERS,
        "min_distinct": MIN_DISTINCT,
        "min_cjk_bytes": MIN_CJK_BYTES,
    }


def _c1_readings(text: str, raw: bytes) -> list[tuple[str, str]]:
    """(page, reading) for each old Mac or DOS page (:data:`C1_PAGES`) whose
    reading of a line with C1 controls inside words could pass :func:`reread`'s
    tests before scoring: Latin, coherent, keeping its words and breaking none."""
    out = []
    for enc in C1_PAGES:
        cand = raw.decode(enc)
        if _latin(cand) and _coherent(cand) and _words_kept(text, cand) and not _breaks_words(cand, text):
            out.append((enc, cand))
    return out


def _source_readings(
    text: str, raw: bytes | None, sources: list[str], evidence: int, words: dict
) -> list[tuple[str, str]]:
    """(page, reading) for each of ``sources`` whose reading of ``raw`` passes
    :func:`reread`'s tests before scoring, in the order of ``sources``."""
    assert raw is not None  # (there are sources only for bytes it could have been)
    out = []
    # The source's letters were letters: a reading that turns letters into
    # symbols ("ßß" -> "฿฿") is not the one.
    letters = _letters(text)
    for enc in sources:
        try:
            cand = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if cand == text or not _coherent(cand) or _letters(cand) < LETTERS_KEPT * letters:
            continue
        if enc != "utf-8" and not _words_kept(text, cand) or _breaks_words(cand, text):
            continue
        if words.get("signs", {}).get(enc) == TABLE_SIGN and _function_words(text, words)["unknown"]:
            continue  # the letter-pair table cannot judge the line's language (Icelandic)
        if not _latin(cand) and (
            evidence < MIN_CHARS or _letters(cand, latin=False) < MIN_SCRIPT_LETTERS or not _writes_words(cand)
        ):
            continue
        mended = enc == "utf-8" and _latin(cand) and _mends_words(text, cand)
        if _latin(cand) and not _has_context(text) and not mended:
            continue
        if enc == "utf-8" and evidence < MIN_CHARS and not mended:
            continue  # ftfy judges short UTF-8 mojibake better ("VOCÊ…" stays)
        out.append((enc, cand))
    return out


def restore_nbsp(text: str, margin: float = CLEARLY) -> tuple[str, str] | None:
    """(re-read text, page) for UTF-8 whose no-break spaces became spaces on
    the way ("hĂ i" is Vietnamese "hài" read as cp1250, the A0 byte of "à"
    turned into a space; Arabic "Ù Ù Ù¡" is "٠٠١"), or None.

    The line is turned back into bytes page by page (characters the page
    cannot hold, already decoded text, stay as their UTF-8), and each lead
    byte followed by a space gets its A0 back, in place of the space or
    before it ("mГ©dicament ... Г bien": "à bien"); the reading that is valid
    UTF-8 and reads clearly better, with nothing broken and no unknown
    letter, wins.
    """
    before = None
    best = None
    foreign = _foreign_leads(text)
    for enc, leads in _nbsp_leads():
        if not foreign & leads:
            continue
        raw = text.encode(enc, errors=_PASS_UTF8)
        for variant in (_LEAD_BYTE_SPACE.sub(b"\\1\xa0", raw), _LEAD_BYTE_SPACE.sub(b"\\1\xa0 ", raw)):
            try:
                cand = variant.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if cand == text or not _coherent(cand) or len({c for c in cand if c >= "\x80"} - set(text)) < MIN_NBSP_READ:
                continue
            s = score(cand)
            before = before or score(text)
            if (
                s.value > before.value + margin
                and s.value > BARELY
                and s.broken <= before.broken
                and all(known_letter(c) for c in cand if c.isalpha() and not c.isascii() and c not in text)
                and (best is None or s.value > best[0])
            ):
                best = (s.value, cand, enc)
    return (best[1], UTF8_AS + _page_name(best[2])) if best else None


def lost_nbsp(text: str) -> bool:
    """Whether a letter that some page shows a UTF-8 lead byte as ends a word,
    before a space, in another script than the line's (Cyrillic "Г" in
    French, Latin "Ù" in Arabic): where a misread lead byte lost its no-break
    space.  "В Москве", "PIÙ GRANDE", Greek with a Latin "(dpa)" have none.
    Only a line with letters of two scripts, one of them Latin, is looked at
    closer."""
    return bool(_foreign_leads(text))


def two_scripts(text: str) -> bool:
    """Whether ``text`` has Latin letters and letters of another alphabet
    that pages show UTF-8 lead bytes as (Greek, Cyrillic, Hebrew, Arabic)."""
    return _in_range(text, *NON_LATIN_LEADS) and _LATIN_LETTER.search(text) is not None


def _foreign_leads(text: str) -> set:
    """The letters of :func:`lost_nbsp` in ``text``."""
    out: set = set()
    if not two_scripts(text):
        return out
    sample = text[:MAIN_SCRIPT_SAMPLE]
    latin = len(_LATIN_LETTER.findall(sample)) >= len(_NON_LATIN_LETTER.findall(sample))
    for m in _lead_space(not latin).finditer(text):
        c = m.group()[0]
        if c in out:
            continue
        i = m.start()
        script = _script(c)
        if all(_script(x) == script for x in text[text.rfind(" ", 0, i) + 1 : i + 1] if x.isalpha()):
            out.add(c)
    return out


MAIN_SCRIPT_SAMPLE = 300  # characters that say which script a line is in


LATIN_LETTERS = (0x00C0, 0x024F)  # with A-Z and a-z: the Latin letters of two_scripts (code points)
_LATIN_LETTER = re.compile(f"[A-Za-z{chr(LATIN_LETTERS[0])}-{chr(LATIN_LETTERS[1])}]")
NON_LATIN_LEADS = (0x0370, 0x06FF)  # Greek, Cyrillic, Armenian, Hebrew, Arabic (code points)
_NON_LATIN_LETTER = re.compile(f"[{chr(NON_LATIN_LEADS[0])}-{chr(NON_LATIN_LEADS[1])}]")


def _pass_utf8(err: UnicodeError) -> tuple[bytes, int]:
    assert isinstance(err, UnicodeEncodeError)  # (registered for encoding only)
    return err.object[err.start : err.end].encode("utf-8", "surrogatepass"), err.end


_PASS_UTF8 = "cleaner-pass-utf8"
codecs.register_error(_PASS_UTF8, _pass_utf8)
MIN_NBSP_READ = 2  # new characters a no-break-space reading must make: one is chance ("S Ã O")
# A UTF-8 lead byte (of two bytes, or of three after its first continuation)
# followed by a space: where a no-break space became a space.
_LEAD_BYTE_SPACE = re.compile(rb"([\xc2-\xdf]|[\xe0-\xef][\x80-\xbf]) ")


@lru_cache(maxsize=1)
def _nbsp_leads() -> list[tuple[str, frozenset]]:
    """(page, the characters it shows UTF-8 lead bytes as) for cp1252 and each
    page UTF-8 gets read as."""
    out = []
    for enc in ["sloppy-windows-1252"] + UTF8_READ_AS + _FTFY_PAGES:
        leads = set()
        for b in range(0xC2, 0xF0):
            try:
                leads.add(bytes([b]).decode(enc))
            except UnicodeDecodeError:
                continue
        out.append((enc, frozenset(leads)))
    return out


@lru_cache(maxsize=2)
def _lead_space(latin: bool) -> re.Pattern:
    """A letter some page shows a UTF-8 lead byte as, Latin or not, then a space."""
    leads = {c for _enc, page in _nbsp_leads() for c in page if c.isalpha() and (_script(c) == "LATIN") == latin}
    return re.compile("[" + "".join(sorted(map(re.escape, leads))) + "] ")


def _cjk_readings(raw: bytes) -> list[tuple[str, str]]:
    """(page, reading) for each CJK page that reads ``raw`` (not UTF-8) as
    CJK text: strictly, with mostly CJK characters among the non-ASCII ones.

    Only for bytes with at least as many high bytes as ASCII letters: CJK
    text is written in high bytes, a Latin line with a few accents is not.
    """
    if not _cjk_bytes(raw):
        return []
    out = []
    for enc in CJK_PAGES:
        try:
            cand = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if _cjk_reading(cand) and _reads_like_cjk(cand):
            out.append((enc, cand))
    return out


def _cjk_bytes(raw: bytes) -> bool:
    """Whether ``raw`` has enough high bytes to be CJK text: MIN_CJK_BYTES,
    and at least as many as ASCII letters."""
    n_high = len(raw) - len(raw.translate(None, _HIGH_BYTES))
    return n_high >= MIN_CJK_BYTES and n_high >= len(raw) - len(raw.translate(None, _ASCII_LETTERS))


def _reads_like_cjk(text: str) -> bool:
    """Enough CJK characters, and enough of them among the most frequent of
    Chinese, Japanese or Korean: real text is full of those (a quarter and
    more), the CJK reading of a soup of accented letters ("ßßßß" is "賽賽"
    in cp949) has few."""
    chars = [c for c in text if _is_cjk(c)]
    if len(chars) < MIN_SCRIPT_LETTERS or len(set(chars)) < MIN_DISTINCT:
        return False
    return sum(1 for c in chars if "top" in _cjk_class(c)) >= CJK_COMMON * len(chars)


def _cjk_reading(text: str) -> bool:
    """Whether ``text`` reads as CJK: most non-ASCII characters CJK, none a control."""
    wide = cjk = 0
    for c in text:
        if c >= "\x80":
            wide += 1
            if _is_cjk(c) or "\u3000" <= c <= "\u303f" or "\uff01" <= c <= "\uff5e":
                cjk += 1
            elif unicodedata.category(c)[0] == "C":
                return False
    return cjk >= CJK_SHARE * wide


def _utf8_elsewhere(text: str) -> list[tuple[str, str]]:
    """(code page, UTF-8 reading) for each page in which ``text`` turns back
    into strictly valid, non-ASCII UTF-8 (cheap: no scoring)."""
    m = _NONASCII.search(text)
    if m is None:
        return []
    # UTF-8 starts with a lead byte and a continuation byte: the first two
    # characters from the first non-ASCII one must be shown as those.
    first, second = text[m.start()], text[m.start() + 1 : m.start() + 2]
    out = []
    for enc, conts in _pages_by_lead().get(first, ()):
        if second not in conts:
            continue
        try:
            raw = text.encode(enc)
        except UnicodeEncodeError:
            continue
        if _is_utf8(raw):
            out.append((enc, raw.decode("utf-8")))
    return out


def _utf8_lead_pair(text: str) -> bool:
    """Whether the first two characters of ``text`` from its first non-ASCII
    one are what some page shows a UTF-8 lead byte and a continuation byte
    as: :func:`_utf8_elsewhere` finds nothing in a line without them."""
    m = _NONASCII.search(text)
    if m is None:
        return False
    conts = _lead_conts().get(text[m.start()])
    return conts is not None and text[m.start() + 1 : m.start() + 2] in conts


@lru_cache(maxsize=1)
def _lead_conts() -> dict[str, frozenset]:
    """Character -> the characters shown as continuation bytes by the pages
    that show a UTF-8 lead byte as that character."""
    return {ch: frozenset().union(*(conts for _enc, conts in pages)) for ch, pages in _pages_by_lead().items()}


@lru_cache(maxsize=1)
def _pages_by_lead() -> dict[str, list[tuple[str, frozenset]]]:
    """Character -> (page, the characters it shows continuation bytes as) for
    each page that shows a UTF-8 lead byte as that character, in the order of
    the pages."""
    out: dict[str, list[tuple[str, frozenset]]] = {}
    for enc, leads, conts in utf8_shapes():
        for ch in leads:
            out.setdefault(ch, []).append((enc, conts))
    return out


@lru_cache(maxsize=1)
def utf8_shapes() -> list[tuple[str, frozenset, frozenset]]:
    """(page, characters it shows UTF-8 lead bytes as, those it shows
    continuation bytes as) for each page UTF-8 gets read as (but cp1252/Latin-1)."""
    out = []
    for enc in UTF8_READ_AS + _FTFY_PAGES:
        leads, conts = set(), set()
        for b in range(0x80, 0x100):
            try:
                ch = bytes([b]).decode(enc)
                code = ch.encode(enc)[0]
            except UnicodeError:
                continue
            if 0xC2 <= code <= 0xF4:
                leads.add(ch)
            elif code <= 0xBF:
                conts.add(ch)
        out.append((enc, frozenset(leads), frozenset(conts)))
    return out


def _sources(text: str, raw: bytes, evidence: int, words: dict | None = None) -> list[str]:
    """The legacy code pages worth re-reading ``raw`` (``text`` as
    cp1252/Latin-1 bytes, not valid UTF-8) from: those whose reading could
    pass the tests of :func:`reread`.

    Decided from the set of non-ASCII characters and two counts, without
    decoding or scoring: a page must change some character; a reading into
    another script must have enough letters to outweigh the ASCII ones (it
    must be coherent); one that stays in the Latin script needs a sentence
    around it and a letter pair no language writes (:func:`_looks_misread`).
    """
    high = _high_chars(text)
    pages, other, letter = _candidate_pages(raw, evidence, high)
    out = []
    words = {} if words is None else words
    context = None  # whether the line is a sentence, asked once a Latin page shows a sign
    for i, enc in enumerate(_LEGACY):
        if not pages >> i & 1:
            continue
        if not other >> i & 1:
            if context is False or not letter >> i & 1:
                continue  # (no letter to misread: _looks_misread has nothing to judge)
            sign = _looks_misread(text, high & _readings()[enc].to_letter, enc, high, words)
            if not sign:
                continue
            if context is None:
                context = _has_context(text)
                if not context:
                    continue
            words.setdefault("signs", {})[enc] = sign
        out.append(enc)
    return out


def _candidate_pages(raw: bytes, evidence: int, high: set) -> tuple[int, int, int]:
    """(pages, other, letter): bit masks over :data:`_LEGACY` of the pages a
    re-reading of ``raw`` (the line's cp1252/Latin-1 bytes, ``high`` its set
    of non-ASCII characters) could come from, of those that would read some
    character as a letter of another script than Latin, and of those that
    would read some as another letter.  A page must change something and
    read every byte; a reading into another script must have enough letters
    to outweigh the ASCII ones (it must be coherent)."""
    changed = other = undefined = letter = 0
    for ch in high:
        c, o, u, to_letter = _page_bits(ch)
        changed |= c
        other |= o
        undefined |= u
        letter |= to_letter
    pages = changed & ~undefined
    if pages & other:
        # Not all Latin: coherent only with at least as many letters of the
        # other script, which come from non-ASCII characters only.
        n_high = len(raw) - len(raw.translate(None, _HIGH_BYTES))
        ascii_letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        if evidence < MIN_CHARS or n_high < max(ascii_letters, MIN_SCRIPT_LETTERS) or len(high) < MIN_DISTINCT:
            pages &= ~other
    return pages, other, letter


@lru_cache(maxsize=4096)
def _page_bits(ch: str) -> tuple[int, int, int, int]:
    """Bit masks over the legacy pages (:data:`_LEGACY`) that read the
    cp1252/Latin-1 character ``ch`` differently, as a letter of another script
    than Latin, not at all, and as another letter."""
    changed = other = undefined = letter = 0
    for i, enc in enumerate(_LEGACY):
        r = _readings()[enc]
        changed |= (ch in r.changed) << i
        other |= (ch in r.to_other) << i
        undefined |= (ch in r.undefined) << i
        letter |= (ch in r.to_letter) << i
    return changed, other, undefined, letter


class _Reading(NamedTuple):
    """What one legacy page makes of the cp1252/Latin-1 characters."""

    changed: frozenset  # read as another character
    to_letter: frozenset  # read as another letter
    to_other: frozenset  # read as a letter of another script than Latin
    undefined: frozenset  # their byte means nothing in the page


@lru_cache(maxsize=1)
def _readings() -> dict[str, _Reading]:
    """Per legacy page (:data:`_LEGACY`), its :class:`_Reading`."""
    out = {}
    for enc in _LEGACY:
        changed, to_letter, to_other, undefined = set(), set(), set(), set()
        for o, b in _to_bytes().items():
            ch = chr(o)
            try:
                c = bytes([b]).decode(enc)
            except UnicodeDecodeError:
                undefined.add(ch)
                continue
            if c != ch:
                changed.add(ch)
                if c.isalpha():
                    to_letter.add(ch)
            if c.isalpha() and _script(c) != "LATIN":
                to_other.add(ch)
        out[enc] = _Reading(frozenset(changed), frozenset(to_letter), frozenset(to_other), frozenset(undefined))
    return out


@lru_cache(maxsize=1)
def _latin_pairs() -> tuple[dict, dict]:
    """(letter pair (lower case, space for a word edge) or single letter -> bit
    mask of the languages that write it, language -> its bit), from
    cleaner/data/latin_bigrams.txt."""
    path = resources.files("cleaner") / "data" / "latin_bigrams.txt"
    bits: dict[str, int] = {}
    out = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line or line.startswith("#"):
            continue
        pair, langs = line.split("\t")
        mask = 0
        for lang in langs.split():
            mask |= bits.setdefault(lang, 1 << len(bits))
        out[pair] = mask
    return out, bits


def _looks_misread(text: str, chars: set, enc: str, high: set, words: dict) -> int:
    """Whether the characters in ``chars`` (those re-reading from ``enc`` would
    turn into other Latin letters) look misread where they stand.

    Either one sits in a letter pair that no language writes (misread Czech
    "Pøíliš", Turkish "Yaþlýlar", Polish "M³odzi"; not French "très", Spanish
    "año"); or no language writes all the line's non-ASCII letters as they
    stand, and one does as re-read (Turkish "Arýnç’ýn hükümetinin": ý with ç
    and ü); or the line's function words are more of a language that writes a
    re-read letter than of any that writes it as it stands (Romanian "anualã",
    ă misread, amid Romanian words; but "crème" in English stays, English
    writes no "č" either).  ``high`` is the set of the line's non-ASCII
    characters, ``words`` what its function words say and what else is known
    of the line, once computed (:func:`_function_words`, :func:`_contexts`,
    the languages that write its letters as they stand: shared by the pages
    tried on one line).

    Returns the kind of sign (TABLE_SIGN for the first two, WORDS_SIGN for
    the third) or 0.  The first two know only the languages of the
    letter-pair table: when the function words say the line is in another
    one (Icelandic "Loks er gert ráð fyrir": no profile writes "áð"), a
    reading on their sign alone is not taken (checked only for a reading about
    to be scored: stop words are the costly part).
    """
    if not chars:
        return 0  # every sign below is about a character that would change
    known, bits = _latin_pairs()
    contexts = _contexts(text, words)
    for ch in chars:
        low = ch.lower()
        alpha = ch.isalpha()
        for left, right in contexts[ch]:
            left, right = _pair_side(left, chars), _pair_side(right, chars)
            # A symbol standing alone ("© 2016") is no broken letter.
            if (alpha or left != " " or right != " ") and not (known.get(left + low) or known.get(low + right)):
                return TABLE_SIGN
    # The languages that write every non-ASCII letter of the line as it stands,
    # and as re-read: Turkish "Arýnç’ýn hükümetinin" is no language's as it
    # stands (ý with ç and ü), Turkish re-read ("Arınç’ın").
    if "as_is" not in words:
        as_is = -1
        for ch in high:
            if ch.isalpha():
                as_is &= known.get(ch, 0)
        words["as_is"] = as_is
    if not words["as_is"]:
        read_all = -1
        for ch in high:
            if ch.isalpha():
                read_all &= _writers(ch, enc) if ch in chars else known.get(ch, 0)
        if read_all:
            return TABLE_SIGN
    for ch in chars:
        if not ch.isalpha():
            continue  # symbols were judged by their pairs
        as_is, read = known.get(ch, 0), _writers(ch, enc)
        if not read:
            continue  # no language writes the re-read letter: both tests below ask for one
        # (the same two letter masks recur across the line's letters and the pages tried)
        told = words.setdefault("told", {})
        sign = told.get((as_is, read))
        if sign is None:
            sign = told[as_is, read] = _words_tell(_function_words(text, words), as_is, read, bits)
        if sign:
            return WORDS_SIGN
    return 0


def _words_tell(said: _FunctionWords, as_is: int, read: int, bits: dict) -> bool:
    """Whether a line's function words (``said``) point to a re-read letter
    written by the languages of mask ``read`` rather than the letter as it
    stands (mask ``as_is``): :func:`_looks_misread`'s third sign."""
    # Only languages with 2 hits or more can speak, and a rival with fewer
    # cannot outnumber them: both are looked for among those alone, the
    # most hits first (the line's language usually ends both loops at once).
    strong = said["strong_bits"]
    fits = 0
    for lang_bit, k in strong:
        if lang_bit & as_is:
            fits = k
            break
    for lang_bit, k in strong:
        if k <= fits:
            break
        if lang_bit & read & ~as_is:
            return True
    # The line's language writes both ("èas" and "čas" are both Slovene
    # letters, è in loanwords): only the score can tell.
    return bool(said["top"] and bits.get(said["top"], 0) & read & as_is)


TABLE_SIGN, WORDS_SIGN = 1, 2  # what made a line look misread (_looks_misread)

# A non-ASCII character and its two neighbours (the line is padded with a space).
_CONTEXT = re.compile(r"(?=(.)([^\x00-\x7f])(.))", re.S)


def _contexts(text: str, memo: dict) -> dict[str, list[tuple[str, str]]]:
    """Each non-ASCII character of ``text`` -> the distinct (left, right)
    neighbours it has, a space beyond the line's ends; computed once into
    ``memo`` (the pages tried on one line ask the same)."""
    out = memo.get("contexts")
    if out is None:
        out = {}
        for left, ch, right in set(_CONTEXT.findall(" " + text + " ")):
            out.setdefault(ch, []).append((left, right))
        memo["contexts"] = out
    return out


def _clear_top(hits) -> str:
    """The language with the most stop-word hits, at least two and more than
    any other's, or ''."""
    langs, most = top_languages(hits)
    return next(iter(langs)) if most >= 2 and len(langs) == 1 else ""


def _function_words(text: str, memo: dict) -> _FunctionWords:
    """What the function words of a line say, computed once into ``memo``:
    ``hits``, the stop-word hits per language; ``strong_bits``, (bit, hits) of
    those the letter-pair table has, with 2 hits or more, the most first;
    ``top``, the language they clearly name (:func:`_clear_top`), or '';
    ``unknown``, whether the whole
    words (misread ones break apart at their symbols, "M³odzi") name a
    language the letter-pair table lacks (Icelandic)."""
    return _FunctionWords(text, memo)


class _FunctionWords:
    """A view of one line's function words, each computed once into a memo."""

    def __init__(self, text: str, memo: dict):
        self.text, self.memo = text, memo

    def __getitem__(self, key: str):
        memo = self.memo
        if key not in memo:
            if key in ("hits", "top", "strong_bits"):
                memo["hits"] = hits = stopword_hits(folded_letter_runs(self.text))
                memo["top"] = _clear_top(hits)
                # (the hits of each language the letter-pair table has, with its bit, if 2 or more)
                bits = _latin_pairs()[1]
                strong = [(bits[lang], k) for lang, k in hits.items() if k >= 2 and bits.get(lang, 0)]
                memo["strong_bits"] = sorted(strong, key=lambda bit_hits: -bit_hits[1])
            else:
                whole = _clear_top(
                    stopword_hits(
                        w.strip(_EDGE_PUNCT).casefold() for w in self.text.split() if w.strip(_EDGE_PUNCT).isalpha()
                    )
                )
                memo["unknown"] = bool(whole) and whole not in _latin_pairs()[1]
        return memo[key]


def shows_misreading(text: str, enc: str) -> bool:
    """Whether some line of ``text`` (read as cp1252) shows a sign of being
    Latin text of the legacy page ``enc`` misread (:func:`_looks_misread`):
    a letter pair no language writes, letters no language writes together,
    or function words of a language that writes the re-read letter."""
    reading = _readings().get(enc)
    if reading is None:
        return True  # not a page the letter tests know: no say
    for line in text.split("\n"):
        high = _high_chars(line)
        chars = high & reading.to_letter
        words: dict = {}
        sign = chars and _looks_misread(line, chars, enc, high, words)
        if sign == WORDS_SIGN or sign == TABLE_SIGN and not _function_words(line, words)["unknown"]:
            return True
    return False


@lru_cache(maxsize=4096)
def _writers(ch: str, enc: str) -> int:
    """Bit mask of the languages that write what ``ch`` is when re-read from ``enc``."""
    return _latin_pairs()[0].get(bytes([_to_bytes()[ord(ch)]]).decode(enc), 0)


def _pair_side(c: str, chars: set) -> str:
    return c.lower() if c.isalpha() or c in chars else " "


def _utf8_read_elsewhere(text: str, readings: list, before: float, margin: float) -> tuple[str, str] | None:
    """UTF-8 read as a code page other than cp1252/Latin-1 and those ftfy
    undoes itself (KOI8 "п∙я│п╩п╦", DOS "╨Х╤Б╨╗╨╕", Mac Cyrillic "–Х—Б–ї–Є").

    Only when the whole line turns back into strictly valid UTF-8 with several
    multi-byte sequences, which correct text in those code pages does not do,
    and the UTF-8 reading is clearly more plausible.
    """
    best = None
    first = None  # score of the first (most common) code page that gives UTF-8
    for enc, cand in readings:
        mended = _latin(cand) and _mends_words(text, cand)
        if not mended and enc in _FTFY_PAGES:
            continue  # ftfy has judged these already
        # Evidence: the misread characters, as many as the UTF-8 bytes of the
        # reading's non-ASCII characters ("â€œ" is three, "Ã©" two), or, in
        # a sentence, broken characters that all read as whole ones ("┬┐que
        # diferencia hay?" is "¿que...", where "├┤a┼┐a" is line art).
        if (
            not _coherent(cand)
            or not mended
            and len(cand.encode("utf-8")) - len(cand) + _nonascii(cand) < MIN_CHARS
            and not _mends_broken(text, cand)
        ):
            continue
        if not _latin(cand) and _letters(cand, latin=False) < MIN_SCRIPT_LETTERS:
            continue
        if _latin(cand) and not _has_context(cand) and not mended:
            continue
        if mended:
            # Mended words are judged on their own, each in its best language:
            # "Für" in a Dutch sentence reads like German, not like Dutch.
            s, was = score(_foreign_words(cand)).value, score(_foreign_words(text)).value
        else:
            s, was = score(cand).value, before
        if not strong_utf8(cand) and (s <= BARELY or s <= was + margin) or s <= was:
            continue
        # The more common code page wins unless another reads clearly better
        # (a DOS page and its cousin differ in a letter or two: "├б" is "á"
        # in cp866, "â" in cp855; a lone word cannot tell two pages apart), or
        # as well with fewer capitals out of place (UTF-8 read as ISO-8859-2
        # re-read as cp1250 gives "În" for "în", "mÊrlege" for "mérlege").
        if first is None:
            first = (s, cand)
        elif not (
            s > first[0] + margin and not mended or s > first[0] - margin and case_breaks(cand) < case_breaks(first[1])
        ):
            continue
        if best is None or s > best[0] or best[1] == first[1]:
            best = (s, cand, enc)
    return (best[1], UTF8_AS + _page_name(best[2])) if best else None


def _mends_broken(text: str, cand: str) -> bool:
    """Whether a reading of a sentence leaves none of its broken characters
    (:class:`cleaner.plausibility.Score`'s ``broken``) and writes no letter
    that no language writes."""
    return (
        _has_context(cand)
        and score(text).broken > 0
        and not score(cand).broken
        and all(known_letter(c) for c in cand if c.isalpha() and not c.isascii())
    )


def strong_utf8(cand: str) -> bool:
    """Whether a UTF-8 reading has so many multi-byte sequences that chance
    cannot have made them: then it needs only to read better than the
    misreading, however badly the profiles know its language (Icelandic)."""
    return _nonascii(cand) >= STRONG_UTF8


def _foreign_words(text: str) -> str:
    """The words of ``text`` that hold a non-ASCII character."""
    return " ".join(w for w in text.split() if not w.isascii())


def _page_name(enc: str) -> str:
    return enc.replace("sloppy-windows-", "cp")


def _nonascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _mends_words(text: str, cand: str) -> bool:
    """Whether a UTF-8 re-reading only turns broken words into whole ones.

    Each multi-byte sequence must have looked broken where it stood
    (:func:`_looks_broken`: "Ã¥" in "Ã¥ngström", "Γµ" in "jΓµuetuna") and
    must become a letter of the same script and case as the letters it
    touches ("å", "õ"), so that even a single word needs no sentence around
    it.  Correct text that happens to be valid UTF-8 fails this: "NESTLÉ®"
    would give a lower-case "ɮ" after capitals, "SÓ…" a Cyrillic "Ӆ", "10 Å—"
    a letter that touches none, and "NICIODATĂ™" (a Romanian word and a
    trademark sign) shows nothing broken.
    """
    i = 0
    seen = False
    for j, ch in enumerate(cand):
        n = len(ch.encode("utf-8"))
        start, i = i, i + n
        if n == 1:
            continue
        if not ch.isalpha() or not known_letter(ch) or any(c.isspace() for c in text[start:i]):
            return False  # not a letter that some language writes ("ƪ", "ɮ", "ſ")
        if not _looks_broken(text, start, i):
            return False
        before, after = (cand[j - 1] if j else ""), (cand[j + 1] if j + 1 < len(cand) else "")
        near = [c for c in (before, after) if c.isalpha()]
        if not near and not ch.islower():
            return False  # a lone letter: a word of its own ("è", "å") is lower case
        for c in near:
            if _script(c) != _script(ch):
                return False
        # Its case fits the word: a capital among capitals, a small letter
        # before no capital ("Künstler", "ÜBER", not "zurÜck", "mÊrlege", "Òs").
        if (
            ch.isupper()
            and (before.islower() or after.islower())
            or ch.islower()
            and after.isupper()
            or not (ch.isupper() or ch.islower())
        ):
            return False
        seen = True
    return seen


def _looks_broken(text: str, start: int, stop: int) -> bool:
    """Whether ``text[start:stop]`` cannot be what was written there: a
    control or a combining mark, a symbol between two letters ("Ã¥k", "i√π"),
    or a letter of another script or case than the word it sits in ("jΓµu",
    "NicolÃ¡s").  Line art ("├┤a┼┐a") and a letter followed by a sign at the
    end of a word ("DATĂ™", "NESTLÉ®") are not."""
    outside = [c for c in (text[start - 1] if start else "", text[stop] if stop < len(text) else "") if c.isalpha()]
    for k in range(start, stop):
        c = text[k]
        cat = unicodedata.category(c)
        if cat[0] in "CM":
            return True
        if c.isalpha():
            if not outside and _script(c) != _main_script(text):
                return True  # a letter of another script standing alone ("ΓΆ'r" in Welsh)
            for w in outside:
                if _script(w) != _script(c) or (w.isupper() != c.isupper() and (w.islower() or w.isupper())):
                    return True
        elif 0 < k < len(text) - 1 and text[k - 1].isalpha() and text[k + 1].isalpha():
            return True
        elif cat == "Sk" and k and text[k - 1].isalpha():
            return True  # a spacing accent glued to a letter ("Γ¨", "أ¨")
    return False


def _main_script(text: str) -> str:
    counts = Counter(map(_script, _LETTER.findall(text)))
    return counts.most_common(1)[0][0] if counts else ""


def _is_utf8(raw: bytes) -> bool:
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _words_kept(text: str, cand: str) -> bool:
    """Whether a single-byte re-reading keeps what made ``text`` look like writing.

    Misread legacy text turns letters into letters ("Ïðèâåò" -> "Привет") or
    symbols into letters ("M³odzi" -> "Młodzi"); a reading that turns a letter
    into punctuation or an invisible ("últims" -> "๚ltims", "že" -> ZWJ + "e")
    is not the one.  And correct text in a language the plausibility profiles
    lack (Icelandic "því", "að") has words that stop-word lists know, which its
    misreading ("žvķ", "aš") has not: fewer known words means keep the text.
    """
    for a, b in zip(text, cand):
        if (
            a != b
            and a.isalpha()
            and a not in ORDINALS
            and not (b.isalpha() or unicodedata.category(b).startswith("M"))
        ):
            return False
    return known_words(_changed_words(cand, text)) >= known_words(_changed_words(text, cand))


def _changed_words(text: str, other: str) -> list[str]:
    """The words of ``text`` that differ in ``other`` (same length, char for
    char), where a word is a run of positions holding a letter or a mark in
    either: "òóìà÷å\x9cå" is one non-word, not "òóìà" and two Swedish "å".

    Only the runs around the positions that differ are walked: a re-reading
    changes a few characters of a long line."""
    a, b = text + " ", other + " "
    n = min(len(a), len(b))

    def in_word(i: int) -> bool:
        x, y = a[i], b[i]
        return x.isalpha() or y.isalpha() or not (x.isascii() and y.isascii()) and (_wordish(x) or _wordish(y))

    out = []
    end = 0
    for i in [i for i, (x, y) in enumerate(zip(a, b)) if x != y]:
        if i < end or not in_word(i):
            continue  # in the word just taken, or in no word
        start = i
        while start and in_word(start - 1):
            start -= 1
        end = i + 1
        while end < n and in_word(end):
            end += 1
        if end < n:  # (a word still open where the shorter one ends is not taken)
            out.append(text[start:end])
    return out


def _wordish(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch).startswith("M")


def _py_evidence(text: str, enough: int = 0) -> int:
    """Non-ASCII printable characters that are letters or touch a letter
    (counting stops at ``enough`` when given).

    Misread text shows them inside words ("Ïðèâåò", "M³odzi"); quotes and
    dashes standing alone ("“’“") are no evidence of anything.
    """
    n = 0
    last = len(text) - 1
    for m in _VISIBLE_HIGH.finditer(text):
        i = m.start()
        if m.group().isalpha() or (i and text[i - 1].isalpha()) or (i < last and text[i + 1].isalpha()):
            n += 1
            if n == enough:
                break
    return n


def _py_high_chars(text: str) -> set[str]:
    """The non-ASCII characters of ``text``."""
    return set(_NONASCII.findall(text))


def _py_in_range(text: str, low: int, high: int) -> bool:
    """Whether a character of ``text`` is one of ``low``..``high`` (code points)."""
    return high >= low and _range_pattern(low, high).search(text) is not None


@lru_cache(maxsize=64)
def _range_pattern(low: int, high: int) -> re.Pattern:
    # (asked on every suspect line: built once, not formatted and looked up each time)
    return re.compile(f"[{re.escape(chr(low))}-{re.escape(chr(high))}]")


# These scans have compiled twins (cleaner/_repair_scan.pyx).
_compiled = twin("_repair_scan")
_evidence = _compiled.evidence if _compiled is not None else _py_evidence
_high_chars = _compiled.high_chars if _compiled is not None else _py_high_chars
_in_range = _compiled.in_range if _compiled is not None else _py_in_range


def _writes_words(cand: str) -> bool:
    """Whether a reading into another script than Latin writes words: at
    least MIN_SCRIPT_WORDS of them, one of two letters or more, and no letter
    three times in a row ("ßßßßàç" is no Russian "ппппрч", "ççàààß" no Greek
    "ηηΰΰΰί", and six signs, "Ÿ Œ œ ‰ ‹ ›", are no "Я М Ь Й Л Ы")."""
    sizes = [sum(1 for c in w if c.isalpha() and _script(c) != "LATIN") for w in cand.split()]
    words = sum(1 for n in sizes if n)
    return words >= MIN_SCRIPT_WORDS and max(sizes, default=0) >= 2 and not _TRIPLE.search(cand)


_TRIPLE = re.compile(r"([^\W\d_])\1\1")


def _letters(text: str, latin: bool = True) -> int:
    if latin:
        return count_alpha(text) - sum(map(text.count, ORDINALS))
    return sum(1 for c in text if c.isalpha() and _script(c) != "LATIN")


def _has_context(text: str) -> bool:
    if _letters(text) < LATIN_CONTEXT[0]:
        return False
    n = 0
    for w in text.split():
        if any(map(str.isalpha, w)):
            n += 1
            if n == LATIN_CONTEXT[1]:
                return True
    return False


def _latin(text: str) -> bool:
    return all(_script(c) == "LATIN" for c in text if c.isalpha())


# Scripts written together as one writing system (Japanese mixes kanji and
# both kana; Korean may have hanja).
_WRITING_SYSTEM = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "HALFWIDTH": "CJK"}


def _coherent(text: str) -> bool:
    """Most letters in one script: a real re-reading of a whole line, not a
    few Latin capitals turned Cyrillic ("Ôôô VIDA" -> "Ффф VIDA")."""
    counts: dict[str, int] = {}
    for c, n in Counter(text).items():  # (each distinct character once)
        if c.isalpha():
            k = _script(c)
            k = _WRITING_SYSTEM.get(k, k)
            counts[k] = counts.get(k, 0) + n
    total = sum(counts.values())
    return (
        not total
        or max(counts.values()) >= MOST * total
        and (counts.get("LATIN", 0) == total or counts.get("LATIN", 0) <= MOST * total)
    )


def preferred(new: str, old: str, margin: float = CLEARLY) -> bool:
    """Whether ``new`` should replace ``old`` (two readings of one line): it
    reads clearly more like language, or as well with fewer capitals out of
    place (:func:`case_breaks`)."""
    a, b = score(new), score(old)
    if not b.grams:
        # ``old`` has nothing to judge (ASCII and punctuation: ftfy's cp1252
        # "tur’stico"): ``new`` must read like language, whole.
        return a.grams > 0 and a.value > PLAUSIBLE and not a.broken
    return a.value > b.value + margin or a.value > b.value - margin and case_breaks(new) < case_breaks(old)


def _breaks_words(cand: str, text: str) -> bool:
    """Whether a re-reading puts capitals inside words where ``text`` has
    none ("Práve\x8d" is no Slovak "PráveŤ")."""
    return case_breaks(cand, across_words=False) > case_breaks(text, across_words=False)


def case_breaks(text: str, across_words: bool = True) -> int:
    """Non-ASCII capitals right after a lower-case letter, in a word
    ("zurÜck", "PráveŤ") or, with ``across_words``, after a space ("lor
    În"): what a wrong page makes of a letter whose upper and lower case
    differ by one byte.  Inside a word it is a sign of its own; after a space
    it only weighs two readings of one line (names are capitals there too)."""
    n = 0
    prev = ""
    for c in text:
        if c.isspace():
            if not across_words:
                prev = ""
            continue
        if c.isupper() and not c.isascii() and prev.islower():
            n += 1
        prev = c
    return n


def reread_as(text: str, enc: str, lang: str = "") -> str | None:
    """``text`` re-read from ``enc`` when that reads at all better, else None.

    For the other lines of a document in which some line was clearly misread
    from ``enc``: a file is usually misread as a whole, so a line with only a
    letter or two to change ("Radèice", "kmΒ²") needs no wide margin, and both
    readings are judged in the document's language ``lang`` when given
    (Lithuanian "mylëti" reads as Albanian on its own).  ``enc`` is a legacy
    page (misread as cp1252/Latin-1) or "utf-8 read as <page>".
    """
    raw: bytes | None
    if enc.startswith(UTF8_AS):
        page = enc[len(UTF8_AS) :]
        try:
            raw = text.encode(_sloppy(page))
            cand = raw.decode("utf-8") if not raw.isascii() else text
        except UnicodeError:
            return None
        if cand == text or not _coherent(cand):
            return None
    else:
        raw = misread_bytes(text)
        if raw is None or raw.isascii():
            return None
        try:
            cand = raw.decode(enc)
        except UnicodeDecodeError:
            return None
        if enc in CJK_PAGES:
            if not _cjk_reading(cand):
                return None
        elif cand == text or not _coherent(cand) or _letters(cand) < _letters(text):
            return None
        if enc not in CJK_PAGES and (
            not _words_kept(text, cand) or _latin(cand) and not _has_context(text) or _breaks_words(cand, text)
        ):
            return None
    return cand if reads_better(cand, text, lang) else None


def reads_better(new: str, old: str, lang: str = "") -> bool:
    """Whether ``new`` reads like language at all and better than ``old``, in
    the language ``lang`` or each in its own best one (a German word in a
    Dutch document reads better as German)."""
    for tongue in dict.fromkeys((lang, "")):
        s = score(new, tongue).value
        if s > BARELY and s > score(old, tongue).value:
            return True
    return False


def _sloppy(page: str) -> str:
    return "sloppy-windows-" + page[2:] if page.startswith("cp125") else page
