"""Normalise an institution or place name: case, quotes, legal forms, numbers, "named after".

>>> n = normalise("ГУО «Средняя школа № 3 г. Борисова»")
>>> n.words, n.numbers, n.places
(('средняя', 'школа'), frozenset({'3'}), ('борисова',))
>>> normalise("Secondary School No. 30").numbers, normalise("school N5").numbers
(frozenset({'30'}), frozenset({'5'}))
>>> normalise("Брестский государственный университет имени А. С. Пушкина").honour
('пушкина',)
>>> normalise("Pharmtechnology LLC (Belarus)").words
('pharmtechnology', 'belarus')
>>> normalise("ФГБУ науки «Институт физики» РАН").words
('институт', 'физики')
>>> normalise("ФГБУ «ЦСП» ФМБА России").capitals
('цсп', 'фмба')
>>> normalise("Federal State Budgetary Scientific Institution Research Centre").words
('research', 'centre')
>>> normalise("Институт физики микроструктур Российской академии наук").words
('институт', 'физики', 'микроструктур')
>>> normalise("Institute of Physics, Siberian Branch of the Russian Academy of Sciences").words
('institute', 'of', 'physics')
>>> normalise("Центр хирургии Министерства здравоохранения Российской Федерации").words
('центр', 'хирургии')
>>> normalise("Abu Rayhon Beruniy nomidagi Sharqshunoslik instituti").honour
('abu', 'rayhon', 'beruniy')
>>> normalise("National Academy of Sciences of Belarus").words
('national', 'academy', 'of', 'sciences', 'of', 'belarus')
>>> normalise("Институт экономики Российская академия наук").words
('институт', 'экономики')
>>> normalise("Государственный научный центр РФ Физико-энергетический институт").words
('физико', 'энергетический', 'институт')
>>> normalise("Московский ордена Ленина и ордена Трудового Красного Знамени институт").words
('московский', 'институт')
>>> normalise("Moscow Order of Lenin and Order of the Red Banner of Labour Institute").words
('moscow', 'institute')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

LEGAL_FORMS = (
    # longest first: a phrase is removed before the words it contains
    "государственное учреждение образования",
    "частное учреждение образования",
    "учреждение образования",
    "государственное учреждение",
    "дзяржаўная ўстанова адукацыі",
    "дзяржаўная установа адукацыі",
    "установа адукацыі",
    "state educational institution",
    "educational institution",
    "republican unitary enterprise",
    "unitary enterprise",
    "республиканское унитарное предприятие",
    "унитарное предприятие",
    "federal state budgetary educational institution of higher education",
    "общество с ограниченной ответственностью",
    "открытое акционерное общество",
    "закрытое акционерное общество",
    "публичное акционерное общество",
    "акционерное общество",
    "некоммерческое партнерство",
    "limited liability company",
    "open joint stock company",
    "closed joint stock company",
    "public joint stock company",
    "joint stock company",
    "joint-stock company",
    "федеральное государственное бюджетное образовательное учреждение высшего образования",
    "фгбоу во",
    "ггмбх",
)
"""Legal-form phrases in ru, be and en, removed from names."""

LEGAL_WORDS = frozenset(
    "гуо уо гу чуо дуа уа ооо оао зао пао ао руп уп фгбоу фгаоу во "
    "фгбу фгбну фгау фгуп гбу гбуз гауз гбоу гаоу ано нп нко бф мбу моу мау гоу ноу чоу "
    "ltd llc inc plc gmbh ggmbh ag sa s a srl spa bv nv oy ab as jsc ojsc cjsc pjsc "
    "rue co corp fsbi fsbsi fsi".split()
)
"""Single legal-form words and abbreviations, removed from names."""

_LEGAL_PATTERNS = (
    # a legal form is a run of status words ending in "institution" / "учреждение",
    # with what the institution is for: ФГБУ науки, ФГБОУ ВО, ...
    re.compile(
        r"\b(?:(?:федеральн|государствен|бюджетн|автономн|казен|муниципальн|некоммерческ|"
        r"частн|негосударствен|образовательн|научн|ведомствен|областн|краев|республиканск)"
        r"\w*\s+)+(?:учреждени\w*|организаци\w*|предприяти\w*)"
        r"(?:\s+(?:высшего|среднего|дополнительного)(?:\s+профессионального)?\s+образования)?"
        r"(?:\s+(?:науки|здравоохранения|культуры))?"
    ),
    re.compile(
        r"\b(?:(?:federal|state|budgetary|autonomous|unitary|non-?profit|municipal|"
        r"governmental|government|educational|scientific|private|public)\s+)*"
        r"(?:federal|budgetary|autonomous|unitary|non-?profit|municipal)\s+"
        r"(?:(?:federal|state|budgetary|autonomous|unitary|educational|scientific)\s+)*"
        r"(?:institution|organi[sz]ation|enterprise)"
        r"(?:\s+of\s+(?:higher|secondary|additional)(?:\s+professional)?\s+education)?"
        r"(?:\s+of\s+science)?"
    ),
    re.compile(r"\b(?:фгбу|фгу|гбу|фгбоу|фгаоу|гоу|фгоу)\s+(?:науки|здравоохранения|впо|во)\b"),
    re.compile(r"\bучреждени[ея]\s+науки\b"),
    # a title of standing before the institute it is given to: Государственный научный центр
    # Российской Федерации (ГНЦ РФ), Федеральный научный центр (ФНЦ)
    re.compile(
        r"\b(?:государственный|федеральный)\s+научный\s+центр(?:\s+(?:российской\s+федерации|рф))?\s+"
        r"(?=[\w-]+\s+(?:[\w-]+\s+)?институт\b|научно-исследовательский\b|научно\s)"
    ),
)
"""Legal forms built from status words, in ru and en, removed from names."""

_PARENT_TAILS = (
    # the parent a name ends with (of the Russian Academy of Sciences, Минздрава России):
    # sources give it or leave it out as they please
    re.compile(
        r"(?<=[^\W\d_])[\s,]+(?:(?:[\w-]+\s+)?(?:отделени[яе]|филиал[а]?)\s+)?"
        r"(?:российск(?:ой|ая)|национальн(?:ой|ая)|нацыянальн(?:ай|ая))\s+акад[эе]м[иі][иія]?\s+"
        r"(?:(?:медицинских|"
        r"сельскохозяйственных|образования)\s+)?(?:наук|навук)(?:\s+[^\W\d_]+)?(?=\s|$)"
    ),
    re.compile(
        r"(?<=[^\W\d_])[\s,]+(?:при\s+)?(?:министерств[аеуо]\s+здравоохранения|минздрава|фмба|"
        r"роспотребнадзора)\b.*$"
    ),
    re.compile(
        r"(?<=[^\W\d_])\s+(?:(?:со|уро|дво)\s+|[\w-]+\s+отделени[яе]\s+)?"
        r"(?:ран|нан\s+[^\W\d_]+)(?=\s|$)"
    ),
    re.compile(r"(?<=[^\W\d_])[\s,]+(?:при\s+президенте|under\s+the\s+president)\b.*$"),
    re.compile(
        r"(?<=[^\W\d_])(?:\s*,\s*|\s+of\s+(?:the\s+)?|\s+(?=russian))"
        r"(?:(?:[\w-]+\s+){0,2}?branch\s+of\s+(?:the\s+)?)?(?:russian|national)\s+academy\s+of\s+"
        r"(?:(?:medical|agricultural)\s+)?sciences?(?:\s+of\s+(?:the\s+)?[^\W\d_]+)?(?=\s|$)"
    ),
    re.compile(
        r"(?<=[^\W\d_])(?:\s*,\s*|\s+)(?:of|under|at)\s+the\s+(?:ministry\s+of\s+health|"
        r"federal\s+medical)\b.*$"
    ),
    re.compile(r"(?<=[^\W\d_])\s+(?:(?:sb|ub|feb)\s+)?ras(?=\s|$)"),
    re.compile(
        r"(?<=[^\W\d_])(?:\s*,\s*|\s+)(?:(?:of|under)\s+the\s+)?(?:[\w-]+\s+)?"
        r"(?:department|directorate)\s+of\s+(?:health|healthcare|public\s+health)\b.*$"
    ),
    re.compile(
        r"(?<=[^\W\d_])[\s,]+(?:при\s+)?(?:департамента|управления|комитета)\s+"
        r"здравоохранения\b.*$"
    ),
)
"""The parent organisations names end with, in ru and en, removed from names."""

_MINISTRY_TAILS = (
    re.compile(
        r"(?<=[^\W\d_])[\s,]+(?:при\s+|под\s+)?(?:комитета\s+[^\W\d_]+\s+)?"
        r"(?:министерств[аеуео]|міністэрств[аеуо])\b.*$"
    ),
    re.compile(
        r"(?<=[^\W\d_])(?:\s*,\s*|\s+)(?:of|under|at)\s+the\s+(?:committee\s+of\s+[^\W\d_]+\s+"
        r"of\s+the\s+)?ministry\b.*$"
    ),
)
"""Any ministry (or its committee) a name ends with: при Министерстве юстиции, Комитета науки
Министерства науки и высшего образования, of the Ministry of Justice. Left out only when two
words or more stay and the ministry does not follow a form: the (Moscow) University of the
Ministry of Internal Affairs is named by its ministry."""
_FORM_STARTS = (
    "univers", "academ", "institut", "college", "school", "универс", "академ", "институт",
    "колледж", "училищ", "школ", "універс", "акадэм", "інстытут", "каледж", "вучылішч",
)  # fmt: skip

_ORDER_WORDS = (
    r"ленина|леніна|трудового|працоўнага|красного|чырвонага|знамени|сцяга|октябрьской|"
    r"кастрычніцкай|революции|рэвалюцыі|дружбы|народов|народаў|почета|пашаны|знак|"
    r"отечественной|айчыннай|войны|вайны|lenin|labou?r|red|banner|october|revolution|"
    r"friendship|peoples?|patriotic|war|badge|honou?r"
)
_ORDER = (
    r"(?:(?:awarded\s+)?(?:the\s+)?(?:ордена|орденов|ордэна|ордэнаў|orders?)\s+)"
    rf"(?:(?:(?:of|the)\s+)*(?:{_ORDER_WORDS})\b\s*(?:(?:,|and|и|і)\s*(?=(?:(?:of|the)\s+)*"
    rf"(?:{_ORDER_WORDS})\b))?)+"
)
_SOVIET_ORDERS = re.compile(
    rf"\b(?:(?:дважды|двойчы|twice)\s+)?{_ORDER}(?:(?:,|and|и|і)?\s*{_ORDER})*"
)
"""Soviet orders a name was awarded (ордена Ленина, Order of the Red Banner of Labour): one
source gives them, another leaves them out; they name no institution."""

_RESEARCH_INSTITUTE = re.compile(r"\b(?:нии|нді)\b")
"""НИИ: научно-исследовательский институт, written out."""

_CAPITALS = re.compile(r"(?<![^\W\d_])[^\W\d_a-zа-яёіў]{2,6}(?![^\W\d_])")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’ʼ](?=[^\W\d_])")
_QUOTES = re.compile(r"[«»“”„‟\"'`´‘’‚‹›]")
_NUMBER = re.compile(r"(?:№|#|\bno\.?|\bnr\.?|\bn)\s*(\d+)\b", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th|-?й|-?я|-?е|-?го)\b", re.IGNORECASE)
_PLACE = re.compile(
    r"(?:\bг\.|\bгор\.|\bгорода\b|\bгорад[аз]?\b|\bм\.|\bcity of\b|\btown of\b|\bв городе\b)"
    r"\s*([^\s,;()]+)",
    re.IGNORECASE,
)
_HONOUR = re.compile(
    r"\b(?:(?:имени|імя|named after|in the name of)\s+|им\.\s*)(.*)$", re.IGNORECASE
)
_HONOUR_BEFORE = re.compile(r"^(.*?)\b(?:nomidagi|atyndagy|atyndağy|атындағы|номидаги)\b")
"""Uzbek and Kazakh "named after", which follows the person's name."""
_TITLES = frozenset(
    "академика академіка профессора прафесара адмирала адмірала генерала маршала "
    "academician professor admiral general marshal".split()
)
"""Titles before a person's name after "имени": not part of the name."""
_WORD_TITLES = frozenset("admiral academician адмирал академик".split())
"""Titles before a person's name among the words (Admiral Makarov University): left out."""
_INITIAL = re.compile(r"\b\w\.\s*")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class NormalName:
    """A name cut into what matters for matching."""

    text: str
    """The name as given."""
    words: tuple[str, ...]
    """Lower-case words, legal forms, numbers, places and the honoured person left out."""
    numbers: frozenset[str]
    """Numbers of the name (school No. 5): two institutions with other numbers differ."""
    places: tuple[str, ...]
    """Places named with "г." / "city of": two institutions in other places differ."""
    honour: tuple[str, ...]
    """The words of the person after "имени" / "named after" (initials left out), lower case."""
    capitals: tuple[str, ...] = ()
    """Words in capitals inside a longer name (РАН, ФМБА), lower case: abbreviations, never
    read as common words (РАН is not район)."""


