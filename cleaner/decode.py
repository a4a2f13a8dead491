"""Bytes to text: BOM, strict UTF-8, UTF-16/32 by NUL pattern, then a detector.

Valid UTF-8 is never second-guessed (a legacy code page that happens to decode
the same bytes is far less likely than UTF-8 that is simply valid), except for
7-bit ISO-2022 with its escape sequences (Japanese mail).  After
that: UTF-16/32 without a BOM by where the NUL bytes fall; files whose lines
mix UTF-8 and a legacy code page, line by line; then charset-normalizer's
candidates and the common code pages, voted on by plausibility
(cleaner.charset) -- which also catches BOM-less UTF-16 of CJK text, which has
no NUL bytes at all.  ``Decoded.encoding`` names what was used
("utf-8+cp1251" for a mixed file).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# A stray NUL or two in UTF-8 text (at most one per this many bytes) is junk
# for repair to remove; more means UTF-16/32 or binary.
STRAY_NULS, STRAY_NUL_EVERY = 2, 1000
SAMPLE = 4000  # characters of a reading that are scored
SAMPLE_BYTES = 4096  # bytes (or characters) looked at to tell a format
MIN_WIDE = 8  # bytes: two UTF-32 characters, the least that shows NUL lanes
# Shares of a NUL lane: UTF-32 keeps its top bytes zero, UTF-16 its ASCII's.
ALWAYS, HALF, RARELY = 0.95, 0.5, 0.1
# More symbols than this (at least FEW_SYMBOLS) is no reading of text, but
# what koi8/cp866 make of random bytes: one character in SYMBOL_SHARE.
FEW_SYMBOLS, SYMBOL_SHARE = 8, 4
# More controls than this (at least FEW_CONTROLS) is binary: one character in CONTROL_SHARE.
FEW_CONTROLS, CONTROL_SHARE = 2, 10


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can name (binary data)."""


