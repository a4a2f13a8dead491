from click.testing import CliRunner

from cleaner.cli import main
from cleaner.templates import TemplateCounter, eligible

DOCS = [f"Home\nOur Staff\nEditorial Director Arnold Kim\nStory {i} begins here, and the minister arrived in Sochi "
        f"on Monday for talks that officials on both sides described as difficult, and he was expected to meet "
        f"the president later.\nThe second paragraph of story {i}: it was the first visit of its kind in two "
        f"years, and analysts said it was a sign that both sides still wanted to talk." for i in range(4)]


def test_counts_do_not_depend_on_order_or_on_how_the_run_is_split():
    a, b, halves, other = (TemplateCounter(width=4096) for _ in range(4))
    for d in DOCS:
        a.add_document(d.splitlines())
    for d in reversed(DOCS):
        b.add_document(d.splitlines())
    for d in DOCS[:2]:
        halves.add_document(d.splitlines())
    for d in DOCS[2:]:
        other.add_document(d.splitlines())
    halves.merge(other)
    assert a.table == b.table == halves.table
    assert a.documents == halves.documents == 4
    assert a.count("our staff") == 4 and a.count("editorial director arnold kim") == 4


def test_a_line_counts_once_per_document_and_only_when_eligible():
    c = TemplateCounter(width=4096, min_docs=2)
    c.add_document(["Our Staff", "our staff", "OUR STAFF!"])
    assert c.count("our staff") == 1 and not c.is_template("our staff")
    c.add_document(["Our Staff"])
    assert c.is_template("our staff")
    assert not eligible("ok") and not eligible("x " * 150)


def _run(args, tmp_path, names):
    for name, text in zip(names, DOCS):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", "--keep-boilerplate", "--format", "tsv", *args, str(tmp_path)])
    assert result.exit_code == 0, result.output
    return [line.split("\t") for line in result.output.splitlines()[1:]]


def test_cli_marks_lines_repeated_across_the_run(tmp_path):
    rows = _run([], tmp_path, ["a.txt", "b.txt", "c.txt"])
    assert [(r[7], r[8], r[10]) for r in rows[:3]] == [
        ("boilerplate", "phrase", "Home"), ("boilerplate", "repeated-across-docs", "Our Staff"),
        ("boilerplate", "repeated-across-docs", "Editorial Director Arnold Kim")]
    assert [r[7] for r in rows[3:5]] == ["content", "content"]
    assert sum(r[8] == "repeated-across-docs" for r in rows) == 6


def test_threshold_and_switch(tmp_path):
    rows = _run(["--repeated-lines", "4"], tmp_path, ["a.txt", "b.txt", "c.txt"])
    assert not any(r[8] == "repeated-across-docs" for r in rows)
    rows = _run(["--repeated-lines", "0"], tmp_path, ["a.txt", "b.txt", "c.txt"])
    assert not any(r[8] == "repeated-across-docs" for r in rows)
