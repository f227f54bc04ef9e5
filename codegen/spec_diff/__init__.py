"""
What a spec change means for client code: `python -m codegen diff [BASE]` (`nox -s spec_diff`).

Each exchange's document is resolved (patches applied) at BASE and in the working tree, compared operation by
operation and field by field, and every change is classified for a client reading these responses. The generated
package at BASE (as committed) is compared with a fresh generation from the working tree.

No maintained OpenAPI diff fits: oasdiff (Go) and openapi-diff (Java) are not Python packages; on PyPI,
openapispecdiff (2022) and impoasdiff (2023) are unmaintained, and api-schema-diff neither merges `allOf`, reads
3.1's `type: [x, "null"]` or diffs enums, nor tells a request field from a response field. The comparer here is
small and works on exactly the documents the generator reads.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from codegen.generator import GenerationError, generate
from codegen.spec_diff._document import diff_documents
from codegen.spec_diff._generated import diff_generated
from codegen.spec_diff._git import GitError, default_base, describe, export
from codegen.spec_diff._messages import message_changes
from codegen.spec_diff._model import Category, Change, ExchangeDiff, GeneratedDiff, Report, Severity
from codegen.spec_diff._render import to_json, to_markdown
from codegen.spec_diff._schema import exact
from codegen.spec_diff._status_enums import STATUS_ENUMS, StatusEnum
from codegen.specs import (
    DOCUMENTS,
    GENERATED_RELATIVE,
    SpecError,
    package_name,
    resolved_spec,
    spec_path,
    unpatched_spec,
)


__all__ = [
    "STATUS_ENUMS",
    "Category",
    "Change",
    "ExchangeDiff",
    "GeneratedDiff",
    "GitError",
    "Report",
    "Severity",
    "Side",
    "StatusEnum",
    "compare_exchange",
    "default_base",
    "diff_documents",
    "diff_revision",
    "to_json",
    "to_markdown",
]


@dataclass(frozen=True, slots=True)
class Side:
    """One state of the repository: its specs/ and, when already generated, its generated/."""

    specs_dir: Path
    generated_dir: Path | None = None
    """None: generate from specs_dir when the comparison needs the code."""


def _resolve(exchange: str, specs_dir: Path) -> tuple[dict[str, Any], str | None]:
    if not spec_path(exchange, specs_dir).is_file():
        return {}, None
    try:
        return resolved_spec(exchange, specs_dir), None
    except (SpecError, yaml.YAMLError) as error:
        return {}, str(error)


def _generated_dir(exchange: str, side: Side, scratch: Path) -> tuple[Path | None, str | None]:
    if side.generated_dir is not None:
        return side.generated_dir, None
    if not spec_path(exchange, side.specs_dir).is_file():
        return None, None
    try:
        generate(exchange, scratch, side.specs_dir)
    except (GenerationError, SpecError) as error:
        return None, str(error)
    return scratch, None


def _unpatched_changes(exchange: str, base_dir: Path, head_dir: Path) -> list[Change]:
    try:
        old, new = unpatched_spec(exchange, base_dir), unpatched_spec(exchange, head_dir)
    except (OSError, SpecError, yaml.YAMLError):
        return []
    return [
        Change(change.severity, change.category, change.kind, f"{change.where} (without patches)", change.detail)
        for change in diff_documents(exchange, old, new)
    ]


def compare_exchange(exchange: str, base: Side, head: Side, scratch: Path) -> ExchangeDiff:
    """The classified changes of one exchange's resolved document, and of its generated package when it changed."""
    old, old_error = _resolve(exchange, base.specs_dir)
    new, new_error = _resolve(exchange, head.specs_dir)
    messages = message_changes(exchange, base.specs_dir, head.specs_dir)
    if exact(old) == exact(new) and old_error == new_error:
        return ExchangeDiff(exchange, tuple(messages), spec_changed=True) if messages else ExchangeDiff(exchange)
    changes: list[Change] = [*messages]
    for side, error in (("base", old_error), ("new", new_error)):
        if error is not None:
            detail = f"the {side} document cannot be compared: {error}"
            changes.append(Change(Severity.BREAKING, Category.DOCUMENT, "spec does not resolve", exchange, detail))
    if old_error is None and new_error is None:
        changes += diff_documents(exchange, old, new)
    else:
        # A patch that no longer applies must not hide what changed: the documents as written, without their
        # patches, are still compared field by field, beside the failed patch.
        changes += _unpatched_changes(exchange, base.specs_dir, head.specs_dir)

    if new_error is not None:
        return ExchangeDiff(exchange, tuple(changes), spec_changed=True)  # nothing to generate from
    package = package_name(exchange)
    old_dir, _ = _generated_dir(exchange, base, scratch / "base-generated")
    new_dir, generation_error = _generated_dir(exchange, head, scratch / "head-generated")
    generated = diff_generated(exchange, old_dir, new_dir, generation_error)
    if generation_error is not None:
        detail = f"openapi-python-client refuses the new document: {generation_error.splitlines()[-1]}"
        changes.append(Change(Severity.BREAKING, Category.GENERATED, "generation failed", package, detail))
    elif generated.names_removed:
        # A safety net under the spec comparison: whatever it missed, a public name that is gone breaks its users.
        count = len(generated.names_removed)
        detail = f"{count} public name{'s' if count > 1 else ''} disappeared from the generated package"
        changes.append(Change(Severity.BREAKING, Category.GENERATED, "public names removed", package, detail))
    return ExchangeDiff(exchange, tuple(changes), generated, spec_changed=True)


def diff_revision(root: Path, base: str | None = None, exchanges: Sequence[str] = DOCUMENTS) -> Report:
    """Compare each exchange's spec at `base` (default: the merge-base with main) with the working tree at `root`."""
    revision = base or default_base(root)
    label = describe(root, revision)
    if base is None and revision != "HEAD":
        label = f"merge-base with main ({label})"
    with tempfile.TemporaryDirectory(prefix="spec-diff-") as scratch_name:
        scratch = Path(scratch_name)
        export(root, revision, scratch / "base", ("specs", GENERATED_RELATIVE))
        # A base from before the generated code moved into the package has none where it is now: generate it.
        base_generated = scratch / "base" / GENERATED_RELATIVE
        base_side = Side(scratch / "base" / "specs", base_generated if base_generated.is_dir() else None)
        head_side = Side(root / "specs")
        diffs = tuple(
            compare_exchange(exchange, base_side, head_side, scratch / exchange)
            for exchange in DOCUMENTS
            if exchange in exchanges
        )
    return Report(label, "working tree", diffs)
