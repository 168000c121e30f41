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


MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 48


class UnsafeYaml(ValueError):
    """A file that is too big, nested too deep, or uses anchors and aliases."""


def read_yaml(path: Path) -> Any:
    """Plain data from a YAML file, refusing what could blow up: more than ``MAX_FILE_BYTES``,
    aliases (a few lines of ``&a [*a, *a, …]`` expand to billions of items when anything walks
    them, e.g. an error message), and nesting deeper than ``MAX_DEPTH``. Only regular files are
    read, with a hard byte limit (``st_size`` of a FIFO or /dev/zero says nothing)."""
    if not path.is_file():
        raise UnsafeYaml(f"{path} is not a regular file")
    with path.open("rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise UnsafeYaml(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_PlainLoader)  # a SafeLoader subclass
    except yaml.YAMLError:
        raise
    except (ValueError, OverflowError, RecursionError) as exc:  # e.g. an int of 5,000 digits
        raise UnsafeYaml(f"a value that cannot be read as plain data ({type(exc).__name__})") from None
    _check_tree(data)
    return data


def _check_tree(data: Any) -> None:
    """Every container appears once (no aliases) and nothing is nested too deep."""
    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if not isinstance(node, dict | list):
            continue
        if id(node) in seen:
            raise UnsafeYaml("anchors and aliases (&name / *name) are not allowed")
        if depth > MAX_DEPTH:
            raise UnsafeYaml(f"nested deeper than {MAX_DEPTH} levels")
        seen.add(id(node))
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children)
