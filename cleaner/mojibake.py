"""Legacy code-page text that was read as Windows-1252 or Latin-1.

"Ïðèâåò" is Russian in cp1251 read as cp1252; "Yaþlýlar" is Turkish in cp1254;
"ùìåí" is Hebrew in cp1255.  ftfy only undoes misread UTF-8, so these need their
own step: turn the characters back into the bytes they were read from, decode
those bytes with each legacy code page, and keep the reading that the
plausibility score (cleaner.plausibility) likes clearly better.
"""
from __future__ import annotations

from functools import lru_cache

from cleaner.plausibility import score

# Code pages whose text is commonly misread as Windows-1252/Latin-1; the earlier
# one wins a tie.
SOURCES = [
    "utf-8", "cp1251", "koi8-r", "koi8-u", "cp1253", "cp1255", "cp1256", "cp1254", "cp1250",
    "cp1257", "cp874", "iso8859-5", "iso8859-7", "iso8859-8", "iso8859-2", "cp866",
]
# Below this a line reads like no language, and is worth trying to re-read.
SUSPICIOUS = -9.0
MARGIN = 1.5  # how much clearer a re-reading must be


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


def reread(text: str, margin: float = MARGIN) -> tuple[str, str] | None:
    """(re-read text, code page) when ``text`` is clearly a legacy code page
    misread as cp1252/Latin-1; None when it is fine as it is."""
    # Misread letters come out as letters (Ï, ð, þ); a line whose only non-ASCII
    # characters are controls or symbols has nothing to re-read.
    if sum(1 for ch in text if ch >= "\x80" and ch.isalpha()) < 2:
        return None
    raw = misread_bytes(text)
    if raw is None:
        return None
    before = score(text)
    if before.grams and before.value > SUSPICIOUS:
        return None
    best = None
    for enc in SOURCES:
        try:
            cand = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if cand == text:
            continue
        s = score(cand)
        if best is None or s.value > best[0]:
            best = (s.value, cand, enc)
    if best and best[0] > before.value + margin:
        if best[2] == "utf-8":
            # Misread twice or more?  Peel layers while each one reads better.
            again = reread(best[1], margin)
            if again is not None and again[1] == "utf-8":
                return again
        return best[1], best[2]
    return None


def clearly_better(new: str, old: str, margin: float = MARGIN) -> bool:
    """Whether ``new`` reads clearly more like language than ``old``."""
    return score(new).value > score(old).value + margin
