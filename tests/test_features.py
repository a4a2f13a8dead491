from cleaner.features import features, main_script, words_of
from cleaner.stopwords import pick_languages, stopwords


def test_terminal_punctuation_typographic_and_cjk():
    for line in [
        "他说：“我们会继续合作。”",
        "Είπε ότι θα συνεχίσουν;",
        "Powiedział, że tak…",
        "Rekao je: »Da.«",
        "彼は「はい」と言った！",
        "قال إنه سيعود؟",
    ]:
        assert features(line).terminal, line
    assert not features("Isolation, sanctions").terminal
    assert features("Ukrajina, Rusija,").weak_end


def test_title_case_and_capitals():
    assert features("13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020").capitals >= 0.6
    assert features("The minister said the talks would resume in Sochi next week.").capitals < 0.3


def test_scripts_words_and_stop_lists():
    assert main_script("商品の改造が商標法違反に") == "Jpan" and main_script("相关新闻") == "Hani"
    assert words_of("新华社 北京") == ["新", "华", "社", "北", "京"]
    assert pick_languages(
        {"Latn": "w poniedziałek rząd zdecydował, że nowe prawo wejdzie w życie".split(), "Grek": ["και"]}
    ) == {"Latn": "pl", "Grek": "el"}
    # Greek lists are case-folded: final sigma is stored as σ.
    assert "τησ" in stopwords("el") and "的" in stopwords("zh") and "je" in stopwords("hr")
    assert (
        len(
            [
                lang
                for lang in (
                    "en de fr es it pt nl pl cs ru uk el tr ar he zh ja ko ka hr sv da fi hu ro bg "
                    "sk sl sr lt lv et fa hi id vi th ms bn ca no"
                ).split()
                if stopwords(lang)
            ]
        )
        == 41
    )


def test_the_date_pattern_finds_what_it_found_before_its_lookahead():
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cleaner import features

    before = re.compile(features._DATE.pattern.removeprefix("(?=\\d)(?:").removesuffix(")"), re.I)
    pieces = st.sampled_from(["12", "2019", "7", ":", ".", "/", "-", " ", "min", "hours", "h", "年", "a", "1999"])

    @settings(max_examples=500, deadline=None)
    @given(st.lists(pieces, max_size=12).map("".join))
    def same(line):
        assert features._DATE.findall(line) == before.findall(line)

    same()


def test_the_shortcuts_of_line_features_change_nothing():
    """Word starts are taken from ``str.split`` (the same whitespace as the
    regular expression's ``\\s``, for every code point), and a line where the
    precheck finds no separator is one item without running the split."""
    import re
    import sys

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cleaner import features

    space = re.compile(r"\s")
    assert all(bool(space.match(chr(c))) == chr(c).isspace() for c in range(sys.maxunicode + 1))
    word_start = re.compile(r"(?<!\S)\S")
    pieces = st.sampled_from(
        [
            "Home",
            " ",
            "»",
            " / ",
            "24/7",
            " - ",
            "–",
            ">>",
            "<",
            ">",
            "\\",
            "-",
            "—",
            "语音",
            "|",
            "\u00a0",
            "\u2003",
            "a b",
        ]
    )

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=12).map("".join))
    def same(line):
        assert [w[0] for w in line.split()] == word_start.findall(line)
        # (a split point is where the precheck finds one)
        assert bool(features._ITEM_SPLIT.search(line)) == bool(features._ITEM_CHARS.search(line))

    same()


def test_the_words_of_an_ascii_line_are_those_of_the_general_path():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cleaner import features

    @settings(max_examples=500, deadline=None)
    @given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
    def same(line):
        assert features.words_of(line) == features._WORD.findall(line.casefold())

    same()


def test_line_ends_are_what_the_patterns_find():
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cleaner import features as f

    # (what the patterns "[marks][closers]*$" find, the way features used to find them)
    terminal = re.compile(f"[{re.escape(f._TERMINAL_MARKS)}][{re.escape(f._TERMINAL_CLOSERS)}]*$")
    weak_end = re.compile(f"[{re.escape(f._WEAK_MARKS)}][{re.escape(f._WEAK_CLOSERS)}]*$")
    chars = f._TERMINAL_MARKS + f._TERMINAL_CLOSERS + f._WEAK_MARKS + f._WEAK_CLOSERS + "a \n"

    @settings(max_examples=800, deadline=None)
    @given(st.text(alphabet=chars, max_size=8))
    def same(line):
        assert f._ends(line, f._TERMINAL_MARKS, f._TERMINAL_CLOSERS) == bool(terminal.search(line))
        assert f._ends(line, f._WEAK_MARKS, f._WEAK_CLOSERS) == bool(weak_end.search(line))

    same()
