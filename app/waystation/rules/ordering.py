"""Ordering with dependencies: a topological sort that, among the steps free to come next,
always takes the one with the smallest sort key.

Sorting by key alone could put a step before the one it depends on (a dependant with an earlier
due date); plain topological order would ignore urgency. This does both.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")
Key = tuple[int, ...]


def order_by_dependencies(
    items: Sequence[T],
    ident: Callable[[T], str],
    depends_on: Callable[[T], Sequence[str]],
    key: Callable[[T], Key],
) -> list[T]:
    """``items`` with every dependency (that is among ``items``) before its dependants.

    A cycle cannot stall the sort: the smallest-key step left is then taken as it is.
    """
    by_id = {ident(item): item for item in items}
    waiting = {
        name: {dep for dep in depends_on(item) if dep in by_id and dep != name}
        for name, item in by_id.items()
    }
    dependants: dict[str, list[str]] = {name: [] for name in by_id}
    for name, deps in waiting.items():
        for dep in deps:
            dependants[dep].append(name)
    ready = [(key(by_id[name]), name) for name, deps in waiting.items() if not deps]
    heapq.heapify(ready)
    ordered: list[T] = []
    while len(ordered) < len(by_id):
        if not ready:
            ready = [_break_cycle(by_id, waiting, key)]
        _, name = heapq.heappop(ready)
        if name not in waiting:
            continue
        del waiting[name]
        ordered.append(by_id[name])
        for later in dependants[name]:
            if later in waiting:
                waiting[later].discard(name)
                if not waiting[later]:
                    heapq.heappush(ready, (key(by_id[later]), later))
    return ordered


def _break_cycle(
    by_id: Mapping[str, T], waiting: Mapping[str, set[str]], key: Callable[[T], Key]
) -> tuple[Key, str]:
    return min((key(by_id[name]), name) for name in waiting)
