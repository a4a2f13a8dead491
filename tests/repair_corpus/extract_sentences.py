"""Extract a few real sentences per language from the langseg dev set.

Run once by hand; its output, sentences.tsv, is committed so the corpus does not
depend on the shared data folder.  Deterministic: documents in name order, sentences in
text order, the first PER_LANG that pass the filters.

    python tests/repair_corpus/extract_sentences.py ../shared/data/langseg-dev
"""

import glob
import json
import os
import re
import sys
import unicodedata

PER_LANG = 4
LINES_PER_LANG = 3  # whole lines (paragraphs) per language for clean_lines.tsv
MIN_NON_ASCII = 3  # a line with fewer non-ASCII letters tests nothing
MIN_LEN, MAX_LEN = 30, 200
# Sentence ends: Latin/Cyrillic/... punctuation followed by a space, or CJK / Devanagari
# full stops anywhere.
SENT_END = re.compile(r"(?<=[.!?؟])\s+|(?<=[。！？।])")
# Turkish/Azeri text in the source corpus already contains cp1254-read-as-cp1252
# mojibake (Yaþlýlar); such sentences would poison the expectations.
SUSPECT = re.compile(r"[þýðÞÝÐ\u0080-\u009f\ufffd]|Ã.|Â.|Ð.|Ñ.")


# Source sentences that are themselves mojibake (found while building the corpus):
# "vyąlo" is "vyšlo" written in ISO-8859-2 and read as cp1250.
KNOWN_CORRUPT = ("vyąlo",)


def sentences(text):
    for para in text.split("\n"):
        for sent in SENT_END.split(para):
            sent = sent.strip()
            if MIN_LEN <= len(sent) <= MAX_LEN:
                yield sent


def acceptable(sent, lang):
    if any(bad in sent for bad in KNOWN_CORRUPT):
        return False
    if SUSPECT.search(sent) and lang not in ("is",):
        return False
    if lang == "is" and re.search(r"Ã.|Â.|[\u0080-\u009f]", sent):
        return False
    if any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs") for c in sent):
        return False
    return sum(c.isalpha() for c in sent) >= len(sent) * 0.5


def main(src):
    pick(src, "sentences.tsv", PER_LANG, lambda span: sentences(span), acceptable)
    # Whole paragraphs: long lines full of a language's own letters are where a
    # re-reading as another code page can look plausible (Icelandic "því" as
    # Baltic "žvķ"), so the clean set needs them, not only short sentences.
    pick(src, "clean_lines.tsv", LINES_PER_LANG, lambda span: (line.strip() for line in span.split("\n")), _rich_line)


def pick(src, name, per_lang, pieces, accept):
    """The first ``per_lang`` acceptable pieces of each gold language -> ``name``."""
    picked = {}
    for gold in sorted(glob.glob(os.path.join(src, "*.gold.json"))):
        text = open(gold[: -len(".gold.json")] + ".txt", encoding="utf-8").read()
        for start, end, lang in json.load(open(gold, encoding="utf-8"))["spans"]:
            got = picked.setdefault(lang, [])
            for piece in pieces(text[start:end]):
                if len(got) < per_lang and piece not in got and accept(piece, lang):
                    got.append(piece)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for lang in sorted(picked):
            for piece in picked[lang]:
                f.write(f"{lang}\t{piece}\n")
    print(f"{sum(map(len, picked.values()))} pieces, {len(picked)} languages -> {out}")


def _rich_line(line, lang):
    rich = sum(1 for c in line if c.isalpha() and not c.isascii())
    return rich >= MIN_NON_ASCII and len(line) <= 1000 and _clean_line(line, lang)


def _clean_line(line, lang):
    if any(bad in line for bad in KNOWN_CORRUPT):
        return False
    if lang in ("tr", "az") and SUSPECT.search(line):
        return False  # the source's own cp1254 mojibake
    return not any(unicodedata.category(c) in ("Cc", "Co", "Cs") for c in line)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "shared", "data", "langseg-dev"))
