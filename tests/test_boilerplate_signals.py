"""The signals of issue 18: shape that holds on any site, the article as a
region, phrases in every language of the hidden set, prose in scripts without
a usable stop list, --favor.  The pages are written for these tests: news
items of one paragraph with the furniture that the issue reports around them."""

import pytest
from click.testing import CliRunner

from cleaner import classify as classify_module
from cleaner.classify import FAVOR, classify
from cleaner.cli import main
from cleaner.features import features, words_of
from cleaner.pipeline import Options, Pipeline
from cleaner.split import split_blocks


def kinds(text, favor="balanced"):
    return [(text[b.start : b.end], b.kind, b.reason) for b in classify(text, split_blocks(text), favor=favor)]


def kept(text, favor="balanced"):
    return [line for line, kind, _ in kinds(text, favor) if kind in ("content", "heading")]


# --- features ---------------------------------------------------------------


@pytest.mark.parametrize(
    "line, field, value",
    [
        ("Home » News » World » Europe", "items", 4),
        ("转发|收藏|评论", "items", 3),
        ("You are here: Home / News / Local", "items", 3),
        ("The minister - who came on Monday - said that 24/7 talks were needed", "items", 0),
        ("Prices rose by 3 % | Oil fell", "items", 0),
        ("Views: 1341 Comments: 0", "counts", 2),
        ("65 comments", "counts", 1),
        ("3/50 Natalie Massenet leaves Net-a-Porter", "counts", 3),
        ("The 2019 budget was 12 billion.", "counts", 0),
        ("记者从市交通委获悉，地铁新线路将于下月开通，全长二十公里。", "clauses", 2),
    ],
)
def test_shape_fields(line, field, value):
    assert getattr(features(line), field) == value


def test_markup_share_counts_tags_entities_and_addresses():
    assert features('<h2 class="title"></h2><br /> <div class="x">').markup == 1.0
    assert features('<h2>Title</h2><br /> <div class="x">').markup > 0.8
    assert features("Write to news@example.com or see https://example.com/a").markup > 0.5
    assert features("The minister spoke for an hour.").markup == 0.0
    # (a tag's name is letters and digits: headers and placeholders in code are no tags)
    assert features("#include <emscripten.h>").markup == 0.0
    assert features("URI_ENCODE( <parent_folder> <document_name> )").markup == 0.0
    assert features('<a href="/x">').markup == 1.0


def test_sentences_truncation_and_run_together_links():
    assert features("He came. She left! Why?").sentences == 3
    assert features("第一句。第二句。").sentences == 2
    assert features("Ersatz-SSDs gibt es ab 170 Euro. Mehr…").truncated
    assert not features("He paused… and left.").truncated
    assert features("Email ThisBlogThis!Share to TwitterShare to Facebook").glued == 3
    assert features("+ Added logAdminCommands, showDeathMessages on the iPhone").glued == 0


def test_words_keep_their_combining_marks():
    # (Python's \w leaves out vowel signs: the words fell apart at each one)
    assert words_of("ক্ষুদ্র, মাঝারি ও প্রান্তিক কৃষক") == ["ক্ষুদ্র", "মাঝারি", "ও", "প্রান্তিক", "কৃষক"]
    assert words_of("தமிழ் மொழி") == ["தமிழ்", "மொழி"]
    assert words_of("हिन्दी भाषा") == ["हिन्दी", "भाषा"]


# --- one-paragraph news items in the languages of the hidden set -------------

RU = """Перейти к содержанию
Главная
Новости
Вы здесь: Главная » Общество » Транспорт
В Твери на месяц закроют мост через Волгу
15.03.2024 10:42
Просмотров: 1341 Комментариев: 0 Версия для печати
С понедельника в Твери на месяц закроют для движения Староволжский мост: дорожники начнут ремонт покрытия и \
замену ограждений, а автобусы пустят в объезд через Новый мост, сообщили в администрации города.
Поделиться
ВКонтакте
Комментарии (0)
Похожие новости
Тест: насколько хорошо вы знаете правила дорожного движения?
Дешёвые авиабилеты по всей России — успейте купить
© 2024 Тверские новости. Все права защищены."""

PL = """Przejdź do treści
Strona główna
Jesteś tutaj: Strona główna / Kraj / Transport
Od poniedziałku nowy rozkład jazdy pociągów w regionie
Wyświetleń: 2048 Komentarzy: 0
Od poniedziałku pociągi regionalne pojadą według nowego rozkładu jazdy, który wprowadza dodatkowe połączenia \
wieczorne i skraca czas przejazdu na najbardziej obleganych trasach, poinformował przewoźnik.
Udostępnij
Komentarze (0)
Brak komentarzy. Bądź pierwszy!
Zobacz także
Remont dworca potrwa do końca roku
Nowe autobusy wyjadą na ulice miasta
Wszelkie prawa zastrzeżone"""

