#!/usr/bin/env python3
"""HTML input against its text dump and against trafilatura, on the dev pages, and what parsing costs.

    python bench/html_inputs.py [--sets boilerplate-dev,boilerplate-dev2] [--jobs N] [--skip-scores] [--repeat N]

Scores (the shared scorer, ``shared/tools/score_boilerplate.py``, one command
per page, side by side on the same pages):

- ``text dump``: ``cleaner clean --format text NAME.txt`` (the page's naive text dump);
- ``HTML``: ``cleaner clean --format text html/NAME.html`` (the page itself);
- ``trafilatura``: ``trafilatura.extract()`` on ``html/NAME.html`` (a reference
  that reads the DOM; installed for this bench only, not a dependency of cleaner).

Prints mean F1 / P / R per set, per language and per source.  Then the speed
row: on the same HTML pages in this process, CPU seconds, the least of
``--repeat`` rounds (the steps taking turns), of :func:`cleaner.io.html.extract`
(decode, parse, the walk that makes the text and its markup) against
``ftfy.fix_text`` on the same pages (their extracted text, and their HTML).
"""

import argparse
import importlib.util
import shlex
import sys
import time
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from boilerplate import mean, score  # noqa: E402 (the scorer runner of bench/boilerplate.py)
from shared_paths import DATA  # noqa: E402

PY = shlex.quote(sys.executable)
AS_HTML = 'f={in}; %s "$(dirname "$f")/html/$(basename "${f%%.txt}").html"'
TRAFILATURA = (
    f"{PY} -c 'import sys, trafilatura; "
    'print(trafilatura.extract(open(sys.argv[1], encoding="utf-8", errors="replace").read()) or "")\''
)
SYSTEMS = {
    "text dump": f"{PY} -m cleaner clean --format text {{in}}",
    "HTML": AS_HTML % f"{PY} -m cleaner clean --format text",
    "trafilatura": AS_HTML % TRAFILATURA,
}


def table(title: str, results: dict[str, list[dict]], key) -> None:
    groups: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for name, rows in results.items():
        for r in rows:
            groups[key(r)][name].append(r)
            groups["all"][name].append(r)
    print(f"| {title} | pages | " + " | ".join(f"{n} F1 (P / R)" for n in results) + " |")
    print("|---|---:|" + "---:|" * len(results))
    for g in sorted(groups, key=lambda g: (g == "all", g)):
        cells = []
        for name in results:
            rs = groups[g][name]
            cells.append(
                f"**{mean([r['F1'] for r in rs]):.3f}** ({mean([r['P'] for r in rs]):.2f} / "
                f"{mean([r['R'] for r in rs]):.2f})"
            )
        n = len(next(iter(groups[g].values())))
        print(f"| {g} | {n} | " + " | ".join(cells) + " |")
    print()


def speed(sets: list[Path], repeat: int) -> None:
    import ftfy

    from cleaner.io.html import extract

    pages = [p.read_bytes() for d in sets for p in sorted((d / "html").glob("*.html"))]
    texts = [p.decode("utf-8", "replace") for p in pages]
    extracted = [extract(p).text for p in pages]

    # CPU seconds of this process (other jobs on the machine do not count),
    # the least of `repeat` rounds, the three steps taking turns in each.
    steps = {"parse": (extract, pages), "fix_text": (ftfy.fix_text, extracted), "fix_html": (ftfy.fix_text, texts)}
    best = dict.fromkeys(steps, float("inf"))
    for _ in range(repeat):
        for name, (fn, items) in steps.items():
            t = time.process_time()
            for x in items:
                fn(x)
            best[name] = min(best[name], time.process_time() - t)
    parse, fix_text, fix_html = best["parse"], best["fix_text"], best["fix_html"]
    mb = sum(map(len, pages)) / 1e6
    print(f"Speed on the same {len(pages)} pages ({mb:.1f} MB of HTML), CPU seconds, least of {repeat} runs:\n")
    print("| step | CPU seconds | ms/page | vs ftfy on the text |")
    print("|---|---:|---:|---:|")
    for name, t in [
        ("HTML parsing: cleaner.io.html.extract (decode, parse, text and markup)", parse),
        ("ftfy.fix_text on the extracted text", fix_text),
        ("ftfy.fix_text on the HTML", fix_html),
    ]:
        print(f"| {name} | {t:.2f} | {1000 * t / len(pages):.1f} | {t / fix_text:.2f}x |")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="boilerplate-dev,boilerplate-dev2")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--match")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-scores", action="store_true", help="only the speed rows")
    ap.add_argument("--only", help="comma-separated system names to run")
    args = ap.parse_args()
    sets = [DATA / s for s in args.sets.split(",")]
    if not all(d.exists() for d in sets):
        sys.exit(f"no data in {DATA}: the dev pages live in the shared folder beside the repository")
    systems = {k: v for k, v in SYSTEMS.items() if not args.only or k in args.only.split(",")}
    if "trafilatura" in systems and importlib.util.find_spec("trafilatura") is None:
        # (its column would read 0.000 on every page: an empty extraction each time)
        print("trafilatura is not installed (pip install trafilatura): its column is left out", file=sys.stderr)
        del systems["trafilatura"]
    if not args.skip_scores:
        for d in sets:
            opts = SimpleNamespace(jobs=args.jobs, data=d, match=args.match)
            results = {name: score(cmd, opts) for name, cmd in systems.items()}
            print(f"### {d.name}\n")
            table("language", results, lambda r: r["lang"])
            table("source", results, lambda r: r["dataset"])
    speed(sets, args.repeat)


if __name__ == "__main__":
    main()
