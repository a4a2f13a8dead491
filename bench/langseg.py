#!/usr/bin/env python3
"""Language segmentation on the langseg dev data: cleaner vs per-line baselines.

    python bench/langseg.py [--data DIR] [--only NAME,...] [--limit N] [--jobs N]

Runs the shared scorer (../shared/tools/score_langseg.py, one process per document)
for each baseline of bench/langseg_baselines.py and for
`cleaner clean --keep-boilerplate --format jsonl {in}` with each --detector, and prints
one table: characc, fragF1, falsealarm, docs/s, and speed relative to per-line
langdetect measured in the same run (the machine is shared, so absolute docs/s is noisy).
"""

import argparse
import re
import shlex
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from shared_paths import TOOLS  # noqa: E402

SCORER_CANDIDATES = [TOOLS / "score_langseg.py"]
PY = shlex.quote(sys.executable)
BASE = f"{PY} {shlex.quote(str(HERE / 'langseg_baselines.py'))}"
CLEANER = f"{PY} -m cleaner clean --keep-boilerplate --format jsonl"

RUNS = [
    ("langdetect/line", f"{BASE} langdetect {{in}}"),
    ("langdetect_rs/line", f"{BASE} langdetect_rs {{in}}"),
    ("py3langid/line", f"{BASE} langid {{in}}"),
    ("fasttext-lite/line", f"{BASE} fasttext {{in}}"),
    ("lingua/multi", f"{BASE} lingua {{in}}"),
    ("cleaner langdetect", f"{CLEANER} --detector langdetect {{in}}"),
    ("cleaner langid", f"{CLEANER} --detector langid {{in}}"),
    ("cleaner fasttext", f"{CLEANER} --detector fasttext {{in}}"),
]


def score(scorer, cmd, args):
    argv = [sys.executable, str(scorer), "--cmd", cmd, "--jobs", str(args.jobs)]
    if args.data:
        argv += ["--data", str(args.data)]
    if args.limit:
        argv += ["--limit", str(args.limit)]
    p = subprocess.run(argv, capture_output=True, text=True)
    out = p.stdout
    m = re.search(r"characc=(\S+) fragF1=(\S+) falsealarm=(\S+) docs=(\d+) failed=(\d+)", out)
    rate = re.search(r"docs/s=(\S+)", out)
    head = re.search(r"headacc=(\S+)", out)
    spur = re.search(r"spurious/doc=(\S+)", out)
    if not m:
        return None, (p.stderr.strip().splitlines() or ["no output"])[-1]
    return {
        "characc": m[1],
        "fragF1": m[2],
        "falsealarm": m[3],
        "failed": m[5],
        "docs/s": float(rate[1]) if rate else float("nan"),
        "headacc": head[1] if head else "?",
        "spurious": spur[1] if spur else "?",
        "detail": out,
    }, None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--scorer", type=Path)
    ap.add_argument("--only", help="comma-separated names (prefix match) of the runs to do")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--verbose", action="store_true", help="print the scorer's full output too")
    args = ap.parse_args()
    scorer = args.scorer or next((p for p in SCORER_CANDIDATES if p.exists()), None)
    if scorer is None:
        ap.error("score_langseg.py not found; pass --scorer")
    runs = RUNS
    if args.only:
        wanted = [w.strip() for w in args.only.split(",")]
        runs = [r for r in RUNS if any(r[0].startswith(w) for w in wanted)]
    rows, ref = [], None
    for name, cmd in runs:
        r, err = score(scorer, cmd, args)
        if r and name == "langdetect/line":
            ref = r["docs/s"]
        rows.append((name, r, err))
        if args.verbose and r:
            print(f"--- {name}\n{r['detail']}", file=sys.stderr)
        print(
            f"{name}: " + (err or f"characc={r['characc']} fragF1={r['fragF1']} falsealarm={r['falsealarm']}"),
            file=sys.stderr,
            flush=True,
        )
    cols = [
        "characc",
        "fragF1",
        "falsealarm",
        "headacc",
        "spurious/doc",
        "failed",
        "docs/s",
        "speed vs langdetect/line",
    ]
    print(f"| {'run':<20} | " + " | ".join(cols) + " |")
    print(f"|{'-' * 22}|" + "|".join("-" * (len(c) + 2) for c in cols) + "|")
    for name, r, err in rows:
        if r is None:
            print(f"| {name:<20} | {'error: ' + err[:80]} |")
            continue
        rel = f"{r['docs/s'] / ref:.2f}x" if ref else "n/a"
        print(
            f"| {name:<20} | {r['characc']:>7} | {r['fragF1']:>6} | {r['falsealarm']:>10} | {r['headacc']:>7} "
            f"| {r['spurious']:>12} | {r['failed']:>6} | {r['docs/s']:>6.2f} | {rel:>24} |"
        )


if __name__ == "__main__":
    main()
