"""Repair decoded text: mojibake, escaped HTML, control characters, line breaks.

ftfy does the work, with the settings that never touch correct text: quotes
stay curly, full-width CJK stays full-width, ligatures stay, and no Unicode
normalisation is applied (NFC would rewrite CJK compatibility ideographs and
other singletons that are correct as written).  Lines are repaired one by one,
so a file where only some lines are mojibake gets exactly those lines fixed,
and a line with nothing ftfy could change skips it altogether.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import ftfy

_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    normalization=None,
    explain=True,
)

# Characters any ftfy fix could act on: Latin-1 and the cp1252 extras (the raw
# material of mojibake), '&' (entities), control characters, BOM, U+FFFD,
# surrogates, line/paragraph separators.  A line without them is left alone.
_SUSPECT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122\u2028\u2029\ufeff\ufffd\ud800-\udfff&]"
)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Repaired:
    text: str
    fixes: list[str] = field(default_factory=list)


def repair(text: str) -> Repaired:
    """Repair ``text``; ``fixes`` names each kind of fix that fired, in order.

    >>> repair("The Mona Lisa doesnâ€™t have eyebrows.")
    Repaired(text='The Mona Lisa doesn’t have eyebrows.', fixes=['encoding'])
    >>> repair("“Curly” stays curly").fixes
    []
    """
    fixes: list[str] = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        fixes.append("line-breaks")
    if not _SUSPECT.search(text):
        return Repaired(text, fixes)
    out = []
    for line in text.split("\n"):
        if _SUSPECT.search(line):
            fixed, steps = ftfy.fix_and_explain(line, _CONFIG)
            for step in steps or ():
                name = _fix_name(step)
                if name not in fixes:
                    fixes.append(name)
            if _LONE_SURROGATE.search(fixed):
                # Lone surrogates cannot be written as UTF-8 at all.
                fixed = _LONE_SURROGATE.sub("\ufffd", fixed)
                if "surrogates" not in fixes:
                    fixes.append("surrogates")
            line = fixed
        out.append(line)
    return Repaired("\n".join(out), fixes)


def _fix_name(step) -> str:
    """A short, stable name for one ftfy explanation step."""
    action, param = step
    if action in ("encode", "decode", "transcode"):
        return "encoding"
    name = param if action == "apply" else action
    return {
        "unescape_html": "html-entities",
        "remove_control_chars": "control-chars",
        "fix_c1_controls": "c1-controls",
        "fix_surrogates": "surrogates",
        "fix_line_breaks": "line-breaks",
        "remove_terminal_escapes": "terminal-escapes",
        "restore_byte_a0": "encoding",
        "replace_lossy_sequences": "encoding",
        "decode_inconsistent_utf8": "encoding",
    }.get(name, name.replace("_", "-"))
