"""Compare two names, then two records: a score from 0 to 100 and the reasons for it.

Levels as splink orders them: exact evidence first (same ROR id, same
website), then the names (rapidfuzz over the keys), then vetoes: names whose
numbers or places differ are different institutions, however alike.

>>> from edukg.resolve.keys import name_key as k
>>> compare_names(k("Гимназия № 1 г. Борисова"), k("Гимназия № 1 г. Минска")).score
0.0
>>> compare_names(k("Средняя школа № 3"), k("Средняя школа № 30")).score
0.0
>>> found = compare_names(k("Витебский государственный университет"), k("Vitebsk State University"))
>>> found.score >= 90, sorted(found.reasons)
(True, ['translation', 'transliteration'])
>>> compare_names(k("БГУ"), k("Belarusian State University")).reasons
frozenset({'acronym'})
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from edukg.resolve.dictionary import general_dictionary
from edukg.resolve.keys import NameKey, abbreviates, stem
from edukg.resolve.places import place_key
from edukg.resolve.records import InstitutionRecord
from edukg.resolve.translation import translate_pair, word_sources
from edukg.resolve.transliterate import skeleton
from edukg.resolve.vocabulary import Vocabulary

CONCEPT_PENALTY = 25.0
"""Points lost for each common word (state, medical, ...) only one of the names has."""

FORM_PENALTY = 12.0
"""Points lost when one name has a form (academy) where the other has another (university)."""

GENERIC_PENALTY = 14.0
"""More points lost for each difference of two names made of common words only."""

QUALIFIER_PENALTY = 3.0
"""Points lost for each word of standing (state, national, research) only one name has."""

EXTRA_WORD_PENALTY = 10.0
"""Points lost for each word of a name the other lacks, when all the other's words match."""

COMMON_PREFIX = 4
"""Common words are counted by their first letters (skeletons), as blocking counts them."""

WORD_MATCH = 80.0
"""rapidfuzz ratio (or shared start, see :func:`word_similarity`) at which two words match."""

COMMON_EXTRA_PENALTY = CONCEPT_PENALTY - EXTRA_WORD_PENALTY
"""More points lost for an extra word that is a common word of a dictionary (*Storage*, a
subject), not a person or a place: it costs what a concept only one name has costs."""

LONE_WORDS_PENALTY = 12.0
"""Points lost when only one of the names has words beyond the common ones."""

UNTRANSLATED_PENALTY = 10.0
"""Points lost for each Russian common word the vocabulary lacks that the other name (in Latin
letters) has in its own words, when the rest of the words match."""

MIN_SHARED_SUBJECTS = 2
"""Concepts besides forms two names must share when words they do not share may be
translations and no other word matches."""

MAX_STAND_INS = 1
"""Subjects only the Latin name has that Russian words the dictionary lacks may stand for."""

STAND_IN_PENALTY = 15.0
"""More points lost when a Russian word no dictionary edukg reads stands for a subject only the
Latin name has (*Breeding*, «коневодства»): the names are compared as if the word translated
the subject, less these points and those of an untranslated word, and the stand-in counts as
a word each that does not match (*best for both* forgives it only among other candidates)."""

HONOUR_PENALTY = 30.0
"""Points lost when the names honour different people."""

PERSON_AND_FORM_SCORE = 60.0
"""The score of a person and a form (*Sechenov University*) against a name of that form
honouring the person (see :func:`person_and_form`): below the review default, so proposed
only when the pair is the best of both records (``best for both``)."""

ACRONYM_SCORE = 85.0
"""The score of an acronym that abbreviates the other name (БГУ / Belarusian State University)."""

SAME_ACRONYM_SCORE = 70.0
"""The score of two equal acronyms: worth a look, never enough alone."""

