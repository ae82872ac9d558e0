"""Rules that find what a sentence says about cooperation: the mentions of facts.

Each rule reads one analysed :class:`~edukg.loaders.text_nlp.Sentence` and
returns :class:`Mention` objects with their exact place in the text:

- institutions: natasha's organisations (and «quoted» names after a legal
  form such as ГУО) that name an education body; the name is put into the
  nominative by its head only, so its dependent words keep their case;
- regions: "<adjective> область" in any case, matched to ISO 3166-2;
- countries: natasha's places that are countries;
- agreements: the words of the agreement-kind vocabulary (соглашение,
  договор, меморандум ...), and counts such as "заключено 16 соглашений";
- event kinds: the Russian labels of the event-kind vocabulary (визит
  делегации, совместный семинар, круглый стол ...), matched by lemmas;
- years and dates: natasha's dates extractor.

The vocabularies come from ``ontology/edukg.ttl``: adding a label there teaches
the rules a new phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from edukg.loaders.text_nlp import (
    Entity,
    Sentence,
    Token,
    nominative_phrase,
    pipeline,
    word_lemma,
)
from edukg.loaders.text_places import Region, country_of_phrase, region_of_adjective

EDUCATION_WORDS = frozenset(
    {
        "институт", "университет", "академия", "колледж", "школа", "гимназия", "лицей",
        "училище", "техникум", "сад", "центр", "учреждение", "министерство", "управление",
        "департамент", "комитет", "кафедра", "факультет", "консерватория", "ясли-сад",
        "дворец", "отдел",
    }
)
"""Lemmas one of which an organisation's name must hold to count as an education body."""

LEGAL_FORM = re.compile(
    r"^(?:(?:ГУО|ГУ|УО|ГУДО|ГОУ|ГБОУ|МБОУ|МАОУ|ФГБОУ|ФГАОУ|ЧУО|УВО|НОУ|АНО|ООО|ОАО|ЗАО|РУП|"
    r"КГУ|РГП|ГКП)(?:\s+(?:ВО|ВПО|ДО|ДПО))?\s+)"
)
"""Abbreviated legal forms written before an institution's name."""

QUOTED_NAME = re.compile(
    r"\b(?:ГУО|ГУ|УО|ГУДО|ГОУ|ГБОУ|МБОУ|МАОУ|ФГБОУ|ФГАОУ|ЧУО|УВО|НОУ|АНО|КГУ|РГП)"
    r"(?:\s+(?:ВО|ВПО|ДО|ДПО))?\s*«([^«»\n]{3,200})»"
)

AGREEMENT_WORD = r"(соглашени|договор|меморандум)\w*"
COUNT_BEFORE = re.compile(
    r"(?:заключ|подпис)\w*\s+(?:(?:более|свыше|около|порядка)\s+)?(\d{1,4})\s+"
    r"(?:[^\W\d]+\s+){0,2}?" + AGREEMENT_WORD,
    re.IGNORECASE,
)
COUNT_AFTER = re.compile(
    r"\b(\d{1,4})\s+(?:[^\W\d]+\s+){0,2}?" + AGREEMENT_WORD
    + r"(?:[^.;!?]{0,80}?)\b(?:был[иоа]?\s+)?(?:заключен|подписан)\w*",
    re.IGNORECASE,
)
AGREEMENT_KIND_OF_STEM = {
    "соглашени": "agreement", "договор": "contract", "меморандум": "memorandum",
}

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b\d{1,2}\.\d{1,2}\.\d{2}\b")

GENERIC_LABELS = frozenset({"программа", "другое"})
"""Vocabulary labels too general to be a mention by themselves."""


@dataclass(frozen=True)
class Mention:
    """Something a sentence names, with its place in the text.

    ``value`` identifies what was found (an institution's name, a country or
    region code, a concept IRI, a year, an ISO date); ``details`` hold what
    goes with it (a region of an institution, the number and year of a count).
    """

    kind: str
    start: int
    stop: int
    text: str
    value: str
    label: str
    confidence: float
    sentence: Sentence
    details: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


