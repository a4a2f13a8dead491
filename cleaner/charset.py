"""Choose the legacy code page of bytes that are not UTF-8.

charset-normalizer proposes candidates (a core dependency), a fixed list of the
code pages that real files use adds the ones it misses, and the plausibility
score (cleaner.plausibility) votes: the decoding that reads most like some
language wins.  Russian in cp1251 then reads as Russian, not as KOI8 gibberish,
and Catalan in cp1252 is not taken for cp1250.  Measured on the repair corpus,
the detectors' own first choice is right for 0.72 (charset-normalizer) and
0.95 (chardet) of legacy files; the vote gets more (bench/repair_eval.py
--detectors).

Files whose lines mix UTF-8 and a legacy code page are decoded line by line:
UTF-8 where a line is valid UTF-8, the voted code page elsewhere.
"""
from __future__ import annotations

import codecs
from functools import lru_cache

from cleaner.plausibility import score

# Code pages real files come in, most common first within each script; ties in
# the vote go to the earlier one.
COMMON = [
    "cp1252", "cp1250", "cp1251", "koi8-r", "koi8-u", "cp1253", "cp1254", "cp1255",
    "cp1256", "cp1257", "cp1258", "cp874", "iso8859-2", "iso8859-5", "iso8859-6",
    "iso8859-7", "iso8859-8", "iso8859-9", "iso8859-13", "iso8859-15", "cp866",
    "mac-roman", "shift_jis", "cp932", "euc-jp", "iso2022_jp", "gb18030", "big5",
    "big5hkscs", "euc-kr", "cp949", "latin-1",
]
_SAMPLE = 4000  # characters scored per candidate; enough to tell code pages apart
_MAX_CN = 200_000  # bytes given to charset-normalizer (it is slow on big inputs)


@lru_cache(maxsize=256)
def _canon(enc: str) -> str:
    try:
        return codecs.lookup(enc).name
    except LookupError:
        return enc


def candidates(data: bytes) -> list[str]:
    """Encodings worth trying for ``data``: the detector's, then the common list."""
    out = []
    try:
        from charset_normalizer import from_bytes

        out = [m.encoding for m in from_bytes(data[:_MAX_CN])][:4]
    except Exception:  # the detector is a hint; the fixed list still works without it
        out = []
    seen, result = set(), []
    for enc in out + COMMON:
        c = _canon(enc)
        if c not in seen and not c.startswith("utf"):
            seen.add(c)
            result.append(enc)
    if len(data) % 2 == 0:
        result += ["utf-16-le", "utf-16-be"]
    return result


def detect(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for non-UTF-8 ``data`` by plausibility vote, or None."""
    best = None
    tried = {}
    for rank, enc in enumerate(candidates(data)):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if text in tried:  # same text as an earlier (preferred) code page
            continue
        s = score(text[:_SAMPLE])
        tried[text] = enc
        # A control character other than whitespace means this code page
        # left bytes undecoded; count it against the candidate.
        ctrl = sum(1 for ch in text[:_SAMPLE] if (ch < " " and ch not in "\t\n\r\f")
                   or "\x7f" <= ch <= "\x9f")
        key = s.value - 20.0 * ctrl / max(1, min(len(text), _SAMPLE)) - _prior(enc)
        if best is None or key > best[0] + 1e-9:
            best = (key, text, enc)
    return (best[1], _name(best[2])) if best else None


def decode_lines(data: bytes) -> tuple[str, str] | None:
    """Decode a file whose lines mix UTF-8 and one legacy code page.

    Returns None when no non-ASCII line is valid UTF-8 (then the file is simply
    legacy and ``detect`` should judge it whole).
    """
    lines = data.splitlines(keepends=True)
    utf8_lines = 0
    bad = []
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_lines += 1
        except UnicodeDecodeError:
            bad.append(line)
    if not utf8_lines or not bad:
        return None
    found = detect(b"".join(bad))
    if found is None:
        return None
    enc = found[1]
    out = []
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode(enc, errors="replace"))
    return "".join(out), "utf-8+" + enc


@lru_cache(maxsize=256)
def _prior(enc: str) -> float:
    """A small handicap for rarer code pages, so near-ties go to the common one."""
    common = [_canon(e) for e in COMMON]
    c = _canon(enc)
    if c.startswith("utf"):
        # UTF-16 without a single NUL byte means no ASCII at all, not even a
        # space or line break: possible for CJK, otherwise unlikely.
        return 3.0
    return 0.05 * common.index(c) if c in common else 2.0


def _name(enc: str) -> str:
    return _canon(enc).replace("_", "-")