DOMAIN_BONUS = 12.0
CITY_BONUS = 8.0
"""Points added when both records name the same city (none for a crowded city, see
:func:`crowded_cities`)."""
OTHER_CITY_PENALTY = 25.0
"""Points lost when both records name a city and the cities differ."""
CROWDED_SHARE = 0.1
CROWDED_MIN = 5
"""A city holding more than :data:`CROWDED_SHARE` of its country's records, and at least
:data:`CROWDED_MIN` of them, is crowded: being there says nothing (Moscow, Minsk)."""
PLACE_AGREEMENT = 80.0
"""rapidfuzz ratio at which two place names (skeletons) are the same place (Минска / Minsk)."""


@dataclass(frozen=True)
class NameScore:
    """How alike two names are, and why."""

    score: float
    reasons: frozenset[str] = frozenset()
    conflict: bool = True
    """The names say different things (a subject, or a word each, only one of them has), or
    only common words: nothing but the score may join them. ``False`` when all they differ
    in is extra words of one, words of standing, a form, or words one may translate."""
    conflict_kind: str = ""
    """What the names differ in when they conflict: ``common`` (common words only),
    ``subject`` (a subject only one has: medical), ``word`` (a word each that does not
    match: Grodno, Gomel) or ``honour`` (other people honoured); "" otherwise."""


def places_agree(first: tuple[str, ...] | str, second: tuple[str, ...] | str) -> bool:
    """Whether two places (skeletons) are the same: Минска / Minsk, Віцебск / Vitebsk.

    >>> places_agree(skeleton("Минска"), skeleton("Minsk")), places_agree("barisava", "minska")
    (True, False)
    """
    ones = (first,) if isinstance(first, str) else first
    others = (second,) if isinstance(second, str) else second
    return any(
        a.startswith(b[:5]) or b.startswith(a[:5]) or fuzz.ratio(a, b) >= PLACE_AGREEMENT
        for a in ones
        for b in others
    )


def word_similarity(first: str, second: str) -> float:
    """How alike two word skeletons are; a shared start of 5 letters is alike (Гродненский, Grodno).

    >>> word_similarity("hradna", "hradnen"), word_similarity("minsk", "pinsk")
    (95.0, 80.0)
    >>> word_similarity("ras", "rasan"), word_similarity("ris", "rasan")
    (95.0, 50.0)
    """
    score = fuzz.ratio(first, second)
    if len(first.rstrip("aeiou")) >= 2 and first.rstrip("aeiou") == second.rstrip("aeiou"):
        return 90.0  # endings of a short word: Asia, Азии
    if _adjective_of(first, second) or _adjective_of(second, first):
        return 90.0
    if len(first) >= 3 and second == first + "an" or len(second) >= 3 and first == second + "an":
        return 95.0  # a city in -an read as an English adjective: Ryazan (ras), Рязанский (rasan)
    shared = min(len(first), len(second), 5)
    if shared >= 4 and first[:shared] == second[:shared]:
        score = max(score, 95.0)
    return float(score)


def _adjective_of(adjective: str, city: str) -> bool:
    """Whether ``adjective`` is the stem of an adjective in -инский / -имский of ``city``, a
    name ending in a vowel (Бакинский, Baku; Уфимский, Ufa; Читинский, Chita).

    >>> _adjective_of("bakin", "baku"), _adjective_of("ufim", "ufa"), _adjective_of("ufim", "uf")
    (True, True, False)
    """
    return (
        len(city) >= 3
        and city[-1] in "aeiou"
        and adjective[-2:] in ("in", "im")
        and adjective[:-2] == city[:-1]
    )


def word_agreement(first: list[str], second: list[str], *, both_ways: bool = False) -> float:
    """How well two lists of words agree: each word's best match, averaged both ways.

    >>> word_agreement(["hamel"], ["hamel", "suhai"], both_ways=True) < word_agreement(
    ...     ["hamel"], ["hamel"])
    True
    """
    return word_alignment(first, second, both_ways=both_ways)[0]