def normalise(name: str) -> NormalName:
    """Cut ``name`` into words, numbers, places and the person it is named after."""
    text = unicodedata.normalize("NFKC", name).replace("\u0301", "")
    found_capitals = _CAPITALS.findall(text)
    several_words = len(_WORD.findall(text)) > len(found_capitals) and not text.isupper()
    capitals = tuple(c.lower() for c in found_capitals) if several_words else ()
    text = _APOSTROPHE.sub("", text)  # аб'яднаны, Kyiv's: one word
    text = _QUOTES.sub(" ", text.lower().replace("ё", "е"))
    text = _SOVIET_ORDERS.sub(" ", text)
    for pattern in _PARENT_TAILS:
        text = pattern.sub("", text)
    for pattern in _MINISTRY_TAILS:
        text = _without_ministry(text, pattern)
    honour: tuple[str, ...] = ()
    found = _HONOUR.search(text)
    before = _HONOUR_BEFORE.search(text)
    if before and not found:  # Uzbek and Kazakh put the person first: Beruniy nomidagi ...
        person = _WORD.findall(_INITIAL.sub(" ", before.group(1) + " "))
        honour = tuple(w for w in person if len(w) > 1 and w not in _TITLES)
        text = text[before.end() :]
    if found:
        text = text[: found.start()]
        person = _WORD.findall(_INITIAL.sub(" ", found.group(1) + " "))
        honour = tuple(w for w in person if len(w) > 1 and w not in _TITLES)
    places = tuple(match.group(1).strip(".") for match in _PLACE.finditer(text))
    text = _PLACE.sub(" ", text)
    text = _ORDINAL.sub(r"\1", text)  # 46th, 46-й: the number 46
    numbers = frozenset(str(int(match.group(1))) for match in _NUMBER.finditer(text))
    text = _NUMBER.sub(" ", text)
    for phrase in LEGAL_FORMS:
        if phrase in text:
            text = re.sub(rf"\b{re.escape(phrase)}\b", " ", text)
    for pattern in _LEGAL_PATTERNS:
        text = pattern.sub(" ", text)
    text = _RESEARCH_INSTITUTE.sub(" научно исследовательский институт ", text)
    words = []
    for word in _WORD.findall(text.replace("-", " ")):
        if word.isdigit():
            numbers = numbers | {str(int(word))}
        elif word not in LEGAL_WORDS and word not in _WORD_TITLES:
            words.append(word)
    kept = tuple(c for c in capitals if c not in LEGAL_WORDS and c not in ("нии", "ндi"))
    return NormalName(name, tuple(words), numbers, places, honour, kept)


