"""Random test order, on demand: ``pytest --shuffle`` (a new seed) or ``--shuffle SEED`` (repeat one).

Modules are shuffled, then the tests inside each module, so module-scoped fixtures are still set up
once per module while state one module leaves behind (the interface language, the cached guide
library, Qt's application-wide settings) meets a different neighbour every run. CI runs the suite once
this way; the seed is printed in the header so a failing order can be replayed."""

from __future__ import annotations

import random

import pytest

SEED_KEY = pytest.StashKey[int]()


def add_option(parser: pytest.Parser) -> None:
    parser.addoption(
        "--shuffle",
        nargs="?",
        const="new",
        default=None,
        metavar="SEED",
        help="run modules, and the tests in each, in a random order (a new seed, or SEED to repeat one)",
    )


def choose_seed(config: pytest.Config) -> None:
    wanted = config.getoption("--shuffle")
    if wanted is None:
        return
    if wanted == "new":
        config.stash[SEED_KEY] = random.SystemRandom().randrange(1, 10**6)
        return
    try:
        config.stash[SEED_KEY] = int(wanted)
    except ValueError:
        raise pytest.UsageError(f"--shuffle takes a whole number, not {wanted!r}") from None


def header(config: pytest.Config) -> str | None:
    seed = config.stash.get(SEED_KEY, None)
    return None if seed is None else f"random order: --shuffle {seed}"


def reorder(config: pytest.Config, items: list[pytest.Item]) -> None:
    seed = config.stash.get(SEED_KEY, None)
    if seed is None:
        return
    rng = random.Random(seed)
    modules: dict[str, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(str(item.path), []).append(item)
    groups = list(modules.values())
    rng.shuffle(groups)
    for group in groups:
        rng.shuffle(group)
    items[:] = [item for group in groups for item in group]
