"""ROR records and the world universities list load as reference institutions."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from edukg.core.errors import InputError
from edukg.graph.validate import validate
from edukg.loaders import load_files, loader_name_for
from tests.loaders.conftest import DATA

ROR_CUT = DATA / "ror" / "ror-v2-cut.json"
UNIVERSITIES_CUT = DATA / "universities" / "world-universities-cut.json"
BSTU = ox.NamedNode("https://ror.org/007rxxd52")
SKOS = "http://www.w3.org/2004/02/skos/core#"
EDUKG = "https://w3id.org/edukg/ontology#"


def objects(kg, subject: ox.NamedNode, predicate: str) -> set[ox.Literal | ox.NamedNode]:  # type: ignore[no-untyped-def]
    return {
        q.object for q in kg.oxigraph.quads_for_pattern(subject, ox.NamedNode(predicate), None)
    }


def test_registries_are_recognised_by_content_not_by_extension(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert loader_name_for(ROR_CUT, by_content=True) == "ror"
    assert loader_name_for(UNIVERSITIES_CUT, by_content=True) == "universities"
    register = tmp_path / "r.json"
    register.write_text('[{"name": "Гимназия", "country": "BY"}]', encoding="utf-8")
    assert loader_name_for(register, by_content=True) == "register-json"
    assert loader_name_for(ROR_CUT) == "register-json"  # the extension alone


def test_ror_labels_keep_their_languages_and_acronyms_are_short_names(kg) -> None:  # type: ignore[no-untyped-def]
    result = load_files(kg, [ROR_CUT])
    assert result.warnings == []
    preferred = objects(kg, BSTU, SKOS + "prefLabel")
    assert ox.Literal("Brest State Technical University", language="en") in preferred
    russian = "Брестский государственный технический университет"
    assert ox.Literal(russian, language="ru") in preferred
    assert ox.Literal("Брэсцкі дзяржаўны тэхнічны ўніверсітэт", language="be") in preferred
    acronyms = {ox.Literal(a) for a in ("BrSTU", "БрГТУ", "БрДТУ")}
    assert acronyms <= objects(kg, BSTU, SKOS + "altLabel")
    assert objects(kg, BSTU, EDUKG + "shortName") == acronyms


def test_ror_record_fields_and_exact_match_links(kg) -> None:  # type: ignore[no-untyped-def]
    load_files(kg, [ROR_CUT])
    matches = {o.value for o in objects(kg, BSTU, SKOS + "exactMatch")}
    assert matches == {
        "http://www.wikidata.org/entity/Q1790193",
        "https://www.grid.ac/institutes/grid.448577.d",
        "https://isni.org/isni/0000000105508151",
    }
    assert objects(kg, BSTU, EDUKG + "country") == {
        ox.NamedNode("https://w3id.org/edukg/country/BY")
    }
    assert objects(kg, BSTU, "https://schema.org/url") == {ox.NamedNode("https://www.bstu.by/")}
    assert objects(kg, BSTU, "https://schema.org/addressLocality") == {
        ox.Literal("Brest", language="en")
    }
    assert objects(kg, BSTU, EDUKG + "domain") == {ox.Literal("bstu.by")}
    assert objects(kg, BSTU, EDUKG + "registryType") == {ox.Literal("education")}
    assert objects(kg, BSTU, EDUKG + "kind") == {
        ox.NamedNode("https://w3id.org/edukg/concept/institution-kind/university")
    }
    assert objects(kg, BSTU, "http://purl.org/dc/terms/identifier") == {ox.Literal("007rxxd52")}


def test_ror_relationships_outside_the_file_are_links_only(kg) -> None:  # type: ignore[no-untyped-def]
    load_files(kg, [ROR_CUT])
    records = {r["id"] for r in json.loads(ROR_CUT.read_text("utf-8"))}
    institutions = {
        q.subject.value
        for q in kg.oxigraph.quads_for_pattern(
            None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode(EDUKG + "Institution"),
        )
    }
    assert institutions == records  # nothing invented for the records outside the cut
    linked = {
        q.object.value
        for predicate in ("https://schema.org/parentOrganization", "https://schema.org/subOrganization",
                          "http://purl.org/dc/terms/relation")
        for q in kg.oxigraph.quads_for_pattern(None, ox.NamedNode(predicate), None)
    }
    assert linked - records  # links to records outside the cut are kept
    parents = list(
        kg.oxigraph.quads_for_pattern(
            None, ox.NamedNode("http://www.w3.org/ns/org#subOrganizationOf"), None
        )
    )
    assert parents and all(q.object.value in records for q in parents)


def test_registries_are_marked_as_reference_sources(kg) -> None:  # type: ignore[no-untyped-def]
    load_files(kg, [ROR_CUT, UNIVERSITIES_CUT])
    reference = {info.name: (info.reference, info.loader) for info in kg.sources()}
    assert reference == {
        "ror-v2-cut.json": (True, "ror"),
        "world-universities-cut.json": (True, "universities"),
    }
    assert kg.ask(
        "ASK { GRAPH ?c { ?g a edukg:ReferenceSource ; rdfs:label 'ror-v2-cut.json' } }"
    )


def test_registries_conform_to_the_shapes(kg) -> None:  # type: ignore[no-untyped-def]
    load_files(kg, [ROR_CUT, UNIVERSITIES_CUT])
    report = validate(kg)
    assert report.conforms, [str(v) for v in report.violations]


def test_every_university_of_the_cut_loads_with_its_alpha_two_code(kg) -> None:  # type: ignore[no-untyped-def]
    records = json.loads(UNIVERSITIES_CUT.read_text("utf-8"))
    assert {"Turkiye", "Swaziland", "Cape Verde"} <= {r["country"] for r in records}
    result = load_files(kg, [UNIVERSITIES_CUT])
    rows = kg.select(
        "SELECT ?i ?code WHERE { ?i a edukg:Institution ; edukg:country/skos:notation ?code }"
    )
    distinct_keys = {(r["name"], r["alpha_two_code"], tuple(sorted(r["domains"]))) for r in records}
    assert len(rows) == len(distinct_keys) == len(records)
    assert {r["code"].value for r in rows} == {r["alpha_two_code"] for r in records}
    assert result.warnings == []
    swazi = kg.select(
        "SELECT ?code WHERE { ?i skos:prefLabel 'University of Swaziland' ; "
        "edukg:country/skos:notation ?code ; edukg:domain 'uniswa.sz' ; schema:url ?url }"
    )
    assert [r["code"].value for r in swazi] == ["SZ"]


def test_a_repeated_name_stays_two_and_a_repeated_record_is_reported(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    records = json.loads(UNIVERSITIES_CUT.read_text("utf-8"))
    names = [r["name"] for r in records]
    repeated = next(n for n in names if names.count(n) > 1)
    twice = records + [records[0]]
    path = tmp_path / "universities.json"
    path.write_text(json.dumps(twice, ensure_ascii=False, indent=1), encoding="utf-8")
    result = load_files(kg, [path])
    [warning] = result.warnings
    assert warning.code == "universities-repeated" and "merged" in warning.message
    last_line = len(json.dumps(twice, ensure_ascii=False, indent=1).splitlines())
    assert warning.line == last_line - len(json.dumps(records[0], indent=1).splitlines())
    assert "line 2" in (warning.hint or "")
    same_name = kg.select(
        "SELECT DISTINCT ?i ?name WHERE { ?i skos:prefLabel ?l FILTER(STR(?l) = ?name) }",
        {"name": repeated},
    )
    assert len(same_name) == names.count(repeated) == 2


@pytest.mark.parametrize(
    ("change", "message", "column"),
    [
        pytest.param({"alpha_two_code": "QQ", "country": "Atlantis"}, "unknown country",
                     "alpha_two_code", id="unknown-country"),
        pytest.param({"name": ""}, "a university needs a name", "name", id="no-name"),
    ],
)
def test_a_bad_university_record_is_a_located_error(kg, tmp_path, change, message, column) -> None:  # type: ignore[no-untyped-def]
    records = json.loads(UNIVERSITIES_CUT.read_text("utf-8"))
    records[1].update(change)
    path = tmp_path / "u.json"
    path.write_text(json.dumps(records, indent=1), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_files(kg, [path])
    [problem] = raised.value.problems
    assert (problem.message, problem.column) == (message, column)
    first_record_lines = len(json.dumps(records[0], indent=1).splitlines())
    assert problem.line == 2 + first_record_lines
    assert kg.sources() == []


def test_a_ror_record_without_country_or_id_is_a_located_error(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    records = json.loads(ROR_CUT.read_text("utf-8"))
    records[0]["locations"] = []
    records[2]["id"] = "https://ror.org/not-an-id"
    path = tmp_path / "ror.json"
    path.write_text(json.dumps(records, indent=1), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_files(kg, [path])
    codes = sorted((p.code, p.line) for p in raised.value.problems)
    third = 2 + sum(len(json.dumps(r, indent=1).splitlines()) for r in records[:2])
    assert codes == [("ror-bad-id", third), ("ror-no-country", 2)]


def test_kosovo_is_a_country(kg) -> None:  # type: ignore[no-untyped-def]
    load_files(kg, [ROR_CUT, UNIVERSITIES_CUT])
    assert kg.ask(
        "ASK { ?i edukg:country ?c . "
        "?c a schema:Country ; skos:notation 'XK' ; skos:prefLabel 'Косово'@ru }"
    )


def test_a_register_can_name_a_ror_institution_as_a_party(kg, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    load_files(kg, [ROR_CUT])
    institutions = tmp_path / "i.csv"
    institutions.write_text("id,name,country\nschool-1,Гимназия № 1 «Тестовая»,BY\n", "utf-8")
    agreements = tmp_path / "a.csv"
    agreements.write_text(
        "id,parties\nx1,school-1; https://ror.org/007rxxd52\nx2,school-1; БрГТУ\n", "utf-8"
    )
    load_files(kg, [institutions, agreements])
    rows = kg.select("SELECT ?a WHERE { ?a edukg:hasParty <https://ror.org/007rxxd52> }")
    assert len(rows) == 2