EL = """Μετάβαση στο περιεχόμενο
Αρχική
Βρίσκεστε εδώ: Αρχική > Κοινωνία > Μεταφορές
Νέα δρομολόγια για τα λεωφορεία της πόλης από τη Δευτέρα
Προβολές: 873
Από τη Δευτέρα τα λεωφορεία της πόλης θα κινούνται με νέα δρομολόγια, που προσθέτουν βραδινές διαδρομές και \
συντομεύουν τον χρόνο αναμονής στις πιο πολυσύχναστες στάσεις, όπως ανακοίνωσε ο δήμος.
Κοινοποίηση
Σχόλια (0)
Δεν υπάρχουν ακόμη σχόλια
Διαβάστε επίσης
Κλειστός ο κεντρικός δρόμος για έργα το Σαββατοκύριακο
Νέα πλατεία στο κέντρο της πόλης
Με επιφύλαξη παντός δικαιώματος"""

ZH = """首页
新闻
当前位置：首页 > 新闻 > 国内
本市地铁新线路下月开通运营
2024-03-15 10:42 来源：本报
本报讯 记者从市交通委获悉，地铁新线路将于下月正式开通运营，全长二十公里，共设十五座车站，开通后将大大缓解城市北部\
地区的交通压力，沿线居民出行时间预计缩短一半。
转发|收藏|评论
已有帐号？马上登录
相关新闻
公交线路调整方案公布
机场快线票价下调
介绍|联系我们|网民举报|网站地图|
版权所有 © 2024 本报"""


@pytest.mark.parametrize("page, headline", [(RU, 4), (PL, 3), (EL, 3), (ZH, 3)], ids=["ru", "pl", "el", "zh"])
def test_a_one_paragraph_news_item_keeps_its_headline_and_paragraph_only(page, headline):
    lines = page.splitlines()
    paragraph = max(lines, key=len)
    assert kept(page) == [lines[headline], paragraph]
    got = {line: (kind, reason) for line, kind, reason in kinds(page)}
    assert got[lines[headline]] == ("heading", "")
    assert all(reason for line, (kind, reason) in got.items() if kind == "boilerplate")


def test_breadcrumbs_counters_toolbars_and_comment_calls_have_their_reasons():
    got = {line: reason for line, _, reason in kinds(ZH)}
    assert got["当前位置：首页 > 新闻 > 国内"] == "phrase"  # (a breadcrumb's label)
    assert got["转发|收藏|评论"] == "link-list"
    assert got["介绍|联系我们|网民举报|网站地图|"] == "link-list"
    assert got["已有帐号？马上登录"] == "phrase"
    got = {line: reason for line, _, reason in kinds(RU)}
    assert got["Вы здесь: Главная » Общество » Транспорт"] == "phrase"
    assert got["Комментарии (0)"] == "comments"  # (after a one-paragraph article too)


def test_counters_are_never_the_headline():
    got = {line: kind for line, kind, _ in kinds(RU)}
    assert got["Просмотров: 1341 Комментариев: 0 Версия для печати"] == "boilerplate"
    assert got["В Твери на месяц закроют мост через Волгу"] == "heading"


BODY_DE = [
    "Der Stadtrat hat am Dienstag mit großer Mehrheit beschlossen, entlang des Rheinufers einen durchgehenden "
    "Radweg zu bauen, der die Altstadt mit den nördlichen Stadtteilen verbinden soll.",
    "Die Bauarbeiten sollen im Herbst beginnen und rund zwei Jahre dauern. Für die Zeit der Arbeiten wird der "
    "Verkehr auf der Uferstraße teilweise einspurig geführt, wie die Verwaltung mitteilte.",
    "Kritik kam von den Anwohnern, die sich mehr Parkplätze gewünscht hatten. Die Stadt verweist darauf, dass in "
    "der Nähe zwei neue Parkhäuser entstehen, die nach ihren Angaben ausreichend Platz bieten werden.",
]
TEASERS_DE = [
    "Bahnstreik: Was Pendler jetzt wissen müssen",
    "Ab Mittwoch stehen viele Züge still, auch im Regionalverkehr. Wir sagen, welche Rechte Fahrgäste haben.",
    "Hochwasser: Pegel am Rhein steigt weiter",
    "Die Stadt hat erste Schutzwände aufgebaut, Anwohner sollen ihre Keller räumen.",
    "Heizungsgesetz: Die wichtigsten Fragen und Antworten",
    "Was für Eigentümer und Mieter jetzt gilt, und wann die Förderung beantragt werden kann.",
]


