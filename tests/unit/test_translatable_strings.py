"""Every translatable string is visible to the extractor: ``_()`` and ``ngettext()`` take literal
strings (never f-strings or variables) and are never called inside an f-string."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "app" / "waystation"
CALLS = {"_": 1, "ngettext": 2}


def _name(node: ast.AST) -> str | None:
    return node.id if isinstance(node, ast.Name) else None


def problems_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and _name(inner.func) in CALLS:
                    found.append(
                        f"{path.relative_to(SOURCE)}:{inner.lineno}: translation call inside an f-string"
                    )
        if isinstance(node, ast.Call) and _name(node.func) in CALLS:
            literal_args = node.args[: CALLS[_name(node.func) or ""]]
            if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in literal_args):
                found.append(
                    f"{path.relative_to(SOURCE)}:{node.lineno}: {_name(node.func)}() needs literal strings"
                )
    return found


def test_translation_calls_take_literals_only() -> None:
    problems = [p for path in sorted(SOURCE.rglob("*.py")) for p in problems_in(path)]
    assert problems == []
