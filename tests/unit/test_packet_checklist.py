"""The documents checklist: merged needs, present / missing / expiring, passports from the profile."""

from __future__ import annotations

from datetime import date

from waystation.content.model import (
    Conditions,
    Deadline,
    DocumentNeed,
    Limit,
    Pack,
    Source,
    StayRule,
    Step,
    Text,
)
from waystation.packets.checklist import build_checklist
from waystation.rules.status import build_status
from waystation.vault.models import DocumentInfo, Host, Passport, Person, Profile, Stay, StepProgress

D = date
ARRIVAL = D(2026, 9, 1)
TODAY = D(2026, 9, 10)


def _step(step_id: str, needs: tuple[DocumentNeed, ...], days: int | None, **extra: object) -> Step:
    return Step(
        step_id,
        "residence",
        Text({"en": step_id}),
        Text({"en": "body"}),
        (Source("https://example.org", None),),
        D(2026, 1, 1),
        documents=needs,
        deadline=Deadline(after="arrival", days=days) if days else None,
        **extra,  # type: ignore[arg-type]
    )


def pack() -> Pack:
    note = Text({"en": "The page with the entry stamp", "ru": "Страница со штампом"})
    steps = (
        _step("t.register", (DocumentNeed("passport", note=note), DocumentNeed("lease", optional=True)), 10),
        _step(
            "t.permit",
            (
                DocumentNeed("passport", translated=True, notarised=True),
                DocumentNeed("lease"),
                DocumentNeed("criminal_record", apostilled=True, translated=True),
            ),
            60,
        ),
        _step("t.undated", (DocumentNeed("photo", optional=True),), None),
        _step(
            "t.only_for_others",
            (DocumentNeed("diploma"),),
            5,
            conditions=Conditions(citizenships=("XX",)),
        ),
        Step(
            "t.work",
            "work",
            Text({"en": "w"}),
            Text({"en": "b"}),
            (Source("https://example.org", None),),
            D(2026, 1, 1),
            documents=(DocumentNeed("employment_contract"),),
        ),
    )
    rule = StayRule("t.stay", ("RU",), (Limit("window", 90, 180),), Text({"en": "x"}), ())
    return Pack("TT", Text({"en": "Testland"}), ("en",), "en", D(2026, 1, 1), (), (rule,), steps)


def person(passports: tuple[Passport, ...] = ()) -> Profile:
    return Profile(
        person=Person(family_name="X", citizenships=("RU",)),
        passports=passports,
        host=Host(country="TT", arrival_date=ARRIVAL),
        stays=(Stay("TT", ARRIVAL),),
    )


def doc(doc_id: int, kind: str, expires: date | None = None) -> DocumentInfo:
    return DocumentInfo(doc_id, kind, "t", "t.jpg", "image/jpeg", 1, "0" * 64, TODAY, expires=expires)


def checklist(profile: Profile, documents: list[DocumentInfo], progress: list[StepProgress] | None = None):  # type: ignore[no-untyped-def]
    the_pack = pack()
    status = build_status(the_pack, profile, progress or [], TODAY)
    return build_checklist(the_pack, "residence", status.plans, status.stay, profile, documents, TODAY)


def test_needs_are_merged_once_per_kind_in_guide_order() -> None:
    items = checklist(person(), [])
    assert [i.kind for i in items] == ["passport", "lease", "criminal_record", "photo"]
    passport, lease, record, photo = items
    assert (passport.translated, passport.notarised, passport.apostilled) == (True, True, False)
    assert not lease.optional, "optional only when every step calls it optional"
    assert record.apostilled and record.translated and photo.optional
    assert [n.get("ru") for n in passport.notes] == ["Страница со штампом"]
    assert "diploma" not in [i.kind for i in items], "steps that do not apply are left out"
    assert "employment_contract" not in [i.kind for i in items], "other tracks are left out"


def test_deadlines_are_the_earliest_open_step_or_the_stay_limit() -> None:
    items = {i.kind: i for i in checklist(person(), [])}
    assert items["passport"].deadline == D(2026, 9, 11)  # arrival + 10 days
    assert items["criminal_record"].deadline == D(2026, 10, 31)
    assert items["photo"].deadline == D(2026, 11, 29)  # no date: the last day of legal stay
    done = [StepProgress("t.register", "done", TODAY)]
    items = {i.kind: i for i in checklist(person(), [], done)}
    assert items["passport"].deadline == D(2026, 10, 31), "a finished step's deadline no longer counts"


def test_states_present_missing_expiring_expired() -> None:
    documents = [
        doc(1, "lease", expires=D(2026, 9, 10)),  # valid today, gone before registration is due
        doc(2, "criminal_record", expires=D(2026, 9, 1)),  # already expired
        doc(3, "photo"),  # no expiry date
    ]
    items = {i.kind: i for i in checklist(person(), documents)}
    assert items["passport"].state == "missing"
    assert items["lease"].state == "expires_before_deadline" and items["lease"].expires == D(2026, 9, 10)
    assert items["criminal_record"].state == "expired"
    assert items["photo"].state == "present" and items["photo"].documents == (documents[2],)


def test_a_passport_in_the_profile_counts_without_a_scan() -> None:
    valid = Passport("751234567", expires=D(2030, 1, 1))
    items = {i.kind: i for i in checklist(person((valid,)), [])}
    assert items["passport"].state == "present" and items["passport"].passports == (valid,)
    assert items["passport"].documents == () and items["passport"].expires == D(2030, 1, 1)
    soon = Passport("1", expires=D(2026, 9, 30))
    assert {i.kind: i for i in checklist(person((soon,)), [])}["passport"].state == "present"
    early = Passport("2", expires=D(2026, 9, 5))
    assert {i.kind: i for i in checklist(person((early,)), [])}["passport"].state == "expired"


def test_one_valid_document_is_enough() -> None:
    documents = [doc(1, "lease", expires=D(2026, 9, 12)), doc(2, "lease", expires=D(2027, 9, 1))]
    lease = {i.kind: i for i in checklist(person(), documents)}["lease"]
    assert lease.state == "present" and lease.expires == D(2027, 9, 1)
    assert [d.id for d in lease.documents] == [1, 2]


def test_an_empty_profile_gives_a_checklist_of_missing_documents() -> None:
    the_pack = pack()
    empty = Profile()
    status = build_status(the_pack, empty, [], TODAY)
    items = build_checklist(the_pack, "residence", status.plans, status.stay, empty, [], TODAY)
    assert items and all(i.state == "missing" for i in items)


def test_a_packet_lists_the_documents_from_home_its_steps_wait_for() -> None:
    """The Kazakhstan residence packet: permanent residence waits for a criminal-record
    certificate from home, which in turn waits for the shared step on getting one."""
    from waystation.content.loader import load_library
    from waystation.packets.checklist import track_steps

    guide = load_library().get("KZ")
    assert guide is not None
    profile = Profile(
        person=Person(citizenships=("RU",)),
        host=Host(country="KZ", arrival_date=ARRIVAL),
        stays=(Stay("KZ", ARRIVAL),),
    )
    status = build_status(guide, profile, {}, TODAY)
    steps = [step.id for step, _plan in track_steps(guide, "residence", status.plans)]
    assert "kz.home_documents.criminal_record_for_pr" in steps
    assert "kz.home_documents.criminal_record_certificate" in steps  # what that step waits for
    assert "kz.home_documents.by_passport_decree_278" not in steps  # not for a Russian citizen
    items = {
        item.kind: item
        for item in build_checklist(guide, "residence", status.plans, status.legal, profile, (), TODAY)
    }
    assert items["criminal_record"].state == "missing"
