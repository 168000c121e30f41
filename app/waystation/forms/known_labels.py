"""The table of labels official forms print next to their fields (resources/forms/
known-labels.json, plus the packet labels of resources/labels/), and matching a field's texts
against it.

Texts are compared in a normal form: case folded, diacritics and German umlaut spellings
folded (``Staatsangehörigkeit``, ``Staatsangehoerigkeit`` and ``STAATSANGEHORIGKEIT`` meet),
camel case split (``familyName``), digits and punctuation turned into spaces. A label matches a
synonym when the synonym's words appear in it as whole words (Thai, written without spaces
between words, matches inside a text).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from waystation.packets.labels import label_languages
from waystation.resources_path import resource

_CAMEL = re.compile(r"([a-zäöüßа-яё])([A-ZÄÖÜА-ЯЁ])")
_NON_WORD = re.compile(r"[\W\d_]+")
_THAI = re.compile("[\u0e00-\u0e7f]")
MAX_WORDS = 8  # the longest synonym, in words

# packet label key -> target (resources/labels/<lang>.json)
_PACKET_KEYS = {
    "family_name": "family_name",
    "given_names": "given_names",
    "patronymic": "patronymic",
    "date_of_birth": "date_of_birth",
    "place_of_birth": "place_of_birth",
    "sex": "sex",
    "citizenship": "citizenship",
    "phone": "phone",
    "email": "email",
    "passport_number": "passport_number",
    "issued": "passport_issued",
    "expires": "passport_expires",
    "authority": "passport_authority",
    "address": "address",
    "city": "city",
    "arrival_date": "arrival_date",
}


def norm(text: str) -> str:
    text = _CAMEL.sub(r"\1 \2", text)
    text = unicodedata.normalize("NFKC", text).casefold().replace("ı", "i")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    text = _fold_umlauts(text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def _fold_umlauts(text: str) -> str:
    # "ae" after a consonant is how German writes "ä" without it; folded on both sides alike
    return re.sub(r"([b-df-hj-np-tv-z])(ae|oe|ue)", lambda m: m.group(1) + m.group(2)[0], text)


@dataclass(frozen=True)
class Hit:
    target: str
    language: str
    length: int  # characters of the synonym matched: longer is more specific
    exact: bool  # the synonym is the whole text


@dataclass(frozen=True)
class Table:
    synonyms: dict[str, list[tuple[str, str]]]  # normalised synonym -> [(target, language)]
    weak: dict[str, list[tuple[str, str]]]
    sections: dict[str, list[tuple[str, str]]]  # normalised word -> [(section, language)]
    blockers: frozenset[str]
    sex_values: dict[str, dict[str, list[str]]]  # sex -> language -> words (as written)
    latin_hints: tuple[str, ...]
    native_hints: tuple[str, ...]


@cache
def table() -> Table:
    data: dict[str, Any] = json.loads(resource("forms", "known-labels.json").read_text("utf-8"))
    synonyms: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for target, languages in data["targets"].items():
        for language, words in languages.items():
            for word in words:
                _add(synonyms, norm(word), (target, language))
    for language, key, target in _packet_labels():
        _add(synonyms, norm(key), (target, language))
    weak: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for target, languages in data["weak"].items():
        for language, words in languages.items():
            for word in words:
                _add(weak, norm(word), (target, language))
    sections: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for section, languages in data["sections"].items():
        for language, words in languages.items():
            for word in words:
                _add(sections, norm(word), (section, language))
    blockers = frozenset(norm(word) for words in data["blockers"].values() for word in words)
    return Table(
        dict(synonyms),
        dict(weak),
        dict(sections),
        blockers,
        data["sex_values"],
        tuple(norm(h) for h in data["latin_hints"]),
        tuple(norm(h) for h in data["native_hints"]),
    )


def _add(into: dict[str, list[tuple[str, str]]], key: str, entry: tuple[str, str]) -> None:
    if key and entry not in into[key]:
        into[key].append(entry)


def _packet_labels() -> list[tuple[str, str, str]]:
    found = []
    for language in label_languages():
        path = resource("labels", f"{language}.json")
        labels = json.loads(path.read_text("utf-8"))
        for key, target in _PACKET_KEYS.items():
            text = labels.get(key)
            if isinstance(text, str) and text:
                found.append((language, text, target))
    return found


def phrases(normalised: str) -> set[str]:
    """Every run of up to MAX_WORDS consecutive words of a normalised text."""
    words = normalised.split()
    return {
        " ".join(words[i:j])
        for i in range(len(words))
        for j in range(i + 1, min(len(words), i + MAX_WORDS) + 1)
    }


def _thai_hits(normalised: str, entries: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str, str]]:
    if not _THAI.search(normalised):
        return []
    return [
        (key, t, lang)
        for key, found in entries.items()
        if _THAI.search(key) and key in normalised
        for t, lang in found
    ]


def hits(text: str, language: str | None) -> list[Hit]:
    """The known labels found in ``text``: its targets, most specific first."""
    normalised = norm(text)
    if not normalised:
        return []
    chart = table()
    runs = phrases(normalised)
    found: list[Hit] = []
    for key in runs:
        for target, lang in chart.synonyms.get(key, ()):
            found.append(Hit(target, lang, len(key), key == normalised))
    for key, target, lang in _thai_hits(normalised, chart.synonyms):
        found.append(Hit(target, lang, len(key), key == normalised))
    weak = chart.weak.get(normalised, ())
    for target, lang in weak:
        if language is None or lang == language:
            found.append(Hit(target, lang, len(normalised), True))
    unique = list(dict.fromkeys(found))
    unique.sort(key=lambda h: (-h.exact, -h.length))
    return unique


def blocked(text: str) -> bool:
    """Whether ``text`` asks about something the profile does not hold (a former name, an
    employer, a signature)."""
    runs = phrases(norm(text))
    return any(blocker in runs for blocker in table().blockers)


def sections_in(text: str) -> list[str]:
    """The sections (spouse, child, parent...) a heading or label names."""
    normalised = norm(text)
    runs = phrases(normalised)
    found = []
    for key in runs:
        for section, _lang in table().sections.get(key, ()):
            if section not in found:
                found.append(section)
    return found


def hint(text: str, hints: tuple[str, ...]) -> bool:
    normalised = norm(text)
    return any(h and h in normalised for h in hints)


def sex_words(language: str | None) -> dict[str, list[str]]:
    """For each sex code, the words forms in ``language`` (and English) use for it."""
    found: dict[str, list[str]] = {}
    for sex, languages in table().sex_values.items():
        words = list(languages.get(language or "en", [])) + list(languages.get("en", []))
        found[sex] = list(dict.fromkeys(words))
    return found


def sex_of(text: str, language: str | None) -> str | None:
    """The sex code a printed option stands for ("weiblich" -> "F"), or None."""
    normalised = norm(text)
    if not normalised:
        return None
    matches = []
    for sex, words in sex_words(language).items():
        for word in words:
            key = norm(word)
            if key and (normalised == key or (len(key) > 2 and key in phrases(normalised))):
                matches.append((len(key), sex))
    matches.sort(reverse=True)
    return matches[0][1] if matches else None


def guess_language(texts: list[str]) -> str | None:
    """The language most of ``texts`` are in, judged by the known labels they hold (a word
    several languages share counts for each a little) and by their script."""
    votes: dict[str, float] = defaultdict(float)
    for text in texts:
        found = hits(text, None)
        if found:
            best = found[0]
            same = [hit.language for hit in found if hit.length == best.length]
            for language in set(same):
                votes[language] += 1.0 / len(set(same))
        for language in _script_languages(text):
            votes[language] += 0.5
    if not votes:
        return None
    language, score = max(votes.items(), key=lambda item: item[1])
    return language if score >= 1 else None


def _script_languages(text: str) -> list[str]:
    for pattern, languages in (
        ("[\u10a0-\u10ff]", ["ka"]),
        ("[\u0530-\u058f]", ["hy"]),
        ("[\u0590-\u05ff]", ["he"]),
        ("[\u0e00-\u0e7f]", ["th"]),
        ("[әғқңөұһі]", ["kk"]),
        ("[ђћџљњј]", ["sr"]),
    ):
        if re.search(pattern, text.lower()):
            return languages
    return []