def _common(word: str, common: Collection[str]) -> bool:
    return word[:COMMON_PREFIX] in common


def word_alignment(
    first: list[str], second: list[str], *, both_ways: bool = False
) -> tuple[float, int]:
    """How well two lists of words agree, and how many words only one list has.

    When every word of one list has its match in the other, the other list's
    words without a match are extras (a name adds a person or a place: Astrakhan
    Tatischev University, Астраханский университет): the agreement is that of
    the matched words, and the extras are counted. Otherwise (each list has a
    word the other lacks: Grodno / Gomel) it is each word's best match,
    averaged both ways, the lower of the two, and no extras are counted.

    >>> word_alignment(["astrah", "tatisev"], ["astrahan"])
    (95.0, 1)
    >>> word_alignment(["hradn"], ["hamel"])[1]
    0
    """
    quick = fuzz.token_sort_ratio(" ".join(first), " ".join(second))
    if quick >= 95:
        return float(quick), 0
    rows = process.cdist(first, second, scorer=fuzz.ratio).tolist()
    starts = {word[:4] for word in second if len(word) >= 4}
    kin = {word[:-1] + ending for word in second for ending in ("in", "im")}
    kin |= {word[:-2] for word in second if word[-2:] in ("in", "im", "an")}
    kin |= {word + "an" for word in second}
    for i, a in enumerate(first):
        if a[:4] in starts or len(a) < 4 or a in kin or a[:-1] in kin:
            rows[i] = [max(s, word_similarity(a, b)) for s, b in zip(rows[i], second, strict=True)]
    best_across = [max(row) for row in rows]
    best_down = [max(column) for column in zip(*rows, strict=True)]
    unmatched_first = sum(score < WORD_MATCH for score in best_across)
    unmatched_second = sum(score < WORD_MATCH for score in best_down)
    if not unmatched_first and unmatched_second and not both_ways:
        return sum(best_across) / len(best_across), unmatched_second
    if not unmatched_second and unmatched_first and not both_ways:
        return sum(best_down) / len(best_down), unmatched_first
    return float(min(sum(best_across) / len(rows), sum(best_down) / len(second))), 0


