"""YAML reading for content packs: dates stay strings (the schema checks them), nothing is
constructed beyond plain data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# libyaml's parser when the wheel carries it (about 10x faster), the pure-Python one otherwise.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _PlainLoader(_SafeBase):  # type: ignore[valid-type,misc]
    """SafeLoader without the timestamp resolver, so ``2026-01-01`` stays a string."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


def read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_PlainLoader)  # a SafeLoader subclass
