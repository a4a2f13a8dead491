"""langdetect (the default detector), seeded so answers never change between runs.

When the ``langdetect_rs`` package is installed (``pip install 'cleaner[fast]'``)
its Rust core is used instead: same profiles, same seeded random walk,
bit-identical probabilities (tests/test_detectors.py checks this on real text);
otherwise :mod:`cleaner.detectors.langdetect_engine`'s exact pure-Python engine.
"""

from __future__ import annotations

import importlib.util

from ..profiles import langdetect_profiles
from .base import Settings, Switch, Unsure, merge, normalize


def langdetect_rs_available() -> bool:
    """Whether the optional Rust port of langdetect is installed."""
    return importlib.util.find_spec("langdetect_rs") is not None


class LangdetectDetector:
    """langdetect with a fixed seed; the Rust port ``langdetect_rs`` when installed."""

    name = "langdetect"
    # langdetect is sure of itself on a few words, so it must be very sure to
    # move a piece away from the document's language.  Its probability is the
    # share of its random trials that agree: on a full sentence they disagree
    # for text in a language it lacks, hence "unsure".
    settings = Settings(
        line=Switch(16, 0.90, 0.10),
        sentence=Switch(20, 0.95, 0.05),
        quote=Switch(15, 0.95, 0.05),
        unsure=Unsure(40, 0.75),
        calibration={"detector": (1.413, 0.012, 0.642), "kept": (3.615, 0.097, -0.26)},
    )

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

    def detect(self, text: str, candidates: frozenset[str] | None = None) -> list[tuple[str, float]]:
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
        return merge((x.lang, x.prob) for x in found)


def fastest_langdetect() -> LangdetectDetector:
    """langdetect with the fastest engine that gives identical answers."""
    from .langdetect_engine import choose_engine, speed_up

    # choose_engine() honours CLEANER_LANGDETECT_ENGINE (benchmarks measure the
    # pure-Python path on a machine that has langdetect_rs installed).
    engine = choose_engine()
    return speed_up(LangdetectDetector(use_rs=engine == "rs"), engine)