def test_teasers_above_the_article_go_and_its_headline_stays():
    page = "\n".join(
        ["Zum Inhalt springen", "Startseite", *TEASERS_DE, "Stadtrat beschließt neuen Radweg am Rheinufer"]
        + ["12.03.2024, 14:05 Uhr", *BODY_DE, "Artikel teilen", "Impressum"]
    )
    got = kinds(page)
    assert [g[1:] for g in got[2:8]] == [("boilerplate", "teasers")] * 6
    assert got[8][1] == "heading"
    assert [g[1] for g in got[10:13]] == ["content"] * 3


def test_sections_of_one_paragraph_inside_an_article_are_not_teasers():
    # the same cards with no headline between them and the body are the article's
    page = "\n".join(["Stadtrat beschließt neuen Radweg am Rheinufer", BODY_DE[0], *TEASERS_DE, *BODY_DE[1:]])
    assert all(kind == "content" or kind == "heading" for _, kind, _ in kinds(page))


def test_related_stories_after_the_article_go_unless_the_text_resumes():
    body = [
        "Die Bauarbeiten sollen im Herbst beginnen und rund zwei Jahre dauern, teilte die Verwaltung am Dienstag "
        "mit, und der Verkehr werde in dieser Zeit teilweise über die Nebenstraßen der Altstadt umgeleitet.",
        *BODY_DE,
    ]
    teasers = [
        "Neue Buslinie verbindet Flughafen und Hauptbahnhof",
        "Die Linie fährt ab Juni alle zwanzig Minuten und hält an sechs Stationen in der Innenstadt.",
        "Sommerfest am Rhein lockt tausende Besucher an",
        "Bei bestem Wetter feierten am Wochenende mehr als zehntausend Menschen am Ufer des Flusses.",
    ]
    page = "\n".join(["Stadtrat beschließt neuen Radweg", *body, "Das könnte Sie auch interessieren", *teasers])
    got = kinds(page)
    assert [g[1] for g in got[1:5]] == ["content"] * 4
    assert all(kind == "boilerplate" for _, kind, _ in got[5:])
    assert {g[2] for g in got[6:]} <= {"related", "nav-run", "short", "context"}
    # an inline "Read also" box: the article goes on right after its link
    more = [
        "Die Opposition im Stadtrat stimmte gegen den Plan und verlangte ein neues Gutachten zu den Kosten des Baus.",
        "Der Bürgermeister zeigte sich dennoch zufrieden und sprach von einem guten Tag für die ganze Stadt am Rhein.",
    ]
    page = "\n".join(["Stadtrat beschließt neuen Radweg", *body, "Lesen Sie auch", teasers[0], *more])
    assert kept(page) == ["Stadtrat beschließt neuen Radweg", *body, *more]


def test_markup_left_in_the_text_goes():
    embed = '<h2>Stadtrat beschließt neuen Radweg</h2><br /> <div class="teaser"><a href="/radweg">Mehr</a></div>'
    page = "\n".join(["Stadtrat beschließt neuen Radweg", *BODY_DE, embed])
    assert kinds(page)[-1][1:] == ("boilerplate", "markup")


def test_dated_titles_between_two_paragraphs_are_a_list_of_stories():
    dated = [f"January 15, 2008 {t}" for t in ("Police Make Arrest In Old Case", "Worker Rescued From Trench")]
    dated += ["January 15, 2008 Community Tries To Save Bronx Housing"]
    body = [
        "A driver from Pennsylvania is under arrest after the truck he was driving, which was carrying asbestos, "
        "flipped over on the Clearview Expressway in Queens on Tuesday afternoon.",
        "Police say the driver took off, but he was later arrested and now faces charges of leaving the scene of an "
        "accident and driving with a suspended license, officials said.",
    ]
    promo = (
        "Enter here for your chance to win tickets to see the show live in Las Vegas at the Venetian Resort Hotel "
        "and Casino, with two nights in a suite for you and a friend."
    )
    page = "\n".join(["Truck Carrying Asbestos Flips Over In Queens", *body, *dated, promo])
    got = {line: kind for line, kind, _ in kinds(page)}
    assert all(got[line] == "boilerplate" for line in dated)
    assert all(got[line] == "content" for line in body)


@pytest.mark.parametrize(
    "run",
    [
        "关于建立企业职工基本养老保险基金中央调剂制度的通知航旅纵横新能源汽车北京积分落户制基本养老金上调方案公布世界杯揭幕战即将打响",
        # A headline may end with "！": a line that does not end as a sentence
        # counts those as clause marks, and still has too few of them.
        "可爱！松鼠举着水瓶大口饮水鳄鱼机场跑道“散步”致飞机晚点沙特：无人机T台走秀 画面诡异观众不买账"
        "浙江：三头骡子上高速 交警陪着走了七公里大学开减肥课：饿瘦了不算要扣分！世界杯揭幕战即将打响 "
        "俄罗斯沙特备战忙梅西和C罗“最强之争”或见分晓德政府要求戴姆勒召回逾23万辆车法国巴黎发生劫持人质事件",
    ],
)
def test_chinese_headlines_run_together_are_not_prose(run):
    page = "\n".join(["本市地铁新线路下月开通运营", ZH.splitlines()[5], run])
    assert kinds(page)[-1][1:] == ("boilerplate", "not-prose")
    assert kinds(page)[1][1] == "content"
    # the same words ending as a sentence are someone's (long-winded) prose
    assert kinds(page + "。")[-1][1] == "content"


