"""A JSON Lines record written back as it came, but for one value.

``json.loads`` then ``json.dumps`` is not "untouched": ``1e5`` comes back as
``100000.0``, ``1.50`` as ``1.5``, ``1e400`` as ``Infinity`` (not JSON at
all), ``\\u00e9`` as ``é``, and spacing as json.dumps spaces.  So the output
of a record keeps its line as read and replaces only the text field's value,
at its place in the line (:func:`spans`), found by a scanner over the top
level of the object that reads strings with ``json.decoder.scanstring`` and
skips other values with the decoder's own ``raw_decode``.
"""

from __future__ import annotations

import json
from json.decoder import WHITESPACE, scanstring  # type: ignore[attr-defined]

_DECODER = json.JSONDecoder()
_SKIP = WHITESPACE.match


class NotARecord(ValueError):
    """The line is not one JSON object holding the field (the reader checked
    that already, so this means a line and a record that do not agree)."""


def spans(line: str, key: str) -> tuple[int, int, int]:
    """Where the value of top-level field ``key`` starts and ends in ``line``
    (one JSON object), and where its last value ends (new fields go there).
    Of two fields of that name, the last (the one ``json.loads`` keeps).

    >>> line = '{"id": 1e5, "text": "caf\\\\u00e9", "n": [1, {"text": 2}] }'
    >>> start, end, last = spans(line, "text")
    >>> line[start:end], line[last:]
    ('"caf\\\\u00e9"', ' }')
    """
    i = _SKIP(line, 0).end()
    if line[i : i + 1] != "{":
        raise NotARecord("not a JSON object")
    i = _SKIP(line, i + 1).end()
    found: tuple[int, int] | None = None
    try:
        while line[i : i + 1] == '"':
            name, i = scanstring(line, i + 1)
            i = _SKIP(line, i).end()
            if line[i : i + 1] != ":":
                break
            start = _SKIP(line, i + 1).end()
            if line[start : start + 1] == '"':
                _, i = scanstring(line, start + 1)
            else:
                _, i = _DECODER.raw_decode(line, start)
            if name == key:
                found = (start, i)
            last = i
            i = _SKIP(line, i).end()
            if line[i : i + 1] == ",":
                i = _SKIP(line, i + 1).end()
            elif line[i : i + 1] == "}":
                if found is None:
                    raise NotARecord(f"no field {key!r}")
                return found[0], found[1], last
            else:
                break
    except json.JSONDecodeError as e:
        raise NotARecord(str(e)) from None
    raise NotARecord(f"not a JSON object (column {i + 1})")


def replace_value(line: str, key: str, value: str, more: str = "") -> str:
    """``line`` with the value of field ``key`` replaced by ``value`` (JSON
    text), and ``more`` (JSON members, ``"a": 1, "b": 2``) added after its
    last field; every other character as it was.

    >>> replace_value('{"n":1.50, "text":"x"}', "text", '"y"', '"lang": "en"')
    '{"n":1.50, "text":"y", "lang": "en"}'
    """
    start, end, last = spans(line, key)
    if not more:
        return line[:start] + value + line[end:]
    return line[:start] + value + line[end:last] + ", " + more + line[last:]
