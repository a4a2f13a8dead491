"""What the HTML report costs: the run that writes it, and the page in a browser.

On the benchmark corpus (``bench/corpus.py``: 5 MB is 1,243 pages) it runs
``cleaner clean --format docs`` without a report (the baseline) and then with
``--report`` at growing ``--report-sample`` sizes, and opens each page in
Debian's headless chromium (``tests/chromium.py``).  Prints one table:

* cpu-s, x base: CPU seconds of the run (steadier than wall time on a
  shared machine; the least of ``--repeat`` runs), and their ratio to the
  baseline run's;
* page MB: size of the HTML file;
* load ms: from navigation to the end of the load event (the page's script
  has parsed its data and drawn the summary and every document's header);
* filter ms: choosing a language in the filter (hides and shows every card);
* search ms: a first search (lower-cases every document's text once);
* draw ms: opening the longest document and drawing its text.

The machine is shared: compare rows of one run, not runs.

    python bench/report.py                          # 5 MB, samples 100,1000,2000
    python bench/report.py --size 2MB --samples 100,500
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path[:0] = [HERE, os.path.join(ROOT, "tests")]

import corpus  # noqa: E402  (bench/corpus.py)
from chromium import Browser, find_chromium  # noqa: E402  (tests/chromium.py)

SEARCH = "the"  # common in the English pages: a search that keeps many cards


def timed_run(args: list[str], repeat: int) -> float:
    """CPU seconds (user + system) of a ``cleaner clean`` run: the least of
    ``repeat`` runs, since other work on the machine only ever adds."""

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    best = float("inf")
    for _ in range(repeat):
        before = cpu()
        subprocess.run([sys.executable, "-m", "cleaner", "clean", "-q", *args], check=True, cwd=ROOT)
        best = min(best, cpu() - before)
    return best


def page_times(browser: Browser, page: str) -> dict[str, float]:
    browser.goto("file://" + page)
    load = browser.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    pick = """(() => {{ const t = performance.now(); {setup}
        const e = document.getElementById('filter-lang'); e.value = {lang}; e.dispatchEvent(new Event('change'));
        return performance.now() - t; }})()"""
    second = browser.evaluate("document.querySelector('#filter-lang option:nth-child(3)').value")
    filter_ms = browser.evaluate(pick.format(setup="", lang=repr(second)))
    search_ms = browser.evaluate(pick.format(setup=f"document.getElementById('search').value = {SEARCH!r};", lang="''"))
    draw_ms = browser.evaluate("""new Promise(done => {
        document.getElementById('search').value = '';
        document.getElementById('filter-lang').dispatchEvent(new Event('change'));
        const cards = [...document.querySelectorAll('details.doc')];
        const data = JSON.parse(document.getElementById('report-data').textContent).documents;
        let k = 0;
        data.forEach((d, i) => { if (d.text.length > data[k].text.length) k = i; });
        cards[k].scrollIntoView();
        const t = performance.now();
        cards[k].open = true;
        const wait = () => cards[k].dataset.drawn ? done(performance.now() - t) : requestAnimationFrame(wait);
        wait();
    })""")
    errors = browser.errors()
    if errors:
        raise SystemExit(f"{page}: console errors: {errors}")
    return {"load": load, "filter": filter_ms, "search": search_ms, "draw": draw_ms}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=corpus.parse_size, default=corpus.parse_size("5MB"))
    ap.add_argument("--samples", default="100,1000,2000", help="--report-sample sizes, comma-separated")
    ap.add_argument("--data", default=corpus.DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each case; the least CPU time counts")
    args = ap.parse_args()
    if find_chromium() is None:
        sys.exit("chromium not found (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="cleaner-report-bench-") as tmp:
        src = os.path.join(tmp, "corpus.jsonl")
        corpus.write_corpus(args.size, jsonl=src, data_dir=args.data)
        docs = sum(1 for _ in open(src, encoding="utf-8"))
        common = ["--format", "docs", src, "-o", os.path.join(tmp, "out.jsonl")]
        base = timed_run(common, args.repeat)
        print(f"corpus: {args.size / 1e6:.0f} MB, {docs:,} documents; baseline run (no report): {base:.1f} cpu-s")
        print(
            f"{'sample':>7} {'shown':>6} {'cpu-s':>6} {'x base':>6} {'page MB':>8} {'load ms':>8} "
            f"{'filter ms':>9} {'search ms':>9} {'draw ms':>8}"
        )
        samples = [int(x) for x in args.samples.split(",")]
        cpu = {
            n: timed_run(
                common + ["--report", os.path.join(tmp, f"report-{n}.html"), "--report-sample", str(n)], args.repeat
            )
            for n in samples
        }  # before the browser starts, so it takes no CPU from them
        with Browser() as browser:
            for n in samples:
                page = os.path.join(tmp, f"report-{n}.html")
                seconds = cpu[n]
                t = page_times(browser, page)
                print(
                    f"{n:>7} {min(n, docs):>6,} {seconds:>6.1f} {seconds / base:>6.2f} "
                    f"{os.path.getsize(page) / 1e6:>8.1f} {t['load']:>8.0f} {t['filter']:>9.1f} "
                    f"{t['search']:>9.1f} {t['draw']:>8.0f}"
                )


if __name__ == "__main__":
    main()