# ---------------------------------------------------------------- institutions


def institutions(sentence: Sentence) -> list[Mention]:
    """Education bodies named in the sentence, by natasha (ORG) or a «quoted» name."""
    found: list[Mention] = []
    for match in QUOTED_NAME.finditer(sentence.text):
        start = sentence.start + match.start(1)
        stop = sentence.start + match.end(1)
        mention = _institution(sentence, start, stop, match.group(1), confidence=0.85)
        if mention is not None:
            found.append(mention)
    for entity in sentence.entities:
        if entity.kind != "ORG":
            continue
        text = entity.text
        cleaned = LEGAL_FORM.sub("", text).strip("«»\"“”„ ")
        offset = text.find(cleaned)
        start = entity.start + max(offset, 0)
        stop = start + len(cleaned)
        if any(m.start <= start < m.stop for m in found):
            continue
        # "Министерства образования" + "Республики Таджикистан": the country is part of the name.
        country = _country_right_after(sentence, stop)
        if country is not None:
            stop = country.stop
            cleaned = sentence.text[start - sentence.start : stop - sentence.start]
        mention = _institution(sentence, start, stop, cleaned, confidence=0.9)
        if mention is not None:
            if country is not None:
                mention.details.setdefault("country", country_of_phrase(country.text) or "")
            found.append(mention)
    for start, stop in _numbered_names(sentence):
        if any(m.start < stop and start < m.stop for m in found):
            continue
        text = sentence.text[start - sentence.start : stop - sentence.start]
        mention = _institution(sentence, start, stop, text, confidence=0.75)
        if mention is not None:
            found.append(mention)
    return found


NUMBERED_KINDS = frozenset({"гимназия", "лицей", "школа", "колледж", "сад", "ясли-сад", "училище"})
"""Lemmas of institutions commonly named by a number: "гимназия № 2 г. Слуцка"."""


def _numbered_names(sentence: Sentence) -> list[tuple[int, int]]:
    """Spans of "(adjectives) <kind> № <n> (г. <Town> | имени <Name ...>)", lower case too."""
    tokens = sentence.tokens
    spans: list[tuple[int, int]] = []
    for index, token in enumerate(tokens[:-2]):
        if token.lemma not in NUMBERED_KINDS or tokens[index + 1].text != "№":
            continue
        if not tokens[index + 2].text[:1].isdigit():
            continue
        first = index
        while first > 0 and tokens[first - 1].pos == "ADJ":
            first -= 1
        last = index + 2
        rest = tokens[last + 1 :]
        town = 1 if rest and rest[0].text in ("г.", "г") else 0
        if town and len(rest) > town and rest[town].text == ".":
            town += 1
        if town and len(rest) > town and rest[town].text[:1].isupper():
            last += town + 1
        elif rest and rest[0].lemma == "имя":
            names = 0
            while names < 3 and len(rest) > names + 1 and rest[names + 1].text[:1].isupper():
                names += 1
            last += 1 + names if names else 0
        spans.append((tokens[first].start, tokens[last].stop))
    return spans


def _country_right_after(sentence: Sentence, stop: int) -> Entity | None:
    for entity in sentence.entities:
        if entity.kind != "LOC" or entity.start < stop:
            continue
        between = sentence.text[stop - sentence.start : entity.start - sentence.start]
        if between.strip() == "" and country_of_phrase(entity.text) is not None:
            return entity
        return None
    return None


