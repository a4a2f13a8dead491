#!/usr/bin/env python3
"""A monolingual copy of a langseg set, for measuring false alarms on every document.

    python bench/langseg_mono.py --out DIR [--data ../shared/data/langseg-dev]
    python bench/langseg_eval.py --data DIR

Only a fifth of langseg-dev's documents are monolingual (80 of 400), so its false-alarm
rate moves by 0.0125 per document.  This cuts every gold foreign fragment (paragraph,
caption, sentence, quoted phrase) out of each document, squeezes the spaces and blank
lines the cut leaves, and writes the rest with gold "all main language": every
document then counts for false alarms (anything but the main language or ``und`` on a
letter or digit), on the same sentences as the original.  What is left is the set's
own text, which is not always its language: the Leipzig sentences behind it hold
some real foreign text the gold does not mark (a Spanish sentence in Catalan, Latin in
Czech), and those count as alarms here as in the original.
"""

import argparse
import json
import re
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parents[1] / "shared" / "data" / "langseg-dev"


def monolingual(text: str, fragments: list[dict]) -> str:
    """``text`` without the ``fragments`` (start, end), spaces and blank lines squeezed."""
    for fr in sorted(fragments, key=lambda f: -f["start"]):
        text = text[: fr["start"]] + text[fr["end"] :]
    out: list[str] = []
    for line in text.split("\n"):
        line = re.sub(r" {2,}", " ", line).strip(" ")
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    shutil.copy(a.data / "langs.json", a.out / "langs.json")
    n = 0
    for g in sorted(a.data.glob("*.gold.json")):
        name = g.name[: -len(".gold.json")]
        gold = json.loads(g.read_text())
        text = monolingual((a.data / f"{name}.txt").read_text(encoding="utf-8"), gold["fragments"])
        (a.out / f"{name}.txt").write_text(text, encoding="utf-8")
        mono = {"main": gold["main"], "spans": [[0, len(text), gold["main"]]], "fragments": [], "headings": []}
        (a.out / f"{name}.gold.json").write_text(json.dumps(mono))
        n += 1
    print(f"{n} documents in {a.out}")


if __name__ == "__main__":
    main()
