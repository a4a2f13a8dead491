"""The plain records that flow between the stages."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CONTENT = "content"
HEADING = "heading"
BOILERPLATE = "boilerplate"
DUPLICATE = "duplicate"
KINDS = (CONTENT, HEADING, BOILERPLATE, DUPLICATE)


@dataclass
class Block:
    """A line of the repaired text: ``text[start:end]``, stripped of white space.

    ``kind`` and ``reason`` are filled in by :mod:`cleaner.classify`.
    """

    start: int
    end: int
    kind: str = CONTENT
    reason: str = ""
    para: int = 0  # index of the paragraph (blank-line separated) it belongs to


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
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        # Every field is a str, number or bool: a shallow copy is asdict's
        # result (fields in order) at a fiftieth of its cost, which counts at
        # one call per segment of the output.
        d = dict(vars(self))
        if not self.reason:
            del d["reason"]
        return d


@dataclass
class Document:
    """One input document after the pipeline: every segment, kept or not.

    ``fields`` is the input record (JSONL) or ``None`` (plain text); ``text`` is
    the repaired text that segment offsets index.
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