def compare_names(
    a: NameKey,
    b: NameKey,
    text_score: float | None = None,
    *,
    floor: float = 0.0,
    common: Collection[str] = frozenset(),
) -> NameScore:
    """Score two names; ``text_score`` is their keys' rapidfuzz ratio when already known.

    A pair already scoring below ``floor`` before its words are aligned is
    returned as it stands (aligning can only lower the score). ``common``
    holds the words (skeletons) many names of the country share (Kazakh in
    Kazakhstan): a name with extra words matches another only on a rarer word.
    """
    if a.is_acronym or b.is_acronym:
        return _compare_acronym(a, b)
    if a.numbers != b.numbers:
        return NameScore(0.0)
    given = (a, b)
    a, b = translate_pair(a, b)
    a, b = _science_as_research(a, b), _science_as_research(b, a)
    if (a, b) != given:
        text_score = None  # the keys read some words anew: their texts are scored again
    if a.places and b.places and not places_agree(a.places, b.places):
        return NameScore(0.0)
    score = fuzz.ratio(a.text, b.text) if text_score is None else text_score
    score -= _concept_penalty(a, b)
    # the person a name honours may stand among the other name's words (A.S. Pushkin Brest ...)
    words_a = [w for w in a.words if not (b.honour and _in_honour(w, b.honour))]
    words_b = [w for w in b.words if not (a.honour and _in_honour(w, a.honour))]
    if _renamed(a, b) or (len(words_a), len(words_b)) != (len(a.words), len(b.words)):
        # the text's ratio counted the person's words as other words: count again without them
        score = fuzz.ratio(_text(a, words_a), _text(b, words_b)) - _concept_penalty(a, b)
    translated = _untranslated_alignment(a, b, words_a, words_b)
    if translated is not None:
        # Russian words the vocabulary lacks may translate the other name's words
        agreement, pairs, stood = translated
        score = agreement - UNTRANSLATED_PENALTY * pairs - STAND_IN_PENALTY * len(stood)
        score -= _concept_penalty(_without(a, stood), _without(b, stood))
    elif words_a and words_b:
        if words_a != words_b:
            agreement, extras = word_alignment(words_a, words_b)
            matched = words_b if len(words_a) > len(words_b) else words_a
            if extras and all(_common(word, common) for word in matched):
                extras = 0  # only common words match: the extras are what tells them apart
                agreement = word_agreement(words_a, words_b, both_ways=True)
            if extras:
                score = agreement - EXTRA_WORD_PENALTY * extras - _concept_penalty(a, b)
                score -= COMMON_EXTRA_PENALTY * _common_extras(a, b, words_a, words_b)
            elif score >= floor:
                score = min(score, agreement)
    elif words_a or words_b:
        score -= LONE_WORDS_PENALTY
        if (words_a and b.honour and not a.honour) or (words_b and a.honour and not b.honour):
            score -= LONE_WORDS_PENALTY  # a word of one, a person of the other: two names
    if a.honour and b.honour and not places_agree(a.honour, b.honour):
        score -= HONOUR_PENALTY
    if not (words_a or words_b):
        # names of common words only (National Library of Russia, Russian State Library):
        # a word of standing or a person only one of them has tells them apart
        score -= GENERIC_PENALTY * len(a.qualifiers ^ b.qualifiers)
        score -= GENERIC_PENALTY * (bool(a.honour) != bool(b.honour))
    reasons = set()
    spelt_alike = a.words or b.words or a.honour or b.honour or a.concept_words & b.concept_words
    if a.scripts != b.scripts and spelt_alike:
        reasons.add("transliteration")
    shared = (set(a.concepts) & set(b.concepts)) | (a.qualifiers & b.qualifiers)
    if shared and a.concept_words != b.concept_words:
        reasons.add("translation")
    if a.text == b.text and not reasons:
        reasons.add("same name")
    final = max(0.0, round(score, 1))
    # below the floor no bonus lifts a pair high enough, at 100 none is needed: no check
    unchecked = final < floor or final >= 100.0
    kind = "" if unchecked else _conflict(a, b, words_a, words_b, translated)
    conflict = unchecked or bool(kind)
    return NameScore(final, frozenset(reasons), conflict, kind)


@lru_cache(maxsize=131072)
def is_person_and_form(key: NameKey) -> bool:
    """Whether a name is a word and a higher-education form only (*Sechenov University*).

    >>> from edukg.resolve.keys import name_key as k
    >>> is_person_and_form(k("Sechenov University"))
    True
    >>> is_person_and_form(k("Minsk State Medical University"))
    False
    """
    forms = Vocabulary.from_package().forms
    return (
        len(key.words) == 1
        and len(key.concepts) == 1
        and key.concepts[0] in forms
        and not key.honour
        and not key.numbers
        and not key.places
        and not key.is_acronym
    )


def person_and_form(a: NameKey, b: NameKey) -> NameScore | None:
    """:data:`PERSON_AND_FORM_SCORE` when one name is a person and a form (*Sechenov University*)
    and the other a name of that form honouring the person («… университет имени И. М.
    Сеченова»), either way round; ``None`` otherwise.

    >>> from edukg.resolve.keys import name_key as k
    >>> full = k("Медицинский университет имени И.М. Сеченова")
    >>> person_and_form(k("Sechenov University"), full).score
    60.0
    >>> person_and_form(k("Sechenov University"), k("Медицинская академия имени И.М. Сеченова"))
    """
    for short, full in ((a, b), (b, a)):
        if (
            full.honour
            and not full.is_acronym
            and not full.numbers
            and is_person_and_form(short)
            and short.concepts[0] in full.concepts
            and _in_honour(short.words[0], full.honour)
        ):
            return NameScore(PERSON_AND_FORM_SCORE, frozenset({"person and form"}), conflict=False)
    return None


