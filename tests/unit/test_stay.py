"""Hand-worked examples of the legal-stay calculator, one per kind of limit, and bad input."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from waystation.content.model import Limit, StayRule, Text
from waystation.errors import InvalidInput
from waystation.rules.stay import StayHistoryError, check_stays, earliest_return, stay_status
from waystation.vault.models import Stay

D = date


def rule(*limits: Limit, rule_id: str = "xx.stay.ru", **flags: bool) -> StayRule:
    return StayRule(rule_id, ("RU",), limits, Text({"en": "Explained."}), (), **flags)


KZ = rule(Limit("window", 90, 180), rule_id="kz.stay.ru")
RS = rule(Limit("per_stay", 30), rule_id="rs.stay.ru")
GE = rule(Limit("per_stay", 365), rule_id="ge.stay.ru")
TR = rule(Limit("per_stay", 60), Limit("window", 90, 180), rule_id="tr.stay.ru")
YEARLY = rule(Limit("per_calendar_year", 90), rule_id="xx.stay.year")


# --- window: 90 days in any 180 ------------------------------------------------------------------


def test_kz_example_from_the_brief() -> None:
    stays = [Stay("KZ", D(2026, 1, 1), D(2026, 2, 14)), Stay("KZ", D(2026, 5, 1))]
    status = stay_status(KZ, stays, "KZ", D(2026, 5, 1))
    assert status.present
    assert status.days_used == 46  # 45 days in Jan–Feb, and the entry day
    assert status.must_leave_by == D(2026, 6, 14)
    assert status.days_left == 44
    assert status.binding == Limit("window", 90, 180)
    assert not status.overstayed
    assert status.window_start == D(2026, 5, 1) - timedelta(days=179)
    assert status.entered == D(2026, 5, 1)


def test_window_counts_on_later_days_of_the_stay() -> None:
    stays = [Stay("KZ", D(2026, 1, 1), D(2026, 2, 14)), Stay("KZ", D(2026, 5, 1))]
    status = stay_status(KZ, stays, "KZ", D(2026, 6, 14))
    assert status.days_used == 90
    assert status.days_left == 0


def test_window_when_away_counts_as_if_entering_today() -> None:
    stays = [Stay("KZ", D(2026, 1, 1), D(2026, 2, 14))]
    status = stay_status(KZ, stays, "KZ", D(2026, 3, 1))
    assert not status.present
    assert status.days_used == 45
    assert status.must_leave_by == D(2026, 4, 14)  # 45 + 45 days from 1 March
    assert status.entered is None


def test_window_full_when_away_means_no_entry_today() -> None:
    stays = [Stay("KZ", D(2026, 1, 1), D(2026, 3, 31))]  # 90 days
    status = stay_status(KZ, stays, "KZ", D(2026, 4, 5))
    assert status.days_used == 90
    assert status.must_leave_by == D(2026, 4, 4)
    assert status.days_left == -1
    assert not status.overstayed  # not there, so not overstaying


def test_old_days_drop_out_of_the_window() -> None:
    stays = [Stay("KZ", D(2025, 1, 1), D(2025, 3, 31)), Stay("KZ", D(2025, 12, 1))]
    status = stay_status(KZ, stays, "KZ", D(2025, 12, 1))
    assert status.days_used == 1
    assert status.must_leave_by == D(2025, 12, 1) + timedelta(days=89)


# --- per stay --------------------------------------------------------------------------------------


def test_serbia_30_days_per_stay() -> None:
    stays = [Stay("RS", D(2026, 3, 1))]
    status = stay_status(RS, stays, "RS", D(2026, 3, 10))
    assert status.days_used == 10
    assert status.must_leave_by == D(2026, 3, 30)
    assert status.days_left == 20
    assert status.window_start == D(2026, 3, 1)


def test_serbia_overstay_gives_negative_days_left() -> None:
    stays = [Stay("RS", D(2026, 3, 1))]
    status = stay_status(RS, stays, "RS", D(2026, 4, 5))
    assert status.overstayed
    assert status.must_leave_by == D(2026, 3, 30)
    assert status.days_left == -6
    assert status.days_used == 36


def test_georgia_365_days_per_stay() -> None:
    stays = [Stay("GE", D(2026, 9, 1))]
    status = stay_status(GE, stays, "GE", D(2026, 9, 1))
    assert status.must_leave_by == D(2027, 8, 31)
    assert status.days_left == 364
    assert status.days_used == 1


def test_georgia_border_run_on_the_same_day_starts_a_new_stay() -> None:
    stays = [Stay("GE", D(2025, 9, 1), D(2026, 8, 31)), Stay("GE", D(2026, 8, 31))]
    status = stay_status(GE, stays, "GE", D(2026, 9, 10))
    assert status.entered == D(2026, 8, 31)
    assert status.days_used == 11
    assert status.must_leave_by == D(2027, 8, 30)


def test_per_stay_away_has_nothing_used() -> None:
    status = stay_status(RS, [Stay("RS", D(2026, 1, 1), D(2026, 1, 20))], "RS", D(2026, 2, 1))
    assert status.days_used == 0
    assert status.must_leave_by == D(2026, 3, 2)


# --- Turkey: 60 per stay and 90 in 180 ---------------------------------------------------------------


def test_turkey_per_stay_binds_on_a_fresh_entry() -> None:
    status = stay_status(TR, [Stay("TR", D(2026, 1, 10))], "TR", D(2026, 1, 10))
    assert status.binding == Limit("per_stay", 60)
    assert status.must_leave_by == D(2026, 3, 10)
    assert status.days_used == 1


def test_turkey_window_binds_after_an_earlier_visit() -> None:
    stays = [Stay("TR", D(2026, 1, 1), D(2026, 2, 19)), Stay("TR", D(2026, 3, 1))]  # 50 days
    status = stay_status(TR, stays, "TR", D(2026, 3, 1))
    assert status.binding == Limit("window", 90, 180)
    assert status.must_leave_by == D(2026, 4, 9)  # 50 + 40 = 90
    assert status.days_used == 51
    assert status.days_left == 39


# --- per calendar year -----------------------------------------------------------------------------


def test_calendar_year_runs_on_across_new_year() -> None:
    stays = [Stay("XX", D(2025, 11, 1), D(2025, 12, 20)), Stay("XX", D(2025, 12, 25))]
    on_dec = stay_status(YEARLY, stays, "XX", D(2025, 12, 25))
    assert on_dec.days_used == 51  # 50 earlier days of 2025 and the entry day
    assert on_dec.must_leave_by == D(2026, 3, 31)  # 2026 starts from zero: 90 days
    assert on_dec.window_start == D(2025, 1, 1)
    on_jan = stay_status(YEARLY, stays, "XX", D(2026, 1, 5))
    assert on_jan.days_used == 5
    assert on_jan.window_start == D(2026, 1, 1)
    assert on_jan.must_leave_by == D(2026, 3, 31)


def test_calendar_year_room_ends_before_the_year_does() -> None:
    stays = [Stay("XX", D(2026, 1, 1), D(2026, 3, 1)), Stay("XX", D(2026, 6, 1))]  # 60 + ...
    status = stay_status(YEARLY, stays, "XX", D(2026, 6, 1))
    assert status.must_leave_by == D(2026, 6, 30)
    assert status.days_used == 61


def test_calendar_year_of_365_days_binds_in_the_next_leap_year() -> None:
    year_rule = rule(Limit("per_calendar_year", 365))
    status = stay_status(year_rule, [Stay("XX", D(2026, 1, 1))], "XX", D(2026, 1, 1))
    assert status.must_leave_by == D(2028, 12, 30)  # 366 days in 2028


def test_calendar_year_of_366_days_never_ends_a_stay() -> None:
    year_rule = rule(Limit("per_calendar_year", 366))
    status = stay_status(year_rule, [Stay("XX", D(2026, 1, 1))], "XX", D(2026, 3, 1))
    assert status.must_leave_by is None
    assert status.binding is None
    assert status.days_used == 60


# --- rules with no day limit -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "no_limit_rule",
    [rule(visa_required=True), rule(no_limit=True), rule(), None],
    ids=["visa", "no-limit", "empty", "no-rule"],
)
def test_no_limit_still_counts_the_last_180_days(no_limit_rule: StayRule | None) -> None:
    stays = [Stay("XX", D(2025, 1, 1), D(2025, 12, 31)), Stay("XX", D(2026, 2, 1))]
    status = stay_status(no_limit_rule, stays, "XX", D(2026, 2, 10))
    assert status.days_used == 180 - 31  # away all January
    assert status.window_start == D(2026, 2, 10) - timedelta(days=179)
    assert status.must_leave_by is None
    assert status.days_left is None
    assert not status.overstayed
    assert status.rule_id == (no_limit_rule.id if no_limit_rule else None)


# --- earliest return -------------------------------------------------------------------------------


def test_earliest_return_kz() -> None:
    stays = [Stay("KZ", D(2026, 1, 1), D(2026, 2, 14))]
    assert earliest_return(KZ, stays, "KZ", D(2026, 3, 1), 30) == D(2026, 3, 1)
    assert earliest_return(KZ, stays, "KZ", D(2026, 3, 1), 90) == D(2026, 5, 16)
    assert earliest_return(KZ, stays, "KZ", D(2026, 3, 1), 91) is None


def test_earliest_return_turkey() -> None:
    stays = [Stay("TR", D(2026, 1, 1), D(2026, 2, 19))]
    assert earliest_return(TR, stays, "TR", D(2026, 3, 1), 60) == D(2026, 5, 21)
    assert earliest_return(TR, stays, "TR", D(2026, 3, 1), 61) is None


def test_earliest_return_across_new_year_beats_a_shorter_wait() -> None:
    stays = [Stay("XX", D(2026, 1, 1), D(2026, 3, 1))]  # 60 of 90 used in 2026
    assert earliest_return(YEARLY, stays, "XX", D(2026, 6, 1), 30) == D(2026, 6, 1)
    assert earliest_return(YEARLY, stays, "XX", D(2026, 6, 1), 40) == D(2026, 12, 2)
    assert earliest_return(YEARLY, stays, "XX", D(2026, 6, 1), 180) == D(2027, 10, 3)
    assert earliest_return(YEARLY, stays, "XX", D(2026, 6, 1), 181) is None


def test_earliest_return_without_limits_is_right_away() -> None:
    stays = [Stay("XX", D(2026, 1, 1))]
    assert earliest_return(rule(no_limit=True), stays, "XX", D(2026, 2, 1), 5000) == D(2026, 2, 1)
    assert earliest_return(None, stays, "XX", D(2026, 2, 1), 1) == D(2026, 2, 1)


def test_earliest_return_needs_at_least_one_day() -> None:
    with pytest.raises(InvalidInput):
        earliest_return(KZ, [], "KZ", D(2026, 1, 1), 0)


# --- bad input -------------------------------------------------------------------------------------


def test_stay_ending_before_it_starts_is_refused_by_name() -> None:
    bad = Stay("GE", D(2026, 5, 1), D(2026, 4, 1))
    with pytest.raises(StayHistoryError) as caught:
        stay_status(GE, [bad], "GE", D(2026, 5, 1))
    assert caught.value.stay == bad
    assert "GE" in str(caught.value)
    assert "ends before it starts" in str(caught.value)
    assert isinstance(caught.value, InvalidInput)


def test_overlapping_stays_are_refused() -> None:
    stays = [Stay("GE", D(2026, 1, 1), D(2026, 2, 1)), Stay("GE", D(2026, 1, 20), D(2026, 3, 1))]
    with pytest.raises(StayHistoryError, match="overlap"):
        check_stays(stays)


def test_a_stay_inside_another_is_an_overlap() -> None:
    stays = [Stay("GE", D(2026, 1, 1), D(2026, 6, 1)), Stay("GE", D(2026, 2, 1), D(2026, 2, 3))]
    with pytest.raises(StayHistoryError, match="overlap"):
        check_stays(stays)


def test_a_stay_recorded_twice_is_an_overlap() -> None:
    stays = [Stay("GE", D(2026, 1, 1), D(2026, 1, 1))] * 2
    with pytest.raises(StayHistoryError, match="overlap"):
        check_stays(stays)


def test_a_later_stay_after_an_open_one_is_an_overlap() -> None:
    stays = [Stay("GE", D(2026, 1, 1)), Stay("GE", D(2026, 3, 1), D(2026, 3, 5))]
    with pytest.raises(StayHistoryError, match="overlap"):
        check_stays(stays)


def test_two_open_stays_are_refused_even_in_two_countries() -> None:
    stays = [Stay("GE", D(2026, 1, 1)), Stay("AM", D(2026, 3, 1))]
    with pytest.raises(StayHistoryError, match="no exit date"):
        stay_status(GE, stays, "GE", D(2026, 4, 1))


def test_same_day_exit_and_entry_in_two_countries_is_fine() -> None:
    check_stays([Stay("GE", D(2026, 1, 1), D(2026, 2, 1)), Stay("AM", D(2026, 2, 1))])


def test_no_stays_at_all() -> None:
    status = stay_status(KZ, [], "KZ", D(2026, 5, 1))
    assert not status.present
    assert status.days_used == 0
    assert status.must_leave_by == D(2026, 7, 29)  # 90 days from today, today included


def test_stays_in_other_countries_do_not_count() -> None:
    stays = [Stay("AM", D(2026, 1, 1), D(2026, 3, 1)), Stay("KZ", D(2026, 3, 1))]
    assert stay_status(KZ, stays, "KZ", D(2026, 3, 10)).days_used == 10


def test_stays_after_the_day_are_ignored() -> None:
    stays = [Stay("KZ", D(2026, 1, 1), D(2026, 1, 10)), Stay("KZ", D(2026, 6, 1))]
    status = stay_status(KZ, stays, "KZ", D(2026, 2, 1))
    assert not status.present
    assert status.days_used == 10


def test_planned_exit_after_the_day_counts_only_up_to_the_day() -> None:
    stays = [Stay("KZ", D(2026, 1, 1), D(2026, 3, 1))]
    status = stay_status(KZ, stays, "KZ", D(2026, 1, 10))
    assert status.present
    assert status.days_used == 10


def test_far_future_day_is_a_clear_error_not_a_crash() -> None:
    with pytest.raises(InvalidInput, match="out of range"):
        stay_status(KZ, [], "KZ", D(9999, 12, 30))
    with pytest.raises(InvalidInput, match="out of range"):
        earliest_return(KZ, [], "KZ", D(9999, 12, 30), 5)


def test_far_future_day_without_a_limit_still_answers() -> None:
    status = stay_status(rule(no_limit=True), [Stay("KZ", D(9999, 12, 1))], "KZ", D(9999, 12, 30))
    assert status.days_used == 30
    assert status.must_leave_by is None


def test_far_future_day_where_the_answer_still_fits() -> None:
    status = stay_status(RS, [Stay("RS", D(9999, 12, 1))], "RS", D(9999, 12, 30))
    assert status.must_leave_by == D(9999, 12, 30)
    assert status.days_left == 0


def test_calendar_year_limit_at_the_end_of_the_calendar() -> None:
    with pytest.raises(InvalidInput, match="out of range"):
        stay_status(YEARLY, [Stay("XX", D(9999, 12, 1))], "XX", D(9999, 12, 30))


def test_the_first_days_of_the_calendar() -> None:
    status = stay_status(KZ, [Stay("KZ", D(1, 1, 1))], "KZ", D(1, 1, 5))
    assert status.days_used == 5
    assert status.window_start == D(1, 1, 1)


def test_window_limit_without_a_window_is_invalid_content() -> None:
    with pytest.raises(InvalidInput, match="window"):
        stay_status(rule(Limit("window", 90)), [Stay("KZ", D(2026, 1, 1))], "KZ", D(2026, 1, 2))


def test_ten_years_of_history_take_milliseconds() -> None:
    start = D(2016, 1, 1)
    stays = [Stay("TR", start + timedelta(days=9 * i), start + timedelta(days=9 * i + 4)) for i in range(400)]
    on = stays[-1].left or start
    began = time.perf_counter()
    for _ in range(50):
        stay_status(TR, stays, "TR", on)
        earliest_return(TR, stays, "TR", on, 30)
        earliest_return(YEARLY, stays, "TR", on, 30)
    assert (time.perf_counter() - began) / 50 < 0.05


def test_stays_in_two_countries_at_once_are_refused() -> None:
    from waystation.rules.history import StayHistoryError, check_stays

    with pytest.raises(StayHistoryError, match="overlap"):
        check_stays([Stay("GE", date(2026, 1, 1), date(2026, 1, 20)), Stay("AM", date(2026, 1, 10), None)])
    check_stays([Stay("GE", date(2026, 1, 1), date(2026, 1, 20)), Stay("AM", date(2026, 1, 20), None)])
