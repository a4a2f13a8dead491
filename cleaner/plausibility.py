"""How plausible is a piece of text as human writing?  Used to vote between decodings.

Mojibake and wrong code pages produce character sequences that no language uses
("Ïðèâåò", "Ã©tÃ©", "ùìåí").  We score text by the average log-probability of
its character 1-3-grams under the best-fitting language profile of langdetect
(already a core dependency: 55 languages, no extra data), counting only grams
that touch a non-ASCII character: ASCII is identical under every decoding we
compare, so it carries no evidence and would only dilute the signal.
Symbols, controls, private-use and unassigned characters inside the text are
mapped to a marker no profile contains, so each costs the unseen-gram floor.

Scores are comparable between candidate decodings of the same bytes or
candidate repairs of the same line: higher is more plausible, 0.0 means there
was nothing non-ASCII to judge.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import mul

from .profiles import langdetect_profiles

# The scale.  score() is the average natural logarithm of the probability of a
# judged n-gram under the best-fitting language profile: 0 would be certain,
# FLOOR is what an n-gram no profile has seen costs.  Every cut-off and margin
# that cleaner.mojibake, cleaner.repair, cleaner.charset and cleaner.decode
# apply to a score is a point or a distance on this one scale, named here.
# Where text falls on it (ordinary prose of a language the profiles know
# scores -5 to -9; a short line of Icelandic or Irish, about -14; mojibake,
# near FLOOR):
FLOOR = math.log(1e-7)  # -16.1: an n-gram no language profile has ever seen
# -8.1: neither evidence for nor against a reading: a non-ASCII symbol or
# punctuation mark on its own (“ ” — € ½), or a letter no profile knows; about
# what a letter n-gram of real text costs, so a decoding that turns letters
# into symbols does not get them for free.
NEUTRAL = math.log(3e-4)
SUSPICIOUS = -7.0  # below: a line reads like no language in particular, worth re-reading
TEXT = -10.0  # above: some text at all (a reading of bytes full of NULs as UTF-16/32)
PLAUSIBLE = -12.0  # above: reads like some language, not just less badly than a misreading
BARELY = -14.5  # above: reads like language at all, however badly the profiles know it (Icelandic)
# Distances on the scale, between two readings of the same text.
SAME = 1.0  # closer than this, neither reads better
CLEARLY = 1.5  # this much higher reads clearly better
SLIGHTLY = 0.5  # a Latin re-reading changes a letter or two: its score moves less
WIDELY = 3.0  # for a page the profiles may like by chance (Baltic for Icelandic)
# A CJK character glued to letters of another script (Latin read as GBK): as
# unlikely as an unseen n-gram, against the rarest CJK class.
MIXED_CJK = FLOOR - math.log(1e-4)
# Han, kana and Hangul are judged one character at a time by how common the
# character is (see _cjk_class): langdetect folds most of them into a few classes.
CJK = "\x02"  # marks a CJK character in the normalised stream
JUNK = "\x01"  # stands for a character that is not writing (never in a profile)
SYM = "\x03"  # a symbol or number: junk next to a letter ("w³nscht"), a space elsewhere
PUNCT = "\x04"  # punctuation: junk between two letters ("Cart„o"), a space elsewhere
_MAX_GRAMS = 600  # enough evidence; keeps scoring cheap on long documents
_MAX_ASCII = 300  # ASCII grams kept before the first non-ASCII one (language context)
EXPONENTS = "²³"  # after a unit ("km²") no broken letter, unlike "w³nscht"
_MAX_CHARS = 4000  # characters of a text that are scored at most
_CACHED_WORD = 40  # words up to this long have their n-grams remembered (they recur)
# One step of score(): a run of ASCII letters, a run of other ASCII characters,
# or one other character.
_RUNS = re.compile(r"[A-Za-z]+|[\x00-\x40\x5b-\x60\x7b-\x7f]+|[^\x00-\x7f]", re.S)


@dataclass(frozen=True)
class Score:
    value: float  # average log-probability per judged n-gram (<= 0)
    grams: int  # how many n-grams were judged
    lang: str  # the best-fitting profile ('' when nothing was judged)
    broken: int = 0  # characters that are no writing where they stand (a symbol glued into a word, a control)


@lru_cache(maxsize=1)
def _profiles():
    # Shared with the langdetect detector: read once per process.
    probs, langs = langdetect_profiles()
    return probs, list(langs)


@lru_cache(maxsize=1)
def _known_letters() -> frozenset:
    return frozenset(g for g in _profiles()[0] if len(g) == 1)


@lru_cache(maxsize=4096)
def known_letter(ch: str) -> bool:
    """Whether some language profile writes the letter ``ch`` (either case),
    or it is one of the Latin letters with two accents that the profiles fold
    ("ế", "ụ": Vietnamese); "ɮ", "ſ", "ƪ", "Ǡ", "ӧ" are no language's."""
    known = _known_letters()
    if ch.lower() in known or ch.upper() in known:
        return True
    return "\u1e00" <= ch <= "\u1eff"  # Latin Extended Additional: Vietnamese, Welsh ŵ