# --- texts that are not pages ------------------------------------------------


def test_a_transcript_keeps_its_short_and_repeated_utterances():
    lines = ["yeah.", "so where did you go?", "to the market.", "yeah.", "ok.", "and then?", "then home.", "yeah."]
    assert kept("\n".join(lines)) == lines[:4] + lines[5:]  # ("ok." is a known phrase)


@pytest.mark.parametrize(
    "text",
    [
        # Thai: words are not spaced
        "วันนี้อากาศดีมาก เราจึงตัดสินใจไปเดินเล่นที่สวนสาธารณะใกล้บ้านกับครอบครัวตั้งแต่ตอนเช้าจนถึงเวลาเที่ยงวัน\n"
        "หลังจากนั้นเราไปรับประทานอาหารกลางวันที่ร้านอาหารเล็กๆ ริมแม่น้ำซึ่งมีอาหารไทยแบบดั้งเดิมหลายอย่างให้เลือก\n"
        "ตอนเย็นเรากลับบ้านและนั่งคุยกันเรื่องแผนการเดินทางไปเที่ยวต่างจังหวัดในช่วงวันหยุดยาวที่จะมาถึง",
        # Bengali: vowel signs inside words
        "আজ আবহাওয়া খুব ভালো ছিল, তাই আমরা সকালে বাড়ির কাছের পার্কে পরিবারের সবাই মিলে হাঁটতে গিয়েছিলাম।\n"
        "দুপুরে আমরা নদীর ধারে একটি ছোট রেস্তোরাঁয় খেয়েছিলাম, যেখানে অনেক রকমের ঐতিহ্যবাহী খাবার পাওয়া যায়।\n"
        "সন্ধ্যায় আমরা বাড়ি ফিরে এসে ছুটির দিনে গ্রামের বাড়িতে বেড়াতে যাওয়ার পরিকল্পনা নিয়ে অনেকক্ষণ কথা বললাম।",
    ],
    ids=["th", "bn"],
)
def test_prose_in_scripts_without_a_usable_stop_list_stays(text):
    assert kept(text) == text.splitlines()


# --- --favor -----------------------------------------------------------------

LEANING = "\n".join(
    ["Stadtrat beschließt neuen Radweg am Rheinufer", BODY_DE[0], "Weitere Bauprojekte der Stadt am Fluss im Überblick"]
    + ["Parkhaus am Hafen", BODY_DE[1], "Neue Brücke über den Rhein", BODY_DE[2]]
)


def test_favor_leans_each_way():
    balanced, precision, recall = (set(kept(LEANING, f)) for f in ("balanced", "precision", "recall"))
    assert precision <= balanced <= recall
    assert set(FAVOR) == {"balanced", "precision", "recall"}
    with pytest.raises(ValueError, match="unknown favor"):
        classify(LEANING, split_blocks(LEANING), favor="both")


