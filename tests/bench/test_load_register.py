"""The register-load benchmark names each ratio's baseline and times what a store owes."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from bench.load_register import BASELINES, Run, owed_compaction, ratios


def test_every_ratio_names_its_baseline() -> None:
    baselines = {
        "bulk-load": Run("bulk-load", wall_s=10.0, cpu_s=8.0, peak_mb=1.0),
        "bulk-load-per-graph": Run("bulk-load-per-graph", wall_s=5.0, cpu_s=4.0, peak_mb=1.0),
    }
    found = ratios(Run("load", wall_s=20.0, cpu_s=12.0, peak_mb=1.0), baselines)

    assert found == {
        "wall_ratio_to_bulk-load": 2.0,
        "cpu_ratio_to_bulk-load": 1.5,
        "wall_ratio_to_bulk-load-per-graph": 4.0,
        "cpu_ratio_to_bulk-load-per-graph": 3.0,
    }
    assert set(baselines) == set(BASELINES)


def test_owed_compaction_opens_a_copy_and_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    store_path = tmp_path / "store"
    store = ox.Store(str(store_path))
    for number in range(3):  # several bulk loads: files RocksDB may merge when reopened
        text = b"".join(
            b"<http://x/%d> <http://x/p> <http://x/%d> .\n" % (n, number) for n in range(500)
        )
        store.bulk_load(text, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(f"http://g/{number}"))
    store.flush()
    del store
    files_before = sorted(p.name for p in store_path.iterdir())

    run = owed_compaction(store_path, tmp_path, "owed-after-test")

    assert run.step == "owed-after-test"
    assert run.peak_mb > 0 and run.wall_s > 0  # a child process opened it, and was timed
    assert sorted(p.name for p in store_path.iterdir()) == files_before
    assert not (tmp_path / "owed-copy").exists()
    assert len(ox.Store.read_only(str(store_path))) == 1500