def _institution(
    sentence: Sentence, start: int, stop: int, text: str, *, confidence: float
) -> Mention | None:
    words = re.findall(r"№|[\w-]+|[^\w\s]", text)
    lemmas = [word_lemma(w) for w in words]
    if len(words) < 2 or not EDUCATION_WORDS.intersection(lemmas):
        return None
    label = nominative_phrase(words)
    label = re.sub(r"\s+([,.»)])", r"\1", label).replace("« ", "«").replace("( ", "(")
    details: dict[str, str] = {}
    kind = institution_kind(lemmas)
    if kind is not None:
        details.update(kind=kind[0], kind_label=kind[1])
    for index, lemma in enumerate(lemmas[1:], 1):
        if lemma == "областной":
            region = region_of_adjective(words[index - 1])
            if region is not None:
                details.update(region=region.code, region_label=region.label,
                               country=region.country)
    return Mention("institution", start, stop, text, label, label, confidence, sentence, details)


def institution_kind(lemmas: list[str]) -> tuple[str, str] | None:
    """The institution-kind concept (IRI, Russian label) whose label the name's words hold.

    The longest label wins: "средняя школа" before "школа".
    """
    for phrase, concept, label in _vocabulary_phrases("institution-kind"):
        size = len(phrase)
        if any(tuple(lemmas[i : i + size]) == phrase for i in range(len(lemmas) - size + 1)):
            return concept, label
    return None


# ---------------------------------------------------------------- places


def regions(sentence: Sentence, *, prefer: frozenset[str] = frozenset()) -> list[Mention]:
    """Regions written "<adjective> область" in any case."""
    found: list[Mention] = []
    tokens = sentence.tokens
    for before, token in zip(tokens, tokens[1:], strict=False):
        if token.lemma != "область" or before.pos != "ADJ":
            continue
        region = region_of_adjective(before.text, prefer=prefer)
        if region is None:
            continue
        found.append(_region_mention(sentence, before, token, region))
    return found


def _region_mention(sentence: Sentence, first: Token, last: Token, region: Region) -> Mention:
    text = sentence.text[first.start - sentence.start : last.stop - sentence.start]
    return Mention(
        "region", first.start, last.stop, text, region.code, region.label, 0.9, sentence,
        {"country": region.country},
    )


def countries(sentence: Sentence) -> list[Mention]:
    """Countries among natasha's places (in any case form)."""
    found: list[Mention] = []
    for entity in sentence.entities:
        if entity.kind != "LOC":
            continue
        code = country_of_phrase(entity.text)
        if code is None:
            continue
        label = country_label(code)
        found.append(
            Mention("country", entity.start, entity.stop, entity.text, code, label, 0.8, sentence)
        )
    return found


def country_label(code: str) -> str:
    """A country's Russian name (its code when pycountry has none).

    >>> country_label("KZ")
    'Казахстан'
    """
    import pycountry

    from edukg.ontology.countries import country_names

    country = pycountry.countries.get(alpha_2=code)
    names = country_names(country).get("ru") if country is not None else None
    return names[0] if names else code


# ---------------------------------------------------------------- agreements and events


@cache
def _vocabulary_phrases(scheme: str) -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """(lemmas, concept IRI, Russian label) of a scheme's Russian labels, longest first."""
    from rdflib import RDF, SKOS, URIRef

    from edukg.ontology import ontology_graph
    from edukg.ontology.namespace import SCHEMES

    graph = ontology_graph()
    phrases: list[tuple[tuple[str, ...], str, str]] = []
    for concept in graph.subjects(SKOS.inScheme, URIRef(SCHEMES[scheme])):
        if (concept, RDF.type, SKOS.Concept) not in graph:
            continue
        preferred = next(
            (str(v) for v in graph.objects(concept, SKOS.prefLabel)
             if getattr(v, "language", None) == "ru"),
            str(concept),
        )
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(concept, predicate):
                if getattr(label, "language", None) != "ru" or str(label) in GENERIC_LABELS:
                    continue
                lemmas = tuple(word_lemma(w) for w in re.findall(r"[\w-]+", str(label)))
                phrases.append((lemmas, str(concept), preferred))
    phrases.sort(key=lambda p: (-len(p[0]), p[1]))
    return tuple(phrases)