def test_favor_on_the_command_line_and_in_the_api(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(RU, encoding="utf-8")
    for favor in FAVOR:
        r = CliRunner().invoke(main, ["clean", "--format", "text", "--favor", favor, str(page)])
        assert r.exit_code == 0, r.output
        doc = Pipeline(Options(favor=favor)).process(RU)
        assert r.output == doc.cleaned_text + "\n"
    r = CliRunner().invoke(main, ["clean", "--favor", "both", str(page)])
    assert r.exit_code == 2 and "--favor" in r.output


# --- the bench's ablation names real signals -----------------------------------


def test_every_ablation_turns_off_a_signal_that_exists():
    import os
    import sys

    sys.path.insert(0, os.path.join(os.path.dirname(__file__), os.pardir, "bench"))
    boilerplate = pytest.importorskip("boilerplate")
    for function, _ in boilerplate.ABLATIONS.values():
        assert callable(getattr(classify_module, function)), function


# --- phrase lists: every language of the dev and hidden sets ----------------


@pytest.mark.parametrize(
    "lang, furniture, related",
    [
        (
            "ru",
            ["Вы здесь: Главная", "Комментариев пока нет", "Поделиться", "Подписаться на рассылку"],
            "Читайте также",
        ),
        ("uk", ["Ви тут: Головна", "Коментарів поки немає", "Поділитися", "Підписатися"], "Читайте також"),
        (
            "pl",
            ["Jesteś tutaj: Strona główna", "Bądź pierwszy", "Udostępnij", "Zapisz się na newsletter"],
            "Zobacz też",
        ),
        (
            "cs",
            ["Nacházíte se: Úvod", "Zatím žádné komentáře", "Sdílet", "Přihlaste se k odběru"],
            "Související články",
        ),
        ("hr", ["Nalazite se: Naslovnica", "Još nema komentara", "Podijeli", "Pretplati se"], "Povezane vijesti"),
        ("el", ["Βρίσκεστε εδώ: Αρχική", "Δεν υπάρχουν σχόλια", "Κοινοποίηση", "Εγγραφείτε"], "Διαβάστε επίσης"),
        (
            "de",
            ["Sie sind hier: Startseite", "Noch keine Kommentare", "Teilen", "Newsletter abonnieren"],
            "Mehr zum Thema",
        ),
        ("tr", ["Buradasınız: Ana Sayfa", "Henüz yorum yok", "Paylaş", "Abone ol"], "İlgili haberler"),
        ("ar", ["أنت هنا: الرئيسية", "كن أول من يعلق", "شارك", "اشترك الآن"], "اقرأ أيضا"),
        ("ja", ["現在位置: トップ", "まだコメントはありません", "シェアする", "購読する"], "関連記事"),
        ("zh", ["当前位置：首页", "暂无评论，快来抢沙发", "分享到微信", "订阅"], "相关阅读"),
    ],
)
def test_breadcrumb_comment_share_subscription_and_related_phrases(lang, furniture, related):
    from cleaner.phrases import is_related_header, normalize, phrases

    for line in furniture:
        assert phrases().match(normalize(line)), (lang, line)
    assert is_related_header(normalize(related)), (lang, related)


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for the Eater National newsletter",
        "Share this with friends",
        "Follow us on Instagram",
        "Подпишитесь на наш Telegram-канал",
        "Підпишіться на нас у Facebook",
        "Obserwuj nas na Facebooku",
        "Folgen Sie uns auf Twitter",
        "Ακολουθήστε μας στο Facebook",
        "Sledujte nás na Facebooku",
        "Pratite nas na Facebooku",
        "Bizi takip edin: Instagram",
        "تابعونا على تويتر",
        "关注我们的微信公众号",
    ],
)
def test_calls_to_subscribe_follow_or_share_are_furniture(line):
    from cleaner.phrases import normalize, phrases

    assert phrases().match(normalize(line)) == "prefix", line
    # (a sentence that starts the same way is not a short line: no prefix matches it)
    sentence = "Sign up for the trial was slow at first, the hospital said, but by the spring hundreds had joined."
    assert not phrases().match(normalize(sentence))


@pytest.mark.parametrize(
    "line",
    [
        "If you buy something through this post, IGN may get a share of the sale. For more, learn more.",
        "Sometimes we include links to online retail stores. If you click on one and make a purchase we may "
        "receive a small commission.",
        "This post may contain affiliate links.",
        "Wenn Sie über diese Links einkaufen, erhalten wir eine Provision vom Händler.",
    ],
)
def test_affiliate_disclosures_are_furniture(line):
    from cleaner.phrases import normalize, phrases

    assert phrases().match(normalize(line)) == "contains", line


def test_prose_about_affiliate_links_is_no_disclosure():
    from cleaner.phrases import normalize, phrases

    for line in [
        "The air fryer I use (affiliate link) cooks a whole chicken in under an hour.",
        "Bloggers who earn a commission on sales must say so, the regulator said on Monday.",
    ]:
        assert not phrases().match(normalize(line)), line


def test_counts_do_not_stop_a_whole_line_phrase():
    from cleaner.phrases import normalize, phrases

    for line in ["Comments (12)", "Комментарии (0)", "Share 45", "12 комментариев"]:
        assert phrases().match(normalize(line)) == "whole", line
    assert not phrases().match(normalize("12 ways to share a flat"))


# --- issue 18, third round: the article as one region, consent dialogs ------

ZH_TITLES_UNDER_A_LABEL = """首页
新闻
财经
本市地铁新线路下月开通运营
2024-03-15 10:42 来源：本报
本报讯 记者从市交通委获悉，地铁新线路将于下月正式开通运营，全长二十公里，共设十五座车站，开通后将大大缓解城市北部\
地区的交通压力，沿线居民出行时间预计缩短一半。
据介绍，新线路采用全自动驾驶系统，高峰时段的发车间隔为两分钟，车站内还设有无障碍电梯和母婴室，方便乘客出行。
市交通委表示，开通初期将安排工作人员在各站引导乘客，并根据客流情况及时调整运营时间和发车间隔。
分享到微信
今日财经新闻看点
央行负责人谈金融风险：收益预期在百分之十以上的就要准备损失全部本金
外交部表示如果对方出台了新的制裁措施那么双方在谈判中达成的成果都将不会生效
世界杯揭幕战
关于我们
联系我们"""


