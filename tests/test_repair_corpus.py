"""decode+repair over the repair corpus (tests/repair_corpus): real sentences in
58 languages through every encoding accident, with exact expectations."""

import sys
from collections import defaultdict
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "repair_corpus"))
import make_corpus

from cleaner.decode import decode
from cleaner.repair import repair

CASES = list(make_corpus.cases())


def _run(raw: bytes) -> str:
    return repair(decode(raw).text).text


@pytest.mark.parametrize(
    "cid,raw,expected",
    [(c[0], c[4], c[5]) for c in CASES if c[1] == "clean"],
    ids=lambda v: v if isinstance(v, str) and len(v) < 40 else "",
)
def test_clean_text_comes_out_byte_identical(cid, raw, expected):
    assert _run(raw).encode("utf-8") == raw


CLEAN_LINES = [
    tuple(line.rstrip("\n").split("\t", 1))
    for line in open(Path(__file__).parent / "repair_corpus" / "clean_lines.tsv", encoding="utf-8")
]


@pytest.mark.parametrize("lang,line", CLEAN_LINES, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(CLEAN_LINES)])
def test_clean_paragraphs_in_every_language_stay_byte_identical(lang, line):
    # Whole paragraphs, not only sentences: Icelandic "því" once read "better"
    # as Baltic "žvķ", Catalan "últims" as Thai "๚ltims".
    assert repair(line).text == line
    assert _run(line.encode("utf-8")) == line


def test_every_accident_type_is_at_least_98_percent_exact():
    right, total = defaultdict(int), defaultdict(int)
    for _cid, accident, _lang, _enc, raw, expected in CASES:
        total[accident] += 1
        right[accident] += _run(raw) == expected
    rates = {a: right[a] / total[a] for a in total}
    assert len(rates) == 21
    assert min(rates.values()) >= 0.98, rates
    assert sum(right.values()) / sum(total.values()) >= 0.995


def test_corpus_covers_15_languages_and_the_scripts_asked_for():
    langs = {c[2] for c in CASES}
    assert len(langs) >= 15
    assert {"ru", "el", "ar", "he", "ka", "zh", "ja", "ko", "de", "tr"} <= langs


@pytest.mark.parametrize(
    "broken,meant,enc",
    [
        ("Ïðèâåò, ìèð! Êàê äåëà ó òåáÿ ñåãîäíÿ?", "Привет, мир! Как дела у тебя сегодня?", "cp1251"),
        ("ðÒÉ×ÅÔ, ÍÉÒ! ëÁË ÄÅÌÁ Õ ÔÅÂÑ ÓÅÇÏÄÎÑ?", "Привет, мир! Как дела у тебя сегодня?", "koi8-r"),
        ("Ôï ðñùß Þñèå ï ðáððïýò ìå ôçí ïéêïãÝíåéá ôïõ.", "Το πρωί ήρθε ο παππούς με την οικογένεια του.", "cp1253"),
        ("ùìåí ìëåìí, îä ùìåîëí äéåí?", "שלום לכולם, מה שלומכם היום?", "cp1255"),
        (
            "Yaþlýlar huzurevi dýþýna alýþveriþ için çýkabilir.",
            "Yaşlılar huzurevi dışına alışveriş için çıkabilir.",
            "cp1254",
        ),
    ],
)
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
    data = "Grüße aus Köln\n".encode() + "Привет из Москвы, как дела?\n".encode("cp1251")
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
    f.write_text(
        "Fine\nThe Mona Lisa doesnâ€™t have eyebrows.\nFish &amp; chips\nÏðèâåò, ìèð! Êàê äåëà ó òåáÿ?\n",
        encoding="utf-8",
    )
    r = CliRunner().invoke(main, ["repair", "--explain", str(f)])
    assert r.exit_code == 0
    assert r.stdout == ("Fine\nThe Mona Lisa doesn’t have eyebrows.\nFish & chips\nПривет, мир! Как дела у тебя?\n")
    assert r.stderr.splitlines() == [
        f"{f}: encoding=utf-8 fixes=encoding,html-entities,legacy-encoding",
        f"{f}:2: encoding",
        f"{f}:3: html-entities",
        f"{f}:4: legacy-encoding (cp1251)",
    ]


