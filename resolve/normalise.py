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
    "федеральное государственное бюджетное образовательное учреждение высшего образования",
    "фгбоу во",
    "ггмбх",
)
"""Legal-form phrases in ru, be and en, removed from names."""

LEGAL_WORDS = frozenset(
    "гуо уо гу чуо дуа уа ооо оао зао пао ао руп уп фгбоу фгаоу во "
    "ltd llc inc plc gmbh ggmbh ag sa s a srl spa bv nv oy ab as jsc ojsc cjsc pjsc "
    "rue co corp".split()
)
"""Single legal-form words and abbreviations, removed from names."""

_QUOTES = re.compile(r"[«»“”„‟\"'`´‘’‚‹›]")
_NUMBER = re.compile(r"(?:№|#|\bno\.?|\bnr\.?|\bn)\s*(\d+)\b", re.IGNORECASE)
_PLACE = re.compile(
    r"(?:\bг\.|\bгор\.|\bгорода\b|\bгорад[аз]?\b|\bм\.|\bcity of\b|\btown of\b|\bв городе\b)"
    r"\s*([^\s,;()]+)",
    re.IGNORECASE,
)
_HONOUR = re.compile(r"\b(?:имени|им\.|імя|named after|in the name of)\s+(.*)$", re.IGNORECASE)
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


def normalise(name: str) -> NormalName:
    """Cut ``name`` into words, numbers, places and the person it is named after."""
    text = unicodedata.normalize("NFKC", name).replace("\u0301", "")
    text = _QUOTES.sub(" ", text.lower().replace("ё", "е"))
    honour: tuple[str, ...] = ()
    found = _HONOUR.search(text)
    if found:
        text = text[: found.start()]
        person = _WORD.findall(_INITIAL.sub(" ", found.group(1) + " "))
        honour = tuple(w for w in person if len(w) > 1)
    places = tuple(match.group(1).strip(".") for match in _PLACE.finditer(text))
    text = _PLACE.sub(" ", text)
    numbers = frozenset(str(int(match.group(1))) for match in _NUMBER.finditer(text))
    text = _NUMBER.sub(" ", text)
    for phrase in LEGAL_FORMS:
        if phrase in text:
            text = re.sub(rf"\b{re.escape(phrase)}\b", " ", text)
    words = []
    for word in _WORD.findall(text.replace("-", " ")):
        if word.isdigit():
            numbers = numbers | {str(int(word))}
        elif word not in LEGAL_WORDS:
            words.append(word)
    return NormalName(name, tuple(words), numbers, places, honour)
