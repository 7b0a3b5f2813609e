"""`warlog bench --stage group`: grouping time and memory on synthetic mentions.

The synthetic ledger holds incidents at random towns of Iraq and Syria, each told by one
to six reports that date it within a day, place it at the town or nearby, and type it
within the violence family, as real reports do; they share some words (names) beside words
any report uses, and name the place as written. Its density is held at a real ledger's
(``MENTIONS_PER_DAY``) so a larger N covers a longer period, as a growing archive does;
mentions stream in date order and incidents older than the date window are let go, so
memory stays bounded. The time includes making the synthetic mentions. A benchmark, not
a test: it prints numbers.
"""

from __future__ import annotations

import random
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

from warlog.dedup import VOCABULARY_K
from warlog.group import Grouper, LinkItem

# About the reporting rate of the Syrian war at its height across outlets and posts
# (ACLED codes up to ~100 events a day in Syria; each is reported several times).
MENTIONS_PER_DAY = 300
TOWNS = 2_000
_TYPES = [("Explosions/Remote violence", "Air/drone strike"),
          ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
          ("Battles", "Armed clash"), ("Violence against civilians", "Attack")]
COMMON_WORDS = 5_000  # the other words reports use, drawn at random
_START = 735_000  # a day ordinal (2013): the stream's first day


@dataclass
class GroupBench:
    mentions: int
    incidents: int
    seconds: float
    cpu_seconds: float  # this process's CPU time: steadier than wall time on a shared machine
    peak_mb: float
    held: int  # mentions the grouper still held at the end: bounded, whatever N

    def as_json(self) -> dict:
        return {"mentions": self.mentions, "incidents": self.incidents,
                "seconds": round(self.seconds, 2), "cpu_seconds": round(self.cpu_seconds, 2),
                "mentions_per_s": round(self.mentions / self.seconds, 1) if self.seconds else None,
                "peak_rss_mb": round(self.peak_mb, 1), "held_mentions": self.held}


def synthetic(n: int, seed: int = 7, per_day: int = MENTIONS_PER_DAY) -> Iterator[LinkItem]:
    """n mentions in date order (deterministic for a seed)."""
    rng = random.Random(seed)
    towns = [(rng.uniform(32.5, 37.0), rng.uniform(36.0, 45.0), rng.choice(["SY", "IQ"]),
              f"A{rng.randrange(14)}") for _ in range(TOWNS)]
    common = [rng.getrandbits(64) for _ in range(COMMON_WORDS)]
    made = 0
    day = _START
    incident = 0
    while made < n:
        today: list[LinkItem] = []
        while len(today) < per_day and made + len(today) < n:
            town = rng.randrange(TOWNS)
            lat, lon, iso, admin1 = towns[town]
            event_type, sub = rng.choice(_TYPES)
            killed = rng.randrange(1, 40)
            # the words the incident's reports share (names), beside words of any report
            own = [rng.getrandbits(64) for _ in range(20)]
            for r in range(rng.randint(1, 6)):
                jitter = rng.random() < 0.2  # placed at a nearby village
                words = {w for w in own if rng.random() < 0.6}
                words.update(common[rng.randrange(len(common))] for _ in range(15))
                doc = f"d{incident}-{r}"
                today.append(LinkItem(
                    mention_id=f"{doc}-1", document_id=doc,
                    event_type=event_type if rng.random() < 0.8 else "Violence against civilians",
                    sub_event_type=sub, day=day + (rng.random() < 0.15), dated=True,
                    date_slack=1,
                    latitude=lat + (rng.uniform(-0.05, 0.05) if jitter else 0.0),
                    longitude=lon + (rng.uniform(-0.05, 0.05) if jitter else 0.0),
                    place_slack_km=10.0 if not jitter else 50.0, iso=iso, admin1=admin1,
                    geonameid=None if jitter else hash((lat, lon)) & 0xFFFFFF,
                    population=5000, killed=(killed, killed + rng.randrange(3)),
                    fingerprint=tuple(rng.getrandbits(32) for _ in range(4)) * 8,
                    place_name=f"village {rng.randrange(TOWNS * 5)}" if jitter else f"town {town}",
                    vocabulary=tuple(sorted(words)[:VOCABULARY_K])))
            incident += 1
        today.sort(key=lambda m: (m.day, m.document_id))
        yield from today[: n - made]
        made += len(today[: n - made])
        day += 1


def run(n: int, per_day: int = MENTIONS_PER_DAY) -> GroupBench:
    items = synthetic(n, per_day=per_day)
    started, cpu = time.perf_counter(), time.process_time()
    grouper = Grouper()
    opened = 0
    last_day = None
    for item in items:
        if item.day != last_day and item.day is not None:
            if last_day is not None and item.day % 7 == 0:
                grouper.forget_before(item.day - 40)  # beyond any date window
            last_day = item.day
        link = grouper.add(item)
        opened += "opened" in link.features
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_mb = peak / 2**20 if sys.platform == "darwin" else peak / 1024
    return GroupBench(n, opened, seconds, cpu, peak_mb, grouper.held)


DEFAULT_SIZES = (10_000, 100_000, 1_000_000)


def report(sizes: list[int], as_json: bool = False) -> list[dict]:
    """Run each size and print a line per size, then the growth from one size to the next
    (near-linear: about 10x for 10x the mentions)."""
    import json

    from rich.console import Console

    console = Console(highlight=False)
    results = []
    for n in sizes:
        data = run(n).as_json()
        results.append(data)
        console.print(f"group {data['mentions']:>9,} mentions: {data['seconds']:8.2f} s "
                      f"(CPU {data['cpu_seconds']:.2f} s) "
                      f"({data['mentions_per_s']:,.0f}/s), {data['incidents']:,} incidents, "
                      f"peak RSS {data['peak_rss_mb']:,.0f} MB, "
                      f"{data['held_mentions']:,} mentions held")
    for a, b in zip(results, results[1:], strict=False):
        console.print(f"{a['mentions']:,} -> {b['mentions']:,}: time x{b['seconds'] / a['seconds']:.1f}"
                      f" (CPU x{b['cpu_seconds'] / a['cpu_seconds']:.1f}) for "
                      f"x{b['mentions'] / a['mentions']:.1f} mentions")
    if as_json:
        console.print(json.dumps(results))
    return results
