"""
What changed in one generated package: files added, removed or changed, and the public names that disappeared.

Names are read with `ast` from the source, never imported: the old side is a checkout of another revision.
"""

from __future__ import annotations

import ast
import filecmp
from pathlib import Path

from codegen.drift import tracked_files
from codegen.spec_diff._model import GeneratedDiff
from codegen.specs import GENERATED_PACKAGE, package_name


def _files(generated_dir: Path | None, exchange: str) -> dict[str, Path]:
    if generated_dir is None or not (generated_dir / exchange).is_dir():
        return {}
    entries = (exchange, f"{exchange}.warnings.txt")
    return {relative.as_posix(): generated_dir / relative for relative in tracked_files(generated_dir, entries)}


def _public(name: str) -> bool:
    return not name.startswith("_")


def public_names(source: str, module: str) -> set[str]:
    """
    Dotted public names a module defines.

    Its classes and functions, each class's fields, members and methods, and each function's parameters as
    `function(parameter)`.
    """
    names = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef) and _public(node.name):
            names.add(f"{module}.{node.name}")
            for item in node.body:
                names.update(f"{module}.{node.name}.{name}" for name in _members(item) if _public(name))
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _public(node.name):
            names.add(f"{module}.{node.name}")
            arguments = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
            names.update(f"{module}.{node.name}({argument.arg})" for argument in arguments)
    return names


def _members(node: ast.stmt) -> list[str]:
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    if isinstance(node, ast.Assign):
        return [target.id for target in node.targets if isinstance(target, ast.Name)]
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return [node.name]
    return []


def _module_names(files: dict[str, Path]) -> dict[str, set[str]]:
    modules = {}
    for relative, path in files.items():
        if relative.endswith(".py"):
            module = f"{GENERATED_PACKAGE}." + relative.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
            try:
                modules[module] = public_names(path.read_text(encoding="utf-8"), module)
            except SyntaxError:
                modules[module] = set()
    return modules


def diff_generated(
    exchange: str, old_dir: Path | None, new_dir: Path | None, error: str | None = None
) -> GeneratedDiff:
    """
    Compare the exchange's generated package (and its warnings file) under two generated trees.

    A missing side is empty.
    """
    package = package_name(exchange)
    if error is not None:
        return GeneratedDiff(package, error=error)
    old, new = _files(old_dir, exchange), _files(new_dir, exchange)
    changed = [path for path in sorted(old.keys() & new.keys()) if not filecmp.cmp(old[path], new[path], shallow=False)]
    old_names, new_names = _module_names(old), _module_names(new)
    removed_names: list[str] = []
    for module, names in sorted(old_names.items()):
        if module not in new_names:
            continue  # the module itself is listed as removed
        gone = names - new_names[module]
        # A removed class or function is one entry, not one per field or parameter it took with it.
        removed_names += sorted(name for name in gone if _parent(name) not in gone)
    return GeneratedDiff(
        package,
        added=tuple(sorted(new.keys() - old.keys())),
        removed=tuple(sorted(old.keys() - new.keys())),
        changed=tuple(changed),
        names_removed=tuple(removed_names),
    )


def _parent(name: str) -> str:
    return name.split("(", 1)[0] if "(" in name else name.rsplit(".", 1)[0]
