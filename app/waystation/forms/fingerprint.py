"""The fingerprint of a form: a digest of its field structure — names, kinds, states, choices,
lengths — and not of its bytes, so a re-saved or already filled copy of the same form has the
same fingerprint, and another form (or another edition with other fields) has another."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from waystation.forms.model import FormField

PREFIX = "fp1:"


def fingerprint(fields: Iterable[FormField]) -> str:
    structure = sorted(
        [
            item.name,
            item.kind,
            sorted(item.states),
            [option.export for option in item.options],
            item.max_length or 0,
            item.comb,
            item.multiline,
            item.multi_select,
        ]
        for item in fields
    )
    digest = hashlib.sha256(json.dumps(structure, ensure_ascii=False).encode("utf-8")).hexdigest()
    return PREFIX + digest[:32]
