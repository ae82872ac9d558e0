"""Load CORDIS (EU research and innovation) tables: projects and who took part in them.

The tables of one ``edukg load`` are read together, each recognised by its
header (see :data:`~edukg.loaders.cordis_tables.TABLE_COLUMNS`):

- *link tables* say which organisation took part in which project: the
  participation table (``rcn, role, pic, type, country, start_date, ...``) and
  the network tables' project-organisation links (``projectRcn, new_org_id``).
  Each becomes a source: organisations become institutions, projects
  multilateral agreements whose parties are their participants;
- *reference tables* name organisations (``odfest2017_org_nodes.csv`` by
  ``orgId``, ``h2020_unique_org.csv`` and ``fp7orgs.csv`` by ``new_org_id``) and
  describe projects (``h2020_projects.csv``: acronym, programme, topics, dates;
  ``programme_parts.csv``). They are read in the first pass and joined into the
  link tables of the same load; their own sources hold no statements.

Quirks (see docs/cordis.md): ``UK``/``EL`` read as GB/GR; ``NA`` is Namibia in
third-country rows and a missing value elsewhere; Mac-Roman mojibake in names
is undone; decimal commas and scientific notation are read; merge-conflict
markers around the two header lines of ``fp7orgs.csv`` are read tolerantly.
Organisations named in no table keep the label ``CORDIS organisation PIC …``
and one warning counts them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from edukg.graph.iris import mint
from edukg.graph.sources import SourceData
from edukg.loaders import terms as t
from edukg.loaders.base import FileContent, LoadContext, ProblemCollector, read_bytes
from edukg.loaders.cordis_tables import (
    LINK_TABLES,
    NAME_TABLES,
    PIC,
    Organisation,
    Project,
    cordis_country_code,
    is_missing,
    parse_amount,
    read_table_text,
    repair_mojibake,
    rows_of,
    table_kind,
    written_columns,
)
from edukg.loaders.csv_text import CsvText
from edukg.loaders.headers import header_columns
from edukg.loaders.register import write_parties
from edukg.loaders.values import ValueProblem, parse_date
from edukg.ontology.countries import closest_countries

LOADER_NAME = "cordis"
CONCEPTS = "https://w3id.org/edukg/concept/"
INSTITUTION_KINDS = {
    "HES": "higher_or_secondary_education",
    "REC": "research_organisation",
    "PUB": "public_body",
    "PRC": "company",
    "OTH": "other",
}
"""CORDIS activity type -> institution kind; only HES is an educational organisation."""
PROGRAMME_PARTS = {
    "ERC": "h2020_erc", "FET": "h2020_fet", "MSCA": "h2020_msca", "RI": "h2020_ri",
    "LEIT": "h2020_leit", "ARF": "h2020_arf", "Innovation in SMEs": "h2020_sme",
    "SC1": "h2020_sc1", "SC2": "h2020_sc2", "SC3": "h2020_sc3", "SC4": "h2020_sc4",
    "SC5": "h2020_sc5", "SC6": "h2020_sc6", "SC7": "h2020_sc7", "SEWP": "h2020_sewp",
    "SWAFS": "h2020_swafs", "Euratom": "h2020_euratom",
}  # fmt: skip
"""CORDIS programme part -> agreement kind (``akind:``)."""
PROGRAMME_CODES = {
    "H2020-EU.1.1": "ERC", "H2020-EU.1.2": "FET", "H2020-EU.1.3": "MSCA", "H2020-EU.1.4": "RI",
    "H2020-EU.2.1": "LEIT", "H2020-EU.2.2": "ARF", "H2020-EU.2.3": "Innovation in SMEs",
    "H2020-EU.3.1": "SC1", "H2020-EU.3.2": "SC2", "H2020-EU.3.3": "SC3", "H2020-EU.3.4": "SC4",
    "H2020-EU.3.5": "SC5", "H2020-EU.3.6": "SC6", "H2020-EU.3.7": "SC7", "H2020-EU.4": "SEWP",
    "H2020-EU.5": "SWAFS", "H2020-Euratom": "Euratom",
}  # fmt: skip
"""Horizon 2020 programme codes (``h2020_projects.csv``) -> programme part, by prefix."""
RESEARCH_AREA = ox.NamedNode(CONCEPTS + "cooperation-area/research")
RESEARCH_PROJECT = ox.NamedNode(CONCEPTS + "agreement-kind/research_project")
ROLE_RANK = {"coordinator": 0, "participant": 1, "partner": 2, "party": 3}
PLACEHOLDER = "CORDIS organisation PIC {key}"
SHOWN_EXAMPLES = 5
STAGE_EVERY = 100_000
"""Lines held before they are joined into one N-Triples chunk (see :class:`Staging`)."""


@dataclass
class CordisLookups:
    """What the reference tables of one load say, for the link tables to join."""

    names: dict[str, dict[str, Organisation]] = field(default_factory=dict)
    """Name table kind -> organisation key -> organisation."""
    projects: dict[str, Project] = field(default_factory=dict)
    parts: dict[str, list[str]] = field(default_factory=dict)
    link_tables: int = 0


AddTriple = Callable[[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal], None]


@dataclass
class Staging:
    r"""Triples built so far, kept as N-Triples lines and chunks (terms print as N-Triples:
    half the cost of Python triples serialised by Oxigraph; a million of those take a gigabyte).

    >>> staging = Staging()
    >>> staging.add(ox.NamedNode("http://a"), ox.NamedNode("http://b"), ox.Literal("c"))
    >>> staging.taken()
    [b'<http://a> <http://b> "c" .\n']
    """

    lines: list[str] = field(default_factory=list)
    chunks: list[bytes] = field(default_factory=list)

    def add(
        self,
        subject: ox.NamedNode | str,
        predicate: ox.NamedNode | str,
        obj: ox.NamedNode | ox.Literal | str,
    ) -> None:
        """Add one triple (terms, or their N-Triples text)."""
        self.lines.append(f"{subject} {predicate} {obj} .\n")

    def flush(self, *, at_least: int = 0) -> None:
        """Keep the lines held as one chunk once there are ``at_least`` of them."""
        if self.lines and len(self.lines) >= at_least:
            self.chunks.append("".join(self.lines).encode("utf-8"))
            self.lines.clear()

    def taken(self) -> list[bytes]:
        """Every triple as N-Triples chunks, handed over (the staging is empty after)."""
        self.flush()
        chunks, self.chunks = self.chunks, []
        return chunks


@dataclass
class LinkTable:
    """What one link table says, before it becomes triples."""

    organisations: dict[str, Organisation] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)
    left_out: set[str] = field(default_factory=set)
    """Organisations left out of every project (no usable country)."""


# ---------------------------------------------------------------- entry points


def scan_cordis(path: Path, context: LoadContext) -> None:
    """First pass: read a reference table into the load's lookups; count link tables."""
    lookups = lookups_of(context)
    kind = table_kind(header_columns(path))
    if kind in LINK_TABLES:
        lookups.link_tables += 1
        return
    if kind is None:
        return
    problems = ProblemCollector(str(path), context)
    opened = _open_table(path, problems)
    if opened is None:
        return
    parsed = opened[1]
    if kind in NAME_TABLES:
        lookups.names[kind] = read_name_table(str(path), parsed, kind, problems)
    elif kind == "projects":
        lookups.projects.update(read_project_table(str(path), parsed, problems))
    elif kind == "programme-parts":
        for _, row in rows_of(parsed, ("rcn", "programme_part")):
            if not is_missing(row.get("programme_part", "")):
                lookups.parts.setdefault(row["rcn"], []).append(row["programme_part"])


