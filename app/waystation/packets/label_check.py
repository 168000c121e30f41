"""Whether a country guide's packets can be printed: its label language has labels, and the
shipped fonts draw every letter of them (and of the guide's packet texts). Checked by
``waystation content validate``, so a missing font is found there and never as empty boxes in a
PDF a person hands to an office."""

from __future__ import annotations

from waystation.content.model import Pack
from waystation.packets.fonts import uncovered
from waystation.packets.labels import has_labels, keys, label


def packet_problems(pack: Pack) -> list[str]:
    if not pack.packets:
        return []
    language = pack.label_language
    if not has_labels(language):
        return [f"no packet labels for the label language '{language}' (resources/labels/{language}.json)"]
    texts = [label(key, language) for key in keys()]
    for definition in pack.packets.values():
        texts += list(definition.purpose.values.values()) + list(definition.office.values.values())
        texts.append(definition.office_local or "")
    missing = sorted(set().union(*(uncovered(text) for text in texts)))
    if missing:
        shown = " ".join(f"{c} (U+{ord(c):04X})" for c in missing[:8])
        return [f"no shipped font draws these letters of its packets: {shown}"]
    return []
