#!/usr/bin/env python3
"""Boilerplate removal on the dev pages: cleaner against the C4 line rules and keep-everything.

    python bench/boilerplate.py [--data DIR] [--jobs N] [--match REGEX] [--system NAME=CMD ...]
                                [--favors] [--by-source] [--halves]
    python bench/boilerplate.py --ablate [--data DIR] [--match REGEX]

Runs the shared scorer (``shared/tools/score_boilerplate.py``) once per system and
prints one table: mean F1, P and R per language and overall (means over pages, as
the scorer computes them); ``--by-source`` adds the same table per source (the
page name's prefix: ``rdb-``, ``wcxb-``, ...), ``--halves`` one for the pages at
even and odd places of the manifest (tune on one half, check on the other),
``--favors`` adds cleaner's ``--favor precision`` and ``--favor recall``.  Speed is not compared here (the
scorer's wall time is dominated by process start-up).

``--ablate`` measures what each signal of ``cleaner.classify`` is worth: it
cleans the pages in this process (repair, split, classify: the text
``cleaner clean --format text`` prints), once as is and once with each signal
turned off, and prints F1, P and R overall, F1 per half and per source, scored
with the shared scorer's own functions.
"""

import argparse
import csv
import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from shared_paths import TOOLS  # noqa: E402

SCORER = Path(os.environ.get("SCORER", TOOLS / "score_boilerplate.py"))

SYSTEMS = {
    "keep-all": "cat {in}",
    "c4-lines": f"{shlex.quote(sys.executable)} {shlex.quote(str(HERE / 'c4_baseline.py'))} {{in}}",
    "cleaner": f"{shlex.quote(sys.executable)} -m cleaner clean --format text {{in}}",
}
FAVORS = {f"cleaner-{f}": f"{SYSTEMS['cleaner']} --favor {f}" for f in ("precision", "recall")}

# Each signal of cleaner.classify, and how to turn it off: (function, replacement).
ABLATIONS = {
    "markup lines": ("_markup_text", lambda ln: False),
    "lines opened and closed by tags": ("_tagged", lambda ln: False),
    "labelled counts are counters": ("_counters", lambda ln: False),
    "teaser cards around a one-paragraph item": ("_lone_item", lambda lines: None),
    "a last short sentence closes the body": ("_closes_body", lambda lines, i: False),
    "long Han headlines stop the search": (
        "_too_long",
        lambda f, headline: f.n_words > _classify().MAX_HEADING_WORDS or f.length > _classify().MAX_HEADING_LENGTH,
    ),
    "link lists": ("_link_list", lambda ln: False),
    "breadcrumbs ending with a title": ("_breadcrumb", lambda ln: False),
    "known phrases run together": ("_phrase_run", lambda ln: False),
    "counts and dates": ("_meta", lambda ln: False),
    "section headers end stretches": ("_section_header", lambda ln: False),
    "related header ends article": ("_related_section", lambda *args: None),
    "live feed header ends article": ("_live_feed", lambda ln: False),
    "share bar ends article": ("_share_bar", lambda ln: False),
    "related box above the article": ("_related_box", lambda lines: None),
    "several sentences are prose": ("_sentences", lambda ln: False),
    "near sentences in a row": ("_near_runs", lambda lines: [0] * len(lines)),
    "inline box: the text resumes": ("_resumes", lambda lines, header: False),
    "teaser cards above the article": ("_teasers", lambda lines, main: None),
    "lists of dated titles": ("_title_runs", lambda lines: [0] * len(lines)),
    "tickers of dated titles": ("_dated_lists", lambda lines: None),
    "weak prose behind furniture": ("_beyond_furniture", lambda *args: None),
    "weak stretches next to the article": ("_adjoining", lambda *args: None),
    "teaser cards behind furniture": ("_walled_cards", lambda *args: set()),
    "lines of code inside the body": ("_code_line", lambda ln: False),
    "hard-wrapped paragraphs in the body": ("_wrapped", lambda lines: [False] * len(lines)),
    "hard-wrapped paragraphs kept whole": ("_whole_paragraphs", lambda lines: None),
    "lists announced with a colon": ("_announced_lists", lambda lines: None),
    "teaser cards": ("_card_runs", lambda units: []),
    "transcripts are not pages": ("_text_shaped", lambda lines: False),
    "Han lines without clause marks": ("_run_together", lambda ln: False),
    "comment links with a count": ("_comment_link", lambda ln: False),
    "a byline is no headline": ("_byline", lambda ln: False),
    "a lone lede is a sentence": ("_lede", lambda lines, i: _classify()._after_title(lines, i)),
    "article = its large stretches": (
        "_article_score",
        lambda stretches, scores, left, top, header: scores[top],
    ),
}


def _classify():
    from cleaner import classify

    return classify


def score(cmd: str, args) -> list[dict]:
    """Per-page results of the scorer for ``cmd``."""
    with tempfile.TemporaryDirectory() as tmp:
        details = Path(tmp) / "details.jsonl"
        argv = [sys.executable, str(SCORER), "--cmd", cmd, "--jobs", str(args.jobs), "--details", str(details)]
        if args.data:
            argv += ["--data", str(args.data)]
        if args.match:
            argv += ["--match", args.match]
        done = subprocess.run(argv, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"scorer failed for {cmd!r}:\n{done.stderr}")
        return [json.loads(line) for line in details.read_text(encoding="utf-8").splitlines()]


HALVES = ("even", "odd")  # pages by their place in the manifest: tune on one half, check on the other


