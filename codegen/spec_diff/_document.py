"""
The comparison of two resolved OpenAPI documents: operations, parameters, bodies, schemas, servers, examples.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from codegen.spec_diff._model import Category, Change, Severity
from codegen.spec_diff._schema import Direction, Resolver, SchemaDiff, exact, extension_changes, extensions, flatten
from codegen.spec_diff._status_enums import STATUS_ENUMS


_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def diff_documents(exchange: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from `old` to `new` (both resolved, patches applied), classified for a reading client."""
    return _DocumentDiff(exchange, Resolver(old), Resolver(new)).run()


@dataclass(frozen=True, slots=True)
class Operation:
    node: dict[str, Any]
    parameters: dict[tuple[str, str], dict[str, Any]]


def operations(resolver: Resolver) -> dict[str, Operation]:
    """Each operation of the document by `METHOD /path`, with its parameters (path-level ones included)."""
    found = {}
    paths = resolver.document.get("paths") or {}
    for path, item_node in paths.items():
        item, _ = resolver.deref(item_node)
        if not isinstance(item, dict):
            continue
        for method in _METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                # Operation-level parameters override path-level ones with the same name and location.
                declared = [*(item.get("parameters") or []), *(operation.get("parameters") or [])]
                parameters = {}
                for node in declared:
                    parameter, _ = resolver.deref(node)
                    if isinstance(parameter, dict) and "name" in parameter:
                        parameters[str(parameter.get("in")), str(parameter["name"])] = parameter
                found[f"{method.upper()} {path}"] = Operation(operation, parameters)
    return found


