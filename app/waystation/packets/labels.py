"""Field labels of a packet, in the host countries' languages and the users' languages.

A packet shows each label in the pack's ``label_language`` (what the clerk reads) beside the same
label in the user's language. The labels are data, one JSON file per language in
resources/labels/ (see its README for reviewing and adding a language); ``label`` falls back to
English for a language without a file, and for a key a file lacks (a test insists there is none).
"""

from __future__ import annotations

import json
from functools import cache

from waystation.resources_path import resource

SOURCE = "en"


@cache
def _table(language: str) -> dict[str, str]:
    path = resource("labels", f"{language}.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text("utf-8"))
    return {str(k): str(v) for k, v in data.items()}


def label_languages() -> tuple[str, ...]:
    """Every language with a labels file."""
    return tuple(sorted(p.stem for p in resource("labels").glob("*.json")))


def has_labels(language: str) -> bool:
    return bool(_table(language))


def label(key: str, language: str) -> str:
    """The label ``key`` in ``language`` (English for a language without labels)."""
    return _table(language).get(key) or _table(SOURCE)[key]


def labels(key: str, local: str, user: str) -> tuple[str, str | None]:
    """The label for the clerk (``local``) and for the applicant (``user``); the second is None
    when both read the same."""
    first, second = label(key, local), label(key, user)
    return first, (second if second != first else None)


def keys() -> tuple[str, ...]:
    return tuple(_table(SOURCE))
