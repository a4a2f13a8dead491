import codecs

import pytest

from cleaner.decode import DecodeError, decode

TEXT = "Grüße aus Köln — “quoted”"


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_32_without_bom_by_nul_pattern(enc):
    assert decode(TEXT.encode(enc)).text == TEXT
    assert decode(TEXT.encode(enc)).encoding == enc


@pytest.mark.parametrize(
    "bom,enc,name",
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-bom"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    ],
)
def test_bom_is_used_and_dropped(bom, enc, name):
    d = decode(bom + TEXT.encode(enc))
    assert (d.text, d.encoding) == (TEXT, name)


def test_valid_utf8_is_never_second_guessed():
    # These bytes are also valid cp1252 ("Ã©"), but UTF-8 wins.
    assert decode("café".encode()).text == "café"


def test_windows_1251_russian_fixture():
    from conftest import FIXTURES

    d = decode((FIXTURES / "moscow.cp1251.txt").read_bytes())
    assert d.text == (FIXTURES / "moscow.utf8.txt").read_text("utf-8")
    assert d.encoding == "cp1251"


def test_binary_is_an_error():
    with pytest.raises(DecodeError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\xff\x00\x13")


def test_empty():
    assert decode(b"").text == ""


def test_iso2022_jp_is_decoded_though_its_bytes_are_valid_utf8():
    text = "学生なので利益がない結果、高級感の漂う企画。"
    data = text.encode("iso2022_jp")
    assert data.isascii()  # 7-bit: valid UTF-8 too
    assert decode(data).text == text and decode(data).encoding == "iso2022-jp"
    # an ANSI colour escape is not ISO-2022
    assert decode(b"\x1b[31mred\x1b[0m").text == "\x1b[31mred\x1b[0m"


def test_a_reading_two_pages_give_alike_is_named_after_the_commoner_one():
    # German reads alike in cp1250 and cp1252; the detector may name either first.
    got = decode("Grüße aus München, schöne Straße und schönes Wetter heute.\n".encode("cp1252"))
    assert (got.text, got.encoding) == ("Grüße aus München, schöne Straße und schönes Wetter heute.\n", "cp1252")
