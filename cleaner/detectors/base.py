"""What every detector is: one interface, and the settings it carries.

A detector answers ``detect(text, candidates)`` with ``(code, probability)``
pairs, best first, in the codes `cleaner` emits (see :mod:`cleaner.languages`),
says which codes it knows in ``languages``, and carries in ``settings`` how
far its probabilities can be trusted: the evidence a piece needs to leave the
document's main language, when its answer means "I don't know", and the
calibration of its scores.  These differ from detector to detector because
their probabilities mean different things: langdetect is sure of itself on a
few words, while py3langid and fastText spread their probability over close
relatives and leave next to nothing for a language the text is not in.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from ..languages import canonical

# Between close relatives a detector's answer on little text is a coin toss:
# by default a switch between them needs this many times the letters.
RELATED_FACTOR = 4
# A paragraph's answer this probable (and its stop words agreeing) settles its sentences.
CONFIDENT = 0.95


@dataclass(frozen=True)
class Switch:
    """Evidence a piece in the main script needs to leave the main language."""

    letters: int  # at least this many letters
    prob: float  # at least this probability for its own language
    max_main: float  # at most this much probability left for the main language
    # ... or this much when the piece's language is a close relative of it (None:
    # ``max_main``): a detector that spreads its answer over relatives leaves
    # the main language a share even of text plainly in its neighbour.
    max_main_related: float | None = None


@dataclass(frozen=True)
class Unsure:
    """A piece this long whose best language gets less than ``prob`` is ``und``."""

    letters: int
    prob: float


# (a, b, c) of a logistic calibration: P(right) = 1 / (1 + exp(-(a + b*logit(raw) + c*log1p(letters)))).
Coefficients = tuple[float, float, float]


@dataclass(frozen=True)
class Settings:
    """A detector's thresholds and calibration (see :func:`calibrated`).

    ``line``, ``sentence`` and ``quote`` are the evidence a whole line, a
    sentence inside a line and a quoted phrase need to switch language;
    ``related_factor`` multiplies the letters needed between close relatives.
    ``confident`` is the probability at which the answer for a paragraph of
    several sentences settles them all, when its stop words agree (each
    sentence is then asked only where its own words or letters disagree).
    ``calibration`` maps what decided a label (``detector``: its own answer;
    ``kept``: kept in the main language against it) to coefficients fitted by
    ``bench/langseg_calibrate.py``.
    """

    line: Switch
    sentence: Switch
    quote: Switch
    related_factor: int = RELATED_FACTOR
    unsure: Unsure | None = None
    confident: float = CONFIDENT
    calibration: Mapping[str, Coefficients] = field(default_factory=dict)

    def switch(self, level: str) -> Switch:
        """The :class:`Switch` of ``level``: ``line``, ``sentence`` or ``quote``."""
        return {"line": self.line, "sentence": self.sentence, "quote": self.quote}[level]

    def calibrated(self, how: str, raw: float, letters: int) -> float:
        """Probability that a label decided by ``how`` is right, from the
        detector's ``raw`` probability and the piece's letters (``raw`` as is
        when there are no coefficients for ``how``).

        >>> s = Settings(Switch(1, 0.5, 0.5), Switch(1, 0.5, 0.5), Switch(1, 0.5, 0.5),
        ...              calibration={"detector": (0.0, 1.0, 0.0)})
        >>> round(s.calibrated("detector", 0.8, 10), 3), s.calibrated("kept", 0.8, 10)
        (0.8, 0.8)
        """
        coef = self.calibration.get(how)
        if coef is None:
            return raw
        a, b, c = coef
        x = math.log(max(raw, 1e-6) / max(1 - raw, 1e-6))
        z = a + b * x + c * math.log1p(letters)
        return 1 / (1 + math.exp(-z))


class Detector(Protocol):
    """A statistical language detector behind one small interface."""

    name: str
    languages: frozenset[str]
    settings: Settings

    def detect(self, text: str, candidates: frozenset[str] | None = None) -> list[tuple[str, float]]:
        """Languages with probabilities, best first; only ``candidates`` if given.

        An empty list when the text has nothing to go on.
        """
        ...


@functools.lru_cache(maxsize=1024)  # a few hundred codes, asked for on every answer
def normalize(code: str) -> str:
    """A backend's language code in the codes `cleaner` emits.

    >>> normalize("zh-cn"), normalize("nb"), normalize("__label__fr"), normalize("en")
    ('zh', 'no', 'fr', 'en')
    """
    return canonical(code.replace("__label__", ""))


def merge(pairs: Iterable[tuple[str, float]]) -> list[tuple[str, float]]:
    """Sum probabilities of codes that normalise to one language; best first, ties by code."""
    acc: dict[str, float] = {}
    for code, p in pairs:
        c = normalize(code)
        acc[c] = acc.get(c, 0.0) + float(p)
    return sorted(acc.items(), key=lambda kv: (-kv[1], kv[0]))
