"""Select the segments the user asked for."""
from __future__ import annotations

from dataclasses import dataclass

from .records import CONTENT, HEADING, Segment


@dataclass(frozen=True)
class Selection:
    """What to keep: ``langs`` (codes, or ``None`` for all), ``main_only`` (the
    document's main language), ``keep_boilerplate`` (boilerplate and duplicates too)."""

    langs: frozenset[str] | None = None
    main_only: bool = False
    keep_boilerplate: bool = False

    @classmethod
    def parse(cls, lang: str | None, keep_boilerplate: bool = False) -> "Selection":
        """From the command line's ``--lang`` value: ``en,fr``, ``main`` or ``None``.

        >>> Selection.parse("en, FR").langs == frozenset({"en", "fr"})
        True
        """
        if lang is None or not lang.strip():
            return cls(keep_boilerplate=keep_boilerplate)
        codes = {c.strip().lower() for c in lang.split(",") if c.strip()}
        main_only = "main" in codes
        codes.discard("main")
        return cls(frozenset(codes) or None, main_only, keep_boilerplate)


def keep(seg: Segment, sel: Selection) -> bool:
    """Whether ``seg`` is kept under ``sel``."""
    if not sel.keep_boilerplate and seg.kind not in (CONTENT, HEADING):
        return False
    if sel.langs is None and not sel.main_only:
        return True
    return (sel.langs is not None and seg.lang in sel.langs) or (sel.main_only and seg.main)


def select(segments: list[Segment], sel: Selection) -> list[Segment]:
    """The segments kept under ``sel``, in order."""
    return [s for s in segments if keep(s, sel)]
