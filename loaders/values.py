"""Parsing the values of register cells: dates, lists, languages, web addresses.

Each parser takes the raw value of a cell (text from CSV, a typed value from
Excel or JSON) and returns an RDF term or raises :class:`ValueProblem` with a
message and a hint for the user.

>>> parse_date("15.03.2024").value, parse_date("2024-05").value, parse_date(2024).value
('2024-03-15', '2024-05', '2024')
>>> split_list("Гимназия № 1; Лицей\\nКолледж")
['Гимназия № 1', 'Лицей', 'Колледж']
>>> guess_language("Минская область"), guess_language("Мінская вобласць"), guess_language("Minsk")
('ru', 'be', 'en')
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_DATE = ox.NamedNode(XSD + "date")
XSD_GYEARMONTH = ox.NamedNode(XSD + "gYearMonth")
XSD_GYEAR = ox.NamedNode(XSD + "gYear")

DATE_FORMATS_HINT = "write dates as YYYY-MM-DD, DD.MM.YYYY, YYYY-MM or YYYY"

_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DOTTED_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})(?:\.0)?$")
_EXCEL_MIDNIGHT = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T]00:00(?::00)?$")
_LIST_SEPARATORS = re.compile(r"[;\n\r]+")
_BELARUSIAN = re.compile(r"[іўІЎ]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_WIKIDATA = re.compile(r"^(?:https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/)?(Q[1-9]\d*)$", re.I)
_WEB = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)
_BARE_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$")


class ValueProblem(ValueError):
    """A cell value that cannot be used, with a hint how to write it."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def text_of(value: Any) -> str:
    """A cell value as stripped text ("" for empty); integral floats lose ``.0``.

    >>> text_of(2024.0), text_of(None), text_of("  Минск ")
    ('2024', '', 'Минск')
    """
    if type(value) is str:  # the usual case (CSV cells), first
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def is_empty(value: Any) -> bool:
    """True for a missing value: ``None``, blank text, an empty list."""
    if type(value) is str:
        return not value.strip()
    if isinstance(value, list):
        return all(is_empty(item) for item in value)
    return text_of(value) == ""


def parse_date(value: Any) -> ox.Literal:
    """A date keeping its precision: xsd:date, xsd:gYearMonth or xsd:gYear.

    Raises :class:`ValueProblem` for an unknown form or an impossible date.
    """
    if type(value) is str:
        return _parse_date_text(value.strip())
    if isinstance(value, dt.datetime):
        return ox.Literal(value.date().isoformat(), datatype=XSD_DATE)
    if isinstance(value, dt.date):
        return ox.Literal(value.isoformat(), datatype=XSD_DATE)
    return _parse_date_text(text_of(value))


@lru_cache(maxsize=65536)
def _parse_date_text(text: str) -> ox.Literal:
    # Registers repeat dates a lot; a cached literal is also shared, not copied.
    midnight = _EXCEL_MIDNIGHT.match(text)
    if midnight:
        text = midnight.group(1)
    if match := _ISO_DAY.match(text):
        year, month, day = (int(g) for g in match.groups())
        return _day(year, month, day)
    if match := _DOTTED_DAY.match(text):
        day, month, year = (int(g) for g in match.groups())
        return _day(year, month, day)
    if match := _ISO_MONTH.match(text):
        year, month = int(match.group(1)), int(match.group(2))
        _check_year(year)
        if not 1 <= month <= 12:
            raise ValueProblem(f"there is no month {month}", hint=DATE_FORMATS_HINT)
        return ox.Literal(f"{year:04d}-{month:02d}", datatype=XSD_GYEARMONTH)
    if match := _YEAR.match(text):
        _check_year(int(match.group(1)))
        return ox.Literal(match.group(1), datatype=XSD_GYEAR)
    raise ValueProblem("not a date", hint=DATE_FORMATS_HINT)


YEARS = range(1800, 2201)
"""Years a register date may have: others are typing slips (``0000``, ``20244``)."""


