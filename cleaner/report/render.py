"""The report page: the template (``template.html``, with its CSS and script
inline) and the run's data as one JSON block inside it.  Nothing is fetched
when the page is viewed; the page draws itself from the JSON."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from ..emit import _json
from .collect import DOC_CHARS, MOSTLY_REMOVED, Collector

if TYPE_CHECKING:  # (the command line reads SAMPLE without loading the pipeline)
    from ..pipeline import Options

DATA_MARK = "/*REPORT-DATA*/"
TIME_MARK = "/*RUN-SECONDS*/"
RUN_COUNTS = ("docs", "bytes", "failures", "segments", "removed", "skipped_files")


def page_data(collector: Collector, stats: Any = None, options: Options | None = None) -> dict[str, Any]:
    """Everything the page shows: the run's counts (``stats``, a
    :class:`cleaner.run.progress.Stats`, else the collector's own), its options, the
    collector's sums and its sample of documents."""
    if stats is not None:
        run = {k: getattr(stats, k, 0) for k in RUN_COUNTS}
    else:
        run = {
            "docs": collector.docs,
            "bytes": 0,
            "failures": collector.failed,
            "segments": collector.segments,
            "removed": collector.removed,
            "skipped_files": 0,
        }
    return {
        "run": run,
        "options": _options(options or _default_options()),
        "summary": collector.summary(),
        "limits": {"doc_chars": DOC_CHARS, "mostly_removed": MOSTLY_REMOVED},
        "documents": collector.sample_documents(),
    }


def _default_options() -> Options:
    from ..pipeline import Options

    return Options()


def _options(options: Options) -> dict[str, Any]:
    sel = options.selection
    langs = sorted(sel.langs or ()) + (["main"] if sel.main_only else [])
    return {"detector": options.detector, "lang": ",".join(langs) or None, "keep_boilerplate": sel.keep_boilerplate}


def render(data: dict[str, Any], seconds: float | None = None) -> str:
    """The HTML page for ``data`` (see :func:`page_data`).

    The same data give the same bytes.  ``seconds`` (the run's wall time) is
    the one thing that differs between two runs of the same input: it sits
    alone in the element ``#run-seconds``.

    >>> page = render({"documents": [{"text": "</script><!--"}]})
    >>> "</script><!--" in page, page.count("</script>") == page.count("<script")
    (False, True)
    """
    template = files(__package__).joinpath("template.html").read_text(encoding="utf-8")
    if template.count(DATA_MARK) != 1 or template.count(TIME_MARK) != 1:
        raise ValueError("report template: each data mark must appear exactly once")
    return template.replace(DATA_MARK, script_json(data)).replace(
        TIME_MARK, "null" if seconds is None else json.dumps(round(seconds, 1))
    )


def read_page(html: str) -> tuple[dict[str, Any], float | None]:
    """The data and the run's seconds inside a page that :func:`render` wrote.

    >>> read_page(render({"documents": []}, 1.25))
    ({'documents': []}, 1.2)
    """

    def block(element_id: str) -> Any:
        start = html.index(f'<script id="{element_id}" type="application/json">')
        start = html.index(">", start) + 1
        return json.loads(html[start : html.index("</script>", start)])

    return block("report-data"), block("run-seconds")


def script_json(data: Any) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element: no ``<``,
    ``>`` or ``&`` (so no ``</script>`` or ``<!--``), and no U+2028/9.

    >>> script_json({"t": "</script> & <!--"})
    '{"t": "\\\\u003c/script\\\\u003e \\\\u0026 \\\\u003c!--"}'
    """
    return (
        _json(data)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
