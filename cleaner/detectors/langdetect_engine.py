"""A faster langdetect engine, without changing a single answer.

Each piece is tested to give exactly what plain langdetect gives:

* :class:`ExactDetector`: langdetect's own algorithm (same profiles, same
  seeded random draws, same floating-point operations in the same order), with
  the inner loops written for CPython and restricted to the languages the prior
  allows (a language with prior 0 stays at 0 forever, so skipping it changes
  nothing).  About 3x faster than langdetect on Latin text, far more on
  Cyrillic/Arabic/Devanagari where the candidates are few.  With the compiled
  core (cleaner/_langdetect_walk.pyx) the n-gram extraction and the walk run
  in C, 4-6x faster again, with the same floats.
* the `langdetect_rs` engine (``pip install 'cleaner[fast]'``): a compiled
  re-implementation with bit-identical results, used automatically when
  installed.

:func:`speed_up` gives a :class:`cleaner.detectors.LangdetectDetector` the
fastest engine available; :mod:`cleaner.detectors` calls it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import itemgetter
from operator import mul as _mul

from langdetect.detector import Detector as _LDDetector
from langdetect.detector_factory import DetectorFactory as _LDFactory
from langdetect.utils.ngram import NGram as _NGram

from ..compiled import twin
from ..profiles import langdetect_profiles
from ..scripts import TranslateTable

# langdetect's per-character steps, as regular expressions and a memo (same results).
_SPACE_RUN = re.compile(" +")
_ASCII_LATIN = re.compile("[A-z]")  # langdetect's 'A' <= ch <= 'z'
# Characters from U+0300 on, except the block Latin Extended Additional.
_NON_LATIN = re.compile("[\u0300-\u1dff\u1f00-\U0010ffff]")

ENGINES = ("auto", "rs", "python", "reference")

# langdetect's NGram.normalize, one character for one, as a translate table.
_NORMALIZED = TranslateTable(_NGram.normalize)
_WORD_CACHE_CHARS = 40  # longer "words" (unspaced scripts, URLs) are not remembered


@lru_cache(maxsize=1 << 13)  # bounded: about 1.6 kB a word (n-gram strings and tuples)
def _word_grams(word: str, spaced: bool) -> tuple[str, ...]:
    """The n-grams langdetect's loop emits for one normalised word without
    spaces (and the space after it when ``spaced``), in order, before the
    profile lookup: NGram.add_char and Detector._extract_ngrams inlined."""
    out: list[str] = []
    grams = " "
    cap = False
    for ch in word + " " if spaced else word:
        last = grams[-1]
        if last == " ":
            grams = " "
            cap = False
        elif len(grams) >= 3:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                cap = True
        else:
            cap = False
        if cap:
            continue
        if ch != " ":
            out.append(ch)
        n = len(grams)
        if n >= 2:
            out.append(grams[-2:])
            if n >= 3:
                out.append(grams)
    return tuple(out)


@lru_cache(maxsize=1)
def _inline_randbelow() -> bool:
    """Whether ``Random._randbelow(n)`` is ``getrandbits(n.bit_length())`` until
    below ``n`` (CPython 3.x), checked on real draws: then the walk inlines it."""
    import random

    a, b = random.Random(7), random.Random(7)
    for n in (1, 2, 3, 5, 7, 64, 100, 1000, 4097, 123457):
        for _ in range(50):
            k = n.bit_length()
            r = b.getrandbits(k)
            while r >= n:
                r = b.getrandbits(k)
            if a._randbelow(n) != r:  # type: ignore[attr-defined]
                return False
    return True


_WALK = twin("_langdetect_walk")
# Draws that check the compiled walk's generator against CPython's own.
_CHECK_SEEDS = (0, 1, 12345, 2**40 + 3)
_CHECK_GAUSS = 7  # langdetect draws one Gaussian value per trial
_CHECK_BELOW = (1, 2, 3, 100, 641, 99991)


@lru_cache(maxsize=1)
def _walker():
    """The compiled twin of the walk (cleaner/_langdetect_walk.pyx), when it is
    built and gives CPython's own draws and sums here; else None.

    It re-implements ``random.Random`` (Mersenne Twister, ``gauss``,
    ``_randbelow``) and adds floats left to right as ``sum()`` did before
    Python 3.12 (which compensates): checked on real draws, never assumed.
    """
    import random

    module = _WALK
    if module is None or not _inline_randbelow() or sum([1e16, 1.0, -1e16]) != 0.0:
        return None
    for seed in _CHECK_SEEDS:
        for below in _CHECK_BELOW:
            rnd = random.Random(seed)
            got = module.draws(rnd.getstate(), _CHECK_GAUSS, 300, below)
            want = (
                [rnd.gauss(0.0, 1.0) for _ in range(_CHECK_GAUSS)],
                [rnd._randbelow(below) for _ in range(300)],  # type: ignore[attr-defined]
            )
            if got != want:
                return None
    return module


def _numbered(ngrams: list[str]) -> tuple[list[str], list[int]]:
    """(the distinct n-grams in order of first use, ``ngrams`` as indexes into
    them): langdetect's ``random.choice(ngrams)`` and a draw from the indexes
    pick the same n-gram."""
    ids: dict = {}
    words: list[str] = []
    seq: list[int] = []
    for w in ngrams:
        k = ids.get(w)
        if k is None:
            k = ids[w] = len(words)
            words.append(w)
        seq.append(k)
    return words, seq


@lru_cache(maxsize=8)
def _seeded(seed: int) -> tuple:
    """``Random(seed).getstate()``: where every walk with ``seed`` starts."""
    import random

    return random.Random(seed).getstate()


class ExactDetector(_LDDetector):
    """A langdetect ``Detector`` whose ``_detect_block`` is faster and identical."""

    text: str  # (set by langdetect's Detector)

    def append(self, text):
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = _NGram.normalize_vi(text)
        # langdetect drops every space that follows a space.
        self.text += _SPACE_RUN.sub(" ", text[: self.max_text_length])

    def cleaning_text(self):
        latin_count = len(_ASCII_LATIN.findall(self.text))
        non_latin_count = len(_NON_LATIN.findall(self.text))
        if latin_count * 2 < non_latin_count:
            self.text = _ASCII_LATIN.sub("", self.text)

    def _extract_ngrams(self):
        # langdetect's NGram.add_char loop starts its window afresh after every
        # space, so a word's n-grams depend on the word alone (and on whether a
        # space follows it): they are worked out once per distinct word.
        contains = self.word_lang_prob_map.__contains__
        words = _NORMALIZED.apply(self.text).split(" ")
        last = len(words) - 1
        result: list[str] = []
        for i, word in enumerate(words):
            if word:
                grams = (
                    _word_grams(word, i < last)
                    if len(word) <= _WORD_CACHE_CHARS
                    else _word_grams.__wrapped__(word, i < last)
                )
                result.extend(filter(contains, grams))
        return result

    def _detect_block(self):
        self.cleaning_text()
        walker = _walker() if isinstance(self.seed, int) else None
        wmap = self.word_lang_prob_map
        if walker is not None:
            words, seq = walker.index_grams(_NORMALIZED.apply(self.text), wmap)
        else:
            words, seq = _numbered(self._extract_ngrams())
        if not seq:
            from langdetect.lang_detect_exception import ErrorCode, LangDetectException

            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        n_langs = len(self.langlist)
        init = self._init_probability()
        active = [i for i, p in enumerate(init) if p != 0.0]
        init_active = [init[i] for i in active]
        if walker is not None:
            summed = walker.walk(
                _seeded(self.seed),
                seq,
                words,
                wmap,
                active,
                init_active,
                self.n_trial,
                self.alpha,
                self.ALPHA_WIDTH,
                self.BASE_FREQ,
                self.CONV_THRESHOLD,
                self.ITERATION_LIMIT,
            )
            if summed is not None:
                full = [0.0] * n_langs
                for i, p in zip(active, summed):
                    full[i] = p
                self.langprob = full
                return
        self._walk(n_langs, active, init_active, words, seq)

    def _walk(self, n_langs, active, init_active, words, seq):
        """The reference walk (the compiled twin gives the same floats)."""
        restrict: Callable[[list[float]], Sequence[float]] | None
        if len(active) == n_langs:
            restrict = None
        elif len(active) == 1:
            restrict = lambda v, _i=active[0]: (v[_i],)  # noqa: E731
        else:
            restrict = itemgetter(*active)
        wmap = self.word_lang_prob_map
        row = dict.get
        n_seq = len(seq)

        langprob = [0.0] * len(active)
        rnd = self.random
        rnd.seed(self.seed)
        # random.choice(seq) is seq[rnd._randbelow(len(seq))]: same draws.
        randbelow, gauss = rnd._randbelow, rnd.gauss
        getrandbits, nbits = rnd.getrandbits, n_seq.bit_length()
        inline = _inline_randbelow()
        conv, limit, n_trial = self.CONV_THRESHOLD, self.ITERATION_LIMIT, self.n_trial
        for _t in range(n_trial):
            prob = list(init_active)
            alpha = self.alpha + gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            # langdetect multiplies by (weight + w) on every draw; the sums are
            # the same numbers each time, so compute them once per trial.
            shifted = [None] * len(words)
            i = 0
            while True:
                if inline:
                    # Random._randbelow_with_getrandbits, inlined.
                    r = getrandbits(nbits)
                    while r >= n_seq:
                        r = getrandbits(nbits)
                    k = seq[r]
                else:
                    k = seq[randbelow(n_seq)]
                factors = shifted[k]
                if factors is None:
                    # (dict's own lookup first: a ProbMap builds rows in Python)
                    vec = row(wmap, words[k]) or wmap[words[k]]
                    if restrict is not None:
                        vec = restrict(vec)
                    factors = shifted[k] = [weight + w for w in vec]
                prob = list(map(_mul, prob, factors))
                if i % 5 == 0:
                    # sum() over the active languages equals langdetect's sum over
                    # all of them: the others are exactly 0.0.
                    sump = sum(prob)
                    prob = [p / sump for p in prob]
                    if max(prob) > conv or i >= limit:
                        break
                i += 1
            langprob = [lp + p / n_trial for lp, p in zip(langprob, prob)]
        full = [0.0] * n_langs
        for i, p in zip(active, langprob):
            full[i] = p
        self.langprob = full


class ExactFactory(_LDFactory):
    """A langdetect factory that makes :class:`ExactDetector` objects."""

    def _create_detector(self):
        from langdetect.lang_detect_exception import ErrorCode, LangDetectException

        if not self.langlist:
            raise LangDetectException(ErrorCode.NeedLoadProfileError, "Need to load profiles.")
        return ExactDetector(self)


def rs_available() -> bool:
    """Whether the compiled ``langdetect_rs`` engine is importable."""
    try:
        import langdetect_rs  # noqa: F401
    except ImportError:
        return False
    return True


def choose_engine(engine: str = "auto") -> str:
    """The engine to use: ``rs`` when installed and allowed, else ``python``.

    ``CLEANER_LANGDETECT_ENGINE`` overrides ``auto`` (benchmarks use it to
    measure the pure-Python path on a machine that has ``langdetect_rs``).
    """
    if engine == "auto":
        engine = os.environ.get("CLEANER_LANGDETECT_ENGINE", "auto")
    if engine not in ENGINES:
        raise ValueError(f"unknown langdetect engine {engine!r} (choose from: {', '.join(ENGINES)})")
    if engine == "auto":
        return "rs" if rs_available() else "python"
    return engine


def make_factory(engine: str, seed: int, loaded: _LDFactory | None = None):
    """A seeded langdetect-compatible factory for ``engine``.

    ``loaded`` is an already loaded pure-Python factory to reuse (profiles take
    a while and tens of MB to load).
    """
    if engine == "rs":
        factory = _RsFactory()
    else:
        from langdetect import detector_factory as df

        if loaded is None:
            loaded = df.DetectorFactory()
            if engine == "reference":
                loaded.load_profile(df.PROFILES_DIRECTORY)  # langdetect's own loader
            else:
                probs, langs = langdetect_profiles()
                loaded.word_lang_prob_map, loaded.langlist = probs, list(langs)
        if engine == "python":
            factory = ExactFactory()
            factory.word_lang_prob_map = loaded.word_lang_prob_map
            factory.langlist = loaded.langlist
        else:
            factory = loaded
    factory.set_seed(seed)
    return factory


class _RsDetector:
    """A langdetect_rs detector that raises langdetect's own exception type, so
    callers written against langdetect catch it."""

    def __init__(self, inner):
        self._inner = inner

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def get_probabilities(self):
        from langdetect.lang_detect_exception import LangDetectException
        from langdetect_rs import LangDetectException as RsException

        try:
            return self._inner.get_probabilities()
        except RsException as e:
            raise LangDetectException(e.code, str(e)) from None


class _RsFactory:
    def __init__(self):
        from langdetect_rs import detector_factory as rs

        self._inner = rs.DetectorFactory()
        self._inner.load_profile(rs.PROFILES_DIRECTORY)
        self.seed = None

    def set_seed(self, seed):
        self.seed = seed
        self._inner.set_seed(seed)

    def create(self, alpha=None):
        return _RsDetector(self._inner.create(alpha))


def speed_up(detector, engine: str = "auto"):
    """Give a :class:`cleaner.detectors.LangdetectDetector` a faster engine, in place.

    Returns the detector; its answers do not change.  Detectors without a
    langdetect factory are returned untouched.
    """
    factory = getattr(detector, "_factory", None)
    if factory is None or not isinstance(factory, _LDFactory):
        return detector
    engine = choose_engine(engine)
    if engine != "reference":
        detector._factory = make_factory(engine, factory.seed, loaded=factory)
    detector.engine = engine
    return detector
