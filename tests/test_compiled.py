"""The compiled twins (cleaner/_*.pyx) give exactly what their Python
functions give, and a normal install really uses them."""

import importlib
import os

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252, used by the gate strategies)
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import compiled, scripts, stopwords

PURE = os.environ.get("CLEANER_PURE_PYTHON", "") not in ("", "0")
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _twin(name):
    """The compiled module, given its tables as its Python module gives them
    (also under CLEANER_PURE_PYTHON, when that module leaves it alone: a
    checkout holds the twins its editable install built)."""
    try:
        module = importlib.import_module(f"cleaner.{name}")
    except ImportError:
        pytest.skip(f"cleaner.{name} is not built (pure-Python install)")
    if name == "_scripts":
        module.init(scripts._kind, scripts.Run, scripts.CJK_SCRIPTS, scripts.COMMON, scripts.INHERITED)
    elif name == "_stopwords":
        module.init(stopwords._index())
    elif name == "_repair_scan":
        from cleaner import repair

        tables = repair._trigger_tables()
        module.init(
            tables.single_chars,
            tables.seconds,
            tables.wide_firsts,
            repair._CONTROLS,
            repair._SURROGATES,
            repair._suspect_chars(),
        )
        module.init_gate(**repair.mojibake.gate_tables())
    elif name == "_features":
        from cleaner import features as f

        module.init(
            f._TERMINAL_MARKS, f._TERMINAL_CLOSERS, f._WEAK_MARKS, f._WEAK_CLOSERS, f._SEPARATOR_CHARS, f._CLAUSE_CHARS
        )
    return module


# (the twins that are given tables, and a call that needs them)
NEEDS_TABLES = {
    "_scripts": "count_letters('abc')",
    "_stopwords": "hits(['the'])",
    "_repair_scan": "line_flags('a')",
    "_features": "shape('a')",
}


