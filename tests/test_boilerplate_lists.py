"""Issue 18, second round: lists and repeats.  A ticker of timestamped titles,
a list that the article announces with a colon, teaser cards after a
related-stories header, lines that recur inside the body, and (HTML input)
code and numbers inside the article's elements.  The pages are written for
these tests, in the shapes found on the development pages."""

import pytest

from cleaner import Pipeline
from cleaner.classify import classify
from cleaner.split import split_blocks


def kinds(text):
    return [(text[b.start : b.end], b.kind, b.reason) for b in classify(text, split_blocks(text))]


def kept(text):
    return [line for line, kind, _ in kinds(text) if kind in ("content", "heading")]


ARTICLE_FR = [
    "Un troisième Français a été tué dans le tremblement de terre samedi au Népal, emporté par une avalanche, a "
    "annoncé jeudi le ministre des Affaires étrangères, qui a accueilli à Roissy un premier avion de rescapés.",
    "L'appareil, mis à disposition par un constructeur, était arrivé à Katmandou mercredi matin avec des "
    "personnels de santé et du matériel médical, et il est reparti dans la nuit avec plus de deux cents passagers.",
    "Le séisme a fait près de cinq mille cinq cents morts et touche huit des vingt-huit millions d'habitants du "
    "pays, selon les derniers chiffres des autorités, qui craignent que le bilan ne s'alourdisse encore.",
]
TICKER_FR = [
    "14:44 Accusations de viols : quatorze militaires mis en cause, certains sont déjà identifiés par la justice",
    "14:32 Un artiste arrêté pour avoir coloré en rose un geyser célèbre dans le sud-ouest de l'Islande",
    "13:54 En Islande, une vieille loi qui permettait de tuer un Basque est désormais abrogée par la ville",
    "13:43 Centrafrique : des sanctions seront prises si les faits sont avérés, promet le ministre de la Défense",
]


def test_a_ticker_of_timestamped_titles_goes_whatever_their_length():
    page = "\n".join(["Séisme au Népal : un troisième Français tué", *ARTICLE_FR, "Direct", *TICKER_FR])
    got = {line: (kind, reason) for line, kind, reason in kinds(page)}
    assert all(got[line] == ("boilerplate", "dated-list") for line in TICKER_FR)
    assert all(got[line][0] == "content" for line in ARTICLE_FR)
    # two timestamped lines are not a list (a live report's own entries)
    page = "\n".join(["Séisme au Népal : un troisième Français tué", *ARTICLE_FR, *TICKER_FR[:2]])
    assert {reason for _, _, reason in kinds(page)} & {"dated-list"} == set()


PLAYERS = [
    "Brian Edwards (Wake Forest University)",
    "Matt Allen (Creighton University)",
    "Sean Franklin (California State University of Northridge)",
    "Matt Hatzke (Santa Clara University)",
    "Shea Salinas (Furman University)",
]
COMBINE = [
    "More than sixty players will be tested this weekend after being invited to the combine, where coaches and "
    "general managers get a final chance to evaluate talent before the draft.",
    "The rosters will also include three invitees from South America, and all participants are available for "
    "selection in the draft, which takes place next week in Baltimore.",
    "Below is the list of the players who have been invited to this year's combine:",
]


def test_the_items_of_a_list_the_article_announces_stay():
    page = "\n".join(["Home", "Soccer", "College", "Players to be evaluated at combine", *COMBINE, *PLAYERS])
    page += "\nPrivacy Policy\nTerms of Use"
    assert kept(page) == ["Players to be evaluated at combine", *COMBINE, *PLAYERS]
    # without the colon the same names are a list of links
    page = page.replace("combine:", "combine.")
    assert not set(PLAYERS) & set(kept(page))


