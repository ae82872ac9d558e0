"""The RDF loader: formats, exact syntax errors, stable blank nodes."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from edukg.core.errors import InputError
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from tests.conftest import DATA

RDF = DATA / "rdf"


def test_syntax_error_carries_file_line_and_column(kg: KnowledgeGraph) -> None:
    with pytest.raises(InputError) as error:
        load_files(kg, [RDF / "malformed.ttl"])
    (problem,) = error.value.problems
    assert (Path(problem.file).name, problem.line, problem.column) == ("malformed.ttl", 3, 26)
    assert "malformed.ttl:3:26: error: syntax error: Line jumps are not allowed" in str(problem)
    assert kg.sources() == []


def test_non_utf8_turtle_says_to_resave_as_utf8(kg: KnowledgeGraph) -> None:
    with pytest.raises(InputError) as error:
        load_files(kg, [RDF / "cp1251.ttl"])
    (problem,) = error.value.problems
    assert problem.line == 2 and "UTF-8" in (problem.hint or "")


def test_missing_and_unknown_files_are_all_reported(kg: KnowledgeGraph, tmp_path: Path) -> None:
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"PK")
    with pytest.raises(InputError) as error:
        load_files(kg, [tmp_path / "absent.ttl", odd, RDF / "malformed.ttl"])
    messages = [(Path(p.file).name, p.message.split(":")[0]) for p in error.value.problems]
    assert messages == [
        ("absent.ttl", "file not found"),
        ("notes.docx", "no loader reads .docx"),
        ("malformed.ttl", "syntax error"),
    ]


def test_blank_nodes_become_stable_iris(kg: KnowledgeGraph) -> None:
    load_files(kg, [RDF / "blank-nodes.ttl"])
    first = kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS)
    assert b"_:" not in first and b"/.well-known/genid/blank-nodes-ttl/" in first
    (change,) = load_files(kg, [RDF / "blank-nodes.ttl"]).changes
    assert change.unchanged
    assert kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS) == first


@pytest.mark.parametrize("extension", ["nt", "jsonld", "xml", "trig", "nq"])
def test_every_rdf_format_loads(kg: KnowledgeGraph, tmp_path: Path, extension: str) -> None:
    graph = Graph().parse(Path(__file__).parents[2] / "examples" / "minsk-region-2024.ttl", publicID="https://edukg.example/id/")
    path = tmp_path / f"minsk.{extension}"
    rdflib_format = {
        "nt": "nt", "jsonld": "json-ld", "xml": "xml", "trig": "trig", "nq": "nquads"
    }[extension]
    if extension in ("trig", "nq"):
        from rdflib import Dataset, URIRef

        dataset = Dataset()
        named = dataset.graph(URIRef("https://example.org/g"))
        for triple in graph:
            named.add(triple)
        path.write_text(dataset.serialize(format=rdflib_format), encoding="utf-8")
    else:
        path.write_text(graph.serialize(format=rdflib_format), encoding="utf-8")
    result = load_files(kg, [path])
    assert result.changes[0].total == len(graph)
    assert kg.ask("ASK { ?i a edukg:Institution ; edukg:country country:BY }")
    if extension in ("trig", "nq"):
        assert [w.message.split(" ")[0] for w in result.warnings] == ["named"]


def test_two_files_with_one_source_name_are_refused(kg: KnowledgeGraph, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "x.ttl").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="same source: x.ttl"):
        load_files(kg, [tmp_path / "a" / "x.ttl", tmp_path / "b" / "x.ttl"])


def test_blank_nodes_in_ntriples_become_stable_iris(kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "blank.nt"
    path.write_text('_:b0 <https://x.example/p> "a _: b" .\n', encoding="utf-8")
    load_files(kg, [path])
    dump = kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS)
    assert b"/.well-known/genid/blank-nt/" in dump and b'"a _: b"' in dump


def test_ntriples_with_underscore_colon_only_in_a_literal_loads_as_is(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    path = tmp_path / "literal.nt"
    path.write_text('<https://x.example/s> <https://x.example/p> "_:b0" .\n', encoding="utf-8")
    (change,) = load_files(kg, [path]).changes
    assert change.added == 1
    assert kg.ask('ASK { <https://x.example/s> <https://x.example/p> "_:b0" }')


def test_same_statements_in_another_order_are_unchanged(kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "register.nt"
    lines = [f"<https://x.example/s{i}> <https://x.example/p> \"{i}\" ." for i in range(5)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load_files(kg, [path])
    path.write_text("\n".join(reversed(lines)) + "\n" + lines[0] + "\n", encoding="utf-8")
    (change,) = load_files(kg, [path]).changes
    assert change.unchanged and change.total == 5
    (info,) = kg.sources()
    assert info.triples == 5


def test_the_same_bytes_under_another_extension_are_read_again(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    turtle = tmp_path / "data.ttl"
    turtle.write_text("@prefix x: <https://x.example/> .\nx:s x:p 1 .\n", encoding="utf-8")
    load_files(kg, [turtle], source_names=["data"])
    as_ntriples = tmp_path / "data.nt"
    as_ntriples.write_bytes(turtle.read_bytes())
    with pytest.raises(InputError, match="nothing was loaded"):
        load_files(kg, [as_ntriples], source_names=["data"])
    (change,) = load_files(kg, [turtle], source_names=["data"]).changes
    assert change.unchanged and change.total == 1


def test_an_edit_on_disk_counts_records_added_removed_and_changed(tmp_path: Path) -> None:
    path = tmp_path / "register.ttl"
    head = (
        "@prefix edukg: <https://w3id.org/edukg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix x: <https://x.example/> .\n"
    )
    path.write_text(
        head + 'x:a a edukg:Institution ; skos:prefLabel "A" .\n'
        'x:b a edukg:Institution ; skos:prefLabel "B" .\n',
        encoding="utf-8",
    )
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_files(kg, [path])
    path.write_text(
        head + 'x:a a edukg:Institution ; skos:prefLabel "A2" .\n'
        'x:c a edukg:Institution ; skos:prefLabel "C" .\n',
        encoding="utf-8",
    )
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        (change,) = load_files(kg, [path]).changes
        assert (change.added, change.removed, change.total) == (3, 3, 4)
        assert (change.records_added, change.records_changed, change.records_removed) == (1, 1, 1)
        labels = kg.select(
            "SELECT ?l WHERE { ?i a edukg:Institution ; skos:prefLabel ?l } ORDER BY ?l"
        )
        assert [row["l"].value for row in labels] == ["A2", "C"]
        (info,) = kg.sources()
        assert info.triples == 4
