"""The scheduler: a track of any length from one set of records (pure functions)."""
import pytest

from macros.schedule import ScheduleError, build_track, milestone_days, pick, quotas


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


def test_lower_priority_first_and_file_order_kept():
    days = [{"id": "a", "priority": 3}, {"id": "b", "priority": 1}, {"id": "c", "priority": 2}, {"id": "d", "priority": 1}]
    assert [d["id"] for d in pick(days, 2)] == ["b", "d"]
    assert [d["id"] for d in pick(days, 3)] == ["b", "c", "d"]


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


@pytest.mark.parametrize("length", [13, 91])
def test_out_of_range_lengths_are_refused(length):
    with pytest.raises(ScheduleError):
        build_track(phases(40, 40, 40), length)


def test_too_little_content_is_refused():
    with pytest.raises(ScheduleError, match="hold only 30"):
        build_track(phases(10, 10, 10), 45)


def test_milestones_placed_and_dropped_beyond_the_track():
    ms = [{"at": 1}, {"at": 21}, {"at": "midpoint"}, {"at": "last"}, {"at": 40}]
    placed = milestone_days(ms, 30)
    assert sorted(placed) == [1, 15, 21, 30]
    assert sorted(milestone_days(ms, 60)) == [1, 21, 30, 40, 60]
