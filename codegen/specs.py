"""
The OpenAPI documents as the generator sees them: read exactly, patched, hashed against the manifest.

Every number in a document is read as `Decimal`, so an example such as `34567.123456789012345` keeps its
digits all the way to the tests that parse it.
"""

from __future__ import annotations

import hashlib
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from jsonpath import JSONPatch
from jsonpath.exceptions import JSONPatchError

from codegen.registry import RegistryError, read_registry


ROOT = Path(__file__).resolve().parent.parent
SPECS_DIR = ROOT / "specs"
MANIFEST_PATH = SPECS_DIR / "manifest.toml"
# The generator's output lives inside the one package the wheel installs, as exchange_clients.generated.<exchange>.
GENERATED_RELATIVE = "src/exchange_clients/generated"
GENERATED_DIR = ROOT / GENERATED_RELATIVE
GENERATED_PACKAGE = "exchange_clients.generated"
REGISTRY_PATH = SPECS_DIR / "exchanges.toml"

try:
    REGISTRY = read_registry(REGISTRY_PATH)
except RegistryError as error:
    # Nothing in the pipeline can run without the set of exchanges: stop with the registry's own complaint.
    raise SystemExit(str(error)) from None
EXCHANGES = tuple(exchange.name for exchange in REGISTRY)
DOCUMENTS = EXCHANGES + tuple(document for exchange in REGISTRY for document in exchange.documents)
"""Every OpenAPI document the pipeline generates: each exchange's, then the further ones some exchanges need."""


class SpecError(Exception):
    """A spec, its manifest entry or one of its patches is not what the pipeline expects."""


def package_name(exchange: str) -> str:
    """The generated package's import name; its directory under GENERATED_DIR is the exchange's name."""
    return f"{GENERATED_PACKAGE}.{exchange}"


def spec_path(exchange: str, specs_dir: Path = SPECS_DIR) -> Path:
    """Where the exchange's OpenAPI document lives."""
    return specs_dir / exchange / "openapi.yaml"


def patch_paths(exchange: str, specs_dir: Path = SPECS_DIR) -> list[Path]:
    """The exchange's patches in the order they apply: by file name, which starts with a number."""
    return sorted((specs_dir / exchange / "patches").glob("*.yaml"))