def _without_ministry(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` without the ministry tail ``pattern`` finds, when two words or more stay and
    the last of them is no form (see :data:`_MINISTRY_TAILS`)."""
    tail = pattern.search(text)
    if tail is None:
        return text
    before = _WORD.findall(text[: tail.start()])
    if len(before) < 2 or before[-1].startswith(_FORM_STARTS):
        return text
    return text[: tail.start()]


_QUOTED = re.compile(r"[«\"“„]([^«»\"“”„]+)[»\"”“]")


def quoted_parts(name: str) -> tuple[str, ...]:
    """The names in quotes inside ``name`` (the institution's own name inside its legal one, or
    a former name), when they have two words or more.

    >>> quoted_parts('National Technical University "Kharkiv Polytechnic Institute"')
    ('Kharkiv Polytechnic Institute',)
    >>> quoted_parts("ФГБУ «Центр стратегического планирования»"), quoted_parts("ООО «Вега»")
    (('Центр стратегического планирования',), ())
    >>> quoted_parts('ФГБНУ "Томский медицинский центр" Институт психического здоровья')
    ()
    """
    found = []
    for match in _QUOTED.finditer(name):
        part = match.group(1).strip()
        if len(part.split()) < 2 or part == name.strip():
            continue
        if normalise(name[match.end() :]).words:
            continue  # another name follows (an institute after its parent's name in quotes)
        found.append(part)
    return tuple(found)
