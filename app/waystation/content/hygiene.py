"""Source hygiene: what a careful editor would flag in a guide without refusing it.

Errors stop a guide from loading (validate.py); the warnings here do not, but ``content validate``
lists them, so a maintainer sees a content-farm source that is not marked weak, a step resting
only on weak or undated sources, a contact that is a news article rather than an organisation's
own page, and steps nobody has re-checked for longer than the guide's ``review_after``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from waystation.content.model import DEFAULT_REVIEW_AFTER_DAYS, TRACKS
from waystation.content.validate import Problem
from waystation.i18n import _

# Sites that republish or machine-write other people's reporting: never a primary source. A
# guide may still cite one (sometimes it is all there is), but only marked weak.
AGGREGATOR_DOMAINS: frozenset[str] = frozenset(
    {
        "newsy-today.com",
        "f-chain.com",
        "timewatchesuk.me",
        "luttecrw.com",
        "wtxnews.com",
        "cmio.org",
        "pledgetimes.com",
        "news-pravda.com",
        "publicservices.guide",
        "telescroll.me",
        "byteseu.com",
        "planetarycitizens.org",
        "perild.com",
        "newsaboutturkey.com",
        "hepsiproje.com",
    }
)

# A contact should be an organisation's own page or phone, not an article about it.
NEWS_AND_ENCYCLOPAEDIA_DOMAINS: frozenset[str] = frozenset(
    {
        "wikipedia.org",
        "themoscowtimes.com",
        "kommersant.ru",
        "rferl.org",
        "euronews.com",
        "kyivindependent.com",
        "theins.ru",
        "oc-media.org",
        "azatutyun.am",
        "24.kg",
        "trend.az",
        "caliber.az",
        "lenta.ru",
        "rbc.ru",
        "inform.kz",
        "day.az",
        "kursiv.media",
        "astanatimes.com",
        "baltictimes.com",
        "deutschlandfunk.de",
        "t-online.de",
        "queer.de",
        "armradio.am",
        "newdosh.media",
        "segodnya.today",
        "thegaze.media",
        "timesca.com",
        "blogspot.com",
    }
)


def domain_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def on_list(url: str, domains: Iterable[str]) -> bool:
    """Whether the URL's host is one of ``domains`` or a subdomain of one."""
    host = domain_of(url)
    return any(host == d or host.endswith("." + d) for d in domains)


@dataclass
class PackReport:
    """The numbers ``content validate`` prints per guide."""

    country: str
    steps: int = 0
    per_track: dict[str, int] = field(default_factory=dict)
    sources: int = 0
    dated: int = 0
    weak: int = 0
    oldest_verified: date | None = None
    warnings: list[Problem] = field(default_factory=list)


def _items(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    return [item for item in data.get(key) or [] if isinstance(item, Mapping)]


def _source_warnings(file: str, where: str, sources: list[Mapping[str, Any]]) -> list[Problem]:
    warnings = []
    for i, source in enumerate(sources):
        url = str(source.get("url", ""))
        if on_list(url, AGGREGATOR_DOMAINS) and not source.get("weak"):
            warnings.append(
                Problem(file, where, f"sources[{i}]", f"{domain_of(url)} is an aggregator: mark it weak")
            )
    if sources and all(s.get("weak") or s.get("date") == "n.d." for s in sources):
        warnings.append(Problem(file, where, "sources", "every source is weak or undated"))
    return warnings


def _contact_warnings(file: str, where: str, contacts: list[Mapping[str, Any]]) -> list[Problem]:
    warnings = []
    for i, contact in enumerate(contacts):
        url = str(contact.get("url") or "")
        if url and on_list(url, NEWS_AND_ENCYCLOPAEDIA_DOMAINS | AGGREGATOR_DOMAINS):
            warnings.append(
                Problem(
                    file,
                    where,
                    f"contacts[{i}].url",
                    f"{domain_of(url)} is a news or reference site, not the organisation's own page",
                )
            )
    return warnings


def _verified(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def pack_report(file: str, data: Mapping[str, Any], today: date | None = None) -> PackReport:
    """Counts and warnings for a guide that has passed validation."""
    today = today or date.today()
    review_after = int(data.get("review_after", DEFAULT_REVIEW_AFTER_DAYS))
    report = PackReport(country=str(data.get("country", "?")))
    report.per_track = dict.fromkeys(TRACKS, 0)
    for step in _items(data, "steps"):
        sid = str(step.get("id"))
        report.steps += 1
        track = str(step.get("track"))
        report.per_track[track] = report.per_track.get(track, 0) + 1
        sources = _items(step, "sources")
        report.sources += len(sources)
        report.dated += sum(1 for s in sources if s.get("date") != "n.d.")
        report.weak += sum(1 for s in sources if s.get("weak"))
        report.warnings += _source_warnings(file, sid, sources)
        report.warnings += _contact_warnings(file, sid, _items(step, "contacts"))
        checked = _verified(step.get("last_verified"))
        if checked is not None:
            if report.oldest_verified is None or checked < report.oldest_verified:
                report.oldest_verified = checked
            age = (today - checked).days
            if age > review_after:
                report.warnings.append(
                    Problem(file, sid, "last_verified", f"checked {age} days ago: may be out of date")
                )
    for rule in _items(data, "stay_rules") + _items(data, "permit_rules"):
        report.warnings += _source_warnings(file, str(rule.get("id")), _items(rule, "sources"))
    return report


def describe_report(report: PackReport) -> str:
    tracks = ", ".join(f"{track} {n}" for track, n in report.per_track.items())
    oldest = report.oldest_verified.isoformat() if report.oldest_verified else "-"
    return _(
        "{country}: {steps} steps ({tracks}); {sources} sources, {dated} dated, {weak} weak; "
        "oldest check {oldest}; {warnings} warning(s)"
    ).format(
        country=report.country,
        steps=report.steps,
        tracks=tracks,
        sources=report.sources,
        dated=report.dated,
        weak=report.weak,
        oldest=oldest,
        warnings=len(report.warnings),
    )
