"""The report in a real browser: Debian's headless chromium loads the report of
a small run; the rendered page must show the run's counts, its filters must
hide what they should, and nothing may go wrong in the console.

Skipped only when chromium is missing and CLEANER_REQUIRE_CHROMIUM is unset;
.ci/run installs chromium and sets it, so CI never skips this test.
"""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from chromium import Browser, find_chromium
from conftest import FIXTURES

from cleaner.report.render import read_page

pytestmark = pytest.mark.skipif(
    find_chromium() is None and not os.environ.get("CLEANER_REQUIRE_CHROMIUM"),
    reason="chromium is not installed (apt-get install chromium)",
)

SUMMARY = re.compile(
    r"cleaner: (?P<docs>[\d,]+) docs, (?P<mb>[\d.]+) MB in .*, removed (?P<removed>\d+)% of segments"
    r".*, (?P<failures>[\d,]+) failures$"
)
SEED = "in/voa-kerry-sochi.txt"
FILES = ("voa-kerry-sochi.txt", "voa-kerry-sochi.mojibake.txt", "moscow.cp1251.txt", "moscow.utf8.txt")
FURNITURE = [
    "Accessibility links\nBreaking News\nShare on Facebook",
    "Skip to main content\nSign in\nSubscribe",
    "Cookie settings\nAccept all cookies\nPrivacy policy",
]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """``cleaner clean --report`` on four fixtures and three pages of mere
    furniture: its summary line, the page's data and the page's path."""
    tmp = tmp_path_factory.mktemp("report")
    (tmp / "in").mkdir()
    for name in FILES:
        shutil.copy(FIXTURES / name, tmp / "in" / name)
    (tmp / "in" / "menus.jsonl").write_text(
        "".join(json.dumps({"id": f"menu-{i}", "text": t}) + "\n" for i, t in enumerate(FURNITURE)), encoding="utf-8"
    )
    page = tmp / "report.html"
    # (The fixtures hold the same two texts twice, as mojibake and repaired: with
    # the cross-document pass the second of each would be all duplicates.)
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "cleaner",
            "clean",
            "--summary",
            "--report",
            str(page),
            "--repeated-lines",
            "0",
            "-o",
            str(tmp / "out") + "/",
            "in",
        ],
        cwd=tmp,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    summary = SUMMARY.match(r.stderr.strip()).groupdict()
    data, _seconds = read_page(page.read_text(encoding="utf-8"))
    return summary, data, page


@pytest.fixture(scope="module")
def browser(run):
    with Browser() as b:
        b.goto(run[2].as_uri())
        assert b.evaluate("document.body.dataset.ready") == "1"
        yield b


def text(b, selector):
    return b.evaluate(f"document.querySelector({selector!r}).textContent")


def shown_names(b):
    return b.evaluate("[...document.querySelectorAll('details.doc:not([hidden])')].map(d => d.dataset.doc)")


def set_filters(b, lang="", reason="", mostly=False, query=""):
    b.evaluate(f"""(() => {{
        const set = (id, prop, value) => {{
            const e = document.getElementById(id);
            e[prop] = value;
            e.dispatchEvent(new Event(id === 'search' ? 'input' : 'change'));
        }};
        set('filter-lang', 'value', {lang!r});
        set('filter-reason', 'value', {reason!r});
        set('filter-mostly', 'checked', {str(mostly).lower()});
        set('search', 'value', {query!r});
    }})()""")
    # The search box waits for typing to pause before it filters.
    b.evaluate("new Promise(done => setTimeout(done, 400))")
    return shown_names(b)


def test_counts_shown_are_the_runs(run, browser):
    summary, data, _page = run
    b = browser
    assert text(b, "#stat-docs b") == summary["docs"]
    assert text(b, "#stat-mb b") == summary["mb"]
    assert text(b, "#stat-failures b") == summary["failures"] == "0"
    assert f"({summary['removed']}%)" in text(b, "#stat-removed span")
    assert int(b.evaluate("document.getElementById('stat-segments').dataset.value")) == data["run"]["segments"]
    assert int(b.evaluate("document.getElementById('stat-removed').dataset.value")) == data["run"]["removed"]
    reasons = b.evaluate("[...document.querySelectorAll('#chart-reasons .row')].map(r => +r.dataset.value)")
    assert sum(reasons) == data["run"]["removed"]
    histogram = b.evaluate("[...document.querySelectorAll('#chart-shares .col')].map(c => +c.dataset.value)")
    assert sum(histogram) == data["run"]["docs"]
    everyone = [d["doc"] for d in data["documents"]]
    assert text(b, "#shown") == text(b, "#total") == str(len(everyone)) == summary["docs"]
    assert shown_names(b) == everyone


def test_filters_hide_what_they_should(run, browser):
    _summary, data, _page = run
    docs = data["documents"]
    b = browser
    georgian = set_filters(b, lang="ka")
    assert georgian == [d["doc"] for d in docs if "ka" in d["langs"]]
    assert georgian == ["in/voa-kerry-sochi.mojibake.txt", SEED]
    assert text(b, "#shown") == str(len(georgian))
    phrase = set_filters(b, reason="boilerplate: phrase")
    assert phrase == [d["doc"] for d in docs if "boilerplate: phrase" in d["reasons"]] and SEED in phrase
    mostly = set_filters(b, mostly=True)
    assert mostly == [d["doc"] for d in docs if d["removed_share"] > 0.5] == ["menu-0", "menu-1", "menu-2"]
    assert set_filters(b, query="москва") == ["in/moscow.cp1251.txt", "in/moscow.utf8.txt"]
    assert set_filters(b, lang="ka", query="москва") == []
    assert len(set_filters(b)) == len(docs)


def test_a_document_shows_its_segments(run, browser):
    b = browser
    open_doc = f"const d = document.querySelector('details[data-doc=\"{SEED}\"]'); d.open = true; d.scrollIntoView();"
    b.evaluate(f"(() => {{ {open_doc} }})()")
    b.evaluate("new Promise(done => setTimeout(done, 100))")  # the toggle event draws the text
    segs = b.evaluate(f"""[...document.querySelectorAll('details[data-doc="{SEED}"] .seg')].map(s => ({{
        lang: s.dataset.lang, cls: s.className, badge: s.querySelector('.badge').textContent,
        text: s.querySelector('.t').textContent, why: (s.querySelector('.why') || {{}}).textContent || '',
        struck: s.querySelector('.t').tagName === 'DEL'}}))""")
    [doc] = [d for d in run[1]["documents"] if d["doc"] == SEED]
    assert len(segs) == len(doc["segments"])
    assert all(s["badge"] == s["lang"] for s in segs)  # every segment carries its language
    [accessibility] = [s for s in segs if s["text"] == "Accessibility links"]
    assert accessibility["struck"] and accessibility["why"] == "boilerplate: phrase"
    foreign = [s for s in segs if "foreign" in s["cls"].split()]
    assert [(s["lang"], s["struck"]) for s in foreign] == [("ka", False)]
    assert foreign[0]["text"].startswith("პრეზიდენტი")


def test_no_console_errors_and_a_screenshot(run, browser, tmp_path):
    b = browser
    b.evaluate("window.scrollTo(0, 0)")
    shot = tmp_path / "report.png"
    b.screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")
    assert b.errors() == []