class _ExactLoader(yaml.SafeLoader):
    """YAML's float becomes Decimal, and a key twice in one mapping is an error; otherwise as safe_load reads it."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:  # noqa: FBT001, FBT002 - PyYAML's signature
        # PyYAML keeps the last of two equal keys without a word: an edit to the first copy would silently do
        # nothing, and stricter OpenAPI tools refuse the document.
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
            except TypeError:  # an unhashable key, which the SafeLoader refuses in its own words below
                continue
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, f"found {key!r} twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")  # type: ignore[arg-type]
    special = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}
    return Decimal(special.get(text.lower(), text))


_ExactLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


class _ExactDumper(yaml.SafeDumper):
    """Writes Decimal back as the YAML number it was read from."""


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:float", str(value))


_ExactDumper.add_representer(Decimal, _represent_decimal)


def load_yaml(text: str) -> Any:
    """Parse YAML safely, with every float as an exact Decimal."""
    return yaml.load(text, Loader=_ExactLoader)  # noqa: S506 - a SafeLoader subclass


def dump_yaml(document: Any) -> str:
    """Write YAML in document order, Decimal as the number it holds."""
    return yaml.dump(document, Dumper=_ExactDumper, sort_keys=False, allow_unicode=True, width=1000)


# Patch operations that address a list element by its value, not its position: an unrelated upstream change (a
# field added to or removed from `required`) must not move what a patch tests or removes.
_ITEM_OPERATIONS = frozenset({"test-item", "remove-item"})


def _list_at(document: Any, pointer: str) -> list[Any]:
    target = document
    for part in pointer.removeprefix("/").split("/") if pointer not in ("", "/") else []:
        key = part.replace("~1", "/").replace("~0", "~")
        if isinstance(target, dict) and key in target:
            target = target[key]
        elif isinstance(target, list) and key.isdigit() and int(key) < len(target):
            target = target[int(key)]
        else:
            msg = f"{pointer} does not exist"
            raise KeyError(msg)
    if not isinstance(target, list):
        msg = f"{pointer} is not a list"
        raise TypeError(msg)
    return target


def _apply_item_operation(document: Any, operation: dict[str, Any]) -> None:
    items = _list_at(document, str(operation.get("path", "")))
    value = operation.get("value")
    if value not in items:
        msg = f"{operation['path']} does not contain {value!r}"
        raise KeyError(msg)
    if operation["op"] == "remove-item":
        items.remove(value)


def apply_patches(exchange: str, document: dict[str, Any], specs_dir: Path = SPECS_DIR) -> dict[str, Any]:
    """Apply the exchange's patches in order; a patch that no longer applies is named in the error.

    A patch is a list of RFC 6902 operations, plus `test-item` and `remove-item`, which find a list element by
    its value (`{op: remove-item, path: /components/schemas/X/required, value: field}`).
    """
    for path in patch_paths(exchange, specs_dir):
        operations = load_yaml(path.read_text(encoding="utf-8"))
        for index, operation in enumerate(operations):
            try:
                if isinstance(operation, dict) and operation.get("op") in _ITEM_OPERATIONS:
                    _apply_item_operation(document, operation)
                else:
                    JSONPatch([operation]).apply(document)
            except (JSONPatchError, KeyError, IndexError, TypeError) as error:
                relative = path.relative_to(specs_dir.parent) if specs_dir.parent in path.parents else path
                msg = f"patch {relative} (operation {index + 1}) no longer applies to {exchange}'s spec: {error}"
                raise SpecError(msg) from error
    return document


def unpatched_spec(exchange: str, specs_dir: Path = SPECS_DIR) -> dict[str, Any]:
    """The spec file as written, before its patches."""
    document = load_yaml(spec_path(exchange, specs_dir).read_text(encoding="utf-8"))
    if not isinstance(document, dict):
        msg = f"{spec_path(exchange, specs_dir)} is not an OpenAPI document"
        raise SpecError(msg)
    return document


def resolved_spec(exchange: str, specs_dir: Path = SPECS_DIR) -> dict[str, Any]:
    """The document the generator reads: the spec file with its patches applied."""
    return apply_patches(exchange, unpatched_spec(exchange, specs_dir), specs_dir)


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes, as recorded in specs/manifest.toml."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(path: Path = MANIFEST_PATH) -> dict[str, dict[str, Any]]:
    """specs/manifest.toml as a table per exchange."""
    with path.open("rb") as file:
        return tomllib.load(file)


def manifest_mismatches(specs_dir: Path = SPECS_DIR) -> list[str]:
    """Every way the spec files and specs/manifest.toml disagree, one line each."""
    manifest = read_manifest(specs_dir / "manifest.toml")
    problems = [
        f"specs/manifest.toml lists {name!r}, which is not an exchange" for name in manifest if name not in DOCUMENTS
    ]
    for exchange in DOCUMENTS:
        entry = manifest.get(exchange)
        if entry is None:
            problems.append(f"specs/manifest.toml has no entry for {exchange}")
            continue
        missing = [key for key in ("source", "date", "sha256") if key not in entry]
        if missing:
            problems.append(f"specs/manifest.toml entry {exchange} lacks {', '.join(missing)}")
            continue
        actual = sha256_of(spec_path(exchange, specs_dir))
        if actual != entry["sha256"]:
            problems.append(
                f"specs/{exchange}/openapi.yaml has sha256 {actual}, specs/manifest.toml records {entry['sha256']}"
            )
        problems += _upstream_mismatches(exchange, entry.get("upstream"), specs_dir)
        problems += _message_spec_mismatches(exchange, entry.get("asyncapi"), specs_dir)
    return problems


def _message_spec_mismatches(exchange: str, entry: object, specs_dir: Path) -> list[str]:
    """The AsyncAPI document, when there is one, has its own source and sha256 (`[<exchange>.asyncapi]`)."""
    document = specs_dir / exchange / "asyncapi.yaml"
    if not document.is_file():
        return [f"specs/manifest.toml has [{exchange}.asyncapi] but specs/{exchange}/asyncapi.yaml is missing"] * (
            entry is not None
        )
    if not isinstance(entry, dict) or any(key not in entry for key in ("source", "date", "sha256")):
        return [f"specs/manifest.toml needs [{exchange}.asyncapi] with source, date and sha256"]
    actual = sha256_of(document)
    if actual != entry["sha256"]:
        return [f"specs/{exchange}/asyncapi.yaml has sha256 {actual}, specs/manifest.toml records {entry['sha256']}"]
    return []


def _upstream_mismatches(exchange: str, entry: object, specs_dir: Path) -> list[str]:
    """The vendored upstream files are unchanged: each one listed with its sha256, and nothing unlisted."""
    folder = specs_dir / exchange / "upstream"
    on_disk = {path.relative_to(folder).as_posix(): path for path in folder.rglob("*") if path.is_file()}
    if not isinstance(entry, dict):
        # A string says why there is no upstream document (DigiFinex publishes none).
        if on_disk or not isinstance(entry, str):
            return [
                f"specs/manifest.toml entry {exchange} needs an upstream table, or a string saying why there is none"
            ]
        return []
    recorded: dict[str, str] = entry.get("sha256", {})
    problems = [
        f"specs/{exchange}/upstream/{name} is not in specs/manifest.toml"
        for name in sorted(on_disk.keys() - recorded.keys())
    ]
    problems += [
        f"specs/{exchange}/upstream/{name} is in specs/manifest.toml but missing"
        for name in sorted(recorded.keys() - on_disk.keys())
    ]
    problems += [
        f"specs/{exchange}/upstream/{name} has changed: upstream documents are vendored unchanged (sha256 {digest})"
        for name, digest in sorted(recorded.items())
        if name in on_disk and sha256_of(on_disk[name]) != digest
    ]
    return problems
