"""Loading content packs: validate, then build the typed model. A pack with problems is refused
as a whole; the other packs still load."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from waystation.content.model import (
    DEFAULT_REVIEW_AFTER_DAYS,
    Conditions,
    Contact,
    Coverage,
    Deadline,
    DocumentNeed,
    Limit,
    Link,
    Pack,
    PacketDefinition,
    PermitMatch,
    PermitRule,
    Renewal,
    Source,
    StayRule,
    Step,
    Text,
    VisaArea,
)
from waystation.content.shared_steps import merge_shared_steps, read_shared_steps, shared_files
from waystation.content.validate import Problem, pack_file_country, validate_pack_data
from waystation.content.yaml_io import UnsafeYaml, read_yaml
from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.resources_path import resource

if TYPE_CHECKING:
    from waystation.updates.store import InstalledGuide


class PackInvalid(InvalidInput):
    def __init__(self, file: str, problems: list[Problem]) -> None:
        super().__init__(
            _("The country guide {file} has {n} problem(s) and was not loaded.").format(
                file=file, n=len(problems)
            )
        )
        self.file = file
        self.problems = problems


def default_content_dir() -> Path:
    return resource("content")


def read_pack_file(path: Path) -> tuple[Any, list[Problem]]:
    """The raw data of one file, or the problem that stopped it from being read."""
    try:
        return read_yaml(path), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(file)"
        return None, [Problem(str(path), "pack", where, f"not valid YAML: {getattr(exc, 'problem', exc)}")]
    except UnsafeYaml as exc:
        return None, [Problem(str(path), "pack", "(file)", f"refused: {exc}")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(str(path), "pack", "(file)", f"cannot be read: {exc}")]


def _text(value: Mapping[str, str] | None) -> Text | None:
    return Text(dict(value)) if value else None


def _req_text(value: Mapping[str, str]) -> Text:
    return Text(dict(value))


def _source(raw: Mapping[str, Any]) -> Source:
    stated = raw["date"]
    return Source(
        url=raw["url"],
        stated_date=None if stated == "n.d." else date.fromisoformat(stated),
        title=raw.get("title"),
        weak=bool(raw.get("weak", False)),
    )


def _deadline(raw: Mapping[str, Any] | None) -> Deadline | None:
    if not raw:
        return None
    note = _text(raw.get("note"))
    if "date" in raw:
        return Deadline(on=date.fromisoformat(raw["date"]), note=note)
    if raw.get("before") == "stay_limit":
        return Deadline(before_stay_limit=True, days_before=int(raw.get("days_before", 0)), note=note)
    return Deadline(
        after=raw["after"],
        step=raw.get("step"),
        hours=raw.get("hours"),
        days=raw.get("days"),
        business_days=raw.get("business_days"),
        note=note,
    )


def _step(raw: Mapping[str, Any]) -> Step:
    cond = raw.get("conditions") or {}
    return Step(
        id=raw["id"],
        track=raw["track"],
        title=_req_text(raw["title"]),
        body=_req_text(raw["body"]),
        sources=tuple(_source(s) for s in raw["sources"]),
        last_verified=date.fromisoformat(raw["last_verified"]),
        documents=tuple(
            DocumentNeed(
                kind=d["kind"],
                note=_text(d.get("note")),
                translated=bool(d.get("translated", False)),
                apostilled=bool(d.get("apostilled", False)),
                notarised=bool(d.get("notarised", False)),
                optional=bool(d.get("optional", False)),
            )
            for d in raw.get("documents") or []
        ),
        deadline=_deadline(raw.get("deadline")),
        depends_on=tuple(raw.get("depends_on") or ()),
        conditions=Conditions(
            citizenships=tuple(cond.get("citizenships") or ()),
            with_family=cond.get("with_family"),
            purposes=tuple(cond.get("purposes") or ()),
            text=_text(cond.get("text")),
        ),
        cautions=tuple(_req_text(c) for c in raw.get("cautions") or ()),
        contacts=tuple(
            Contact(
                name=_req_text(c["name"]),
                url=c.get("url"),
                note=_text(c.get("note")),
                phone=c.get("phone"),
            )
            for c in raw.get("contacts") or ()
        ),
        satisfied_by=tuple(_permit_match(m) for m in raw.get("satisfied_by") or ()),
        unconfirmed=bool(raw.get("unconfirmed", False)),
    )


def _permit_match(raw: Mapping[str, Any]) -> PermitMatch:
    return PermitMatch(kind=raw["kind"], category=raw.get("category"))


def _permit_rule(raw: Mapping[str, Any]) -> PermitRule:
    renew = raw.get("renew")
    return PermitRule(
        id=raw["id"],
        match=_permit_match(raw),
        name=_req_text(raw["name"]),
        explain=_req_text(raw["explain"]),
        sources=tuple(_source(s) for s in raw["sources"]),
        last_verified=date.fromisoformat(raw["last_verified"]),
        renew=(
            Renewal(
                days_before=int(renew["days_before"]),
                title=_req_text(renew["title"]),
                note=_text(renew.get("note")),
            )
            if renew
            else None
        ),
        max_absence_days=raw.get("max_absence_days"),
    )


def _visa_area(raw: Mapping[str, Any] | None) -> VisaArea | None:
    if not raw:
        return None
    return VisaArea(
        name=_req_text(raw["name"]),
        countries=frozenset(raw["countries"]),
        sources=tuple(_source(s) for s in raw["sources"]),
    )


def _stay_rule(raw: Mapping[str, Any]) -> StayRule:
    return StayRule(
        id=raw["id"],
        citizenships=tuple(raw["citizenships"]),
        limits=tuple(
            Limit(kind=lim["kind"], days=int(lim["days"]), window=lim.get("window"))
            for lim in raw.get("limits") or ()
        ),
        explain=_req_text(raw["explain"]),
        sources=tuple(_source(s) for s in raw["sources"]),
        visa_required=bool(raw.get("visa_required", False)),
        no_limit=bool(raw.get("no_limit", False)),
        unknown=bool(raw.get("unknown", False)),
    )


def build_pack(data: Mapping[str, Any]) -> Pack:
    """The typed pack from data that has passed validation."""
    languages = tuple(data["official_languages"])
    return Pack(
        country=data["country"],
        name=_req_text(data["name"]),
        official_languages=languages,
        label_language=data.get("label_language", languages[0]),
        last_verified=date.fromisoformat(data["last_verified"]),
        verify_here=tuple(Link(_req_text(v["title"]), v["url"]) for v in data["verify_here"]),
        stay_rules=tuple(_stay_rule(r) for r in data["stay_rules"]),
        steps=tuple(_step(s) for s in data["steps"]),
        holidays=frozenset(date.fromisoformat(d) for d in data.get("holidays") or ()),
        packets={
            track: PacketDefinition(
                track=track,
                purpose=_req_text(p["purpose"]),
                office=_req_text(p["office"]),
                office_local=p.get("office_local"),
            )
            for track, p in (data.get("packets") or {}).items()
        },
        summary=_text(data.get("summary")),
        use_public_holidays=bool(data.get("use_public_holidays", False)),
        review_after=int(data.get("review_after", DEFAULT_REVIEW_AFTER_DAYS)),
        permit_rules=tuple(_permit_rule(r) for r in data.get("permit_rules") or ()),
        visa_area=_visa_area(data.get("visa_area")),
        coverage=Coverage(level=data["coverage"]["level"], missing=_text(data["coverage"].get("missing"))),
    )


def check_pack_file(path: Path) -> tuple[Any, list[Problem]]:
    """The pack's data with the shared steps merged in, and every problem found in either."""
    data, problems = read_pack_file(path)
    if problems:
        return None, problems
    shared, problems = read_shared_steps(shared_files(path.parent, default_content_dir()))
    if problems:
        return None, problems
    if not isinstance(data, Mapping):
        return data, validate_pack_data(str(path), data, pack_file_country(path))
    merged, shared_ids = merge_shared_steps(data, shared)
    return merged, validate_pack_data(str(path), merged, pack_file_country(path), shared_ids=shared_ids)


