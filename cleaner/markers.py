"""Orthographic evidence for languages a statistical detector may not know.

langdetect has no Kazakh, Belarusian, Serbian, Azerbaijani, Icelandic, Irish,
Basque or Malay: asked about them it answers its nearest neighbour with full
confidence.  Their spelling gives them away: letters no other candidate of the
script uses (Azerbaijani ə, Icelandic þ/ð, Kazakh ә ғ қ ұ, Belarusian ў,
Serbian ђ ћ, Macedonian ѓ ќ ѕ) or very frequent function words (Irish *agus*,
Basque *eta*, Malay *kerana*).  These rules only speak for languages the
backend does not know, or split a pair it cannot tell apart (Malay from
Indonesian, Serbian from Macedonian); everything else stays with the detector.
"""
from __future__ import annotations

import re
from collections import Counter

# Irish initial mutations: bhfuil, gcuid, dtí, mbeidh, bhean, mhaith.
_GA_MUTATION = re.compile(r"^(?:bhf|gc|dt|bh|mh|ng|n-|t-|h-)[aeiouáéíóú]")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")

# Letters that, among the candidates of their script, belong to one language.
LETTERS = {
    "az": frozenset("əƏ"),
    "is": frozenset("þÞðÐ"),  # with an Icelandic word too: cp1254 Turkish read as Latin-1 has þ ð
    "kk": frozenset("әғқұӘҒҚҰ"),
    "be": frozenset("ўЎ"),
    "sr": frozenset("ђћЂЋ"),
    "mk": frozenset("ѓќѕЃЌЅ"),
    "uk": frozenset("їєґЇЄҐ"),
}

# Frequent words of each language that its rivals rarely use.
WORDS = {
    "ga": frozenset("""agus bhí bhfuil atá tá níl chun faoi leis ina nach gur arís éis iad mé tú
        seo freisin fós anois uair beidh raibh mbeidh dtí gcuid ag ar nó agus dá cé
        sna ón uathu orthu acu aige""".split()),
    "eu": frozenset("""eta ez ere baina dira zen egin izan beste hau bere dute zuen ziren baino
        edo dago zela dela duen zuten ditu gabe oso hori hura behar bezala baita gure
        nahiz eman ondoren bitartean dut zait zaio dituzte baten bertan zituen hiru lehen gero
        orain nola zer dena hemen asko beraz urte urtean egiten izango dituen izena ugari
        tartean zituzten bezalako ahal""".split()),
    "is": frozenset("""og að í er á sem til við um var en ekki hann hún það með af fyrir eru
        voru þess þar hafa""".split()),
    "ms": frozenset("""kerana daripada boleh ialah iaitu bahawa sahaja wang kerajaan semasa
        selepas mahupun hendaklah amat baharu bandar menerusi mesti""".split()),
    "id": frozenset("""karena bahwa saja yaitu adalah uang pemerintah bisa setelah sesudah
        harus kota baru tapi nggak""".split()),
    "bs": frozenset("""sistem sistema historija historije hiljada hiljade sedmica porodica nauka
        nauke univerzitet fudbal juni juli mada kafa hemija tačno uopšte takođe dešava
        ko šta opština sedmice""".split()),
    "hr": frozenset("""sustav sustava povijest povijesti tisuća tjedan obitelj znanost znanosti
        sveučilište nogomet lipanj srpanj tko kava kemija točno uopće također događa
        općina kazalište zrakoplov""".split()),
    "sr": frozenset("""је у су који која које ће из јер био била били после пре још када
        само али ни нису њих њега њене""".split()),
    "mk": frozenset("""е во со го ги беше тоа ова оваа кое уште меѓу преку околу таа тој
        нивните може""".split()),
}

# (language the detector lacks, a language it knows that it calls it instead).
RIVALS = {"ms": "id", "sr": "mk", "bs": "hr"}


def words(text: str) -> list[str]:
    """Lower-cased words of ``text``."""
    if text.isascii():
        # Lower-casing ASCII changes no length and no letter into a non-letter.
        return _WORD.findall(text.lower())
    return [w.lower() for w in _WORD.findall(text)]


def folded_words(text: str) -> list[str]:
    """Case-folded words of ``text`` (what stop-word lists are compared with)."""
    if text.isascii():
        return words(text)  # casefold is lower on ASCII
    return [w.casefold() for w in words(text)]


def letter_language(text: str, allowed: frozenset[str]) -> str | None:
    """The one language in ``allowed`` whose own letters occur in ``text``, else ``None``.

    >>> letter_language("Həmin günlər", frozenset({"az", "tr"}))
    'az'
    >>> letter_language("Hello", frozenset({"az", "is"})) is None
    True
    """
    found = [lang for lang, letters in LETTERS.items() if lang in allowed and not letters.isdisjoint(text)]
    if "is" in found and not word_hits(text, "is"):
        found.remove("is")
    if not found and "be" in allowed:
        low = set(text.lower())
        # Belarusian writes і and ы/э but no и; Kazakh writes all three.
        if "і" in low and ("ы" in low or "э" in low):
            found = ["kk"] if "и" in low else ["be"]
            if found[0] not in allowed:
                found = []
    return found[0] if len(found) == 1 else None


def word_hits(text: str, lang: str, toks: list[str] | None = None) -> int:
    """How many words of ``text`` are frequent words of ``lang``."""
    vocab = WORDS.get(lang)
    if not vocab:
        return 0
    toks = words(text) if toks is None else toks
    if lang == "ga":
        return sum(1 for w in toks if w in vocab or _GA_MUTATION.match(w))
    return sum(map(vocab.__contains__, toks))


