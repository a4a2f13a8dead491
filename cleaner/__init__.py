"""cleaner: repair, de-boilerplate and language-tag scraped multilingual text.

>>> from cleaner import Pipeline
>>> doc = Pipeline().process("Accessibility links\\nThe talks resumed on Monday in Sochi.")
>>> doc.lang, [s.kind for s in doc.segments]
('en', ['boilerplate', 'content'])
"""

from .pipeline import Options, Pipeline
from .records import Document, Segment
from .select import Selection

__all__ = ["Document", "Options", "Pipeline", "Segment", "Selection", "identify"]


def identify(text: str) -> list[Segment]:
    """Language segments of ``text``: every line content, nothing removed.

    >>> [(s.lang, s.text) for s in identify("Good morning to all of you.\\nდილა მშვიდობისა")]
    [('en', 'Good morning to all of you.'), ('ka', 'დილა მშვიდობისა')]
    """
    from .identify import identify as _identify

    return _identify(text)[0]
