"""Picking the statements of some predicates out of N-Triples lines, compared with a plain split."""

from __future__ import annotations

import random

import pytest

from edukg.graph import statement_scan
from edukg.graph.statement_scan import pick_predicates

# predicates of every length around the 8-byte words they are compared in
PREDICATES = ["a:p", "a:pq", "ab:cde", "abc:defg", "http://x/q", "http://x/qq", "http://x/q1234567"]


def plain_split(data: bytes, predicates: list[str]) -> dict[str, tuple[list[bytes], list[bytes]]]:
    picked: dict[str, tuple[list[bytes], list[bytes]]] = {p: ([], []) for p in predicates}
    for line in data.splitlines():
        subject, predicate, rest = line.split(b" ", 2)
        name = predicate[1:-1].decode()
        if name in picked:
            picked[name][0].append(subject)
            picked[name][1].append(rest[: -len(b" .")])
    return picked


def lines(seed: int, count: int) -> bytes:
    rng = random.Random(seed)
    others = ["a:q", "a:pp", "ab:cdf", "abc:defh", "http://x/r", "http://y/qq", "http://x/q1234568"]
    objects = [
        '"a b c"',
        '"x"@en',
        "<a:o>",
        "_:b1",
        '"2024"^^<http://www.w3.org/2001/XMLSchema#gYear>',
    ]
    text = []
    for number in range(count):
        subject = rng.choice([f"<a:s{number}>", f"_:n{number}", "<https://x.example/α>"])
        predicate = rng.choice(PREDICATES + others)
        text.append(f"{subject} <{predicate}> {rng.choice(objects)} .\n")
    return "".join(text).encode()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_picked_statements_are_those_of_a_plain_split(seed):
    data = lines(seed, 2_000)
    assert pick_predicates(data, PREDICATES) == plain_split(data, PREDICATES)


def test_a_single_short_statement_is_picked():
    assert pick_predicates(b"_:a <a:p> _:c .\n", ["a:p"]) == {"a:p": ([b"_:a"], [b"_:c"])}


@pytest.mark.parametrize("seed", [1, 2])
def test_statements_picked_by_object_are_those_of_a_plain_split(seed):
    data = lines(seed, 2_000)
    wanted = {"a:p": [b"<a:o>", b'"x"@en'], "http://x/q": [b"_:b1"]}
    expected = plain_split(data, PREDICATES)
    for predicate, terms in wanted.items():
        subjects, objects = expected[predicate]
        kept = [(s, o) for s, o in zip(subjects, objects, strict=True) if o in terms]
        expected[predicate] = ([s for s, _ in kept], [o for _, o in kept])
    picked = pick_predicates(data, PREDICATES, objects=wanted)
    assert picked == expected
    assert picked["a:p"][0] and picked["http://x/q"][0]


def test_an_object_at_the_end_of_the_data_is_compared_whole():
    data = b"<a:s> <a:p> <a:o> .\n<a:t> <a:p> <a:oo> .\n"
    assert pick_predicates(data, ["a:p"], objects={"a:p": [b"<a:oo>"]}) == {
        "a:p": ([b"<a:t>"], [b"<a:oo>"])
    }
    assert pick_predicates(data[:20], ["a:p"], objects={"a:p": [b"<a:oo>"]}) == {"a:p": ([], [])}


def test_statements_picked_by_object_share_the_wanted_term():
    data = b"<a:s> <a:p> <a:o> .\n<a:t> <a:p> <a:oo> .\n<a:u> <a:p> <a:o> .\n"
    picked = pick_predicates(data, ["a:p"], objects={"a:p": [b"<a:oo>", b"<a:o>"]})
    objects = picked["a:p"][1]
    assert objects == [b"<a:o>", b"<a:oo>", b"<a:o>"]
    assert objects[0] is objects[2]
    assert pick_predicates(data, ["a:p"], objects={"a:p": []}) == {"a:p": ([], [])}


@pytest.mark.parametrize("chunk", [64, 1000])
def test_small_chunks_pick_the_same_statements(monkeypatch, chunk):
    data = lines(4, 3_000)
    wanted = {"a:p": [b"<a:o>", b'"x"@en']}
    whole = pick_predicates(data, PREDICATES, objects=wanted)
    monkeypatch.setattr(statement_scan, "CHUNK_BYTES", chunk)
    assert pick_predicates(data, PREDICATES, objects=wanted) == whole
    assert pick_predicates(data, PREDICATES) == plain_split(data, PREDICATES)


def test_a_subjects_statements_share_its_text_and_no_other():
    subjects = [b"<a:s1>", b"<a:s1>", b"<a:s2>", b"<http://x/long/0001>", b"<http://x/long/0002>"]
    subjects += [b"<http://x/long/0002>", b"<http://x/lonG/0002>", b"_:b", b"_:b"]
    data = b"".join(
        subject + (b" <a:p> " if number % 2 else b" <a:pq> ") + b'"v" .\n'
        for number, subject in enumerate(subjects)
    )
    picked = pick_predicates(data, ["a:p", "a:pq"])
    assert picked == plain_split(data, ["a:p", "a:pq"])
    # in the order of the lines: a:pq, a:p, a:pq, ...
    found = [picked["a:pq" if number % 2 == 0 else "a:p"][0][number // 2] for number in range(9)]
    assert found == subjects
    shared = [found[n] is found[n - 1] for n in range(1, 9)]
    assert shared == [True, False, False, False, True, False, False, True]