ARTICLE_DE = [
    "AgileBits hat Version 5.3 seines bekannten Passwortmanagers für OS X freigegeben. Mit dem Update kann das "
    "Programm nun auch Einmalpasswörter erzeugen, wie sie viele Dienste für die Anmeldung in zwei Schritten nutzen.",
    "Zur Nutzung muss zunächst ein Startwert an das Programm übergeben werden. Das geht unter anderem per "
    "Bildschirmfoto eines QR-Codes, den der jeweilige Dienst bei der Einrichtung anzeigt.",
    "Das Update liefert auch noch weitere Verbesserungen. So gibt es die Möglichkeit, Favoriten schneller zu "
    "öffnen, und die Suche berücksichtigt jetzt auch Notizen und die Namen von Anhängen.",
]
CARDS_DE = [
    "Apple stopft Sicherheitslücken in iOS und mehreren OS-X-Versionen",
    "Apple hat mit den Betriebssystem-Updates vom Mittwoch ein Bündel an Security-Fixes mitgeliefert. "
    "Sicherheitsaktualisierungen gibt es auch für ältere Versionen, die der Hersteller noch pflegt.",
    "Ex-HP-Chefin kritisiert Tim Cooks Kritik an Gesetz zur Religionsfreiheit",
    "Der Apple-Chef hatte sich gegen die Gesetzgebung eines US-Bundesstaates ausgesprochen, der die "
    "Diskriminierung von Homosexuellen erlaube. Die frühere Managerin sieht das anders und widerspricht ihm "
    "in einem Interview deutlich.",
    "Apple Watch: Bestellungen können offenbar dauern",
    "Im deutschen und im britischen Online Store sind kurzzeitig Liefertermine für die Computeruhr aufgetaucht, "
    "die mehrere Wochen nach dem Verkaufsstart liegen.",
]


def test_teaser_cards_after_a_related_header_go_however_long():
    page = "\n".join(["Passwortmanager erzeugt Einmalpasswörter", *ARTICLE_DE, "Meistgelesen", *CARDS_DE])
    assert kept(page) == ["Passwortmanager erzeugt Einmalpasswörter", *ARTICLE_DE]
    assert {reason for line, _, reason in kinds(page) if line in CARDS_DE[1::2]} == {"related"}


QUESTIONS = [
    "Что вас вдохновило на создание кулинарной страницы?",
    "Какую кухню любите сами? Есть ли какие-то предпочтения?",
]
INTRO = (
    "Наши герои знают толк не только во вкусе, но и в красоте еды: мы попросили самых популярных фудблогеров "
    "рассказать, как они решились вести свои страницы и что готовят дома."
)
FURNITURE = ["Главная", "Новости", "Рецепты"]
ANSWERS = [
    "— Внезапно я захотел вести блог, совершенно любой. Готовить я любил всегда, поэтому выбор был очевиден, "
    "и за два года страница собрала больше ста тысяч подписчиков.",
    "— Очень люблю этот вопрос, потому что всегда отвечаю одно и то же: домашнюю. Никакой ресторан не сравнится "
    "с тем, что готовила бабушка по воскресеньям.",
    "— Еда объединяет. Где бы мы ни оказались, даже не зная языка, за общим столом всегда найдётся о чём "
    "поговорить, и поэтому я начала писать о кухнях разных стран.",
    "— Я очень люблю шоколад: горький, молочный, белый. Но если говорить о кухне, то мне ближе всего итальянская, "
    "с её простыми продуктами и долгими обедами.",
]


def test_a_line_that_recurs_alone_far_into_the_body_stays():
    interview = [QUESTIONS[0], ANSWERS[0], QUESTIONS[1], ANSWERS[1], "Олеся Куприн"]
    interview += [QUESTIONS[0], ANSWERS[2], QUESTIONS[1], ANSWERS[3]]
    page = "\n".join([*FURNITURE, "Мастера вкуса: самые крутые фудблогеры", INTRO, "Андрей Рудьков", *interview])
    got = [kind for line, kind, _ in kinds(page) if line in QUESTIONS]
    assert got == ["content"] * 4


