"""Legacy code-page text that was read as Windows-1252 or Latin-1.

"Ïðèâåò" is Russian in cp1251 read as cp1252; "Yaþlýlar" is Turkish in cp1254;
"ùìåí" is Hebrew in cp1255.  ftfy only undoes misread UTF-8, so these need their
own step: turn the characters back into the bytes they were read from, decode
those bytes with each legacy code page, and keep the reading that the
plausibility score (cleaner.plausibility) likes clearly better.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from cleaner.plausibility import _MAX_CHARS, _norm, _script, score

# Code pages whose text is commonly misread as Windows-1252/Latin-1; the earlier
# one wins a tie.
SOURCES = [
    "utf-8", "cp1251", "koi8-r", "koi8-u", "cp1253", "cp1255", "cp1256", "cp1254", "cp1250",
    "cp874", "iso8859-5", "iso8859-7", "iso8859-8", "iso8859-2", "cp866", "cp1257",
]
# cp1257 needs a wide margin: without an Icelandic profile, correct Icelandic
# ("því", +1.7) reads a little better as Baltic ("žvķ"); real Baltic mojibake
# ("Bîskaps" -> "Bīskaps") gains 6-8.
ENC_MARGIN = {"cp1257": 3.0}
# A re-reading that stays in Latin script changes a few letters only, so its
# score moves less; one that changes script must turn most letters over.
LATIN_MARGIN = 0.5
# Below this a line reads like no language, and is worth trying to re-read.
SUSPICIOUS = -7.0
MARGIN = 1.5  # how much clearer a re-reading must be
PLAUSIBLE = -12.0  # a re-reading must read like some text, not just less badly
LATIN_CONTEXT = (12, 3)  # letters, words: a Latin re-reading changes a letter or
# two, which only a sentence around them can vouch for ("èAè" stays)
MIN_CHARS = 3  # fewer misread characters than this are no evidence ("“" is not "У")
MIN_SCRIPT_LETTERS = 6  # a new script needs a few words' worth ("ßß" is not "كك")


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


@lru_cache(maxsize=1)
def _to_bytes_table() -> dict:
    """:func:`_to_bytes` as a ``str.translate`` table onto Latin-1 characters."""
    return {o: b for o, b in _to_bytes().items() if o != b}


def misread_bytes(text: str) -> bytes | None:
    """The bytes ``text`` was read from as cp1252/Latin-1, or None if it cannot have been."""
    # Every character up to U+00FF is its own byte; the cp1252 extras (€, “, Ž…)
    # map back to 0x80-0x9F; anything else left over cannot have been one byte.
    try:
        return text.translate(_to_bytes_table()).encode("latin-1")
    except UnicodeEncodeError:
        return None


def reread(text: str, margin: float = MARGIN) -> tuple[str, str] | None:
    """(re-read text, code page) when ``text`` is clearly a legacy code page
    misread as cp1252/Latin-1; None when it is fine as it is."""
    # A line whose only non-ASCII characters are C1 controls (junk) has nothing
    # to re-read: misread text shows printable Latin-1 (Ï, ð, ³, ¿).
    evidence = _evidence(text)
    if not evidence:
        return None
    raw = misread_bytes(text)
    if raw is None:
        return None
    if margin > 0 and all(_norm(c) == "" for c in set("".join(_NON_ASCII.findall(text[:_MAX_CHARS])))):
        # Only apostrophes (’) and joiners: the line scores 0 (nothing to judge)
        # and no reading can beat that by a positive margin.
        return None
    # The cheap tests of each reading first: scoring the line itself is only
    # worth it when some reading passes them (the answer is the same).
    # The source's letters were letters: a reading that turns letters into
    # symbols ("ßß" -> "฿฿") is not the one.
    ascii_letters = _ascii_letters(text)
    letters = ascii_letters + sum(_script_letters(text, 0).values())
    context = None
    cands = []
    for enc in SOURCES:
        try:
            cand = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if cand == text:
            continue
        by_script = _script_letters(cand, ascii_letters)
        total = sum(by_script.values())
        latin = by_script.get("LATIN", 0) == total
        if not _coherent_counts(by_script) or total < 0.8 * letters:
            continue
        if not latin and (evidence < MIN_CHARS or total - by_script.get("LATIN", 0) < MIN_SCRIPT_LETTERS):
            continue
        if latin:
            if context is None:
                context = _has_context(text)
            if not context:
                continue
        if enc == "utf-8" and evidence < MIN_CHARS:
            continue  # ftfy judges short UTF-8 mojibake better ("VOCÊ…" stays)
        need = ENC_MARGIN.get(enc, LATIN_MARGIN if latin and enc != "utf-8" else margin)
        cands.append((enc, cand, need))
    if not cands:
        return None
    before = score(text)
    if before.grams and before.value > SUSPICIOUS:
        return None
    scored: dict[str, float] = {}  # code pages often agree on a reading
    best = None
    for enc, cand, need in cands:
        if before.value + need >= 0.0:
            # Scores are average log-probabilities, never above 0: no reading can
            # clear this bar (English with curly quotes has nothing to judge).
            continue
        value = scored.get(cand)
        if value is None:
            value = scored[cand] = score(cand).value
        if value > PLAUSIBLE and value > before.value + need and (best is None or value > best[0]):
            best = (value, cand, enc)
            if enc == "utf-8":
                # Bytes that are strictly valid UTF-8 with several multi-byte
                # sequences are UTF-8: chance does not produce that.
                break
    if best:
        if best[2] == "utf-8":
            # Misread twice or more?  Peel layers while each one reads better.
            again = reread(best[1], margin)
            if again is not None and again[1] == "utf-8":
                return again
        return best[1], best[2]
    return None


def _evidence(text: str) -> int:
    """Non-ASCII printable characters that are letters or touch a letter.

    Misread text shows them inside words ("Ïðèâåò", "M³odzi"); quotes and
    dashes standing alone ("“’“") are no evidence of anything.
    """
    n = 0
    for i, ch in enumerate(text):
        if ch >= "\xa0" and not ch.isspace():
            if ch.isalpha() or (i and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha()):
                n += 1
    return n


def _letters(text: str, latin: bool = True) -> int:
    return sum(1 for c in text if c.isalpha() and (latin or _script(c) != "LATIN"))


def _has_context(text: str) -> bool:
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return _letters(text) >= LATIN_CONTEXT[0] and len(words) >= LATIN_CONTEXT[1]


def _latin(text: str) -> bool:
    return all(_script(c) == "LATIN" for c in text if c.isalpha())


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _ascii_letters(text: str) -> int:
    return len(_ASCII_LETTER.findall(text))


def _script_letters(text: str, ascii_letters: int | None = None) -> dict[str, int]:
    """Letters of ``text`` by script (see :func:`cleaner.plausibility._script`).

    ``ascii_letters``: the count of ASCII letters when already known (the
    re-readings of one line share its ASCII); 0 counts only the others.
    """
    if ascii_letters is None:
        ascii_letters = _ascii_letters(text)
    counts = Counter(map(_script, filter(str.isalpha, "".join(_NON_ASCII.findall(text)))))
    if ascii_letters:
        counts["LATIN"] += ascii_letters
    return counts


def _coherent(text: str) -> bool:
    """Most letters in one script: a real re-reading of a whole line, not a
    few Latin capitals turned Cyrillic ("Ôôô VIDA" -> "Ффф VIDA")."""
    return _coherent_counts(_script_letters(text))


def _coherent_counts(counts: dict[str, int]) -> bool:
    total = sum(counts.values())
    return not total or max(counts.values()) >= 0.5 * total and (
        counts.get("LATIN", 0) == total or counts.get("LATIN", 0) <= 0.5 * total)


def clearly_better(new: str, old: str, margin: float = MARGIN) -> bool:
    """Whether ``new`` reads clearly more like language than ``old``."""
    return score(new).value > score(old).value + margin


def reread_as(text: str, enc: str) -> str | None:
    """``text`` re-read from ``enc`` when that reads at all better, else None.

    For the other lines of a document in which some line was clearly misread
    from ``enc``: a file is usually misread as a whole, so a line with only a
    letter or two to change ("Radèice") needs no wide margin.
    """
    raw = misread_bytes(text)
    if raw is None or raw.isascii():
        return None
    try:
        cand = raw.decode(enc)
    except UnicodeDecodeError:
        return None
    if cand == text or not _coherent(cand) or _letters(cand) < _letters(text):
        return None
    if _latin(cand) and not _has_context(text):
        return None
    s = score(cand).value
    return cand if s > PLAUSIBLE and s > score(text).value else None
