"""CORDIS tables loaded together: names, projects, programmes, kinds, years, FP7, quirks.

The inputs are real cuts of CORDIS open data (tests/data/README.md says which rows).
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from edukg import queries
from edukg.core.errors import InputError
from edukg.graph.validate import validate
from edukg.loaders import HEADERS, load_files, loader_name_by_header
from edukg.loaders.cordis_tables import TABLE_COLUMNS
from tests.loaders.conftest import DATA

CORDIS = DATA / "cordis"
PARTICIPATIONS = CORDIS / "h2020_participations-cut.csv"
H2020_TABLES = [
    PARTICIPATIONS,
    CORDIS / "odfest2017_org_nodes-cut.csv",
    CORDIS / "h2020_unique_org-cut.csv",
    CORDIS / "h2020_projects-cut.csv",
    CORDIS / "programme_parts-cut.csv",
]
ISO = {"UK": "GB", "EL": "GR"}


def raw_rows() -> list[dict[str, str]]:
    with PARTICIPATIONS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def label_of(kg, pic: str) -> str:  # type: ignore[no-untyped-def]
    [row] = kg.select(
        f'SELECT ?l WHERE {{ ?i a edukg:Institution ; dcterms:identifier "{pic}" ; '
        "skos:prefLabel ?l }"
    )
    return str(row["l"].value)


@pytest.fixture
def cordis_kg(kg):  # type: ignore[no-untyped-def]
    result = load_files(kg, H2020_TABLES)
    kg.load_result = result
    return kg


def test_the_name_and_project_tables_are_told_apart_as_completing_the_others(
    cordis_kg,  # type: ignore[no-untyped-def]
) -> None:
    result = cordis_kg.load_result
    assert result.completing == {path.name for path in H2020_TABLES[1:]}
    completing = [c.name for c in result.changes if result.completes_others(c)]
    assert sorted(completing) == sorted(path.name for path in H2020_TABLES[1:])
    (participations,) = [c for c in result.changes if c.name == PARTICIPATIONS.name]
    assert participations.total > 0 and not result.completes_others(participations)


def test_every_cordis_table_is_recognised_by_its_header() -> None:
    tables = {
        "h2020_participations-cut.csv": "participations",
        "odfest2017_org_nodes-cut.csv": "organisation-names",
        "h2020_unique_org-cut.csv": "unique-organisations",
        "h2020_projects-cut.csv": "projects",
        "programme_parts-cut.csv": "programme-parts",
        "fp7orgs-cut.csv": "fp7-organisations",
        "fp7edges-cut.csv": "project-links",
    }
    for name in tables:
        assert loader_name_by_header(CORDIS / name) == "cordis", name
    # The registry's signatures are the CORDIS tables' own.
    assert {columns for columns, name in HEADERS if name == "cordis"} == set(
        TABLE_COLUMNS.values()
    )


def test_names_come_from_the_name_tables(cordis_kg) -> None:  # type: ignore[no-untyped-def]
    assert label_of(cordis_kg, "999505946") == "BELARUSIAN STATE UNIVERSITY"
    # EPFL is only in h2020_unique_org.csv (tab-separated, CRLF), not in the ODFest table.
    assert label_of(cordis_kg, "999973971") == "ECOLE POLYTECHNIQUE FEDERALE DE LAUSANNE"
    # Mac-Roman mojibake is undone: UNIVERSIT√ÑT -> UNIVERSITÄT.
    assert label_of(cordis_kg, "999858056") == "ERNST-MORITZ-ARNDT-UNIVERSITÄT GREIFSWALD"
    assert label_of(cordis_kg, "962426435") == "CORDIS organisation PIC 962426435"
    odfest = {r["orgId"] for r in csv.DictReader((CORDIS / "odfest2017_org_nodes-cut.csv").open())}
    unique = {
        r["new_org_id"]
        for r in csv.DictReader((CORDIS / "h2020_unique_org-cut.csv").open(), delimiter="\t")
    }
    unnamed = {r["pic"] for r in raw_rows()} - odfest - unique
    [warning] = [w for w in cordis_kg.load_result.warnings if "no name" in w.message]
    assert warning.message.startswith(f"{len(unnamed)} organisation(s) have no name")
    placeholders = cordis_kg.select(
        "SELECT ?i WHERE { ?i skos:prefLabel ?l FILTER(STRSTARTS(?l, 'CORDIS organisation PIC')) }"
    )
    assert len(placeholders) == len(unnamed)


def test_partner_countries_of_belarus_match_a_count_over_the_raw_rows(cordis_kg) -> None:  # type: ignore[no-untyped-def]
    countries: dict[str, set[str]] = defaultdict(set)
    for row in raw_rows():
        countries[row["rcn"]].add(ISO.get(row["country"], row["country"]))
    expected = Counter(
        country for found in countries.values() if "BY" in found for country in found - {"BY"}
    )
    rows = queries.rows(cordis_kg, "partner-countries", country="BY")
    assert {row["country"]: row["agreements"] for row in rows} == dict(expected)
    assert "BY" not in {row["country"] for row in rows}


def test_cooperation_by_year_counts_projects_by_their_start_year(cordis_kg) -> None:  # type: ignore[no-untyped-def]
    starts = {row["rcn"]: int(row["start_date"][:4]) for row in raw_rows()}
    sizes = Counter(row["rcn"] for row in raw_rows())
    expected = Counter(year for rcn, year in starts.items() if sizes[rcn] > 1)
    rows = queries.rows(cordis_kg, "cooperation-by-year")
    assert rows and {row["year"]: row["agreements"] for row in rows} == dict(expected)
    assert len(queries.rows(cordis_kg, "agreements", year="2015")) == expected[2015]


def test_projects_get_acronym_programme_and_dates(cordis_kg) -> None:  # type: ignore[no-untyped-def]
    assert cordis_kg.ask(
        """ASK { ?a dcterms:identifier "cordis-194353" ; skos:prefLabel "SMARCOAT" ;
                   edukg:kind akind:h2020_msca ; schema:validFrom "2015-01-01"^^xsd:date ;
                   skos:note ?note FILTER(CONTAINS(?note, "total cost (EUR): 900000.00")) }"""
    )
    # Not in h2020_projects.csv (it stops in 2016): the kind comes from programme_parts.csv.
    assert cordis_kg.ask(
        'ASK { ?a dcterms:identifier "cordis-229393" ; edukg:kind ?kind ; '
        'skos:prefLabel "CORDIS project rcn 229393"@en FILTER(?kind != akind:research_project) }'
    )


def test_activity_types_are_kinds_and_only_education_is_educational(cordis_kg) -> None:  # type: ignore[no-untyped-def]
    def kinds(pic: str) -> tuple[str, bool]:
        [row] = cordis_kg.select(
            f'SELECT ?k WHERE {{ ?i dcterms:identifier "{pic}" ; edukg:kind ?k }}'
        )
        educational = cordis_kg.ask(
            f'ASK {{ ?i dcterms:identifier "{pic}" ; a schema:EducationalOrganization }}'
        )
        return row["k"].value.rsplit("/", 1)[1], educational

    assert kinds("999505946") == ("higher_or_secondary_education", True)  # HES
    assert kinds("965210335") == ("company", False)  # PRC
    assert kinds("999483151") == ("research_organisation", False)  # REC
    assert kinds("998217301") == ("public_body", False)  # PUB
    assert kinds("911259032") == ("other", False)  # OTH


def test_kosovo_loads_and_the_store_validates(cordis_kg) -> None:  # type: ignore[no-untyped-def]
    assert cordis_kg.ask('ASK { ?i dcterms:identifier "951811143" ; edukg:country country:XK }')
    assert cordis_kg.ask('ASK { ?i dcterms:identifier "986454887" ; edukg:country country:GB }')
    report = validate(cordis_kg)
    assert report.conforms, [str(v) for v in report.violations[:5]]


def test_fp7_merge_markers_around_headers_are_read_with_a_located_warning(kg) -> None:  # type: ignore[no-untyped-def]
    result = load_files(kg, [CORDIS / "fp7orgs-cut.csv", CORDIS / "fp7edges-cut.csv"])
    [marker] = [w for w in result.warnings if "merge-conflict" in w.message]
    assert (Path(marker.file).name, marker.line) == ("fp7orgs-cut.csv", 1)
    assert "lines 1, 3, 5" in marker.message and "header on line 4" in marker.message
    assert kg.ask(
        'ASK { ?a dcterms:identifier "cordis-106775" ; edukg:hasParty ?i . '
        "?i edukg:country country:BY ; skos:prefLabel ?l }"
    )


def test_merge_markers_around_data_rows_are_an_error_naming_the_lines(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lines = (CORDIS / "fp7orgs-cut.csv").read_text("utf-8").splitlines()
    broken = lines[5:6] + ["<<<<<<< HEAD", lines[6], "=======", lines[7], ">>>>>>> other"]
    path = tmp_path / "fp7orgs.csv"
    path.write_text("\n".join([lines[3], *broken]) + "\n", "utf-8")
    with pytest.raises(InputError) as raised:
        load_files(kg, [path, CORDIS / "fp7edges-cut.csv"])
    [error] = [p for p in raised.value.problems if p.severity == "error"]
    assert (error.line, "lines 3, 5, 7" in error.message) == (3, True)


def test_a_reference_table_alone_says_it_has_nothing_to_join(kg) -> None:  # type: ignore[no-untyped-def]
    result = load_files(kg, [CORDIS / "programme_parts-cut.csv"])
    assert any("nothing to join" in w.message for w in result.warnings)
    assert result.changes[0].total == 0
