"""Language identification: a language, score and script for each segment.

Script first: where the script names the language (Georgian, Greek, Hangul…)
the statistical detector is not asked, since it may not even know the language
(langdetect has no Georgian and calls it Estonian).  Where the script only
narrows the choice (Latin, Cyrillic, Arabic, Devanagari) the detector is
restricted to the languages written in it.  Then the document's main language,
by letters, is the prior: a short or unsure segment in the main script keeps
the main language.
"""
from __future__ import annotations

from collections import Counter
from typing import Protocol

from .records import CONTENT, HEADING, Block, Segment
from .scripts import COMMON, script_runs
from .split import split_blocks

UND = "und"

# Scripts used by (essentially) one language.
SCRIPT_LANG = {
    "Geor": "ka", "Armn": "hy", "Grek": "el", "Hebr": "he", "Thai": "th",
    "Laoo": "lo", "Khmr": "km", "Mymr": "my", "Sinh": "si", "Ethi": "am",
    "Tibt": "bo", "Guru": "pa", "Gujr": "gu", "Orya": "or", "Taml": "ta",
    "Telu": "te", "Knda": "kn", "Mlym": "ml", "Hang": "ko", "Jpan": "ja",
    "Thaa": "dv", "Syrc": "syr", "Nkoo": "nqo", "Cher": "chr", "Cans": "iu",
    "Mong": "mn", "Bopo": "zh", "Hani": "zh", "Beng": "bn", "Copt": "cop",
    "Glag": "cu",
}

# Segments shorter than this, in the main script, follow the main language
# unless the detector is sure: a handful of letters is not evidence.
SHORT_LETTERS = 40
SURE = 0.95
SCRIPT_SCORE = 0.99


class Detector(Protocol):
    """A statistical language detector behind one small interface."""

    name: str

    def detect(self, text: str, candidates: frozenset[str] | None) -> list[tuple[str, float]]:
        """Languages with probabilities, best first; only ``candidates`` if given."""


class LangdetectDetector:
    """langdetect, seeded so the same text always gets the same answer."""

    name = "langdetect"
    # langdetect's languages by script; everything else it knows is Latin.
    SCRIPT_CANDIDATES = {
        "Cyrl": frozenset({"bg", "mk", "ru", "uk"}),
        "Arab": frozenset({"ar", "fa", "ur"}),
        "Deva": frozenset({"hi", "mr", "ne"}),
        "Latn": frozenset({
            "af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "fi", "fr", "hr",
            "hu", "id", "it", "lt", "lv", "nl", "no", "pl", "pt", "ro", "sk", "sl",
            "so", "sq", "sv", "sw", "tl", "tr", "vi"}),
    }

    def __init__(self, seed: int = 0):
        from langdetect import detector_factory as df

        # A factory of our own, so seeding it never changes a caller's langdetect.
        self._factory = df.DetectorFactory()
        self._factory.load_profile(df.PROFILES_DIRECTORY)
        self._factory.set_seed(seed)

    def candidates(self, script: str) -> frozenset[str] | None:
        return self.SCRIPT_CANDIDATES.get(script)

    def detect(self, text, candidates=None):
        from langdetect.lang_detect_exception import LangDetectException

        d = self._factory.create()
        if candidates:
            d.set_prior_map({_to_langdetect(c): 1.0 for c in candidates})
        d.append(text)
        try:
            found = d.get_probabilities()
        except LangDetectException:
            return []
        return [(_from_langdetect(x.lang), x.prob) for x in found]


def _to_langdetect(code: str) -> str:
    return "zh-cn" if code == "zh" else code


def _from_langdetect(code: str) -> str:
    return code.split("-")[0]


_DEFAULT: Detector | None = None


def default_detector() -> Detector:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = LangdetectDetector()
    return _DEFAULT


def identify(text: str, blocks: list[Block] | None = None, detector: Detector | None = None,
             doc: str = "") -> tuple[list[Segment], str]:
    """Segments of ``text`` with language, score and script, and the main language.

    ``blocks`` come from :func:`cleaner.classify.classify`; without them every
    line is content.  Segment numbers count every segment of the document.

    >>> segs, main = identify("Hello there, how are you today?\\nგამარჯობა")
    >>> main, [(s.lang, s.script) for s in segs]
    ('en', [('en', 'Latn'), ('ka', 'Geor')])
    """
    detector = detector or default_detector()
    if blocks is None:
        blocks = split_blocks(text)
    raw = []  # (block, run, lang, score, ranked)
    for b in blocks:
        for run in script_runs(text, b.start, b.end):
            lang, score, ranked = _guess(text[run.start:run.end], run.script, run.letters, detector)
            raw.append((b, run, lang, score, ranked))
    main = _main_language(raw)
    main_script = _main_script(raw, main)
    segments = []
    for b, run, lang, score, ranked in raw:
        if main != UND and lang != main and run.script == main_script and ranked:
            if run.letters < SHORT_LETTERS or score < SURE:
                lang = main
                score = round(max(dict(ranked).get(main, 0.0), 0.5), 3)
        segments.append(Segment(
            doc=doc, seg=len(segments), start=run.start, end=run.end, lang=lang,
            score=score, script=run.script, kind=b.kind, main=lang == main,
            text=text[run.start:run.end], reason=b.reason))
    return segments, main


def _guess(piece: str, script: str, letters: int, detector: Detector):
    if script == COMMON or letters == 0:
        return UND, 0.0, []
    if script in SCRIPT_LANG:
        return SCRIPT_LANG[script], SCRIPT_SCORE, []
    cands = getattr(detector, "candidates", lambda s: None)(script)
    ranked = detector.detect(piece, cands)
    if not ranked:
        return UND, 0.0, []
    lang, prob = ranked[0]
    return lang, round(prob, 3), ranked


def _main_language(raw) -> str:
    letters: Counter[str] = Counter()
    for b, run, lang, _score, _ranked in raw:
        if b.kind in (CONTENT, HEADING) and lang != UND:
            letters[lang] += run.letters
    if not letters:
        return UND
    # Ties go to the alphabetically first code, so the answer is stable.
    return min(letters, key=lambda k: (-letters[k], k))


def _main_script(raw, main: str) -> str | None:
    scripts: Counter[str] = Counter()
    for _b, run, lang, _s, _r in raw:
        if lang == main:
            scripts[run.script] += run.letters
    return min(scripts, key=lambda k: (-scripts[k], k)) if scripts else None


def letter_shares(segments: list[Segment]) -> dict[str, float]:
    """Share of letters per language over ``segments``, largest first."""
    counts: Counter[str] = Counter()
    for s in segments:
        if s.lang != UND:
            counts[s.lang] += sum(1 for ch in s.text if ch.isalpha())
    total = sum(counts.values())
    if not total:
        return {}
    return {k: round(v / total, 4) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}
