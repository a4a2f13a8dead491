import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

from cleaner.repair import repair


def test_seed_mojibake_is_restored_exactly(seed_text):
    from conftest import FIXTURES

    broken = (FIXTURES / "voa-kerry-sochi.mojibake.txt").read_text("utf-8")
    assert broken != seed_text
    r = repair(broken)
    assert r.text == seed_text and r.fixes == ["encoding"]


def test_clean_text_is_untouched(seed_text):
    for text in [
        seed_text,
        "“Curly” ‘quotes’ — stay",
        "ＡＢＣ全角",
        "ﬁne ligature",
        "e\u0301 stays decomposed",
        "Ω ohm sign",
        "AT&T and 5 < 6",
        # six cp1252 signs, no word: no DOS Cyrillic "Я М Ь Й Л Ы" (a reading needs a word)
        "Ÿ Œ œ ‰ ‹ ›",
    ]:
        assert repair(text).text == text, text
        assert repair(text).fixes == []


def test_only_broken_lines_change():
    good = "Привет, мир"
    broken = "Привет".encode().decode("sloppy-windows-1252")
    r = repair(f"{good}\n{broken}\n{good}")
    assert r.text == f"{good}\nПривет\n{good}"


def test_line_breaks_entities_controls_surrogates():
    assert repair("a\r\nb\rc").text == "a\nb\nc"
    assert repair("a\r\nb").fixes == ["line-breaks"]
    assert repair("Fish &amp; chips").text == "Fish & chips"
    assert repair("bell\x07 null\x00").text == "bell null"
    assert repair("lone \ud800 surrogate").text == "lone \ufffd surrogate"


def test_a_reading_that_turns_letters_into_punctuation_or_invisibles_is_refused():
    # Each line alone scores poorly with the plausibility profiles, and cp874 /
    # cp1256 would "improve" it by turning a letter into a Thai mark or a ZWJ.
    catalan = "Sembla que els fort vents d'aquests últims dies ha amainat. La utilitat és clara."
    slovene = "Tam jih je notri že veliko. Vpisujejo se otroci rojeni v letu 2007."
    assert repair(catalan).text == catalan
    assert repair(slovene).text == slovene


def test_icelandic_is_not_re_read_as_baltic():
    line = (
        "I því sambandi er stefnt að því að úthluta ákveðinni heildarupphæð á hvern skóla við "
        "upphaf árs til kennslu og reksturs viðkomandi skóla. Hann verður hins vegar gamall, "
        "kannski nokkur hundruð ára gamall og tekur næringu til sín fyrst og fremst gegnum andrúmsloftið."
    )
    assert repair(line).text == line
    # while real Baltic mojibake still is
    assert (
        repair("Ðiandien Lietuvos prezidentas pasakë kalbà apie ðalies ateitá ir jos þmones.").text
        == "Šiandien Lietuvos prezidentas pasakė kalbą apie šalies ateitį ir jos žmones."
    )


def test_valid_utf8_bytes_are_not_re_read_as_a_single_byte_code_page():
    # "Ã" + NBSP is "à" in UTF-8; cp1250 would read the same bytes as "Ă" + NBSP,
    # which the Romanian profile happens to like.
    assert repair("Bòrd nan Gàidheal".encode().decode("latin-1")).text == "Bòrd nan Gàidheal"
    assert repair("GÃ\xa0idhlig na h-Alba").text == "Gàidhlig na h-Alba"


def test_ftfy_fixes_that_leave_no_mojibake_sequence_are_kept():
    # The letter profiles cannot judge these (a Greek letter inside a Latin
    # word, Thai and a symbol in an emoticon), but the mojibake is gone.
    assert repair("Pore size is 5Î&frac14;m here").text == "Pore size is 5μm here"
    meant = "smile (ง^⌣^)ง ok"
    twice = meant.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8").decode("sloppy-windows-1252")
    assert repair(twice).text == meant


def test_utf8_read_as_koi8_dos_or_mac_code_pages():
    meant = "На берегу пустынных волн стоял он, дум великих полн."
    for enc in ("koi8-r", "cp866", "mac-cyrillic"):
        assert repair(meant.encode("utf-8").decode(enc)).text == meant, enc
    # box drawing that happens to be valid UTF-8 in cp866 stays box drawing
    for art in ["╟─┬─╢ ├┤a┼┐a", "┌──┐\n│ок│\n└──┘"]:
        assert repair(art).text == art


def test_a_single_word_is_mended_when_each_sequence_becomes_a_fitting_letter():
    for word in ["ändern", "åklagare", "größer"]:
        broken = word.encode("utf-8").decode("sloppy-windows-1252")
        assert repair(broken).text == word, broken
    # valid UTF-8 by chance, but the letter would not fit the word
    for text in ["NESTLÉ®", "AHÅ™", "10 Å—", "VOCÊ…", "ZZAJÉ’s", "Ã’s"]:
        assert repair(text).text == text


def test_a_word_in_mac_roman_mojibake_that_ftfy_finds_too_reasonable():
    assert repair("Arriviamo al pi√π tardi domani.").text == "Arriviamo al più tardi domani."
    for text in ["(-1/2)! = √π", "├┤a┼┐a┼┐a┼┐a", "NICIODATĂ™", "∆°"]:
        assert repair(text).text == text


def test_a_quote_before_a_letter_is_not_read_as_mac_roman_utf8():
    # Found by hypothesis: "”ß" is the Mac Roman reading of the UTF-8 bytes of
    # "ӧ", and ftfy re-reads it; a letter no profile knows next to nothing
    # broken is no evidence (the same for "”ñ", "”é" and the like).
    for text in ["”ß", "”ñO", "3”é", "”çl", "”ßkkSdbJAuKAA, ", "a\n”ß\nb"]:
        assert repair(text).text == text, text


def test_a_change_is_judged_where_it_happened_not_averaged_over_the_line():
    # A cp1252 reading of UTF-8 ("ç”“" is the bytes of "甓") near the end of a
    # long line of correct text: judged on its own words, it reads worse.
    line = "В этой строке много слов на русском языке, " * 20 + "and then CNwMVTç”“ñàdA here."
    assert repair(line).text == line
    # while real mojibake there is still fixed
    assert repair(line[:-20] + " HÃ´tel de Police").text == line[:-20] + " Hôtel de Police"


def test_a_letter_repeated_is_no_evidence_of_another_script():
    # Found by hypothesis with 5000 examples: "ßßßßßß" read as ISO-8859-5
    # gave "пппппп", "ßßßß" read as cp949 gave "賽賽".
    for text in ["ßßßß", "ßßßßßß", "ßßßßßßßßßßßßßßßß", "ßßßßàç", "ççàààß"]:
        assert repair(text).text == text, text
