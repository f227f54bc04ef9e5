"""
`python -m codegen generate|check|diff|update ...`, the commands behind the nox sessions.

generate: rewrite src/exchange_clients/generated/<exchange>/ and its warnings file from specs/ (all exchanges by
          default), and the typed registry (registry.py) from specs/exchanges.toml.
check:    regenerate into a temporary directory and fail, naming every differing file, when the generated tree is
          stale or a spec no longer matches its sha256 in specs/manifest.toml.
diff:     report what changed in each spec (after patches) since BASE, classified for client code
          (`diff [BASE] [--json] [--fail-on breaking|attention] [--exchange EX]`).
upstream: hold each spec against the exchange's own published document and fail on every difference that
          specs/<exchange>/divergences.yaml does not declare (`upstream [EXCHANGE ...]`).
templates: write the templates the generator uses (its own, with specs/templates/patches/ applied) into DIR, to read
          or to rework a patch (`templates DIR [--upto N]`: only the first N patches).
update:   replace one spec with a new file, update the manifest, regenerate, type-check the overlay against the
          new code and print the diff report; on any failure the tree is left as it was (`update EXCHANGE FILE`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from codegen.drift import differing_files
from codegen.generator import REGISTRY_FILES, GenerationError, generate, write_registry
from codegen.messages import MessageGenerationError, generate_messages, has_messages
from codegen.spec_diff import GitError, Severity, diff_revision, to_json, to_markdown
from codegen.specs import (
    DOCUMENTS,
    GENERATED_DIR,
    GENERATED_RELATIVE,
    ROOT,
    SPECS_DIR,
    SpecError,
    manifest_mismatches,
    package_name,
)
from codegen.templates import TemplatePatchError, generator_version, materialize
from codegen.update_spec import UpdateError, update_spec
from codegen.upstream import check as check_upstream


def _generate(exchanges: list[str], generated_dir: Path, specs_dir: Path) -> int:
    write_registry(generated_dir, specs_dir)
    for exchange in exchanges:
        started = time.perf_counter()
        generate(exchange, generated_dir, specs_dir)
        print(f"generated {package_name(exchange)} in {time.perf_counter() - started:.2f} s")
        if has_messages(exchange, specs_dir):
            started = time.perf_counter()
            generate_messages(exchange, generated_dir, specs_dir)
            print(f"generated exchange_clients.generated.streams.{exchange} in {time.perf_counter() - started:.2f} s")
    return 0


def _check(exchanges: list[str], generated_dir: Path, specs_dir: Path) -> int:
    problems = manifest_mismatches(specs_dir)
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch)
        write_registry(fresh, specs_dir)
        entries = [
            *REGISTRY_FILES,
            *(name for exchange in exchanges for name in (exchange, f"{exchange}.warnings.txt")),
        ]
        for exchange in exchanges:
            generate(exchange, fresh, specs_dir)
            if has_messages(exchange, specs_dir):
                generate_messages(exchange, fresh, specs_dir)
            entries.append(f"streams/{exchange}.py")
        problems += [f"{GENERATED_RELATIVE}/{line}" for line in differing_files(generated_dir, fresh, tuple(entries))]
    if problems:
        print(f"{GENERATED_RELATIVE}/ does not match specs/:", *problems, sep="\n  ", file=sys.stderr)
        print("Run `nox -s generate` and commit the result (after updating specs/manifest.toml).", file=sys.stderr)
        return 1
    print(f"{GENERATED_RELATIVE}/ matches specs/ for {', '.join(exchanges)}")
    return 0


def _upstream(exchanges: list[str], _generated_dir: Path, specs_dir: Path) -> int:
    problems = [problem for exchange in exchanges for problem in check_upstream(exchange, specs_dir)]
    if problems:
        print("specs/ differs from the exchanges' own documents:", *problems, sep="\n  ", file=sys.stderr)
        print("Fix the spec, or declare the difference in specs/<exchange>/divergences.yaml.", file=sys.stderr)
        return 1
    print(f"specs/ matches the exchanges' own documents, but for declared divergences, for {', '.join(exchanges)}")
    return 0


def _diff(options: argparse.Namespace) -> int:
    exchanges = options.exchange or list(DOCUMENTS)
    report = diff_revision(options.root, options.base, exchanges)
    print((to_json(report) if options.json else to_markdown(report)).rstrip("\n"))
    threshold = Severity(options.fail_on) if options.fail_on else None
    if report.fails(threshold):
        worst = report.worst()
        print(f"spec diff: {worst} changes, and --fail-on {options.fail_on} was given", file=sys.stderr)
        return 1
    return 0


def _templates(options: argparse.Namespace) -> int:
    options.directory.mkdir(parents=True, exist_ok=True)
    try:
        written = materialize(options.specs_dir / "templates" / "patches", options.directory, upto=options.upto)
    except TemplatePatchError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"openapi-python-client {generator_version()}'s templates, patched, in {options.directory}:")
    print(*written, sep="\n")
    return 0


def _update(options: argparse.Namespace) -> int:
    try:
        update_spec(options.exchange, options.file, root=options.root, source=options.source, upstream=options.upstream)
    except (GenerationError, SpecError, UpdateError, OSError) as error:
        print(f"update failed; specs/, the manifest and the generated code are unchanged.\n{error}", file=sys.stderr)
        return 1
    print(
        f"updated specs/{options.exchange}/openapi.yaml, specs/manifest.toml and {GENERATED_RELATIVE}/", file=sys.stderr
    )
    try:
        report = diff_revision(options.root, None, [options.exchange])
    except GitError as error:
        print(f"no spec diff report: {error}", file=sys.stderr)
        return 0
    print(to_markdown(report).rstrip("\n"))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__.strip().splitlines()[0])
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="{generate,check,upstream,diff,templates,update}"
    )
    exchange_help = f"any of {', '.join(DOCUMENTS)}"
    for name in ("generate", "check", "upstream"):
        command = commands.add_parser(name)
        command.add_argument("exchanges", nargs="*", metavar="EXCHANGE", help=exchange_help)
        command.add_argument("--generated-dir", type=Path, default=GENERATED_DIR, help=argparse.SUPPRESS)
        command.add_argument("--specs-dir", type=Path, default=SPECS_DIR, help=argparse.SUPPRESS)

    diff = commands.add_parser("diff", help="report spec changes since BASE for client code")
    diff.add_argument("base", nargs="?", metavar="BASE", help="git revision (default: merge-base with main)")
    diff.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    diff.add_argument("--fail-on", choices=("breaking", "attention"), help="exit 1 on a change this severe or worse")
    diff.add_argument("--exchange", action="append", choices=DOCUMENTS, help="only this exchange (repeatable)")
    diff.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)

    templates = commands.add_parser("templates", help="write the patched generator templates into DIR")
    templates.add_argument("directory", type=Path, metavar="DIR")
    templates.add_argument("--upto", type=int, metavar="N", help="apply only the first N patches")
    templates.add_argument("--specs-dir", type=Path, default=SPECS_DIR, help=argparse.SUPPRESS)

    update = commands.add_parser("update", help="replace a spec with a new file, regenerate, check and report")
    update.add_argument("exchange", choices=DOCUMENTS, metavar="EXCHANGE", help=exchange_help)
    update.add_argument("file", type=Path, metavar="FILE", help="the new OpenAPI document")
    update.add_argument("--source", help="new `source` for specs/manifest.toml (default: keep the recorded one)")
    update.add_argument(
        "--upstream",
        help="a new exchange's `upstream` for specs/manifest.toml: why there is none to vendor, or its source",
    )
    update.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one pipeline command; the exit status is 0 on success, 1 on drift, a refused spec or a failed check."""
    parser = _parser()
    options = parser.parse_args(argv)
    try:
        if options.command == "diff":
            return _diff(options)
        if options.command == "update":
            return _update(options)
        if options.command == "templates":
            return _templates(options)
    except (GitError, SpecError) as error:
        print(error, file=sys.stderr)
        return 1
    unknown = sorted(set(options.exchanges) - set(DOCUMENTS))
    if unknown:
        parser.error(f"unknown exchange {', '.join(unknown)}; choose from {', '.join(DOCUMENTS)}")
    exchanges = [exchange for exchange in DOCUMENTS if exchange in options.exchanges] or list(DOCUMENTS)
    command = {"generate": _generate, "check": _check, "upstream": _upstream}[options.command]
    try:
        return command(exchanges, options.generated_dir, options.specs_dir)
    except (GenerationError, MessageGenerationError, SpecError) as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