def test_a_title_under_a_section_label_is_not_a_one_sentence_body(monkeypatch):
    title = ZH_TITLES_UNDER_A_LABEL.splitlines()[10]
    got = {line: (kind, reason) for line, kind, reason in kinds(ZH_TITLES_UNDER_A_LABEL)}
    # (after the share bar "分享到微信", which ends the article)
    assert got[title] == ("boilerplate", "related")
    assert got["本市地铁新线路下月开通运营"] == ("heading", "")
    monkeypatch.setattr(classify_module, "_share_bar", lambda ln: False)
    got = {line: (kind, reason) for line, kind, reason in kinds(ZH_TITLES_UNDER_A_LABEL)}
    assert got[title] == ("boilerplate", "context")
    # (without the sentence end, the label "今日财经新闻看点" read as its headline)
    monkeypatch.setattr(classify_module, "_lede", lambda lines, i: classify_module._after_title(lines, i))
    assert title in kept(ZH_TITLES_UNDER_A_LABEL)


CYCLE_PATH = [
    "The city council voted on Tuesday to build a cycle path along the whole length of the river, linking the old "
    "town with the northern districts for the first time.",
    "Work is due to start in the autumn and to last about two years, and traffic on the riverside road will be "
    "reduced to one lane while the builders are there.",
    "Residents had asked for more parking spaces instead, but the council says that two new car parks being built "
    "nearby will offer enough room for everyone.",
]
CYCLE_PATH_2 = [
    "The opposition voted against the plan and asked for a new study of what the path will cost, saying that the "
    "estimate had already doubled in a year.",
    "The mayor said he was pleased all the same and called the vote a good day for the whole city, which has waited "
    "for a safe way along the river for decades.",
    "Cycling groups, who had campaigned for the path for more than ten years, said they would hold a ride along the "
    "river on Sunday to celebrate the decision.",
]
FLATS = [
    "Two houses with almost three hundred flats for families will be built along the railway line, the city said on "
    "Monday after its councillors approved the project.",
    "The project was approved by the assembly in December, and the city has since been looking for land on which the "
    "first houses of the scheme could be built.",
    "The first tenants should be able to move in within four years, once the legal and financial questions of the new "
    "housing cooperative have been settled.",
]


def test_a_second_story_after_a_related_header_is_measured_against_the_whole_article(monkeypatch):
    page = "\n".join(
        ["Council approves cycle path along the river", *CYCLE_PATH, "Read also", "Bridge to close for a month"]
        + ["Share this article", *CYCLE_PATH_2, "Share this article", "Related stories", "Bridge to close for a month"]
        + ["Photos: 19", "New bus line links the airport and the station", "Photos: 12", "Just now"]
        + ["City to build three hundred flats by the railway", *FLATS, "About us"]
    )
    assert kept(page) == ["Council approves cycle path along the river", *CYCLE_PATH, *CYCLE_PATH_2]
    got = {line: reason for line, _, reason in kinds(page)}
    assert all(got[line] == "related" for line in FLATS)
    # each half of the article alone is no longer than the second story
    monkeypatch.setattr(classify_module, "_article_score", lambda stretches, scores, left, top, header: scores[top])
    assert set(FLATS) <= set(kept(page))


@pytest.mark.parametrize(
    "lang, line",
    [
        ("en", "We and our partners store and/or access information on a device, such as cookies and process data."),
        ("en", "Personalised advertising and content, advertising and content measurement, audience research"),
        ("en", "Object to Legitimate Interests"),
        ("en", "Strictly Necessary Cookies"),
        ("de", "Wir und unsere Partner: Informationen auf einem Gerät speichern und/oder abrufen"),
        ("fr", "Stocker et/ou accéder à des informations sur un appareil"),
        ("pl", "Przechowywanie informacji na urządzeniu lub dostęp do nich"),
        ("el", "Αποθήκευση ή/και πρόσβαση σε πληροφορίες σε μια συσκευή"),
        ("cs", "Ukládání a/nebo přístup k informacím v zařízení"),
        ("ru", "Хранение и/или доступ к информации на устройстве"),
        ("es", "Anuncios y contenido personalizados, medición de anuncios y contenido"),
    ],
)
def test_consent_dialogs_are_furniture_in_every_language(lang, line):
    from cleaner.phrases import normalize, phrases

    assert phrases().match(normalize(line)), (lang, line)


def test_prose_about_devices_and_data_is_not_a_consent_dialog():
    from cleaner.phrases import normalize, phrases

    for line in [
        "The app can store information on a device even after it is switched off, researchers found.",
        "The regulator said the company had no legitimate interest in keeping the data for so long.",
    ]:
        assert not phrases().match(normalize(line)), line