def read_cordis(path: Path, context: LoadContext) -> SourceData | None:
    """Read one CORDIS table: a link table becomes triples; a reference table, read in the
    first pass, becomes a source without statements."""
    problems = ProblemCollector(str(path), context)
    kind = table_kind(header_columns(path))
    if kind is not None and kind not in LINK_TABLES:
        return _reference_source(path, kind, context, problems)
    opened = _open_table(path, problems)
    if opened is None:
        return None
    content, parsed = opened
    written = written_columns(parsed)
    if kind is None:
        problems.error(
            "not a CORDIS table: its header matches none of the CORDIS tables",
            line=1,
            value=", ".join(parsed.header),
            hint="a CORDIS participation table has the columns rcn, role, pic, type, country",
        )
        return None
    table = (
        read_participations(str(path), parsed, problems)
        if kind == "participations"
        else read_project_links(str(path), parsed, problems)
    )
    if problems.has_errors:
        return None
    join_lookups(table, lookups_of(context))
    staging = Staging()
    project_triples(table, context, problems, written, staging)
    organisation_triples(table, context, problems, staging)
    data = _source(path, context, content, [], problems)
    data.chunks = staging.taken()
    return data


def _reference_source(
    path: Path, kind: str, context: LoadContext, problems: ProblemCollector
) -> SourceData | None:
    """The (empty) source of a reference table; its problems were found in the first pass."""
    content = read_bytes(path, problems)
    if content is None or problems.has_errors:
        return None
    if not lookups_of(context).link_tables:
        problems.warning(
            f"a CORDIS {kind} table only completes the participation tables loaded with "
            "it: nothing to join in this load",
            line=1,
            hint="load it in the same edukg load as h2020_participations.csv (or the edges)",
        )
    data = _source(path, context, content, [], problems)
    data.completes_others = True
    return data