def test_a_block_shown_twice_in_the_body_goes():
    block = [QUESTIONS[0], QUESTIONS[1]]
    page = "\n".join([*FURNITURE, "Мастера вкуса", INTRO, *block, *ANSWERS, *block, ANSWERS[0].replace("два", "три")])
    got = [(kind, reason) for line, kind, reason in kinds(page) if line in QUESTIONS]
    assert got == [("content", "")] * 2 + [("duplicate", "exact-dup")] * 2


def html(body: str) -> str:
    return f"<!doctype html><html lang=en><head><title>t</title></head><body>{body}</body></html>"


PROSE = [
    "The range we defined is one standard deviation from the mean, and any value outside this range is "
    "considered an anomaly, which is what the next query finds in the series.",
    "Using the query we found that the value twelve is outside the range of acceptable values, and we "
    "identified it as an anomaly in the series we started with.",
    "Another way to represent a range of acceptable values is a z-score, which measures how many standard "
    "deviations a value lies from the mean of its series.",
]


def test_code_lines_and_numbers_inside_the_article_stay():
    pytest.importorskip("selectolax")
    query = "WITH series AS (\nSELECT *\nFROM unnest(array[2, 3, 12, 5]) AS n\n)\nSELECT n\nFROM series;"
    output = "n │ zscore\n2 │ -0.757\n3 │ -0.432\n12 │ 2.487"
    page = html(
        "<nav><a href=/>Home</a> <a href=/blog>Blog</a> <a href=/about>About</a></nav><article>"
        f"<h1>Detecting anomalies</h1><p>{PROSE[0]}</p><pre>{query}</pre><p>{PROSE[1]}</p>"
        f"<pre>{query}</pre><pre>{output}</pre><p>{PROSE[2]}</p></article>"
        "<footer><a href=/privacy>Privacy</a></footer>"
    )
    doc = Pipeline().process_html(page)
    lines = doc.cleaned_text.split("\n")
    assert lines.count("SELECT *") == 2 and lines.count("FROM series;") == 2  # (code is never a duplicate)
    assert "2 │ -0.757" in lines and "12 │ 2.487" in lines  # (numbers in the article's <pre>)
    assert "Home" not in doc.cleaned_text and "Privacy" not in doc.cleaned_text


BODY_PL = [
    "Remont dworca głównego w Krakowie potrwa co najmniej pół roku dłużej, niż zakładano. Jak poinformowała "
    "spółka odpowiedzialna za inwestycję, opóźnienie wynika z problemów z dostawami materiałów.",
    "Podróżni muszą liczyć się z utrudnieniami. Część peronów zostanie zamknięta, a pociągi dalekobieżne będą "
    "odjeżdżać z tymczasowych przystanków na obrzeżach miasta, zapowiedział przewoźnik.",
]
TEASERS_PL = [
    "Nowy rozkład jazdy od grudnia",
    "Sprawdź, co się zmieni dla pasażerów pociągów regionalnych w Małopolsce od przyszłego miesiąca.",
    "Tramwaj na Górkę Narodową gotowy",
    "Pierwsi pasażerowie pojadą nową trasą już w przyszłym tygodniu, zapowiada zarząd transportu.",
]


@pytest.mark.parametrize("header", ["Zobacz również", "Czytaj również", "Przeczytaj również"])
def test_polish_related_headers_end_the_article(header):
    page = "\n".join(["Remont dworca w Krakowie potrwa dłużej", *BODY_PL, header, *TEASERS_PL])
    assert kept(page) == ["Remont dworca w Krakowie potrwa dłużej", *BODY_PL]


@pytest.mark.parametrize("header", ["Up next", "Also see", "Most read in Business", "People also read"])
def test_english_related_headers_end_the_article(header):
    body = [
        "The minister arrived in Sochi on Monday for talks with the president of Russia about trade, energy and "
        "the war, officials said, in the first such visit in two years.",
        "The two men spoke for three hours, according to a statement, and neither side gave details of what was "
        "agreed, though both called the meeting useful and frank.",
    ]
    teasers = [
        "Oil prices fall as traders weigh the talks",
        "Brent crude was down two percent by midday on Tuesday, as traders weighed what the talks might bring.",
        "European airlines rise after the meeting",
        "Shares in carriers with large routes to the east led the gains, while the wider market was flat.",
    ]
    page = "\n".join(["Talks in Sochi", *body, header, *teasers])
    assert kept(page) == ["Talks in Sochi", *body]