@pytest.mark.parametrize(
    "text,enc",
    [
        ("经济学家与政界人士长年倡议这种著重考量长处的作法，认为移民法最主要的目标，应该在于促进经济成长。", "gb18030"),
        ("公式オンラインショップ限定商品やお得なアウトレット商品もあります。", "shift_jis"),
        ("公式オンラインショップ限定商品やお得なアウトレット商品もあります。", "euc-jp"),
        ("경기개발공사는 오는 23일 감정가를 기준으로 가격이 매겨지는 아파트 용지를", "euc-kr"),
    ],
)
def test_cjk_legacy_bytes_read_as_cp1252_are_re_read(text, enc):
    broken = text.encode(enc).decode("sloppy-windows-1252")
    r = repair(broken)
    assert r.text == text and r.lines[0].detail in ("gb18030", "cp932", "euc-jp", "cp949")


@pytest.mark.parametrize(
    "text,page",
    [
        ("בתקופת כהונתו כדוג'ה הגיעו לשיאו", "cp1255"),
        ("و من النطاقات النموذجية الصالحة لإستخدامات ھذا الطلاء الأماكن التجارية", "cp1256"),
        ("Damit werden umgekehrt Büro- und Wohnhäuser zum Terminal.", "cp1256"),
        ("Hún er bara hvolpur og gauragangurinn eftir því Hún fékk samt að fara með Atla", "cp1255"),
        ("Schöne Ostern wünscht Euch Dr Lendawierd!", "cp1253"),
    ],
)
def test_utf8_read_as_a_hebrew_arabic_or_greek_page_is_re_read(text, page):
    broken = text.encode("utf-8").decode("sloppy-windows-" + page[2:])
    r = repair(broken)
    assert r.text == text and r.lines[0].detail == "utf-8 read as " + page


def test_a_document_misread_as_iso8859_2_is_re_read_from_one_page():
    # Alone, "ĂŽ" reads back as "Î" from cp1250 and as "î" from ISO-8859-2;
    # the line with "ș" (only ISO-8859-2 reads it) decides for the document.
    lines = [
        "Biserica a fost construită între anii 1938 și 1940.",
        "persecutarea legionarilor si închiderea lor în lagărele de concentrare",
    ]
    broken = "\n".join(line.encode("utf-8").decode("iso8859-2") for line in lines)
    assert repair(broken).text == "\n".join(lines)


def test_icelandic_is_not_read_as_baltic_by_the_decoder_nor_by_repair():
    line = "Loks er gert ráð fyrir 1,1 mia.kr."
    assert repair(line).text == line
    assert decode(line.encode("cp1252")).text == line


def test_the_vote_between_code_pages_looks_where_they_differ():
    # cp1250 and ISO-8859-2 differ in a letter or two, here only in the last
    # line: the first lines alone read the same in both.
    utf8 = "Jinou pěknou dvojhvězdou je Mesarthim, kterou tvoří dvě bílé hvězdy.\n"
    legacy = (
        "Pyrotechnik: Mám v armádě zodpovědnou funkci. Musí na ty prachy tvrdě makat!\n" * 12
        + "Teprve příchodem sladmistra Jaroslava Ježka se situace mírně zlepšila.\n"
    )
    d = decode(utf8.encode("utf-8") + legacy.encode("iso8859-2"))
    assert d.text == utf8 + legacy and d.encoding == "utf-8+iso8859-2"


def test_c1_junk_glued_to_a_word_goes_and_is_not_read_as_a_letter():
    assert (
        repair("Aυτά\x9d τα δύο υλικά κάνουν\x81 και την διαφορά!").text == "Aυτά τα δύο υλικά κάνουν και την διαφορά!"
    )
    assert repair("Strana Práve\x8d je 96 návštevníkov\x9d online.").text == "Strana Práve je 96 návštevníkov online."
    # a C1 control between spaces breaks no word: left, as ftfy leaves it
    assert repair("apparently intentional \x81").text == "apparently intentional \x81"
