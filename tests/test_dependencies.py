"""
The declared dependencies are exactly what the shipped code imports.

The runtime set is what the library imports; each extra is what the part that needs it imports.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
OWN = {"exchange_clients"}
PACKAGE = ROOT / "src" / "exchange_clients"
# The parts of the package that only an extra makes usable, by the extra that declares what they import.
PARTS = {"simulator": [PACKAGE / "simulator"], "cli": [PACKAGE / "cli"], "shared-nonces": [PACKAGE / "_nonce_store.py"]}


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0]).lower()


def _declared(extra: str | None = None) -> set[str]:
    project = PYPROJECT["project"]
    requirements = project["dependencies"] if extra is None else project["optional-dependencies"][extra]
    return {_name(requirement) for requirement in requirements}


def _files(paths: list[Path]) -> list[Path]:
    return sorted(file for path in paths for file in ([path] if path.is_file() else path.rglob("*.py")))


def _imported(files: list[Path]) -> set[str]:
    """The distributions whose modules these files import (standard library and own packages left out)."""
    modules: set[str] = set()
    for file in files:
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module.split(".")[0])
    third_party = modules - set(sys.stdlib_module_names) - OWN
    owners = importlib.metadata.packages_distributions()
    return {_name(distribution) for module in third_party for distribution in owners.get(module, [module])}


def _runtime_files() -> list[Path]:
    extras = set(_files([path for paths in PARTS.values() for path in paths]))
    shipped = _files([PACKAGE])
    return [file for file in shipped if file not in extras]


def test_runtime_dependencies_are_what_the_library_imports() -> None:
    """Nothing imported goes undeclared, and nothing declared goes unimported (eth-hash's backend is its extra)."""
    assert _imported(_runtime_files()) == _declared()


@pytest.mark.parametrize("extra", sorted(PARTS))
def test_each_extra_declares_what_its_part_imports(extra: str) -> None:
    """The simulator, the command line and the shared nonce store import only the runtime set and their extra's."""
    imported = _imported(_files(PARTS[extra]))

    assert imported - _declared() == _declared(extra)


def test_the_classifiers_name_exactly_the_pythons_the_tests_run_on() -> None:
    """Pyproject's classifiers and requires-python agree with the noxfile's PYTHONS, which `tests` runs on."""
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    tested = re.search(r"^PYTHONS = \(([^)]*)\)", noxfile, re.MULTILINE)
    assert tested is not None
    pythons = re.findall(r'"(3\.\d+)"', tested.group(1))
    prefix = "Programming Language :: Python :: "
    claimed = [c.removeprefix(prefix) for c in PYPROJECT["project"]["classifiers"] if c.startswith(prefix + "3.")]

    assert claimed == pythons
    assert PYPROJECT["project"]["requires-python"] == f">={pythons[0]}"