@pytest.mark.parametrize("name", sorted(NEEDS_TABLES))
def test_a_twin_used_before_its_tables_says_so(name):
    """A twin imported on its own (not through its Python module) raises, never
    reads tables it has not been given."""
    import subprocess
    import sys

    call = NEEDS_TABLES[name]
    code = "\n".join(
        [
            "import importlib",
            "try:",
            f"    m = importlib.import_module('cleaner.{name}')",
            "except ImportError:",
            "    raise SystemExit(3)",
            "try:",
            f"    m.{call}",
            "except RuntimeError as e:",
            "    print(e)",
        ]
    )
    # (with the switch set, the package leaves its twins alone: this one gets no tables)
    env = {**os.environ, "CLEANER_PURE_PYTHON": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    if done.returncode == 3:
        pytest.skip(f"cleaner.{name} is not built")
    assert done.returncode == 0, done.stderr
    assert "call init() first" in done.stdout


@pytest.mark.skipif(PURE, reason="CLEANER_PURE_PYTHON forces the Python functions")
def test_a_normal_install_uses_every_compiled_twin():
    assert compiled.status() == dict.fromkeys(compiled.TWINS, True)
    assert scripts.script_runs is not scripts.py_script_runs
    assert scripts.count_letters is not scripts.py_count_letters


@pytest.mark.skipif(not PURE, reason="only when CLEANER_PURE_PYTHON is set")
def test_the_switch_forces_the_python_functions():
    assert compiled.status() == dict.fromkeys(compiled.TWINS, False)
    assert scripts.script_runs is scripts.py_script_runs


# Text that mixes scripts the way documents do: words of several alphabets,
# CJK with kana, combining marks, digits, punctuation, all kinds of space.
ALPHABETS = [
    "abcdefghijklmnopqrstuvwxyzÀÉÎõüßçñ",
    "абвгдежзийклмнопрстуфхцчшщыьэюя",
    "αβγδεζηθικλμνξοπρστυφχψω",
    "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
    "的一是不了人我在有他这中大来上国个到说们",
    "あいうえおかきくけこアイウエオカキクケコー",
    "한국어문장입니다",
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "अआइईउऊएऐओऔकखगघ",
    "\u0301\u0308\u064b\u200d\ufe0f",
    "0123456789",
    " \t\u00a0\u2003\u3000\n",
    ".,;:!?«»\"'()[]-—…।。！？",
    "𠀀𠀁𝐀𝐁😀",
]
mixed = st.lists(
    st.sampled_from(ALPHABETS).flatmap(lambda a: st.text(alphabet=a, min_size=1, max_size=8)), max_size=30
).map("".join)
texts = st.one_of(mixed, st.text(max_size=200))


@SETTINGS
@given(texts)
def test_count_letters_twins(text):
    c = _twin("_scripts")
    assert c.count_letters(text) == scripts.py_count_letters(text)


@SETTINGS
@given(texts, st.integers(0, 40), st.integers(0, 40))
def test_script_runs_twins(text, a, b):
    c = _twin("_scripts")
    assert c.script_runs(text) == scripts.py_script_runs(text)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    assert c.script_runs(text, start, end) == scripts.py_script_runs(text, start, end)


@SETTINGS
@given(texts)
def test_letter_profile_twins(text):
    c = _twin("_scripts")
    assert c.letter_profile(text) == scripts.py_letter_profile(text)


def test_twins_agree_on_every_code_point_of_the_basic_plane():
    """Each character alone, and between two Latin letters (where a run boundary
    could move): the compiled table learns every class the Python function knows."""
    c = _twin("_scripts")
    chars = [chr(cp) for cp in range(0x20, 0x10000) if not 0xD800 <= cp <= 0xDFFF]
    for i in range(0, len(chars), 512):
        chunk = "".join(chars[i : i + 512])
        assert c.count_letters(chunk) == scripts.py_count_letters(chunk)
        assert c.letter_profile(chunk) == scripts.py_letter_profile(chunk)
        spaced = " ".join(chars[i : i + 512])
        assert c.script_runs(spaced) == scripts.py_script_runs(spaced)


@SETTINGS
@given(
    st.lists(
        st.sampled_from(["the", "de", "la", "und", "и", "的", "xyzzy", "pero", "me", "di", "että", "og"]), max_size=40
    )
)
def test_stopword_hits_twins(words):
    from collections import Counter

    c = _twin("_stopwords")
    got, want = c.hits(words), stopwords.py_stopword_hits(words)
    assert got == want and list(got) == list(want) and type(got) is Counter


def test_stopword_hits_twins_on_every_listed_word():
    c = _twin("_stopwords")
    words = sorted(stopwords._index())
    for i in range(0, len(words), 97):
        chunk = words[i : i + 97] * 2
        assert list(c.hits(chunk).items()) == list(stopwords.py_stopword_hits(chunk).items())


@SETTINGS
@given(
    st.lists(
        st.sampled_from(["the", "de", "la", "und", "и", "的", "xyzzy", "pero", "me", "di", "että", "og", "ei"]),
        max_size=40,
    ),
    st.sampled_from(["en", "es", "de", "nb", "nn", "no", "ru", "fi", "xx", ""]),
)
def test_top_own_twins(words, lang):
    c = _twin("_stopwords")
    assert c.top_own(words, lang) == stopwords.py_top_own(words, lang)
    assert c.top_own(iter(words), lang) == stopwords.py_top_own(iter(words), lang)


def test_top_own_twins_on_every_listed_word():
    c = _twin("_stopwords")
    words = sorted(stopwords._index())
    langs = stopwords.languages()
    for i in range(0, len(words), 97):
        chunk = words[i : i + 97] * 2
        for lang in langs[i % len(langs) :: 40]:
            assert c.top_own(chunk, lang) == stopwords.py_top_own(chunk, lang)


def test_top_own_counts_a_clause():
    """Spanish function words in an English clause: the most any list has, and English's."""
    words = "pero luego me di cuenta de que no tenía dinero".split()
    assert stopwords.top_own(words, "en") == (7, 2)  # (es: pero luego me de que no tenía; en: di, no)
    assert stopwords.top_own(words, "es") == (7, 7)
    assert stopwords.top_own([], "en") == (0, 0)


@SETTINGS
@given(
    st.dictionaries(st.sampled_from(["the", "de", "la", "und", "и", "xyzzy", "pero", "og", "että"]), st.integers(1, 9))
)
def test_counted_stopword_hits_twins(counts):
    c = _twin("_stopwords")
    words = [w for w, k in counts.items() for _ in range(k)]
    assert c.counted(counts) == dict(stopwords.py_stopword_hits(words))


@SETTINGS
@given(st.one_of(texts, st.text(alphabet="ab-'’_2²½ İ\u0301 ", max_size=40)))
def test_words_twins(text):
    from cleaner import markers

    c = _twin("_words")
    assert c.words(text) == markers.WORD.findall(text)


@SETTINGS
@given(st.one_of(texts, st.text(alphabet="ab _-2²½\u00a0\u3000。語\u0301", max_size=40)))
def test_alnum_runs_twins(text):
    from cleaner import phrases

    c = _twin("_words")
    assert c.alnum_runs(text) == phrases._py_alnum_runs(text)


@SETTINGS
@given(texts)
def test_count_alpha_twins(text):
    from cleaner import markers

    c = _twin("_words")
    assert c.count_alpha(text) == markers._py_count_alpha(text)


def test_words_twins_on_every_code_point():
    """Alone, between letters, and joined to a letter: the twin's letter and
    joiner tests are the regex engine's on every code point."""
    import sys

    from cleaner import markers, phrases

    c = _twin("_words")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        for text in (ch, f"a{ch}b", f"a-{ch}"):
            assert c.words(text) == markers.WORD.findall(text), hex(code)
        for text in (ch, f"a{ch}b", f" {ch} "):
            assert c.alnum_runs(text) == phrases._py_alnum_runs(text), hex(code)
        assert c.count_alpha(ch + "a") == markers._py_count_alpha(ch + "a"), hex(code)


@SETTINGS
@given(st.dictionaries(st.sampled_from(["en", "de", "fr", "no", "nb", "es", "it"]), st.integers(0, 5)))
def test_top_languages_twins(hits):
    from collections import Counter

    c = _twin("_stopwords")
    assert c.top(hits) == stopwords.py_top(hits)
    assert c.top(Counter(hits)) == stopwords.py_top(Counter(hits))


@SETTINGS
@given(st.integers(0, 2**64), st.integers(1, 2**31 - 1), st.integers(0, 9), st.integers(0, 700))
def test_walk_twin_draws_what_cpython_random_draws(seed, below, n_gauss, n_below):
    import random

    c = _twin("_langdetect_walk")
    rnd = random.Random(seed)
    got = c.draws(rnd.getstate(), n_gauss, n_below, below)
    assert got == ([rnd.gauss(0.0, 1.0) for _ in range(n_gauss)], [rnd._randbelow(below) for _ in range(n_below)])


# Real sentences of several scripts, and text made of their pieces.
SENTENCES = [
    "The talks resumed on Monday in Sochi, officials said.",
    "Los ministros se reunieron el lunes en la capital.",
    "Die Gespräche wurden am Montag in Sotschi fortgesetzt.",
    "Переговоры возобновились в понедельник в Сочи.",
    "პრეზიდენტი დონალდ ტრამპი და პირველი ლედი",
    "Οι συνομιλίες ξανάρχισαν τη Δευτέρα.",
    "会谈于周一在索契恢复。",
    "NATO AND THE EU said so, ÉTÉ Ça VA",
]
detector_texts = st.one_of(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(" ".join),
    mixed.filter(lambda t: any(ch.isalpha() for ch in t)),
)


def _langprob(text, priors, compiled_walk, monkeypatch):
    from langdetect.lang_detect_exception import LangDetectException

    from cleaner.detectors import langdetect_engine as engine

    if not compiled_walk:
        monkeypatch.setattr(engine, "_walker", lambda: None)
    factory = engine.make_factory("python", 0)
    d = factory.create()
    if priors:
        d.set_prior_map(priors)
    d.append(text)
    try:
        d._detect_block()
    except LangDetectException as e:
        return str(e)
    finally:
        monkeypatch.undo()
    return d.langprob


@SETTINGS
@given(detector_texts, st.sampled_from([None, {"en": 0.5, "es": 0.3, "de": 0.2}, {"ru": 1.0}]))
def test_walk_twin_gives_the_python_walks_floats(text, priors):
    _twin("_langdetect_walk")
    with pytest.MonkeyPatch.context() as mp:
        got = _langprob(text, priors, True, mp)
        want = _langprob(text, priors, False, mp)
    assert got == want


def test_the_engine_uses_the_walk_twin_when_built():
    from cleaner.detectors import langdetect_engine as engine

    _twin("_langdetect_walk")
    if PURE:
        assert engine._walker() is None
    else:
        assert engine._walker() is not None


def test_twins_read_str_subclasses_as_their_python_functions_do():
    """numpy.str_ and a user's ``class Text(str)`` are text too: the public
    functions give what they give for the plain string (the twins used to
    refuse anything but an exact ``str``)."""
    import cleaner
    from cleaner import features, markers, phrases

    class Text(str):
        pass

    line = "Die Regierung hat am Dienstag ein neues Gesetz angekündigt – Ελλάδα 2024."
    sub = Text(line)
    assert cleaner.identify(sub) == cleaner.identify(line)
    assert features.features(sub) == features.features(line)
    assert markers.words(sub) == markers.words(line) and markers.count_alpha(sub) == markers.count_alpha(line)
    assert phrases.normalize(sub) == phrases.normalize(line)
    assert scripts.script_runs(sub) == scripts.script_runs(line)
    assert scripts.letter_profile(sub) == scripts.letter_profile(line)
    assert scripts.count_letters(sub) == scripts.count_letters(line)
    assert _twin("_words").words(sub) == _twin("_words").words(line)
    assert _twin("_scripts").count_letters(sub) == _twin("_scripts").count_letters(line)


# Characters repair's scans look for: ftfy's triggers and the first and
# second characters of its pairs, C1 and other controls, surrogates, the
# Œ of the wide pairs, no-break spaces, letters around them.
REPAIR_ALPHABET = "aeAZ &\x00\x1b\x7f\x80\x85\x9d\xa0\xadÃÂâ€™©®ŒœŽ¢ÐÑРСрсабвг╨╤│¿¡é\u2028\ufeff\ufffd\ud800\udfff 日本"
repair_texts = st.one_of(texts, st.text(alphabet=REPAIR_ALPHABET, max_size=60))


@SETTINGS
@given(repair_texts)
def test_line_flags_twins(text):
    from cleaner import repair

    c = _twin("_repair_scan")
    assert c.line_flags(text) == repair._py_line_flags(text)


@SETTINGS
@given(st.lists(repair_texts, max_size=8), st.booleans())
def test_suspect_lines_twins(lines, mixed):
    from cleaner import repair

    c = _twin("_repair_scan")
    assert c.suspect_lines(lines, mixed) == repair._py_suspect_lines(lines, mixed)
    assert c.has_suspect("\n".join(lines)) == repair._py_has_suspect("\n".join(lines))


# Text as a legacy page shows it: Latin-1 and cp1252's own characters, C1
# controls, letters of other scripts, and UTF-8 of any text read as Latin-1
# (strictly valid UTF-8 bytes, which the gate must tell from the rest).
GATE_ALPHABET = "aeiAZ  .,'\x85\x9d\xa0\xa9\xadÃÂÅÐÑÕõèéêëíïóöüýþðÿ€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸαβРСрсĂăőű日本\U0001f600"
gate_texts = st.one_of(
    repair_texts,
    st.text(alphabet=GATE_ALPHABET, max_size=60),
    st.text(max_size=20).map(lambda t: t.encode("utf-8", "surrogatepass").decode("latin-1")),
    st.binary(max_size=40).map(lambda b: b.decode("latin-1")),
    st.binary(max_size=40).map(lambda b: b.decode("sloppy-windows-1252")),
)


@SETTINGS
@given(gate_texts, st.booleans())
def test_plainly_clean_twins(text, mixed):
    from cleaner import repair

    c = _twin("_repair_scan")
    assert c.plainly_clean(text, mixed) == repair._plainly_clean(text, mixed, repair._py_line_flags(text))


def test_plainly_clean_twins_on_every_code_point():
    """Each character alone, between letters, and after a letter of another
    script (mixed documents), and each byte pair and triple shown as
    Latin-1: the twin's tables and its UTF-8 test say what mojibake's do."""
    import itertools
    import sys

    from cleaner import repair

    c = _twin("_repair_scan")

    def same(text):
        for mixed in (False, True):
            want = repair._plainly_clean(text, mixed, repair._py_line_flags(text))
            assert c.plainly_clean(text, mixed) == want, (ascii(text), mixed)

    chars = list(map(chr, range(sys.maxunicode + 1)))
    # (above the basic plane, where no table holds a character, a few at a time)
    astral = ["".join(chars[i : i + 256]) for i in range(0x10000, len(chars), 256)]
    for ch in chars[:0x10000] + astral:
        for text in (ch, f"Zaz{ch}ec", f"до {ch}ab"):
            same(text)
    high = [bytes([b]) for b in range(0x80, 0x100)]
    for a, b in itertools.product(high, repeat=2):
        for raw in (a + b, a + b + b"\x80", b"xy" + a + b + b"\xbf z"):
            same(raw.decode("latin-1"))
            same(raw.decode("sloppy-windows-1252"))


@SETTINGS
@given(repair_texts, st.integers(0, 4), st.integers(0, 0x800), st.integers(0, 0x800))
def test_mojibake_scans_twins(text, enough, low, high):
    from cleaner import mojibake

    c = _twin("_repair_scan")
    assert c.evidence(text, enough) == mojibake._py_evidence(text, enough)
    assert c.evidence(text) == mojibake._py_evidence(text)
    assert c.high_chars(text) == mojibake._py_high_chars(text)
    assert c.in_range(text, low, high) == mojibake._py_in_range(text, low, high)
    for low, high in (mojibake.C1, mojibake.NON_LATIN_LEADS):
        assert c.in_range(text, low, high) == mojibake._py_in_range(text, low, high)


def test_repair_scans_twins_on_every_code_point():
    """Each character alone and between letters, and each pair of a first
    character with each of its possible seconds and with a letter: the
    table the twin is given says what the patterns say."""
    import sys

    from cleaner import mojibake, repair

    c = _twin("_repair_scan")
    chars = list(map(chr, range(sys.maxunicode + 1)))
    assert c.suspect_lines(chars) == repair._py_suspect_lines(chars)
    # (above the basic plane, where no table holds a character, a few at a time)
    astral = ["".join(chars[i : i + 256]) for i in range(0x10000, len(chars), 256)]
    for ch in chars[:0x10000] + astral:
        for text in (ch, f"a{ch}b"):
            assert c.line_flags(text) == repair._py_line_flags(text), hex(ord(ch))
            assert c.evidence(text) == mojibake._py_evidence(text), hex(ord(ch))
        assert c.in_range(ch, *mojibake.C1) == mojibake._py_in_range(ch, *mojibake.C1), hex(ord(ch))
    for first, seconds in repair._trigger_tables().seconds.items():
        for text in [first + second for second in seconds] + [first + "a", "a" + first]:
            assert c.line_flags(text) == repair._py_line_flags(text), ascii(text)


@SETTINGS
@given(st.one_of(texts, st.text(alphabet="aZ-'’_2²½ İßŉ\u0301ǅ ", max_size=40)))
def test_letter_runs_and_folded_words_twins(text):
    from cleaner import markers

    c = _twin("_words")
    assert c.folded_words(text) == markers._py_folded_words(text)
    assert c.letter_runs(text) == markers.LETTER_RUN.findall(text)
    assert c.folded_letter_runs(text) == markers._py_folded_letter_runs(text)


def test_letter_runs_and_folded_words_twins_on_every_code_point():
    import sys

    from cleaner import markers

    c = _twin("_words")
    for code in range(sys.maxunicode + 1):
        text = f"a{chr(code)}b {chr(code)} A-{chr(code)}"
        assert c.folded_words(text) == markers._py_folded_words(text), hex(code)
        assert c.letter_runs(text) == markers.LETTER_RUN.findall(text), hex(code)
        assert c.folded_letter_runs(text) == markers._py_folded_letter_runs(text), hex(code)


# Lines as classify sees them: the ends features.py looks for (terminal and
# weak marks with closers after them, a final newline), menu separators,
# clause marks, small letters before capitals in the Latin, Greek and Cyrillic
# ranges (and the characters just outside them), digits of several scripts.
SHAPE_ALPHABET = "aZ ÷×ÿÞàßαΩωΑаЯяА@[`{.!?…。｡।؟:;,，、\"'’”»)]」\n\t\u00a0\u2003|•·›<>/\\▸→↓-–2٣१²ǅ\u037e"
shape_texts = st.one_of(texts, st.text(alphabet=SHAPE_ALPHABET, max_size=40))


@SETTINGS
@given(shape_texts)
def test_line_shape_twins(text):
    from cleaner import features

    c = _twin("_features")
    assert c.shape(text) == features._py_shape(text)


def test_line_shape_twins_on_every_code_point():
    """Every character as a word's first letter, inside a word, after a small
    letter and before a capital (256 at a time), and alone and before closers
    and a newline at a line's end: the twin's character tests are str.split's,
    str.isupper's, the regex engine's \\d and the character sets' on every
    code point."""
    import sys

    from cleaner import features

    c = _twin("_features")
    chars = list(map(chr, range(sys.maxunicode + 1)))
    for i in range(0, len(chars), 256):
        chunk = chars[i : i + 256]
        for text in (" ".join(chunk), "x" + "x".join(chunk), "Y".join(chunk) + "Y", "".join(chunk)):
            assert c.shape(text) == features._py_shape(text), hex(i)
    ends = (features._TERMINAL_MARKS, features._TERMINAL_CLOSERS), (features._WEAK_MARKS, features._WEAK_CLOSERS)
    for ch in chars:
        for text in (ch, f"{ch}»\n"):
            assert c.shape(text)[:2] == tuple(features._ends(text, *e) for e in ends), hex(ord(ch))


@SETTINGS
@given(st.one_of(texts, st.text(alphabet="aZ1ñÑßİıéЁё\u0301ǅ²_ -", max_size=40)))
def test_foreign_letters_twins(text):
    from cleaner import markers

    c = _twin("_words")
    assert c.foreign_letters(text) == markers._py_foreign_letters(text)
    assert list(c.foreign_letters(text)[0]) == list(markers._py_foreign_letters(text)[0])  # (same order)


def test_foreign_letters_twins_on_every_code_point():
    import sys

    from cleaner import markers

    c = _twin("_words")
    for code in range(sys.maxunicode + 1):
        assert c.foreign_letters(chr(code)) == markers._py_foreign_letters(chr(code)), hex(code)
    chars = list(map(chr, range(sys.maxunicode + 1)))
    for i in range(0, len(chars), 256):
        text = "a" + "é".join(chars[i : i + 256])  # (the counts and their order)
        assert list(c.foreign_letters(text)[0].items()) == list(markers._py_foreign_letters(text)[0].items())


@SETTINGS
@given(
    st.dictionaries(
        st.one_of(texts, st.text(alphabet="aZ1ñÑßẞİıΣσςﬁŉ\u0301-'_ ", max_size=12)), st.integers(1, 9), max_size=20
    )
)
def test_folded_counts_twins(counts):
    from collections import Counter

    from cleaner import markers

    c = _twin("_words")
    got, want = c.folded_counts(counts), markers._py_folded_counts(counts)
    assert type(got) is Counter and list(got.items()) == list(want.items())  # (the same order too)
    assert list(c.folded_counts(Counter(counts)).items()) == list(markers._py_folded_counts(Counter(counts)).items())


def test_folded_counts_twins_on_every_code_point():
    """Each character as a word alone, after a small and a capital ASCII
    letter, with its case-folded self counted before it."""
    import sys

    from cleaner import markers

    c = _twin("_words")
    for i in range(0, sys.maxunicode + 1, 256):
        chars = list(map(chr, range(i, min(i + 256, sys.maxunicode + 1))))
        counts = {}
        for k, ch in enumerate(chars):
            for word in (ch.casefold(), ch, f"a{ch}", f"Q{ch}"):
                counts[word] = counts.get(word, 0) + k + 1
        assert list(c.folded_counts(counts).items()) == list(markers._py_folded_counts(counts).items()), hex(i)
