"""cleaner: repair, de-boilerplate and language-tag scraped multilingual text.

>>> from cleaner import Pipeline
>>> doc = Pipeline().process("Accessibility links\\nThe talks resumed on Monday in Sochi.")
>>> doc.lang, [s.kind for s in doc.segments]
('en', ['boilerplate', 'content'])
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pipeline import Options, Pipeline
    from .records import Document, Segment
    from .select import Selection

__all__ = ["Document", "Options", "Pipeline", "Segment", "Selection", "identify"]

# Where each name of the API lives: imported when first asked for, so that
# `cleaner repair` and `cleaner --help` never load the pipeline they do not use.
_HOMES = {
    "Options": ".pipeline",
    "Pipeline": ".pipeline",
    "Document": ".records",
    "Segment": ".records",
    "Selection": ".select",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def identify(text: str) -> list[Segment]:
    """Language segments of ``text``: every line content, nothing removed.

    >>> [(s.lang, s.text) for s in identify("Good morning to all of you.\\nდილა მშვიდობისა")]
    [('en', 'Good morning to all of you.'), ('ka', 'დილა მშვიდობისა')]
    """
    from .identify import identify as _identify

    return _identify(text)[0]


class _Package(types.ModuleType):
    """The package: its ``identify`` stays the function above.  Importing the
    submodule of that name (the pipeline does, now after this file has run)
    sets the package's attribute to the submodule; this keeps the function."""

    @property
    def identify(self):
        return identify

    @identify.setter
    def identify(self, _submodule) -> None:
        pass


sys.modules[__name__].__class__ = _Package
