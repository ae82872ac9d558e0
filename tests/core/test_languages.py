"""Belarusian falls back to Russian, not English."""

from __future__ import annotations

import networkx as nx

from edukg.analysis.networks import node_label


def test_belarusian_falls_back_to_russian_before_english() -> None:
    graph = nx.Graph()
    graph.add_node("https://e.example/minsk", label={"ru": "Минск", "en": "Minsk"})
    assert node_label(graph, "https://e.example/minsk", "be") == "Минск"
