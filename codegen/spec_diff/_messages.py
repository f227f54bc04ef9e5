"""
What changed in one exchange's AsyncAPI document (its stream messages), for client code.

Each message schema is compared as a response is, since the client reads what the exchange sends: a field removed or
retyped breaks code that reads the generated model; a new enum value needs a look; a schema gone takes its model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from codegen.spec_diff._model import Category, Change, Severity
from codegen.spec_diff._schema import Resolver, SchemaDiff, exact
from codegen.specs import load_yaml


__all__ = ["message_changes"]


def _document(specs_dir: Path, exchange: str) -> dict[str, Any]:
    path = specs_dir / exchange / "asyncapi.yaml"
    if not path.is_file():
        return {}
    try:
        document = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return {}
    return document if isinstance(document, dict) else {}


def _schemas(document: dict[str, Any]) -> dict[str, Any]:
    return dict((document.get("components") or {}).get("schemas") or {})


def message_changes(exchange: str, base_specs: Path, head_specs: Path) -> list[Change]:
    """Every classified change between the two sides' stream message schemas (none when the documents agree)."""
    old, new = _document(base_specs, exchange), _document(head_specs, exchange)
    if exact(old) == exact(new):
        return []
    changes: list[Change] = []
    old_schemas, new_schemas = _schemas(old), _schemas(new)
    for name in sorted(old_schemas.keys() | new_schemas.keys()):
        where = f"message {name}"
        if name not in new_schemas:
            detail = f"the stream model {name} disappears from exchange_clients.generated.streams.{exchange}"
            changes.append(Change(Severity.BREAKING, Category.RESPONSES, "message schema removed", where, detail))
        elif name not in old_schemas:
            detail = f"a new stream model {name}"
            changes.append(Change(Severity.COMPATIBLE, Category.RESPONSES, "message schema added", where, detail))
        else:
            reference = {"$ref": f"#/components/schemas/{name}"}
            SchemaDiff(Resolver(old), Resolver(new), "response", Category.RESPONSES, where, None, changes).compare(
                reference, reference
            )
    return changes
