"""
What our specs say that openapi-python-client drops: the `x-idempotent` marker on operations.

The generator keeps no `x-` extension, so the pipeline writes the marked operations into each package as
`retry_safety.py`, next to the generated modules and from the same resolved document. The overlay retries
only what is listed there; a reviewer sees a changed marker as a one-line diff of generated code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openapi_python_client.strings import PythonIdentifier


_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def idempotent_operations(document: dict[str, Any]) -> list[str]:
    """The generated module names (snake-cased operationIds) of operations marked `x-idempotent: true`."""
    names = []
    for path_item in (document.get("paths") or {}).values():
        for method in _METHODS:
            operation = path_item.get(method)
            if isinstance(operation, dict) and operation.get("x-idempotent") is True:
                names.append(str(PythonIdentifier(str(operation["operationId"]), prefix="")))
    return sorted(names)


def write_retry_safety(package_dir: Path, names: list[str]) -> None:
    """Write `retry_safety.py`: the idempotent operations as a frozenset of module names."""
    listed = "".join(f'        "{name}",\n' for name in names)
    text = (
        '"""Operations the spec marks `x-idempotent: true`: safe to send again after a timeout, a 429 or a 5xx.\n\n'
        "Written by the exchange-clients pipeline (codegen/extensions.py) from the spec; do not edit.\n"
        '"""\n\n'
        f"IDEMPOTENT_OPERATIONS: frozenset[str] = frozenset(\n    {{\n{listed}    }}\n)\n"
    )
    (package_dir / "retry_safety.py").write_text(text, encoding="utf-8")