def test_an_inline_box_of_dated_links_does_not_end_the_article():
    body = [
        "Interest costs already dwarf spending on many popular programs, and they are set to grow as the "
        "government borrows more to cover its deficits over the coming decade, budget analysts said.",
        "What is more, the heavy burden of interest payments could make it harder for the government to respond "
        "to the next recession, when it will need to spend more to support the economy.",
        "The budget office expects the deficit to keep rising over the next ten years, because spending on "
        "pensions and health care for an ageing population grows faster than the taxes that pay for them.",
        "Some economists say the country can afford to borrow more while rates stay low by historical standards, "
        "but others warn that investors may demand higher yields if the debt keeps climbing this fast.",
        "Lawmakers of both parties have proposed rules to limit new borrowing, though none of the plans has "
        "come close to a vote, and the leaders of both chambers have said they have other priorities.",
    ]
    box = ["More about the federal debt and the economy", "A Unilateral Tax Cut for the Rich Is Considered"]
    box += ["July 30, 2018", "How the Tax Cut Pushes the Deficit to $1 Trillion", "July 25, 2018"]
    more = [
        "Until recently, ultralow interest rates, set by the central bank to support the economy, allowed the "
        "government to take on more debt without paying much more in interest each year.",
        "But as the economy has strengthened, the central bank has gradually raised rates, and the yield on the "
        "ten-year note has climbed to its highest level in seven years, according to the agency.",
    ]
    page = "\n".join(["Interest on the debt will soon cost more than the military", *body, *box, *more])
    assert set(body + more) <= set(kept(page))  # (the dates of its links do not hide that the text goes on)


