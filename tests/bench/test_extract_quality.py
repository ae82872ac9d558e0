"""The extraction benchmark's scoring holds together (it is run by hand, see docs/extract.md)."""

from __future__ import annotations

import json

from bench import extract_quality


def test_every_bench_text_has_its_expected_facts_and_kinds_are_known() -> None:
    from edukg.loaders.text_candidates import KINDS

    for folder in (extract_quality.DATA, extract_quality.DATA / "heldout"):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        texts = {p.name for p in folder.glob("*.txt")}
        assert texts == {name for name in expected if not name.startswith("_")}
        for facts in (v for k, v in expected.items() if not k.startswith("_")):
            assert all(fact[0] in KINDS for fact in facts)


def test_scoring_counts_right_extra_and_missed_facts() -> None:
    table = extract_quality.score(extract_quality.DATA, show=False)
    tp, found, expected = (sum(v[i] for v in table.values()) for i in range(3))
    assert expected == 51
    assert 0 < tp <= min(found, expected)
    # The rules were tuned on these texts: a drop here is a regression.
    assert tp / found >= 0.95 and tp / expected >= 0.95
