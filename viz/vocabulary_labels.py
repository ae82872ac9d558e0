"""Names in ru/be/en for the codes a network carries: concept notations and countries.

>>> concept_labels()["university"]["ru"]
'университет'
>>> country_labels(["BY"])["BY"]["be"]
'Беларусь'
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import pycountry
from rdflib import Literal
from rdflib.namespace import SKOS

from edukg.ontology import ontology_graph
from edukg.ontology.countries import USER_ASSIGNED, country_names

LANGUAGES = ("ru", "be", "en")


@cache
def concept_labels() -> dict[str, dict[str, str]]:
    """Preferred labels of every ontology concept, keyed by notation and by IRI.

    A notation used in two schemes keeps the first scheme's labels under the bare notation;
    the IRI key is always exact.
    """
    graph = ontology_graph()
    labels: dict[str, dict[str, str]] = {}
    for concept, notation in sorted(graph.subject_objects(SKOS.notation)):
        names = {
            label.language: str(label)
            for label in graph.objects(concept, SKOS.prefLabel)
            if isinstance(label, Literal) and label.language in LANGUAGES
        }
        labels[str(concept)] = names
        labels.setdefault(str(notation), names)
    return labels


def country_labels(codes: Iterable[str]) -> dict[str, dict[str, str]]:
    """Country names in ru/be/en for alpha-2 codes; unknown codes are left out."""
    labels: dict[str, dict[str, str]] = {}
    for code in codes:
        country = pycountry.countries.get(alpha_2=str(code).upper())
        if country is None:
            assigned = USER_ASSIGNED.get(str(code).upper())
            if assigned is not None:
                labels[code] = {lang: assigned[lang] for lang in ("ru", "be", "en")}
            continue
        labels[code] = {lang: names[0] for lang, names in country_names(country).items()}
    return labels