@pytest.mark.parametrize(
    "line",
    [
        "Комментарии (0) - В Твери на месяц закроют мост через Волгу",
        "Comments (0) - Council approves cycle path along the river",
        "12 comments | Council approves cycle path along the river",
        "Komentarze (3) – Od poniedziałku nowy rozkład jazdy pociągów",
        "Kommentare: 5 | Stadtrat beschließt neuen Radweg",
    ],
)
def test_a_link_to_the_comments_with_its_count_and_title_goes(line):
    page = "\n".join(["В Твери на месяц закроют мост через Волгу", RU.splitlines()[7], line, "Похожие новости"])
    assert kinds(page)[2][1:] == ("boilerplate", "comments")


def test_counts_and_comments_inside_titles_and_sentences_stay():
    from cleaner.features import features

    for line in ["3 things to know - about comments", "Step 2: Insert your plant", "Comments (5 posted)"]:
        assert not classify_module._comment_link(classify_module._Line(None, line, features(line))), line


@pytest.mark.parametrize(
    "line",
    [
        "Reproduction in whole or in part without permission is prohibited.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Alle Rechte vorbehalten. Vervielfältigung nur mit Genehmigung der Redaktion.",
        "Полное или частичное копирование материалов сайта запрещено.",
        "Απαγορεύεται η αναδημοσίευση χωρίς άδεια.",
        "此内容为本报原创。未经本报授权，不得以任何方式加以使用，本报将追究侵权者的法律责任。",
        "想了解更多关于《地铁新线路下月开通》的报道，那就扫码下载本报APP阅读吧。",
    ],
)
def test_reprint_notices_are_furniture(line):
    from cleaner.phrases import normalize, phrases

    assert phrases().match(normalize(line)) == "contains", line