@lru_cache(maxsize=1 << 15)  # each entry ~2 kB: bounded memory on long runs
def _logprobs(gram: str):
    probs = _profiles()[0].get(gram)
    if probs is None:
        return None
    return tuple(math.log(p) if p > 0 else FLOOR for p in probs)


@lru_cache(maxsize=65536)
def _norm(ch: str) -> str:
    """Map a character to what the language profiles know it as (or JUNK / space)."""
    if ch < "\x80":
        return ch if ch.isalpha() else " "
    cat = unicodedata.category(ch)
    if _is_cjk(ch):
        return CJK
    if cat[0] in "LM":
        from langdetect.utils.ngram import NGram

        return NGram.normalize(ch)
    if cat[0] == "Z" or ch in "\u2018\u2019\u02bc":  # apostrophes live inside words
        return " " if cat[0] == "Z" else ""
    if cat[0] == "P":
        return PUNCT
    if cat[0] in "SN":
        return SYM
    if ch in "\u200c\u200d":
        return ""  # joiners belong to the writing they sit in (Persian, Indic, emoji)
    if cat == "Cf":
        return SYM  # direction marks: fine beside punctuation, junk inside a word
    return JUNK  # symbols, controls, private use, unassigned, surrogates


@lru_cache(maxsize=4096)
def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M"


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x3040 <= o <= 0x30FF
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xAC00 <= o <= 0xD7A3
        or 0xFF66 <= o <= 0xFF9F
        or 0xF900 <= o <= 0xFAFF
        or 0x1100 <= o <= 0x11FF
        or 0x3130 <= o <= 0x318F
    )


@lru_cache(maxsize=1)
def _cjk_tops() -> dict:
    """The most frequent characters of Chinese, Japanese and Korean.

    From charset-normalizer's frequency tables (a core dependency).  Every real
    CJK text is full of them; a wrong decoding (Korean read as GBK) is not.
    """
    from charset_normalizer.constant import FREQUENCIES

    out: dict[str, set[str]] = {}
    for lang, chars in FREQUENCIES.items():
        for key in ("Chinese", "Japanese", "Korean"):
            if lang.startswith(key):
                out.setdefault(key, set()).update(chars)
    return {k: frozenset(v) for k, v in out.items()}


# Unigram models of the three CJK writing systems: (class -> probability).
# Classes: top (the language's most frequent characters), kana, hangul
# (KS X 1001), han (level-1 ideographs), rare (everything else).
_CJK_MODELS = {
    "zh": {"top": 0.3 / 100, "han": 0.65 / 3700, "kana": 1e-5, "hangul": 1e-6, "rare": 1e-6},
    "ja": {"top": 0.15 / 79, "han": 0.3 / 2965, "kana": 0.5 / 150, "hangul": 1e-6, "rare": 1e-6},
    "ko": {"top": 0.3 / 26, "han": 0.01 / 4888, "kana": 1e-6, "hangul": 0.65 / 2324, "rare": 1e-6},
}
_CJK_TOP_KEY = {"zh": "Chinese", "ja": "Japanese", "ko": "Korean"}


def _in_level1(ch: str, enc: str, lo: int, hi: int) -> bool:
    try:
        b = ch.encode(enc)
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and lo <= b[0] <= hi


