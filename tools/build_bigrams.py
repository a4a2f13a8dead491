#!/usr/bin/env python3
"""Rebuild ``cleaner/data/latin_bigrams.txt`` from langdetect's language profiles.

    python tools/build_bigrams.py

One line per lower-cased letter pair of the Latin alphabets (a space stands for
a word edge) that touches a non-ASCII letter, with the languages whose profile
has it; and one per non-ASCII Latin letter, with the languages that write it
(at least one letter in ``WRITES``).  cleaner.mojibake asks it whether a line needs a Latin-to-Latin
re-reading at all ("Pøíliš", "kùò": no language writes those pairs) without
loading the 55 full profiles; see ``latin_pairs_known`` there.
langdetect's profiles are Apache-2.0 (Nakatani Shuyo), as is this derivative.
"""

from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "cleaner" / "data" / "latin_bigrams.txt"
LATIN_END = "\u0250"  # Basic Latin, Latin-1, Latin Extended-A and -B
WRITES = 1e-4  # below this a letter is a loanword's or a name's ("é" in Estonian)


def main():
    import langdetect.detector_factory as factory
    from langdetect.detector_factory import init_factory

    init_factory()
    probs, langs = factory._factory.word_lang_prob_map, factory._factory.langlist
    known = defaultdict(set)
    for gram, row in probs.items():
        if len(gram) > 2 or gram.isascii() or any(c >= LATIN_END for c in gram):
            continue
        for lang, p in zip(langs, row):
            if p > (WRITES if len(gram) == 1 else 0):
                known[gram if len(gram) == 1 else gram.lower()].add(lang)
    lines = [f"{g}\t{' '.join(sorted(v))}" for g, v in sorted(known.items())]
    OUT.write_text(
        "# letter pair or letter<TAB>languages whose langdetect profile has it; tools/build_bigrams.py\n"
        + "\n".join(lines)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(lines)} pairs -> {OUT}")


if __name__ == "__main__":
    main()
