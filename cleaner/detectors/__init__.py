"""Statistical language detectors: one class each, one registry.

- ``langdetect`` (default, a core dependency): seeded, its Rust port when installed;
- ``langid``: py3langid (extra ``cleaner[langid]``), model inside the wheel;
- ``fasttext``: fastText lid.176 (extra ``cleaner[fasttext]``), bundled model only.

To add a detector: write one class with ``name``, ``languages``, ``settings``
(:class:`cleaner.detectors.base.Settings`) and ``detect`` in a module of this
package, add it to :data:`REGISTRY`, and add its letter to the ``detectors``
of the languages it knows in :mod:`cleaner.languages` (a test compares them).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from .base import Detector, Settings, Switch, Unsure, merge, normalize
from .fasttext import FasttextDetector
from .langdetect import LangdetectDetector, fastest_langdetect, langdetect_rs_available
from .langid import LangidDetector

__all__ = [
    "DETECTORS",
    "REGISTRY",
    "Detector",
    "FasttextDetector",
    "LangdetectDetector",
    "LangidDetector",
    "Settings",
    "Switch",
    "Unsure",
    "langdetect_rs_available",
    "make_detector",
    "merge",
    "normalize",
]

#: name -> how to build the detector (its class, or a function giving the fastest engine).
REGISTRY: dict[str, Callable[[], Detector]] = {
    "langdetect": fastest_langdetect,
    "langid": LangidDetector,
    "fasttext": FasttextDetector,
}
DETECTORS = tuple(REGISTRY)
# Answers remembered per detector: repeated lines (furniture, captions) are asked about once.
ANSWER_CACHE = 4096

_CACHE: dict[str, Detector] = {}


def make_detector(name: str = "langdetect") -> Detector:
    """The detector called ``name`` (one per process: models load once).

    Raises ``ValueError`` for an unknown name and ``ImportError`` with the extra to
    install when the backend's package is missing.
    """
    if name not in REGISTRY:
        raise ValueError(f"unknown detector {name!r} (choose from: {', '.join(DETECTORS)})")
    if name not in _CACHE:
        try:
            det = REGISTRY[name]()
        except ImportError as e:
            raise ImportError(f"--detector {name} needs its extra: pip install 'cleaner[{name}]' ({e})") from e
        # Answers are shared, so callers never change them.
        det.detect = functools.lru_cache(maxsize=ANSWER_CACHE)(det.detect)  # type: ignore[method-assign]
        _CACHE[name] = det
    return _CACHE[name]
