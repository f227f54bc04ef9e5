"""
`python -m codegen check` (nox -s check_generated) passes on this tree and fails, naming files, on drift.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from codegen.generator import GenerationError, _ruff
from codegen.specs import GENERATED_RELATIVE, ROOT


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the pipeline, the registry of exchanges, the specs and the generated tree, to break freely."""
    root = tmp_path_factory.mktemp("checkout")
    _copy_pipeline(root)
    return root


def _copy_pipeline(root: Path) -> None:
    """The pipeline, the specs (with the registry) and the generated tree, under `root`."""
    for name in ("codegen", "specs", GENERATED_RELATIVE):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))


def _toml(tables: dict[str, dict[str, object]]) -> str:
    # A JSON string or list of strings is a valid TOML value, which is all the registry holds.
    return "".join(
        f"[{name}]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in table.items()) + "\n"
        for name, table in tables.items()
    )


def _check(root: Path, *exchanges: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "codegen", "check", *exchanges], cwd=root, capture_output=True, text=True, check=False
    )


def test_committed_tree_is_up_to_date() -> None:
    """The repository's own generated tree is exactly what the pinned generator makes from specs/."""
    result = _check(ROOT)

    assert result.returncode == 0, result.stderr
    assert "src/exchange_clients/generated/ matches specs/" in result.stdout


def test_touched_generated_file_is_named(checkout: Path) -> None:
    """A hand edit in a generated module fails the check, naming the module and the fix."""
    module = checkout / GENERATED_RELATIVE / "gemini" / "models" / "order.py"
    original = module.read_bytes()
    module.write_bytes(original + b"# edited by hand\n")
    try:
        result = _check(checkout, "gemini")
    finally:
        module.write_bytes(original)

    assert result.returncode == 1
    assert "src/exchange_clients/generated/gemini/models/order.py: content differs" in result.stderr
    assert "nox -s generate" in result.stderr


def test_extra_and_missing_files_are_named(checkout: Path) -> None:
    """A stray file and a deleted module are both reported."""
    stray = checkout / GENERATED_RELATIVE / "digifinex" / "models" / "stray.py"
    deleted = checkout / GENERATED_RELATIVE / "digifinex" / "models" / "market.py"
    content = deleted.read_bytes()
    stray.write_text("x = 1\n")
    deleted.unlink()
    try:
        result = _check(checkout, "digifinex")
    finally:
        stray.unlink()
        deleted.write_bytes(content)

    assert result.returncode == 1
    assert "src/exchange_clients/generated/digifinex/models/stray.py: not produced by the generator" in result.stderr
    assert "src/exchange_clients/generated/digifinex/models/market.py: missing" in result.stderr


def test_changed_spec_names_the_hash_and_the_stale_files(checkout: Path) -> None:
    """A spec edit without regeneration fails on the manifest hash and on the modules it changes."""
    spec = checkout / "specs" / "derive" / "openapi.yaml"
    original = spec.read_text(encoding="utf-8")
    spec.write_text(original.replace("- gtc\n", "- gtc\n        - gtd\n", 1), encoding="utf-8")
    try:
        result = _check(checkout, "derive")
    finally:
        spec.write_text(original, encoding="utf-8")

    assert result.returncode == 1
    assert "specs/derive/openapi.yaml has sha256" in result.stderr
    assert "src/exchange_clients/generated/derive/models/time_in_force.py: content differs" in result.stderr


def test_changed_warnings_file_is_named(checkout: Path) -> None:
    """The committed warnings file is compared too."""
    warnings = checkout / GENERATED_RELATIVE / "kraken_futures.warnings.txt"
    warnings.write_text("WARNING: something was dropped\n")
    try:
        result = _check(checkout, "kraken_futures")
    finally:
        warnings.write_text("")

    assert result.returncode == 1
    assert "src/exchange_clients/generated/kraken_futures.warnings.txt: content differs" in result.stderr


def test_a_ruff_failure_is_reported_as_a_generation_error(tmp_path: Path) -> None:
    """Ruff refusing the generated code (code it cannot parse) ends generate and update with its words."""
    unparsable = tmp_path / "module.py"
    unparsable.write_text("def broken(:\n", encoding="utf-8")

    with pytest.raises(GenerationError, match=r"ruff format failed on the generated code \(exit 2\):\n.*module\.py"):
        _ruff("format", str(unparsable))


def test_the_pipeline_reads_the_set_of_exchanges_from_the_registry(tmp_path: Path) -> None:
    """With an exchange taken out of the registry, the pipeline no longer knows it: the registry is its only list."""
    root = tmp_path / "checkout"
    _copy_pipeline(root)
    registry = root / "specs" / "exchanges.toml"
    entries = tomllib.loads(registry.read_text(encoding="utf-8"))
    kept = {name: entries[name] for name in ("gemini", "derive")}
    registry.write_text(_toml(kept), encoding="utf-8")

    everything = _check(root)
    unregistered = _check(root, "digifinex")

    # The manifest still lists the two taken out: the pipeline no longer counts them as exchanges.
    assert everything.returncode != 0
    assert "lists 'kraken_futures', which is not an exchange" in everything.stderr
    assert "lists 'digifinex', which is not an exchange" in everything.stderr
    assert "gemini" not in everything.stderr
    assert "unknown exchange digifinex" in unregistered.stderr


def test_the_typed_registry_is_generated_and_checked(tmp_path: Path) -> None:
    """registry.py follows specs/exchanges.toml: a registry edit without regenerating fails, naming the file."""
    root = tmp_path / "checkout"
    _copy_pipeline(root)
    registry = root / "specs" / "exchanges.toml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace('display_name = "DigiFinex"', 'display_name = "Digifinex"'),
        encoding="utf-8",
    )

    result = _check(root, "digifinex")

    assert result.returncode == 1
    assert "src/exchange_clients/generated/registry.py: content differs" in result.stderr


def test_a_registry_entry_without_its_fields_is_refused(tmp_path: Path) -> None:
    """An entry lacking what the typed registry needs fails generation, naming the entry and the field."""
    root = tmp_path / "checkout"
    _copy_pipeline(root)
    registry = root / "specs" / "exchanges.toml"
    registry.write_text(registry.read_text(encoding="utf-8") + '\n[fifth]\ndisplay_name = "Fifth"\n', encoding="utf-8")

    result = _check(root, "gemini")

    assert result.returncode == 1
    assert "[fifth] needs credentials as a non-empty string" in result.stderr


def test_a_touched_stream_module_is_named(checkout: Path) -> None:
    """The stream message models are under the same gate: a hand edit fails the check, naming the module."""
    module = checkout / GENERATED_RELATIVE / "streams" / "gemini.py"
    original = module.read_text(encoding="utf-8")
    module.write_text(original.replace("class OrderUpdate:", "class OrderUpdate:  # tuned by hand"), encoding="utf-8")
    try:
        result = _check(checkout, "gemini")
    finally:
        module.write_text(original, encoding="utf-8")

    assert result.returncode == 1
    assert "src/exchange_clients/generated/streams/gemini.py: content differs" in result.stderr


def test_an_asyncapi_document_is_held_to_its_manifest_entry(tmp_path: Path) -> None:
    """Editing an AsyncAPI document without recording its new sha256 fails the check, naming the document."""
    root = tmp_path / "checkout"
    _copy_pipeline(root)
    document = root / "specs" / "digifinex" / "asyncapi.yaml"
    document.write_text(document.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")

    result = _check(root, "digifinex")

    assert result.returncode == 1
    assert "specs/digifinex/asyncapi.yaml has sha256" in result.stderr