def marker_language(text: str, candidates: frozenset[str], known: frozenset[str],
                    guess: str | None) -> str | None:
    """A language the detector does not know, named by its spelling, or ``None``.

    ``candidates`` are the languages the script allows, ``known`` those the
    detector can answer, ``guess`` its answer.

    >>> marker_language("Bhí sé ag caint leis an bhfear agus a bhean.",
    ...                 frozenset({"en", "ga", "fr"}), frozenset({"en", "fr"}), "fr")
    'ga'
    """
    unknown = candidates - known
    lang = letter_language(text, candidates)
    if lang is not None and (lang in unknown or lang == guess):
        return lang
    if not unknown:
        return None
    toks = words(text)
    if not toks:
        return None
    for lang, rival in RIVALS.items():
        if lang in unknown and guess == rival:
            # One sentence has few of the words that tell them apart: want two more.
            if word_hits(text, lang, toks) >= word_hits(text, rival, toks) + 2:
                return lang
    best, best_hits = None, 0
    for lang in sorted(unknown):
        if lang in RIVALS:
            continue
        h = word_hits(text, lang, toks)
        if h > best_hits:
            best, best_hits = lang, h
    # A quarter of the words, and at least two, from one small list is no accident.
    if best is not None and best_hits >= 2 and best_hits * 4 >= len(toks):
        return best
    return None


# The letters beyond ASCII a to z that each language writes (lower case); in
# Cyrillic, the whole alphabet.  A text with several letters outside a language's
# alphabet is not in that language: this narrows the candidates before the detector
# is asked (Persian ی and ک are not Arabic, Macedonian has no щ, Russian no і).
_CYRL_RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
ALPHABETS = {
    "de": "äöüß", "fr": "àâæçéèêëîïôœùûüÿ", "es": "áéíñóúü", "pt": "áâãàçéêíóôõú",
    "it": "àèéìíîòóùú", "ca": "àçéèíïòóúü·", "nl": "éëïöüèáóúí", "af": "êëîïôûéèáóúŉ",
    "da": "æøåéáóü", "no": "æøåéèóòôü", "sv": "åäöéü", "fi": "äöåšž", "et": "äöõüšž",
    "cs": "áčďéěíňóřšťúůýž", "sk": "áäčďéíĺľňóôŕšťúýž", "pl": "ąćęłńóśźż",
    "sl": "čšžćđ", "hr": "čćđšž", "bs": "čćđšž", "hu": "áéíóöőúüű",
    "ro": "ăâîșțşţ",
    # Turkish also with ý þ ð: its cp1254 text read as Latin-1 is common on the web.
    "tr": "çğıöşüâîýþð", "az": "çəğıöşüi̇", "lt": "ąčęėįšųūž",
    "lv": "āčēģīķļņšūž", "sq": "çë", "is": "áðéíóúýþæö", "ga": "áéíóú",
    "cy": "âêîôûŵŷáéíóúàèìòùäëïöüẅÿ", "eu": "ñü", "tl": "ñ", "id": "é", "ms": "é",
    "sw": "", "so": "", "zu": "", "xh": "", "st": "", "tn": "", "ts": "", "sn": "",
    "lg": "ŋ", "mi": "āēīōū", "en": "", "yo": "àáèéìíòóùúẹọṣńḿ",
    "vi": "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
    "ru": _CYRL_RU, "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя’",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя’", "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    # Serbian's Cyrillic alphabet only: Serbian is not among the Latin candidates.
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "kk": _CYRL_RU + "әғқңөұүһі", "mn": _CYRL_RU + "өү",
    "ar": "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيًٌٍَُِّْٰ",
}
ALPHABETS = {k: frozenset(v) for k, v in ALPHABETS.items()}
# The Cyrillic and Arabic alphabets above are complete: every letter of the script
# outside them counts.  For Latin only letters beyond ASCII are listed.
_NON_ASCII_LOWER = re.compile(r"[^\x00-\x7f]")
_COMPLETE = {"ru", "uk", "be", "bg", "mk", "sr", "kk", "mn", "ar"}


def excluded(text: str, candidates: frozenset[str]) -> frozenset[str]:
    """The candidates whose alphabet ``text`` leaves too often (names allow a slip).

    >>> sorted(excluded("Він сказав, що їде додому.", frozenset({"ru", "uk", "bg"})))
    ['bg', 'ru']
    >>> sorted(excluded("من احمق نیستم", frozenset({"ar", "fa", "ur"})))
    ['ar']
    """
    lower = text.lower()
    # Each distinct letter beyond ASCII a-z once, with its count (the tests
    # below never count a-z).
    others = Counter(ch for ch in _NON_ASCII_LOWER.findall(lower) if ch.isalpha())
    if not others:
        return frozenset()  # nothing is outside any alphabet
    n_letters = sum(map(str.isalpha, lower))
    out = set()
    for lang in candidates:
        alpha = ALPHABETS.get(lang)
        if alpha is None:
            continue
        if lang in _COMPLETE:
            # Letters of another Cyrillic or Arabic alphabet are rarely a loan.
            slips = n_letters // 50
        else:
            # Latin text borrows names: "à" in Dutch, "ü" in English.
            slips = 1 + n_letters // 40
        bad = sum(k for ch, k in others.items() if ch not in alpha)
        if bad > slips:
            out.add(lang)
    return frozenset(out)
