"""Build a track of any length from the phase records: a pure function, no I/O.

Each phase gets its share of the days (largest remainder, at least one day each); inside a
phase the days with the lowest priority are taken first, and the chosen days keep the order
they have in the file. The 30- and 60-day tracks, and any other length, come from the same
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


def pick(days: list[dict], n: int) -> list[dict]:
    """The n days with the lowest priority (file order breaks ties), in file order."""
    ranked = sorted(range(len(days)), key=lambda i: (days[i]["priority"], i))[:n]
    return [days[i] for i in sorted(ranked)]


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
    days = []
    for p, n in zip(phases, wanted):
        for d in pick(p["days"], n):
            days.append(dict(d, phase=p))
    for i, d in enumerate(days, 1):
        d["n"], d["length"] = i, length
    return days


def milestone_days(milestones: list[dict], length: int) -> dict[int, dict]:
    """Map day number -> milestone; beyond the track they are left out; first one wins."""
    out: dict[int, dict] = {}
    for m in milestones:
        at = m["at"]
        day = math.ceil(length / 2) if at == "midpoint" else length if at == "last" else at
        if 1 <= day <= length and day not in out:
            out[day] = m
    return out