def _conflict(
    a: NameKey,
    b: NameKey,
    words_a: list[str],
    words_b: list[str],
    translated: tuple[float, int, frozenset[str]] | None,
) -> str:
    """What two names say differently, "" for nothing (see :attr:`NameScore.conflict_kind`)."""
    if not (words_a or words_b or a.honour or b.honour):
        return "common"  # common words only: RSL, National Library of Russia
    if translated is not None:
        return "word" if translated[2] else ""  # a stand-in: forgiven only among others
    vocabulary = Vocabulary.from_package()
    subjects_a = set(a.concepts) - set(b.concepts) - vocabulary.forms
    subjects_b = set(b.concepts) - set(a.concepts) - vocabulary.forms
    if subjects_a or subjects_b:
        return "subject"  # medical in one only: BSU, BSMU
    if words_a and words_b and words_a != words_b:
        _agreement, extras = word_alignment(words_a, words_b)
        if not extras and _agreement < WORD_MATCH:
            return "word"  # a word each: Grodno, Gomel
    return "honour" if a.honour and b.honour and not places_agree(a.honour, b.honour) else ""


def _untranslated_alignment(
    a: NameKey, b: NameKey, words_a: list[str], words_b: list[str]
) -> tuple[float, int, frozenset[str]] | None:
    """When the words a Cyrillic name and a Latin one do not share may be translations (the
    Cyrillic ones are Russian common words the vocabulary lacks): the agreement of the words
    they share, how many words differ, and the Latin name's concepts a Russian word may
    stand for. Else ``None``.

    Both names have the same concepts, they share a word besides (a place, a person) or
    :data:`MIN_SHARED_SUBJECTS` concepts that are no forms (medical, research), and the Latin
    name has at most one word more: common words alone never join two names, and a subject
    the vocabulary knows (oncology) is never taken for a word the general dictionary knows.
    One subject only the Latin name has (no form) may stand for a Russian word no entry of
    the general dictionary gives (*breeding*, коневодства): see :data:`STAND_IN_PENALTY`.
    """
    if a.scripts == frozenset({"cyrillic"}) and b.scripts == frozenset({"latin"}):
        cyrillic, latin, own, other = a, b, words_a, words_b
    elif b.scripts == frozenset({"cyrillic"}) and a.scripts == frozenset({"latin"}):
        cyrillic, latin, own, other = b, a, words_b, words_a
    else:
        return None
    forms = Vocabulary.from_package().forms
    stood = frozenset(latin.concepts) - frozenset(cyrillic.concepts)
    if not cyrillic.untranslated or set(cyrillic.concepts) - set(latin.concepts):
        return None
    if len(stood) > MAX_STAND_INS or stood & forms:
        return None
    if not own:
        return None
    best_own = [max((word_similarity(w, o) for o in other), default=0.0) for w in own]
    best_other = [max(word_similarity(o, w) for w in own) for o in other]
    unmatched_own = [w for w, s in zip(own, best_own, strict=True) if s < WORD_MATCH]
    if not unmatched_own or any(w not in cyrillic.untranslated for w in unmatched_own):
        return None
    if stood:
        sources = word_sources(cyrillic)
        dictionary = general_dictionary()
        unknown = [w for w in unmatched_own if not dictionary.knows(sources.get(w, w))]
        if len(unknown) < len(stood):
            return None
    matched = [s for s in best_own if s >= WORD_MATCH]
    subjects = set(cyrillic.concepts) - forms
    if not matched and len(subjects) < MIN_SHARED_SUBJECTS:
        return None
    unmatched_other = sum(s < WORD_MATCH for s in best_other)
    if not unmatched_other + len(stood) or unmatched_other > len(unmatched_own) - len(stood) + 1:
        return None
    agreement = sum(matched) / len(matched) if matched else 100.0
    return agreement, max(len(unmatched_own), unmatched_other + len(stood)), stood