def lookups_of(context: LoadContext) -> CordisLookups:
    """The CORDIS lookups shared by the files of this load (kept on its session)."""
    session = context.session
    if session is None:
        context.session = session = _Session()
    if getattr(session, "cordis", None) is None:
        session.cordis = CordisLookups()
    return session.cordis


class _Session:
    """Stands in for a load session when a loader is called on its own."""

    cordis: CordisLookups | None = None


def _open_table(path: Path, problems: ProblemCollector) -> tuple[FileContent, CsvText] | None:
    content = read_bytes(path, problems)
    if content is None:
        return None
    parsed = read_table_text(content, problems)
    return None if parsed is None else (content, parsed)


def _source(
    path: Path,
    context: LoadContext,
    content: FileContent,
    triples: list[ox.Triple],
    problems: ProblemCollector,
) -> SourceData:
    return SourceData(
        name=context.source_name,
        triples=triples,
        sha256=content.sha256,
        loader=LOADER_NAME,
        file_name=path.name,
        warnings=problems.warnings,
    )


# ---------------------------------------------------------------- rows


def read_participations(file: str, parsed: CsvText, problems: ProblemCollector) -> LinkTable:
    """Organisations and projects of a participation table (with or without joined names)."""
    table = LinkTable()
    written = written_columns(parsed)
    repaired: list[tuple[int, str]] = []
    wanted = ("rcn", "role", "pic", "type", "country", "group", "start_date", "end_date")
    for line, row in rows_of(parsed, (*wanted, "name", "shortname")):
        pic, rcn = row.get("pic", ""), row.get("rcn", "")
        if is_missing(pic) or is_missing(rcn):
            column = "pic" if is_missing(pic) else "rcn"
            problems.warning(
                "row left out: it has no organisation (pic) or project (rcn)",
                line=line,
                column=written.get(column, column),
                value=row.get(column, ""),
            )
            continue
        organisation = table.organisations.get(pic)
        if organisation is None:
            organisation = table.organisations[pic] = Organisation(pic, file, line)
            organisation.activity = row.get("type", "")
            organisation.country = _row_country(row, line, written, problems)
            if organisation.country is None:
                table.left_out.add(pic)
        _add_name(organisation, row.get("name", ""), line, repaired)
        _add_short_name(organisation, row.get("shortname", ""))
        project = table.projects.get(rcn)
        if project is None:
            project = table.projects[rcn] = Project(rcn, file, line)
            project.start = _date(row, "start_date", line, written, problems)
            project.end = _date(row, "end_date", line, written, problems)
        _add_member(project, pic, _role(row.get("role", ""), line, written, problems))
    _report_repairs(repaired, problems, column=written.get("name"))
    return table


def read_project_links(file: str, parsed: CsvText, problems: ProblemCollector) -> LinkTable:
    """Organisations and projects of a project-organisation link table (no roles, no dates)."""
    table = LinkTable()
    duplicates = 0
    for line, row in rows_of(parsed, ("new_org_id", "projectrcn")):
        key, rcn = row.get("new_org_id", ""), row.get("projectrcn", "")
        if is_missing(key) or is_missing(rcn):
            continue
        table.organisations.setdefault(key, Organisation(key, file, line))
        project = table.projects.setdefault(rcn, Project(rcn, file, line))
        duplicates += key in project.members
        _add_member(project, key, "party")
    if duplicates:
        problems.warning(
            f"{duplicates} link(s) repeat an earlier one and count once",
            line=1,
            hint="duplicate project-organisation links are harmless",
        )
    return table