def load_pack(path: Path) -> Pack:
    data, problems = check_pack_file(path)
    if problems:
        raise PackInvalid(str(path), problems)
    return build_pack(data)


def pack_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


@dataclass
class PackLibrary:
    """The packs that loaded, and the problems of those that did not."""

    packs: dict[str, Pack] = field(default_factory=dict)
    refused: dict[str, list[Problem]] = field(default_factory=dict)
    # The countries whose guide in use came from a signed update (waystation.updates).
    installed: dict[str, InstalledGuide] = field(default_factory=dict)

    def get(self, country: str) -> Pack | None:
        return self.packs.get(country.upper())

    def countries(self) -> list[str]:
        return sorted(self.packs)


def load_library(folder: Path | None = None) -> PackLibrary:
    library = PackLibrary()
    for path in pack_files(folder or default_content_dir()):
        data, problems = check_pack_file(path)
        if problems:
            library.refused[str(path)] = problems
            continue
        pack = build_pack(data)
        if pack.country in library.packs:
            library.refused[str(path)] = [
                Problem(str(path), "pack", "country", f"a second pack for {pack.country}")
            ]
            continue
        library.packs[pack.country] = pack
    if folder is None:
        add_installed_guides(library)
    return library


def add_installed_guides(library: PackLibrary) -> None:
    """Guides installed from signed updates replace the built-in guide of their country, unless
    the built-in one was checked later (a newer Waystation ships newer guides). One that fails
    its checks is refused and the built-in guide stays."""
    from waystation.updates.store import read_state

    state = read_state()
    for problem in state.problems:
        library.refused[problem] = [Problem(problem, "pack", "(installed)", "not used")]
    for country, guide in state.guides.items():
        if not guide.usable:
            library.refused[str(guide.path)] = [
                Problem(str(guide.path), "pack", "(installed)", str(guide.problem))
            ]
            continue
        data, problems = check_pack_file(guide.path)
        if problems:
            library.refused[str(guide.path)] = problems
            continue
        pack = build_pack(data)
        shipped = library.packs.get(country)
        if pack.country == country and (shipped is None or pack.last_verified >= shipped.last_verified):
            library.packs[country] = pack
            library.installed[country] = guide