@lru_cache(maxsize=65536)
def _cjk_class(ch: str) -> tuple:
    """(class under zh, under ja, under ko) of one CJK character.

    Each writing system only knows its own ideographs: a simplified-only hanzi
    amid kana is as foreign to Japanese as kana are to Chinese.
    """
    o = ord(ch)
    tops = _cjk_tops()
    base: tuple[str, ...]
    if 0x3041 <= o <= 0x30FA:
        base = ("kana",) * 3
    elif 0xAC00 <= o <= 0xD7A3:
        base = ("hangul" if _in_level1(ch, "euc_kr", 0xB0, 0xC8) else "rare",) * 3
    else:
        zh = _in_level1(ch, "gb2312", 0xB0, 0xD7) or _in_level1(ch, "big5", 0xA4, 0xC6)
        ja = _in_level1(ch, "euc_jp", 0xB0, 0xCF)
        ko = _in_level1(ch, "euc_kr", 0xCA, 0xFD)
        base = tuple("han" if ok else "rare" for ok in (zh, ja, ko))
    return tuple("top" if ch in tops.get(_CJK_TOP_KEY[m], ()) else base[i] for i, m in enumerate(("zh", "ja", "ko")))


def _cjk_score(chars: list) -> tuple[float, str]:
    """(total log-probability, model) of CJK characters under the best model."""
    best: tuple[float, str] | None = None
    for i, (model, probs) in enumerate(_CJK_MODELS.items()):
        total = sum(math.log(probs[_cjk_class(ch)[i]]) for ch in chars)
        if best is None or total > best[0]:
            best = (total, model)
    assert best is not None  # (there are models)
    return best


def score(text: str, lang: str = "") -> Score:
    """Average log-probability of the non-ASCII n-grams of ``text``
    (:func:`_score`).  A line is often judged several times over (against
    ftfy's repair, against each page, in its document): short texts are
    remembered."""
    if len(text) <= _CACHED_TEXT:
        return _score_cached(text, lang)
    return _score(text, lang)


_CACHED_TEXT = 2000  # characters: texts up to this long have their score remembered


@lru_cache(maxsize=1 << 11)  # bounded: at most 2048 texts of 2000 characters
def _score_cached(text: str, lang: str) -> Score:
    return _score(text, lang)


