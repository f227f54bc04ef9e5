"""
No shipped code reaches into another package's or CPython's private names: public APIs only.

The one exception is the generator seam (codegen/generator.py sets FloatProperty's type strings), which checks that
what it changes exists and fails naming the generator's version if not.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent
SHIPPED = [ROOT / "src", ROOT / "codegen", ROOT / "noxfile.py"]
OWN_PACKAGES = ("exchange_clients", "codegen")
SEAM = {
    ("codegen/generator.py", "FloatProperty._type_string"),
    ("codegen/generator.py", "FloatProperty._json_type_string"),
}
# Attributes the enum module documents for customizing members (sunder names), and our own objects' attributes
# read through `self`/`cls`.
ENUM_SUNDER = frozenset({"_name_", "_value_", "_missing_", "_generate_next_value_", "_ignore_", "_order_"})


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name not in ENUM_SUNDER


def _own(module: str) -> bool:
    return module.startswith(OWN_PACKAGES)


def _python_files() -> list[Path]:
    return sorted(path for root in SHIPPED for path in ([root] if root.is_file() else root.rglob("*.py")))


def _violations(path: Path) -> list[str]:
    return _violations_in(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())


def _violations_in(source: str, relative: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, relative)):
        where = f"{relative}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            found += [f"{where} import {a.name}" for a in node.names if not _own(a.name) and _private_path(a.name)]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and not _own(node.module):
            names = [a.name for a in node.names if _private(a.name)]
            if _private_path(node.module) or names:
                found.append(f"{where} from {node.module} import {', '.join(names) or '...'}")
        elif isinstance(node, ast.Attribute) and _private(node.attr):
            text = ast.unparse(node)
            owner = node.value
            if not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")) and (relative, text) not in SEAM:
                found.append(f"{where} {text}")
        elif isinstance(node, ast.Call) and _reaches_by_name(node):
            found.append(f"{where} {ast.unparse(node)}")
    return found


def _private_path(module: str) -> bool:
    return any(_private(part) for part in module.split("."))


def _reaches_by_name(call: ast.Call) -> bool:
    """`importlib.import_module("_sha2")`, `getattr(x, "_list")`: a private name spelled as a string."""
    name = ast.unparse(call.func)
    if name not in ("importlib.import_module", "import_module", "getattr", "setattr", "__import__"):
        return False
    strings = [arg.value for arg in call.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
    return any(_private_path(text) if "import" in name else _private(text) for text in strings)


@pytest.mark.parametrize("path", _python_files(), ids=lambda path: path.relative_to(ROOT).as_posix())
def test_no_private_name_of_another_package(path: Path) -> None:
    """The file uses no `_`-prefixed name of another package or of CPython (no private import, attribute or module)."""
    assert _violations(path) == []


def test_the_check_sees_each_kind_of_reach() -> None:
    """The scan itself finds a private import, a private attribute and a private module named as a string."""
    sample = (
        "import _hashlib\nfrom asyncio import _get_running_loop\nimport importlib\n"
        "x = headers._list\nm = importlib.import_module('_sha2')\nok = self._mine\n"
    )

    found = _violations_in(sample, "src/sample.py")

    assert sorted(line.split(" ", 1)[1] for line in found) == [
        "from asyncio import _get_running_loop",
        "headers._list",
        "import _hashlib",
        "importlib.import_module('_sha2')",
    ]
