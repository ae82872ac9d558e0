"""Read the world universities list (``world_universities_and_domains.json``) as institutions.

Each record (``name``, ``alpha_two_code``, ``country``, ``web_pages``,
``domains``, ``state-province``) becomes a university: the country comes from
``alpha_two_code`` (the ``country`` name is only a fallback: the list writes
"Turkiye", "Swaziland", "Cape Verde"), web pages become ``schema:url``,
domains ``edukg:domain``, the state or province a region.

Names repeat in the list (the same name in two countries, or twice in one
country with other domains), so an institution's IRI is made from its
country, name and first domain: stable across releases of the list, and
distinct. Two records with the same country, name and domains are one
institution: the second is merged into the first, with a warning naming both
lines, so no row is lost unseen.

>>> looks_like_universities(b'[{"name": "BSU", "domains": ["bsu.by"], '
...     b'"web_pages": ["https://bsu.by/"], "alpha_two_code": "BY"}]')
True
>>> university_key("BY", "Belarusian State University", ["bsu.by"])
'wu-by-belarusian-state-university-bsu-by'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox

from edukg.graph.iris import mint, slug
from edukg.graph.sources import SourceData
from edukg.loaders import terms as t
from edukg.loaders.base import LoadContext, ProblemCollector
from edukg.loaders.reference import TripleBuffer, file_head, json_records, starts_like_records
from edukg.loaders.values import ValueProblem, guess_language, parse_web_address
from edukg.loaders.vocabulary import Vocabulary
from edukg.ontology.countries import closest_countries, country_code

LOADER_NAME = "universities"
RECOGNISED_BY = ("name", "domains", "web_pages", "alpha_two_code")


def looks_like_universities(head: bytes) -> bool:
    """True for the start of the world universities list."""
    return starts_like_records(head, RECOGNISED_BY)


def is_universities_file(path: Path) -> bool:
    """True if the file at ``path`` starts like the world universities list."""
    return looks_like_universities(file_head(path))


def university_key(country: str, name: str, domains: list[str]) -> str:
    """The local key of a university's IRI: country, name and first domain."""
    parts = ["wu", country.lower(), slug(name)]
    if domains:
        parts.append(slug(domains[0]))
    return "-".join(parts)


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return list(dict.fromkeys(v.strip() for v in value if isinstance(v, str) and v.strip()))


class _UniversitiesReader:
    """Turns records of the list into triples, reporting problems at each record's line."""

    def __init__(self, problems: ProblemCollector, base_iri: str) -> None:
        self.problems = problems
        self.base_iri = base_iri
        self.out = TripleBuffer()
        self.first_line: dict[str, int] = {}
        self.university = Vocabulary.from_ontology().concept("institution-kind", "university")
        self.merged = 0

    def record(self, line: int, record: dict[str, Any]) -> None:
        name = str(record.get("name") or "").strip()
        country = self.country(line, record)
        if not name:
            self.problems.error(
                "a university needs a name",
                line=line,
                column="name",
                code="universities-no-name",
            )
            return
        if country is None:
            return
        domains = [d.lower() for d in _texts(record.get("domains"))]
        key = university_key(country, name, sorted(domains))
        iri = ox.NamedNode(mint(self.base_iri, "institution", key))
        first = self.first_line.setdefault(key, line)
        add = self.out.add
        if first != line:
            self.merged += 1
            self.problems.warning(
                "the same university (name, country and domains) is listed twice; "
                "the records were merged into one institution",
                line=line,
                column="name",
                value=name,
                hint=f"it is first listed on line {first}",
                code="universities-repeated",
            )
        else:
            add(iri, t.A, t.INSTITUTION)
            add(iri, t.A, t.EDUCATIONAL_ORGANIZATION)
            language = guess_language(name)
            # Latin-script names are in many languages: only Cyrillic ones get a guessed tag.
            add(iri, t.PREF_LABEL, ox.Literal(name, language=language) if language != "en"
                else ox.Literal(name))
            add(iri, t.COUNTRY, t.country_node(country))
            if self.university is not None:
                add(iri, t.KIND, self.university)
        for domain in domains:
            add(iri, t.DOMAIN, ox.Literal(domain))
        for page in _texts(record.get("web_pages")):
            self.web_page(line, iri, page)
        region = str(record.get("state-province") or "").strip()
        if region and first == line:
            self.out.region(self.base_iri, iri, region, country)

    def country(self, line: int, record: dict[str, Any]) -> str | None:
        code_written = str(record.get("alpha_two_code") or "").strip()
        name_written = str(record.get("country") or "").strip()
        code = country_code(code_written) if len(code_written) == 2 else None
        if code is None and name_written:
            code = country_code(name_written)
        if code is None:
            close = closest_countries(name_written or code_written)
            hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
            self.problems.error(
                "unknown country",
                line=line,
                column="alpha_two_code",
                value=code_written or name_written or None,
                hint=hint + "alpha_two_code must be an ISO 3166-1 alpha-2 code such as BY",
                code="universities-unknown-country",
            )
        return code

    def web_page(self, line: int, iri: ox.NamedNode, page: str) -> None:
        try:
            address, _ = parse_web_address(page)
            node = ox.NamedNode(address)
        except (ValueProblem, ValueError):
            self.problems.warning(
                "not a web address; left out",
                line=line,
                column="web_pages",
                value=page,
                code="universities-bad-web-page",
            )
            return
        self.out.add(iri, t.URL, node)


def read_universities(path: Path, context: LoadContext) -> SourceData | None:
    """Read the world universities list (a JSON array of records) as a reference source."""
    problems = ProblemCollector(str(path), context)
    read = json_records(path, problems, what="university")
    if read is None:
        return None
    content, records = read
    reader = _UniversitiesReader(problems, context.base_iri)
    for number, (line, record) in enumerate(records, 1):
        reader.record(line, record)
        if context.progress is not None and (number % 2000 == 0 or number == len(records)):
            context.progress(f"{path.name}: universities", number, len(records))
    if problems.has_errors:
        return None
    return reader.out.source(context, content, LOADER_NAME, path, problems)
