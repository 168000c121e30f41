"""The legal basis of a stay, hand-worked per kind: which basis binds, until when, and what the
person is told. Each case is small enough to check on a calendar."""

from __future__ import annotations

from datetime import date

import pytest

from waystation.content.model import (
    Limit,
    Pack,
    PermitMatch,
    PermitRule,
    Renewal,
    StayRule,
    Step,
    Text,
    VisaArea,
)
from waystation.rules import bases
from waystation.rules.bases import legal_stay
from waystation.rules.plan import plan_steps
from waystation.rules.stay_words import describe_stay, note_text
from waystation.vault.models import Permit, Person, Profile, Stay

D = date
T = Text({"en": "text"})
SCHENGEN = frozenset({"DE", "ES", "FR", "AT", "PL"})


def rule(rule_id: str, citizenships: tuple[str, ...], *limits: Limit, **flags: bool) -> StayRule:
    return StayRule(rule_id, citizenships, limits, T, (), **flags)


def pack(
    country: str, *rules: StayRule, permit_rules: tuple[PermitRule, ...] = (), area: bool = False
) -> Pack:
    return Pack(
        country=country,
        name=Text({"en": {"KZ": "Kazakhstan", "DE": "Germany", "GE": "Georgia"}.get(country, country)}),
        official_languages=("xx",),
        label_language="xx",
        last_verified=D(2026, 11, 1),
        verify_here=(),
        stay_rules=rules,
        steps=(),
        permit_rules=permit_rules,
        visa_area=VisaArea(T, SCHENGEN, ()) if area else None,
    )


def person(*citizenships: str, stays: tuple[Stay, ...] = (), permits: tuple[Permit, ...] = ()) -> Profile:
    return Profile(person=Person(citizenships=citizenships), stays=stays, permits=permits)


TRP_RULE = PermitRule(
    "kz.permit.trp",
    PermitMatch("residence_permit", "TRP"),
    Text({"en": "temporary residence permit"}),
    T,
    (),
    D(2026, 11, 1),
    renew=Renewal(30, Text({"en": "File the renewal of your TRP"})),
)
KZ = pack("KZ", rule("kz.stay.eaeu", ("RU", "BY"), Limit("window", 90, 180)), permit_rules=(TRP_RULE,))
DE = pack("DE", rule("de.stay.visa", ("RU", "BY"), visa_required=True), area=True)
GE = pack(
    "GE",
    rule("ge.stay.ru", ("RU",), Limit("per_stay", 365)),
    rule("ge.stay.ua", ("UA",), Limit("per_stay", 90)),
)


def visa(
    country: str,
    start: date,
    end: date | None,
    *,
    days: int | None = 90,
    category: str = "C",
    entries: str = "multiple",
) -> Permit:
    return Permit(country, "visa", start, end, category=category, days_allowed=days, entries=entries)


# --- visa-free only: the count binds -----------------------------------------------------------


def test_visa_free_binds_when_nothing_else_is_recorded() -> None:
    profile = person("RU", stays=(Stay("KZ", D(2026, 9, 1)),))
    legal = legal_stay(KZ, profile, D(2026, 9, 10))
    assert (legal.basis, legal.must_leave_by, legal.days_left) == ("visa_free", D(2026, 11, 29), 80)
    assert legal.basis_until == D(2026, 11, 29)
    assert describe_stay(legal, KZ).headline == (
        "You may stay in Kazakhstan without a visa for 80 more days (last day Nov 29, 2026)."
    )


# --- TRP outlasting the visa-free count --------------------------------------------------------


def test_residence_permit_outlasts_the_visa_free_count() -> None:
    trp = Permit("KZ", "residence_permit", D(2026, 10, 1), D(2027, 6, 30), category="TRP")
    profile = person("RU", stays=(Stay("KZ", D(2026, 9, 1)),), permits=(trp,))
    legal = legal_stay(KZ, profile, D(2026, 12, 15))
    assert legal.basis == "residence_permit" and legal.basis_until == D(2027, 6, 30)
    assert legal.must_leave_by == D(2027, 6, 30) and legal.days_left == 197
    assert legal.visa_free.overstayed  # 106 days present: the visa-free count alone is over
    assert not legal.overstayed
    words = describe_stay(legal, KZ)
    assert words.headline == (
        "You are in Kazakhstan on your temporary residence permit until Jun 30, 2027. "
        "File the renewal by May 31, 2027."
    )
    assert words.details == ("Visa-free count: used up; the last day was Nov 29, 2026.",)


