from cleaner.classify import classify
from cleaner.phrases import normalize, phrases
from cleaner.split import split_blocks

BODY = [
    "The minister arrived in Sochi on Monday for talks that officials on both sides described as difficult, "
    "and he was expected to meet the president later in the week to discuss the crisis in the region.",
    "It was the first visit of its kind in two years, and analysts said that the fact that it took place at all "
    "was a sign that both governments wanted to keep a line of communication open after months of tension.",
    "Neither side gave details of what was discussed, but a spokesman said the talks had been useful and that "
    "they would continue at a lower level in the coming weeks, with a further meeting planned for the summer.",
]


def kinds(text):
    return [(text[b.start:b.end], b.kind, b.reason) for b in classify(text, split_blocks(text))]


def test_split_offsets_and_paragraphs():
    text = "  Title  \n\n\nBody one.\r\nBody two.\n"
    blocks = split_blocks(text)
    assert [(text[b.start:b.end], b.para) for b in blocks] == [("Title", 0), ("Body one.", 1), ("Body two.", 1)]


def test_phrases_match_after_normalisation():
    assert normalize("ＳＨＡＲＥ  This!") == "share this"
    p = phrases()
    assert p.match(normalize("Accessibility links")) == "whole"
    assert p.match(normalize("分享到 Facebook")) == "whole"  # spacing around CJK does not matter
    assert p.match(normalize("SKIP TO CONTENT »")) == "whole"
    assert p.match(normalize("Share on WhatsApp Messenger")) == "prefix"
    assert p.match(normalize("© 2019 Example Media. All Rights Reserved.")) == "contains"
    assert p.match(normalize("We use cookies to give you the best experience on our website.")) == "contains"
    assert kinds("SKIP TO CONTENT »\nThe minister spoke on Monday.") == [
        ("SKIP TO CONTENT »", "boilerplate", "phrase"), ("The minister spoke on Monday.", "content", "")]


def test_phrase_must_be_the_whole_line_or_a_short_prefixed_line():
    p = phrases()
    assert p.match(normalize("Share this article with your friends, she said.")) == ""
    assert p.match(normalize("Share prices fell")) == ""
    assert p.match(normalize("Share on Facebook, Twitter, LinkedIn, WhatsApp, Telegram, Reddit, Pinterest and email")) == ""


def test_furniture_in_every_language_of_the_hidden_set():
    p = phrases()
    for line in ["Przejdź do treści", "Udostępnij na Facebooku", "Pročitajte više", "Sva prava pridržana.",
                 "Διαβάστε επίσης", "Σχετικά άρθρα", "相关新闻", "版权所有 © 2020 新华网", "ყველა უფლება დაცულია"]:
        assert p.match(normalize(line)), line


def test_article_between_navigation_and_footer():
    text = "\n".join(["Home", "News", "Markets", "Weather", "Minister Arrives for Talks", *BODY[:2],
                      "Background", BODY[2], "Mike Eckel contributed to this report.",
                      "Related stories", "Contact us", "Terms of use", "© 2024 Example News"])
    assert kinds(text) == [
        ("Home", "boilerplate", "phrase"), ("News", "boilerplate", "phrase"),
        ("Markets", "boilerplate", "nav-run"), ("Weather", "boilerplate", "phrase"),
        ("Minister Arrives for Talks", "heading", ""),
        (BODY[0], "content", ""), (BODY[1], "content", ""),
        ("Background", "heading", ""), (BODY[2], "content", ""),
        ("Mike Eckel contributed to this report.", "content", ""),
        ("Related stories", "boilerplate", "phrase"), ("Contact us", "boilerplate", "phrase"),
        ("Terms of use", "boilerplate", "phrase"), ("© 2024 Example News", "boilerplate", "copyright")]


def test_duplicates_keep_the_first_copy():
    caption = "Photo: the minister and his delegation on arrival at the airport in Sochi, 12 May 2015"
    text = "\n".join([BODY[0], caption, BODY[1], "photo - The minister and his delegation on arrival at the "
                      "airport in Sochi, 12 May 2015", BODY[2], BODY[0].replace("Monday", "Tuesday")])
    assert [k[1:] for k in kinds(text)] == [
        ("content", ""), ("content", ""), ("content", ""), ("duplicate", "exact-dup"), ("content", ""),
        ("duplicate", "near-dup")]


def test_short_documents_are_not_pages():
    assert kinds("The talks resumed on Monday in Sochi.") == [("The talks resumed on Monday in Sochi.", "content", "")]
    assert kinds("Breaking News\nThe talks resumed on Monday in Sochi.") == [
        ("Breaking News", "boilerplate", "phrase"), ("The talks resumed on Monday in Sochi.", "content", "")]


def test_a_caption_in_another_script_follows_its_context():
    caption = "პრეზიდენტი დონალდ ტრამპი და პირველი ლედი მელანია ტრამპი თავისუფლების მეჯლისზე, 20 იანვარი, 2017"
    text = "\n".join(["Accessibility links", "Talks Resume in Sochi", caption, *BODY])
    assert [k[1:] for k in kinds(text)] == [("boilerplate", "phrase"), ("heading", ""), ("content", "")] + \
        [("content", "")] * 3
