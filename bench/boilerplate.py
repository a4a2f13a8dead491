#!/usr/bin/env python3
"""Boilerplate removal on the dev pages: cleaner against the C4 line rules and keep-everything.

    python bench/boilerplate.py [--data DIR] [--jobs N] [--match REGEX] [--system NAME=CMD ...]

Runs the shared scorer (``shared/tools/score_boilerplate.py``) once per system and
prints one table: mean F1, P and R per language and overall (means over pages, as
the scorer computes them).  Speed is not compared here (the scorer's wall time is
dominated by process start-up).
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORER = Path(os.environ.get("SCORER", HERE.parents[1] / "shared" / "tools" / "score_boilerplate.py"))
if not SCORER.exists():
    SCORER = Path("/work/shared/tools/score_boilerplate.py")

SYSTEMS = {
    "keep-all": "cat {in}",
    "c4-lines": f"{shlex.quote(sys.executable)} {shlex.quote(str(HERE / 'c4_baseline.py'))} {{in}}",
    "cleaner": f"{shlex.quote(sys.executable)} -m cleaner clean --format text {{in}}",
}


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


def mean(xs):
    return sum(xs) / len(xs) if xs else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--match")
    ap.add_argument(
        "--system", action="append", default=[], metavar="NAME=CMD", help="add (or replace) a system; CMD contains {in}"
    )
    ap.add_argument("--only", help="comma-separated system names to run")
    args = ap.parse_args()
    systems = dict(SYSTEMS)
    for s in args.system:
        name, _, cmd = s.partition("=")
        systems[name] = cmd
    if args.only:
        systems = {k: v for k, v in systems.items() if k in args.only.split(",")}

    results = {name: score(cmd, args) for name, cmd in systems.items()}
    langs = defaultdict(int)
    for r in next(iter(results.values())):
        langs[r["lang"]] += 1
    rows = [(f"{lang} ({n})", lang) for lang, n in sorted(langs.items())] + [(f"all ({sum(langs.values())})", None)]
    width = max(len(r[0]) for r in rows) + 2
    print(" " * width + "".join(f"{name:<21}" for name in systems))
    print(f"{'language':<{width}}" + "F1    P     R      " * len(systems))
    for label, lang in rows:
        cells = []
        for name in systems:
            rs = [r for r in results[name] if lang is None or r["lang"] == lang]
            cells.append(" ".join(f"{mean([r[m] for r in rs]):.3f}" for m in ("F1", "P", "R")) + "  ")
        print(f"{label:<{width}}" + "".join(cells))
    failed = {name: sum(bool(r["error"]) for r in rs) for name, rs in results.items()}
    if any(failed.values()):
        print("failed pages: " + ", ".join(f"{k}={v}" for k, v in failed.items()))


if __name__ == "__main__":
    main()
