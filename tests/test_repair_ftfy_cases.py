"""Repair against python-ftfy's own test cases (tests/ftfy_cases/, Apache-2.0):
what ftfy fixes in the wild and in its synthetic cases, fixed exactly; its
negative cases untouched; its known failures, those a plausibility score can
decide.  What counts as right is bench/ftfy_cases.py's ``target``: ftfy's
"fixed-encoding" where it has one (we never uncurl quotes), else "fixed"."""

import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), os.pardir, "bench"))
import ftfy_cases

from cleaner.repair import repair

HERE = Path(__file__).parent / "ftfy_cases"


def _cases(name):
    cases = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
    return [pytest.param(c, id=c["label"][:60]) for c in cases]


@pytest.mark.parametrize(
    "case", _cases("in-the-wild") + _cases("synthetic") + _cases("negative") + _cases("language-names")
)
def test_ftfy_cases_are_repaired_exactly(case):
    assert repair(case["original"]).text == ftfy_cases.target(case)


KNOWN_FAILURES_FIXED = {
    # Mac Roman text read as Latin-1: its accented letters are C1 controls.
    "Latin-1 / MacRoman mixup in Spanish",
    "Latin-1 / MacRoman mixup in Spanish, 2 characters",
    # UTF-8 read as cp437: "┬┐" before a sentence is "¿".
    "subtle UTF-8 / codepage 437 mixup in Spanish",
    # No-break spaces lost after a misread lead byte: "Г bien", Arabic "Ù Ù Ù¡".
    "An example with 'à' in windows-1251 where we need our heuristic to be bolder",
    "Synthetic: Incomplete UTF-8 / Windows-1252 mixup in Arabic",
    # "più" read as Mac Roman: a symbol inside a word mended into a letter.
    "Italian UTF-8 / MacRoman mojibake that looks like math",
    # "MISUTÂ\xa0AJIKKO": a capital in a word of capitals, nothing broken.
    "Synthetic, false positive: the title of a manga, in weird capitalized romaji, with a non-breaking space",
}


@pytest.mark.parametrize("case", _cases("known-failures"))
def test_the_known_failures_a_score_can_decide(case):
    got = repair(case["original"]).text
    if case["label"] in KNOWN_FAILURES_FIXED:
        assert got == ftfy_cases.target(case)
    else:
        # The rest are left as ftfy leaves them or nearly (see the README).
        assert got != ftfy_cases.target(case)
