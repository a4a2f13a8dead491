"""Deterministic generator of a realistic multilingual web corpus for benchmarks.

The pages are assembled from real material in ``shared/data``:

* sentences of 58 languages from ``langseg-dev`` (gold spans say which language
  each piece of text is in);
* page furniture (navigation, share buttons, footers, related links) and article
  paragraphs from ``boilerplate-dev`` (a line of a dump that is not in its gold
  text is furniture).

Each page belongs to a *site*; a site has a language, a header and a footer
template and a pool of photo captions, so the same furniture lines recur across
many documents (as they do in a crawl), some captions recur on several pages of
a site and some appear twice on one page. About 5% of pages carry a foreign
fragment (a paragraph, a sentence inside a paragraph, or a caption in another
language) and about 3% are mojibake (UTF-8 read as Windows-1252), either whole
or in one paragraph.

Content paragraphs are random combinations of 2-5 sentences, so they rarely
repeat verbatim: a line-level cache only gets hits on what really recurs
(furniture, captions), as in real data.

Generation streams: one document at a time, constant memory, and the output
depends only on ``--seed`` and the data files (and ``--size``, which only
decides where the stream stops: a smaller corpus is a prefix of a larger one).

Usage::

    python bench/corpus.py --size 50MB --jsonl out/corpus.jsonl --txt-dir out/txt
    python bench/corpus.py --size 1GB --jsonl out/big.jsonl.gz
"""

from __future__ import annotations

import argparse
import glob
import gzip
import io
import json
import os
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from shared_paths import DATA  # noqa: E402

DEFAULT_DATA = os.environ.get("CLEANER_SHARED_DATA", str(DATA))

# Rough shares of main languages on the web (Common Crawl order of magnitude);
# languages not listed get the floor weight.  Only languages with enough
# sentences for varied paragraphs can be a page's main language.
WEB_WEIGHTS = {
    "en": 40.0,
    "ru": 6.0,
    "de": 6.0,
    "zh": 4.0,
    "es": 4.0,
    "fr": 4.0,
    "pt": 2.5,
    "pl": 2.0,
    "nl": 2.0,
    "it": 2.0,
    "cs": 1.2,
    "tr": 1.2,
    "fa": 1.0,
    "vi": 1.0,
    "id": 1.0,
    "sv": 0.8,
    "ar": 0.8,
    "el": 0.6,
    "ro": 0.6,
    "hu": 0.6,
    "da": 0.5,
    "fi": 0.5,
    "sk": 0.5,
    "bg": 0.4,
    "th": 0.4,
    "hi": 0.3,
    "ca": 0.3,
}
FLOOR_WEIGHT = 0.15
MIN_MAIN_SENTENCES = 25

_SENT_SPLIT = re.compile(r"(?<=[.!?。！？؟।])\s+|(?<=[。！？])")
_MULTIPLIERS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "KIB": 2**10, "MIB": 2**20, "GIB": 2**30}

UNIVERSAL_FURNITURE = [
    "Facebook",
    "Twitter",
    "LinkedIn",
    "WhatsApp",
    "Email",
    "Print",
    "Share",
    "Copy Link",
    "RSS",
    "Instagram",
    "YouTube",
    "Telegram",
    "VK",
    "Pinterest",
    "×",
    "|",
    "»",
    "Menu",
    "Search",
    "Login",
    "Advertisement",
    "ADVERTISEMENT",
]


def parse_size(text: str) -> int:
    """Parse '5MB', '1GB', '750kB', '123' into a number of bytes."""
    m = re.fullmatch(r"\s*([0-9.]+)\s*([A-Za-z]*)\s*", text)
    if not m or m.group(2).upper() not in _MULTIPLIERS:
        raise argparse.ArgumentTypeError(f"not a size: {text!r}")
    return int(float(m.group(1)) * _MULTIPLIERS[m.group(2).upper()])


