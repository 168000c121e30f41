"""Reading a form's page like a person does: which printed text labels which field, and under
which heading (whose details: the applicant's, the spouse's, a child's) each field stands.

Labels are found in two passes. First the text on the field's own line: to the left of (or
inside) a text box, to the right of a checkbox or radio button. Then, for boxes still without
one, the text just above or below — among the texts no other field took on its own line, so the
option printed next to a checkbox in the row above is not mistaken for the label of the box
below it. A text printed beside several buttons of one group names the group, not an option.

A heading is a short text no field took as its label that names a section ("Angaben zum
Ehegatten", "Kind 2") or is numbered ("3. Reisepass"); a numbered heading that names no known
section ends the one before it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from waystation.forms import known_labels
from waystation.forms.labels import Segment, clean_label, nearest_segment
from waystation.forms.model import FormField, Rect, Section

MAX_HEADING_WORDS = 8
_DIGITS = re.compile(r"\d+")
_NUMBERED = re.compile(r"^\s*(\d{1,2}(\.\d{1,2})?|[IVX]{1,4}|[A-H])[.)]\s*\S")

Key = tuple[int, int]  # field index, widget index


@dataclass(frozen=True)
class Heading:
    page: int
    top: float
    section: Section
    index: int  # the child's number under a child heading, else 0
    text: str


def label_fields(fields: list[FormField], segments: dict[int, list[Segment]]) -> list[FormField]:
    """``fields`` with their widgets' labels, their own label and their section."""
    chosen: dict[Key, Segment | None] = {}
    for f, item in enumerate(fields):
        button = item.kind in ("checkbox", "radio")
        for w, widget in enumerate(item.widgets):
            near = segments.get(widget.page, [])
            sides = "right left" if button else "inside left"
            chosen[(f, w)] = nearest_segment(near, widget.rect, button=button, sides=sides) if near else None
        _drop_shared(fields, f, chosen)
    same_line = {id(segment) for segment in chosen.values() if segment is not None}
    for (f, w), segment in list(chosen.items()):
        widget = fields[f].widgets[w]
        if segment is None and fields[f].kind not in ("checkbox", "radio"):
            free = [s for s in segments.get(widget.page, []) if id(s) not in same_line]
            chosen[(f, w)] = nearest_segment(free, widget.rect, button=False, sides="above below")
    used = {id(segment) for segment in chosen.values() if segment is not None}
    group_labels = {f: _group_label(item, f, chosen, segments, used) for f, item in enumerate(fields)}
    used |= {id(segment) for segment in group_labels.values() if segment is not None}
    headings = find_headings(segments, used)
    labelled = []
    for f, item in enumerate(fields):
        widgets = tuple(
            replace(widget, label=clean_label(chosen[(f, w)].text) if chosen[(f, w)] else "")  # type: ignore[union-attr]
            for w, widget in enumerate(item.widgets)
        )
        group = group_labels[f]
        label = (
            clean_label(group.text) if group is not None else next((w.label for w in widgets if w.label), "")
        )
        labelled.append(_with_section(replace(item, widgets=widgets, label=label), headings))
    return _with_context(labelled, headings)


def _drop_shared(fields: list[FormField], f: int, chosen: dict[Key, Segment | None]) -> None:
    """One text beside several buttons of a group names the group: it is no option's label."""
    if fields[f].kind not in ("checkbox", "radio"):
        return
    keys = [(f, w) for w in range(len(fields[f].widgets))]
    counts = Counter(id(chosen[key]) for key in keys if chosen[key] is not None)
    for key in keys:
        segment = chosen[key]
        if segment is not None and counts[id(segment)] > 1:
            chosen[key] = None


def _group_label(
    item: FormField,
    f: int,
    chosen: dict[Key, Segment | None],
    segments: dict[int, list[Segment]],
    used: set[int],
) -> Segment | None:
    """A radio group's label (or a checkbox group's): the free text before its first button."""
    visible = [(w, widget) for w, widget in enumerate(item.widgets) if not widget.hidden and widget.page >= 0]
    if item.kind not in ("radio", "checkbox") or not visible:
        return None
    if item.kind == "checkbox" and len(visible) == 1:
        return None
    w, first = min(visible, key=lambda pair: (pair[1].page, -pair[1].rect[3], pair[1].rect[0]))
    free = [s for s in segments.get(first.page, []) if id(s) not in used or s is chosen.get((f, w))]
    free = [s for s in free if all(s is not chosen.get((f, other)) for other, _widget in visible)]
    return nearest_segment(free, first.rect, button=False, sides="left above")


def find_headings(segments: dict[int, list[Segment]], labels: set[int]) -> list[Heading]:
    """The section headings in reading order; child headings are numbered."""
    found = []
    children = 0
    for page in sorted(segments):
        for segment in segments[page]:
            if id(segment) in labels or len(segment.text.split()) > MAX_HEADING_WORDS:
                continue
            sections = known_labels.sections_in(segment.text)
            numbered = bool(_NUMBERED.match(segment.text))
            if not sections and not numbered:
                continue
            section: Section = sections[0] if sections else ""  # type: ignore[assignment]
            index = 0
            if section == "child":
                children += 1
                digits = _DIGITS.search(_NUMBERED.sub("", segment.text))
                index = int(digits.group(0)) if digits and int(digits.group(0)) < 20 else children
            found.append(Heading(page, segment.bottom, section, index, clean_label(segment.text)))
    return found


def _section_of(page: int, rect: Rect, headings: list[Heading]) -> Heading | None:
    before = [h for h in headings if h.page < page or (h.page == page and h.top >= rect[3] - 1)]
    return before[-1] if before else None


def _with_context(fields: list[FormField], headings: list[Heading]) -> list[FormField]:
    """Fields that share a label ("Vorname" for each child) are told apart by their heading."""
    counts = Counter(item.label for item in fields if item.label)
    found = []
    for item in fields:
        visible = next((w for w in item.widgets if not w.hidden and w.page >= 0), None)
        heading = _section_of(visible.page, visible.rect, headings) if visible is not None else None
        if counts[item.label] > 1 and heading is not None:
            item = replace(item, context=heading.text)
        found.append(item)
    return found


def _with_section(item: FormField, headings: list[Heading]) -> FormField:
    visible = next((w for w in item.widgets if not w.hidden and w.page >= 0), None)
    section: Section = ""
    index = 0
    if visible is not None:
        heading = _section_of(visible.page, visible.rect, headings)
        if heading is not None:
            section, index = heading.section, heading.index
    own = known_labels.sections_in(f"{item.label} {item.tooltip}")
    if own:
        section = own[0]  # type: ignore[assignment]
        digits = _DIGITS.search(item.label)
        index = int(digits.group(0)) if section == "child" and digits else index
    return replace(item, section=section, section_index=index)
