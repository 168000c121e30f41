"""What next: every step of a country guide with its state, due date and place in the queue.

The order answers "what do I do now": steps that can be started come before those waiting on
another step, overdue ones first, then by due date, then as the guide lists them; a step never
comes before one it depends on. Finished steps follow, and steps that do not apply come last.

Besides the guide's steps, each recorded permit that needs its next application filed becomes a
dated step (rules/renewals.py), and a guide step that a recorded permit fulfils ("get a TRP"
when a TRP is recorded) counts as done.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from waystation.content.model import Pack, Step
from waystation.rules.applies import step_applies
from waystation.rules.deadlines import FINISHED_STATES, due_date, is_overdue
from waystation.rules.expiry import ExpiryWarning, expiry_warnings
from waystation.rules.ordering import Key, order_by_dependencies
from waystation.rules.renewals import renewals
from waystation.rules.stay import StayEnd
from waystation.vault.models import Permit, Profile, StepProgress, StepState

__all__ = ["ExpiryWarning", "StepPlan", "expiry_warnings", "plan_steps", "progress_map"]


@dataclass(frozen=True)
class StepPlan:
    """One step as it stands for this person on one day.

    ``blocked_by`` lists dependencies not yet done or skipped (a dependency that does not apply
    blocks nothing). ``applies`` is None when the profile cannot tell (e.g. the purpose of stay).
    """

    step: Step
    state: StepState
    done_on: date | None
    due: date | None
    overdue: bool
    blocked_by: tuple[str, ...]
    applies: bool | None
    position: int = 0  # the step's place in the guide, the last tie-breaker
    satisfied_by: Permit | None = None  # the recorded permit that fulfils this step
    stale: bool = False  # not checked for longer than the guide's review_after: may be out of date

    @property
    def finished(self) -> bool:
        return self.state in FINISHED_STATES


def progress_map(
    progress: Mapping[str, StepProgress] | Iterable[StepProgress],
) -> dict[str, StepProgress]:
    """Progress keyed by step id, whether it came as rows or already keyed."""
    if isinstance(progress, Mapping):
        return dict(progress)
    return {item.step_id: item for item in progress}


def plan_steps(
    pack: Pack,
    profile: Profile,
    progress: Mapping[str, StepProgress] | Iterable[StepProgress],
    on: date,
    *,
    purposes: Collection[str] | None = None,
    stay: StayEnd | None = None,
) -> list[StepPlan]:
    """Every step of ``pack``, in the order to work through them (see the module docstring)."""
    by_step = progress_map(progress)
    steps = [*pack.steps, *(renewal.step for renewal in renewals(pack, profile, on))]
    applies = {s.id: step_applies(s.conditions, profile, purposes) for s in steps}
    plans = [
        _plan_one(step, index, pack, profile, by_step, applies, on, stay) for index, step in enumerate(steps)
    ]
    open_plans = [p for p in plans if p.applies is not False and not p.finished]
    finished = [p for p in plans if p.applies is not False and p.finished]
    not_applying = [p for p in plans if p.applies is False]
    return [
        *_ordered(open_plans, _open_key),
        *_ordered(finished, _position_key),
        *_ordered(not_applying, _position_key),
    ]


def _plan_one(
    step: Step,
    index: int,
    pack: Pack,
    profile: Profile,
    progress: Mapping[str, StepProgress],
    applies: Mapping[str, bool | None],
    on: date,
    stay: StayEnd | None,
) -> StepPlan:
    mine = progress.get(step.id)
    state: StepState = mine.state if mine is not None else "todo"
    done_on = mine.on if mine is not None and state in FINISHED_STATES else None
    permit = satisfying_permit(step, pack, profile)
    if permit is not None:
        state, done_on = "done", permit.valid_from
    due = due_date(step, pack, profile, progress, on, stay)
    return StepPlan(
        step=step,
        state=state,
        done_on=done_on,
        due=due,
        overdue=applies[step.id] is not False and is_overdue(due, state, on),
        blocked_by=tuple(dep for dep in step.depends_on if _blocks(dep, progress, applies)),
        applies=applies[step.id],
        position=index,
        satisfied_by=permit,
        stale=pack.is_stale(step, on),
    )


def satisfying_permit(step: Step, pack: Pack, profile: Profile) -> Permit | None:
    """The earliest recorded permit for this country that fulfils ``step``, if any."""
    if not step.satisfied_by:
        return None
    matching = [
        permit
        for permit in profile.permits
        if permit.country == pack.country
        and any(want.matches(permit.kind, permit.category) for want in step.satisfied_by)
    ]
    return min(matching, key=lambda p: p.valid_from, default=None)


def _blocks(
    dependency: str, progress: Mapping[str, StepProgress], applies: Mapping[str, bool | None]
) -> bool:
    """A step the guide does not have, or that does not apply, cannot hold anything up."""
    if dependency not in applies or applies[dependency] is False:
        return False
    done = progress.get(dependency)
    return done is None or done.state not in FINISHED_STATES


def _open_key(plan: StepPlan) -> Key:
    return (
        bool(plan.blocked_by),
        not plan.overdue,
        plan.due is None,
        plan.due.toordinal() if plan.due is not None else 0,
        plan.position,
    )


def _position_key(plan: StepPlan) -> Key:
    return (plan.position,)


def _ordered(plans: list[StepPlan], key: Callable[[StepPlan], Key]) -> list[StepPlan]:
    return order_by_dependencies(plans, lambda p: p.step.id, lambda p: p.step.depends_on, key)
