#!/usr/bin/env python3
"""A synthetic check of page furniture in the languages the dev sets barely hold.

    python bench/furniture_check.py [--show] [--lang ru,pl,...]

Not a set to tune numbers on: a net for misses.  Each page is real article
text (paragraphs of ``shared/data/langseg-dev``: Leipzig sentences via
lingua-py's test data; a heading of the same document as the headline) wrapped
in the furniture news and blog sites print around it, written the way such
sites write it in each language (``FURNITURE``): a menu, a breadcrumb ("Вы
здесь: Главная » Общество"), teasers of other stories (their titles are
headings of other documents), the date and time, counters ("Просмотров: 1341
Комментариев: 0"), a share bar, embed code a crawler left, a related-stories
box, a comment prompt and link, a login line, a footer's links, a cookie
notice and a copyright line.  Two pages per language: a long article (three
paragraphs) and a one-paragraph news item between teasers.

Prints, per language, the precision and recall of the lines cleaner keeps
(``cleaner clean --format text``: repair, split, classify), and with
``--show`` every furniture line kept (with its kind) and every article line
lost (with its reason).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from shared_paths import DATA  # noqa: E402

from cleaner.features import features  # noqa: E402

LANGSEG = DATA / "langseg-dev"

# Each language: what its sites print around an article.  ``menu`` items go on
# lines of their own; "{h}" is the page's headline.
FURNITURE: dict[str, dict[str, object]] = {
    "en": {
        "menu": ["Home", "News", "Politics", "Business", "Sport", "Culture"],
        "breadcrumb": "You are here: Home » Life » Health",
        "dated": "March 12, 2024 2:35 pm",
        "counters": "Views: 1341 Comments: 0 Print version",
        "share": "Share: Facebook | Twitter | Email",
        "related": "Similar articles",
        "no_comments": "No comments yet - start the discussion",
        "comment_link": "Comments (0) - {h}",
        "login": "Already have an account? Log in",
        "footer": "About us | Contact | Advertise | Privacy policy | Terms of use",
        "cookies": "This website uses cookies to improve your experience. "
        "By continuing to browse the site you agree to our use of cookies.",
        "copyright": "© 2024 City News. All rights reserved.",
    },
    "ru": {
        "menu": ["Главная", "Новости", "Политика", "Экономика", "Общество", "Спорт"],
        "breadcrumb": "Вы здесь: Главная » Общество » Здоровье",
        "dated": "12.03.2024, 14:35",
        "counters": "Просмотров: 1341 Комментариев: 0 Версия для печати",
        "share": "Поделиться: ВКонтакте | Facebook | Twitter | Telegram",
        "related": "Похожие новости",
        "no_comments": "Комментариев пока нет – будьте первым!",
        "comment_link": "Комментарии (0) - {h}",
        "login": "Уже есть аккаунт? Войти",
        "footer": "О нас | Контакты | Реклама | Политика конфиденциальности | Карта сайта",
        "cookies": "Мы используем файлы cookie, чтобы улучшить работу сайта. "
        "Продолжая пользоваться сайтом, вы соглашаетесь с этим.",
        "copyright": "© 2024 Городские новости. Все права защищены.",
    },
    "uk": {
        "menu": ["Головна", "Новини", "Політика", "Економіка", "Спорт", "Культура"],
        "breadcrumb": "Ви тут: Головна » Новини » Суспільство",
        "dated": "12.03.2024 14:35",
        "counters": "Переглядів: 1341 Коментарів: 0 Версія для друку",
        "share": "Поділитися: Facebook | Twitter | Telegram",
        "related": "Схожі новини",
        "no_comments": "Коментарів ще немає - почніть обговорення",
        "comment_link": "Коментарі (0) - {h}",
        "login": "Вже маєте акаунт? Увійти",
        "footer": "Про нас | Контакти | Реклама | Політика конфіденційності",
        "cookies": "Ми використовуємо файли cookie, щоб покращити роботу сайту. "
        "Продовжуючи користуватися сайтом, ви погоджуєтеся з цим.",
        "copyright": "© 2024 Міські новини. Усі права захищено.",
    },
    "pl": {
        "menu": ["Strona główna", "Wiadomości", "Kraj", "Świat", "Sport", "Kultura"],
        "breadcrumb": "Jesteś tutaj: Strona główna » Wiadomości » Kraj",
        "dated": "12.03.2024, 14:35",
        "counters": "Wyświetleń: 1341 Komentarzy: 0 Drukuj",
        "share": "Udostępnij: Facebook | Twitter | E-mail",
        "related": "Podobne artykuły",
        "no_comments": "Brak komentarzy - rozpocznij dyskusję",
        "comment_link": "Komentarze (0) - {h}",
        "login": "Masz już konto? Zaloguj się",
        "footer": "O nas | Kontakt | Reklama | Polityka prywatności | Regulamin",
        "cookies": "Ta strona używa plików cookies. Korzystając ze strony, wyrażasz zgodę na ich użycie.",
        "copyright": "© 2024 Gazeta Lokalna. Wszelkie prawa zastrzeżone.",
    },
    "cs": {
        "menu": ["Úvod", "Zprávy", "Domácí", "Zahraničí", "Sport", "Kultura"],
        "breadcrumb": "Nacházíte se: Úvod » Zprávy » Domácí",
        "dated": "12. 3. 2024 14:35",
        "counters": "Zobrazeno: 1341× Komentáře: 0 Tisk",
        "share": "Sdílet: Facebook | Twitter | E-mail",
        "related": "Související články",
        "no_comments": "Zatím žádné komentáře - zahajte diskusi",
        "comment_link": "Diskuse (0) - {h}",
        "login": "Už máte účet? Přihlaste se",
        "footer": "O nás | Kontakty | Reklama | Ochrana osobních údajů | Mapa stránek",
        "cookies": "Tento web používá soubory cookies. "
        "Dalším procházením webu vyjadřujete souhlas s jejich používáním.",
        "copyright": "© 2024 Regionální noviny. Všechna práva vyhrazena.",
    },
    "hr": {
        "menu": ["Naslovnica", "Vijesti", "Hrvatska", "Svijet", "Sport", "Kultura"],
        "breadcrumb": "Nalazite se ovdje: Naslovnica » Vijesti » Hrvatska",
        "dated": "12.03.2024. 14:35",
        "counters": "Pregleda: 1341 Komentara: 0 Ispis",
        "share": "Podijeli: Facebook | Twitter | E-mail",
        "related": "Povezani članci",
        "no_comments": "Još nema komentara - započnite raspravu",
        "comment_link": "Komentari (0) - {h}",
        "login": "Već imate račun? Prijavite se",
        "footer": "O nama | Kontakt | Oglašavanje | Pravila privatnosti | Uvjeti korištenja",
        "cookies": "Ova stranica koristi kolačiće. Nastavkom korištenja stranice pristajete na upotrebu kolačića.",
        "copyright": "© 2024 Lokalne novine. Sva prava pridržana.",
    },
    "de": {
        "menu": ["Startseite", "Nachrichten", "Politik", "Wirtschaft", "Sport", "Kultur"],
        "breadcrumb": "Sie sind hier: Startseite » Nachrichten » Region",
        "dated": "12.03.2024, 14:35 Uhr",
        "counters": "Aufrufe: 1341 Kommentare: 0 Drucken",
        "share": "Teilen: Facebook | Twitter | WhatsApp | E-Mail",
        "related": "Ähnliche Artikel",
        "no_comments": "Noch keine Kommentare – starten Sie die Diskussion",
        "comment_link": "Kommentare (0) - {h}",
        "login": "Sie haben bereits ein Konto? Anmelden",
        "footer": "Impressum | Kontakt | Datenschutz | AGB | Mediadaten",
        "cookies": "Diese Website verwendet Cookies. "
        "Wenn Sie die Website weiter nutzen, stimmen Sie der Verwendung von Cookies zu.",
        "copyright": "© 2024 Lokalzeitung GmbH. Alle Rechte vorbehalten.",
    },
    "el": {
        "menu": ["Αρχική", "Ειδήσεις", "Πολιτική", "Οικονομία", "Κόσμος", "Αθλητικά"],
        "breadcrumb": "Βρίσκεστε εδώ: Αρχική » Ειδήσεις » Κοινωνία",
        "dated": "12/03/2024 - 14:35",
        "counters": "Προβολές: 1341 Σχόλια: 0 Εκτύπωση",
        "share": "Κοινοποίηση: Facebook | Twitter | Email",
        "related": "Σχετικά άρθρα",
        "no_comments": "Δεν υπάρχουν σχόλια - ξεκινήστε τη συζήτηση",
        "comment_link": "Σχόλια (0) - {h}",
        "login": "Έχετε ήδη λογαριασμό; Συνδεθείτε",
        "footer": "Ποιοι είμαστε | Επικοινωνία | Διαφήμιση | Πολιτική απορρήτου | Όροι χρήσης",
        "cookies": "Χρησιμοποιούμε cookies για να βελτιώσουμε την εμπειρία σας. "
        "Συνεχίζοντας την περιήγηση, αποδέχεστε τη χρήση τους.",
        "copyright": "© 2024 Τοπικά Νέα. Με επιφύλαξη παντός δικαιώματος.",
    },
    "tr": {
        "menu": ["Anasayfa", "Gündem", "Ekonomi", "Dünya", "Spor", "Kültür"],
        "breadcrumb": "Buradasınız: Anasayfa » Gündem » Yaşam",
        "dated": "12.03.2024 14:35",
        "counters": "Okunma: 1341 Yorum: 0 Yazdır",
        "share": "Paylaş: Facebook | Twitter | WhatsApp",
        "related": "Benzer Haberler",
        "no_comments": "Henüz yorum yapılmamış - ilk yorumu siz yapın",
        "comment_link": "Yorumlar (0) - {h}",
        "login": "Zaten hesabınız var mı? Giriş yapın",
        "footer": "Hakkımızda | İletişim | Reklam | Gizlilik Politikası | Künye",
        "cookies": "Sitemizde çerezler kullanılmaktadır. "
        "Siteyi kullanmaya devam ederek çerez kullanımını kabul etmiş olursunuz.",
        "copyright": "© 2024 Yerel Haber. Tüm hakları saklıdır.",
    },
    "ar": {
        "menu": ["الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة"],
        "breadcrumb": "أنت هنا: الرئيسية » أخبار » مجتمع",
        "dated": "12/03/2024 14:35",
        "counters": "المشاهدات: 1341 التعليقات: 0 طباعة",
        "share": "شارك: فيسبوك | تويتر | واتساب",
        "related": "أخبار ذات صلة",
        "no_comments": "لا توجد تعليقات بعد - ابدأ النقاش",
        "comment_link": "التعليقات (0) - {h}",
        "login": "لديك حساب بالفعل؟ تسجيل الدخول",
        "footer": "من نحن | اتصل بنا | أعلن معنا | سياسة الخصوصية | شروط الاستخدام",
        "cookies": "يستخدم هذا الموقع ملفات تعريف الارتباط. باستمرارك في تصفح الموقع فإنك توافق على استخدامها.",
        "copyright": "© 2024 الأخبار المحلية. جميع الحقوق محفوظة.",
    },
    "ja": {
        "menu": ["ホーム", "ニュース", "政治", "経済", "スポーツ", "文化"],
        "breadcrumb": "ホーム > ニュース > 社会",
        "dated": "2024年3月12日 14:35",
        "counters": "閲覧数：1341 コメント：0 印刷",
        "share": "シェア｜ツイート｜LINEで送る",
        "related": "関連記事",
        "no_comments": "まだコメントはありません。最初のコメントを書いてみましょう",
        "comment_link": "コメント（0）- {h}",
        "login": "アカウントをお持ちの方はログイン",
        "footer": "会社概要｜お問い合わせ｜広告掲載｜プライバシーポリシー｜サイトマップ",
        "cookies": "当サイトではクッキーを使用しています。"
        "サイトを引き続き利用することで、クッキーの使用に同意したものとみなされます。",
        "copyright": "© 2024 地域ニュース All Rights Reserved.",
    },
    "zh": {
        "menu": ["首页", "新闻", "国内", "国际", "财经", "体育"],
        "breadcrumb": "您的位置：首页 > 新闻 > 社会",
        "dated": "2024-03-12 14:35",
        "counters": "浏览次数：1341 评论：0 打印本页",
        "share": "转发|收藏|评论",
        "related": "相关新闻",
        "no_comments": "暂无评论，快来抢沙发吧",
        "comment_link": "评论(0) - {h}",
        "login": "已有帐号？马上登录",
        "footer": "介绍|联系我们|网民举报|广告服务|网站地图|",
        "cookies": "本网站使用Cookie以提升您的浏览体验，继续浏览即表示您同意。",
        "copyright": "Copyright © 2024 地方新闻网 版权所有",
    },
}
LANGS = tuple(FURNITURE)
ARTICLE = "article"  # the kind of the gold lines
TEASERS = 3  # other stories' titles in a box
SUMMARY_MIN, SUMMARY_MAX = 70, 160  # characters (Han/kana weighted) of a teaser's summary


def _texts(lang: str) -> tuple[list[str], list[str]]:
    """The main-language paragraphs and headings of ``lang``'s documents in
    langseg-dev, in the set's order (paragraphs with a foreign piece left out)."""
    paragraphs, headings = [], []
    for gold_path in sorted(LANGSEG.glob("dev*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold["main"] != lang:
            continue
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        foreign = [(f["start"], f["end"]) for f in gold["fragments"]]
        heads = {(s, e) for s, e in gold["headings"]}
        at = 0
        for block in text.split("\n\n"):
            start = text.index(block, at)
            end = start + len(block)
            at = end
            block = block.strip()
            if not block:
                continue
            if any(s < end and start < e for s, e in heads):
                headings.append(block)
            elif not any(s < end and start < e for s, e in foreign) and "\n" not in block:
                paragraphs.append(block)
    return paragraphs, headings


TITLE_MAX = 12  # words (Han/kana: 3 characters a word) of a title
_CLAUSE_END = re.compile(r"[,.;:!?，。；：！？、]")


def _words(text: str) -> int:
    return max(len(text.split()), len(text) // 3 if not any(ch == " " for ch in text) else 0)


def _title(text: str) -> bool:
    """Whether a heading or a clause reads as a story's title: short, no
    sentence end, no separator."""
    return 3 <= _words(text) <= TITLE_MAX and not _CLAUSE_END.search(text[-1]) and not re.search(r"[›»|>]| - ", text)


def _clause(paragraph: str) -> str:
    """The first clause of a paragraph, as another story's title."""
    return _CLAUSE_END.split(paragraph, 1)[0].strip()


def pages(lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Two pages of ``lang``: (name, [(kind, line), ...])."""
    paragraphs, headings = _texts(lang)
    fur = FURNITURE[lang]
    out = []
    for n, body in ((0, paragraphs[:3]), (1, paragraphs[3:4])):
        # (titles: headings of the documents, then first clauses of other paragraphs)
        titles = [h for h in headings if _title(h)] + [c for p in paragraphs[6:] if _title(c := _clause(p))]
        if not body or len(titles) < 2:
            continue
        headline = titles[n]
        others = [t for t in titles if t != headline]
        above, below = others[:TEASERS], others[TEASERS : 2 * TEASERS] or others[:TEASERS]
        lines: list[tuple[str, str]] = [("menu", m) for m in fur["menu"]]  # type: ignore[attr-defined]
        lines.append(("breadcrumb", str(fur["breadcrumb"])))
        if n == 1:  # (a short item between other stories' teasers)
            for t in above:
                lines += [("teaser", t), ("dated", str(fur["dated"]))]
        lines += [(ARTICLE, headline), ("dated", str(fur["dated"])), ("counters", str(fur["counters"]))]
        lines += [(ARTICLE, p) for p in body]
        lines.append(("share", str(fur["share"])))
        if n == 0:
            lines.append(("markup", f'<h2>{headline}</h2><br /> <div class="embed">{body[0][:60]}</div>'))
        lines.append(("related", str(fur["related"])))
        lines += [("teaser", t) for t in below]
        lines += [
            ("comments", str(fur["no_comments"])),
            ("comments", str(fur["comment_link"]).format(h=headline)),
            ("login", str(fur["login"])),
            ("footer", str(fur["footer"])),
            ("cookies", str(fur["cookies"])),
            ("copyright", str(fur["copyright"])),
        ]
        out.append((f"{lang}-{'long' if n == 0 else 'short'}", lines))
    out += _cards_page(lang, paragraphs, titles)
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")


def _cards_page(lang: str, paragraphs: list[str], titles: list[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """A one-paragraph item between teaser cards of other stories (a title
    and a one-sentence summary each), above it and below it with no header;
    its breadcrumb ends with its own title."""
    fur = FURNITURE[lang]
    # (an item of two paragraphs' sentences; summaries of one sentence, as
    # long as teasers' are, from paragraphs no title was taken from)
    sentences = [s for p in paragraphs[:4] + paragraphs[6:] for s in _SENTENCE_END.split(p)]
    summaries = [s for s in sentences if SUMMARY_MIN <= features(s).length <= SUMMARY_MAX]
    if len(titles) < 2 * TEASERS + 1 or len(summaries) < 2 * TEASERS or len(paragraphs) < 6:
        return []
    item = f"{paragraphs[4]} {paragraphs[5]}"
    headline, others = titles[0], titles[1:]
    crumbs = str(fur["breadcrumb"]).split(":")[-1].rsplit("»", 1)[0].rsplit(">", 1)[0].strip()
    lines: list[tuple[str, str]] = [("menu", m) for m in fur["menu"]]  # type: ignore[attr-defined]
    lines.append(("breadcrumb", f"{crumbs} » {headline}"))
    for t, summary in zip(others[:TEASERS], summaries[:TEASERS]):
        lines += [("teaser", t), ("teaser", summary)]
    lines += [(ARTICLE, headline), ("dated", str(fur["dated"])), (ARTICLE, item)]
    for t, summary in zip(others[TEASERS : 2 * TEASERS], summaries[TEASERS : 2 * TEASERS]):
        lines += [("teaser", t), ("dated", str(fur["dated"])), ("teaser", summary)]
    lines += [("footer", str(fur["footer"])), ("copyright", str(fur["copyright"]))]
    return [(f"{lang}-cards", lines)]


def clean(lines: list[tuple[str, str]]) -> list[tuple[str, str, bool, str]]:
    """Each line with its kind, whether cleaner keeps it, and its reason."""
    from cleaner.classify import classify
    from cleaner.records import CONTENT, HEADING
    from cleaner.repair import repair
    from cleaner.split import split_blocks

    text = repair("\n\n".join(line for _kind, line in lines) + "\n").text
    blocks = classify(text, split_blocks(text))
    by_text = {text[b.start : b.end].strip(): b for b in blocks}
    out = []
    for kind, line in lines:
        b = by_text.get(line.strip())
        out.append((kind, line, b is not None and b.kind in (CONTENT, HEADING), b.reason if b else "?"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", action="store_true", help="print the furniture kept and the article lost")
    ap.add_argument("--lang", default=",".join(LANGS))
    args = ap.parse_args()
    print(f"{'page':<12}{'P':>7}{'R':>7}  kept furniture / lost article")
    total_kept = total_good = total_gold = 0
    for lang in args.lang.split(","):
        for name, lines in pages(lang):
            res = clean(lines)
            kept = sum(k for _, _, k, _ in res)
            good = sum(k for kind, _, k, _ in res if kind == ARTICLE)
            gold = sum(kind == ARTICLE for kind, *_ in res)
            total_kept, total_good, total_gold = total_kept + kept, total_good + good, total_gold + gold
            wrong = sorted({kind for kind, _, k, _ in res if k and kind != ARTICLE})
            lost = sum(1 for kind, _, k, _ in res if kind == ARTICLE and not k)
            p = good / kept if kept else 0.0
            print(f"{name:<12}{p:>7.2f}{good / gold:>7.2f}  {', '.join(wrong) or '-'} / {lost}")
            if args.show:
                for kind, line, k, reason in res:
                    if k != (kind == ARTICLE):
                        print(f"    {'KEPT' if k else 'LOST'} {kind:<11} {reason:<12} {line[:90]}")
    p, r = total_good / total_kept, total_good / total_gold
    print(f"{'all':<12}{p:>7.3f}{r:>7.3f}  F1 {2 * p * r / (p + r):.3f}")


if __name__ == "__main__":
    main()
