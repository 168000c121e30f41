"""The documents checklist of a packet: what the track's steps need, and what the person has.

Each document kind appears once, in the order the guide first asks for it, with the flags of all
steps that need it merged (translated if any step wants it translated; optional only if every step
calls it optional). A kind is present when the vault holds a document of it (and, for passports,
when the profile lists a passport even without a scan); it "expires before the deadline" when
everything held for it runs out before the earliest due date of the unfinished steps that need it
(or before the last day of legal stay when those steps have no date).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from waystation.content.model import DocumentNeed, Pack, Step, Text
from waystation.rules.plan import StepPlan
from waystation.rules.stay import StayEnd
from waystation.vault.models import DocumentInfo, Passport, Profile
from waystation.vault.passport_scans import with_passport_dates

ItemState = Literal["present", "missing", "expires_before_deadline", "expired"]


@dataclass(frozen=True)
class ChecklistItem:
    kind: str
    state: ItemState
    translated: bool
    apostilled: bool
    notarised: bool
    optional: bool
    notes: tuple[Text, ...]
    deadline: date | None
    documents: tuple[DocumentInfo, ...]  # the vault's documents of this kind, oldest first
    passports: tuple[Passport, ...]  # from the profile, for the passport kind
    expires: date | None  # the latest known expiry of what is held


@dataclass
class _Need:
    kind: str
    translated: bool
    apostilled: bool
    notarised: bool
    optional: bool
    notes: list[Text]
    steps: list[str]

    def merge(self, need: DocumentNeed, step_id: str) -> None:
        self.translated |= need.translated
        self.apostilled |= need.apostilled
        self.notarised |= need.notarised
        self.optional &= need.optional
        if need.note is not None and need.note not in self.notes:
            self.notes.append(need.note)
        self.steps.append(step_id)


HOME_DOCUMENTS = "home_documents"


def track_steps(pack: Pack, track: str, plans: Sequence[StepPlan]) -> list[tuple[Step, StepPlan | None]]:
    """The track's steps in the guide's order with their plans, then the documents-from-home
    steps they wait for (what must come from the home country for this application), leaving
    out steps that do not apply to this person."""
    by_id = {plan.step.id: plan for plan in plans}
    own = list(pack.steps_in(track))
    extra: list[Step] = []
    if track != HOME_DOCUMENTS:
        home = {step.id: step for step in pack.steps_in(HOME_DOCUMENTS)}
        wanted: set[str] = set()
        pending = [dep for step in own for dep in step.depends_on]
        while pending:  # what they wait for, and what that waits for in turn
            step_id = pending.pop()
            if step_id in home and step_id not in wanted:
                wanted.add(step_id)
                pending += home[step_id].depends_on
        extra = [step for step in home.values() if step.id in wanted]
    found = []
    for step in [*own, *extra]:
        plan = by_id.get(step.id)
        if plan is not None and plan.applies is False:
            continue
        found.append((step, plan))
    return found


def build_checklist(
    pack: Pack,
    track: str,
    plans: Sequence[StepPlan],
    stay: StayEnd | None,
    profile: Profile,
    documents: Iterable[DocumentInfo],
    made_on: date,
) -> list[ChecklistItem]:
    steps = track_steps(pack, track, plans)
    needs = _merged_needs(step for step, _plan in steps)
    held = sorted(
        with_passport_dates(documents, profile), key=lambda d: d.id
    )  # a linked scan is its passport
    items = []
    for need in needs:
        docs = tuple(d for d in held if d.kind == need.kind)
        passports = profile.passports if need.kind == "passport" else ()
        deadline = _deadline(need, steps, stay)
        expiries = [d.expires for d in docs] + [p.expires for p in passports]
        items.append(
            ChecklistItem(
                kind=need.kind,
                state=_state(expiries, deadline, made_on),
                translated=need.translated,
                apostilled=need.apostilled,
                notarised=need.notarised,
                optional=need.optional,
                notes=tuple(need.notes),
                deadline=deadline,
                documents=docs,
                passports=passports,
                expires=max((e for e in expiries if e is not None), default=None),
            )
        )
    return items


def _merged_needs(steps: Iterable[Step]) -> list[_Need]:
    merged: dict[str, _Need] = {}
    for step in steps:
        for need in step.documents:
            if need.kind not in merged:
                merged[need.kind] = _Need(
                    need.kind,
                    need.translated,
                    need.apostilled,
                    need.notarised,
                    need.optional,
                    [need.note] if need.note is not None else [],
                    [step.id],
                )
            else:
                merged[need.kind].merge(need, step.id)
    return list(merged.values())


def _deadline(
    need: _Need, steps: Sequence[tuple[Step, StepPlan | None]], stay: StayEnd | None
) -> date | None:
    dues = [
        plan.due
        for step, plan in steps
        if plan is not None and step.id in need.steps and plan.due is not None and not plan.finished
    ]
    if dues:
        return min(dues)
    if stay is not None and stay.present:
        return stay.must_leave_by
    return None


def _state(expiries: list[date | None], deadline: date | None, made_on: date) -> ItemState:
    if not expiries:
        return "missing"
    needed_until = max(deadline, made_on) if deadline is not None else made_on
    if any(e is None or e >= needed_until for e in expiries):
        return "present"
    if any(e is not None and e >= made_on for e in expiries):
        return "expires_before_deadline"
    return "expired"
