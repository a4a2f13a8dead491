"""Everything `cleaner` knows about each language, in one table.

One :class:`Language` entry per language: its codes and name, the scripts it
is written in (where the script is shared and the language is one of the
candidates a detector chooses among, and where the script names the language
by itself), its alphabet, the letters and words that give it away when a
detector does not know it, its close relatives, whether it writes spaces
between words, the code a detector that lacks it answers instead, and which
of our detectors know it.  Every other table (script to language, candidates
per script, alphabets, marker letters and words, related pairs, unspaced
scripts, code aliases) is derived from this one.

To add a language: add one entry (a full :class:`Language` below, or a line
of ``_OTHERS`` when all we know is its codes), plus its data files where it
has them (``data/stopwords/<code>.txt``, ``data/boilerplate/<code>.txt``).

>>> lookup("en-US").code, lookup("eng").code, lookup("nb").code, lookup("zh-Hant").code
('en', 'en', 'no', 'zh')
>>> SCRIPT_LANG["Geor"], sorted(SCRIPT_CANDIDATES["Arab"])
('ka', ['ar', 'fa', 'ur'])
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

# The detectors' names, as in cleaner.detectors (one letter each in the table).
DETECTOR_LETTERS = {"d": "langdetect", "i": "langid", "f": "fasttext"}
# The code of a segment nothing can be said of (numbers, symbols), and of a
# document no detector in use knows.
UND = "und"


@dataclass(frozen=True)
class Language:
    """What is known about one language.

    ``alphabet`` lists the letters beyond ASCII a-z it writes (lower case;
    ``None``: not known); with ``complete_alphabet`` it is the whole alphabet of
    its script (Cyrillic, Arabic), so every other letter of that script counts
    against it.  A Latin candidate with nothing listed writes a-z only.
    """

    code: str  # what cleaner emits: ISO 639-1 where it exists, else 639-3
    iso3: str
    name: str
    detectors: frozenset[str] = frozenset()  # names of our detectors that know it
    scripts: tuple[str, ...] = ()  # shared scripts in which a detector may choose it
    own_scripts: tuple[str, ...] = ()  # scripts that name it by themselves
    alphabet: frozenset[str] | None = None
    complete_alphabet: bool = False
    marker_letters: frozenset[str] = frozenset()  # letters no other candidate of its script writes
    marker_words: frozenset[str] = frozenset()  # frequent words its rivals rarely use
    marker_weight: int = 1  # how much one of its marker words counts against a relative's
    rival: str | None = None  # what a detector that lacks it calls it instead
    relatives: frozenset[str] = frozenset()  # close relatives: detectors confuse them on little text
    spaces: bool = True  # writes spaces between words
    aliases: tuple[str, ...] = ()  # other codes for it (detectors', BCP-47, retired ones)
    poorly: frozenset[str] = frozenset()  # detectors that know it but read its text as a relative

    @property
    def tags(self) -> tuple[str, ...]:
        """Every code that names this language."""
        return (self.code, self.iso3, *self.aliases)


def _lang(
    code: str,
    iso3: str,
    name: str,
    detectors: str = "",
    *,
    scripts: str = "",
    own: str = "",
    alphabet: str | None = None,
    complete: bool = False,
    letters: str = "",
    words: str = "",
    weight: int = 1,
    rival: str | None = None,
    relatives: str = "",
    spaces: bool = True,
    aliases: str = "",
    poorly: str = "",
) -> Language:
    return Language(
        code,
        iso3,
        name,
        frozenset(DETECTOR_LETTERS[c] for c in detectors),
        tuple(scripts.split()),
        tuple(own.split()),
        frozenset(alphabet) if alphabet is not None else frozenset() if "Latn" in scripts.split() else None,
        complete,
        frozenset(letters),
        frozenset(words.split()),
        weight,
        rival,
        frozenset(relatives.split()),
        spaces,
        tuple(aliases.split()),
        frozenset(DETECTOR_LETTERS[c] for c in poorly),
    )


# Russian's alphabet, which Kazakh and Mongolian extend.
_CYRL_RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"

# Languages we know more about than their codes.  The Latin candidates are kept
# to widely written languages: every extra candidate is one more way for a short
# line to be called something exotic.
_KNOWN = [
    # -- Latin script ---------------------------------------------------------
    _lang(
        "af",
        "afr",
        "Afrikaans",
        "dif",
        scripts="Latn",
        alphabet="êëîïôûéèáóúŉ",
        relatives="nl",
        # (Dutch writes niet, voor, jij, hij, zij, zullen, door, zeer)
        words="nie vir baie hulle hul ek jy hy sy sal deur sê",
    ),
    _lang(
        "ast",
        "ast",
        "Asturian",
        "f",
        alphabet="áéíóúñüḥḷ",
        relatives="es gl",
        # (Spanish writes también, desde, hoy, nadie, alguno, cada uno, con los,
        # lengua, mismo, este, era, pueblo, mundo, tiempo)
        words="""tamién dende güei naide dalgún dalguna dalgunos caún colos coles llingua
          mesmu esti facer yera yeren asturianu asturies toos llugar sieglu mui llibru
          pueblu mundu tiempu d'esti n'esti dempués enantes anguaño""",
    ),
    _lang("az", "aze", "Azerbaijani", "if", scripts="Latn", alphabet="çəğıöşüi̇", letters="əƏ", relatives="tr"),
    _lang(
        "bs",
        "bos",
        "Bosnian",
        "if",
        scripts="Latn",
        alphabet="čćđšž",
        rival="hr",
        relatives="hr sr sl",
        words="""sistem sistema historija historije hiljada hiljade sedmica porodica nauka
          nauke univerzitet fudbal juni juli mada kafa hemija tačno uopšte takođe dešava
          ko šta opština sedmice muzika hljeb voz januar februar mart septembar oktobar
          novembar decembar opšti opšte opštem opštoj opštih opštine opštini opštinu
          historiji historiju historijski historijske hiljadu sedmicu porodice porodici
          porodicu naučni naučne naučnih univerziteta univerzitetu takođe tačka tačke
          hemije fudbala fudbalski muzike muzički vazduh vazduha saradnja saradnje
          saradnju saradnji tokom uticaj uticaja pozorište pozorišta procenat procenata
          ubistvo ubistva evropski evropske evropskoj evropskih evropsku evropa evrope
          januara februara marta aprila juna jula augusta septembra oktobra novembra
          decembra""",
    ),
    _lang("ca", "cat", "Catalan", "dif", scripts="Latn", alphabet="àçéèíïòóúü·", relatives="es pt gl"),
    _lang(
        "co",
        "cos",
        "Corsican",
        "f",
        scripts="Latn",
        alphabet="àèìòùéíóúç",
        relatives="it",
        # (fastText's lid.176 knows it, and reads nearly every Corsican line as Italian)
        poorly="f",
        # Corsican's own forms where Italian writes è, con, non, che, dopo, quando,
        # tutto.  (Not sempre, sta, sti, perchè: Italian writes them too.  The
        # marker words of a language read as a close relative were each checked
        # against word-frequency lists (wordfreq 3.1): rarer than 10 in a million
        # words in the relatives, and than 100 in a million in the other Latin-
        # script languages.)
        words="""hè cù ùn chì incù ind'è cum'è ch'ellu s'ellu dinù avà ancu ghjè hà anu sò
          ellu elli tuttu statu dopu populu corsu quessu ghjente ghjornu micca quandu
          fattu dettu mondu eiu tandu inseme cusì nunda nantu ghjà cumu eranu avemu
          vechju zitellu""",
    ),
    _lang("cs", "ces", "Czech", "dif", scripts="Latn", alphabet="áčďéěíňóřšťúůýž", relatives="sk"),
    _lang("cy", "cym", "Welsh", "dif", scripts="Latn", alphabet="âêîôûŵŷáéíóúàèìòùäëïöüẅÿ"),
    _lang(
        "da",
        "dan",
        "Danish",
        "dif",
        scripts="Latn",
        alphabet="æøåéáóü",
        relatives="no sv",
        # (Norwegian writes av, hva, noe, mye, blir, gjennom, tilbake, vært; Swedish
        # vad, något, mycket, blir, genom, tillbaka, varit)
        words="af hvad noget meget bliver gennem tilbage været",
    ),
    _lang("de", "deu", "German", "dif", scripts="Latn", alphabet="äöüß"),
    _lang("en", "eng", "English", "dif", scripts="Latn"),
    _lang("es", "spa", "Spanish", "dif", scripts="Latn", alphabet="áéíñóúü", relatives="ca pt gl"),
    _lang("et", "est", "Estonian", "dif", scripts="Latn", alphabet="äöõüšž", relatives="fi", aliases="ekk"),
    _lang(
        "eu",
        "eus",
        "Basque",
        "if",
        scripts="Latn",
        alphabet="ñü",
        words="""eta ez ere baina dira zen egin izan beste hau bere dute zuen ziren baino
          edo dago zela dela duen zuten ditu gabe oso hori hura behar bezala baita gure
          nahiz eman ondoren bitartean dut zait zaio dituzte baten bertan zituen hiru lehen gero
          orain nola zer dena hemen asko beraz urte urtean egiten izango dituen izena ugari
          tartean zituzten bezalako ahal""",
    ),
    _lang("fi", "fin", "Finnish", "dif", scripts="Latn", alphabet="äöåšž", relatives="et"),
    _lang("fr", "fra", "French", "dif", scripts="Latn", alphabet="àâæçéèêëîïôœùûüÿ"),
    _lang(
        "fy",
        "fry",
        "Western Frisian",
        "if",
        alphabet="âêôûúéäëïöü",
        # (langdetect and py3langid read it as Afrikaans, fastText as German)
        relatives="nl af de",
        # (Dutch writes in, voor, die, zij, mijn, hebben, zijn, wordt, zal, moet,
        # over, deze, jaar, hier, daar, geen, niets, heel, een, twee, tegen, sinds)
        words="""yn foar dy hja myn hawwe binne wurdt sil moat oer dizze jier hjir dêr gjin
          neat hiel ien twa tsjin tusken sûnt frysk fryske kin""",
    ),
    _lang(
        "ga",
        "gle",
        "Irish",
        "if",
        scripts="Latn",
        alphabet="áéíóú",
        words="""agus bhí bhfuil atá tá níl chun faoi leis ina nach gur arís éis iad mé tú
          seo freisin fós anois uair beidh raibh mbeidh dtí gcuid ag ar nó agus dá cé
          sna ón uathu orthu acu aige""",
    ),
    # Galician, Asturian, Occitan, Luxembourgish and Western Frisian are no
    # candidates a detector chooses among for a line (each would be one more way
    # for a short Spanish, French, German or Dutch line to be called something
    # exotic): their own words name them for a whole document that a detector
    # reads as their relative (identify._poor_relative).
    _lang(
        "gl",
        "glg",
        "Galician",
        "if",
        alphabet="áéíóúñü",
        relatives="es ca pt",
        # (Spanish writes una, con la, por la, también, ya, gente, hasta, cuando;
        # Portuguese uma, com a, pela, também, já, até, quando, ainda, mais)
        words="""unha dunha nunha coa coas pola polos polas tamén xa xente ata cando aínda
          máis dixo facer teñen traballo xeito xeral lle lles houbo súa vostede galego
          galega ningunha algunha tódolos cómpre hoxe tiña miña moita moito moitos
          moitas mellor dicía facía irmán veciños fóra""",
    ),
    _lang(
        "hr",
        "hrv",
        "Croatian",
        "dif",
        scripts="Latn",
        alphabet="čćđšž",
        relatives="bs sr sl",
        words="""sustav sustava povijest povijesti tisuća tjedan obitelj znanost znanosti
          sveučilište nogomet lipanj srpanj tko kava kemija točno uopće događa
          općina kazalište zrakoplov glazba kruh vlak siječanj veljača ožujak travanj
          svibanj kolovoz rujan listopad studeni prosinac tijekom
          suradnja suradnje suradnju suradnji europski europske europskoj europskih
          europsku znanstveni znanstvena znanstvenih stupanj postotak postotka ubojstvo
          ubojstva kazališta glazbe""",
    ),
    _lang("hu", "hun", "Hungarian", "dif", scripts="Latn", alphabet="áéíóöőúüű"),
    _lang(
        "id",
        "ind",
        "Indonesian",
        "dif",
        scripts="Latn",
        alphabet="é",
        relatives="ms",
        aliases="in",
        words="""karena bahwa yaitu uang pemerintah setelah sesudah tapi nggak gak
          banget kantor mobil perusahaan telepon silakan universitas kualitas aktivitas
          komunitas""",
    ),
    # (Icelandic's þ and ð only with an Icelandic word too: cp1254 Turkish read
    # as Latin-1 has them.)
    _lang(
        "is",
        "isl",
        "Icelandic",
        "if",
        scripts="Latn",
        alphabet="áðéíóúýþæö",
        letters="þÞðÐ",
        # (not og, er, en, var, til, sem, um, af: Danish, Norwegian, Swedish,
        # Dutch and Portuguese write them too)
        words="""að í á við ekki hann hún það með fyrir eru voru þess þar hafa hefur
          verið eftir þetta þegar""",
    ),
    _lang("it", "ita", "Italian", "dif", scripts="Latn", alphabet="àèéìíîòóùú"),
    _lang(
        "lb",
        "ltz",
        "Luxembourgish",
        "if",
        alphabet="äëéèöü",
        relatives="de nl",
        # (German writes von, ich, gibt, hat, haben, wie, aber, jetzt, mehr, für,
        # über, wurde, etwas, nichts, nur, immer, gut, diese, er, können, wollen)
        words="""vun ech gëtt huet hunn wéi awer elo méi fir iwwer ënner gouf goufen sech kee
          keng eppes näischt nëmmen ëmmer gutt dës déi hien kënnen wëllen""",
    ),
    _lang("lg", "lug", "Ganda", "i", scripts="Latn", alphabet="ŋ"),
    _lang("lt", "lit", "Lithuanian", "dif", scripts="Latn", alphabet="ąčęėįšųūž"),
    _lang("lv", "lav", "Latvian", "dif", scripts="Latn", alphabet="āčēģīķļņšūž", aliases="lvs"),
    _lang("mi", "mri", "Maori", "", scripts="Latn", alphabet="āēīōū"),
    _lang(
        "ms",
        "msa",
        "Malay",
        "if",
        scripts="Latn",
        alphabet="é",
        rival="id",
        relatives="id",
        aliases="zsm",
        words="""kerana ialah iaitu bahawa sahaja wang kerajaan semasa selepas mahupun
          hendaklah baharu bandar menerusi bermakna laluan kereta percuma syarikat
          kenderaan pejabat filem muzik projek universiti kualiti aktiviti telefon
          sebarang tentera polis kakitangan""",
        # Malay web text borrows Indonesian spellings freely; Indonesian writers do
        # not write kerana or kerajaan: a Malay spelling weighs double.
        weight=2,
    ),
    # (Italo-Romance languages a detector reads as Italian: their own forms where
    # Italian writes sono, lui, così, nessuno, perché, qua, là, quando, più,
    # quello, questo, niente, dove; è, ci, c'era, cosa, niente, perché, noi)
    _lang(
        "nap",
        "nap",
        "Neapolitan",
        "f",
        alphabet="àèéìíòóùú",
        relatives="it",
        words="""chillo chella chilli chelle chisto chesta chisti cheste songo simmo stongo
          pecché accussì cchiù chiù guaglione guagliune nce nisciuno addò vuje nuje ije
          napule napulitano guagliò ammore nzieme""",
    ),
    _lang(
        "scn",
        "scn",
        "Sicilian",
        "f",
        alphabet="àèéìíòóùúḍ",
        relatives="it",
        words="""sugnu semu sunnu iddu idda iddi accussì nuddu picchì pirchì macari nta ccà
          ddà quannu cchiù chiddu chidda chiddi chistu chista aviri fari essiri jornu
          sempri comu vogghiu pozzu nenti unni nni figghiu figghia travagghiu sicilianu
          picciriddu chiossai""",
    ),
    _lang(
        "vec",
        "vec",
        "Venetian",
        "if",
        alphabet="àèéìíòóùú",
        relatives="it",
        words="""xe ghe gavemo gavé jera xera cossa gnente parché nialtri vialtri ancuo fioi
          venessia venesian desso vecio vecia magnar laorar schei""",
    ),
    _lang(
        "nl",
        "nld",
        "Dutch",
        "dif",
        scripts="Latn",
        alphabet="éëïöüèáóúí",
        relatives="af",
        # (Afrikaans writes nie, vir, hy, sy, word, sal)
        words="niet hij zij wordt werd zijn zullen jij door",
    ),
    _lang(
        "no",
        "nor",
        "Norwegian",
        "dif",
        scripts="Latn",
        alphabet="æøåéèóòôü",
        relatives="da sv",
        aliases="nb nob nn nno",
        # (Danish writes hvad, noget, meget, mig, end, gennem, tilbage, været;
        # Swedish vad, något, mycket, mig, än, genom, tillbaka, varit)
        words="hva noe mye meg deg enn gjennom tilbake vært",
    ),
    _lang(
        "oc",
        "oci",
        "Occitan",
        "if",
        alphabet="àáèéíòóúçïü",
        relatives="fr ca",
        # (French writes cela, ce, était, aussi, quand, aujourd'hui, toujours,
        # langue; Catalan això, aquest, era, també, quan, avui, sempre, llengua)
        words="""aquò aqueste èra èran aviá fasiá tanben quora çò uèi fòrça totjorn sonque
          ongan lenga occitana occitan òc sètz avèm podèm pr'aquò d'aquò èsser èstre
          doncas pòt vòl mès ieu nòstra nòstre""",
    ),
    _lang("pl", "pol", "Polish", "dif", scripts="Latn", alphabet="ąćęłńóśźż"),
    _lang("pt", "por", "Portuguese", "dif", scripts="Latn", alphabet="áâãàçéêíóôõú", relatives="es ca gl"),
    _lang("ro", "ron", "Romanian", "dif", scripts="Latn", alphabet="ăâîșțşţ", aliases="mo mol"),
    _lang("sk", "slk", "Slovak", "dif", scripts="Latn", alphabet="áäčďéíĺľňóôŕšťúýž", relatives="cs"),
    _lang("sl", "slv", "Slovenian", "dif", scripts="Latn", alphabet="čšžćđ", relatives="hr bs sr"),
    _lang("sn", "sna", "Shona", "i", scripts="Latn"),
    _lang("so", "som", "Somali", "dif", scripts="Latn"),
    _lang("sq", "sqi", "Albanian", "dif", scripts="Latn", alphabet="çë"),
    _lang("st", "sot", "Southern Sotho", "i", scripts="Latn"),
    _lang("sv", "swe", "Swedish", "dif", scripts="Latn", alphabet="åäöéü", relatives="da no"),
    _lang("sw", "swa", "Swahili", "dif", scripts="Latn", aliases="swh"),
    _lang("tl", "tgl", "Tagalog", "dif", scripts="Latn", alphabet="ñ", aliases="fil"),
    _lang("tn", "tsn", "Tswana", "", scripts="Latn"),
    # (Turkish also with ý þ ð: its cp1254 text read as Latin-1 is common on the web.)
    _lang("tr", "tur", "Turkish", "dif", scripts="Latn", alphabet="çğıöşüâîýþð", relatives="az"),
    _lang("ts", "tso", "Tsonga", "", scripts="Latn"),
    _lang(
        "vi",
        "vie",
        "Vietnamese",
        "dif",
        scripts="Latn",
        alphabet="àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
    ),
    _lang("xh", "xho", "Xhosa", "i", scripts="Latn"),
    _lang("yo", "yor", "Yoruba", "if", scripts="Latn", alphabet="àáèéìíòóùúẹọṣńḿ"),
    _lang("zu", "zul", "Zulu", "i", scripts="Latn"),
    # -- Cyrillic ---------------------------------------------------------------
    _lang(
        "be",
        "bel",
        "Belarusian",
        "if",
        scripts="Cyrl",
        alphabet="абвгдеёжзійклмнопрстуўфхцчшыьэюя’",
        complete=True,
        letters="ўЎ",
        relatives="ru uk bg mk sr",
    ),
    _lang(
        "bg",
        "bul",
        "Bulgarian",
        "dif",
        scripts="Cyrl",
        alphabet="абвгдежзийклмнопрстуфхцчшщъьюя",
        complete=True,
        relatives="ru uk be mk sr",
    ),
    _lang(
        "kk",
        "kaz",
        "Kazakh",
        "if",
        scripts="Cyrl",
        alphabet=_CYRL_RU + "әғқңөұүһі",
        complete=True,
        letters="әғқңұӘҒҚҢҰ",
    ),
    _lang(
        "mk",
        "mkd",
        "Macedonian",
        "dif",
        scripts="Cyrl",
        alphabet="абвгдѓежзѕијклљмнњопрстќуфхцчџш",
        complete=True,
        letters="ѓќѕЃЌЅ",
        relatives="ru uk be bg sr",
        # (not може or ова: Serbian writes them too)
        words="""е во со го ги беше тоа оваа кое уште меѓу преку околу таа тој нивните""",
    ),
    _lang("mn", "mon", "Mongolian", "if", scripts="Cyrl", own="Mong", alphabet=_CYRL_RU + "өү", complete=True),
    _lang("ru", "rus", "Russian", "dif", scripts="Cyrl", alphabet=_CYRL_RU, complete=True, relatives="uk be bg mk sr"),
    # (Serbian's Cyrillic alphabet only: Serbian is not among the Latin candidates.)
    _lang(
        "sr",
        "srp",
        "Serbian",
        "if",
        scripts="Cyrl",
        alphabet="абвгдђежзијклљмнњопрстћуфхцчџш",
        complete=True,
        letters="ђћЂЋ",
        rival="mk",
        relatives="hr bs sl ru uk be bg mk",
        aliases="srl",
        # (Macedonian writes што, сме, ова, тој, кога, додека, денес, години, некои,
        # дел, луѓе, кај for шта ... код; not са or где: Bulgarian са, Russian где)
        # (and, where Macedonian writes еден, негов, својата, така, сега, постои,
        # секогаш, многу, прв, голем: each of these is among Serbian's 500 most
        # frequent words (data/stopwords) and in none of the other Cyrillic lists)
        words="""је у су који која које ће из јер био била били после пре још када
          само али ни нису њих њега њене бити могу веома током између због након према
          њихов њихова њихове шта смо ово тај кад док данас године неки део људи код
          један једна једно једног једном једне једну његов његова његове његово његовог
          њему јој своје своју својим свог свом својих својој тако тада затим касније
          поново увек даље чак врло поред пошто кроз ка сви свих свим ове овог овом тог
          томе коју којој којим којем којих којима коме имао имају имали постоји постоје
          први прве велики велике""",
    ),
    _lang(
        "uk",
        "ukr",
        "Ukrainian",
        "dif",
        scripts="Cyrl",
        alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюя’",
        complete=True,
        letters="їєґЇЄҐ",
        relatives="ru be bg mk sr",
    ),
    # -- Arabic and Devanagari ----------------------------------------------------
    _lang(
        "ar",
        "ara",
        "Arabic",
        "dif",
        scripts="Arab",
        alphabet="ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيًٌٍَُِّْٰ",
        complete=True,
        relatives="fa ur",
        aliases="arb",
    ),
    _lang("fa", "fas", "Persian", "dif", scripts="Arab", relatives="ur ar", aliases="pes"),
    _lang("ur", "urd", "Urdu", "dif", scripts="Arab", relatives="fa ar"),
    _lang("hi", "hin", "Hindi", "dif", scripts="Deva", relatives="mr ne"),
    _lang("mr", "mar", "Marathi", "dif", scripts="Deva", relatives="hi ne"),
    _lang("ne", "nep", "Nepali", "dif", scripts="Deva", relatives="hi mr"),
    # -- scripts that name their language -------------------------------------------
    _lang("am", "amh", "Amharic", "if", own="Ethi"),
    _lang("bn", "ben", "Bengali", "dif", own="Beng"),
    _lang("bo", "bod", "Tibetan", "f", own="Tibt"),
    _lang("chr", "chr", "Cherokee", own="Cher"),
    _lang("cop", "cop", "Coptic", own="Copt"),
    _lang("cu", "chu", "Church Slavic", own="Glag"),
    _lang("dv", "div", "Divehi", "f", own="Thaa"),
    _lang("el", "ell", "Greek", "dif", own="Grek"),
    _lang("gu", "guj", "Gujarati", "dif", own="Gujr"),
    _lang("he", "heb", "Hebrew", "dif", own="Hebr", aliases="iw"),
    _lang("hy", "hye", "Armenian", "if", own="Armn"),
    _lang("iu", "iku", "Inuktitut", own="Cans"),
    _lang("ja", "jpn", "Japanese", "dif", own="Jpan Kana Hira", spaces=False),
    _lang("ka", "kat", "Georgian", "if", own="Geor"),
    _lang("km", "khm", "Khmer", "if", own="Khmr", spaces=False),
    _lang("kn", "kan", "Kannada", "dif", own="Knda"),
    _lang("ko", "kor", "Korean", "dif", own="Hang"),
    _lang("lo", "lao", "Lao", "if", own="Laoo", spaces=False),
    _lang("ml", "mal", "Malayalam", "dif", own="Mlym"),
    _lang("my", "mya", "Burmese", "if", own="Mymr", spaces=False),
    _lang("nqo", "nqo", "N'Ko", own="Nkoo"),
    _lang("or", "ori", "Oriya", "if", own="Orya"),
    _lang("pa", "pan", "Panjabi", "dif", own="Guru"),
    _lang("si", "sin", "Sinhala", "if", own="Sinh"),
    _lang("syr", "syr", "Syriac", own="Syrc"),
    _lang("ta", "tam", "Tamil", "dif", own="Taml"),
    _lang("te", "tel", "Telugu", "dif", own="Telu"),
    _lang("th", "tha", "Thai", "dif", own="Thai", spaces=False),
    _lang(
        "zh", "zho", "Chinese", "dif", own="Hani Bopo", spaces=False, aliases="zh-cn zh-tw zh-hans zh-hant cmn wuu yue"
    ),
    # -- codes detectors use for languages we name otherwise --------------------------
    _lang("jv", "jav", "Javanese", "if", aliases="jw"),
    _lang("yi", "yid", "Yiddish", "f", aliases="ji"),
]

# Languages we know only by their codes and name: "code iso3 detectors name"
# (detectors: letters of DETECTOR_LETTERS, '-' for none).  Codes are what the
# detectors answer (fastText's "als" is Alemannic, "sh" Serbo-Croatian).
_OTHERS = """
ace ace i Achinese
als gsw f Alemannic
an arg if Aragonese
ary ary i Moroccan Arabic
arz arz if Egyptian Arabic
as asm if Assamese
av ava f Avaric
azb azb f South Azerbaijani
ba bak if Bashkir
bar bar f Bavarian
bcl bcl if Central Bikol
bh bih f Bihari languages
bpy bpy f Bishnupriya
br bre if Breton
bxr bxr f Russia Buriat
cbk cbk f Chavacano
ce che f Chechen
ceb ceb f Cebuano
ckb ckb f Central Kurdish
crh crh i Crimean Tatar
cv chv f Chuvash
diq diq f Dimli
dsb dsb f Lower Sorbian
dty dty f Dotyali
dz dzo i Dzongkha
eml eml f Emiliano-Romagnolo
eo epo if Esperanto
ext ext i Extremaduran
fo fao i Faroese
frr frr f Northern Frisian
fuv fuv i Nigerian Fulfulde
gcf gcf i Guadeloupean Creole French
gcr gcr i Guianese Creole French
gd gla if Scottish Gaelic
gn grn f Guarani
gom gom if Goan Konkani
grc grc i Ancient Greek
gug gug i Paraguayan Guaraní
guw guw i Gun
gv glv f Manx
ha hau i Hausa
hbo hbo i Ancient Hebrew
hif hif f Fiji Hindi
hsb hsb f Upper Sorbian
ht hat if Haitian
ia ina f Interlingua
ie ile f Interlingue
ig ibo i Igbo
ilo ilo f Iloko
io ido f Ido
jbo jbo f Lojban
kab kab i Kabyle
kik kik i Kikuyu
krc krc f Karachay-Balkar
ku kur if Kurdish
kv kom f Komi
kw cor f Cornish
ky kir if Kirghiz
la lat if Latin
lez lez f Lezghian
li lim f Limburgan
lij lij i Ligurian
lmo lmo f Lombard
ln lin i Lingala
lrc lrc f Northern Luri
ltg ltg i Latgalian
mai mai f Maithili
mg mlg if Malagasy
mhr mhr f Eastern Mari
min min f Minangkabau
mrj mrj f Western Mari
mt mlt if Maltese
mwl mwl f Mirandese
myv myv f Erzya
mzn mzn f Mazanderani
nah nah f Nahuatl languages
nds nds f Low German
new new f Newari
nso nso i Pedi
om orm i Oromo
os oss f Ossetian
pam pam f Pampanga
pcm pcm i Nigerian Pidgin
pfl pfl f Pfaelzisch
pms pms f Piemontese
pnb pnb f Western Panjabi
ps pus if Pushto
qu que if Quechua
rm roh f Romansh
rue rue f Rusyn
rw kin i Kinyarwanda
sa san if Sanskrit
sah sah f Yakut
sc srd f Sardinian
sco sco f Scots
sd snd f Sindhi
sdh sdh i Southern Kurdish
se sme i Northern Sami
sh hbs f Serbo-Croatian
su sun f Sundanese
tg tgk if Tajik
tk tuk if Turkmen
tt tat if Tatar
tyv tyv f Tuvinian
ug uig if Uighur
uz uzb if Uzbek
uzs uzs i Southern Uzbek
vep vep f Veps
vls vls f Vlaams
vo vol if Volapük
wa wln if Walloon
war war f Waray
xal xal f Kalmyk
xmf xmf f Mingrelian
zxx zxx i No linguistic content
"""


def _others() -> list[Language]:
    out = []
    for line in _OTHERS.strip().splitlines():
        code, iso3, dets, name = line.split(" ", 3)
        out.append(_lang(code, iso3, name, dets.strip("-")))
    return out


LANGUAGES: dict[str, Language] = {lang.code: lang for lang in sorted(_KNOWN + _others(), key=lambda x: x.code)}

# --- derived tables ---------------------------------------------------------------

#: Scripts written for (essentially) one language: the script names it.
SCRIPT_LANG: dict[str, str] = {s: lang.code for lang in LANGUAGES.values() for s in lang.own_scripts}
#: Scripts shared by several languages: the languages a detector may choose among.
SCRIPT_CANDIDATES: dict[str, frozenset[str]] = {}
for _l in LANGUAGES.values():
    for _s in _l.scripts:
        SCRIPT_CANDIDATES[_s] = SCRIPT_CANDIDATES.get(_s, frozenset()) | {_l.code}
#: Letters each language writes (see Language.alphabet) and those whose list is complete.
ALPHABETS: dict[str, frozenset[str]] = {c: lang.alphabet for c, lang in LANGUAGES.items() if lang.alphabet is not None}
COMPLETE_ALPHABETS: frozenset[str] = frozenset(c for c, lang in LANGUAGES.items() if lang.complete_alphabet)
#: Letters that, among the candidates of their script, belong to one language.
MARKER_LETTERS: dict[str, frozenset[str]] = {
    c: lang.marker_letters for c, lang in LANGUAGES.items() if lang.marker_letters
}
#: Frequent words of a language that its rivals rarely use.
MARKER_WORDS: dict[str, frozenset[str]] = {c: lang.marker_words for c, lang in LANGUAGES.items() if lang.marker_words}
#: How much one marker word of a language counts (see Language.marker_weight).
MARKER_WEIGHTS: dict[str, int] = {c: lang.marker_weight for c, lang in LANGUAGES.items() if lang.marker_words}
#: (language a detector may lack, the language it is called instead).
RIVALS: dict[str, str] = {c: lang.rival for c, lang in LANGUAGES.items() if lang.rival}
#: Ordered pairs of close relatives, both ways (a language that lists a relative
#: is that relative's relative too: Corsican and Italian).
RELATED: frozenset[tuple[str, str]] = frozenset(
    pair for c, lang in LANGUAGES.items() for r in lang.relatives for pair in ((c, r), (r, c))
)
#: Scripts of languages written without spaces between words.
UNSPACED_SCRIPTS: frozenset[str] = frozenset(
    s for lang in LANGUAGES.values() if not lang.spaces for s in lang.own_scripts
)

_BY_TAG: dict[str, str] = {}
for _l in LANGUAGES.values():
    for _t in _l.tags:
        _BY_TAG.setdefault(_t, _l.code)
# ISO 639-2/B (bibliographic) codes that differ from 639-3, as library metadata writes them.
_BIBLIOGRAPHIC = {
    "alb": "sq",
    "arm": "hy",
    "baq": "eu",
    "bur": "my",
    "chi": "zh",
    "cze": "cs",
    "dut": "nl",
    "fre": "fr",
    "geo": "ka",
    "ger": "de",
    "gre": "el",
    "ice": "is",
    "mac": "mk",
    "mao": "mi",
    "may": "ms",
    "per": "fa",
    "rum": "ro",
    "slo": "sk",
    "tib": "bo",
    "wel": "cy",
}
for _t, _c in _BIBLIOGRAPHIC.items():
    _BY_TAG.setdefault(_t, _c)
_BY_NAME: dict[str, str] = {lang.name.lower(): lang.code for lang in LANGUAGES.values()}
del _l, _s, _t, _c


def canonical(code: str) -> str:
    """A detector's (or anyone's) code for a language in the code cleaner emits:
    aliases resolved, unknown codes returned as they are (lower case).

    >>> canonical("nb"), canonical("zh-TW"), canonical("iw"), canonical("en"), canonical("xx")
    ('no', 'zh', 'he', 'en', 'xx')
    """
    code = code.lower()
    found = _BY_TAG.get(code)
    if found is None or (found != code and code not in LANGUAGES[found].aliases):
        return code  # (ISO 639-3 codes are accepted from people, not from detectors)
    return found


def lookup(tag: str) -> Language | None:
    """The language a user's tag names: ISO 639-1 or 639-3 code, a BCP-47 tag
    (``en-US``, ``zh-Hant``, ``sr-Latn``: the primary subtag decides, but for a
    registered alias such as ``zh-tw``), or its English name; else ``None``.

    >>> lookup("EN_gb").name, lookup("fil").code, lookup("xx") is None
    ('English', 'tl', True)
    """
    tag = tag.strip().lower().replace("_", "-")
    code = _BY_TAG.get(tag) or _BY_NAME.get(tag)
    if code is None and "-" in tag:
        code = _BY_TAG.get(tag.split("-", 1)[0])
    return LANGUAGES[code] if code else None


def suggest(tag: str, n: int = 3) -> list[str]:
    """The codes nearest to an unknown ``tag`` (by code and by name).

    >>> suggest("englsh")
    ['en']
    """
    tag = tag.strip().lower()
    found = difflib.get_close_matches(tag, list(_BY_NAME), n=n, cutoff=0.75)
    out = [_BY_NAME[k] for k in found]
    for t in difflib.get_close_matches(tag, list(_BY_TAG), n=n, cutoff=0.6):
        if _BY_TAG[t] not in out:
            out.append(_BY_TAG[t])
    return out[:n]


def known_to(detector: str) -> list[Language]:
    """The languages detector ``detector`` can answer, by code."""
    return [lang for lang in LANGUAGES.values() if detector in lang.detectors]
