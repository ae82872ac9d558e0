"""The growth table puts every step's seconds at every scale side by side."""

from __future__ import annotations

import json
from pathlib import Path

from bench import growth


def _scale(target: int, steps: list[tuple[str, float | None, float | None]]) -> dict:
    rows = []
    for step, ours, theirs in steps:
        row = {"step": step, "edukg": {"seconds": ours, "peak_mb": 100}}
        if theirs is not None:
            row["rdflib"] = {"seconds": theirs, "peak_mb": 200}
        elif step.startswith("query-"):
            row["rdflib"] = {"seconds": None, "capped": 60.0, "peak_mb": None}
        rows.append(row)
    return {"target": target, "triples": target, "steps": rows}


def test_two_runs_make_one_table_smallest_scale_first(tmp_path: Path) -> None:
    small_and_mid = {
        "scales": [
            _scale(100_000, [("load-nt", 1.0, 2.0), ("query-a", 0.1, 5.0)]),
            _scale(1_000_000, [("load-nt", 10.0, 30.0), ("query-a", 0.5, None)]),
        ]
    }
    large = {"scales": [_scale(5_000_000, [("load-nt", 80.0, None)])]}
    (tmp_path / "a.json").write_text(json.dumps(small_and_mid), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(large), encoding="utf-8")

    scales = growth.scales_of([tmp_path / "b.json", tmp_path / "a.json"])
    lines = growth.growth_table(scales)

    assert [scale["target"] for scale in scales] == [100_000, 1_000_000, 5_000_000]
    assert lines[0] == (
        "| step | edukg 100k s | edukg 1M s | edukg 5M s | 100k→1M (10.0x) | 1M→5M (5.0x) "
        "| rdflib 100k s | rdflib 1M s | rdflib 5M s | peak MB 5M |"
    )
    assert lines[2] == (
        "| load-nt | 1.000 | 10.000 | 80.000 | 10.0x | 8.0x | 2.000 | 30.000 | – | 100 |"
    )
    assert lines[3] == "| query-a | 0.100 | 0.500 | – | 5.0x | – | 5.000 | > 60 s | – | – |"


def test_queries_together_count_a_capped_rdflib_run_at_the_cap() -> None:
    scale = _scale(
        1_000_000, [("query-a", 0.5, None), ("query-b", 0.5, 40.0), ("load-nt", 9.0, 30.0)]
    )
    assert growth.queries_together(scale) == (
        "1M: 2 queries both answer take edukg 1.0 s and rdflib at least 100 s "
        "(1 capped, counted at the cap): edukg is at least 100x faster"
    )


def test_a_later_rerun_replaces_its_steps_and_keeps_rdflib(tmp_path: Path) -> None:
    first = {"scales": [_scale(1_000_000, [("load-nt", 10.0, 30.0), ("query-a", 2.0, 40.0)])]}
    rerun = {
        "scales": [
            {
                "target": 1_000_000,
                "triples": 1_000_000,
                "steps": [{"step": "query-a", "edukg": {"seconds": 0.5, "peak_mb": 90}}],
            }
        ]
    }
    (tmp_path / "first.json").write_text(json.dumps(first), encoding="utf-8")
    (tmp_path / "rerun.json").write_text(json.dumps(rerun), encoding="utf-8")

    (scale,) = growth.scales_of([tmp_path / "first.json", tmp_path / "rerun.json"])

    rows = {row["step"]: row for row in scale["steps"]}
    assert list(rows) == ["load-nt", "query-a"]
    assert rows["query-a"]["edukg"]["seconds"] == 0.5
    assert rows["query-a"]["rdflib"]["seconds"] == 40.0
    assert rows["load-nt"]["edukg"]["seconds"] == 10.0


def test_whole_listings_are_left_out_of_the_sum() -> None:
    scale = _scale(1_000_000, [("query-a", 0.5, 50.0), ("query-a-all", 9.0, None)])
    assert growth.queries_together(scale) == (
        "1M: 1 queries both answer take edukg 0.5 s and rdflib 50 s "
        "(0 capped, counted at the cap): edukg is 100x faster"
    )


def test_runs_merge_into_one_set_that_keeps_each_runs_commit(tmp_path: Path) -> None:
    first = {
        "commit": "a" * 40,
        "versions": {"rdflib": "7.6"},
        "pages": [{"step": "page-30"}],
        "scales": [_scale(100_000, [("load-nt", 1.0, 2.0), ("query-a", 0.1, 5.0)])],
    }
    rerun = {
        "commit": "b" * 40,
        "versions": {"rdflib": "7.6"},
        "pages": [],
        "scales": [_scale(100_000, [("query-a", 0.05, None)])],
    }
    (tmp_path / "first.json").write_text(json.dumps(first), encoding="utf-8")
    (tmp_path / "rerun.json").write_text(json.dumps(rerun), encoding="utf-8")

    merged = growth.merged_set([tmp_path / "first.json", tmp_path / "rerun.json"])

    assert [run["commit"] for run in merged["runs"]] == ["a" * 40, "b" * 40]
    assert merged["commit"] == "b" * 40 and merged["pages"] == [{"step": "page-30"}]
    (scale,) = merged["scales"]
    steps = {row["step"]: row for row in scale["steps"]}
    assert steps["query-a"]["edukg"]["seconds"] == 0.05
    assert steps["load-nt"]["edukg"]["seconds"] == 1.0


def test_a_query_whose_answers_differ_is_left_out_of_the_sum() -> None:
    scale = _scale(100_000, [("query-a", 0.1, 5.0), ("query-b", 0.1, 50.0)])
    scale["steps"][0]["edukg"]["rows"], scale["steps"][0]["rdflib"]["rows"] = 3, 3
    scale["steps"][1]["edukg"]["rows"], scale["steps"][1]["rdflib"]["rows"] = 14, 0
    assert growth.queries_together(scale) == (
        "100k: 1 queries both answer take edukg 0.1 s and rdflib 5 s "
        "(0 capped, counted at the cap): edukg is 50x faster"
    )
    assert "| query-b | 0.100 | differs | 100 |" in "\n".join(growth.growth_table([scale]))
