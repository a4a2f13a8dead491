"""The plain records that flow between the stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CONTENT = "content"
HEADING = "heading"
BOILERPLATE = "boilerplate"
DUPLICATE = "duplicate"
KINDS = (CONTENT, HEADING, BOILERPLATE, DUPLICATE)


@dataclass(frozen=True)
class Markup:
    """What a page's HTML says of one line of its text (:mod:`cleaner.io.html`).

    ``tag``: the block element the line's text is in (``p``, ``li``, ``td``,
    ``h2``, ``div``...); ``zone``: the page landmark it lies in (``nav``,
    ``header``, ``footer``, ``aside``, or ``""``; none inside ``<article>`` or
    ``<main>`` but their own); ``hint``: a furniture word in the class or id
    of an element around it (``comment``, ``share``, ``sidebar``...) or
    ``""``, and ``hint_at`` the length of the ``path`` of that element;
    ``links``: the share of its characters inside links; ``heading``:
    1-6 for ``<h1>``-``<h6>``; ``title``: it is the page's ``<title>`` or
    part of it; ``path``: the block elements it is nested in, outermost first,
    each numbered in document order (lines of one container share a prefix).
    """

    tag: str
    zone: str = ""
    hint: str = ""
    links: float = 0.0
    heading: int = 0
    title: bool = False
    path: tuple[int, ...] = ()
    hint_at: int = 0


@dataclass
class Block:
    """A line of the repaired text: ``text[start:end]``, stripped of white space.

    ``kind`` and ``reason`` are filled in by :mod:`cleaner.classify`;
    ``markup`` is what the page's HTML says of the line (HTML input only).
    """

    start: int
    end: int
    kind: str = CONTENT
    reason: str = ""
    para: int = 0  # index of the paragraph (blank-line separated) it belongs to
    markup: Markup | None = None


@dataclass
class Segment:
    """A stretch of one language inside one block; the unit of output."""

    doc: str
    seg: int
    start: int
    end: int
    lang: str
    score: float
    script: str
    kind: str
    main: bool
    text: str
    reason: str = ""  # why the line was removed (classify), '' when kept
    how: str = ""  # how its language was decided (identify: script, detector, document...)

    def to_dict(self) -> dict[str, Any]:
        """The segment as a record: ``how`` after ``score`` (it explains it),
        ``reason`` only when the segment was removed."""
        # Every field is a str, number or bool: a shallow copy is asdict's
        # result (fields in order) at a fiftieth of its cost, which counts at
        # one call per segment of the output.
        d = dict(vars(self))
        how = d.pop("how")
        out: dict[str, Any] = {}
        for k, v in d.items():
            out[k] = v
            if k == "score" and how:
                out["how"] = how
        if not self.reason:
            del out["reason"]
        return out


@dataclass
class Document:
    """One input document after the pipeline: every segment, kept or not.

    ``text`` is the *repaired* text, boilerplate included: what segment offsets
    index and ``cleaner repair`` prints.  :attr:`cleaned_text` is the cleaned
    text: the segments the options keep (``kept``), one line per input line and
    a blank line between paragraphs, as ``--format text`` writes it.
    ``fields`` is the input record (JSONL) or ``None`` (plain text).
    """

    doc: str
    text: str
    segments: list[Segment]
    lang: str
    langs: dict[str, float]
    encoding: str | None = None
    fixes: list[str] = field(default_factory=list)
    fixed_lines: list[Any] = field(default_factory=list)  # a cleaner.repair.LineFix per repaired line
    fields: dict[str, Any] | None = None
    blocks: list[Block] = field(default_factory=list)
    block_of: list[int] = field(default_factory=list)  # index into blocks, per segment
    kept: list[Segment] = field(default_factory=list)  # the segments the options keep, in order

    @property
    def cleaned_text(self) -> str:
        """The kept segments as text: a line per input line, a blank line between
        paragraphs, segments of one line joined as they stood when adjacent.

        >>> from cleaner import Pipeline
        >>> d = Pipeline().process("Breaking News\\n\\nFirst paragraph here.\\nSame paragraph.\\n\\nNext one.")
        >>> print(d.cleaned_text)
        First paragraph here.
        Same paragraph.
        <BLANKLINE>
        Next one.
        """
        return self.text_of(self.kept)

    def text_of(self, segments: list[Segment]) -> str:
        """``segments`` (some of this document's, in order) as text, like :attr:`cleaned_text`."""
        index = {s.seg: i for i, s in enumerate(self.segments)}
        out: list[str] = []
        prev = None  # (block index, segment number, end) of the previous segment
        for seg in segments:
            b = self.block_of[index[seg.seg]]
            if prev is None:
                pass
            elif prev[0] == b:
                out.append(self.text[prev[2] : seg.start] if prev[1] + 1 == seg.seg else " ")
            elif self.blocks[prev[0]].para != self.blocks[b].para:
                out.append("\n\n")
            else:
                out.append("\n")
            out.append(seg.text)
            prev = (b, seg.seg, seg.end)
        return "".join(out)