def _without(key: NameKey, concepts: frozenset[str]) -> NameKey:
    """``key`` without ``concepts`` (those a word of the other name stands for)."""
    if not concepts or not set(key.concepts) & concepts:
        return key
    return replace(key, concepts=tuple(c for c in key.concepts if c not in concepts))


def _common_extras(a: NameKey, b: NameKey, words_a: list[str], words_b: list[str]) -> int:
    """How many words of one name without a match in the other are common words: Russian
    words of the dictionary the vocabulary lacks, English words of the general dictionary."""
    longer, key, other = (
        (words_a, a, words_b) if len(words_a) > len(words_b) else (words_b, b, words_a)
    )
    sources = word_sources(key)
    english = general_dictionary()
    count = 0
    for word in longer:
        if any(word_similarity(word, o) >= WORD_MATCH for o in other):
            continue
        if word in key.untranslated or (
            key.scripts == frozenset({"latin"}) and english.russian(sources.get(word, ""))
        ):
            count += 1
    return count


def _science_as_research(key: NameKey, other: NameKey) -> NameKey:
    """``key`` with *science* read as a word of standing, like «научный», when the other name
    has «научный» (research) and no science: *Science Foundation*, «научный фонд»."""
    if (
        "sciences" in key.concepts
        and "sciences" not in other.concepts
        and "research" in other.qualifiers
        and "research" not in key.qualifiers
    ):
        concepts = tuple(c for c in key.concepts if c != "sciences")
        return replace(
            key,
            concepts=concepts,
            qualifiers=key.qualifiers | {"research"},
            text=" ".join(sorted(concepts) + sorted(key.words)),
        )
    return key


def _in_honour(word: str, honour: tuple[str, ...]) -> bool:
    """Whether ``word`` is one of the words of a person's name (Yanka / Янки, Kupala / Купалы)."""
    bare = word.rstrip("aeiou")
    return places_agree(word, honour) or any(
        (len(bare) >= 3 and bare == person.rstrip("aeiou"))
        or (len(word) >= 4 and len(person) >= 4 and word[:4] == person[:4])
        for person in honour
    )


def _concept_penalty(a: NameKey, b: NameKey) -> float:
    """Points lost for the concepts only one name has; one form for another costs less."""
    only_a, only_b = set(a.concepts) - set(b.concepts), set(b.concepts) - set(a.concepts)
    renamed = int(_renamed(a, b))  # an academy that became a university
    penalty = CONCEPT_PENALTY * (len(only_a) + len(only_b) - 2 * renamed)
    return penalty + FORM_PENALTY * renamed + QUALIFIER_PENALTY * len(a.qualifiers ^ b.qualifiers)


def _renamed(a: NameKey, b: NameKey) -> bool:
    """Whether one name has a form (academy) where the other has another (university)."""
    forms = Vocabulary.from_package().forms
    only_a, only_b = set(a.concepts) - set(b.concepts), set(b.concepts) - set(a.concepts)
    if ("institute" in only_a and "research" in a.qualifiers) or (
        "institute" in only_b and "research" in b.qualifiers
    ):
        return False  # a research institute does not become a university
    return bool(only_a & forms and only_b & forms)


def _text(key: NameKey, words: list[str]) -> str:
    """The text rapidfuzz scores, every form (academy, university) written alike."""
    forms = Vocabulary.from_package().forms
    concepts = ["form" if concept in forms else concept for concept in key.concepts]
    return " ".join(sorted(concepts) + sorted(words))