def test_renewal_becomes_a_dated_step_and_the_permit_satisfies_its_step() -> None:
    trp = Permit("KZ", "residence_permit", D(2026, 10, 1), D(2027, 6, 30), category="TRP")
    get_trp = Step(
        "kz.residence.trp",
        "residence",
        T,
        T,
        (),
        D(2026, 11, 1),
        satisfied_by=(PermitMatch("residence_permit", "TRP"),),
    )
    guide = pack("KZ", *KZ.stay_rules, permit_rules=(TRP_RULE,))
    guide = Pack(**{**guide.__dict__, "steps": (get_trp,)})
    profile = person("RU", stays=(Stay("KZ", D(2026, 9, 1)),), permits=(trp,))
    plans = {p.step.id: p for p in plan_steps(guide, profile, {}, D(2026, 12, 15))}
    assert plans["kz.residence.trp"].state == "done"
    assert plans["kz.residence.trp"].done_on == D(2026, 10, 1)
    renewal = plans["kz.permit.residence_permit.2027-06-30.renew"]
    assert renewal.due == D(2027, 5, 31) and renewal.step.generated
    assert renewal.step.title.get("en") == "File the renewal of your TRP"
    assert not renewal.overdue
    # a renewed permit needs no step any more
    renewed = Permit("KZ", "residence_permit", D(2027, 7, 1), D(2028, 6, 30), category="TRP")
    profile = person("RU", stays=profile.stays, permits=(trp, renewed))
    ids = {p.step.id for p in plan_steps(guide, profile, {}, D(2026, 12, 15))}
    assert "kz.permit.residence_permit.2027-06-30.renew" not in ids
    assert "kz.permit.residence_permit.2028-06-30.renew" in ids


def test_a_permit_starting_before_the_count_ends_carries_the_stay_on() -> None:
    trp = Permit("KZ", "residence_permit", D(2026, 11, 20), D(2027, 11, 19), category="TRP")
    profile = person("RU", stays=(Stay("KZ", D(2026, 9, 1)),), permits=(trp,))
    legal = legal_stay(KZ, profile, D(2026, 10, 1))
    assert legal.basis == "visa_free" and legal.basis_until == D(2026, 11, 29)
    assert legal.must_leave_by == D(2027, 11, 19)
    assert [b.kind for b in legal.continued_by] == ["residence_permit"]
    # a gap of one day breaks the chain
    late = Permit("KZ", "residence_permit", D(2026, 12, 1), D(2027, 11, 30), category="TRP")
    legal = legal_stay(KZ, person("RU", stays=profile.stays, permits=(late,)), D(2026, 10, 1))
    assert legal.must_leave_by == D(2026, 11, 29) and legal.continued_by == ()


# --- Schengen C visa ---------------------------------------------------------------------------


def test_c_visa_counts_days_in_every_schengen_country() -> None:
    spanish = visa("ES", D(2026, 10, 1), D(2027, 2, 28))
    stays = (Stay("ES", D(2026, 10, 1), D(2026, 10, 31)), Stay("DE", D(2026, 10, 31)))
    legal = legal_stay(DE, person("RU", stays=stays, permits=(spanish,)), D(2026, 11, 28))
    # 1 Oct .. 28 Nov = 59 days in the area (31 Oct counted once): 31 more, last day 29 Dec
    assert legal.basis == "visa" and legal.days_used == 59
    assert legal.must_leave_by == D(2026, 12, 29) and legal.basis_until == D(2027, 2, 28)
    assert describe_stay(legal, DE).headline == (
        "Your visa (C) allows 31 more days (last day Dec 29, 2026; the visa itself ends on Feb 28, 2027)."
    )


