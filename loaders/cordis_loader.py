"""Read a CORDIS (EU research and innovation) project participation table.

Each row says that an organisation (``pic``) took part in a project (``rcn``)
with a role (coordinator, participant, partner). Organisations become
institutions with their country and activity type (``HES``, higher or
secondary education, becomes a university; other types ``other``, the raw
type kept in a ``skos:note``); projects become multilateral agreements whose
parties are their participants, each with its role.

CORDIS quirks handled with warnings: ``UK`` and ``EL`` are read as GB and GR;
``NA`` is Namibia's code but also how these tables write a missing value, so it
is read as Namibia only for third-country rows (group ``tc``) and as a missing
country otherwise; organisations without a name (the participation table has
none, the joined subset lacks some) get a placeholder label; projects with
fewer than two organisations are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from edukg.graph.iris import mint
from edukg.graph.sources import SourceData
from edukg.loaders import terms as t
from edukg.loaders.base import LoadContext, ProblemCollector, read_bytes
from edukg.loaders.csv_loader import read_csv_text
from edukg.loaders.register import write_parties
from edukg.loaders.tables import canonical_column
from edukg.loaders.values import ValueProblem, parse_date
from edukg.ontology.countries import closest_countries, country_code

LOADER_NAME = "cordis"
REQUIRED_COLUMNS = ("rcn", "role", "pic", "country")
INSTITUTION_KINDS = {"HES": "university"}
ACTIVITY_TYPES = {
    "HES": "higher or secondary education establishment",
    "REC": "research organisation",
    "PRC": "private for-profit entity",
    "PUB": "public body",
    "OTH": "other",
}
CONCEPTS = "https://w3id.org/edukg/concept/"
RESEARCH_AREA = ox.NamedNode(CONCEPTS + "cooperation-area/research")
AGREEMENT_KIND = ox.NamedNode(CONCEPTS + "agreement-kind/agreement")
ROLE_RANK = {"coordinator": 0, "participant": 1, "partner": 2}
MISSING = {"", "NA", "N/A", "NULL"}


@dataclass
class Organisation:
    pic: str
    names: list[str] = field(default_factory=list)
    short_names: list[str] = field(default_factory=list)
    activity: str = ""
    country: str | None = None
    line: int = 0


@dataclass
class Project:
    rcn: str
    line: int
    start: ox.Literal | None = None
    end: ox.Literal | None = None
    members: dict[str, str] = field(default_factory=dict)
    """PIC -> role, in order of appearance."""


def read_cordis(path: Path, context: LoadContext) -> SourceData | None:
    """Read a CORDIS participation CSV (plain, or with ``name``/``shortName`` joined)."""
    problems = ProblemCollector(str(path), context)
    content = read_bytes(path, problems)
    if content is None:
        return None
    parsed = read_csv_text(content, problems)
    if parsed is None:
        return None
    columns = [canonical_column(h) for h in parsed.header]
    written = dict(zip(columns, parsed.header, strict=True))
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        problems.error(
            f"not a CORDIS participation table: no {', '.join(missing)} column(s)",
            line=1,
            hint="a CORDIS participation table has the columns rcn, role, pic, type, country",
        )
        return None
    has_names = "name" in columns
    organisations: dict[str, Organisation] = {}
    projects: dict[str, Project] = {}
    for line, values in parsed.rows:
        row = dict(zip(columns, (v.strip() for v in values), strict=False))

        def place(column: str, line: int = line) -> dict[str, object]:
            return {"line": line, "column": written.get(column, column)}

        pic, rcn = row.get("pic", ""), row.get("rcn", "")
        if pic.upper() in MISSING or rcn.upper() in MISSING:
            column = "pic" if pic.upper() in MISSING else "rcn"
            problems.warning(
                "row left out: it has no organisation (pic) or project (rcn)",
                **place(column),
                value=row.get(column, ""),
            )
            continue
        organisation = organisations.get(pic)
        if organisation is None:
            organisation = organisations[pic] = Organisation(pic, line=line)
            organisation.activity = row.get("type", "")
            organisation.country = _country(row, problems, place)
        name = row.get("name", "")
        if name and name.upper() not in MISSING and name not in organisation.names:
            organisation.names.append(name)
            if "√" in name:
                problems.warning(
                    "the name looks garbled (Mac-Roman mojibake, e.g. √∂ for ö)",
                    **place("name"),
                    value=name,
                    hint="the name is loaded as written; correct it at the source",
                )
        short = row.get("shortname", "")
        if short and short.upper() not in MISSING and short not in organisation.short_names:
            organisation.short_names.append(short)
        project = projects.get(rcn)
        if project is None:
            project = projects[rcn] = Project(rcn, line)
            for column in ("start_date", "end_date"):
                value = row.get(column, "")
                if value.upper() in MISSING:
                    continue
                try:
                    date = parse_date(value)
                except ValueProblem as problem:
                    problems.error(problem.message, **place(column), value=value, hint=problem.hint)
                    continue
                if column == "start_date":
                    project.start = date
                else:
                    project.end = date
        role = row.get("role", "").lower()
        if role not in ROLE_RANK:
            problems.warning(
                "unknown role, read as participant",
                **place("role"),
                value=role,
                hint="CORDIS roles are coordinator, participant and partner",
            )
            role = "participant"
        previous = project.members.get(pic)
        if previous is None or ROLE_RANK[role] < ROLE_RANK[previous]:
            project.members[pic] = role
    if problems.has_errors:
        return None
    triples: list[ox.Triple] = []
    used: set[str] = set()
    for project in projects.values():
        if len(project.members) < 2:
            problems.warning(
                "project left out: it has fewer than two organisations, so no cooperation",
                line=project.line,
                column=written["rcn"],
                value=project.rcn,
            )
            continue
        agreement = ox.NamedNode(mint(context.base_iri, "agreement", f"cordis-{project.rcn}"))
        add = triples.append
        add(ox.Triple(agreement, t.A, t.AGREEMENT))
        add(ox.Triple(agreement, t.IDENTIFIER, ox.Literal(f"cordis-{project.rcn}")))
        add(
            ox.Triple(
                agreement,
                t.PREF_LABEL,
                ox.Literal(f"CORDIS project rcn {project.rcn}", language="en"),
            )
        )
        add(ox.Triple(agreement, t.KIND, AGREEMENT_KIND))
        add(ox.Triple(agreement, t.AREA, RESEARCH_AREA))
        if project.start is not None:
            add(ox.Triple(agreement, t.VALID_FROM, project.start))
        if project.end is not None:
            add(ox.Triple(agreement, t.VALID_THROUGH, project.end))
        add(
            ox.Triple(
                agreement,
                t.SOURCE,
                ox.NamedNode(f"https://cordis.europa.eu/project/rcn/{project.rcn}"),
            )
        )
        write_parties(
            triples,
            agreement,
            [
                (_institution_iri(context, pic), t.ROLES[role])
                for pic, role in project.members.items()
            ],
        )
        used.update(project.members)
    for pic in sorted(used, key=lambda p: organisations[p].line):
        organisation = organisations[pic]
        iri = _institution_iri(context, pic)
        add = triples.append
        add(ox.Triple(iri, t.A, t.INSTITUTION))
        add(ox.Triple(iri, t.A, t.EDUCATIONAL_ORGANIZATION))
        add(ox.Triple(iri, t.IDENTIFIER, ox.Literal(pic)))
        if organisation.names:
            add(ox.Triple(iri, t.PREF_LABEL, ox.Literal(organisation.names[0])))
            for other in organisation.names[1:]:
                add(ox.Triple(iri, t.ALT_LABEL, ox.Literal(other)))
        else:
            add(
                ox.Triple(
                    iri, t.PREF_LABEL, ox.Literal(f"CORDIS organisation PIC {pic}", language="en")
                )
            )
            if has_names:
                problems.warning(
                    "the organisation has no name; it is labelled with its PIC",
                    line=organisation.line,
                    column=written.get("name", "name"),
                    value=pic,
                    hint="names can be joined from a CORDIS organisations table by PIC",
                )
        for short in organisation.short_names:
            add(ox.Triple(iri, t.ALT_LABEL, ox.Literal(short)))
        kind = INSTITUTION_KINDS.get(organisation.activity, "other")
        add(ox.Triple(iri, t.KIND, ox.NamedNode(f"{CONCEPTS}institution-kind/{kind}")))
        if organisation.activity:
            meaning = ACTIVITY_TYPES.get(organisation.activity, "unknown type")
            add(
                ox.Triple(
                    iri,
                    t.NOTE,
                    ox.Literal(
                        f"CORDIS activity type: {organisation.activity} ({meaning})", language="en"
                    ),
                )
            )
        if organisation.country is not None:
            add(ox.Triple(iri, t.COUNTRY, t.country_node(organisation.country)))
    if not has_names and used:
        problems.warning(
            f"the table has no organisation names: {len(used)} institutions are labelled by PIC",
            line=1,
            hint="use a table with a name column (e.g. one joined with CORDIS "
            "organisation names) for readable labels",
        )
    return SourceData(
        name=context.source_name,
        triples=triples,
        sha256=content.sha256,
        loader=LOADER_NAME,
        file_name=path.name,
        warnings=problems.warnings,
    )


def _institution_iri(context: LoadContext, pic: str) -> ox.NamedNode:
    return ox.NamedNode(mint(context.base_iri, "institution", f"cordis-pic-{pic}"))


def _country(row: dict[str, str], problems: ProblemCollector, place) -> str | None:  # type: ignore[no-untyped-def]
    value = row.get("country", "")
    if value.upper() == "NA":
        if row.get("group", "").lower() == "tc":
            problems.warning(
                "country NA read as Namibia (a third country in this row); CORDIS also writes "
                "missing values as NA",
                **place("country"),
                value=value,
                hint="check the organisation; write NAM to make Namibia unambiguous",
            )
            return "NA"
        problems.warning(
            "country missing (NA); the institution is loaded without a country",
            **place("country"),
            value=value,
            hint="add the country, or write NAM if the organisation is in Namibia",
        )
        return None
    if not value:
        problems.warning(
            "country missing; the institution is loaded without a country",
            **place("country"),
            hint="add the organisation's country",
        )
        return None
    code = country_code(value)
    if code is None:
        close = closest_countries(value)
        problems.warning(
            "unknown country; the institution is loaded without a country",
            **place("country"),
            value=value,
            hint=(
                f"did you mean {' or '.join(repr(c) for c in close)}?"
                if close
                else "write an ISO 3166-1 code"
            ),
        )
    return code
