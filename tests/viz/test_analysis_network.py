"""The network edukg.analysis builds from a store goes straight into a network page."""

from __future__ import annotations

import json

from edukg.analysis.run import analyze
from edukg.viz.page_data import network_page_data
from tests.analysis.conftest import T, partnerships_kg  # noqa: F401 (the fixture)


def test_an_analysed_network_becomes_page_data(partnerships_kg) -> None:  # noqa: F811
    network = analyze(partnerships_kg, seed=1).network
    data = network_page_data(network, lang="ru", title="Партнёрства")
    nodes = {node["id"]: node for node in data["nodes"]}
    assert set(nodes) == set(network)
    assert nodes[T + "a3"]["country"] == "BY"
    assert nodes[T + "a3"]["cluster"] == network.nodes[T + "a3"]["cluster"]
    assert len(data["edges"]) == network.number_of_edges()
    assert "Колледж А3" in json.dumps(data, ensure_ascii=False)