def _score(text: str, lang: str = "") -> Score:
    """Average log-probability of the non-ASCII n-grams of ``text``.

    The language is ``lang`` when a profile has it, else the profile that best
    fits the whole text (ASCII included: "giovedì" is judged as Italian
    because the rest of the line is Italian);
    the value averages only the grams that touch a non-ASCII character, where
    candidate decodings differ.
    """
    text = text[:_MAX_CHARS]
    n = len(text)
    grams: list[str] = []
    word = ""
    cjk = []
    mixed = 0  # CJK characters glued to letters of another script (Latin read as GBK)
    loose = 0  # non-ASCII symbols and punctuation standing on their own
    broken_chars = 0  # characters read as JUNK
    wide_seen = False
    prev = " "
    # Character by character, except that a run of ASCII letters (each its own
    # normal form, a letter) or of other ASCII characters (each a space: after
    # the first, a space changes nothing) is taken in one step.
    for m in _RUNS.finditer(text):
        ch = m.group()
        if ch[0] < "\x80":
            if ch[0].isalpha():
                if prev == "cjk":
                    mixed += 1
                word += ch
                prev = "letter"
                continue
            c = " "
        else:
            c = _norm(ch)
            if (m.start() == 0 or text[m.start() - 1].isspace()) and _is_mark(ch) and c not in (JUNK, " ", ""):
                c = JUNK  # a combining mark on nothing (on a digit it may strike it through)
        if c == "":
            continue
        if c == SYM or c == PUNCT:
            # A symbol touching a letter is a broken letter ("w³nscht", "rÃ©sumÃ©");
            # pictographs and superscripts only between two letters ("Justin❤"),
            # and so is punctuation inside a word ("Cart„o"); elsewhere ("km²",
            # "5 €", "«mot»") they are just what they look like.
            i = m.start()
            nxt = _norm(text[i + 1]) if i + 1 < n else " "
            nxt_letter = nxt not in (" ", SYM, PUNCT, CJK, "")
            cat = unicodedata.category(ch)
            if ch in EXPONENTS and prev == "letter" and text[i - 1].isascii() and not nxt_letter:
                broken = False  # a unit: "km²", "cm³"
            elif c == SYM and (cat not in ("No", "So") or ch < "\u2600"):
                broken = prev == "letter" or nxt_letter
            else:
                broken = prev == "letter" and nxt_letter
            c = JUNK if broken else " "
            if c == " " and ch >= "\x80":
                loose += 1
        if c == JUNK:
            broken_chars += 1
        if c == CJK:
            cjk.append(ch)
            if prev == "letter":
                mixed += 1
            c, kind = " ", "cjk"
        elif c == " ":
            kind = " "
        else:
            if prev == "cjk":
                mixed += 1
            kind = "letter"
        if c == " ":
            if word:
                _grams(word, grams)
            word = ""
            if len(grams) + len(cjk) >= _MAX_GRAMS:
                break
            if len(grams) > _MAX_ASCII and not wide_seen:
                del grams[_MAX_ASCII // 2 :]  # long ASCII stretch: keep some context only
        else:
            word += c
            wide_seen = wide_seen or not c.isascii() or c == JUNK
        prev = kind
    if word:
        _grams(word, grams)
    cjk_total, model = _cjk_score(cjk) if cjk else (0.0, "")
    cjk_total += mixed * MIXED_CJK
    cjk_total += loose * NEUTRAL
    cjk_n = len(cjk) + loose
    wide = [g for g in grams if not g.isascii() or JUNK in g]
    if not wide:
        if cjk_n:
            return Score(cjk_total / cjk_n, cjk_n, model or "und", broken_chars)
        return Score(0.0, 0, "", broken_chars)
    langs = _profiles()[1]
    fit = [0.0] * len(langs)  # all grams: which language is this?
    known = _known_letters()
    counted = []  # (gram's log-probabilities or a constant, count, is it non-ASCII)
    grams_seen = []
    for g, k in Counter(grams).items():
        grams_seen.append(g)
        lp = _logprobs(g) if JUNK not in g else FLOOR
        if lp is None:
            # Letters no profile knows (Armenian, Georgian, Icelandic þ/ð...) are
            # neither evidence for nor against: real text in those alphabets
            # must not look like junk next to a wrong decoding of itself.
            lp = FLOOR if all(c in known or c == " " for c in g) else NEUTRAL
        counted.append((lp, k, not g.isascii() or JUNK in g))
    # The language is the argmax of the summed vectors; a constant adds the same
    # to every language, so only real profile vectors need summing.
    # Summed language by language (columns), in the order of the grams: the same
    # additions as adding vector after vector, several times faster.
    vectors = [
        lp if k == 1 else _scaled(g, k) for g, (lp, k, _) in zip(grams_seen, counted) if not isinstance(lp, float)
    ]
    if vectors:
        fit = [sum(col, 0.0) for col in zip(*vectors)]
    best = langs.index(lang) if lang in langs else max(range(len(langs)), key=fit.__getitem__)
    total = sum(k * (lp if isinstance(lp, float) else lp[best]) for lp, k, w in counted if w)
    lang = langs[best] if len(wide) >= cjk_n else model
    return Score((total + cjk_total) / (len(wide) + cjk_n), len(wide) + cjk_n, lang, broken_chars)


@lru_cache(maxsize=1 << 12)
def _scaled(gram: str, k: int) -> tuple:
    """``k`` times the log-probabilities of a gram known to the profiles
    (bounded: each entry holds a float per language, about 2 kB)."""
    return tuple(map(mul, repeat(k), _logprobs(gram)))


@lru_cache(maxsize=65536)
def _script(ch: str) -> str:
    if ch < "\x80":
        return "LATIN"
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return "?"


def _grams(word: str, out: list) -> None:
    """Append the 1-3-grams of ``word`` to ``out`` (see :func:`_word_grams`)."""
    # Words recur: remembered, except freak long ones (bounded memory).
    out.extend(_word_grams(word) if len(word) <= _CACHED_WORD else _word_grams.__wrapped__(word))


@lru_cache(maxsize=1 << 15)
def _word_grams(word: str) -> tuple:
    """1-3-grams of one word, padded with spaces like langdetect's profiles.

    A word that mixes letters of two scripts ("DrГҐber", "Ñ€Ð°Ð·") is what a
    wrong code page makes of a word; real words keep to one script, so all of
    its grams count as junk.
    """
    if not word.isascii() and len({_script(c) for c in word if c != JUNK}) > 1:
        word = "".join(c + JUNK for c in word)
    padded = " " + word + " "
    out = []
    for n in (1, 2, 3):
        for i in range(len(padded) - n + 1):
            g = padded[i : i + n]
            if g.strip():
                # Lower case so "ÏÐÈÂÅÒ" and "Ïðèâåò" are judged alike.
                out.append(g.lower() if n > 1 else g)
    return tuple(out)
