"""Between sessions (issue 30): which days offer the private self-check, on a track of any
length. Read from this checkout's check-in records, so it holds on a fork."""
from macros.pages import self_check_days


def targets(nc, length):
    """The day each check-in record marked `self_check: true` asks for."""
    out = set()
    for m in nc.milestones:
        if m.get("self_check") and m["at"] != "weekly":
            day = -(-length // 2) if m["at"] == "midpoint" else length if m["at"] == "last" else m["at"]
            if day <= length:
                out.add(day)
    return out


def test_every_track_length_offers_the_self_check_on_check_in_days(nc):
    assert targets(nc, 30), "upstream marks day 1, the midpoint and the last day"
    for length in range(14, 91):
        days, wanted, kept = self_check_days(nc, length), targets(nc, length), nc.milestones_of(length)
        assert days <= set(kept), f"{length}: a self-check day is always a check-in day"
        assert len(days) == len(wanted), f"{length}: {sorted(days)} for {sorted(wanted)}"
        for day in wanted:
            assert min(abs(d - day) for d in days) == min(abs(k - day) for k in kept), f"{length}: day {day}"
        if 1 in wanted:
            assert 1 in days
        if length in wanted:
            assert length in days


def test_a_short_track_keeps_its_midpoint_self_check(nc):
    """On 14 days the midpoint (7) is the one-week check-in's day: the self-check goes there
    instead of disappearing."""
    if -(-14 // 2) in targets(nc, 14):
        assert 7 in self_check_days(nc, 14)
