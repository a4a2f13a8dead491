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

from cleaner.markers import letter_runs
from cleaner.plausibility import SAME, WIDELY, score
from cleaner.stopwords import known_words

# Code pages real files come in, most common first within each script; ties in
# the vote go to the earlier one.
COMMON = [
    "cp1252",
    "cp1250",
    "cp1251",
    "koi8-r",
    "koi8-u",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
    "cp874",
    "iso8859-2",
    "iso8859-5",
    "iso8859-6",
    "iso8859-7",
    "iso8859-8",
    "iso8859-9",
    "iso8859-13",
    "iso8859-15",
    "cp866",
    "mac-roman",
    "shift_jis",
    "cp932",
    "euc-jp",
    "iso2022_jp",
    "gb18030",
    "big5",
    "big5hkscs",
    "euc-kr",
    "cp949",
    "latin-1",
]
_SAMPLE = 4000  # characters scored per candidate; enough to tell code pages apart
_MAX_CN = 200_000  # bytes given to charset-normalizer (it is slow on big inputs)
DETECTOR_CHOICES = 4  # of charset-normalizer's candidates, the first ones tried
# Handicaps on the plausibility scale (cleaner.plausibility), so that near-ties
# go to the common page: per rank in COMMON, and for a page not in it.
RANK_COST = 0.05
UNLISTED_COST = 2.0
CONTROL_COST = 20.0  # score lost when every character of a reading is a control
CLOSE = SAME  # readings this close to the best are judged again where they differ
# The share of a reading's words that are some language's function words
# counts this much: the right reading keeps "hún" and "því" where Baltic
# "hśn", "žvķ" (which the profiles like better, having no Icelandic) has none.
FUNCTION_WORDS = 3.0


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

        out = [m.encoding for m in from_bytes(data[:_MAX_CN])][:DETECTOR_CHOICES]
    except Exception:  # noqa: BLE001 (the detector is a hint; the fixed list still works without it)
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


# The single-byte and CJK encodings a web browser decodes pages in (the WHATWG
# Encoding Standard's, by codec name): no DOS console page (cp437, cp850, cp775)
# is among them, so a page is never read as one.
WEB_ENCODINGS = frozenset(
    codecs.lookup(e).name
    for e in (
        "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8",
        "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "mac-roman",
        "mac-cyrillic", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
        "cp1258", "gbk", "gb18030", "big5", "euc-jp", "iso2022_jp", "shift_jis", "cp932", "euc-kr", "cp949",
        "latin-1", "utf-16-le", "utf-16-be",
    )
)  # fmt: skip


def detect(data: bytes, allowed: frozenset[str] | None = None) -> tuple[str, str] | None:
    """(text, encoding) for non-UTF-8 ``data`` by plausibility vote, or None.

    Each reading is judged on its first ``_SAMPLE`` characters; then the close
    ones again, on the lines where they differ (:func:`_samples`).  ``allowed``
    (codec names, e.g. :data:`WEB_ENCODINGS`) limits the candidates."""
    tried: dict[str, str] = {}
    for enc in candidates(data):
        if allowed is not None and _canon(enc) not in allowed:
            continue
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        # The same text from two pages (German reads alike in cp1252 and cp1250):
        # it is named after the commoner page, whatever order the detector gave.
        if text not in tried or _prior(enc) < _prior(tried[text]):
            tried[text] = enc
    if not tried:
        return None
    keys = {text: _key(text[:_SAMPLE], enc) for text, enc in tried.items()}
    best = max(keys.values())
    close = [t for t in tried if keys[t] > best - CLOSE]
    samples = _samples(close, len(data))
    for text in samples:
        keys[text] = _key(samples[text], tried[text])
    winner = close[0]  # (the best is close to itself)
    for text in close[1:]:  # in the order of the pages: ties go to the earlier one
        if keys[text] > keys[winner] + 1e-9:
            winner = text
    western = next((t for t, e in tried.items() if _canon(e) == "cp1252"), None)
    if western is not None and winner != western and _latin_misreading(western, tried[winner]) is False:
        # Another Latin page reads better, but the cp1252 reading shows no
        # sign of being misread: the profiles lack some languages (Icelandic
        # "ráð" reads "better" as Baltic "rįš").
        winner = western
    return winner, _name(tried[winner])


def _latin_misreading(western: str, enc: str) -> bool | None:
    """Whether the cp1252 reading ``western`` shows signs of being the Latin
    page ``enc`` misread (None when ``enc`` is no Latin page)."""
    from cleaner import mojibake

    if _canon(enc) not in (_canon(p) for p in mojibake.LATIN_PAGES):
        return None
    return mojibake.shows_misreading(western, _canon(enc).replace("_", "-"))


def _key(sample: str, enc: str) -> float:
    """How well a reading reads: its plausibility, less its undecoded bytes
    (a control character other than whitespace: the page left a byte
    unread) and the rarity of its page."""
    ctrl = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f") or "\x7f" <= ch <= "\x9f")
    words = letter_runs(sample)
    known = known_words(words) / len(words) if words else 0.0
    return score(sample).value - CONTROL_COST * ctrl / max(1, len(sample)) - _prior(enc) + FUNCTION_WORDS * known


def _samples(texts: list[str], n: int) -> dict[str, str]:
    """What to score of each single-byte reading (one character per byte, ``n``
    of them): the lines where the readings differ, as far as ``_SAMPLE``
    characters go.  Where they agree there is no evidence, and a long file
    whose pages differ in one letter ("Ježka" in ISO-8859-2, "Jeľka" in
    cp1250) would otherwise be judged on its first lines only, alike; whole
    lines, for the words around a letter say which language it is in."""
    single = [t for t in texts if len(t) == n]
    if len(single) < 2:
        return {}
    first = single[0]
    spans = []
    total = 0
    start = 0
    while start < n and total < _SAMPLE:
        end = first.find("\n", start)
        end = n if end < 0 else end
        if any(t[start:end] != first[start:end] for t in single[1:]):
            spans.append((start, end))
            total += end - start + 1
        start = end + 1
    return {t: "\n".join(t[lo:hi] for lo, hi in spans) for t in single} if spans else {}


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
        return WIDELY
    return RANK_COST * common.index(c) if c in common else UNLISTED_COST


def _name(enc: str) -> str:
    return _canon(enc).replace("_", "-")
