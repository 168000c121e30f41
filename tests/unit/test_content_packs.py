"""The shipped country guides: valid, sourced, complete enough to be useful."""

from __future__ import annotations

import pytest

from waystation.content.loader import check_pack_file, default_content_dir, load_library, pack_files
from waystation.content.model import TRACKS, Pack

REQUIRED_COUNTRIES = {"GE", "AM", "KZ", "RS", "TR", "DE", "IL"}
LIBRARY = load_library()


def packs() -> list[Pack]:
    return [LIBRARY.packs[c] for c in LIBRARY.countries()]


def test_every_shipped_pack_validates() -> None:
    problems = {str(p): check_pack_file(p)[1] for p in pack_files(default_content_dir())}
    assert {f: [str(x) for x in v] for f, v in problems.items() if v} == {}
    assert LIBRARY.refused == {}


def test_required_countries_are_shipped() -> None:
    assert set(LIBRARY.countries()) >= REQUIRED_COUNTRIES


@pytest.mark.parametrize("pack", packs(), ids=lambda p: p.country)
def test_every_track_and_enough_steps(pack: Pack) -> None:
    assert len(pack.steps) >= 8
    for track in TRACKS:
        assert pack.steps_in(track), f"{pack.country} has no {track} step"


@pytest.mark.parametrize("pack", packs(), ids=lambda p: p.country)
def test_every_step_cites_a_source_with_url_and_date(pack: Pack) -> None:
    for step in pack.steps:
        assert step.sources, step.id
        for source in step.sources:
            assert source.url.startswith(("https://", "http://")), step.id
        assert step.last_verified <= pack.last_verified, step.id
    for rule in pack.stay_rules:
        assert rule.sources, rule.id


@pytest.mark.parametrize("pack", packs(), ids=lambda p: p.country)
def test_english_and_russian_everywhere(pack: Pack) -> None:
    missing = []
    for step in pack.steps:
        texts = [step.title, step.body, *step.cautions, *(c.name for c in step.contacts)]
        texts += [d.note for d in step.documents if d.note]
        missing += [f"{step.id}: {lang}" for t in texts for lang in ("en", "ru") if not t.has(lang)]
    assert missing == []


def steps_missing(language: str) -> list[str]:
    missing = []
    for pack in packs():
        for step in pack.steps:
            texts = [step.title, step.body, *step.cautions]
            if not all(t.has(language) for t in texts):
                missing.append(step.id)
        for rule in pack.stay_rules:
            if not rule.explain.has(language):
                missing.append(rule.id)
    return missing


@pytest.mark.parametrize("language", ["uk", "be"])
def test_ukrainian_and_belarusian_everywhere(language: str) -> None:
    assert steps_missing(language) == []


@pytest.mark.parametrize("pack", packs(), ids=lambda p: p.country)
def test_stay_rule_for_russian_citizens(pack: Pack) -> None:
    assert pack.stay_rule_for(["RU"]) is not None


def test_known_stay_rules() -> None:
    def limits(country: str) -> set[tuple[str, int, int | None]]:
        rule = LIBRARY.packs[country].stay_rule_for(["RU"])
        assert rule is not None
        return {(lim.kind, lim.days, lim.window) for lim in rule.limits}

    assert limits("KZ") == {("window", 90, 180)}
    assert limits("RS") == {("per_stay", 30, None)}
    assert limits("GE") == {("per_stay", 365, None)}
    assert limits("TR") == {("per_stay", 60, None), ("window", 90, 180)}
    assert limits("IL") == {("window", 90, 180)}
    de = LIBRARY.packs["DE"].stay_rule_for(["RU"])
    assert de is not None and de.visa_required
