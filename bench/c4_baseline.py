#!/usr/bin/env python3
"""The C4 pretraining filter's line rules, as a baseline for boilerplate removal.

    python bench/c4_baseline.py FILE [--page-rules]

Prints the lines of FILE that C4's ``clean_page`` keeps (Raffel et al. 2020,
"Exploring the Limits of Transfer Learning", section 2.2; TensorFlow Datasets
``c4_utils.clean_page``), re-implemented here without its TensorFlow/Beam/NLTK
dependencies:

- strip the line; drop it if a word is longer than 1000 characters;
- delete Wikipedia-style citation marks ``[1]``, ``[edit]``, ``[citation needed]``;
- keep only lines ending in ``.``, ``?``, ``!`` or ``"`` and not in ``...``;
- keep only lines of at least 5 white-space separated words;
- drop lines containing "javascript";
- drop lines containing a policy phrase ("terms of use", "privacy policy",
  "cookie policy", "uses cookies", "use of cookies", "use cookies").

The page-level rules of C4 (drop the whole page on "lorem ipsum", on a curly
bracket, on a "bad word", or when fewer than 3 sentences survive) decide whether
a page enters a corpus, not which of its lines are furniture; they are applied
only with ``--page-rules`` (then a dropped page prints nothing).  The sentence
count there uses end marks instead of NLTK's punkt tokenizer.  The bad-words
rule is not implemented (it needs C4's word list).  The cross-page line
de-duplication of C4 needs a corpus and is not part of a per-page baseline.
"""

import argparse
import re
import sys

MIN_WORDS_PER_LINE = 5
MIN_NUM_SENTENCES = 3
MAX_WORD_LENGTH = 1000
END_MARKS = (".", "?", "!", '"')
ELLIPSIS = "..."
POLICY_SUBSTRINGS = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")
SENTENCE_END = re.compile(r"[.?!]+(?=\s|$)")


class PageDropped(Exception):
    """C4 would skip the whole page (only raised with page rules on)."""


def clean_lines(text: str, page_rules: bool = False) -> list[str]:
    """The lines of ``text`` that C4's line rules keep, in order.

    >>> clean_lines("Menu\\nThe minister spoke to reporters on Monday.\\nWe use cookies on this site, as you know.")
    ['The minister spoke to reporters on Monday.']
    """
    kept = []
    sentences = 0
    for line in text.splitlines():
        line = line.strip()
        if any(len(w) > MAX_WORD_LENGTH for w in line.split()):
            continue
        line = CITATION.sub("", line)
        if not line.endswith(END_MARKS) or line.endswith(ELLIPSIS):
            continue
        if len(line.split()) < MIN_WORDS_PER_LINE:
            continue
        lower = line.lower()
        if page_rules and "lorem ipsum" in lower:
            raise PageDropped("lorem ipsum")
        if "javascript" in lower:
            continue
        if page_rules and "{" in line:
            raise PageDropped("curly bracket")
        if any(p in lower for p in POLICY_SUBSTRINGS):
            continue
        sentences += max(1, len(SENTENCE_END.findall(line)))
        kept.append(line)
    if page_rules and sentences < MIN_NUM_SENTENCES:
        raise PageDropped("too few sentences")
    return kept


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("--page-rules", action="store_true", help="also apply C4's page-level rules")
    a = ap.parse_args()
    with open(a.file, encoding="utf-8", errors="replace") as f:
        text = f.read()
    try:
        lines = clean_lines(text, a.page_rules)
    except PageDropped:
        return 0
    sys.stdout.write("".join(line + "\n" for line in lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