def read_name_table(
    file: str, parsed: CsvText, kind: str, problems: ProblemCollector
) -> dict[str, Organisation]:
    """Organisations by key (PIC or ``new_org_id``) with names, type, country and city."""
    key_column = "orgid" if kind == "organisation-names" else "new_org_id"
    name_column = "organisationname" if "organisationname" in written_columns(parsed) else "name"
    short_column = "organisationshortname" if name_column == "organisationname" else "shortname"
    organisations: dict[str, Organisation] = {}
    repaired: list[tuple[int, str]] = []
    unreadable: list[tuple[int, str]] = []
    wanted = (key_column, name_column, short_column, "activitytype", "country", "city")
    for line, row in rows_of(parsed, wanted):
        key = row.get(key_column, "")
        if is_missing(key):
            continue
        organisation = organisations.setdefault(key, Organisation(key, file, line))
        name = row.get(name_column, "")
        if name and set(name) <= {"?", " "}:
            unreadable.append((line, name))
            name = ""
        _add_name(organisation, name, line, repaired)
        _add_short_name(organisation, row.get(short_column, ""))
        organisation.activity = organisation.activity or row.get("activitytype", "")
        if organisation.country is None and not is_missing(row.get("country", "")):
            organisation.country = cordis_country_code(row["country"])
        organisation.city = organisation.city or row.get("city", "")
    column = written_columns(parsed).get(name_column)
    _report_repairs(repaired, problems, column=column)
    if unreadable:
        problems.warning(
            f"{len(unreadable)} name(s) are only question marks (lost non-Latin letters) "
            "and are not used",
            line=unreadable[0][0],
            column=column,
            value=unreadable[0][1],
            hint="another names table may name these organisations; else they keep a placeholder",
        )
    return organisations


def read_project_table(
    file: str, parsed: CsvText, problems: ProblemCollector
) -> dict[str, Project]:
    """Projects by ``rcn`` with acronym, programme, topics, total cost and dates."""
    written = written_columns(parsed)
    projects: dict[str, Project] = {}
    wanted = ("rcn", "acronym", "programme", "topics", "totalcost", "startdate", "enddate")
    for line, row in rows_of(parsed, wanted):
        rcn = row.get("rcn", "")
        if is_missing(rcn) or rcn in projects:
            continue
        project = projects[rcn] = Project(rcn, file, line)
        project.acronym = "" if is_missing(row.get("acronym", "")) else row["acronym"]
        project.programme = row.get("programme", "")
        project.topics = row.get("topics", "")
        project.total_cost = parse_amount(row.get("totalcost", ""))
        project.start = _date(row, "startdate", line, written, problems)
        project.end = _date(row, "enddate", line, written, problems)
    return projects


def _add_name(
    organisation: Organisation, name: str, line: int, repaired: list[tuple[int, str]]
) -> None:
    if is_missing(name):
        return
    fixed = repair_mojibake(name)
    if fixed is not None:
        repaired.append((line, name))
        name = fixed
    if name not in organisation.names:
        organisation.names.append(name)


def _add_short_name(organisation: Organisation, short: str) -> None:
    if is_missing(short):
        return
    short = repair_mojibake(short) or short
    if short not in organisation.short_names and short not in organisation.names:
        organisation.short_names.append(short)


def _add_member(project: Project, key: str, role: str) -> None:
    previous = project.members.get(key)
    if previous is None or ROLE_RANK[role] < ROLE_RANK[previous]:
        project.members[key] = role


def _report_repairs(
    repaired: list[tuple[int, str]], problems: ProblemCollector, *, column: str | None
) -> None:
    if repaired:
        problems.warning(
            f"{len(repaired)} name(s) were Mac-Roman mojibake (e.g. √∂ for ö) and were repaired",
            line=repaired[0][0],
            column=column,
            value=repaired[0][1],
            hint="the repaired names are loaded; correct them at the source",
        )


def _role(value: str, line: int, written: dict[str, str], problems: ProblemCollector) -> str:
    role = value.lower()
    if role in ROLE_RANK:
        return role
    problems.warning(
        "unknown role, read as participant",
        line=line,
        column=written.get("role", "role"),
        value=value,
        hint="CORDIS roles are coordinator, participant and partner",
    )
    return "participant"


def _date(
    row: dict[str, str], column: str, line: int, written: dict[str, str], problems: ProblemCollector
) -> ox.Literal | None:
    value = row.get(column, "")
    if is_missing(value):
        return None
    try:
        return parse_date(value)
    except ValueProblem as problem:
        problems.error(
            problem.message,
            line=line,
            column=written.get(column, column),
            value=value,
            hint=problem.hint,
        )
        return None