def test_the_first_word_check_never_hides_a_contained_phrase():
    """A line is searched for the spaced "contains" phrases only when one of
    them starts with one of its words: lines made of those phrases' words, in
    any order and spacing, are matched as the search alone matches them."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cleaner.phrases import phrases

    p = phrases()
    spaced = p._index[0]
    vocab = sorted({w for c in p.contains for w in c.split(" ")} | {"the", "news", "x"})

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(vocab), max_size=12), st.sampled_from([" ", "  "]))
    def same(words, sep):
        key = sep.join(words)
        found = bool(spaced.search(f" {key} "))
        firsts = p._index[5]
        assert found <= (not firsts.isdisjoint(key.split(" ")))

    same()
    # and every phrase is still found inside a sentence
    for c in p.contains:
        if " " in c and c.isascii():
            assert p.match(f"we say {c} here") == "contains", c


def test_the_phrase_trie_finds_what_the_plain_alternation_finds():
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cleaner.phrases import _any_of

    words = st.text(alphabet="ab c", min_size=1, max_size=6)

    @settings(max_examples=400, deadline=None)
    @given(st.lists(words, min_size=1, max_size=8), st.text(alphabet="ab c", max_size=30))
    def same(phrases, text):
        plain = re.compile(" (?:" + "|".join(map(re.escape, phrases)) + ") ")
        trie = _any_of(phrases, " (?:", ") ")
        assert bool(plain.search(f" {text} ")) == bool(trie.search(f" {text} "))

    same()


def test_an_ascii_line_is_normalised_as_any_line():
    import unicodedata

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cleaner.phrases import _NOT_WORD, normalize

    @settings(max_examples=500, deadline=None)
    @given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
    def same(line):
        assert normalize(line) == _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", line).casefold()).strip()

    same()


BRIDGE = [
    "The city council voted on Tuesday to close the old bridge over the river for repairs from the first of April "
    "until the end of August, and traffic will be sent through the neighbouring streets while the work goes on.",
    "Officials said the work would cost about one hundred million, that the contractor had been chosen in an open "
    "tender, and that the crews would work only during the day so that people living nearby can sleep.",
    "Residents of the houses along the river said they were worried about the noise and the dust, but most of them "
    "agreed that the bridge, which is more than a century old, badly needed to be repaired before it was too late.",
]
FOOTER = ["Share", "Home | News | Sport | Weather | Travel", "Privacy Policy", "Terms of Use", "Contact us"]
NOTICE = (
    "Reliance on the information this site contains is at your own risk, and our reporters follow the press code, "
    "which asks for news that is truthful, accurate and fair."
)


@pytest.mark.parametrize("favor", ["balanced", "precision"])
def test_weak_prose_behind_a_wall_of_furniture_is_not_the_article(favor):
    # A notice a quarter as long as the article, after five lines of furniture
    # (a share bar, a menu, the footer's links): the footer's, not the story's.
    page = "\n".join(["Old bridge to close for repairs", *BRIDGE, *FOOTER, NOTICE])
    got = {
        line: (b.kind, b.reason)
        for line, b in ((page[b.start : b.end], b) for b in classify(page, split_blocks(page), favor=favor))
    }
    # (the share bar after the article ends it, as a related-stories header does)
    assert got[NOTICE] == ("boilerplate", "related")
    assert all(got[line][0] == "content" for line in BRIDGE)
    # two lines of furniture are a box inside the text: the paragraph stays
    page = "\n".join(["Old bridge to close for repairs", *BRIDGE, *FOOTER[1:3], NOTICE])
    assert NOTICE in kept(page)
    # ... unless one is a share bar
    page = "\n".join(["Old bridge to close for repairs", *BRIDGE, *FOOTER[:2], NOTICE])
    assert NOTICE not in kept(page)
    # with no share bar, five lines of furniture wall it off
    page = "\n".join(["Old bridge to close for repairs", *BRIDGE, *FOOTER[1:], "Sitemap", NOTICE])
    assert dict((line, (k, r)) for line, k, r in kinds(page))[NOTICE] == ("boilerplate", "off-main")
    # favouring recall, furniture walls nothing off
    page = "\n".join(["Old bridge to close for repairs", *BRIDGE, *FOOTER, NOTICE])
    assert NOTICE in [
        page[b.start : b.end] for b in classify(page, split_blocks(page), favor="recall") if b.kind == "content"
    ]


# An encyclopaedia's page: a lede of two paragraphs, its table of contents, then
# a body eight times as long (the lede alone scores under REGION_SHARE of it).
LEDE = [
    "A suspension bridge is a type of bridge in which the deck is hung below cables on vertical suspenders, and "
    "the first modern examples of the type were built in the early nineteenth century.",
    "Simple suspension bridges, which lack vertical suspenders, have a long history in many mountainous parts of "
    "the world, where they were made of ropes and planks.",
]
CONTENTS = ["Contents", "1 History", "2 Structure", "3 Loads", "4 Famous bridges"]
BODY = [
    "The earliest bridges of this kind in Europe were built of iron chains, and several of them failed within a few "
    "years because the chains rusted where water collected at the joints and nobody could inspect them properly.",
    "Engineers later learned to spin the main cables in place from thousands of parallel steel wires, which were "
    "then squeezed together and wrapped, so that a single broken wire no longer put the whole span at risk.",
    "The towers carry almost all of the weight of the deck down into their foundations, while the anchorages at "
    "each end of the bridge hold the cables back against the pull of the deck and of the traffic on it.",
    "Wind was long the least understood of the loads, and one famous span in America twisted itself apart only "
    "four months after it opened, which led to the wind tunnel tests that every large design must now pass.",
    "Modern decks are built as stiff boxes or deep trusses so that they do not flutter, and the shape of the box "
    "is chosen after models of it have been tested at many speeds and angles of the wind in the laboratory.",
    "Maintenance never ends on a large bridge: the steel must be painted again every few years, the cables are "
    "dried with blown air to stop corrosion inside them, and the joints of the road surface are often replaced.",
    "Some of the oldest spans have had their cables replaced one strand at a time while traffic kept running, a "
    "slow and careful job that can take a decade but costs far less than building a new crossing would.",
    "Today the longest of these bridges cross straits several kilometres wide, and their builders expect them "
    "to last for two hundred years if they are inspected and repaired as often as their designers intended.",
]


def test_a_weak_stretch_next_to_the_article_with_no_furniture_between_is_its_own():
    page = "\n".join(["Suspension bridge", *LEDE, *CONTENTS, *BODY])
    got = {line: (kind, reason) for line, kind, reason in kinds(page)}
    assert all(got[line] == ("content", "") for line in LEDE + BODY)
    # (the table of contents, now between full paragraphs, stays as any short line there does)
    assert all(got[line][0] in ("content", "heading") for line in CONTENTS)
    # favouring precision, it goes as any weak stretch does
    drop = {page[b.start : b.end]: b.reason for b in classify(page, split_blocks(page), favor="precision")}
    assert all(drop[line] == "off-main" for line in LEDE)
    # a line of sure furniture between them (a menu) walls it off
    page = "\n".join(["Suspension bridge", *LEDE, "Home | History | Structure | Loads", *CONTENTS, *BODY])
    got = {line: (kind, reason) for line, kind, reason in kinds(page)}
    assert all(got[line] == ("boilerplate", "off-main") for line in LEDE)
    # so does one full paragraph: a blurb, not a lede
    page = "\n".join(["Suspension bridge", LEDE[0], *CONTENTS, *BODY])
    assert LEDE[0] not in kept(page)


TABLE = ["Bridge", "Main span", "Golden Gate", "1,280 m", "Humber", "1,410 m"]
NOTE = (
    "The spans in this table are measured between the centres of the two main towers, which is how engineers "
    "usually compare bridges of this kind, and not from one anchorage to the other."
)
TAIL = [
    "The table shows how quickly the longest spans have grown since the first steel cables were spun over a river.",
    "Engineers expect the next records to be set over wide sea straits, where the water is too deep for the piers.",
]


def test_the_text_after_tables_and_a_note_is_the_articles():
    # the two paragraphs after the second table stay, past the note's stretch,
    # which then lies between kept ones
    page = "\n".join(["Suspension bridge", *BODY, *TABLE, NOTE, *TABLE[:4], *TAIL])
    got = {line: (kind, reason) for line, kind, reason in kinds(page)}
    assert all(got[line] == ("content", "") for line in [*BODY, NOTE, *TAIL])
    # past two such stretches, they are too far
    page = "\n".join(["Suspension bridge", *BODY, *TABLE, NOTE, *TABLE[:4], BODY[0][:150] + ".", *TABLE[:4], *TAIL])
    got = {line: (kind, reason) for line, kind, reason in kinds(page)}
    assert all(got[line] == ("boilerplate", "off-main") for line in TAIL)


# A station's sidebar under a short news item, behind its footer links: three
# promotions, each a title and one paragraph (quoted in the shape of an L3S page).
PROMOS = [
    "Win Tickets",
    "Enter here for your chance to win tickets to see the Blue Man Group live in Las Vegas at the Venetian hotel.",
    "News On The Go",
    "Take our news with you on your browser-equipped handheld or cellphone by visiting our mobile site at any time.",
    "News En Español",
    "For all your city news in Spanish, watch our sister channel on digital cable, on channel 95 or on our website.",
]


def test_teaser_cards_behind_a_wall_of_furniture_go_however_they_score():
    page = "\n".join(["Old bridge to close for repairs", *BRIDGE, *FOOTER, *PROMOS])
    got = {line: (kind, reason) for line, kind, reason in kinds(page)}
    assert all(got[line] == ("content", "") for line in BRIDGE)
    assert all(got[line] == ("boilerplate", "related") for line in PROMOS[1::2])  # (after the share bar)
    page = "\n".join(["Old bridge to close for repairs", *BRIDGE, *FOOTER[1:], "Sitemap", *PROMOS])
    got = {line: (kind, reason) for line, kind, reason in kinds(page)}
    assert all(got[line] == ("boilerplate", "off-main") for line in PROMOS[1::2])
    # with fewer lines of furniture between, they are a box inside the page and stay
    page = "\n".join(["Old bridge to close for repairs", *BRIDGE, *FOOTER[1:3], *PROMOS])
    assert all(line in kept(page) for line in PROMOS[1::2])


CODE = ['fetch("/closures.json").then(function(res) {', "console.log(res.status);", "} else {"]
SPANS = (
    "Northbridge closed 2019, Southbridge closed 2020, Eastbridge closed 2021, Westbridge closed 2022, Riverside closed"
)


def test_lines_of_code_inside_the_body_stay():
    # a not-prose line before them: the short lines are not between two paragraphs
    page = "\n".join(["Old bridge to close for repairs", *BRIDGE[:2], SPANS, *CODE, BRIDGE[2]])
    got = {line: (kind, reason) for line, kind, reason in kinds(page)}
    assert all(got[line] == ("content", "") for line in CODE)
    assert got[SPANS] == ("boilerplate", "not-prose")
    # outside the body they are the page's scripts, not its text
    page = "\n".join(["Old bridge to close for repairs", *BRIDGE, SPANS, *CODE])
    assert not set(CODE) & set(kept(page))


# A paragraph of a plain-text document, hard-wrapped at 60 columns (as in an RFC).
WRAPPED = [
    "The council published the full schedule of the repairs in",
    "a plain text notice, which lists each closure of the bridge",
    "together with the streets that will carry its traffic while",
    "the crews are at work.",
]


def test_a_hard_wrapped_paragraph_inside_the_body_stays():
    page = "\n".join(["Old bridge to close for repairs", *BRIDGE[:2], SPANS, *WRAPPED, BRIDGE[2]])
    got = {line: (kind, reason) for line, kind, reason in kinds(page)}
    assert all(got[line] == ("content", "") for line in WRAPPED)
    # a caption running on into its button is two lines, not a paragraph
    caption = ["Crews inspect the cables of the old bridge, John Smith hide", "toggle caption"]
    page = "\n".join(["Old bridge to close for repairs", *BRIDGE[:2], SPANS, *caption, BRIDGE[2]])
    assert "toggle caption" not in kept(page)


# Before the body, the lines of a hard-wrapped paragraph read one by one as menu
# entries; the paragraph is one: its kept last line keeps the others.
ABSTRACT = [
    "This notice describes the repairs by which the council will",
    "strengthen the old bridge over the river, and the order in",
    "which its spans will be closed to traffic, one after another.",
]


def test_a_hard_wrapped_paragraph_is_kept_whole():
    page = "\n".join(["Home", "News", "Local", "Abstract", *ABSTRACT, "Old bridge to close for repairs", *BRIDGE])
    got = [(kind, reason) for _, kind, reason in kinds(page)]
    assert got[3:8] == [("boilerplate", "nav-run"), *[("content", "")] * 3, ("heading", "")]
    # with the paragraph's shape alone (each line judged by itself) the first
    # line was taken for the headline and the second for a menu entry
    assert "Old bridge to close for repairs" in kept(page)


@pytest.mark.parametrize(
    "byline", ["By Jane Smith", "Von Anna Müller", "Par Jean Dupont", "Autor: Jan Nowak", "Jane Smith, @JaneSmithNews"]
)
def test_a_byline_is_not_the_headline(byline):
    # The nearest title above the body is the headline, but a byline is a name:
    # the headline is above it.
    page = "\n".join(["Home", "News", "Sport", "Old bridge to close for repairs", "12:30 May 5, 2008", byline, *BRIDGE])
    got = [(kind, reason) for _, kind, reason in kinds(page)]
    assert got[3] == ("heading", "") and got[5] == ("boilerplate", "nav-run")
    # "By the numbers" is a title, not a name
    page = page.replace(byline, "By the numbers")
    assert [kind for _, kind, _ in kinds(page)][3:6] == ["boilerplate", "boilerplate", "heading"]
