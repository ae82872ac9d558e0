"""Export: every format round-trips, and output is byte-identical for the same store."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from edukg.graph.export import export
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from tests.conftest import DATA, EXAMPLE_FILES

RDFLIB_FORMATS = {
    "ttl": "turtle",
    "nt": "nt",
    "nq": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
    "xml": "xml",
}


def exported(kg: KnowledgeGraph, format_name: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    export(kg, buffer, format_name, **options)  # type: ignore[arg-type]
    return buffer.getvalue()


def store_graph(kg: KnowledgeGraph) -> Graph:
    """Everything export writes, read straight from the store with rdflib."""
    graph = Graph()
    for name in [*kg.data_graphs(), ox.NamedNode("https://w3id.org/edukg/graph/catalog")]:
        data = kg.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name)
        graph.parse(data=data.decode(), format="nt")
    for triple in list(graph):  # store settings, not data: export leaves them out
        if str(triple[0]).startswith("https://w3id.org/edukg/graph/"):
            graph.remove(triple)
    return graph


@pytest.mark.parametrize("format_name", sorted(RDFLIB_FORMATS))
def test_every_format_round_trips_to_an_isomorphic_graph(
    example_kg: KnowledgeGraph, format_name: str
) -> None:
    data = exported(example_kg, format_name)
    if format_name in ("nq", "trig", "jsonld"):  # dataset formats: one named graph per source
        dataset = Dataset()
        dataset.parse(data=data, format=RDFLIB_FORMATS[format_name])
        parsed = Graph()
        for s, p, o, _g in dataset.quads():
            parsed.add((s, p, o))
    else:
        parsed = Graph().parse(data=data, format=RDFLIB_FORMATS[format_name])
    assert len(parsed) > 200
    assert isomorphic(parsed, store_graph(example_kg))


def test_dataset_formats_keep_one_graph_per_source(example_kg: KnowledgeGraph) -> None:
    dataset = Dataset()
    dataset.parse(data=exported(example_kg, "trig"), format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {
        "https://edukg.example/id/source/minsk-region-2024.ttl",
        "https://edukg.example/id/source/illustrative-register.ttl",
        "https://w3id.org/edukg/graph/catalog",
    }


def test_export_of_one_source_and_with_ontology(example_kg: KnowledgeGraph) -> None:
    only = Graph().parse(
        data=exported(example_kg, "nt", sources=["minsk-region-2024.ttl"]), format="nt"
    )
    assert "Стельмашева" in only.serialize(format="nt")
    assert "иллюстративный" not in only.serialize(format="nt")
    with_ontology = exported(example_kg, "nt", with_ontology=True)
    assert (
        b"<https://w3id.org/edukg/ontology> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
        in with_ontology
    )
    assert "Таджыкістан".encode() in with_ontology


def test_export_is_sorted_whatever_the_insertion_order(tmp_path: Path) -> None:
    files = list(EXAMPLE_FILES)
    outputs = []
    for order in (files, files[::-1]):
        with KnowledgeGraph.in_memory() as kg:
            load_files(kg, order)
            text = exported(kg, "nt").decode()
        # The load time differs between the two stores; everything else must not.
        outputs.append(
            "\n".join(
                line
                for line in text.splitlines()
                if "generatedAtTime" not in line and "endedAtTime" not in line
            )
        )
    assert outputs[0] == outputs[1]


EXPORT_SCRIPT = """
import hashlib, io, sys
from edukg.graph.store import KnowledgeGraph
from edukg.graph.export import export
with KnowledgeGraph.open(sys.argv[1], read_only=True) as kg:
    for name in ("ttl", "nt", "nq", "trig", "jsonld", "xml"):
        buffer = io.BytesIO()
        export(kg, buffer, name, with_ontology=True)
        print(name, hashlib.sha256(buffer.getvalue()).hexdigest())
"""


def test_export_is_byte_identical_under_different_hash_seeds(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with KnowledgeGraph.open(store) as kg:
        load_files(
            kg,
            [
                Path(__file__).parents[1] / "data" / "illustrative" / "illustrative-register.ttl",
                DATA / "rdf" / "blank-nodes.ttl",
            ],
        )
    digests = []
    for seed in ("1", "4242"):
        result = subprocess.run(
            [sys.executable, "-c", EXPORT_SCRIPT, str(store)],
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        )
        digests.append(result.stdout)
    assert digests[0] == digests[1]
    assert len(digests[0].splitlines()) == 6
    assert hashlib.sha256(b"").hexdigest() not in digests[0]


@pytest.mark.parametrize(
    ("format_name", "rdf_format"), [("nt", ox.RdfFormat.N_TRIPLES), ("nq", ox.RdfFormat.N_QUADS)]
)
def test_line_formats_are_exactly_what_oxigraph_writes(
    tmp_path: Path, format_name: str, rdf_format: ox.RdfFormat
) -> None:
    # N-Triples and N-Quads are written from the sorted lines as bytes: they must be
    # the very bytes Oxigraph's serialiser writes for those statements, in that order.
    odd = tmp_path / "odd.ttl"
    odd.write_text(
        "@prefix x: <https://x.example/> .\n"
        'x:s x:p "line\\nbreak \\"quoted\\" \\\\ tab\\t", "Минск"@ru, x:o,'
        ' "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n',
        encoding="utf-8",
    )
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_files(
            kg,
            [
                Path(__file__).parents[1] / "data" / "illustrative" / "illustrative-register.ttl",
                odd,
            ],
        )
        data = exported(kg, format_name)
    assert data == ox.serialize(list(ox.parse(data, rdf_format)), format=rdf_format)
    assert b"line\\nbreak" in data and "Минск".encode() in data