def halves(folder: Path | None) -> dict[str, str]:
    """Each page of the set's manifest and its half (``even`` or ``odd`` place)."""
    folder = folder or SCORER.parents[1] / "data" / "boilerplate-dev"
    with open(folder / "manifest.tsv", encoding="utf-8") as fh:
        return {row["name"]: HALVES[i % 2] for i, row in enumerate(csv.DictReader(fh, delimiter="\t"))}


def mean(xs):
    return sum(xs) / len(xs) if xs else 0.0


def source(page: str) -> str:
    return page.split("-", 1)[0]


def print_table(results: dict[str, list[dict]], key: str, title: str) -> None:
    """One row per value of ``key`` (and one for all pages), F1 P R per system."""
    counts = defaultdict(int)
    for r in next(iter(results.values())):
        counts[r[key]] += 1
    rows = [(f"{k} ({n})", k) for k, n in sorted(counts.items())] + [(f"all ({sum(counts.values())})", None)]
    width = max(len(r[0]) for r in rows) + 2
    print(" " * width + "".join(f"{name:<21}" for name in results))
    print(f"{title:<{width}}" + "F1    P     R      " * len(results))
    for label, k in rows:
        cells = []
        for name in results:
            rs = [r for r in results[name] if k is None or r[key] == k]
            cells.append(" ".join(f"{mean([r[m] for r in rs]):.3f}" for m in ("F1", "P", "R")) + "  ")
        print(f"{label:<{width}}" + "".join(cells))


def _scorer():
    spec = importlib.util.spec_from_file_location("score_boilerplate", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ablate(name: str) -> None:
    """Turn off one signal in this process (a worker's initializer)."""
    if name:
        from cleaner import classify

        function, replacement = ABLATIONS[name]
        setattr(classify, function, replacement)


def _clean_page(job: tuple[str, str]) -> dict:
    from cleaner.classify import classify
    from cleaner.records import CONTENT, HEADING
    from cleaner.repair import repair
    from cleaner.split import split_blocks

    folder, page = job
    scorer = _scorer()
    text = repair(Path(folder, f"{page}.txt").read_text(encoding="utf-8")).text
    kept = "\n".join(text[b.start : b.end] for b in classify(text, split_blocks(text)) if b.kind in (CONTENT, HEADING))
    gold = scorer.tokens(Path(folder, f"{page}.gold.txt").read_text(encoding="utf-8"))
    p, r, f = scorer.prf(scorer.tokens(kept), gold)
    return {"page": page, "P": p, "R": r, "F1": f}


def ablation(args) -> None:
    folder = args.data or SCORER.parents[1] / "data" / "boilerplate-dev"
    with open(folder / "manifest.tsv", encoding="utf-8") as fh:
        pages = [row["name"] for row in csv.DictReader(fh, delimiter="\t")]
    pages = [p for p in pages if not args.match or re.search(args.match, p)]
    sources = sorted({source(p) for p in pages})
    half = {p: HALVES[i % 2] for i, p in enumerate(pages)}
    print(f"{'signal off':<40}{'F1    P     R':<20}{'even':>7}{'odd':>7}" + "".join(f"{s:>9}" for s in sources))
    base = None
    for name in ["", *ABLATIONS]:
        with ProcessPoolExecutor(args.jobs, initializer=_ablate, initargs=(name,)) as ex:
            rs = list(ex.map(_clean_page, [(str(folder), p) for p in pages], chunksize=4))
        f1 = mean([r["F1"] for r in rs])
        base = f1 if base is None else base
        cells = " ".join(f"{mean([r[m] for r in rs]):.3f}" for m in ("F1", "P", "R"))
        by_source = "".join(f"{mean([r['F1'] for r in rs if source(r['page']) == s]):>9.3f}" for s in sources)
        halves = "".join(f"{mean([r['F1'] for r in rs if half[r['page']] == h]):>7.3f}" for h in HALVES)
        label = f"{name} ({f1 - base:+.3f})" if name else "(none: as is)"
        print(f"{label:<40}{cells:<20}{halves}{by_source}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--match")
    ap.add_argument(
        "--system", action="append", default=[], metavar="NAME=CMD", help="add (or replace) a system; CMD contains {in}"
    )
    ap.add_argument("--only", help="comma-separated system names to run")
    ap.add_argument("--favors", action="store_true", help="add cleaner --favor precision and --favor recall")
    ap.add_argument("--by-source", action="store_true", help="add a table per source (page-name prefix)")
    ap.add_argument("--halves", action="store_true", help="add a table for the pages at even and odd places")
    ap.add_argument("--ablate", action="store_true", help="F1 with each signal of cleaner.classify turned off")
    args = ap.parse_args()
    if args.ablate:
        ablation(args)
        return
    systems = dict(SYSTEMS)
    if args.favors:
        systems.update(FAVORS)
    for s in args.system:
        name, _, cmd = s.partition("=")
        systems[name] = cmd
    if args.only:
        systems = {k: v for k, v in systems.items() if k in args.only.split(",")}

    results = {name: score(cmd, args) for name, cmd in systems.items()}
    for rs in results.values():
        for r in rs:
            r["source"] = source(r["page"])
    print_table(results, "lang", "language")
    if args.by_source:
        print()
        print_table(results, "source", "source")
    if args.halves:
        half = halves(args.data)
        for rs in results.values():
            for r in rs:
                r["half"] = half[r["page"]]
        print()
        print_table(results, "half", "half")
    failed = {name: sum(bool(r["error"]) for r in rs) for name, rs in results.items()}
    if any(failed.values()):
        print("failed pages: " + ", ".join(f"{k}={v}" for k, v in failed.items()))


if __name__ == "__main__":
    main()