def _check_year(year: int) -> None:
    if year not in YEARS:
        raise ValueProblem(
            f"the year {year:04d} is not a plausible date",
            hint=f"write a year from {YEARS.start} to {YEARS.stop - 1}",
        )


def _day(year: int, month: int, day: int) -> ox.Literal:
    _check_year(year)
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise ValueProblem(
            f"no such date: day {day} of month {month} in {year}",
            hint="check the day and the month (DD.MM.YYYY or YYYY-MM-DD)",
        ) from None
    return ox.Literal(date.isoformat(), datatype=XSD_DATE)


def date_before(later: ox.Literal, earlier: ox.Literal) -> bool:
    """True if ``later`` is surely before ``earlier``, comparing the part both know.

    >>> date_before(parse_date("2023"), parse_date("2024-05-01"))
    True
    >>> date_before(parse_date("2024"), parse_date("2024-05-01"))
    False
    """
    a, b = earlier.value, later.value
    n = min(len(a), len(b))
    return b[:n] < a[:n]


def split_list(value: Any) -> list[str]:
    """The items of a list cell: a JSON list, or text split on ``;`` and new lines."""
    if isinstance(value, list):
        items = [text_of(item) for item in value]
    else:
        items = [part.strip() for part in _LIST_SEPARATORS.split(text_of(value))]
    return [item for item in items if item]


def guess_language(text: str) -> str:
    """``be`` for Belarusian letters (і, ў), ``ru`` for other Cyrillic, else ``en``."""
    if _BELARUSIAN.search(text):
        return "be"
    if _CYRILLIC.search(text):
        return "ru"
    return "en"


def tagged(text: str, language: str | None = None) -> ox.Literal:
    """A language-tagged literal; the language guessed from the script if not given."""
    return ox.Literal(text, language=language or guess_language(text))


def literal_text(text: str, language: str | None = None) -> str:
    r"""The N-Triples text of a simple or language-tagged literal, as Oxigraph writes it.

    Text without quotes, backslashes or characters that are not printable is written
    as it is (a register's names and titles); other text is left to Oxigraph, whose
    escapes this must match. A million literals go four times faster this way.

    >>> literal_text("Минск", "ru"), literal_text("agr-1")
    ('"Минск"@ru', '"agr-1"')
    >>> print(literal_text('a "b"\n'))
    "a \"b\"\n"
    >>> odd = ("\x7f", "a\u00a0b", "tab\there")
    >>> all(literal_text(x, "en") == str(ox.Literal(x, language="en")) for x in odd)
    True
    """
    if '"' in text or "\\" in text or not text.isprintable():
        return str(ox.Literal(text, language=language) if language else ox.Literal(text))
    return f'"{text}"@{language}' if language else f'"{text}"'


def tagged_text(text: str, language: str | None = None) -> str:
    """:func:`tagged` as N-Triples text (see :func:`literal_text`).

    >>> tagged_text("Мінск"), tagged_text("Minsk", "en")
    ('"Мінск"@be', '"Minsk"@en')
    """
    return literal_text(text, language or guess_language(text))


def parse_wikidata(value: Any) -> str:
    """A Wikidata item id (``Q123``) from an id or an item URL.

    >>> parse_wikidata("https://www.wikidata.org/wiki/Q1123")
    'Q1123'
    """
    match = _WIKIDATA.match(text_of(value))
    if not match:
        raise ValueProblem("not a Wikidata item", hint="write the item id (Q1123) or its URL")
    return match.group(1).upper()


def parse_web_address(value: Any) -> tuple[str, bool]:
    """A web address as an IRI, and whether ``http://`` had to be added.

    >>> parse_web_address("www.bsu.by")
    ('http://www.bsu.by', True)
    """
    text = text_of(value)
    if _WEB.match(text):
        return text, False
    if _BARE_DOMAIN.match(text):
        return f"http://{text}", True
    raise ValueProblem("not a web address", hint="write the full address, e.g. https://example.by/")
