"""``content show`` and the ``content validate`` report, through a real subprocess."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import CliResult

Cli = Callable[..., CliResult]


def test_content_show_json_contract(cli: Cli) -> None:
    result = cli("content", "show", "kz", "--lang", "ru", "--json")
    assert result.code == 0, result.err
    guide = json.loads(result.out)
    assert {"country", "name", "last_verified", "review_after", "stay_rules", "steps"} <= set(guide)
    assert (guide["country"], guide["name"]) == ("KZ", "Казахстан")
    rule = guide["stay_rules"][0]
    assert {"citizenships", "limits", "explain"} <= set(rule)
    for step in guide["steps"]:
        assert {
            "id",
            "track",
            "title",
            "body",
            "conditions",
            "deadline",
            "documents",
            "sources",
            "contacts",
            "last_verified",
        } <= set(step)
        for source in step["sources"]:
            assert set(source) == {"url", "date", "title", "weak"}
    tracks = {step["track"] for step in guide["steps"]}
    assert "home_documents" in tracks
    assert any("\u0400" <= ch <= "\u04ff" for ch in guide["steps"][0]["title"])  # Russian text


def test_content_show_text_and_bad_input(cli: Cli) -> None:
    text = cli("content", "show", "DE")
    assert text.code == 0 and "Germany (DE)" in text.out and "Documents from home" in text.out
    unknown = cli("content", "show", "XX")
    assert unknown.code == 2 and "no country guide for XX" in unknown.err
    assert len(unknown.err.strip().splitlines()) == 1
    bad_language = cli("content", "show", "DE", "--lang", "fr")
    assert bad_language.code == 2 and "fr" in bad_language.err


def test_content_validate_reports_each_guide(cli: Cli) -> None:
    result = cli("content", "validate")
    assert result.code == 0, result.out + result.err
    for country in ("GE", "AM", "KZ", "RS", "TR", "DE", "IL"):
        line = next(line for line in result.out.splitlines() if line.startswith(f"{country}: "))
        assert "steps (residence" in line and "home_documents" in line and "oldest check" in line
    assert "error:" not in result.out


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["steps"][0]["sources"][0].update(url="file:///etc/passwd"), "sources[0].url"),
        (lambda d: d["steps"][0].update(last_verified="2999-01-01"), "is in the future"),
        (
            lambda d: d["steps"][0].update(contacts=[{"name": {"en": "x", "ru": "x"}}]),
            "needs a url or a phone",
        ),
    ],
)
def test_content_validate_refuses_a_bad_guide_naming_the_step(
    cli: Cli, tmp_path: Path, change: Callable[[dict[str, object]], None], message: str
) -> None:
    shipped = Path(__file__).resolve().parents[2] / "resources" / "content" / "rs.yaml"
    data = yaml.safe_load(shipped.read_text("utf-8"))
    change(data)
    target = tmp_path / "rs.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = cli("content", "validate", str(target))
    assert result.code == 2
    first_step = data["steps"][0]["id"]  # type: ignore[index]
    assert any(message in line and first_step in line for line in result.out.splitlines()), result.out
