"""The cheap tests that let most lines skip ftfy and the legacy re-reading
must never skip a line that either would change."""

import pathlib
import random

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import mojibake
from cleaner.repair import _ftfy_may_act, _trigger_tables, repair


def _category_chars():
    import re

    probe = "".join(map(chr, range(0x80, 0x3000))) + "\uf8ff\ufffd"
    chars = set()
    for body in MOJIBAKE_CATEGORIES.values():
        chars |= set(re.findall(f"[{body}]", probe))
    # Every literal of ftfy's pattern besides the categories, and some plain text.
    chars |= set("ÂÃÎÐØÙàÄâóêäìîïòôúùû×√≈‚вВГРСЂўβΒΓΞΟΆāπ€") | set(" .,a-zA-Z!?\n")
    return sorted(chars)


CHARS = _category_chars()


def _caught(text):
    single, pair = _trigger_tables().single, _trigger_tables().pair
    return bool(single.search(text) or pair(text))


def test_every_bad_pair_is_caught():
    # ftfy's mojibake test on every two-character string of the characters it knows.
    missed = [a + b for a in CHARS for b in CHARS if is_bad(a + b) and not _caught(a + b)]
    assert missed == []


def test_every_bad_triple_and_quad_is_caught():
    rng = random.Random(0)
    missed = []
    for n in range(200_000):
        text = "".join(rng.choice(CHARS) for _ in range(3 + n % 2))
        if is_bad(text) and not _caught(text):
            missed.append(text)
    assert missed == []


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(CHARS + ["x", "é", "ß", "я", "中"]), max_size=12))
def test_ftfy_gate_never_skips_a_change(text):
    import ftfy

    from cleaner.repair import _CONFIG

    if not _ftfy_may_act(text):
        assert ftfy.fix_and_explain(text, _CONFIG).text == text


def test_misread_bytes_fast_path_matches_the_table():
    table = mojibake._to_bytes()
    for o in range(0x3000):
        ch = chr(o)
        expected = bytes([o]) if o < 0x80 else (bytes([table[o]]) if o in table else None)
        assert mojibake.misread_bytes("a" + ch) == (None if expected is None else b"a" + expected), hex(o)


def _utf8_elsewhere_reference(text):
    out = []
    for enc in mojibake.UTF8_READ_AS + mojibake._FTFY_PAGES:
        try:
            raw = text.encode(enc)
        except UnicodeEncodeError:
            continue
        if mojibake._is_utf8(raw):
            out.append((enc, raw.decode("utf-8")))
    return out


_PAGE_CHARS = sorted(
    {bytes([b]).decode(enc, errors="ignore") for enc in mojibake.UTF8_READ_AS for b in range(0x80, 0x100)} - {""}
)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_PAGE_CHARS + list("ab ")), max_size=8))
def test_utf8_shape_gate_is_exact(text):
    assert mojibake._utf8_elsewhere(text) == _utf8_elsewhere_reference(text)


def test_utf8_shape_gate_on_real_mojibake():
    for enc in ("koi8-r", "cp866", "mac-cyrillic"):
        broken = "Привет, мир".encode().decode(enc)
        assert (enc, "Привет, мир") in mojibake._utf8_elsewhere(broken)


def test_latin_rereadings_need_a_misread_look():
    # Correct text in languages with letters other pages read differently: no page tried.
    for line in [
        "À côté de la fenêtre, il y avait très peu de lumière.",
        "O João não está em São Paulo, mas em Lisboa.",
        "El año pasado, la niña comió piñas en España.",
        "A crème caramel is a dessert of rich custard in the end.",
    ]:
        raw = mojibake.misread_bytes(line)
        assert [s for s in mojibake._sources(line, raw, 3) if s in ("cp1250", "cp1254", "cp1257", "iso8859-2")] == []
        assert repair(line).text == line
    # Letter pairs too rare for the profiles ("brûlée") only cost the full test.
    line = "A crème brûlée is a dessert of rich custard in the end."
    assert mojibake._sources(line, mojibake.misread_bytes(line), 3) and repair(line).text == line
    # Misread Czech, Turkish, Romanian, Polish: tried, and mended.
    for good, enc in [
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"),
        ("Arınç’ın erkek zihniyeti AKP hükümetinin zihniyetidir.", "cp1254"),
        ("Temperatura medie anuală din Beijing este de 11,8 grade Celsius.", "cp1250"),
        ("Młodzi ludzie często wyjeżdżają za granicę do pracy.", "cp1250"),
    ]:
        broken = good.encode(enc).decode("sloppy-windows-1252")
        assert enc in mojibake._sources(broken, mojibake.misread_bytes(broken), 3), good
        assert repair(broken).text == good


