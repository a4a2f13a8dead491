"""decode+repair over the repair corpus (tests/repair_corpus): real sentences in
58 languages through every encoding accident, with exact expectations."""
import sys
from collections import defaultdict
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "repair_corpus"))
import make_corpus  # noqa: E402

from cleaner.decode import decode  # noqa: E402
from cleaner.repair import repair  # noqa: E402

CASES = list(make_corpus.cases())


def _run(raw: bytes) -> str:
    return repair(decode(raw).text).text


@pytest.mark.parametrize("cid,raw,expected", [(c[0], c[4], c[5]) for c in CASES if c[1] == "clean"],
                         ids=lambda v: v if isinstance(v, str) and len(v) < 40 else "")
def test_clean_text_comes_out_byte_identical(cid, raw, expected):
    assert _run(raw).encode("utf-8") == raw


CLEAN_LINES = [tuple(line.rstrip("\n").split("\t", 1)) for line in
               open(Path(__file__).parent / "repair_corpus" / "clean_lines.tsv", encoding="utf-8")]


@pytest.mark.parametrize("lang,line", CLEAN_LINES, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(CLEAN_LINES)])
def test_clean_paragraphs_in_every_language_stay_byte_identical(lang, line):
    # Whole paragraphs, not only sentences: Icelandic "því" once read "better"
    # as Baltic "žvķ", Catalan "últims" as Thai "๚ltims".
    assert repair(line).text == line
    assert _run(line.encode("utf-8")) == line


def test_every_accident_type_is_at_least_95_percent_exact():
    right, total = defaultdict(int), defaultdict(int)
    for _cid, accident, _lang, _enc, raw, expected in CASES:
        total[accident] += 1
        right[accident] += _run(raw) == expected
    rates = {a: right[a] / total[a] for a in total}
    assert len(rates) == 21
    assert min(rates.values()) >= 0.95, rates
    assert sum(right.values()) / sum(total.values()) >= 0.98


def test_corpus_covers_15_languages_and_the_scripts_asked_for():
    langs = {c[2] for c in CASES}
    assert len(langs) >= 15
    assert {"ru", "el", "ar", "he", "ka", "zh", "ja", "ko", "de", "tr"} <= langs


@pytest.mark.parametrize("broken,meant,enc", [
    ("Ïðèâåò, ìèð! Êàê äåëà ó òåáÿ ñåãîäíÿ?", "Привет, мир! Как дела у тебя сегодня?", "cp1251"),
    ("ðÒÉ×ÅÔ, ÍÉÒ! ëÁË ÄÅÌÁ Õ ÔÅÂÑ ÓÅÇÏÄÎÑ?", "Привет, мир! Как дела у тебя сегодня?", "koi8-r"),
    ("Ôï ðñùß Þñèå ï ðáððïýò ìå ôçí ïéêïãÝíåéá ôïõ.", "Το πρωί ήρθε ο παππούς με την οικογένεια του.", "cp1253"),
    ("ùìåí ìëåìí, îä ùìåîëí äéåí?", "שלום לכולם, מה שלומכם היום?", "cp1255"),
    ("Yaþlýlar huzurevi dýþýna alýþveriþ için çýkabilir.", "Yaşlılar huzurevi dışına alışveriş için çıkabilir.", "cp1254"),
])
def test_legacy_code_page_read_as_cp1252(broken, meant, enc):
    r = repair(broken)
    assert r.text == meant
    assert r.lines[0].fixes[0] == "legacy-encoding" and r.lines[0].detail == enc


def test_only_the_misread_lines_change_and_are_reported():
    good = "Это обычная строка на русском языке."
    bad = "Ýòî ñëîìàííàÿ ñòðîêà íà ðóññêîì ÿçûêå."
    r = repair(f"{good}\n{bad}\n{good}")
    assert r.text == f"{good}\nЭто сломанная строка на русском языке.\n{good}"
    assert [(d.line, d.fixes, d.detail) for d in r.lines] == [(2, ["legacy-encoding"], "cp1251")]


def test_mixed_utf8_and_legacy_lines_are_decoded_line_by_line():
    data = "Grüße aus Köln\n".encode("utf-8") + "Привет из Москвы, как дела?\n".encode("cp1251")
    d = decode(data)
    assert d.text == "Grüße aus Köln\nПривет из Москвы, как дела?\n"
    assert d.encoding == "utf-8+cp1251"


def test_bom_less_utf16_of_cjk_without_any_nul_byte():
    text = "经济学家与政界人士长年倡议这种著重考量长处的作法"
    for enc in ("utf-16-le", "utf-16-be"):
        assert b"\x00" not in text.encode(enc)
        assert decode(text.encode(enc)).text == text


def test_short_quotes_and_symbols_are_not_re_read():
    for text in ["“", "“’“", "ßß“", "èAè“", "Ôôô VIDA MINHA", "RETWEET SE VOCÊ…", "NESTLÉ® requiere"]:
        assert repair(text).text == text


def test_cli_repair_explain_lists_fixes_per_line(tmp_path):
    from click.testing import CliRunner

    from cleaner.cli import main

    f = tmp_path / "mixed.txt"
    f.write_text("Fine\nThe Mona Lisa doesnâ€™t have eyebrows.\nFish &amp; chips\n"
                 "Ïðèâåò, ìèð! Êàê äåëà ó òåáÿ?\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["repair", "--explain", str(f)])
    assert r.exit_code == 0
    assert r.stdout == ("Fine\nThe Mona Lisa doesn’t have eyebrows.\nFish & chips\n"
                        "Привет, мир! Как дела у тебя?\n")
    assert r.stderr.splitlines() == [
        f"{f}: encoding=utf-8 fixes=encoding,html-entities,legacy-encoding",
        f"{f}:2: encoding", f"{f}:3: html-entities", f"{f}:4: legacy-encoding (cp1251)"]
