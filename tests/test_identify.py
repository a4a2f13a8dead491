from cleaner import identify
from cleaner.identify import identify as identify_blocks, letter_shares


def langs(text):
    return [(s.text, s.lang, s.script) for s in identify(text)]


def test_script_decides_where_the_detector_cannot(seed_text):
    caption = seed_text.splitlines()[7]
    [seg] = identify(caption)
    assert (seg.lang, seg.script, seg.score) == ("ka", "Geor", 0.99)


def test_mixed_line_is_split_by_script():
    assert langs("The mayor said «Мы рады видеть гостей со всего мира» at the opening, in Greek ειρήνη.") == [
        ("The mayor said", "en", "Latn"), ("«Мы рады видеть гостей со всего мира»", "ru", "Cyrl"),
        ("at the opening, in Greek", "en", "Latn"), ("ειρήνη.", "el", "Grek")]


def test_short_lines_follow_the_main_language():
    text = ("Angela Merkel was in Moscow meeting with Putin, scolding him for the annexation of Crimea.\n"
            "Sanctions\n"
            "Washington and its European allies very publicly snubbed Putin this weekend.")
    assert [s.lang for s in identify(text)] == ["en", "en", "en"]


def test_cyrillic_is_restricted_to_cyrillic_languages():
    [seg] = identify("Москва является крупнейшим по численности населения городом страны.")
    assert seg.lang == "ru" and seg.script == "Cyrl"


def test_digits_only_is_und():
    segs, main = identify_blocks("12:30 — 45%")
    assert [(s.lang, s.score) for s in segs] == [("und", 0.0)] and main == "und"


def test_deterministic():
    text = "Ciao a tutti\nBonjour\nHola amigos, ¿qué tal?"
    assert [(s.lang, s.score) for s in identify(text)] == [(s.lang, s.score) for s in identify(text)]


def test_letter_shares():
    segs = identify("Hello there my good friend, how are you doing today?\nგამარჯობა")
    assert letter_shares(segs) == {"en": 0.82, "ka": 0.18}