def _phrase_mentions(
    sentence: Sentence, scheme: str, kind: str, confidence: float
) -> list[Mention]:
    tokens = [t for t in sentence.tokens if re.match(r"\w", t.text)]
    lemmas = [t.lemma for t in tokens]
    taken: set[int] = set()
    found: list[Mention] = []
    for phrase, concept, label in _vocabulary_phrases(scheme):
        size = len(phrase)
        for index in range(len(tokens) - size + 1):
            if tuple(lemmas[index : index + size]) != phrase:
                continue
            if taken.intersection(range(index, index + size)):
                continue
            taken.update(range(index, index + size))
            start, stop = tokens[index].start, tokens[index + size - 1].stop
            text = sentence.text[start - sentence.start : stop - sentence.start]
            found.append(Mention(kind, start, stop, text, concept, label, confidence, sentence))
    return sorted(found, key=lambda m: m.start)


def event_kinds(sentence: Sentence) -> list[Mention]:
    """Kinds of cooperation events the sentence names (визит делегации, семинар ...).

    Beyond the vocabulary's labels, a delegation that visits ("делегация ...
    посетила", "прибыла делегация") is a delegation visit.
    """
    found = _phrase_mentions(sentence, "event-kind", "event-kind", 0.7)
    lemmas = {t.lemma for t in sentence.tokens}
    if not any(m.value.endswith("/delegation_visit") for m in found) and \
            "делегация" in lemmas and lemmas & VISIT_VERBS:
        from edukg.ontology.namespace import EVENT_KIND

        token = next(t for t in sentence.tokens if t.lemma == "делегация")
        found.append(Mention(
            "event-kind", token.start, token.stop, token.text,
            str(EVENT_KIND["delegation_visit"]), "визит делегации", 0.7, sentence,
        ))
    return sorted(found, key=lambda m: m.start)


VISIT_VERBS = frozenset({"посетить", "посещать", "прибыть", "приехать", "побывать", "визит"})


def agreement_mentions(sentence: Sentence) -> list[Mention]:
    """Agreements the sentence names (соглашение, договор, меморандум ...)."""
    return _phrase_mentions(sentence, "agreement-kind", "agreement", 0.6)


def agreement_counts(sentence: Sentence) -> list[Mention]:
    """Counts of signed agreements: "заключено 16 соглашений", "16 договоров подписано"."""
    from edukg.ontology.namespace import AGREEMENT_KIND

    found: list[Mention] = []
    for pattern in (COUNT_BEFORE, COUNT_AFTER):
        for match in pattern.finditer(sentence.text):
            start, stop = sentence.start + match.start(), sentence.start + match.end()
            if any(m.start < stop and start < m.stop for m in found):
                continue
            number = match.group(1)
            kind = AGREEMENT_KIND_OF_STEM[match.group(2).lower()]
            found.append(
                Mention(
                    "agreement-count", start, stop, match.group(0), number, number, 0.9,
                    sentence, {"agreement_kind": str(AGREEMENT_KIND[kind])},
                )
            )
    return found


# ---------------------------------------------------------------- years and dates


def years_and_dates(sentence: Sentence) -> list[Mention]:
    """Years ("в 2024 г.") and dates ("12 марта 2024 года") by natasha's dates extractor."""
    found: list[Mention] = []
    if not _YEAR.search(sentence.text):
        return found  # every date kept has a year: spare the parser sentences without one
    for match in pipeline().dates(sentence.text):
        fact = match.fact
        if fact.year is None or not 1900 <= fact.year <= 2100:
            continue
        start, stop = sentence.start + match.start, sentence.start + match.stop
        text = sentence.text[match.start : match.stop]
        if fact.month and fact.day:
            value = f"{fact.year:04d}-{fact.month:02d}-{fact.day:02d}"
            found.append(Mention("date", start, stop, text, value, value, 0.8, sentence))
        elif fact.month:
            value = f"{fact.year:04d}-{fact.month:02d}"
            found.append(Mention("date", start, stop, text, value, value, 0.7, sentence))
        else:
            value = str(fact.year)
            found.append(Mention("year", start, stop, text, value, value, 0.7, sentence))
    return found
