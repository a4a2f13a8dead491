"""The HTML report of a run (``cleaner clean --report FILE.html``): one
self-contained page with the run's summary charts and a sample of documents,
each shown as its repaired text with removed lines struck through.

    from cleaner import Pipeline
    from cleaner.report import Collector, document_entry, page_data, render

    c = Collector()
    for name, text in docs:
        c.add_entry(document_entry(Pipeline().process(text, doc=name)))
    open("report.html", "w", encoding="utf-8").write(render(page_data(c)))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .collect import SAMPLE, Collector, document_entry
from .render import page_data, render

if TYPE_CHECKING:  # (the command line reads SAMPLE without loading the pipeline)
    from ..pipeline import Options

__all__ = ["SAMPLE", "Collector", "document_entry", "page_data", "render", "write"]


def write(
    path: str, collector: Collector, stats: Any = None, options: Options | None = None, seconds: float | None = None
) -> None:
    """Write the report to ``path``, atomically (a whole page or none).

    Raises :class:`cleaner.io.outputs.OutputError` when it cannot be written."""
    from ..io.outputs import Output

    with Output(path) as out:
        out.write(render(page_data(collector, stats, options), seconds))
