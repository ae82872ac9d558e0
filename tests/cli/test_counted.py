"""Counts read as English: "1 node", not "1 nodes"."""

from __future__ import annotations

from edukg.cli.context import counted


def test_one_node_is_not_one_nodes() -> None:
    assert (counted(1, "node"), counted(2, "link"), counted(0, "cluster")) == (
        "1 node",
        "2 links",
        "0 clusters",
    )
