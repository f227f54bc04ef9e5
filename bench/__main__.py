"""
`python -m bench`: run the benchmarks, print the table, write the JSON file (`nox -s bench` does this).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench import concurrency, end_to_end, kraken_2027, list_parsing, parsing, pipeline, report, signing
from bench._measure import Row


ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ("signing", "parse", "list", "end_to_end", "concurrency", "kraken_2027", "pipeline")


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--repeats", type=int, default=5, help="repeats of in-process benchmarks (default 5)")
    parser.add_argument(
        "--network-repeats", type=int, default=3, help="repeats of end-to-end and concurrency runs (default 3)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="a smoke run: a tenth of the work, two repeats (figures not comparable)"
    )
    parser.add_argument("--only", default=",".join(BENCHMARKS), help=f"comma-separated subset of {BENCHMARKS}")
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help="the JSON file to write (default bench/results/latest.json; with --quick, bench/results/quick.json)",
    )
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the checkout whose nox sessions the pipeline benchmark times"
    )
    parser.add_argument("--nox-python", default=None, help="the interpreter running nox (default: nox on PATH)")
    arguments = parser.parse_args(argv)
    unknown = set(arguments.only.split(",")) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    return arguments


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks in order and report them."""
    arguments = _arguments(argv)
    scale = 0.1 if arguments.quick else 1.0
    repeats = 2 if arguments.quick else arguments.repeats
    network_repeats = 2 if arguments.quick else arguments.network_repeats
    runs: dict[str, Callable[[], list[Row]]] = {
        "signing": lambda: signing.run(repeats, scale),
        "parse": lambda: parsing.run(repeats, scale),
        "list": lambda: list_parsing.run(repeats, scale),
        "end_to_end": lambda: end_to_end.run(network_repeats, scale),
        "concurrency": lambda: concurrency.run(network_repeats, scale),
        "kraken_2027": lambda: kraken_2027.run(network_repeats, scale),
        "pipeline": lambda: pipeline.run(1 if arguments.quick else repeats, arguments.root, arguments.nox_python),
    }
    chosen = [name for name in BENCHMARKS if name in arguments.only.split(",")]
    output = arguments.output or ROOT / "bench" / "results" / ("quick.json" if arguments.quick else "latest.json")
    description = report.machine()
    print(f"Machine: {report.describe(description)}", file=sys.stderr, flush=True)
    rows: list[Row] = []
    started = time.perf_counter()
    for name in chosen:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        begun = time.perf_counter()
        rows.extend(runs[name]())
        print(f"  {name}: {time.perf_counter() - begun:.0f} s", file=sys.stderr, flush=True)
    settings = {
        "benchmarks": chosen,
        "repeats": repeats,
        "network_repeats": network_repeats,
        "scale": scale,
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(f"\nMachine: {report.describe(description)}\n")
    print(report.table(rows))
    report.write_json(output, rows, description, settings)
    print(f"\nAll figures: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
