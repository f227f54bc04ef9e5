"""
Timing with repeats, figures with their spread, and the rows the report is made of.

Ours and each reference are timed in the same repeat, alternating which goes first, so slow drift of the machine
(another process, thermal state) falls on both alike. A row's ratio is the median of the per-repeat ratios.
"""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal, TypeVar

import attrs


T = TypeVar("T")


@attrs.frozen
class Stats:
    """The samples of one figure (one per repeat), in the row's unit."""

    samples: tuple[float, ...]

    @classmethod
    def of(cls, samples: Iterable[float]) -> Stats:
        """Stats of `samples`."""
        return cls(tuple(samples))

    @property
    def median(self) -> float:
        """The median sample (NaN when nothing was measured)."""
        return statistics.median(self.samples) if self.samples else math.nan

    @property
    def low(self) -> float:
        """The smallest sample."""
        return min(self.samples, default=math.nan)

    @property
    def high(self) -> float:
        """The largest sample."""
        return max(self.samples, default=math.nan)

    @property
    def spread(self) -> float:
        """Half the range of the samples relative to the median: 0.05 reads "median +/- 5%"."""
        return (self.high - self.low) / 2 / self.median if self.median else 0.0

    def to_json(self) -> dict[str, Any] | None:
        """The figure for the JSON file (None when nothing was measured)."""
        if not self.samples:
            return None
        return {
            "median": self.median,
            "min": self.low,
            "max": self.high,
            "spread": self.spread,
            "samples": list(self.samples),
        }


@attrs.frozen
class Target:
    """A target from the issue: a ratio (or, for `of="value"`, the figure itself) at most or at least `limit`."""

    limit: float
    kind: Literal["at_most", "at_least"] = "at_most"
    of: Literal["ratio", "value"] = "ratio"
    unit: str = "x"

    def holds(self, value: float) -> bool:
        """Whether `value` meets the target."""
        return value <= self.limit if self.kind == "at_most" else value >= self.limit

    def __str__(self) -> str:
        sign = "<=" if self.kind == "at_most" else ">="
        return f"{sign} {self.limit:g}{self.unit}" if self.unit == "x" else f"{sign} {self.limit:g} {self.unit}"


@attrs.frozen(kw_only=True)
class Row:
    """One line of the report: our figure, its reference in the same run, their ratio and the target."""

    benchmark: str
    case: str
    ours_label: str
    unit: str
    ours: Stats
    reference_label: str | None = None
    reference: Stats | None = None
    target: Target | None = None
    note: str = ""
    errors: str | None = None
    """Failures that void the row whatever its figures (the concurrency benchmark requires zero errors)."""

    @property
    def ratio(self) -> Stats | None:
        """Ours over the reference, per repeat (the repeats were paired)."""
        if self.reference is None:
            return None
        return Stats.of(
            ours / reference for ours, reference in zip(self.ours.samples, self.reference.samples, strict=True)
        )

    @property
    def holds(self) -> bool | None:
        """Whether the target is met by the median (None without a target)."""
        if self.target is None:
            return None if self.errors is None else False
        if self.errors is not None:
            return False
        if self.target.of == "value":
            return self.target.holds(self.ours.median)
        ratio = self.ratio
        return None if ratio is None else self.target.holds(ratio.median)

    def to_json(self) -> dict[str, Any]:
        """The row for the JSON file."""
        ratio = self.ratio
        return {
            "benchmark": self.benchmark,
            "case": self.case,
            "ours": {"label": self.ours_label, "figure": self.ours.to_json()},
            "reference": None
            if self.reference is None
            else {"label": self.reference_label, "figure": self.reference.to_json()},
            "unit": self.unit,
            "ratio": None if ratio is None else ratio.to_json(),
            "target": None if self.target is None else str(self.target),
            "holds": self.holds,
            "note": self.note,
            "errors": self.errors,
        }


def per_item(function: Callable[[T], object], items: Sequence[T]) -> float:
    """Seconds per call of `function` over `items`, garbage collected beforehand (and left enabled)."""
    gc.collect()
    start = time.perf_counter()
    for item in items:
        function(item)
    return (time.perf_counter() - start) / len(items)


def interleaved(runs: Mapping[str, Callable[[], float]], repeats: int, rounds: int = 1) -> dict[str, list[float]]:
    """Run every named measurement `rounds` times per repeat, alternating the order, and collect each one's samples.

    A repeat's sample is the mean of its rounds. With rounds, ours and the reference take turns every few
    milliseconds, so a pause of the machine (a VM's stolen time, a neighbour's burst) falls on both alike instead of
    on whichever ran during it; each run then does 1/rounds of a repeat's work.
    """
    names = list(runs)
    samples: dict[str, list[float]] = {name: [] for name in names}
    turn = 0
    for _ in range(repeats):
        figures: dict[str, list[float]] = {name: [] for name in names}
        for _ in range(rounds):
            for name in names if turn % 2 == 0 else reversed(names):
                figures[name].append(runs[name]())
            turn += 1
        for name in names:
            samples[name].append(statistics.fmean(figures[name]))
    return samples


MICRO_ROUNDS = 10
"""Rounds per repeat for the microsecond benchmarks (signing, parsing), whose repeats last a fraction of a second."""
