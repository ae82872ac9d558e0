"""The CORDIS tables: which one a header is, its rows, and the repairs their quirks need.

CORDIS open data comes as several tables that join by project (``rcn``) and
organisation (``pic``, or ``new_org_id`` in the network tables). This module
reads one table into plain records; :mod:`edukg.loaders.cordis_loader` joins
them and writes triples.

>>> table_kind({"rcn", "programme_part"})
'programme-parts'
>>> repair_mojibake("J√∂ckel")
'Jöckel'
>>> parse_amount("230000,00"), parse_amount(" 7.66444e+06")
(Decimal('230000.00'), Decimal('7.66444E+6'))
>>> cordis_country_code("EL"), cordis_country_code("UK"), cordis_country_code("XK")
('GR', 'GB', 'XK')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from edukg.loaders.base import FileContent, ProblemCollector
from edukg.loaders.csv_text import CsvText, decode_text, read_csv_text
from edukg.loaders.headers import is_merge_marker, split_header
from edukg.loaders.tables import canonical_column
from edukg.ontology.countries import country_code

TABLE_COLUMNS: dict[str, frozenset[str]] = {
    "participations": frozenset({"rcn", "role", "pic", "country"}),
    "organisation-names": frozenset({"orgid", "name", "activitytype"}),
    "unique-organisations": frozenset({"new_org_id", "name", "name_normal"}),
    "projects": frozenset({"rcn", "acronym", "programme"}),
    "programme-parts": frozenset({"rcn", "programme_part"}),
    "fp7-organisations": frozenset({"new_org_id", "organizationurl", "country"}),
    "project-links": frozenset({"projectrcn", "new_org_id"}),
}
"""Each CORDIS table and the columns its header must hold (canonical spelling)."""

LINK_TABLES = ("participations", "project-links")
"""Tables that say who took part in which project: each becomes a source of triples."""

NAME_TABLES = ("organisation-names", "unique-organisations", "fp7-organisations")
"""Tables of organisation names, in the order a name is looked for."""

MISSING = {"", "NA", "N/A", "NULL"}
PIC = re.compile(r"\d{9}")
MOJIBAKE_MARKS = ("√", "¬", "Ã")


@dataclass
class Organisation:
    """An organisation as one table describes it."""

    key: str
    file: str
    line: int
    names: list[str] = field(default_factory=list)
    short_names: list[str] = field(default_factory=list)
    activity: str = ""
    country: str | None = None
    city: str = ""


@dataclass
class Project:
    """A project as one table describes it; ``members`` maps organisation key to role."""

    rcn: str
    file: str
    line: int
    acronym: str = ""
    programme: str = ""
    topics: str = ""
    total_cost: Decimal | None = None
    start: ox.Literal | None = None
    end: ox.Literal | None = None
    members: dict[str, str] = field(default_factory=dict)


def table_kind(columns: set[str] | frozenset[str]) -> str | None:
    """Which CORDIS table a header (canonical column names) belongs to, or ``None``."""
    return next((kind for kind, needed in TABLE_COLUMNS.items() if needed <= columns), None)


def is_missing(value: str) -> bool:
    """True for an empty cell or one of the ways CORDIS writes "no value".

    >>> is_missing(" na "), is_missing("0")
    (True, False)
    """
    return value.strip().upper() in MISSING


def repair_mojibake(text: str) -> str | None:
    """The text with Mac-Roman mojibake undone (UTF-8 bytes read as Mac-Roman), or ``None``.

    ``None`` means the text shows no sign of it or does not decode back cleanly.
    """
    if not any(mark in text for mark in MOJIBAKE_MARKS):
        return None
    try:
        repaired = text.encode("mac_roman").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return repaired if repaired != text else None


def parse_amount(text: str) -> Decimal | None:
    """A money amount written with a decimal comma, padded, or in scientific notation."""
    cleaned = text.strip().replace(" ", "")
    if is_missing(cleaned):
        return None
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def cordis_country_code(value: str) -> str | None:
    """The alpha-2 code of a CORDIS country (``UK`` is GB, ``EL`` GR), or ``None``."""
    return country_code(value) if value.strip() else None


def read_table_text(content: FileContent, problems: ProblemCollector) -> CsvText | None:
    """Split a CORDIS table into rows, resolving or reporting merge-conflict markers.

    A conflict whose sides hold only header lines (as in ``fp7orgs.csv``) is
    read tolerantly: the markers and the first side are blanked, the second
    side's header is used, and a warning names the lines. A conflict around
    data rows is an error naming its lines. Line numbers never shift.
    """
    text, _ = decode_text(content.data)
    lines = text.split("\n")
    markers = [number for number, line in enumerate(lines, 1) if is_merge_marker(line)]
    if markers:
        resolved = _resolve_header_conflict(lines, markers, problems)
        if resolved is None:
            return None
        text = "\n".join(resolved)
        content = FileContent(text.encode("utf-8"), content.sha256)
    return read_csv_text(content, problems)


def _resolve_header_conflict(
    lines: list[str], markers: list[int], problems: ProblemCollector
) -> list[str] | None:
    numbers = ", ".join(str(n) for n in markers)
    kinds = [lines[n - 1][:7] for n in markers]
    inside = range(markers[0] + 1, markers[-1]) if markers else range(0)
    sides = [n for n in inside if n not in markers and lines[n - 1].strip()]
    headers_only = (
        kinds == ["<<<<<<<", "=======", ">>>>>>>"]
        and len(sides) == 2
        and all(_is_header(lines[n - 1]) for n in sides)
    )
    if not headers_only:
        problems.error(
            f"unresolved merge-conflict markers on lines {numbers}",
            line=markers[0],
            value=lines[markers[0] - 1],
            hint="resolve the conflict (keep one side, delete the <<<<<<< ======= >>>>>>> lines) "
            "and load the file again",
        )
        return None
    kept = sides[1]
    ignored = ", ".join(str(n) for n in sorted(markers + sides[:1]))
    problems.warning(
        f"merge-conflict markers on lines {numbers} around two header lines: read with the "
        f"header on line {kept}, lines {ignored} ignored",
        line=markers[0],
        value=lines[kept - 1],
        hint="the two headers name the same columns; resolve the conflict at the source",
    )
    return ["" if n in markers or n == sides[0] else line for n, line in enumerate(lines, 1)]


def _is_header(line: str) -> bool:
    return table_kind({canonical_column(cell) for cell in split_header(line)}) is not None


def rows_of(parsed: CsvText, wanted: Iterable[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row as (line, canonical column -> stripped value), for the ``wanted`` columns
    the table has (a large table has many columns nobody reads)."""
    columns = [canonical_column(h) for h in parsed.header]
    positions = [(c, columns.index(c)) for c in dict.fromkeys(wanted) if c in columns]
    for line, values in parsed.rows:
        width = len(values)
        yield line, {c: values[i].strip() for c, i in positions if i < width}


def written_columns(parsed: CsvText) -> dict[str, str]:
    """Canonical column -> the header cell as written, for problem locations."""
    return {canonical_column(h): h for h in parsed.header}
