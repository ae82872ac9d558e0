"""The embedded store: persistence, sources as units, base IRI, locking."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal

from edukg.core.errors import ConfigError, InputError, StoreError
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from tests.conftest import DATA

EXAMPLE = Path(__file__).parents[2] / "examples" / "minsk-region-2024.ttl"


def test_data_persists_across_reopen(tmp_path: Path) -> None:
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_files(kg, [EXAMPLE])
    with KnowledgeGraph.open(tmp_path / "store", read_only=True) as kg:
        (info,) = kg.sources()
        assert info.name == "minsk-region-2024.ttl"
        assert info.triples == len(list(kg.quads([kg.source_graph(info.name)]))) > 0
        assert kg.ask("ASK { ?i a edukg:Institution ; edukg:partnerCountry country:TJ }")


def test_a_store_in_folders_not_made_yet_is_created(tmp_path: Path) -> None:
    with KnowledgeGraph.open(tmp_path / "new" / "deeper" / "store") as kg:
        load_files(kg, [EXAMPLE])
    with KnowledgeGraph.open(tmp_path / "new" / "deeper" / "store", read_only=True) as kg:
        assert len(kg.sources()) == 1


def test_a_store_below_a_file_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("not a folder", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot create the store folder"):
        KnowledgeGraph.open(tmp_path / "plain-file" / "store")


def test_source_is_described_with_prov(example_kg: KnowledgeGraph) -> None:
    infos = {info.name: info for info in example_kg.sources()}
    assert set(infos) == {"minsk-region-2024.ttl", "illustrative-register.ttl"}
    assert all(len(info.sha256) == 64 and info.loader == "rdf" for info in infos.values())
    rows = example_kg.select(
        """SELECT ?name ?file WHERE { GRAPH <https://w3id.org/edukg/graph/catalog> {
             ?g a prov:Entity ; rdfs:label ?name ; edukg:sha256 ?hash ; dcterms:source ?file ;
                prov:generatedAtTime ?t ; prov:wasGeneratedBy ?a .
             ?a a prov:Activity ; prov:wasAssociatedWith ?agent .
             ?agent a prov:SoftwareAgent } } ORDER BY ?name"""
    )
    assert [(r["name"].value, r["file"].value) for r in rows] == [
        ("illustrative-register.ttl", "illustrative-register.ttl"),
        ("minsk-region-2024.ttl", "minsk-region-2024.ttl"),
    ]


def test_reloading_an_unchanged_file_changes_nothing(kg: KnowledgeGraph) -> None:
    load_files(kg, [EXAMPLE])
    before = kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS)
    (change,) = load_files(kg, [EXAMPLE]).changes
    assert change.unchanged and change.added == change.removed == 0
    assert kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS) == before


def test_reloading_an_edited_file_replaces_the_source(kg: KnowledgeGraph, tmp_path: Path) -> None:
    edited = tmp_path / "minsk-region-2024.ttl"
    edited.write_text(EXAMPLE.read_text("utf-8"), encoding="utf-8")
    load_files(kg, [edited])
    text = edited.read_text("utf-8").replace("schema:value 16", "schema:value 17")
    edited.write_text(text, encoding="utf-8")
    (change,) = load_files(kg, [edited]).changes
    assert (change.added, change.removed, change.records_changed) == (1, 1, 1)
    values = [
        row["v"].value
        for row in kg.select("SELECT ?v WHERE { ?s a edukg:AgreementCount ; schema:value ?v }")
    ]
    assert values == ["17"]
    assert len(kg.sources()) == 1


def test_editing_a_party_node_changes_its_agreement(kg: KnowledgeGraph, tmp_path: Path) -> None:
    register = Path(__file__).parents[1] / "data" / "illustrative" / "illustrative-register.ttl"
    copy = tmp_path / "register.ttl"
    copy.write_text(register.read_text("utf-8"), encoding="utf-8")
    load_files(kg, [copy])
    text = copy.read_text("utf-8").replace("org:role role:coordinator", "org:role role:partner")
    copy.write_text(
        text.replace('"Лицей (иллюстративный', '"Новый лицей (иллюстративный'), encoding="utf-8"
    )
    (change,) = load_files(kg, [copy]).changes
    assert (change.added, change.removed) == (2, 2)
    assert (change.records_added, change.records_changed, change.records_removed) == (0, 2, 0)
    assert kg.ask("ASK { ?p org:role role:partner }") and not kg.ask(
        "ASK { ?p org:role role:coordinator }"
    )


def test_remove_source_removes_graph_and_description(example_kg: KnowledgeGraph) -> None:
    example_kg.remove_source("illustrative-register.ttl")
    assert [i.name for i in example_kg.sources()] == ["minsk-region-2024.ttl"]
    assert not example_kg.ask("ASK { ?a a edukg:CooperationAgreement }")
    assert not example_kg.ask(
        "ASK { GRAPH <https://w3id.org/edukg/graph/catalog> "
        "{ ?g rdfs:label 'illustrative-register.ttl' } }"
    )


def test_removing_an_unknown_source_names_the_known_ones(example_kg: KnowledgeGraph) -> None:
    with pytest.raises(ConfigError) as error:
        example_kg.remove_source("nope.ttl")
    assert "minsk-region-2024.ttl" in str(error.value)


def test_a_failed_load_leaves_the_store_byte_identical(kg: KnowledgeGraph) -> None:
    load_files(kg, [EXAMPLE])
    before = kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS)
    with pytest.raises(InputError) as error:
        load_files(kg, [DATA / "rdf" / "blank-nodes.ttl", DATA / "rdf" / "malformed.ttl", EXAMPLE])
    assert [p.file.endswith("malformed.ttl") for p in error.value.problems] == [True]
    assert kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS) == before


def test_base_iri_is_used_for_relative_iris_and_kept_by_the_store(tmp_path: Path) -> None:
    base = "https://edu.example.by/kg/"
    with KnowledgeGraph.open(tmp_path / "s", base_iri=base) as kg:
        load_files(kg, [EXAMPLE])
        assert kg.source_graph("x").value == base + "source/x"
    with KnowledgeGraph.open(tmp_path / "s") as kg:
        assert kg.base_iri == base
        assert kg.ask(
            "ASK { <https://edu.example.by/kg/institution/"
            "minsk-regional-institute-for-education-development> a edukg:Institution }"
        )
    with pytest.raises(ConfigError, match="was built with base IRI"):
        KnowledgeGraph.open(tmp_path / "s", base_iri="https://other.example/")


@pytest.mark.parametrize("bad", ["edu.example/kg/", "https://edu.example/kg", "ftp://x.example/"])
def test_unusable_base_iri_is_refused(bad: str) -> None:
    with pytest.raises(ConfigError):
        KnowledgeGraph.in_memory(base_iri=bad)


def test_a_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    with KnowledgeGraph.open(tmp_path / "s"):
        with pytest.raises(StoreError, match="in use by another process"):
            KnowledgeGraph.open(tmp_path / "s")


def test_read_only_open_of_a_missing_store_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no edukg store") as error:
        KnowledgeGraph.open(tmp_path / "missing", read_only=True)
    assert "edukg load" in str(error.value)


def test_parameters_are_bound_as_terms_not_pasted(example_kg: KnowledgeGraph) -> None:
    query = "SELECT ?i ?name WHERE { ?i skos:prefLabel ?name }"
    hostile = "x' } ; DELETE WHERE { ?s ?p ?o } #"
    assert example_kg.select(query, {"name": hostile}) == []
    ru = example_kg.select(
        query, {"name": Literal("Минский областной институт развития образования", lang="ru")}
    )
    assert len(ru) == 1


def test_records_of_replaced_sources_count_as_they_were_before_the_write(
    tmp_path: Path,
) -> None:
    head = (
        "@prefix edukg: <https://w3id.org/edukg/ontology#> .\n@prefix x: <https://x.example/> .\n"
    )

    def write(name: str, *records: str) -> Path:
        path = tmp_path / name
        path.write_text(head + "".join(f"x:{r} a edukg:Institution .\n" for r in records), "utf-8")
        return path

    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_files(
            kg, [write("one.ttl", "a", "b"), write("two.ttl", "b", "c"), write("three.ttl", "d")]
        )
        one, two = load_files(kg, [write("one.ttl", "a", "d"), write("two.ttl", "c")]).changes
        # one's b is still in two as two was; two's b then leaves the store, and one's d
        # was in three, which this write leaves alone
        assert (one.records_added, one.records_removed) == (0, 0)
        assert (two.records_added, two.records_removed) == (0, 1)
        one, two = load_files(kg, [write("one.ttl", "e"), write("two.ttl", "a", "c")]).changes
        assert (one.records_added, one.records_removed) == (1, 1)  # e new, a gone; d in three
        assert (two.records_added, two.records_removed) == (1, 0)  # a back, from one as written