def _compare_acronym(a: NameKey, b: NameKey) -> NameScore:
    if a.is_acronym and b.is_acronym:
        if skeleton(a.name) == skeleton(b.name):
            return NameScore(SAME_ACRONYM_SCORE, frozenset({"acronym"}))
        return NameScore(0.0)
    acronym, full = (a, b) if a.is_acronym else (b, a)
    if acronym.honour:
        # БрГУ имени А.С. Пушкина / Brest State A.S. Pushkin University: the person is no
        # letter of the acronym, and a full name honouring someone else is another place
        if full.honour and not places_agree(full.honour, acronym.honour):
            return NameScore(0.0)
        full = replace(
            full,
            sequence=tuple(
                (item, is_concept)
                for item, is_concept in full.sequence
                if is_concept or not _in_honour(skeleton(stem(item)), acronym.honour)
            ),
        )
    if abbreviates(acronym.acronym or acronym.name, full):
        return NameScore(ACRONYM_SCORE, frozenset({"acronym"}))
    return NameScore(0.0)


def city_key(city: str) -> str:
    """What a city is counted by: its skeleton (Minsk, Мінск and Минск are one), or that of
    its English name when the CLDR knows the city (Москва, Moscow; see :mod:`.places`).

    >>> city_key("Мінск") == city_key("Minsk"), city_key("Москва") == city_key("Moscow")
    (True, True)
    """
    return place_key(city)


@lru_cache(maxsize=65536)
def same_city(first: str, second: str) -> bool:
    """Whether two cities (as :func:`city_key` gives them) are one place; asked once a pair.

    >>> same_city(city_key("Минск"), city_key("Minsk")), same_city("minsk", "hrodna")
    (True, False)
    """
    return places_agree(first, second)


def crowded_cities(records: Iterable[InstitutionRecord]) -> frozenset[tuple[str | None, str]]:
    """The (country, city key) of cities crowded with records: more than
    :data:`CROWDED_SHARE` of the country's records and at least :data:`CROWDED_MIN`.

    >>> records = [InstitutionRecord(str(i), (), "BY", "Minsk") for i in range(5)]
    >>> records.append(InstitutionRecord("x", (), "BY", "Hrodna"))
    >>> sorted(crowded_cities(records))
    [('BY', 'minsk')]
    """
    per_country: Counter[str | None] = Counter()
    per_city: Counter[tuple[str | None, str]] = Counter()
    for record in records:
        per_country[record.country] += 1
        if record.city:
            per_city[(record.country, city_key(record.city))] += 1
    return frozenset(
        (country, city)
        for (country, city), count in per_city.items()
        if count >= CROWDED_MIN and count > CROWDED_SHARE * per_country[country]
    )


def compare_records(
    left: InstitutionRecord,
    right: InstitutionRecord,
    names: NameScore | None,
    *,
    crowded: Collection[tuple[str | None, str]] = frozenset(),
) -> NameScore:
    """The score of two records: their best names, then registry ids, website and city.

    Two records in the same city gain :data:`CITY_BONUS` unless the city is one of
    ``crowded`` (see :func:`crowded_cities`): there it is no evidence. Two in other
    cities lose :data:`OTHER_CITY_PENALTY`.
    """
    score = names.score if names else 0.0
    reasons = set(names.reasons) if names else set()
    if (left.ror_ids & right.ror_ids) or left.iri in right.same_as or right.iri in left.same_as:
        return NameScore(100.0, frozenset(reasons | {"same ROR id"}))
    if left.same_as & right.same_as:
        return NameScore(100.0, frozenset(reasons | {"same registry id"}))
    if left.domain and left.domain == right.domain:
        score = min(100.0, score + DOMAIN_BONUS)
        reasons.add("same website domain")
    if left.city and right.city:
        first, second = city_key(left.city), city_key(right.city)
        if not same_city(first, second):
            score -= OTHER_CITY_PENALTY
        elif (left.country, first) not in crowded and (right.country, second) not in crowded:
            score = min(100.0, score + CITY_BONUS)
            reasons.add("same city")
    return NameScore(max(0.0, round(score, 1)), frozenset(reasons))
