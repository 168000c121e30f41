"""Everything in the fault and attack suite is a long loop (kill -9 at random moments, bit flips,
full disks, fuzzing): it runs in `make test-slow`, which CI runs as a step of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.slow)
