"""
Pipeline: wall times of `nox -s generate`, `nox -s check_generated` and `import exchange_clients`.

`nox -s generate` regenerates all four specs with its virtualenv reused; the import is
`python -c "import exchange_clients"` in a fresh process, against `python -c "import httpx"`, and the same with
everything `connect` needs loaded (the package loads its clients on first use).

`nox -s check_generated` runs first, untimed, to create or refresh its virtualenv; only if it passes (generated/
matches specs/, so regenerating rewrites nothing) is `nox -s generate` timed, after one untimed run of its own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench._measure import Row, Stats, Target, interleaved


GENERATE_TARGET = Target(10.0, of="value", unit="s")
IMPORT_TARGET = Target(300.0, of="value", unit="ms")
IMPORT_REPEATS = 7


def nox_command(nox_python: str | None) -> list[str] | None:
    """How to run nox: with the interpreter given (the one running the bench session), else `nox` on PATH."""
    if nox_python:
        return [nox_python, "-m", "nox"]
    found = shutil.which("nox")
    return [found] if found else None


def _environment() -> dict[str, str]:
    """The environment without the bench session's virtualenv, so the inner nox picks its own."""
    environment = dict(os.environ)
    environment.pop("VIRTUAL_ENV", None)
    own_bin = str(Path(sys.prefix) / "bin")
    environment["PATH"] = os.pathsep.join(
        entry for entry in environment.get("PATH", "").split(os.pathsep) if entry != own_bin
    )
    return environment


def _wall(command: Sequence[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=_environment(), check=True, capture_output=True)
    return time.perf_counter() - start


def _import_seconds(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


LOADED = (
    "import exchange_clients; exchange_clients.connect; exchange_clients.gemini; exchange_clients.kraken_futures; "
    "exchange_clients.digifinex; exchange_clients.derive"
)
"""The package with every part `connect` needs loaded: its lazy attributes (clients, signers, generated code)."""


def run(repeats: int, root: Path, nox_python: str | None) -> list[Row]:
    """The pipeline rows; the nox rows are skipped (with a row saying why) when nox is missing or check fails."""
    rows = _import_rows(max(repeats, IMPORT_REPEATS))
    nox = nox_command(nox_python)
    if nox is None:
        return [_skipped("nox is not installed"), *rows]
    check = subprocess.run(
        [*nox, "-s", "check_generated"], cwd=root, env=_environment(), capture_output=True, check=False
    )
    if check.returncode != 0:
        return [_skipped("nox -s check_generated fails here: generate would rewrite generated/"), *rows]
    try:
        _wall([*nox, "-s", "generate"], root)
        samples = interleaved(
            {
                "generate": lambda: _wall([*nox, "-s", "generate"], root),
                "check": lambda: _wall([*nox, "-s", "check_generated"], root),
            },
            max(repeats, 3),
        )
    except subprocess.CalledProcessError as error:
        return [_skipped(f"{' '.join(error.cmd[-2:])} failed while being timed (exit {error.returncode})"), *rows]
    return [
        Row(
            benchmark="pipeline",
            case="nox -s generate (4 specs)",
            ours_label="wall time, venv reused",
            unit="s",
            ours=Stats.of(samples["generate"]),
            target=GENERATE_TARGET,
        ),
        Row(
            benchmark="pipeline",
            case="nox -s check_generated",
            ours_label="wall time, venv reused",
            unit="s",
            ours=Stats.of(samples["check"]),
        ),
        *rows,
    ]


def _import_rows(repeats: int) -> list[Row]:
    samples = interleaved(
        {
            "ours": lambda: _import_seconds("import exchange_clients") * 1e3,
            "loaded": lambda: _import_seconds(LOADED) * 1e3,
            "httpx": lambda: _import_seconds("import httpx") * 1e3,
            "ccxt": lambda: _import_seconds("import ccxt") * 1e3,
        },
        repeats,
    )
    return [
        Row(
            benchmark="pipeline",
            case='python -c "import exchange_clients"',
            ours_label="wall time of a fresh process",
            unit="ms",
            ours=Stats.of(samples["ours"]),
            reference_label='python -c "import httpx"',
            reference=Stats.of(samples["httpx"]),
            target=IMPORT_TARGET,
            note="the clients, signers and generated packages load on first use (PEP 562), see the next row",
        ),
        Row(
            benchmark="import",
            case="exchange_clients with everything connect needs",
            ours_label="wall time of a fresh process",
            unit="ms",
            ours=Stats.of(samples["loaded"]),
            reference_label='python -c "import ccxt"',
            reference=Stats.of(samples["ccxt"]),
            note=(
                "the four clients, signers and generated packages; with the `cli` extra installed (as here), "
                "`import httpx` also imports httpx's own command line (click, rich, pygments)"
            ),
        ),
    ]


def _skipped(reason: str) -> Row:
    return Row(
        benchmark="pipeline",
        case="nox -s generate / check_generated",
        ours_label="not measured",
        unit="s",
        ours=Stats.of([]),
        note=reason,
    )
