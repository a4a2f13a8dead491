import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.languages import MARKER_WORDS, SCRIPT_CANDIDATES
from cleaner.markers import excluded, letter_language, marker_language, word_hits
from cleaner.scripts import script_language
from cleaner.sentences import quotes, sentences

CYRL = SCRIPT_CANDIDATES["Cyrl"]
LATN = SCRIPT_CANDIDATES["Latn"]
LANGDETECT_LATN = LATN - {"az", "bs", "eu", "ga", "is", "ms", "yo", "zu", "xh", "st", "tn", "ts", "sn", "lg", "mi"}


def spans(text, pairs):
    return [text[s:e] for s, e in pairs]


def test_sentences_cut_at_terminal_punctuation_and_cjk_stops():
    t = "First one. Second one? Third!  第四句。第五句"
    assert spans(t, sentences(t)) == ["First one.", "Second one?", "Third!", "第四句。", "第五句"]


def test_sentences_not_cut_before_lower_case_or_inside_quotes():
    t = 'Rainer K., ed. and trans., Leben. He said "Stop. Now." Then left.'
    assert spans(t, sentences(t)) == ["Rainer K., ed. and trans., Leben.", 'He said "Stop. Now."', "Then left."]


def test_sentences_offsets_are_absolute():
    t = "xx A b. C d. yy"
    assert sentences(t, 3, 12) == [(3, 7), (8, 12)]


def test_quotes_of_every_kind():
    t = 'a «b c» d „e f“ g “h i” j ‘k l’ m 「日本」 n "o p" q'
    assert spans(t, quotes(t)) == ["b c", "e f", "h i", "k l", "日本", "o p"]


def test_quotes_ignore_inch_marks_inside_words():
    assert quotes('a 5"x7" print') == []


def test_letters_that_name_a_language():
    assert letter_language("Həmin", LATN) == "az"
    assert letter_language("Қазақ", CYRL) == "kk"
    assert letter_language("Беларусь знаходзіцца ў цэнтры", CYRL) == "be"
    assert letter_language("Биогенді аминдерге жатады", CYRL) == "kk"  # і, и and ы: not Belarusian
    assert letter_language("Ћирилица", CYRL) == "sr"
    # Icelandic þ/ð need an Icelandic word: Turkish cp1254 read as Latin-1 has them too.
    assert letter_language("Yaþlýlar huzurevi dýþýna", LATN) is None
    assert letter_language("þar sem flestir búa og", LATN) == "is"


def test_marker_language_only_speaks_for_what_the_detector_lacks():
    known = LANGDETECT_LATN
    assert marker_language("Bhí sé ag caint leis an bhfear agus a bhean.", LATN, known, "cy") == "ga"
    assert marker_language("The cat sat on the mat and looked at the birds.", LATN, known, "en") is None
    # Malay against Indonesian: more telling words than Indonesian has (kerana is
    # a Malay spelling; Indonesian writes karena), not a tie.
    assert marker_language("Dia tidak datang kerana hujan.", LATN, known, "id") == "ms"
    assert marker_language("Dia tidak datang kerana hujan, katanya karena angin.", LATN, known, "id") is None
    assert marker_language("Dia tidak datang kerana hujan, bahawa dia sakit sahaja.", LATN, known, "id") == "ms"
    assert marker_language("Bhí sé ag caint.", LATN, LATN, "ga") is None  # the detector knows Irish


def test_word_hits_counts_irish_mutations():
    assert word_hits("i gCaireo agus bhfuil", "ga") == 3


def test_alphabet_exclusion_allows_a_loaned_letter():
    assert excluded("De draagtijd duurt ongeveer twaalf à dertien dagen.", frozenset({"nl", "fr"})) == frozenset()
    assert excluded("Příliš žluťoučký kůň úpěl ďábelské ódy", frozenset({"cs", "sk", "pl"})) == {"sk", "pl"}
    assert excluded("Москва является столицей", frozenset({"ru", "mk", "sr"})) == {"mk", "sr"}


def test_script_language():
    assert [script_language(s) for s in ("Geor", "Armn", "Hang", "Jpan", "Hani", "Latn", "Cyrl")] == [
        "ka",
        "hy",
        "ko",
        "ja",
        "zh",
        None,
        None,
    ]


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text())
def test_word_fast_paths_give_the_words_of_the_general_path(text):
    from cleaner.markers import WORD, folded_words, words

    assert words(text) == [w.lower() for w in WORD.findall(text)]
    assert folded_words(text) == [w.casefold() for w in words(text)]