def test_repeated_lines_are_repaired_alike():
    broken = "Ïðèâåò, ìèð! Êàê äåëà?"
    first, again = repair(broken), repair(broken)
    assert first.text == again.text == "Привет, мир! Как дела?"
    assert [(d.line, d.fixes, d.detail) for d in first.lines] == [(d.line, d.fixes, d.detail) for d in again.lines]
    first.lines[0].fixes.append("mutated")  # callers own their copy
    assert repair(broken).lines[0].fixes == ["legacy-encoding"]


def test_the_pair_gate_passes_clean_text_that_the_loose_one_sent_to_ftfy():
    # Accented letters after accented letters, a Greek final sigma before a
    # guillemet, Czech "ší": in no alternative of ftfy's mojibake pattern.
    pair = _trigger_tables().pair
    for text in ["informação e comunicações", "«Η Ελλάδας»", "příští týden", "ο δρόμος… και", "Sie sagten „Grüß Gott“"]:
        assert not pair(text), text
        assert not is_bad(text), text
    # ... and still sends it what ftfy fixes.
    for text in ["doesnâ€™t", "cÅ“ur", "Ã ", "à¤¹", "√ü"]:
        assert pair(text) or _trigger_tables().single.search(text), text


def test_a_badness_pattern_that_cannot_be_read_sends_every_line_to_ftfy(monkeypatch):
    from cleaner import repair as repair_module

    assert _trigger_tables().pair is not repair_module._always  # the installed ftfy's pattern is read

    def unreadable(covered):
        raise ValueError("ftfy's badness pattern has a new item")

    def forget():
        for cached in (_trigger_tables, repair_module._scans):
            cached.cache_clear()
        repair_module._repair_line_cached.cache_clear()

    monkeypatch.setattr(repair_module, "_badness_pairs", unreadable)
    forget()
    try:
        assert _trigger_tables().pair is repair_module._always
        # (the compiled scan has no pairs to look for: the Python one says "a pair" of every line)
        assert repair_module._line_flags() is repair_module._py_line_flags
        assert repair_module._line_flags()("plain") == repair_module.PAIR
        assert repair("The Mona Lisa doesnâ€™t have eyebrows.").text == "The Mona Lisa doesn’t have eyebrows."
        assert repair("informação e comunicações").text == "informação e comunicações"
    finally:
        forget()


def _looks_misread_reference(text, chars, enc, high, words):
    """mojibake._looks_misread as it was before its per-line memos: every
    occurrence of every character looked at, per page."""
    from cleaner.mojibake import TABLE_SIGN, WORDS_SIGN, _function_words, _latin_pairs, _pair_side, _writers

    known, bits = _latin_pairs()
    n = len(text)
    misread = False
    for ch in chars:
        low = ch.lower()
        i = text.find(ch)
        while i >= 0 and not misread:
            left = _pair_side(text[i - 1], chars) if i else " "
            right = _pair_side(text[i + 1], chars) if i + 1 < n else " "
            misread = (ch.isalpha() or left != " " or right != " ") and not (
                known.get(left + low) or known.get(low + right)
            )
            i = text.find(ch, i + 1)
        if misread:
            break
    if misread:
        return TABLE_SIGN
    as_is = read_all = -1
    for ch in high:
        if ch.isalpha():
            as_is &= known.get(ch, 0)
            read_all &= _writers(ch, enc) if ch in chars else known.get(ch, 0)
    if read_all and not as_is:
        return TABLE_SIGN
    for ch in chars:
        if not ch.isalpha():
            continue
        as_is, read = known.get(ch, 0), _writers(ch, enc)
        said = _function_words(text, words)
        hits = said["hits"]
        fits = max((k for lang, k in hits.items() if bits.get(lang, 0) & as_is), default=0)
        if any(k >= 2 and k > fits and bits.get(lang, 0) & read & ~as_is for lang, k in hits.items()):
            return WORDS_SIGN
        if said["top"] and bits.get(said["top"], 0) & read & as_is:
            return WORDS_SIGN
    return 0


