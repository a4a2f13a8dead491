"""Select the segments the user asked for."""

from __future__ import annotations

from dataclasses import dataclass

from .languages import UND, lookup, suggest
from .records import CONTENT, HEADING, Segment

MAIN = "main"


class UnknownLanguage(ValueError):
    """A ``--lang`` code that names no language we know (the message suggests some)."""


@dataclass(frozen=True)
class Selection:
    """What to keep: ``langs`` (codes, or ``None`` for all), ``main_only`` (the
    document's main language), ``keep_boilerplate`` (boilerplate and duplicates too)."""

    langs: frozenset[str] | None = None
    main_only: bool = False
    keep_boilerplate: bool = False

    @classmethod
    def parse(cls, lang: str | None, keep_boilerplate: bool = False) -> Selection:
        """From the command line's ``--lang`` value: ISO 639-1 or 639-3 codes or
        BCP-47 tags, comma-separated, and/or ``main``.  Codes are turned into
        the ones cleaner emits (``eng``, ``en-US`` → ``en``; ``nb``, ``nn`` →
        ``no``); an unknown one raises :class:`UnknownLanguage`.

        >>> Selection.parse("en-US, FR, nob").langs == frozenset({"en", "fr", "no"})
        True
        >>> sorted(Selection.parse("en,und").langs)  # und: the segments nothing could be said of
        ['en', 'und']
        >>> Selection.parse("englsh")
        Traceback (most recent call last):
        ...
        cleaner.select.UnknownLanguage: unknown language code 'englsh' (did you mean en? see: cleaner languages)
        """
        if lang is None or not lang.strip():
            return cls(keep_boilerplate=keep_boilerplate)
        codes = set()
        main_only = False
        for tag in (t.strip() for t in lang.split(",")):
            if not tag:
                continue
            if tag.lower() == MAIN:
                main_only = True
                continue
            if tag.lower() == UND:
                codes.add(UND)  # what cleaner emits where nothing can be said (numbers, symbols)
                continue
            found = lookup(tag)
            if found is None:
                near = suggest(tag)
                hint = f"did you mean {', '.join(near)}? " if near else ""
                raise UnknownLanguage(f"unknown language code {tag!r} ({hint}see: cleaner languages)")
            codes.add(found.code)
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
