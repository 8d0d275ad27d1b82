"""Build a track of any length from the phase records: a pure function, no I/O.

Each phase gets its share of the days (largest remainder, at least one day each); inside a
phase the days with the lowest priority are taken first, and the chosen days keep the order
they have in the file. Every track begins on the first day written and ends on the last. The 30- and 60-day tracks, and any other length, come from the same
records, so no text is ever written twice.
"""
from __future__ import annotations

import math

MIN_LENGTH, MAX_LENGTH = 14, 90


class ScheduleError(ValueError):
    def __init__(self, message, phase_file=None):
        super().__init__(message)
        self.phase_file = phase_file or "docs/_data/program/phases/"


def quotas(shares: list[float], length: int) -> list[int]:
    """Split `length` days between phases in proportion to `shares` (largest remainder)."""
    total = sum(shares)
    exact = [length * s / total for s in shares]
    out = [max(1, math.floor(x)) for x in exact]
    order = sorted(range(len(shares)), key=lambda i: (out[i] - exact[i], i))
    i = 0
    while sum(out) < length:
        out[order[i % len(order)]] += 1
        i += 1
    while sum(out) > length:
        j = max(range(len(out)), key=lambda k: (out[k] - exact[k], k))
        out[j] -= 1
    return out


def pick(days: list[dict], n: int, keep: tuple[int, ...] = ()) -> list[dict]:
    """The n days with the lowest priority (file order breaks ties), in file order. The days
    at the positions in `keep` come first, whatever their priority."""
    keep = tuple(dict.fromkeys(i % len(days) for i in keep))[:n]
    ranked = list(keep) + [i for i in sorted(range(len(days)), key=lambda i: (days[i]["priority"], i)) if i not in keep]
    return [days[i] for i in sorted(ranked[:n])]


def build_track(phases: list[dict], length: int) -> list[dict]:
    """Return the track's days, in order, each as {**day, n, phase, length}."""
    if not MIN_LENGTH <= length <= MAX_LENGTH:
        raise ScheduleError(f"a track of {length} days is outside {MIN_LENGTH} to {MAX_LENGTH}")
    available = sum(len(p["days"]) for p in phases)
    if length > available:
        raise ScheduleError(f"a {length}-day track needs {length} days but the phases hold only {available}")
    if len(phases) > length:
        raise ScheduleError(f"a {length}-day track is too short for {len(phases)} phases")
    wanted = quotas([p["share"] for p in phases], length)
    # A phase with too few days hands its extra days to the next phases that have room.
    spare = 0
    for i, p in enumerate(phases):
        wanted[i] += spare
        spare = max(0, wanted[i] - len(p["days"]))
        wanted[i] -= spare
    if spare:
        for i in reversed(range(len(phases))):
            room = len(phases[i]["days"]) - wanted[i]
            take = min(room, spare)
            wanted[i] += take
            spare -= take
    # Every track begins on the first day written and ends on the last one.
    days = []
    for i, (p, n) in enumerate(zip(phases, wanted)):
        keep = ((0,) if i == 0 else ()) + ((-1,) if i == len(phases) - 1 else ())
        for d in pick(p["days"], n, keep):
            days.append(dict(d, phase=p))
    for i, d in enumerate(days, 1):
        d["n"], d["length"] = i, length
    return days


def _gap(a: int, b: int) -> int:
    """Check-ins in the first week may be two days apart; later ones at least three."""
    return 2 if min(a, b) < 7 else 3


def milestone_days(milestones: list[dict], length: int) -> dict[int, dict]:
    """Map day number -> check-in for a track of `length` days.

    `at` is a day number, `midpoint`, `last` or `weekly`. Weekly check-ins fall on every
    seventh day from day 28 on, taking the weekly records in turn ({week} in a title becomes
    the week's number). A check-in that falls too close to a stronger one is left out, so a
    track of any length gets check-ins spread through it, never two on neighbouring days."""
    def strength(m):
        """The last day first, then the first week's days, the midpoint, the other days."""
        at = m["at"]
        return 0 if at == "last" else 1 if isinstance(at, int) and at <= 7 else 2 if at == "midpoint" else 3

    fixed = sorted((m for m in milestones if m["at"] != "weekly"), key=strength)
    weekly = [m for m in milestones if m["at"] == "weekly"]
    wanted: list[tuple[int, dict]] = []
    for m in fixed:
        at = m["at"]
        wanted.append((math.ceil(length / 2) if at == "midpoint" else length if at == "last" else at, m))
    for i, day in enumerate(range(28, length + 1, 7)):
        if weekly:
            m = weekly[i % len(weekly)]
            wanted.append((day, dict(m, title=m["title"].replace("{week}", str(day // 7)))))
    out: dict[int, dict] = {}
    for day, m in wanted:
        if 1 <= day <= length and all(abs(day - d) >= _gap(day, d) for d in out):
            out[day] = m
    return dict(sorted(out.items()))