_LATIN1_TEXT = st.lists(
    st.sampled_from(
        list(" .,'aeinorstu")
        + list("ÀÂÇÈÉÊÍÑÓÖÜßàáâãäåçèéêëìíîïðñòóôõöøùúûüýþÿ³¹º©®°±·»«’“”–€šžŒœ")
        + ["de ", "la ", "et ", "és ", "az ", "și ", "ve ", "bir ", "kaj ", "ir "]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_LATIN1_TEXT)
def test_looks_misread_answers_as_its_reference_on_every_page(text):
    high = set(mojibake._NONASCII.findall(text))
    words: dict = {}  # shared by the pages of one line, as _sources shares it
    for enc in mojibake.LATIN_PAGES:
        chars = high & mojibake._readings()[enc].to_letter
        expected = _looks_misread_reference(text, chars, enc, high, {})
        assert mojibake._looks_misread(text, chars, enc, high, words) == expected, enc


def _changed_words_reference(text, other):
    """mojibake._changed_words as it was: every position walked."""
    out, start = [], None
    for i, (a, b) in enumerate(zip(text + " ", other + " ")):
        if (
            a.isalpha()
            or b.isalpha()
            or not (a.isascii() and b.isascii())
            and (mojibake._wordish(a) or mojibake._wordish(b))
        ):
            if start is None:
                start = i
        elif start is not None:
            if text[start:i] != other[start:i]:
                out.append(text[start:i])
            start = None
    return out


_WORDISH = st.text(alphabet=st.sampled_from(list("ab .,-1") + ["é", "\u0301", "\x9c", "÷", "ß", "Я", "’"]), max_size=14)


@settings(max_examples=1000, deadline=None)
@given(_WORDISH, st.lists(st.tuples(st.integers(0, 13), st.sampled_from(list("a .é\u0301÷Я"))), max_size=3), _WORDISH)
def test_changed_words_walks_only_near_the_changes_and_answers_as_before(text, edits, tail):
    other = list(text)
    for i, c in edits:
        if i < len(other):
            other[i] = c
    for changed in ("".join(other), "".join(other)[: len(text) // 2] + tail):  # same length, and not
        assert mojibake._changed_words(text, changed) == _changed_words_reference(text, changed)
        assert mojibake._changed_words(changed, text) == _changed_words_reference(changed, text)


# What the gate of plainly clean lines (repair._plainly_clean) sees most: clean
# lines in many languages and scripts; and what it must send on: each of them
# misread through the legacy pages and through UTF-8 read as another page.
FIXTURES = pathlib.Path(__file__).parent.parent / "fixtures"


def _real_lines():
    here = pathlib.Path(__file__).parent / "repair_corpus"
    lines = []
    for name in ("clean_lines.tsv", "sentences.tsv"):
        for row in (here / name).read_text(encoding="utf-8").splitlines():
            lines.append(row.split("\t", 1)[1])
    return lines


def _misreadings(line):
    out = []
    for enc in mojibake._LEGACY + ["utf-8"]:
        try:
            out.append(line.encode(enc).decode("sloppy-windows-1252"))
        except UnicodeError:
            continue
    for enc in ("sloppy-windows-1251", "koi8-r", "iso8859-2", "cp1253", "mac-roman"):
        out.append(line.encode("utf-8").decode(enc, errors="replace"))
    return out


def _repairs_nothing(line, mixed):
    from cleaner.repair import _CONFIG, _repair_line_uncached

    return _repair_line_uncached(line, _CONFIG, mixed) == (line, [], "")


def test_plainly_clean_lines_are_left_as_they_are():
    """The gate's promise, on real lines and on their misreadings: a line it
    lets pass is one every per-line test would leave as it is; and it lets
    most clean lines pass (the point of it)."""
    from cleaner.repair import _plainly_clean, _py_line_flags

    passed = 0
    clean = _real_lines()
    for line in clean + [bad for good in clean for bad in _misreadings(good)]:
        for mixed in (False, True):
            if _plainly_clean(line, mixed, _py_line_flags(line)):
                assert _repairs_nothing(line, mixed), (ascii(line), mixed)
                assert mojibake.reread(line) is None
                passed += line in clean
    assert passed >= 0.6 * 2 * len(clean)


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=st.sampled_from(CHARS + list("xé ßяõőÕ€’“”\x85\xa0")), max_size=24),
        st.text(max_size=12).map(lambda t: t.encode("utf-8", "surrogatepass").decode("sloppy-windows-1252")),
        st.binary(max_size=24).map(lambda b: b.decode("latin-1")),
    ),
    st.booleans(),
)
def test_plainly_clean_is_never_wrong(text, mixed):
    from cleaner.repair import _plainly_clean, _py_line_flags

    if _plainly_clean(text, mixed, _py_line_flags(text)):
        assert _repairs_nothing(text, mixed)


def test_repair_is_the_same_with_and_without_the_gate(monkeypatch):
    """Whole documents, with lines that need each kind of repair among
    plainly clean ones: the gate changes which lines are looked at, never
    the result."""
    from cleaner import repair as r

    lines = _real_lines()
    docs = ["\n".join(lines[i : i + 7] + _misreadings(lines[i])[:3]) for i in range(0, 300, 7)]
    docs.append((FIXTURES / "voa-kerry-sochi.mojibake.txt").read_text(encoding="utf-8"))
    with_gate = [r.repair(d) for d in docs]
    assert sum(bool(done.lines) for done in with_gate) > len(docs) / 2  # (repairs to make, made)
    monkeypatch.setattr(r, "_plainly_clean", lambda line, mixed, flags: False)
    monkeypatch.setattr(r, "_scans", lambda: r._Scans(r._py_line_flags, r._py_has_suspect, r._py_suspect_lines))
    assert [r.repair(d) for d in docs] == with_gate
