"""What an update changes, in the person's language: one line per stay rule ("Thailand: visa-free
stay 60 → 30 days per stay"), a headline per step with a short diff of its text, and a summary per
guide. Shared by ``content install --dry-run`` and the app's dialog."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from waystation.content.model import Limit, StayRule
from waystation.i18n import _, ngettext
from waystation.updates.changes import GuideChanges, StayRuleChange, StepChange

MAX_DIFF_LINES = 6
MAX_LINE_CHARS = 220
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def _limit_phrase(limit: Limit) -> str:
    n = limit.days
    if limit.kind == "per_stay":
        return ngettext("{n} day per stay", "{n} days per stay", n).format(n=n)
    if limit.kind == "per_calendar_year":
        return ngettext("{n} day per calendar year", "{n} days per calendar year", n).format(n=n)
    if limit.kind == "from_first_entry":
        return ngettext(
            "{n} day within {window} days of the first entry",
            "{n} days within {window} days of the first entry",
            n,
        ).format(n=n, window=limit.window)
    return ngettext("{n} day in any {window}", "{n} days in any {window}", n).format(n=n, window=limit.window)


def rule_phrase(rule: StayRule) -> str:
    """The rule's limits in words: "90 days in any 180; 30 days per stay"."""
    if rule.visa_required:
        return _("a visa is needed")
    if rule.no_limit:
        return _("no time limit")
    if rule.unknown or not rule.limits:
        return _("not known")
    return "; ".join(_limit_phrase(limit) for limit in rule.limits)


def _same_shape(old: StayRule, new: StayRule) -> Limit | None:
    """The new limit when both rules are one limit of the same kind and window (only days differ)."""
    flags = (old.visa_required, old.no_limit, old.unknown, new.visa_required, new.no_limit, new.unknown)
    if any(flags) or len(old.limits) != 1 or len(new.limits) != 1:
        return None
    before, after = old.limits[0], new.limits[0]
    return after if (before.kind, before.window) == (after.kind, after.window) else None


def _days_change(country: str, old: StayRule, new: Limit) -> str:
    before, n = old.limits[0].days, new.days
    if new.kind == "per_stay":
        text = ngettext(
            "{country}: visa-free stay {old} → {n} day per stay",
            "{country}: visa-free stay {old} → {n} days per stay",
            n,
        )
    elif new.kind == "per_calendar_year":
        text = ngettext(
            "{country}: visa-free stay {old} → {n} day per calendar year",
            "{country}: visa-free stay {old} → {n} days per calendar year",
            n,
        )
    elif new.kind == "from_first_entry":
        text = ngettext(
            "{country}: visa-free stay {old} → {n} day within {window} days of the first entry",
            "{country}: visa-free stay {old} → {n} days within {window} days of the first entry",
            n,
        )
    else:
        text = ngettext(
            "{country}: visa-free stay {old} → {n} day in any {window}",
            "{country}: visa-free stay {old} → {n} days in any {window}",
            n,
        )
    return text.format(country=country, old=before, n=n, window=new.window)


def stay_rule_line(country: str, change: StayRuleChange) -> str:
    """One plain sentence; ``country`` is the guide's name in the person's language."""
    who = _("for citizens of {countries}").format(countries=", ".join(change.rule.citizenships))
    if change.kind == "added":
        return _("{country}: new stay rule {who}: {rule}").format(
            country=country, who=who, rule=rule_phrase(change.rule)
        )
    if change.kind == "removed":
        return _("{country}: the stay rule {who} was removed (it was: {rule})").format(
            country=country, who=who, rule=rule_phrase(change.rule)
        )
    old = change.old
    assert old is not None
    if not change.limits_changed:
        return _("{country}: the explanation of the stay rule {who} changed (the days stay the same)").format(
            country=country, who=who
        )
    same = _same_shape(old, change.rule)
    if same is not None:
        return _days_change(country, old, same) + f" ({who})"
    return _("{country}: visa-free stay {who} was {old}, is now {new}").format(
        country=country, who=who, old=rule_phrase(old), new=rule_phrase(change.rule)
    )


