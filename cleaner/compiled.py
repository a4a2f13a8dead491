"""Which compiled twins are in use.

The hot per-line functions of some modules have a Cython twin
(``cleaner/_<module>.pyx``, built by ``pip install .``) with byte-identical
results; the Python functions stay the reference and the fallback.  A module
asks :func:`twin` for its compiled twin and uses it when there is one.

``CLEANER_PURE_PYTHON=1`` in the environment forces the Python functions (at
run time; at build time it also skips compiling).  ``cleaner --version`` says
whether the compiled core is in use.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

#: The compiled twins, by name (each ``cleaner/<name>.pyx``).
TWINS = ("_scripts", "_stopwords", "_langdetect_walk", "_words", "_repair_scan", "_features")
PURE = os.environ.get("CLEANER_PURE_PYTHON", "") not in ("", "0")

_loaded: dict[str, bool] = {}


def twin(name: str) -> ModuleType | None:
    """The compiled module ``cleaner.<name>``, or ``None`` (not built, or pure
    Python forced)."""
    module = None
    if not PURE:
        try:
            module = importlib.import_module(f"cleaner.{name}")
        except ImportError:
            module = None
    _loaded[name] = module is not None
    return module


def status() -> dict[str, bool]:
    """For each compiled twin, whether it is in use (importing the modules that use them).

    >>> sorted(status()) == sorted(TWINS)
    True
    """
    import cleaner.detectors.langdetect_engine
    import cleaner.pipeline  # noqa: F401  (with the above, every module with a twin)

    return {name: _loaded.get(name, False) for name in TWINS}


def describe() -> str:
    """One phrase for ``cleaner --version``: which functions are in use.

    >>> describe() in ("compiled core", "pure Python (CLEANER_PURE_PYTHON)") or describe().startswith("pure Python")
    True
    """
    found = status()
    if all(found.values()):
        return "compiled core"
    if PURE:
        return "pure Python (CLEANER_PURE_PYTHON)"
    missing = ", ".join(name for name, used in found.items() if not used)
    return f"pure Python: {missing} not built"
