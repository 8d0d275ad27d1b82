"""The scheduler: a track of any length from one set of records, and check-ins spread through
it (pure functions)."""
import pytest

from macros.schedule import MAX_LENGTH, MIN_LENGTH, ScheduleError, build_track, milestone_days, pick, quotas


def phases(*sizes, shares=None):
    out = []
    for p, size in enumerate(sizes):
        days = [{"id": f"p{p}d{i}", "priority": 1 + i % 3} for i in range(size)]
        out.append({"title": f"P{p}", "share": (shares or [1] * len(sizes))[p], "days": days})
    return out


@pytest.mark.parametrize("length", [14, 28, 30, 45, 60, 89, 90])
def test_any_length_fills_exactly_and_keeps_phase_order(length):
    track = build_track(phases(30, 30, 30), length)
    assert len(track) == length
    assert [d["n"] for d in track] == list(range(1, length + 1))
    order = [int(d["id"][1]) for d in track]
    assert order == sorted(order), "phases must stay in order"
    assert len({d["id"] for d in track}) == length, "no day twice"


@pytest.mark.parametrize("length", range(MIN_LENGTH, MAX_LENGTH + 1))
def test_every_track_begins_on_the_first_day_and_ends_on_the_last(length):
    ps = phases(30, 30, 30)
    ps[-1]["days"][-1]["priority"] = 3  # even a last day of the lowest priority
    track = build_track(ps, length)
    assert track[0]["id"] == "p0d0" and track[-1]["id"] == "p2d29"


def test_lower_priority_first_and_file_order_kept():
    days = [{"id": "a", "priority": 3}, {"id": "b", "priority": 1}, {"id": "c", "priority": 2}, {"id": "d", "priority": 1}]
    assert [d["id"] for d in pick(days, 2)] == ["b", "d"]
    assert [d["id"] for d in pick(days, 3)] == ["b", "c", "d"]
    assert [d["id"] for d in pick(days, 2, keep=(0,))] == ["a", "b"]


def test_shorter_track_is_a_subset_of_the_longer():
    ps = phases(30, 30, 30)
    short = {d["id"] for d in build_track(ps, 30)}
    long = {d["id"] for d in build_track(ps, 60)}
    assert short < long


def test_quotas_follow_shares():
    assert quotas([33, 33, 34], 30) == [10, 10, 10]
    assert sum(quotas([10, 60, 30], 45)) == 45
    assert quotas([1, 1], 3) in ([2, 1], [1, 2])


def test_a_phase_with_too_few_days_hands_them_on():
    track = build_track(phases(5, 30, 30), 45)
    assert len(track) == 45
    assert sum(1 for d in track if d["id"].startswith("p0")) == 5


@pytest.mark.parametrize("length", [MIN_LENGTH - 1, MAX_LENGTH + 1])
def test_out_of_range_lengths_are_refused(length):
    with pytest.raises(ScheduleError):
        build_track(phases(40, 40, 40), length)


def test_too_little_content_is_refused():
    with pytest.raises(ScheduleError, match="hold only 30"):
        build_track(phases(10, 10, 10), 45)


MILESTONES = [{"at": 1, "title": "1"}, {"at": 3, "title": "3"}, {"at": 7, "title": "7"}, {"at": 14, "title": "14"},
              {"at": 21, "title": "21"}, {"at": "midpoint", "title": "half"}, {"at": "last", "title": "last"},
              {"at": "weekly", "title": "Week {week}"}, {"at": "weekly", "title": "Week {week} again"}]


def test_milestones_placed_and_dropped_beyond_the_track():
    placed = milestone_days([{"at": 1}, {"at": 21}, {"at": "midpoint"}, {"at": "last"}, {"at": 40}], 30)
    assert sorted(placed) == [1, 15, 21, 30]


def test_weekly_check_ins_take_turns_and_name_their_week():
    placed = milestone_days(MILESTONES, 60)
    assert placed[35]["title"] == "Week 5 again" and placed[42]["title"] == "Week 6" and placed[49]["title"] == "Week 7 again"
    assert placed[30]["title"] == "half", "the midpoint wins over the weekly check-in near it (day 28)"
    assert 28 not in placed


@pytest.mark.parametrize("length", range(MIN_LENGTH, MAX_LENGTH + 1))
def test_check_ins_are_spread_through_any_track(length):
    days = sorted(milestone_days(MILESTONES, length))
    gaps = [b - a for a, b in zip(days, days[1:])]
    assert days[0] == 1 and days[-1] == length, "a check-in on the first and on the last day"
    assert {3, 7} <= set(days), "the first week has its check-ins"
    assert max(gaps) <= 11, f"a stretch of {max(gaps)} days without a check-in: {days}"
    assert all(b - a >= 3 for a, b in zip(days, days[1:]) if a >= 7), f"two check-ins too close: {days}"
    if length >= 19:
        assert any(milestone_days(MILESTONES, length)[d]["title"] == "half" for d in days), "a halfway check-in"