class _DocumentDiff:
    def __init__(self, exchange: str, old: Resolver, new: Resolver) -> None:
        self.exchange = exchange
        self.old = old
        self.new = new
        self.changes: list[Change] = []

    def run(self) -> list[Change]:
        before, after = operations(self.old), operations(self.new)
        for label, operation in after.items():
            if label not in before:
                detail = f"operationId {operation.node.get('operationId', '?')}: a new generated function"
                self._add(Severity.COMPATIBLE, Category.OPERATIONS, "operation added", label, detail)
        for label, operation in before.items():
            if label not in after:
                detail = f"operationId {operation.node.get('operationId', '?')}: its generated function disappears"
                self._add(Severity.BREAKING, Category.OPERATIONS, "operation removed", label, detail)
            else:
                self._operation(label, operation, after[label])
        self._components()
        self._servers()
        return self.changes

    def _add(self, severity: Severity, category: Category, kind: str, where: str, detail: str) -> None:
        self.changes.append(Change(severity, category, kind, where, detail))

    def _schemas(self, direction: Direction, category: Category, where: str, old: Any, new: Any) -> None:
        differ = SchemaDiff(
            self.old, self.new, direction, category, where, STATUS_ENUMS.get(self.exchange), self.changes
        )
        differ.compare(old, new)

    def _operation(self, label: str, before: Operation, after: Operation) -> None:
        if after.node.get("deprecated") and not before.node.get("deprecated"):
            detail = "marked deprecated: plan for its removal"
            self._add(Severity.ATTENTION, Category.OPERATIONS, "operation deprecated", label, detail)
        for line in extension_changes(extensions(before.node), extensions(after.node)):
            detail = f"{line}: check what the pipeline or overlay does with it (retries, names)"
            self._add(Severity.ATTENTION, Category.OPERATIONS, "extension changed", label, detail)
        self._parameters(label, before.parameters, after.parameters)
        self._request_body(label, before.node.get("requestBody"), after.node.get("requestBody"))
        self._responses(label, before.node.get("responses") or {}, after.node.get("responses") or {})

    def _parameters(
        self, label: str, before: dict[tuple[str, str], dict[str, Any]], after: dict[tuple[str, str], dict[str, Any]]
    ) -> None:
        moved = {name for location, name in before if (location, name) not in after} & {
            name for location, name in after if (location, name) not in before
        }
        for (location, name), parameter in after.items():
            where = f"{label} parameter {name}"
            if (location, name) in before:
                self._parameter(where, before[location, name], parameter)
            elif name in moved:
                # The location the name left, not merely the first it had: `id` may stay in the query and move
                # from the path to a header.
                old_location = next(
                    old for old, old_name in before if old_name == name and (old, old_name) not in after
                )
                detail = f"{old_location} -> {location}: the generated function sends it elsewhere"
                self._add(Severity.BREAKING, Category.PARAMETERS, "parameter location changed", where, detail)
                self._parameter(where, before[old_location, name], parameter)
            elif parameter.get("required"):
                detail = f"in {location}, required: the generated function gains a required argument"
                self._add(Severity.BREAKING, Category.PARAMETERS, "parameter added", where, detail)
            else:
                detail = f"in {location}, optional: the generated function gains a keyword argument"
                self._add(Severity.COMPATIBLE, Category.PARAMETERS, "parameter added", where, detail)
        for location, name in before:
            if (location, name) not in after and name not in moved:
                detail = f"was in {location}: the generated function loses the argument; calls passing it break"
                self._add(
                    Severity.BREAKING, Category.PARAMETERS, "parameter removed", f"{label} parameter {name}", detail
                )

    def _parameter(self, where: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        for line in extension_changes(extensions(before), extensions(after)):
            detail = f"{line}: check what the pipeline or overlay does with it"
            self._add(Severity.ATTENTION, Category.PARAMETERS, "extension changed", where, detail)
        if bool(after.get("required")) != bool(before.get("required")):
            if after.get("required"):
                self._add(Severity.BREAKING, Category.PARAMETERS, "became required", where, "callers must now send it")
            else:
                self._add(Severity.COMPATIBLE, Category.PARAMETERS, "became optional", where, "may be left out")
        self._schemas("request", Category.PARAMETERS, where, before.get("schema") or {}, after.get("schema") or {})
        self._examples(where, before, after)

    def _request_body(self, label: str, before_node: Any, after_node: Any) -> None:
        before, _ = self.old.deref(before_node)
        after, _ = self.new.deref(after_node)
        where = f"{label} request body"
        if not before and not after:
            return
        if not before:
            required = bool(after.get("required"))
            severity = Severity.BREAKING if required else Severity.COMPATIBLE
            detail = f"{'required' if required else 'optional'}: the generated function gains a body argument"
            self._add(severity, Category.REQUESTS, "request body added", where, detail)
            return
        if not after:
            detail = "the generated function loses its body argument; calls passing one break"
            self._add(Severity.BREAKING, Category.REQUESTS, "request body removed", where, detail)
            return
        if bool(after.get("required")) != bool(before.get("required")):
            if after.get("required"):
                self._add(
                    Severity.BREAKING, Category.REQUESTS, "became required", where, "callers must now send a body"
                )
            else:
                self._add(Severity.COMPATIBLE, Category.REQUESTS, "became optional", where, "the body may be left out")
        self._content("request", Category.REQUESTS, where, before.get("content") or {}, after.get("content") or {})

    def _responses(self, label: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        for status in after:
            if status not in before:
                detail = "the generated client parses this answer into its own type"
                self._add(Severity.COMPATIBLE, Category.RESPONSES, "response added", f"{label} {status}", detail)
        for status, node in before.items():
            where = f"{label} {status}"
            if status not in after:
                detail = "the generated client no longer parses this answer"
                self._add(Severity.BREAKING, Category.RESPONSES, "response removed", where, detail)
                continue
            old, _ = self.old.deref(node)
            new, _ = self.new.deref(after[status])
            old_content = (old.get("content") or {}) if isinstance(old, dict) else {}
            new_content = (new.get("content") or {}) if isinstance(new, dict) else {}
            self._content("response", Category.RESPONSES, where, old_content, new_content)

    def _content(
        self, direction: Direction, category: Category, where: str, before: dict[str, Any], after: dict[str, Any]
    ) -> None:
        for media in after:
            if media not in before:
                detail = "the generated client reads it" if direction == "response" else "may now be sent"
                self._add(Severity.COMPATIBLE, category, "media type added", f"{where} {media}", detail)
        for media, old in before.items():
            if media not in after:
                detail = "the generated client no longer handles it"
                self._add(Severity.BREAKING, category, "media type removed", f"{where} {media}", detail)
                continue
            new = after[media]
            self._schemas(direction, category, f"{where} {media}", old.get("schema") or {}, new.get("schema") or {})
            self._examples(f"{where} {media}", old, new, response=direction == "response")

    def _examples(self, where: str, before: dict[str, Any], after: dict[str, Any], *, response: bool = False) -> None:
        def named(resolver: Resolver, node: dict[str, Any]) -> dict[str, Any]:
            examples = {
                f"example {name}": resolver.deref(example)[0] for name, example in (node.get("examples") or {}).items()
            }
            if "example" in node:
                examples["example"] = node["example"]
            return examples

        old, new = named(self.old, before), named(self.new, after)
        checked = (
            "tests/generated/test_examples.py parses it with the generated client" if response else "documentation"
        )
        for name, value in new.items():
            if name not in old:
                self._add(Severity.COMPATIBLE, Category.EXAMPLES, "example added", f"{where} {name}", checked)
            elif exact(old[name]) != exact(value):
                self._add(Severity.COMPATIBLE, Category.EXAMPLES, "example changed", f"{where} {name}", checked)
        for name in old:
            if name not in new:
                self._add(Severity.COMPATIBLE, Category.EXAMPLES, "example removed", f"{where} {name}", "documentation")

    def _components(self) -> None:
        before = (self.old.document.get("components") or {}).get("schemas") or {}
        after = (self.new.document.get("components") or {}).get("schemas") or {}
        for name, schema in after.items():
            if name not in before:
                detail = f"{flatten(self.new, schema).describe()}: a new generated model"
                self._add(Severity.COMPATIBLE, Category.SCHEMAS, "schema added", f"components/schemas/{name}", detail)
        for name in before:
            if name not in after:
                detail = "its generated model disappears; code importing it breaks"
                self._add(Severity.BREAKING, Category.SCHEMAS, "schema removed", f"components/schemas/{name}", detail)

    def _servers(self) -> None:
        def urls(resolver: Resolver) -> list[str]:
            servers = resolver.document.get("servers") or []
            return [str(server["url"]) for server in servers if isinstance(server, dict) and "url" in server]

        before, after = urls(self.old), urls(self.new)
        environments = f"exchange_clients.{self.exchange}.ENVIRONMENTS"
        for url in after:
            if url not in before:
                detail = f"add it to {environments} if clients should reach it by name"
                self._add(Severity.COMPATIBLE, Category.SERVERS, "server added", url, detail)
        for url in before:
            if url not in after:
                detail = f"check {environments}: an environment may still point at it"
                self._add(Severity.ATTENTION, Category.SERVERS, "server removed", url, detail)