@dataclass
class Decoded:
    text: str
    encoding: str


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def decode(data: bytes) -> Decoded:
    """Decode ``data`` and say which encoding did it.

    >>> decode("Grüße".encode("utf-8"))
    Decoded(text='Grüße', encoding='utf-8')
    >>> decode("Привет, мир! Как дела?".encode("cp1251")).text
    'Привет, мир! Как дела?'
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(enc), enc + "-bom" if enc == "utf-8" else enc)
            except UnicodeDecodeError:
                break  # a BOM followed by garbage: let the detector judge
    kind = _binary_kind(data)
    if kind:
        raise DecodeError(f"binary data ({kind}), not text")
    nuls = data.count(0)
    if nuls:
        # Text has no NUL bytes -- except UTF-16/32, whose ASCII is also valid
        # UTF-8 (b"D\x00i\x00e\x00"), so this must be settled before UTF-8;
        # a stray NUL or two in UTF-8 text is junk for repair to remove.
        if nuls <= max(STRAY_NULS, len(data) // STRAY_NUL_EVERY):
            try:
                return Decoded(data.decode("utf-8"), "utf-8")
            except UnicodeDecodeError:
                pass
        return _wide_or_binary(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _iso2022(data) or Decoded(text, "utf-8")
    from .charset import decode_lines

    mixed = decode_lines(data)
    if mixed is not None:
        return Decoded(*mixed)
    return _detect(data)


# ISO-2022 switches character sets with escape sequences inside 7-bit bytes,
# which are also valid UTF-8: ESC $ B / ESC $ @ (JIS X 0208), ESC $ A (GB2312),
# ESC $ ( C / ESC $ ) C (KS X 1001), ESC ( J (JIS Roman).  Terminal colours
# ("ESC [31m") are none of these.
_ISO2022_ESCAPE = re.compile(rb"\x1b(?:\$[@AB]|\$[()][CD]|\([BJI])")
ISO2022_PAGES = ["iso2022_jp", "iso2022_jp_2", "iso2022_kr", "iso2022_jp_ext"]


def _iso2022(data: bytes) -> Decoded | None:
    """ISO-2022 text (Japanese mail, old Korean pages), when 7-bit ``data`` has
    its escape sequences and one of its decoders reads it all."""
    if not data.isascii() or not _ISO2022_ESCAPE.search(data):
        return None
    for enc in ISO2022_PAGES:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x1b" not in text:
            return Decoded(text, enc.replace("_", "-"))
    return None


def _wide_or_binary(data: bytes) -> Decoded:
    """Bytes with NULs: UTF-16/32 by the NUL lanes, or by plausibility, or binary."""
    wide = _utf16_32_by_nuls(data)
    if wide:
        try:
            return Decoded(data.decode(wide), wide)
        except UnicodeDecodeError:
            pass
    # CJK in UTF-16 has NULs only where ASCII is (spaces, digits): too few for
    # the lanes.  Let the plausibility score judge the readings that decode.
    from .plausibility import TEXT, score

    best = None
    for enc in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _mostly_controls(text):
            continue
        s = score(text[:SAMPLE]).value
        if best is None or s > best[0]:
            best = (s, text, enc)
    if best is not None and best[0] > TEXT:
        return Decoded(best[1], best[2])
    raise DecodeError("binary data (NUL bytes), not text")


# Formats whose first bytes can never start a text file.
_MAGIC = [
    (b"\x1f\x8b", "gzip; name it .gz to read it"),
    (b"\x28\xb5\x2f\xfd", "zstd; name it .zst to read it"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "zip archive"),
    (b"%PDF-", "PDF"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"RIFF", "RIFF audio/video"),
    (b"\x00\x00\x00\x18ftyp", "MP4"),
    (b"\x00\x00\x00\x20ftyp", "MP4"),
]


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            # bzip2/RIFF/GIF/PDF magic is printable: only trust it when the rest is not UTF-8 text.
            if magic[:1].isalpha() or magic.startswith(b"%"):
                try:
                    data[:4096].decode("utf-8")
                    continue
                except UnicodeDecodeError:
                    pass
            return kind
    return None


def _utf16_32_by_nuls(data: bytes) -> str | None:
    """Guess UTF-16/32 without a BOM from where the NUL bytes fall.

    Text in those encodings has NULs in fixed byte lanes (ASCII in UTF-16-LE is
    ``x\\0x\\0``); binary data scatters them.
    """
    n = len(data) - len(data) % 4
    if n < MIN_WIDE:
        return None
    sample = data[: min(n, SAMPLE_BYTES)]
    lanes = [sample[i::4].count(0) / (len(sample) // 4) for i in range(4)]
    # UTF-32 keeps its top two bytes zero outside the rare astral planes.
    if lanes[2] > ALWAYS and lanes[3] > ALWAYS and lanes[0] < HALF:
        return "utf-32-le"
    if lanes[0] > ALWAYS and lanes[1] > ALWAYS and lanes[3] < HALF:
        return "utf-32-be"
    even = (lanes[0] + lanes[2]) / 2
    odd = (lanes[1] + lanes[3]) / 2
    if odd > HALF and even < RARELY:
        return "utf-16-le"
    if even > HALF and odd < RARELY:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> Decoded:
    from .charset import detect

    found = detect(data)
    if found is None:
        raise DecodeError("undecodable bytes: not UTF-8 and no known code page fits")
    text, enc = found
    if _mostly_controls(text):
        raise DecodeError("binary data, not text")
    if _mostly_symbols(text):
        # Every byte means something in koi8/cp866, so random bytes "decode" to
        # box drawing and math signs: that is no reading of text.
        raise DecodeError("undecodable bytes: not UTF-8 and no known code page fits")
    return Decoded(text, enc)


def _mostly_symbols(text: str) -> bool:
    import unicodedata

    sample = [ch for ch in text[:SAMPLE_BYTES] if not ch.isspace()]
    odd = sum(1 for ch in sample if unicodedata.category(ch) in ("So", "Sm", "Sk", "Co", "Cn"))
    return odd > max(FEW_SYMBOLS, len(sample) // SYMBOL_SHARE)


def _mostly_controls(text: str) -> bool:
    sample = text[:SAMPLE_BYTES]
    bad = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f") or "\x7f" <= ch <= "\x9f")
    return bad > max(FEW_CONTROLS, len(sample) // CONTROL_SHARE)