def _sentences(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        for s in _SENT_SPLIT.split(line.strip()):
            s = s.strip()
            if len(s) >= 15:
                out.append(s)
    return out


@dataclass
class Material:
    """Everything the generator draws from, loaded once (a few MB at most)."""

    sentences: dict[str, list[str]] = field(default_factory=dict)
    furniture: dict[str, list[str]] = field(default_factory=dict)
    related: dict[str, list[str]] = field(default_factory=dict)

    @property
    def main_langs(self) -> list[str]:
        return sorted(lang for lang, s in self.sentences.items() if len(s) >= MIN_MAIN_SENTENCES)


def load_material(data_dir: str = DEFAULT_DATA) -> Material:
    """Read sentences and furniture from the shared dev sets, in a fixed order."""
    mat = Material()
    lang_dir = os.path.join(data_dir, "langseg-dev")
    for gold_path in sorted(glob.glob(os.path.join(lang_dir, "dev*.gold.json"))):
        with open(gold_path, encoding="utf-8") as f:
            gold = json.load(f)
        with open(gold_path[: -len(".gold.json")] + ".txt", encoding="utf-8") as f:
            text = f.read()
        for start, end, lang in gold["spans"]:
            mat.sentences.setdefault(lang, []).extend(_sentences(text[start:end]))
    bp_dir = os.path.join(data_dir, "boilerplate-dev")
    for gold_path in sorted(glob.glob(os.path.join(bp_dir, "*.gold.txt"))):
        lang = os.path.basename(gold_path).split("-")[1]
        with open(gold_path, encoding="utf-8") as f:
            gold_lines = [line.strip() for line in f]
        gold_set = set(gold_lines)
        mat.sentences.setdefault(lang, []).extend(s for line in gold_lines if len(line) > 80 for s in _sentences(line))
        with open(gold_path[: -len(".gold.txt")] + ".txt", encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line in gold_set:
                    continue
                # Short lines are menus and buttons; longer ones are headlines
                # of related stories, comments and teasers.
                if len(line) <= 40:
                    mat.furniture.setdefault(lang, []).append(line)
                elif len(line) <= 200:
                    mat.related.setdefault(lang, []).append(line)
    for table in (mat.sentences, mat.furniture, mat.related):
        for lang, items in table.items():
            table[lang] = list(dict.fromkeys(items))  # dedupe, keep order
    if not mat.sentences:
        raise SystemExit(f"no sentences found under {data_dir}")
    return mat


def _mojibake(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (undefined bytes as Latin-1), ftfy's classic case."""
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def _words(rng: random.Random, sentence: str, lo: int, hi: int) -> str:
    """A run of lo..hi words (or CJK characters) from a sentence."""
    words = sentence.split()
    if len(words) < 3:  # CJK/Thai: no spaces
        n = rng.randint(lo * 2, hi * 2)
        start = rng.randrange(max(1, len(sentence) - n))
        return sentence[start : start + n].strip(" ,.，。")
    n = rng.randint(lo, hi)
    start = rng.randrange(max(1, len(words) - n))
    return " ".join(words[start : start + n]).strip(" ,.;:")


@dataclass
class Site:
    name: str
    lang: str
    sep: str
    header: list[str]
    footer: list[str]
    captions: list[str]
    share: list[str]
    bylines: list[str]


def _make_site(rng: random.Random, idx: int, lang: str, mat: Material) -> Site:
    sents = mat.sentences[lang]
    tld = {"en": "com", "zh": "cn", "fa": "ir", "hi": "in"}.get(lang, lang)
    name = f"{rng.choice(['daily', 'news', 'portal', 'blog', 'info', 'times', 'press', 'media'])}{idx}.{tld}"

    def nav_item() -> str:
        if lang in mat.furniture and rng.random() < 0.7:
            return rng.choice(mat.furniture[lang])
        return _words(rng, rng.choice(sents), 1, 3).capitalize()

    header = [nav_item() for _ in range(rng.randint(3, 20))]
    header[rng.randrange(len(header))] = name.split(".")[0].upper()
    share = rng.sample(UNIVERSAL_FURNITURE, rng.randint(2, 7))
    footer = [nav_item() for _ in range(rng.randint(2, 12))]
    footer.append(f"© {rng.randint(2005, 2024)} {name}. {_words(rng, rng.choice(sents), 2, 5)}")
    if lang in mat.related:
        footer += rng.sample(mat.related[lang], min(len(mat.related[lang]), rng.randint(0, 4)))
    agency = rng.choice(["AP", "Reuters", "AFP", "Getty Images", "EPA", "dpa", "TASS", "Xinhua"])
    captions = [f"{_words(rng, rng.choice(sents), 4, 12)} ({agency})" for _ in range(rng.randint(3, 25))]
    bylines = [_words(rng, rng.choice(sents), 2, 3) for _ in range(rng.randint(2, 8))]
    return Site(name, lang, rng.choice(["\n\n", "\n", "\n"]), header, footer, captions, share, bylines)


class CorpusGenerator:
    """Stream of documents ``{"id", "url", "text"}``; deterministic for a seed."""

    def __init__(
        self,
        seed: int = 0,
        n_sites: int = 300,
        data_dir: str = DEFAULT_DATA,
        foreign_rate: float = 0.05,
        mojibake_rate: float = 0.03,
    ):
        self.seed = seed
        self.foreign_rate = foreign_rate
        self.mojibake_rate = mojibake_rate
        self.mat = load_material(data_dir)
        rng = random.Random(f"sites-{seed}")
        mains = self.mat.main_langs
        weights = [WEB_WEIGHTS.get(m, FLOOR_WEIGHT) for m in mains]
        self.sites = [_make_site(rng, i, rng.choices(mains, weights)[0], self.mat) for i in range(n_sites)]
        self.all_langs = sorted(self.mat.sentences)
        self.stats = {"docs": 0, "bytes": 0, "foreign": 0, "mojibake": 0}

    def _paragraph(self, rng: random.Random, lang: str) -> str:
        sents = self.mat.sentences[lang]
        joiner = "" if lang in ("zh", "ja", "th") else " "
        return joiner.join(rng.choice(sents) for _ in range(rng.randint(2, 5)))

    def document(self, i: int) -> dict:
        """Document number ``i``: depends only on the seed and ``i``."""
        rng = random.Random(f"doc-{self.seed}-{i}")
        site = self.sites[int(rng.paretovariate(1.2) * 7) % len(self.sites)]
        lang = site.lang
        lines: list[str] = list(site.header)
        title = _words(rng, rng.choice(self.mat.sentences[lang]), 4, 12)
        lines.append(title[:1].upper() + title[1:])
        if rng.random() < 0.6:
            lines.append(rng.choice(site.bylines))
            # (drawn in this order, so the corpus stays the same for a seed)
            day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2012, 2024)
            hour, minute = rng.randint(0, 23), rng.randint(0, 59)
            lines.append(f"{day}.{month:02d}.{year} {hour}:{minute:02d}")
        lines += site.share
        body = [self._paragraph(rng, lang) for _ in range(rng.randint(2, 14))]
        if rng.random() < 0.4:
            body.insert(rng.randrange(len(body) + 1), rng.choice(site.captions))
        if rng.random() < 0.25:  # the same photo caption above and below the fold
            cap = rng.choice(site.captions)
            body.insert(0, cap)
            body.insert(rng.randrange(1, len(body) + 1), cap)
        if rng.random() < 0.2 and len(body) > 4:
            sub = _words(rng, rng.choice(self.mat.sentences[lang]), 2, 5)
            body.insert(rng.randrange(1, len(body)), sub[:1].upper() + sub[1:])
        foreign = rng.random() < self.foreign_rate
        if foreign:
            flang = rng.choice([other for other in self.all_langs if other != lang])
            kind = rng.choice(["paragraph", "sentence", "caption"])
            fsent = rng.choice(self.mat.sentences[flang])
            at = rng.randrange(len(body))
            if kind == "paragraph":
                body.insert(at, self._paragraph(rng, flang))
            elif kind == "sentence":
                body[at] = body[at] + " " + fsent
            else:
                body.insert(at, _words(rng, fsent, 3, 12))
        mojibake = rng.random() < self.mojibake_rate
        if mojibake:
            if rng.random() < 0.5:
                at = rng.randrange(len(body))
                body[at] = _mojibake(body[at])
            else:
                body = [_mojibake(p) for p in body]
        lines += body
        lines += site.share if rng.random() < 0.5 else []
        lines += site.footer
        text = site.sep.join(lines) + "\n"
        self.stats["docs"] += 1
        self.stats["foreign"] += foreign
        self.stats["mojibake"] += mojibake
        return {
            "id": f"{self.seed}-{i:08d}",
            "url": f"https://{site.name}/{rng.randint(2012, 2024)}/{i:08d}.html",
            "text": text,
        }

    def iter_documents(self, size: int) -> Iterator[dict]:
        """Documents until at least ``size`` bytes of UTF-8 text were produced."""
        total = 0
        i = 0
        while total < size:
            doc = self.document(i)
            total += len(doc["text"].encode("utf-8"))
            self.stats["bytes"] = total
            yield doc
            i += 1


def open_out(path: str):
    """Text writer for a path; .gz and .zst compress by suffix."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    if path.endswith(".gz"):
        return gzip.open(path, "wt", encoding="utf-8", compresslevel=3)
    if path.endswith(".zst"):
        import zstandard  # optional

        raw = open(path, "wb")
        return io.TextIOWrapper(zstandard.ZstdCompressor(level=3).stream_writer(raw), encoding="utf-8")
    return open(path, "w", encoding="utf-8")


def txt_path(txt_dir: str, doc: dict) -> str:
    """Where a document lands in the folder form: one sub-folder per site."""
    site = doc["url"].split("/")[2]
    return os.path.join(txt_dir, site, doc["id"] + ".txt")


def write_corpus(
    size: int,
    seed: int = 0,
    jsonl: str | None = None,
    txt_dir: str | None = None,
    data_dir: str = DEFAULT_DATA,
    mojibake_rate: float = 0.03,
) -> dict:
    """Write the corpus as JSONL and/or a folder of .txt files; return counts."""
    gen = CorpusGenerator(seed=seed, data_dir=data_dir, mojibake_rate=mojibake_rate)
    out = open_out(jsonl) if jsonl else None
    made_dirs: set[str] = set()
    try:
        for doc in gen.iter_documents(size):
            if out is not None:
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            if txt_dir:
                path = txt_path(txt_dir, doc)
                d = os.path.dirname(path)
                if d not in made_dirs:
                    os.makedirs(d, exist_ok=True)
                    made_dirs.add(d)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(doc["text"])
    finally:
        if out is not None:
            out.close()
    return dict(gen.stats)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--size", type=parse_size, default=parse_size("5MB"), help="bytes of text to generate: 5MB .. 1GB (default 5MB)"
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jsonl", help="write JSONL here (.gz/.zst compress)")
    ap.add_argument("--txt-dir", help="write one .txt per document under this folder")
    ap.add_argument("--data", default=DEFAULT_DATA, help="shared data folder")
    ap.add_argument("--clean", action="store_true", help="no mojibake documents (for repair benchmarks)")
    args = ap.parse_args(argv)
    if not args.jsonl and not args.txt_dir:
        ap.error("give --jsonl and/or --txt-dir")
    stats = write_corpus(
        args.size, args.seed, args.jsonl, args.txt_dir, args.data, mojibake_rate=0.0 if args.clean else 0.03
    )
    print(json.dumps(stats), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