def aspect_name(aspect: str) -> str:
    names = {
        "title": _("title"),
        "body": _("text"),
        "deadline": _("deadline"),
        "documents": _("documents"),
        "conditions": _("to whom it applies"),
        "depends_on": _("earlier steps"),
        "cautions": _("cautions"),
        "contacts": _("contacts"),
        "satisfied_by": _("permits that complete it"),
        "sources": _("sources"),
        "unconfirmed": _("confirmation"),
        "track": _("track"),
        "last_verified": _("date checked"),
        "name": _("name"),
        "summary": _("summary"),
        "verify_here": _("official pages"),
        "permit_rules": _("permit rules"),
        "visa_area": _("visa area"),
        "packets": _("document packets"),
        "coverage": _("coverage"),
        "holidays": _("public holidays"),
        "use_public_holidays": _("public holidays"),
        "official_languages": _("languages"),
        "label_language": _("languages"),
        "review_after": _("review period"),
    }
    return names.get(aspect, aspect)


def aspect_list(aspects: Sequence[str]) -> str:
    names: list[str] = []
    for aspect in aspects:
        name = aspect_name(aspect)
        if name not in names:
            names.append(name)
    return ", ".join(names)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def _short(text: str) -> str:
    return text if len(text) <= MAX_LINE_CHARS else text[: MAX_LINE_CHARS - 1].rstrip() + "…"


def body_diff(old: str, new: str, limit: int = MAX_DIFF_LINES) -> list[str]:
    """The sentences removed ("− …") and added ("+ …"), at most ``limit`` lines."""
    before, after = _sentences(old), _sentences(new)
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        lines += ["− " + _short(s) for s in before[i1:i2]]
        lines += ["+ " + _short(s) for s in after[j1:j2]]
    if len(lines) > limit:
        hidden = len(lines) - limit + 1
        lines = [
            *lines[: limit - 1],
            ngettext("… and {n} more changed sentence", "… and {n} more changed sentences", hidden).format(
                n=hidden
            ),
        ]
    return lines


def step_headline(change: StepChange, language: str) -> str:
    title = change.step.title.get(language)
    if change.kind == "added":
        return _("New step: {title}").format(title=title)
    if change.kind == "removed":
        return _("Step removed: {title}").format(title=title)
    return _("Changed: {title} ({parts})").format(title=title, parts=aspect_list(change.aspects))


def step_details(change: StepChange, language: str) -> list[str]:
    """For a changed step: the old and new title, then the short diff of its text."""
    old = change.old
    if change.kind != "changed" or old is None:
        return []
    lines = []
    old_title, new_title = old.title.get(language), change.step.title.get(language)
    if old_title != new_title:
        lines.append(_("Title: “{old}” → “{new}”").format(old=old_title, new=new_title))
    if "body" in change.aspects:
        lines += body_diff(old.body.get(language), change.step.body.get(language))
    if not lines and {"title", "body"} & set(change.aspects):
        lines.append(_("(only the text in another language changed)"))
    return lines


def summary_line(changes: GuideChanges) -> str:
    if changes.nothing:
        return _("No changes.")
    parts = []
    for kind, text in (
        ("added", ngettext("{n} step added", "{n} steps added", changes.count("added"))),
        ("removed", ngettext("{n} step removed", "{n} steps removed", changes.count("removed"))),
        ("changed", ngettext("{n} step changed", "{n} steps changed", changes.count("changed"))),
    ):
        n = changes.count(kind)  # type: ignore[arg-type]
        if n:
            parts.append(text.format(n=n))
    rules = len(changes.stay_rules)
    if rules:
        parts.append(ngettext("{n} stay rule changed", "{n} stay rules changed", rules).format(n=rules))
    if changes.guide_aspects:
        parts.append(_("also: {parts}").format(parts=aspect_list(changes.guide_aspects)))
    return "; ".join(parts)


def change_lines(changes: GuideChanges, language: str) -> list[str]:
    """Every line of the change list for one guide, stay rules first (they matter most)."""
    country = changes.new.name.get(language)
    lines = [stay_rule_line(country, change) for change in changes.stay_rules]
    order = {"removed": 0, "changed": 1, "added": 2}
    for change in sorted(changes.steps, key=lambda c: order[c.kind]):
        lines.append(step_headline(change, language))
        lines += ["    " + line for line in step_details(change, language)]
    aspects = guide_aspects_line(changes)
    if aspects:
        lines.append(aspects)
    return lines


def guide_aspects_line(changes: GuideChanges) -> str:
    """The parts of the guide beyond its steps and stay rules that changed; "" when none did."""
    if not changes.guide_aspects:
        return ""
    return _("Also changed in the guide: {parts}").format(parts=aspect_list(changes.guide_aspects))
