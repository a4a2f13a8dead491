from hypothesis import given
from hypothesis import strategies as st

from cleaner.scripts import count_letters, script_of, script_runs


def runs(text):
    return [(text[r.start : r.end], r.script, r.letters) for r in script_runs(text)]


def test_script_of_letters_and_common():
    assert [script_of(c) for c in "aЖαაԱא ع7,"] == [
        "Latn",
        "Cyrl",
        "Grek",
        "Geor",
        "Armn",
        "Hebr",
        "Zyyy",
        "Arab",
        "Zyyy",
        "Zyyy",
    ]
    assert script_of("\u0301") == "Zinh" and script_of("ー") == "Kana" and script_of("한") == "Hang"
    assert script_of("×") == "Zyyy"  # in the Latin-1 block but a symbol


def test_runs_split_where_the_script_changes():
    assert runs("Kerry said: «Привет, мир!» and left.") == [
        ("Kerry said:", "Latn", 9),
        ("«Привет, мир!»", "Cyrl", 9),
        ("and left.", "Latn", 7),
    ]


def test_cjk_runs_are_named_by_content():
    assert runs("東京は晴れです") == [("東京は晴れです", "Jpan", 7)]
    assert runs("北京欢迎你") == [("北京欢迎你", "Hani", 5)]
    assert runs("Tokyo東京") == [("Tokyo", "Latn", 5), ("東京", "Hani", 2)]


def test_no_letters_is_one_common_run_and_blank_is_none():
    assert runs("  12:30 — 45%  ") == [("12:30 — 45%", "Zyyy", 0)]
    assert runs("   ") == []


def test_offsets_are_absolute():
    text = "xx Hello мир yy"
    r = script_runs(text, 3, 12)
    assert [(text[x.start : x.end], x.script) for x in r] == [("Hello", "Latn"), ("мир", "Cyrl")]


def test_count_letters_counts_marks_with_letters():
    assert count_letters("é, e\u0301!") == 3


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text())
def test_ascii_fast_path_gives_the_same_codes(text):
    from cleaner.scripts import _LETTER_TABLE, _TABLE

    for table in (_TABLE, _LETTER_TABLE):
        assert table.apply(text) == text.translate(table)
