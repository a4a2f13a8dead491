"""HTML in (issue 15): pages become one line per block with their markup, and
classify weighs the markup as evidence next to each line's shape."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from cleaner import Pipeline
from cleaner.cli import main
from cleaner.io import inputs
from cleaner.io.html import declared_charset, decode_html, extract
from cleaner.markup import article_container

pytest.importorskip("selectolax")

CLEANER = [sys.executable, "-m", "cleaner"]
SHARE = "If you liked this article, tell your friends and family about it, because it helps us a lot."
TEASER = "A long teaser paragraph about something else that readers liked a lot this week."
BODY = [
    "The minister arrived in Sochi on Monday for talks with the president of Russia, officials said.",
    "The two men spoke for three hours about trade, energy and the war, according to a statement.",
    "Neither side gave details of what was agreed, but both called the meeting useful and frank.",
]
PAGE = f"""<!doctype html>
<html lang="en-GB"><head><title>Talks in Sochi | Example News</title>
<style>p {{ color: red }}</style><script>var x = "<p>not text</p>";</script></head>
<body>
<header><a href="/">Example News</a> <a href="/login">Sign in</a></header>
<nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li><li><a href="/tv">TV</a></li></ul></nav>
<main><article>
<h1>Talks in Sochi</h1>
<p>{BODY[0]}</p><p>{BODY[1]}</p>
<pre>x = 1
y = 2</pre>
<p>{BODY[2]}</p>
</article></main>
<aside class="sidebar"><h2>Most read</h2><p>{TEASER}</p></aside>
<div class="share-tools"><a href="/s">{SHARE}</a></div>
<footer><p>Example News, 1 Main Street. All rights reserved.</p></footer>
</body></html>"""


def test_a_page_is_one_line_per_block_without_what_a_browser_does_not_show():
    page = extract(PAGE.encode("utf-8"))
    lines = page.text.split("\n\n")
    assert lines[:5] == ["Example News Sign in", "World", "Sport", "TV", "Talks in Sochi"]
    assert "not text" not in page.text and "color" not in page.text
    assert "x = 1\ny = 2" in page.text  # preformatted text keeps its lines
    assert (page.title, page.lang, page.encoding) == ("Talks in Sochi | Example News", "en-GB", "utf-8")
    # One markup record per line of the text, None for the blank lines between blocks.
    assert len(page.markup) == page.text.count("\n") + 1
    marks = {page.text.split("\n")[i]: m for i, m in enumerate(page.markup) if m is not None}
    assert (marks["World"].tag, marks["World"].zone, marks["World"].links) == ("li", "nav", 1.0)
    assert (marks["Talks in Sochi"].heading, marks["Talks in Sochi"].title) == (1, True)
    assert marks[BODY[0]].zone == "" and marks[BODY[0]].links == 0.0
    assert marks["Most read"].zone == "aside" and marks["Most read"].hint == "sidebar"
    assert marks[SHARE].hint == "share"
    assert marks["Example News, 1 Main Street. All rights reserved."].zone == "footer"


def test_markup_is_evidence_the_page_comes_out_as_its_article():
    doc = Pipeline().process_html(PAGE)
    assert doc.cleaned_text.split("\n\n") == ["Talks in Sochi", BODY[0], BODY[1], "x = 1\ny = 2", BODY[2]]
    reasons = {doc.text[b.start : b.end]: b.reason for b in doc.blocks if b.kind == "boilerplate"}
    assert (reasons[TEASER], reasons[SHARE]) == ("landmark", "furniture-class")


def test_offsets_index_the_text_that_cleaner_repair_prints(tmp_path):
    src = tmp_path / "page.html"
    src.write_text(PAGE, encoding="utf-8")
    r = CliRunner().invoke(main, ["repair", str(src)])
    assert r.exit_code == 0
    r2 = CliRunner().invoke(main, ["clean", "--format", "jsonl", "--keep-boilerplate", str(src)])
    segs = [json.loads(line) for line in r2.stdout.splitlines()]
    assert segs and all(r.stdout[s["start"] : s["end"]] == s["text"] for s in segs)


def test_a_folder_reads_html_as_html_without_the_old_warning(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY[2] + "\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["clean", "--format", "text", str(tmp_path)])
    assert (r.exit_code, r.stderr) == (0, "")
    assert r.stdout.startswith("Talks in Sochi\n\n" + BODY[0]) and "<p>" not in r.stdout


def test_html_on_stdin_is_sniffed():
    done = subprocess.run([*CLEANER, "clean", "--format", "text"], input=PAGE.encode(), capture_output=True)
    assert done.returncode == 0 and done.stdout.decode().startswith("Talks in Sochi\n\n" + BODY[0])


def test_without_the_parser_html_is_text_with_one_warning_per_run(tmp_path, monkeypatch):
    monkeypatch.setattr("cleaner.io.html.available", lambda: False)
    for name in ("a.html", "b.htm"):
        (tmp_path / name).write_text(PAGE, encoding="utf-8")
    items = list(inputs.read([str(tmp_path)]))
    notices = [i for i in items if isinstance(i, inputs.Notice)]
    assert len(notices) == 2 and notices[0].once == "html" and "cleaner[html]" in notices[0].message
    assert all(i.kind == "text" for i in items if isinstance(i, inputs.Item))
    r = CliRunner().invoke(main, ["clean", "--format", "text", "--input-format", "html", str(tmp_path / "a.html")])
    assert r.exit_code == 1 and "reading HTML needs selectolax" in r.stderr


def test_the_declared_charset_is_a_hint_never_the_truth():
    ru = "<html><head><meta charset='windows-1251'></head><body><p>Привет, как дела у вас сегодня?</p></body></html>"
    assert extract(ru.encode("cp1251")).text == "Привет, как дела у вас сегодня?"
    # The HTTP header names the charset the meta tag does not.
    assert declared_charset(b"<p>x</p>", "text/html; charset=KOI8-R") == "koi8-r"
    assert extract(ru.replace("windows-1251", "x").encode("koi8-r"), "text/html; charset=koi8-r").encoding == "koi8-r"
    # A wrong label on valid UTF-8 is overruled; so is one whose reading is worse than the detector's.
    assert decode_html("Grüße aus Köln".encode(), "iso-8859-1").text == "Grüße aus Köln"
    de = "Die Straße war voller Menschen, die über die Brücke gingen, um das Fest zu sehen."
    assert decode_html(de.encode("cp1252"), "cp1251").text == de


def test_the_page_language_settles_close_calls_only():
    page = "<html lang='de'><p>The minister arrived in Sochi on Monday for talks with the president.</p></html>"
    assert Pipeline().process_html(page).lang == "en"


def test_the_article_element_is_where_the_paragraphs_are():
    doc = Pipeline().process_html(PAGE)
    marks = [b.markup for b in doc.blocks]
    box = article_container(marks, [doc.text[b.start : b.end] for b in doc.blocks])
    inside = [doc.text[b.start : b.end] for b in doc.blocks if b.markup.path[: len(box)] == box]
    assert inside == ["Talks in Sochi", BODY[0], BODY[1], "x = 1", "y = 2", BODY[2]]


def test_code_inside_the_article_comes_back_that_its_text_alone_would_lose():
    code = "<pre>def f(x):\n    y = [i ** 2 for i in range(x)]\n    return sum(y) + 1</pre>"
    page = f"<article><p>{BODY[0]}</p><p>{BODY[1]}</p>{code}</article><div class=menu><a href=/>Home</a></div>"
    lines = ["def f(x):", "y = [i ** 2 for i in range(x)]", "return sum(y) + 1"]
    dump = "\n\n".join([BODY[0], BODY[1], "\n".join(lines), "Home"])
    assert Pipeline().process(dump).cleaned_text.split("\n\n") == BODY[:2]  # the text alone: not prose
    doc = Pipeline().process_html(page)
    assert doc.cleaned_text.split("\n\n") == [BODY[0], BODY[1], "\n".join(lines)]


def test_a_page_nested_deeper_than_pythons_recursion_limit_is_still_a_page():
    page = "<div>" * 20_000 + f"<p>{BODY[0]}</p>" + "</div>" * 20_000 + "<p>" + "<b>" * 20_000 + BODY[1]
    assert extract(page).text == f"{BODY[0]}\n\n{BODY[1]}"


def test_a_furniture_name_on_the_element_that_holds_the_article_says_nothing():
    # (a mobile menu's drawer wrapped round the whole page: "nav_drawer" holds the article too,
    # and the long paragraph beside the article is the page's, not the drawer's)
    intro = " ".join(BODY) + " That is all we know so far."
    page = "<div class='nav_drawer'><div class='menu'><a href=/>Home</a></div><div class='story'>"
    page += "".join(f"<p>{p}</p>" for p in BODY) + f"</div><ul><li>{intro}</li></ul>"
    page += f"<div class='related'><p>{SHARE}</p></div></div>"
    doc = Pipeline().process_html(page)
    assert doc.cleaned_text.split("\n\n") == [*BODY, intro]
    reasons = {doc.text[b.start : b.end]: b.reason for b in doc.blocks if b.kind == "boilerplate"}
    assert reasons[SHARE] == "furniture-class"


def test_a_page_is_never_read_in_a_dos_code_page():
    # Declared UTF-8, written in cp1252, one line of markup and a few accented
    # words: judged with its markup it read "better" as DOS cp850 ("CafÚ crÞme"),
    # a code page no browser reads pages in.
    page = (
        b'<html><head><meta charset="utf-8"><style>p{color:red}</style></head><body>'
        b"<noscript>Please enable JavaScript to view this site properly.</noscript>"
        b"<template><p>Hidden template text here in English.</p></template>"
        b"<div hidden>Hidden div text in English, a sentence.</div>"
        b"<p>Caf\xe9 cr\xe8me is a French phrase used in English text here.</p>"
        b"<p>Line one<br>Line two of the paragraph with more words in it.</p>"
        b"<!-- a comment with words in it --></body></html>"
    )
    got = extract(page)
    assert got.encoding == "cp1252"
    assert "Café crème is a French phrase used in English text here." in got.text.splitlines()
