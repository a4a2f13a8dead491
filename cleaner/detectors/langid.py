"""py3langid: langid.py's model, bundled in its wheel (``pip install 'cleaner[langid]'``)."""

from __future__ import annotations

from .base import Settings, Switch, merge, normalize


class LangidDetector:
    """py3langid, probabilities normalised."""

    name = "langid"
    # Its probabilities spread over relatives (Indonesian 0.6, Malay 0.4) while
    # leaving next to nothing for a language the text is not in: what counts is
    # how little is left for the main language.
    # So a line, sentence or quotation in a close relative of the main language
    # (Slovak in Czech, Afrikaans in Dutch, Marathi in Hindi) leaves the main
    # language a few hundredths where an unrelated language leaves it nothing:
    # between relatives up to a tenth may be left.
    settings = Settings(
        line=Switch(12, 0.30, 0.01, max_main_related=0.1),
        sentence=Switch(20, 0.30, 0.01, max_main_related=0.1),
        quote=Switch(10, 0.30, 0.01, max_main_related=0.1),
        related_factor=1,
        # (sure of a whole paragraph even with a foreign sentence in it)
        confident=0.9999,
        calibration={"detector": (3.612, 0.318, -0.216), "kept": (2.968, 0.078, -0.391)},
    )

    def __init__(self) -> None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        self._ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        self._labels = list(self._ident.labels)
        self.languages = frozenset(normalize(c) for c in self._labels)
        self._restricted: frozenset[str] | None = None

    def detect(self, text: str, candidates: frozenset[str] | None = None) -> list[tuple[str, float]]:
        if candidates != self._restricted:
            langs = None if candidates is None else [c for c in self._labels if normalize(c) in candidates]
            if langs is not None and not langs:
                return []
            self._ident.set_languages(langs)
            self._restricted = candidates
        if not any(ch.isalpha() for ch in text):
            return []
        ranked = self._ident.rank(text)
        return [x for x in merge(ranked) if x[1] > 0.0][:10]
