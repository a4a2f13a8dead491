from cleaner.classify import classify
from cleaner.phrases import normalize, phrases
from cleaner.split import split_blocks


def kinds(text):
    return [(text[b.start:b.end], b.kind, b.reason) for b in classify(text, split_blocks(text))]


def test_split_offsets_and_paragraphs():
    text = "  Title  \n\n\nBody one.\r\nBody two.\n"
    blocks = split_blocks(text)
    assert [(text[b.start:b.end], b.para) for b in blocks] == [("Title", 0), ("Body one.", 1), ("Body two.", 1)]


def test_phrases_match_after_normalisation():
    assert normalize("ＳＨＡＲＥ  This!") == "share this"
    assert "accessibility links" in phrases()
    assert kinds("SKIP TO CONTENT »\nThe minister spoke on Monday.") == [
        ("SKIP TO CONTENT »", "boilerplate", "phrase"), ("The minister spoke on Monday.", "content", "")]


def test_phrase_must_be_the_whole_line():
    assert kinds("Share this article with your friends, she said.")[0][1] == "content"


def test_duplicates_keep_the_first_copy():
    text = "Photo: a caption\nThe first paragraph is here.\nphoto - A caption\nThe first paragraph is here."
    assert [k[1:] for k in kinds(text)] == [("heading", ""), ("content", ""), ("duplicate", "exact-dup"), ("duplicate", "exact-dup")]


def test_headings_need_content_after_them():
    text = "Isolation, sanctions\nFor the past year, isolation has been the order of the day.\nThe End"
    assert [k[1] for k in kinds(text)] == ["heading", "content", "content"]
    assert kinds("lower case start\nA body sentence.")[0][1] == "content"
    assert kinds("A long line that ends with a full stop.\nA body sentence.")[0][1] == "content"
