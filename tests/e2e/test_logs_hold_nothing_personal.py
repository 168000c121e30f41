"""Logs never carry personal data: every log call in the code passes only fixed words and the
type of what failed (checked on the source), and a session of commands run with debug logging on
leaves no canary value in what was logged."""

from __future__ import annotations

import ast
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import REPO, CliResult, pw

CANARY = "Zzkanareyka"
LEVELS = {"debug", "info", "warning", "error", "exception", "critical"}
Cli = Callable[..., CliResult]


def _allowed(arg: ast.expr) -> bool:
    """A constant, or ``type(x).__name__``, or a join/count of such: nothing read from a person."""
    if isinstance(arg, ast.Constant):
        return True
    if isinstance(arg, ast.Attribute) and arg.attr == "__name__":
        return isinstance(arg.value, ast.Call) and getattr(arg.value.func, "id", "") == "type"
    if isinstance(arg, ast.BoolOp):
        return all(_allowed(v) for v in arg.values)
    if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "join":
        return isinstance(arg.func.value, ast.Constant)  # ", ".join(channel names): fixed words
    return isinstance(arg, ast.Call) and getattr(arg.func, "id", "") == "len"


def test_every_log_call_passes_only_fixed_words_and_types() -> None:
    offending = []
    for path in sorted((REPO / "app" / "waystation").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in LEVELS or getattr(node.func.value, "id", "") not in (
                "log",
                "logger",
                "logging",
            ):
                continue
            arguments = [*node.args, *(k.value for k in node.keywords)]
            if not arguments or not isinstance(arguments[0], ast.Constant):
                offending.append(f"{path.relative_to(REPO)}:{node.lineno}: message is not a fixed string")
            offending += [
                f"{path.relative_to(REPO)}:{node.lineno}: {ast.unparse(arg)}"
                for arg in arguments[1:]
                if not _allowed(arg) and not _channel_list(arg)
            ]
    assert offending == []


def _channel_list(arg: ast.expr) -> bool:
    # system_lock logs which D-Bus channels it listens on: ", ".join(self.connected) or "none"
    return "self.connected" in ast.unparse(arg)


def test_a_session_of_commands_logs_nothing_personal(
    cli: Cli, tmp_path: Path, sample_profile: dict[str, Any]
) -> None:
    sample_profile["person"]["family_name"] = CANARY
    sample_profile["host"]["address"] = CANARY
    source = tmp_path / "p.json"
    source.write_text(json.dumps(sample_profile), encoding="utf-8")
    scan = tmp_path / f"{CANARY}.png"
    scan.write_bytes((REPO / "tests" / "golden" / "scan.png").read_bytes())
    vault = tmp_path / "v.vault"
    steps = [
        ("vault", "create", str(vault)),
        ("vault", "import-json", str(vault), str(source)),
        ("doc", "add", str(vault), str(scan), "--kind", "passport", "--title", CANARY),
        ("status", str(vault), "--json"),
        ("calendar", str(vault), "--out", str(tmp_path / "c.ics")),
        ("packet", str(vault), "--country", "GE", "--track", "residence", "--out", str(tmp_path / "p.pdf")),
        ("vault", "check", str(vault)),
        ("vault", "check", str(vault)),  # run below with a wrong passphrase
    ]
    logged = ""
    for number, args in enumerate(steps):
        passphrase = "not it" if number == len(steps) - 1 else "log test pass"
        result = cli(*args, "--passphrase-stdin", stdin=pw(passphrase), extra_env={"WAYSTATION_LOG": "debug"})
        logged += result.err
    assert "DEBUG" in logged  # logging was on (the libraries log at debug level too)
    assert CANARY not in logged