def _row_country(
    row: dict[str, str], line: int, written: dict[str, str], problems: ProblemCollector
) -> str | None:
    """The country of a participation row; ``None`` (with a warning) leaves the row's
    organisation out, so that what loads also passes ``edukg validate``."""
    value = row.get("country", "")
    place = {"line": line, "column": written.get("country", "country"), "value": value}
    if value.upper() == "NA":
        if row.get("group", "").lower() == "tc":
            problems.warning(
                "country NA read as Namibia (a third country in this row); CORDIS also writes "
                "missing values as NA",
                **place,
                hint="check the organisation; write NAM to make Namibia unambiguous",
            )
            return "NA"
        problems.warning(
            "country missing (NA); the organisation is left out of its projects unless a "
            "names table of this load gives its country",
            **place,
            hint="add the country, or write NAM if the organisation is in Namibia",
        )
        return None
    if not value:
        problems.warning(
            "country missing; the organisation is left out of its projects",
            **place,
            hint="add the organisation's country",
        )
        return None
    code = cordis_country_code(value)
    if code is None:
        close = closest_countries(value)
        problems.warning(
            "unknown country; the organisation is left out of its projects",
            **place,
            hint=(
                f"did you mean {' or '.join(repr(c) for c in close)}?"
                if close
                else "write an ISO 3166-1 code"
            ),
        )
    return code


# ---------------------------------------------------------------- joins


def join_lookups(table: LinkTable, lookups: CordisLookups) -> None:
    """Complete the table's organisations and projects from the load's reference tables."""
    for key, organisation in table.organisations.items():
        for found in _named(key, lookups):
            for name in found.names:
                if name not in organisation.names:
                    organisation.names.append(name)
            for short in found.short_names:
                if short not in organisation.short_names and short not in organisation.names:
                    organisation.short_names.append(short)
            organisation.activity = organisation.activity or found.activity
            organisation.country = organisation.country or found.country
            organisation.city = organisation.city or found.city
        if organisation.country is None:
            table.left_out.add(key)
        else:
            table.left_out.discard(key)
    for rcn, project in table.projects.items():
        described = lookups.projects.get(rcn)
        if described is not None:
            project.acronym = described.acronym
            project.programme = described.programme
            project.topics = described.topics
            project.total_cost = described.total_cost
            project.start = project.start or described.start
            project.end = project.end or described.end


def _named(key: str, lookups: CordisLookups) -> Iterable[Organisation]:
    for kind in NAME_TABLES:
        found = lookups.names.get(kind, {}).get(key)
        if found is not None:
            yield found


def programme_parts(project: Project, lookups: CordisLookups) -> list[str]:
    """The programme parts of a project: from ``programme_parts.csv``, else its programme code.

    >>> programme_parts(Project("1", "f", 2, programme="H2020-EU.3.2.;H2020-EU.2.1.1."),
    ...                 CordisLookups())
    ['SC2', 'LEIT']
    """
    parts = list(lookups.parts.get(project.rcn, []))
    if parts:
        return parts
    for code in project.programme.split(";"):
        part = next((p for c, p in PROGRAMME_CODES.items() if code.strip().startswith(c)), None)
        if part is not None and part not in parts:
            parts.append(part)
    return parts


# ---------------------------------------------------------------- triples


def project_triples(
    table: LinkTable,
    context: LoadContext,
    problems: ProblemCollector,
    written: dict[str, str],
    staging: Staging,
) -> None:
    """One multilateral agreement per project with two or more organisations."""
    lookups = lookups_of(context)
    rcn_column = written.get("rcn") or written.get("projectrcn")
    for project in table.projects.values():
        members = [(k, r) for k, r in project.members.items() if k not in table.left_out]
        if len(members) < 2:
            problems.warning(
                "project left out: it has fewer than two organisations, so no cooperation",
                line=project.line,
                column=rcn_column,
                value=project.rcn,
            )
            continue
        agreement = ox.NamedNode(mint(context.base_iri, "agreement", f"cordis-{project.rcn}"))
        _describe_project(staging.add, agreement, project, programme_parts(project, lookups))
        write_parties(
            staging.add,
            agreement,
            [(institution_iri(context, key), t.ROLES[role]) for key, role in members],
        )
        project.members = dict(members)
        staging.flush(at_least=STAGE_EVERY)


