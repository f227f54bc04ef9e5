"""
Every response example in the resolved specs, with the generated function that parses its operation.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Any, NamedTuple

from openapi_python_client.strings import snake_case

from codegen.specs import EXCHANGES, package_name, resolved_spec


class ResponseExample(NamedTuple):
    """One named example of one response status of one operation."""

    exchange: str
    operation_id: str
    status: int
    name: str
    value: Any

    @property
    def id(self) -> str:
        """A readable pytest id."""
        return f"{self.exchange}-{self.operation_id}-{self.status}-{self.name}"


def _resolve(document: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def response_examples(exchanges: tuple[str, ...] = EXCHANGES) -> list[ResponseExample]:
    """Every example under every documented response of every operation, $refs followed."""
    found = []
    for exchange in exchanges:
        document = resolved_spec(exchange)
        for path_item in document["paths"].values():
            for operation in path_item.values():
                if not isinstance(operation, dict) or "operationId" not in operation:
                    continue
                for status, response in operation["responses"].items():
                    media = _resolve(document, response).get("content", {}).get("application/json", {})
                    for name, example in media.get("examples", {}).items():
                        value = _resolve(document, example)["value"]
                        found.append(ResponseExample(exchange, operation["operationId"], int(status), name, value))
    return found


def endpoint_module(exchange: str, operation_id: str) -> ModuleType:
    """The generated module for an operation, wherever its tag put it under <package>.api."""
    api = importlib.import_module(f"{package_name(exchange)}.api")
    wanted = snake_case(operation_id)
    for tag in pkgutil.iter_modules(api.__path__):
        module_name = f"{api.__name__}.{tag.name}.{wanted}"
        try:
            return importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
    msg = f"no generated module for {exchange} {operation_id}"
    raise LookupError(msg)
