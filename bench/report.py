"""
The report: the machine's description, the table printed after a run, and the JSON file of every figure.

The table is Markdown, so a run's table can go into the README as it is.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import platform
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from bench._measure import Row, Stats


PACKAGES = (
    "exchange-clients",
    "httpx",
    "httpcore",
    "aiohttp",
    "httpx-aiohttp",
    "attrs",
    "coincurve",
    "eth-hash",
    "ccxt",
    "starlette",
    "uvicorn",
)

_UNITS = {"us": "\u00b5s", "ms": "ms", "s": "s", "B": "B", "calls/s": "calls/s"}


def machine() -> dict[str, Any]:
    """What the figures were measured on: CPU, memory, OS, Python and the versions of the packages involved."""
    return {
        "cpu": _cpu_model(),
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_gib": _memory_gib(),
        "os": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "packages": {name: _version(name) for name in PACKAGES},
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return None


def _version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def describe(description: dict[str, Any]) -> str:
    """The machine in one line, as the README states it."""
    packages = description["packages"]
    versions = ", ".join(f"{name} {packages[name]}" for name in ("httpx", "ccxt", "coincurve") if packages.get(name))
    return (
        f"{description['cpu']}, {description['cpus_usable']} CPUs, {description['memory_gib']} GiB; "
        f"{description['python']}; {versions}"
    )


def _number(value: float) -> str:
    if math.isnan(value):
        return "-"
    size = abs(value)
    if size >= 100:
        return f"{value:,.0f}"
    if size >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}" if size >= 1 else f"{value:.3f}"


def figure(stats: Stats, unit: str) -> str:
    """`30.4 µs ±3%`: the median and half the range of the repeats."""
    if not stats.samples:
        return "-"
    return f"{_number(stats.median)} {_UNITS.get(unit, unit)} \u00b1{stats.spread * 100:.0f}%"


def _ratio(row: Row) -> str:
    ratio = row.ratio
    if ratio is None:
        return ""
    return f"**{ratio.median:.2f}x** ({ratio.low:.2f}-{ratio.high:.2f})"


def _holds(row: Row) -> str:
    if row.holds is None:
        return ""
    if row.errors is not None:
        return "**no** (errors)"
    return "yes" if row.holds else "**no**"


def table(rows: Sequence[Row]) -> str:
    """The Markdown table of every row, then the notes the rows carry."""
    lines = [
        "| benchmark | case | ours | reference | ours / reference | target | holds |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    notes: list[str] = []
    for row in rows:
        reference = "" if row.reference is None else f"{row.reference_label}: {figure(row.reference, row.unit)}"
        target = "" if row.target is None else str(row.target) + (" (value)" if row.target.of == "value" else "")
        lines.append(
            f"| {row.benchmark} | {row.case} | {row.ours_label}: {figure(row.ours, row.unit)} | {reference} "
            f"| {_ratio(row)} | {target} | {_holds(row)} |"
        )
        for note in (row.note, row.errors and f"{row.case}: {row.errors}"):
            if note and note not in notes:
                notes.append(note)
    held = [row.holds for row in rows if row.holds is not None]
    summary = f"\nTargets held: {sum(held)} of {len(held)}."
    return "\n".join(lines) + summary + "".join(f"\n- {note}" for note in notes)


def write_json(path: Path, rows: Sequence[Row], description: dict[str, Any], settings: dict[str, Any]) -> None:
    """Every figure, with the machine and the settings of the run, as JSON."""
    held = [row.holds for row in rows if row.holds is not None]
    document = {
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": [Path(sys.argv[0]).name, *sys.argv[1:]],
        "settings": settings,
        "machine": description,
        "targets": {"held": sum(held), "total": len(held)},
        "rows": [row.to_json() for row in rows],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, allow_nan=False) + "\n", encoding="utf-8")