def test_c_visa_at_the_edge_of_its_validity() -> None:
    german = visa("DE", D(2026, 11, 1), D(2026, 11, 30))
    stays = (Stay("DE", D(2026, 11, 1)),)
    legal = legal_stay(DE, person("RU", stays=stays, permits=(german,)), D(2026, 11, 30))
    assert (legal.basis, legal.must_leave_by, legal.days_left) == ("visa", D(2026, 11, 30), 0)
    after = legal_stay(DE, person("RU", stays=stays, permits=(german,)), D(2026, 12, 1))
    assert after.basis == "none" and after.overstayed is False  # no count to overstay
    assert bases.NO_BASIS in [n.code for n in after.notes]
    assert after.must_leave_by is None


def test_c_visa_days_used_up_inside_its_validity() -> None:
    german = visa("DE", D(2026, 1, 1), D(2027, 12, 31), days=30)
    stays = (Stay("DE", D(2026, 3, 1), D(2026, 3, 30)), Stay("DE", D(2026, 4, 10)))
    legal = legal_stay(DE, person("RU", stays=stays, permits=(german,)), D(2026, 4, 10))
    assert legal.basis == "none"
    assert bases.VISA_DAYS_USED in [n.code for n in legal.notes]


def test_single_entry_visa_ends_at_the_first_exit() -> None:
    single = visa("DE", D(2026, 9, 1), D(2026, 12, 31), entries="single")
    first = (Stay("DE", D(2026, 9, 5)),)
    assert legal_stay(DE, person("RU", stays=first, permits=(single,)), D(2026, 9, 20)).basis == "visa"
    back = (Stay("DE", D(2026, 9, 5), D(2026, 9, 20)), Stay("DE", D(2026, 10, 1)))
    legal = legal_stay(DE, person("RU", stays=back, permits=(single,)), D(2026, 10, 5))
    assert legal.basis == "none"
    assert bases.SINGLE_ENTRY_USED in [n.code for n in legal.notes]
    assert "single-entry" in note_text(next(n for n in legal.notes if n.code == bases.SINGLE_ENTRY_USED))


def test_single_entry_visa_survives_a_move_between_schengen_countries() -> None:
    single = visa("ES", D(2026, 9, 1), D(2026, 12, 31), entries="single")
    stays = (Stay("ES", D(2026, 9, 5), D(2026, 9, 20)), Stay("DE", D(2026, 9, 20)))
    assert legal_stay(DE, person("RU", stays=stays, permits=(single,)), D(2026, 10, 5)).basis == "visa"


def test_d_visa_allows_the_stay_until_it_ends() -> None:
    national = visa("DE", D(2026, 9, 1), D(2027, 2, 28), days=None, category="D")
    legal = legal_stay(
        DE, person("RU", stays=(Stay("DE", D(2026, 9, 3)),), permits=(national,)), D(2026, 11, 28)
    )
    assert (legal.basis, legal.must_leave_by, legal.basis_until) == ("visa", D(2027, 2, 28), D(2027, 2, 28))
    assert legal.days_left == 92


def test_a_visa_from_outside_the_area_does_not_count_here() -> None:
    turkish = visa("TR", D(2026, 9, 1), D(2027, 2, 28))
    legal = legal_stay(
        DE, person("RU", stays=(Stay("DE", D(2026, 9, 3)),), permits=(turkish,)), D(2026, 9, 10)
    )
    assert legal.basis == "none"


# --- pending application, permanent residence, protection --------------------------------------


def test_pending_application_after_a_permit_ended() -> None:
    permit = Permit("DE", "residence_permit", D(2025, 9, 1), D(2026, 8, 31))
    pending = Permit("DE", "application_pending", D(2026, 8, 20), None, category="Fiktionsbescheinigung")
    profile = person("RU", stays=(Stay("DE", D(2025, 9, 1)),), permits=(permit, pending))
    legal = legal_stay(DE, profile, D(2026, 11, 28))
    assert (legal.basis, legal.must_leave_by, legal.basis_until) == ("application_pending", None, None)
    assert legal.days_left is None
    assert legal.notes == ()  # filed while the permit was valid: no warning
    assert "keeps your stay in Germany legal" in describe_stay(legal, DE).headline


