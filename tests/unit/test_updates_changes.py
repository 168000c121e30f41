"""What an update changes, in words (issue 17, item 4), and the person's one-time news: computed
from a real vault's profile and progress, told once."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from waystation.content.loader import load_pack
from waystation.content.model import Limit, Pack, Text
from waystation.i18n import set_language
from waystation.resources_path import resource
from waystation.rules.vault_status import vault_status
from waystation.updates.change_words import body_diff, change_lines, stay_rule_line, summary_line
from waystation.updates.changes import StayRuleChange, guide_changes
from waystation.updates.notice import SETTING_PREFIX, relevant_steps, take_news
from waystation.vault.connection import Vault
from waystation.vault.models import Host, Person, Profile, Stay

TH = "limits: [{kind: per_stay, days: 30}]"
ON = date(2026, 11, 20)


def th() -> Pack:
    return load_pack(resource("content", "th.yaml"))


def with_days(pack: Pack, days: int) -> Pack:
    rules = tuple(
        dataclasses.replace(r, limits=(Limit("per_stay", days),)) if r.id == "th.stay.russia" else r
        for r in pack.stay_rules
    )
    return dataclasses.replace(pack, stay_rules=rules)


def test_stay_rule_in_plain_words() -> None:
    old = th()
    new = with_days(old, 60)
    changes = guide_changes(old, new)
    assert [c.kind for c in changes.stay_rules] == ["changed"]
    line = stay_rule_line("Thailand", changes.stay_rules[0])
    assert line == "Thailand: visa-free stay 30 → 60 days per stay (for citizens of RU)"
    rule = changes.stay_rules[0].rule
    window = dataclasses.replace(rule, limits=(Limit("window", 90, 180),))
    reshaped = StayRuleChange("changed", window, old=changes.stay_rules[0].old, limits_changed=True)
    assert stay_rule_line("Thailand", reshaped) == (
        "Thailand: visa-free stay for citizens of RU was 30 days per stay, is now 90 days in any 180"
    )
    visa = dataclasses.replace(rule, limits=(), visa_required=True)
    assert "new stay rule for citizens of RU: a visa is needed" in stay_rule_line(
        "Thailand", StayRuleChange("added", visa, limits_changed=True)
    )
    explained = StayRuleChange("changed", rule, old=rule, limits_changed=False)
    assert "the days stay the same" in stay_rule_line("Thailand", explained)


def test_steps_added_removed_changed_with_a_short_diff(tmp_path: Path) -> None:
    old = th()
    first, second = old.steps[0], old.steps[1]
    body = first.body.get("en") + " Bring a second copy of the lease."
    changed_first = dataclasses.replace(
        first,
        title=Text({**first.title.values, "en": "A clearer title"}),
        body=Text({**first.body.values, "en": body}),
    )
    added = dataclasses.replace(
        second, id="th.residence.brand_new", title=Text({"en": "A brand-new step", "ru": "Новый"})
    )
    steps = (changed_first, *[s for s in old.steps[2:]], added)
    new = dataclasses.replace(with_days(old, 45), steps=steps)
    changes = guide_changes(old, new)
    assert (changes.count("added"), changes.count("removed"), changes.count("changed")) == (1, 1, 1)
    assert summary_line(changes) == "1 step added; 1 step removed; 1 step changed; 1 stay rule changed"
    lines = change_lines(changes, "en")
    assert lines[0].startswith("Thailand: visa-free stay 30 → 45 days per stay")
    assert f"Step removed: {second.title.get('en')}" in lines
    assert "New step: A brand-new step" in lines
    assert any(line.startswith("Changed: A clearer title (title, text)") for line in lines)
    assert "    + Bring a second copy of the lease." in lines
    assert any(line.startswith("    Title: “") for line in lines)
    set_language("ru")
    try:
        russian = change_lines(changes, "ru")
        assert any("Таиланд" in line for line in russian)
    finally:
        set_language("en")


def test_body_diff_is_short() -> None:
    old = " ".join(f"Sentence {i}." for i in range(20))
    new = " ".join(f"Phrase {i}." for i in range(20))
    lines = body_diff(old, new)
    assert len(lines) == 6 and lines[-1].startswith("… and 35 more changed sentences")
    assert body_diff("Same. Text.", "Same. Text.") == []


def test_no_changes() -> None:
    changes = guide_changes(th(), th())
    assert changes.nothing and summary_line(changes) == "No changes."


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    opened = Vault.create(tmp_path / "person.vault", "orchard lantern velvet quarry 42")
    profile = Profile(
        person=Person(family_name="Petrova", given_names="Anna", citizenships=("RU",)),
        host=Host(country="TH", arrival_date=date(2026, 11, 1)),
        stays=(Stay("TH", date(2026, 11, 1), None),),
    )
    opened.profile.replace(profile)
    yield opened
    opened.close()


def _news(vault: Vault, pack: Pack, *, installed: bool = False, built_in: Pack | None = None):  # type: ignore[no-untyped-def]
    status = vault_status(vault, pack, ON)
    return take_news(vault, pack, status, installed=installed, built_in=lambda _c: built_in)


def test_the_person_is_told_once_about_their_own_changes(vault: Vault) -> None:
    old = th()
    assert _news(vault, old) is None  # first look: learnt silently
    assert vault.settings.get(SETTING_PREFIX + "TH")
    theirs = sorted(relevant_steps(vault_status(vault, old, ON)))
    target = next(s for s in old.steps if s.id == theirs[0])
    retitled = dataclasses.replace(target, title=Text({**target.title.values, "en": "Renamed step"}))
    not_theirs = [s for s in old.steps if s.id not in theirs]
    steps = tuple(retitled if s.id == target.id else s for s in old.steps)
    new = dataclasses.replace(with_days(old, 60), steps=steps)
    news = _news(vault, new)
    assert news is not None
    assert [s.title.get("en") for s in news.changed] == ["Renamed step"]
    assert [c.kind for c in news.stay] == ["changed"]
    assert news.added == () and news.removed == ()
    assert _news(vault, new) is None  # told once
    if not_theirs:  # a change to a step that does not concern the person is no news
        other = not_theirs[0]
        quiet = dataclasses.replace(
            new,
            steps=tuple(
                dataclasses.replace(s, title=Text({**s.title.values, "en": "x"})) if s.id == other.id else s
                for s in new.steps
            ),
        )
        assert _news(vault, quiet) is None


def test_first_look_at_an_installed_guide_compares_with_the_built_in_one(vault: Vault) -> None:
    old = th()
    new = with_days(old, 45)
    news = _news(vault, new, installed=True, built_in=old)
    assert news is not None and [c.kind for c in news.stay] == ["changed"]
    assert _news(vault, new, installed=True, built_in=old) is None


def test_a_damaged_record_is_replaced_silently(vault: Vault) -> None:
    vault.settings.set(SETTING_PREFIX + "TH", "{not json")
    assert _news(vault, th()) is None
    assert _news(vault, th()) is None
