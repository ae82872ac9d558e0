"""Hostile RDF input: entity expansion in RDF/XML is refused with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from edukg.core.errors import InputError
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="https://e.example/x"><rdfs:label>&lol9;</rdfs:label></rdf:Description>
</rdf:RDF>
"""

SMALL_ENTITY = LAUGHS.split("<!DOCTYPE")[0] + """<!DOCTYPE rdf:RDF [ <!ENTITY name "Минск"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="https://e.example/x"><rdfs:label>&name;</rdfs:label></rdf:Description>
</rdf:RDF>
"""


def test_billion_laughs_in_rdf_xml_is_refused_at_its_line(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    path = tmp_path / "laughs.rdf"
    path.write_text(LAUGHS, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_files(kg, [path])
    (problem,) = caught.value.problems
    assert "expand to more than" in problem.message and problem.line == 12
    assert kg.sources() == []


def test_a_small_internal_entity_in_rdf_xml_still_loads(kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "small.rdf"
    path.write_text(SMALL_ENTITY, encoding="utf-8")
    load_files(kg, [path])
    assert kg.ask('ASK { <https://e.example/x> rdfs:label "Минск" }')


def test_an_external_entity_in_rdf_xml_is_refused(kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "external.rdf"
    path.write_text(
        SMALL_ENTITY.replace('"Минск"', 'SYSTEM "file:///etc/passwd"'), encoding="utf-8"
    )
    with pytest.raises(InputError, match="nothing was loaded") as caught:
        load_files(kg, [path])
    assert "external entity" in caught.value.problems[0].message


def test_an_rdf_xml_syntax_error_has_a_line_and_column(kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "broken.rdf"
    path.write_text(
        SMALL_ENTITY.split("<!DOCTYPE")[0]
        + '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about="https://e.example/x">\n'
        "    <x:label>a</x:label>\n"
        "  </rdf:Description>\n</rdf:RDF>\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_files(kg, [path])
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (4, 5)