def test_an_application_filed_after_the_stay_ended_is_flagged() -> None:
    permit = Permit("DE", "residence_permit", D(2025, 9, 1), D(2026, 8, 31))
    pending = Permit("DE", "application_pending", D(2026, 9, 15), D(2027, 3, 14))
    profile = person("RU", stays=(Stay("DE", D(2025, 9, 1)),), permits=(permit, pending))
    legal = legal_stay(DE, profile, D(2026, 11, 28))
    assert legal.basis == "application_pending" and legal.must_leave_by == D(2027, 3, 14)
    assert [n.code for n in legal.notes] == [bases.FILED_LATE]


def test_permanent_residence_has_no_end() -> None:
    settled = Permit("DE", "permanent_residence", D(2024, 1, 1), None)
    visa_c = visa("DE", D(2026, 1, 1), D(2027, 1, 1))
    profile = person("RU", stays=(Stay("DE", D(2024, 1, 1)),), permits=(settled, visa_c))
    legal = legal_stay(DE, profile, D(2026, 11, 28))
    assert (legal.basis, legal.must_leave_by, legal.basis_until, legal.days_left) == (
        "permanent_residence",
        None,
        None,
        None,
    )
    assert legal.bases[0].kind == "permanent_residence"
    assert (
        describe_stay(legal, DE).headline
        == "Your permanent residence lets you live in Germany with no end date."
    )


def test_temporary_protection_until_its_end() -> None:
    protection = Permit("DE", "temporary_protection", D(2022, 3, 4), D(2027, 3, 4))
    profile = person("UA", stays=(Stay("DE", D(2022, 3, 10)),), permits=(protection,))
    legal = legal_stay(DE, profile, D(2026, 11, 28))
    assert (legal.basis, legal.must_leave_by) == ("temporary_protection", D(2027, 3, 4))
    assert describe_stay(legal, DE).headline == (
        "Your temporary protection lets you stay in Germany until Mar 4, 2027."
    )


# --- citizenships ------------------------------------------------------------------------------


def test_two_citizenships_take_the_better_rule() -> None:
    stays = (Stay("GE", D(2026, 1, 1)),)
    ru_only = legal_stay(GE, person("RU", stays=stays), D(2026, 6, 1))
    ua_only = legal_stay(GE, person("UA", stays=stays), D(2026, 6, 1))
    both = legal_stay(GE, person("UA", "RU", stays=stays), D(2026, 6, 1))
    assert ru_only.must_leave_by == D(2026, 12, 31)
    assert ua_only.overstayed and ua_only.must_leave_by == D(2026, 3, 31)
    assert both.must_leave_by == D(2026, 12, 31) and both.rule is not None and both.rule.id == "ge.stay.ru"


@pytest.mark.parametrize(
    ("citizenships", "code"),
    [((), bases.NO_CITIZENSHIP), (("IN",), bases.NO_RULE)],
)
def test_missing_citizenship_or_rule_is_said_not_crashed(citizenships: tuple[str, ...], code: str) -> None:
    legal = legal_stay(GE, person(*citizenships, stays=(Stay("GE", D(2026, 1, 1)),)), D(2026, 6, 1))
    assert legal.basis == "none" and legal.must_leave_by is None
    assert code in [n.code for n in legal.notes]
    assert all(note_text(n) for n in legal.notes)


def test_unknown_rule_for_a_citizenship_is_said() -> None:
    guide = pack(
        "AM",
        rule("am.stay.ru", ("RU",), Limit("window", 180, 365)),
        rule("am.stay.by", ("BY",), unknown=True),
    )
    legal = legal_stay(guide, person("BY", stays=(Stay("AM", D(2026, 1, 1)),)), D(2026, 2, 1))
    assert legal.basis == "none"
    assert "not known" in note_text(next(n for n in legal.notes if n.code == bases.RULE_UNKNOWN))


def test_visa_required_without_a_visa_recorded() -> None:
    legal = legal_stay(DE, person("RU", stays=(Stay("DE", D(2026, 11, 1)),)), D(2026, 11, 28))
    assert legal.basis == "none" and legal.must_leave_by is None
    assert {bases.VISA_REQUIRED, bases.NO_BASIS} <= {n.code for n in legal.notes}
    assert describe_stay(legal, DE).headline == "No legal basis is recorded for your stay in Germany."
