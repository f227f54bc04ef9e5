"""
Replace one exchange's spec with a new upstream (or revised hand-authored) file, all or nothing.

Everything is first built in a scratch copy: the new document with the exchange's patches applied, its manifest
entry, the regenerated package, and `mypy --strict` over a copy of the package with the new client in place. Only
when all of it succeeds are the spec, the manifest and the generated client written, and a failure while writing
puts back the bytes that were there. A patch that no longer applies fails before anything is written, named by
`apply_patches`.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml

from codegen.generator import REGISTRY_FILES, generate, write_registry
from codegen.specs import DOCUMENTS, ROOT, load_yaml, manifest_mismatches, sha256_of, spec_path


class UpdateError(Exception):
    """The new spec was refused: not an OpenAPI document, a manifest that cannot be updated, or a failed typecheck."""


Typecheck = Callable[[Path], None]
"""Given a staged copy of src/exchange_clients holding the new generated client, raise on failure."""

_PACKAGE = Path("src") / "exchange_clients"


def mypy_overlay(staged_package: Path) -> None:
    """`mypy --strict` over the staged package (overlay and generated clients), as `nox -s typecheck` runs it."""
    if importlib.util.find_spec("mypy") is None:
        msg = "mypy is not installed in this environment; run the update through `nox -s update_spec`"
        raise UpdateError(msg)
    command = [sys.executable, "-m", "mypy", "--strict", str(staged_package)]
    result = subprocess.run(command, cwd=staged_package.parent, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        # Name the files as they sit in the repository, not in the scratch copy that is about to disappear.
        output = f"{result.stdout}{result.stderr}".replace(str(staged_package), _PACKAGE.as_posix())
        msg = f"mypy --strict over the overlay and the new generated code failed:\n{output}"
        raise UpdateError(msg.rstrip())


def updated_manifest(
    text: str,
    exchange: str,
    *,
    sha256: str,
    date: dt.date,
    source: str | None = None,
    upstream: str | None = None,
) -> str:
    """
    specs/manifest.toml with the exchange's `sha256` and `date` (and `source`, when given) replaced.

    Only those lines change, so the file's comments and layout stay as written. A new exchange's entry needs its
    `source` and `upstream` (why there is no upstream document to vendor, or where the one vendored comes from);
    an existing entry's upstream stays as recorded.
    """
    values = {"sha256": json.dumps(sha256), "date": date.isoformat()}
    if source is not None:
        values["source"] = json.dumps(source, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    lines = text.splitlines(keepends=True)
    header = next((index for index, line in enumerate(lines) if line.strip() == f"[{exchange}]"), None)
    if header is None:
        if source is None or upstream is None:
            msg = f"specs/manifest.toml has no [{exchange}] entry; give its --source and --upstream"
            raise UpdateError(msg)
        values["upstream"] = json.dumps(upstream, ensure_ascii=False)
        entry = "".join(f"{key} = {values[key]}\n" for key in ("source", "date", "sha256", "upstream"))
        result = text.rstrip("\n") + f"\n\n[{exchange}]\n{entry}"
    elif upstream is not None:
        msg = f"specs/manifest.toml already has [{exchange}]; its upstream is edited there, not by --upstream"
        raise UpdateError(msg)
    else:
        end = next((index for index in range(header + 1, len(lines)) if lines[index].startswith("[")), len(lines))
        for index in range(header + 1, end):
            match = re.match(r"(\w+)\s*=", lines[index])
            if match and match[1] in values:
                lines[index] = f"{match[1]} = {values.pop(match[1])}\n"
        last = max(index for index in range(header, end) if lines[index].strip())
        lines[last + 1 : last + 1] = [f"{key} = {value}\n" for key, value in values.items()]
        result = "".join(lines)
    return result


def _check_document(path: Path, content: bytes) -> None:
    try:
        document = load_yaml(content.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        msg = f"{path} is not a YAML document: {error}"
        raise UpdateError(msg) from error
    if not isinstance(document, dict) or "openapi" not in document:
        msg = f"{path} is not an OpenAPI document (no top-level `openapi` key)"
        raise UpdateError(msg)


def update_spec(
    exchange: str,
    new_file: Path,
    *,
    root: Path = ROOT,
    source: str | None = None,
    upstream: str | None = None,
    today: dt.date | None = None,
    typecheck: Typecheck = mypy_overlay,
) -> None:
    """Make `new_file` the exchange's spec, with manifest and generated code to match, or change nothing."""
    if exchange not in DOCUMENTS:
        msg = f"unknown exchange {exchange}; choose from {', '.join(DOCUMENTS)}"
        raise UpdateError(msg)
    specs_dir, package_root = root / "specs", root / _PACKAGE
    generated_dir = package_root / "generated"
    try:
        content = new_file.read_bytes()
    except OSError as error:
        msg = f"cannot read the new document: {error}"
        raise UpdateError(msg) from error
    _check_document(new_file, content)
    with tempfile.TemporaryDirectory(prefix="update-spec-") as scratch_name:
        scratch = Path(scratch_name)
        staged_specs = scratch / "specs"
        shutil.copytree(specs_dir, staged_specs, ignore=shutil.ignore_patterns("__pycache__"))
        spec_path(exchange, staged_specs).write_bytes(content)
        manifest = updated_manifest(
            (specs_dir / "manifest.toml").read_text(encoding="utf-8"),
            exchange,
            sha256=sha256_of(spec_path(exchange, staged_specs)),
            date=today or dt.datetime.now(dt.UTC).date(),
            source=source,
            upstream=upstream,
        )
        (staged_specs / "manifest.toml").write_text(manifest, encoding="utf-8")
        # The check_generated verifier, on the staged tree: the edited entry must now match the new file.
        if problems := manifest_mismatches(staged_specs):
            raise UpdateError("\n".join(problems))
        staged_package = scratch / _PACKAGE
        shutil.copytree(package_root, staged_package, ignore=shutil.ignore_patterns("__pycache__", ".mypy_cache"))
        staged_generated = staged_package / "generated"
        generate(exchange, staged_generated, staged_specs)
        # The typed registry follows specs/exchanges.toml, which a new exchange's entry has just changed.
        write_registry(staged_generated, staged_specs)
        typecheck(staged_package)
        _install(
            {
                spec_path(exchange, specs_dir): spec_path(exchange, staged_specs),
                specs_dir / "manifest.toml": staged_specs / "manifest.toml",
                generated_dir / exchange: staged_generated / exchange,
                generated_dir / f"{exchange}.warnings.txt": staged_generated / f"{exchange}.warnings.txt",
                **{generated_dir / name: staged_generated / name for name in REGISTRY_FILES},
            },
            scratch / "backup",
        )


def _install(replacements: dict[Path, Path], backup: Path) -> None:
    """Copy each staged file or directory over its target; if any copy fails, put every target back as it was."""
    saved: dict[Path, Path | None] = {}
    try:
        for index, (target, staged) in enumerate(replacements.items()):
            saved[target] = _save(target, backup / str(index))
            _replace(target, staged)
    except BaseException:
        for target, copy in saved.items():
            _remove(target)
            if copy is not None:
                _replace(target, copy)
        raise


def _save(target: Path, copy: Path) -> Path | None:
    if not target.exists():
        return None
    if target.is_dir():
        shutil.copytree(target, copy)
    else:
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(target, copy)
    return copy


def _remove(target: Path) -> None:
    if target.is_dir():
        shutil.rmtree(target)
    elif target.exists():
        target.unlink()


def _replace(target: Path, source: Path) -> None:
    _remove(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copy2(source, target)
