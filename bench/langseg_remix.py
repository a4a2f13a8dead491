#!/usr/bin/env python3
"""New mixed-language documents from the sentences of langseg-dev: a held-out check.

    python bench/langseg_remix.py OUT_DIR [--seed N] [--docs N] [--half odd|even|all]
                                  [--data ../shared/data/langseg-dev]

The hidden langseg set is built like langseg-dev from other sentences and other
mixes, so rules fitted to the dev documents show up there as a drop.  This script
cuts the gold spans of the dev documents of one half (default: odd-numbered) into
sentences per language and writes NEW documents in the dev set's format
(``NAME.txt``, ``NAME.gold.json`` with main/spans/fragments/headings, and
``langs.json``), so ``bench/langseg_eval.py --data OUT_DIR`` scores them with the
same scorer.  As in the dev set: a main language in 3-15 paragraphs; 0-3 foreign
fragments of four kinds (a paragraph, a one-line caption of 3-12 words, a sentence
inside a paragraph, a quoted phrase inside a sentence, quoted the way the main
language's dev documents quote); about 20% monolingual; most documents have a short
main-language title and some a sub-heading.  Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV = HERE.parents[1] / "shared" / "data" / "langseg-dev"
NO_SPACES = {"zh", "ja"}  # scripts written without spaces between words
SENT_END = re.compile(r"(?<=[.!?։।۔؟])\s+|(?<=[。！？])")
QUOTES_DEFAULT = ("“", "”")


def sentences(text: str) -> list[str]:
    out = []
    for para in re.split(r"\n+", text):
        for s in SENT_END.split(para):
            s = s.strip()
            if len(s) >= 12 and any(c.isalpha() for c in s):
                out.append(s)
    return out


def load(data: Path, half: str):
    """Sentences per language and quote marks per main language, from one half."""
    pool: dict[str, list[str]] = defaultdict(list)
    quotes: dict[str, tuple[str, str]] = {}
    for n, g in enumerate(sorted(data.glob("*.gold.json"))):
        gold = json.loads(g.read_text())
        text = Path(str(g)[:-10] + ".txt").read_text(encoding="utf-8")
        for f in gold["fragments"]:
            if f["kind"] == "quote" and gold["main"] not in quotes:
                quotes[gold["main"]] = (text[f["start"] - 1], text[f["end"]])
        if half != "all" and (n % 2 == 0) != (half == "even"):
            continue
        heads = gold.get("headings", [])
        for s, e, lang in gold["spans"]:
            piece = text[s:e]
            if lang == gold["main"]:  # drop the headings: they are cut sentences
                for hs, he in heads:
                    if s <= hs < e:
                        piece = piece.replace(text[hs:he], "\n", 1)
            kinds = [f["kind"] for f in gold["fragments"] if f["start"] == s]
            if kinds and kinds[0] in ("quote", "caption"):
                continue  # cut phrases, not sentences
            pool[lang].extend(sentences(piece))
    return {k: sorted(set(v)) for k, v in pool.items()}, quotes


def words(s: str, lang: str) -> list[str]:
    return list(s) if lang in NO_SPACES else s.split()


def join(ws: list[str], lang: str) -> str:
    return ("" if lang in NO_SPACES else " ").join(ws)


def cut(rng: random.Random, s: str, lang: str, lo: int, hi: int, start: bool) -> str:
    """A piece of lo..hi words of s (from its start for a heading/caption)."""
    ws = words(s, lang)
    if lang in NO_SPACES:
        lo, hi = lo * 2, hi * 2
    n = min(len(ws), rng.randint(lo, hi))
    i = 0 if start else rng.randint(0, len(ws) - n)
    return join(ws[i : i + n], lang).strip(" ,;:.")


class Doc:
    def __init__(self, main: str):
        self.main, self.parts, self.frags, self.heads = main, [], [], []
        self.len = 0

    def add(self, text: str, lang: str | None = None, kind: str | None = None, head: bool = False):
        start = self.len
        self.parts.append((text, lang or self.main))
        self.len += len(text)
        if kind:
            self.frags.append({"start": start, "end": self.len, "lang": lang, "kind": kind})
        if head:
            self.heads.append([start, self.len])

    def gold(self) -> dict:
        spans: list[list] = []
        pos = 0
        for text, lang in self.parts:
            if spans and spans[-1][2] == lang:
                spans[-1][1] = pos + len(text)
            elif text:
                spans.append([pos, pos + len(text), lang])
            pos += len(text)
        return {"main": self.main, "spans": spans, "fragments": self.frags, "headings": self.heads}


def make(rng: random.Random, pool: dict, quotes: dict, main: str) -> Doc:
    langs = sorted(k for k, v in pool.items() if len(v) >= 3 and k != main)
    mine = pool[main]
    nfrag = 0 if rng.random() < 0.2 else rng.choice((1, 1, 2, 2, 3))
    npar = rng.randint(3, 15)
    paras = [[rng.choice(mine) for _ in range(rng.randint(1, 5))] for _ in range(npar)]
    # where fragments go: (paragraph index, kind, language)
    plan = [
        (rng.randrange(npar), rng.choice(("paragraph", "caption", "sentence", "quote")), rng.choice(langs))
        for _ in range(nfrag)
    ]
    sub = rng.randrange(1, npar) if npar > 4 and rng.random() < 0.3 else None
    doc = Doc(main)
    if rng.random() < 0.8:
        doc.add(cut(rng, rng.choice(mine), main, 3, 12, True), head=True)
        doc.add("\n\n")
    for p, sents in enumerate(paras):
        if p == sub:
            doc.add(cut(rng, rng.choice(mine), main, 3, 12, True), head=True)
            doc.add("\n\n")
        here = [(k, lang) for q, k, lang in plan if q == p]
        for kind, lang in here:
            if kind == "paragraph":
                sp = "" if lang in NO_SPACES else " "
                doc.add(sp.join(rng.choice(pool[lang]) for _ in range(rng.randint(1, 3))), lang, "paragraph")
                doc.add("\n\n")
            elif kind == "caption":
                doc.add(cut(rng, rng.choice(pool[lang]), lang, 3, 12, True), lang, "caption")
                doc.add("\n\n")
        insent = [lang for k, lang in here if k == "sentence"]
        inquote = [lang for k, lang in here if k == "quote"]
        sp = "" if main in NO_SPACES else " "
        for i, s in enumerate(sents):
            if i:
                doc.add(sp)
            if inquote and (i == len(sents) - 1 or rng.random() < 0.5):
                lang = inquote.pop()
                ws = words(s, main)
                at = rng.randint(1, max(1, len(ws) - 1))
                o, c = quotes.get(main, QUOTES_DEFAULT)
                doc.add(join(ws[:at], main) + sp + o)
                doc.add(cut(rng, rng.choice(pool[lang]), lang, 2, 6, False), lang, "quote")
                doc.add(c + sp + join(ws[at:], main))
            else:
                doc.add(s)
            if insent and (i == len(sents) - 1 or rng.random() < 0.4):
                lang = insent.pop()
                doc.add(" ")
                doc.add(rng.choice(pool[lang]), lang, "sentence")
        doc.add("\n\n" if p < npar - 1 else "\n")
    return doc


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--half", choices=("odd", "even", "all"), default="odd")
    ap.add_argument("--data", type=Path, default=DEV)
    a = ap.parse_args()
    pool, quotes = load(a.data, a.half)
    mains = sorted(k for k, v in pool.items() if len(v) >= 5)
    rng = random.Random(a.seed)
    a.out.mkdir(parents=True, exist_ok=True)
    shutil.copy(a.data / "langs.json", a.out / "langs.json")
    for n in range(a.docs):
        doc = make(rng, pool, quotes, mains[n % len(mains)])
        text = "".join(t for t, _ in doc.parts)
        gold = doc.gold()
        assert gold["spans"][-1][1] == len(text)
        (a.out / f"remix{n:04d}.txt").write_text(text, encoding="utf-8")
        (a.out / f"remix{n:04d}.gold.json").write_text(json.dumps(gold, ensure_ascii=False))
    print(f"{a.docs} documents, {len(mains)} main languages, half={a.half}, seed={a.seed} -> {a.out}")


if __name__ == "__main__":
    main()
