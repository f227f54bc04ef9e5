"""
`python -m codegen generate|check [EXCHANGE ...]`, the commands behind the nox sessions.

generate: rewrite generated/<exchange>_api/ and its warnings file from specs/ (all exchanges by default).
check:    regenerate into a temporary directory and fail, naming every differing file, when generated/ is
          stale or a spec no longer matches its sha256 in specs/manifest.toml.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from codegen.drift import differing_files
from codegen.generator import GenerationError, generate
from codegen.specs import EXCHANGES, GENERATED_DIR, SPECS_DIR, SpecError, manifest_mismatches, package_name


def _generate(exchanges: list[str], generated_dir: Path, specs_dir: Path) -> int:
    for exchange in exchanges:
        started = time.perf_counter()
        generate(exchange, generated_dir, specs_dir)
        print(f"generated {generated_dir.name}/{package_name(exchange)} in {time.perf_counter() - started:.2f} s")
    return 0


def _check(exchanges: list[str], generated_dir: Path, specs_dir: Path) -> int:
    problems = manifest_mismatches(specs_dir)
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch)
        for exchange in exchanges:
            generate(exchange, fresh, specs_dir)
            package = package_name(exchange)
            entries = (package, f"{package}.warnings.txt")
            problems += [f"generated/{line}" for line in differing_files(generated_dir, fresh, entries)]
    if problems:
        print("generated/ does not match specs/:", *problems, sep="\n  ", file=sys.stderr)
        print("Run `nox -s generate` and commit the result (after updating specs/manifest.toml).", file=sys.stderr)
        return 1
    print(f"generated/ matches specs/ for {', '.join(exchanges)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one pipeline command; the exit status is 0 on success, 1 on drift or a refused spec."""
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__.strip().splitlines()[0])
    parser.add_argument("command", choices=("generate", "check"))
    parser.add_argument("exchanges", nargs="*", metavar="EXCHANGE", help=f"any of {', '.join(EXCHANGES)}")
    parser.add_argument("--generated-dir", type=Path, default=GENERATED_DIR, help=argparse.SUPPRESS)
    parser.add_argument("--specs-dir", type=Path, default=SPECS_DIR, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    unknown = sorted(set(options.exchanges) - set(EXCHANGES))
    if unknown:
        parser.error(f"unknown exchange {', '.join(unknown)}; choose from {', '.join(EXCHANGES)}")
    exchanges = [exchange for exchange in EXCHANGES if exchange in options.exchanges] or list(EXCHANGES)
    command = _generate if options.command == "generate" else _check
    try:
        return command(exchanges, options.generated_dir, options.specs_dir)
    except (GenerationError, SpecError) as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