def _describe_project(
    add: AddTriple, agreement: ox.NamedNode, project: Project, parts: list[str]
) -> None:
    add(agreement, t.A, t.AGREEMENT)
    add(agreement, t.IDENTIFIER, ox.Literal(f"cordis-{project.rcn}"))
    label = (
        ox.Literal(project.acronym)
        if project.acronym
        else ox.Literal(f"CORDIS project rcn {project.rcn}", language="en")
    )
    add(agreement, t.PREF_LABEL, label)
    kind = PROGRAMME_PARTS.get(parts[0]) if parts else None
    add(
        agreement,
        t.KIND,
        ox.NamedNode(f"{CONCEPTS}agreement-kind/{kind}") if kind else RESEARCH_PROJECT,
    )
    add(agreement, t.AREA, RESEARCH_AREA)
    if project.start is not None:
        add(agreement, t.VALID_FROM, project.start)
    if project.end is not None:
        add(agreement, t.VALID_THROUGH, project.end)
    notes = [
        f"{name}: {value}"
        for name, value in (
            ("programme", project.programme),
            ("programme parts", ", ".join(parts)),
            ("topics", project.topics),
            ("total cost (EUR)", "" if project.total_cost is None else str(project.total_cost)),
        )
        if value
    ]
    if notes:
        add(agreement, t.NOTE, ox.Literal("; ".join(notes), language="en"))
    add(
        agreement, t.SOURCE, ox.NamedNode(f"https://cordis.europa.eu/project/rcn/{project.rcn}")
    )


def organisation_triples(
    table: LinkTable, context: LoadContext, problems: ProblemCollector, staging: Staging
) -> None:
    """One institution per organisation that is a party of a loaded project."""
    used = {key for project in table.projects.values() for key in project.members}
    used -= table.left_out
    unnamed: list[Organisation] = []
    for key in sorted(used, key=lambda k: (table.organisations[k].line, k)):
        organisation = table.organisations[key]
        if not organisation.names:
            unnamed.append(organisation)
        _describe_organisation(staging.add, institution_iri(context, key), organisation)
        staging.flush(at_least=STAGE_EVERY)
    if unnamed:
        problems.warning(
            f"{len(unnamed)} organisation(s) have no name in any table of this load and are "
            f"labelled '{PLACEHOLDER.format(key='…')}' (first: "
            f"{', '.join(o.key for o in unnamed[:SHOWN_EXAMPLES])})",
            line=unnamed[0].line,
            value=unnamed[0].key,
            hint="load a names table (odfest2017_org_nodes.csv, h2020_unique_org.csv) "
            "in the same edukg load",
        )


def _describe_organisation(
    add: AddTriple, iri: ox.NamedNode, organisation: Organisation
) -> None:
    add(iri, t.A, t.INSTITUTION)
    if organisation.activity == "HES":
        add(iri, t.A, t.EDUCATIONAL_ORGANIZATION)
    add(iri, t.IDENTIFIER, ox.Literal(organisation.key))
    if organisation.names:
        add(iri, t.PREF_LABEL, ox.Literal(organisation.names[0]))
        for other in organisation.names[1:]:
            add(iri, t.ALT_LABEL, ox.Literal(other))
    else:
        placeholder = PLACEHOLDER.format(key=organisation.key)
        add(iri, t.PREF_LABEL, ox.Literal(placeholder, language="en"))
    for short in organisation.short_names:
        add(iri, t.ALT_LABEL, ox.Literal(short))
        add(iri, t.SHORT_NAME, ox.Literal(short))
    kind = INSTITUTION_KINDS.get(organisation.activity)
    if kind is not None:
        add(iri, t.KIND, ox.NamedNode(f"{CONCEPTS}institution-kind/{kind}"))
    if organisation.activity:
        add(
            iri,
            t.NOTE,
            ox.Literal(f"CORDIS activity type: {organisation.activity}", language="en"),
        )
    if organisation.country is not None:
        add(iri, t.COUNTRY, t.country_node(organisation.country))
    if organisation.city and not is_missing(organisation.city):
        add(iri, t.LOCALITY, ox.Literal(organisation.city))


def institution_iri(context: LoadContext, key: str) -> ox.NamedNode:
    """The IRI of a CORDIS organisation: by PIC, or by the network tables' surrogate id."""
    return _institution_iri(context.base_iri, key)


@lru_cache(maxsize=65536)
def _institution_iri(base_iri: str, key: str) -> ox.NamedNode:
    local = f"cordis-pic-{key}" if PIC.fullmatch(key) else f"cordis-org-{key}"
    return ox.NamedNode(mint(base_iri, "institution", local))