@given(st.text(alphabet='«»„“”‘’‹›「」『』"ab. \n'))
def test_quotes_found_by_last_group_are_the_only_group(text):
    from cleaner.sentences import _QUOTES

    for m in _QUOTES.finditer(text):
        assert [i for i in range(1, _QUOTES.groups + 1) if m.group(i) is not None] == [m.lastindex]


def test_the_quote_pattern_finds_what_it_found_before_its_lookahead():
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cleaner import sentences

    pattern = sentences._QUOTES.pattern
    assert pattern.startswith("(?=[") and pattern.endswith(")")
    before = re.compile(pattern[pattern.index("(?:") + 3 : -1])
    pieces = st.sampled_from(list('«»„“”‘’‹›「」『』"') + ["ab", "c", " ", "\n", "x y z", "é"])

    @settings(max_examples=1000, deadline=None)
    @given(st.lists(pieces, max_size=16).map("".join))
    def same(text):
        assert [m.span(m.lastindex) for m in sentences._QUOTES.finditer(text)] == [
            m.span(m.lastindex) for m in before.finditer(text)
        ]

    same()


_MARKER_VOCAB = sorted({w for vocab in MARKER_WORDS.values() for w in vocab})


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_MARKER_VOCAB),
            st.sampled_from(_MARKER_VOCAB).map(lambda w: f"{w}-{w}"),  # reduplicated: "kerajaan-kerajaan"
            st.sampled_from(["bhfuil", "gcuid", "the", "und", "kerja-sama", "x"]),
        ),
        max_size=30,
    )
)
def test_a_bag_counts_each_list_as_walking_the_list_does(toks):
    """WordBag counts every language's hits in one walk over the words; the
    same numbers as summing each list's words, mutations and halves."""
    import re
    from collections import Counter

    from cleaner.markers import WordBag

    bag, counts = WordBag(toks), Counter(toks)
    distinct = " ".join(counts)
    mutated = re.findall(r"(?<!\S)(?:bhf|gc|dt|bh|mh|ng|n-|t-|h-)[aeiouáéíóú]\S*", distinct)
    hyphenated = re.findall(r"(?<!\S)[^\s-]*-\S*", distinct)
    for lang, vocab in MARKER_WORDS.items():
        want = sum(counts[w] for w in vocab if w in counts)
        if lang == "ga":
            want += sum(counts[w] for w in mutated if w not in vocab)
        else:
            want += sum(counts[w] for w in hyphenated if w not in vocab and w.split("-", 1)[0] in vocab)
        assert bag.hits(lang) == want, lang


# The patterns as they were before their shortcuts (a lookahead, a test for an
# opening mark): the shortcuts must change no match.
_PLAIN_END = re.compile(r"(?:[.!?…।॥؟۔]+['\"’”»)\]」』]*\s+)|(?:[。！？]+['\"’”»)\]」』]*\s*)")
_MARKS_AND_ENDS = "ab C.!?…।؟。！？ \n'\"’”»«„“‘‹›「」『』)]x"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_MARKS_AND_ENDS, max_size=60), st.integers(0, 5), st.integers(0, 5))
def test_sentence_ends_and_quotes_shortcuts_change_no_match(text, a, b):
    from cleaner import sentences as sent

    start, end = min(a, len(text)), max(min(a, len(text)), len(text) - b)
    got = [m.span() for m in sent._END.finditer(text, start, end)]
    assert got == [m.span() for m in _PLAIN_END.finditer(text, start, end)]
    want = []
    for m in sent._QUOTES.finditer(text, start, end):
        s, e = m.span(m.lastindex or 0)
        sent._add(text, s, e, want)
    assert sent.quotes(text, start, end) == want


def test_a_line_without_an_opening_mark_has_no_quotation():
    from cleaner.sentences import quotes

    assert quotes("He said” it was «fine, then left»") == [(17, 32)]
    assert quotes("No marks here, just words.") == []
    assert quotes('say "hi there" now', 0, 4) == []  # (the mark is outside the span)