def test_the_comment_count_is_only_looked_for_where_it_can_start():
    """The comment-link pattern's count starts within COMMENT_COUNT_REACH
    characters: lines with no digit there never match it."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cleaner import classify as c

    pieces = st.sampled_from(["Comments", " ", "(", "0", "12", ")", " - ", "|", "x" * 9, "Комментарии", "\t", "Title"])

    @settings(max_examples=500, deadline=None)
    @given(st.lists(pieces, max_size=14).map("".join))
    def same(line):
        if c._COMMENT_COUNT.match(line):
            assert c._ANY_DIGIT.search(line, 0, c.COMMENT_COUNT_REACH)

    same()


# The end of a news item on a French site (boilerplate-dev2 rdb-fr-fabe2cba19,
# shortened): a live feed of other stories follows the article under "Direct".
LIVE_FEED_FR = [
    "Népal : «Plus les heures passent, moins on est utiles»",
    "Par Laurence Defranoux",
    "Un troisième Français a été tué dans le tremblement de terre samedi au Népal, emporté par une avalanche, a "
    "déclaré jeudi le ministre des Affaires étrangères. Les autorités françaises sont toujours sans nouvelles "
    "«d’encore plus de 200» personnes.",
    "L’appareil, mis à disposition par Airbus, était arrivé à Katmandou mercredi matin avec 55 personnels de santé "
    "et humanitaires, ainsi que 25 tonnes de matériel (abris, médicaments, aide alimentaire).",
    "2 209 Français ont été localisés sains et saufs tandis que 393 n’ont pas encore pu être joints, selon le Quai "
    "d’Orsay. Environ 400 Français ont demandé à être rapatriés dans les vols mis en place par la France.",
    "Le séisme a fait près de 5 500 morts et touche huit des 28 millions d’habitants du Népal. Des dizaines de "
    "milliers de personnes sont sans abri.",
    "AFP",
    "Recevoir la newsletter",
    "L'actu Libé tous les matins par email",
    "Direct",
    "14:44 Accusations de viols : 14 militaires mis en cause, certains identifiés",
    "14:32 Un artiste arrêté pour avoir coloré un geyser",
    "14:10",
    "Séisme.",
    "Un tremblement de terre de magnitude 6,8 a touché la Papouasie-Nouvelle-Guinée, selon l'Institut d'études "
    "géologiques américain (USGS). L'épicentre se situe sous l'île de Nouvelle-Bretagne, la plus grande de "
    "l'archipel Bismarck, au sud de Rabaul, ville détruite en 1994 par une éruption volcanique.",
    "13:54 En Islande, tuer un Basque est désormais interdit",
    "13:24",
    "Népal.",
    "La troisième victime française du séisme au Népal, dont la mort a été annoncée ce matin par Laurent Fabius, "
    "serait une trentenaire originaire de Lyon, selon le quotidien local le Progrès. Elle aurait été emportée par "
    "une coulée de boue lors d'un trek.",
]


def test_a_live_feed_header_closes_the_article(monkeypatch):
    page = "\n".join(LIVE_FEED_FR)
    got = kinds(page)
    header = LIVE_FEED_FR.index("Direct")
    assert got[header][1:] == ("boilerplate", "related")
    assert [line for line, kind, _ in got[header:] if kind in ("content", "heading")] == []
    assert kept(page)[-1] == LIVE_FEED_FR[5]  # the article's last paragraph
    # without the header's phrase, the feed's paragraphs stay with the article
    monkeypatch.setattr(classify_module, "_live_feed", lambda ln: False)
    assert LIVE_FEED_FR[-1] in kept(page)


@pytest.mark.parametrize(
    "header", ["Direct", "En direct", "Liveticker", "Лента новостей", "Na żywo", "Ζωντανά", "滚动新闻", "Live updates"]
)
def test_live_feed_headers(header):
    from cleaner.phrases import is_live_header, normalize

    assert is_live_header(normalize(header))
    assert not is_live_header(normalize(f"{header} from the scene was broadcast all night long."))


# The top of a business-news item (boilerplate-dev2 l3s-en-04204cc12f,
# shortened): a box of related stories between the toolbar and the body.
RELATED_BOX_EN = [
    "Wednesday, December 26, 2007",
    "Local biotech researcher dies",
    "Kansas City Business Journal",
    "Print Article",
    "Email Article",
    "Reprints",
    "Related News",
    "Market formula: ImmunoGenetix takes a unique path to get its anti-HIV drug to consumers [Kansas City]",
    "Lenexa company hopes to bring HIV treatment to market [Kansas City]",
    "Eyes on the ball: Kansas City Eye Clinic focuses on full service, specialization [Kansas City]",
    "Other big transactions build on local market's 2007 deals [Kansas City]",
    'Opendra "Bill" Narayan, a renowned professor and HIV researcher at the University of Kansas Medical Center, '
    "died Dec. 24 of an apparent heart attack.",
    "Narayan, 71, was chairman of microbiology, molecular genetics and immunology at the university. He also was "
    "principal investigator for a Center of Biomedical Research Excellence at the medical center that received an "
    "$11 million grant from the National Institutes of Health in 2006.",
    "In the private sector, Narayan served as medical director for Lenexa-based ImmunoGenetix Therapeutics Inc., an "
    "a early-stage biotechnology company.",
    "ImmunoGenetix CEO James Laufenberg said the company was created to commercialize HIV research Narayan had "
    "conducted as director of the Marion Merrell Dow Laboratory of Viral Pathogenesis at KU Medical Center.",
]


def test_a_related_box_above_the_article_goes(monkeypatch):
    page = "\n".join(RELATED_BOX_EN)
    got = kinds(page)
    box = RELATED_BOX_EN.index("Related News")
    assert [g[1:] for g in got[box + 1 : box + 5]] == [("boilerplate", "related")] * 4
    assert kept(page)[-4:] == RELATED_BOX_EN[-4:]
    # without the signal, the box's links read as short paragraphs above the body
    monkeypatch.setattr(classify_module, "_related_box", lambda lines: None)
    assert RELATED_BOX_EN[box + 1] in kept(page)


def test_a_related_header_with_one_link_above_the_body_is_no_box():
    page = "\n".join(RELATED_BOX_EN[: RELATED_BOX_EN.index("Related News") + 2] + RELATED_BOX_EN[-4:])
    assert [r for line, _, r in kinds(page) if line.startswith("Market formula")] != ["related"]


@pytest.mark.parametrize(
    "bar",
    [
        "Share Tweet Share",
        "login | subscribe",
        "Leave a Reply Cancel reply",
        "Facebook Twitter",
        "Вход | Регистрация",
        "Zaloguj się | Zarejestruj się",
        "Drucken Teilen",
        "Εκτύπωση Κοινοποίηση",
        "登录 | 注册",
    ],
)
def test_known_phrases_run_together_are_a_toolbar(bar):
    # between two paragraphs a short line would stay with them; these buttons go
    page = "\n".join(["Council approves cycle path along the river", CYCLE_PATH[0], bar, *CYCLE_PATH[1:]])
    assert kinds(page)[2][1:] == ("boilerplate", "phrase")


def test_a_run_of_phrases_needs_two_whole_ones_and_is_no_section_header():
    for line in ["Share prices fell", "World News Today", "Share"]:
        assert not classify_module._phrase_run(classify_module._Line(None, line, features(line))), line
    # "More from" is a phrase and "Watch" one: the header of the related section stays one
    page = "\n".join(["Council approves cycle path along the river", CYCLE_PATH[0], "More from Watch", *CYCLE_PATH[1:]])
    assert kinds(page)[2][1:] == ("heading", "")
