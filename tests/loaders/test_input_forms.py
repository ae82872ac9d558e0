"""Every input form of the register yields the same graph."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from edukg.loaders import load_files
from tests.loaders.conftest import BASE, TABLES, write_csv, write_xlsx

XSD = "http://www.w3.org/2001/XMLSchema#"


def _records(rows: list[list[str]], list_columns: tuple[str, ...] = ()) -> list[dict[str, object]]:
    header = rows[0]
    records = []
    for row in rows[1:]:
        record: dict[str, object] = {}
        for column, value in zip(header, row, strict=True):
            if value == "":
                continue
            if column in list_columns:
                record[column] = [v.strip() for v in value.replace("\n", ";").split(";")]
            else:
                record[column] = value
        records.append(record)
    return records


def csv_files(tmp_path: Path, *, encoding: str, delimiter: str, suffix: str) -> list[Path]:
    return [
        write_csv(tmp_path / f"{kind}{suffix}", rows, encoding=encoding, delimiter=delimiter)
        for kind, rows in TABLES.items()
    ]


def xlsx_russian_sheets(tmp_path: Path) -> list[Path]:
    sheets = {
        "соглашения": TABLES["agreements"],
        "учреждения": TABLES["institutions"],
        "мероприятия": TABLES["events"],
    }
    return [write_xlsx(tmp_path / "реестр.xlsx", sheets)]


def json_object(tmp_path: Path) -> list[Path]:
    document = {
        "institutions": _records(TABLES["institutions"]),
        "agreements": _records(TABLES["agreements"], ("parties", "areas")),
        "events": _records(TABLES["events"], ("participants",)),
    }
    path = tmp_path / "register.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return [path]


def json_lists(tmp_path: Path) -> list[Path]:
    paths = []
    for kind, rows in TABLES.items():
        path = tmp_path / f"{kind}.json"
        path.write_text(json.dumps(_records(rows), ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(path)
    return paths


FORMS = [
    pytest.param(
        lambda p: csv_files(p, encoding="utf-8", delimiter=",", suffix=".csv"), id="csv-utf8-comma"
    ),
    pytest.param(
        lambda p: csv_files(p, encoding="utf-8-sig", delimiter=",", suffix=".csv"),
        id="csv-utf8-bom",
    ),
    pytest.param(
        lambda p: csv_files(p, encoding="cp1251", delimiter=";", suffix=".csv"),
        id="cp1251-semicolon",
    ),
    pytest.param(lambda p: csv_files(p, encoding="utf-8", delimiter="\t", suffix=".tsv"), id="tsv"),
    pytest.param(
        lambda p: csv_files(p, encoding="cp1251", delimiter="\t", suffix=".txt"),
        id="txt-cp1251-tab",
    ),
    pytest.param(xlsx_russian_sheets, id="xlsx-russian-sheets"),
    pytest.param(json_object, id="json-object"),
    pytest.param(json_lists, id="json-lists"),
]


def data_triples(kg) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for graph in kg.data_graphs()
        for q in kg.oxigraph.quads_for_pattern(None, None, None, graph)
    }


@pytest.fixture(scope="module")
def reference_triples(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str, str]]:
    from edukg.graph.store import KnowledgeGraph

    folder = tmp_path_factory.mktemp("reference")
    with KnowledgeGraph.in_memory(base_iri=BASE) as kg:
        load_files(kg, csv_files(folder, encoding="utf-8", delimiter=",", suffix=".csv"))
        return data_triples(kg)


@pytest.mark.parametrize("make_files", FORMS)
def test_every_form_gives_the_same_graph(make_files, tmp_path, kg, reference_triples) -> None:  # type: ignore[no-untyped-def]
    result = load_files(kg, make_files(tmp_path))
    assert not [w for w in result.warnings if "ignored" in w.message]
    assert data_triples(kg) == reference_triples


def test_the_register_means_what_it_says(kg, register_files) -> None:  # type: ignore[no-untyped-def]
    load_files(kg, register_files)
    rows = kg.select(
        """SELECT ?title ?signed ?until ?kind (COUNT(DISTINCT ?p) AS ?parties)
                  (COUNT(DISTINCT ?q) AS ?qualified) WHERE {
             ?a a edukg:CooperationAgreement ; dcterms:identifier "test-a1" ;
                skos:prefLabel ?title ;
                edukg:signedOn ?signed ; schema:validThrough ?until ; edukg:kind ?kind ;
                edukg:hasParty ?p ; edukg:qualifiedParty ?q .
             ?q a edukg:AgreementParty ; edukg:agreement ?a ; org:member ?p ; org:role role:party .
           } GROUP BY ?title ?signed ?until ?kind"""
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == ox.Literal("Соглашение о сотрудничестве «Тест»", language="ru")
    assert row["signed"] == ox.Literal("2024-03-15", datatype=ox.NamedNode(XSD + "date"))
    assert row["until"] == ox.Literal("2027-03", datatype=ox.NamedNode(XSD + "gYearMonth"))
    assert row["kind"] == ox.NamedNode("https://w3id.org/edukg/concept/agreement-kind/agreement")
    assert int(row["parties"].value) == 2 and int(row["qualified"].value) == 2


def test_cyrillic_in_every_field_survives(kg, register_files) -> None:  # type: ignore[no-untyped-def]
    load_files(kg, register_files)
    labels = {
        (row["label"].value, row["label"].language)
        for row in kg.select("SELECT ?label WHERE { ?s skos:prefLabel ?label }")
    }
    assert ("Гимназия № 1 «Тестовая»", "ru") in labels
    assert ("Універсітэт «Тэставы»", "be") in labels
    assert ("Минская область", "ru") in labels
    assert ("Круглый стол «Школа и семья»", "ru") in labels
    assert kg.ask('ASK { ?i schema:addressLocality "Борисов"@ru ; edukg:kind ikind:gymnasium }')
    assert kg.ask('ASK { ?a dcterms:source "приказ № 12" }')
    # Region: an administrative area contained in its country.
    assert kg.ask(
        "ASK { ?i edukg:region ?r . ?r a schema:AdministrativeArea ; "
        'skos:prefLabel "Псковская область"@ru ; schema:containedInPlace country:RU }'
    )
    assert kg.ask("ASK { ?i org:subOrganizationOf ?d . ?d dcterms:identifier 'test-dept' }")
    assert kg.ask("ASK { ?i schema:sameAs wd:Q1123 ; schema:url <https://gym1.example.by/> }")
    assert kg.ask("ASK { ?e schema:startDate '2024'^^xsd:gYear ; edukg:kind ekind:seminar }")


def test_loaded_register_conforms_to_the_shapes(kg, register_files) -> None:  # type: ignore[no-untyped-def]
    from edukg.graph.validate import validate

    load_files(kg, register_files)
    report = validate(kg)
    assert report.conforms, [str(v) for v in report.violations]
