"""
Every response example in the resolved specs, with the generated function that parses its operation.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, Mapping
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


def follow(document: Mapping[str, Any], node: Any, seen: tuple[str, ...] = ()) -> tuple[Any, tuple[str, ...]]:
    """`node` with its `$ref`s followed, and the references followed so far (a recursive schema is refused)."""
    while isinstance(node, dict) and "$ref" in node:
        reference = node["$ref"]
        if reference in seen:
            msg = f"recursive schema {reference}: its bodies would need a bound"
            raise ValueError(msg)
        seen = (*seen, reference)
        node = document
        for part in reference.removeprefix("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node, seen


def documented_media(exchange: str) -> Iterator[tuple[dict[str, Any], str, int, dict[str, Any]]]:
    """(document, operationId, status, JSON media object) for every documented JSON response of `exchange`."""
    document = resolved_spec(exchange)
    for path_item in document["paths"].values():
        for operation in path_item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            for status, response in operation["responses"].items():
                media = follow(document, response)[0].get("content", {}).get("application/json")
                if media is not None:
                    yield document, operation["operationId"], int(status), media


def response_examples(exchanges: tuple[str, ...] = EXCHANGES) -> list[ResponseExample]:
    """Every example under every documented response of every operation, $refs followed."""
    return [
        ResponseExample(exchange, operation_id, status, name, follow(document, example)[0]["value"])
        for exchange in exchanges
        for document, operation_id, status, media in documented_media(exchange)
        for name, example in media.get("examples", {}).items()
    ]


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
