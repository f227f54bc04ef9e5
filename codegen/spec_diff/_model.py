"""
What a spec diff is made of: classified changes, grouped per exchange, and the report over all of them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.StrEnum):
    """How a change affects a client that reads these responses, from harmless to breaking."""

    COMPATIBLE = "compatible"
    ATTENTION = "attention"
    BREAKING = "breaking"

    @property
    def rank(self) -> int:
        """0 for compatible, 2 for breaking: `--fail-on` compares ranks."""
        return list(Severity).index(self)


class Category(enum.StrEnum):
    """The part of the document a change is in; reports list categories in this order."""

    DOCUMENT = "document"
    OPERATIONS = "operations"
    PARAMETERS = "parameters"
    REQUESTS = "request bodies"
    RESPONSES = "responses"
    ENUMS = "enums"
    SCHEMAS = "schemas"
    SERVERS = "servers"
    EXAMPLES = "examples"
    GENERATED = "generated code"

    @property
    def rank(self) -> int:
        """Position in the report."""
        return list(Category).index(self)


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two resolved documents and what it means for a client."""

    severity: Severity
    category: Category
    kind: str
    """Short label, such as `field removed` or `status value added`."""
    where: str
    """The operation, response and field path, or the document part, the change is in."""
    detail: str
    """One sentence a reviewer acts on."""

    def as_json(self) -> dict[str, str]:
        """The change as a JSON object with string values."""
        return {
            "severity": self.severity.value,
            "category": self.category.value,
            "kind": self.kind,
            "where": self.where,
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class GeneratedDiff:
    """How one generated package differs between the two sides, file by file and public name by public name."""

    package: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    names_removed: tuple[str, ...] = ()
    error: str | None = None
    """Why the new side could not be generated, when it could not."""

    def as_json(self) -> dict[str, object]:
        """The summary as a JSON object."""
        return {
            "package": self.package,
            "modules_added": list(self.added),
            "modules_removed": list(self.removed),
            "modules_changed": list(self.changed),
            "names_removed": list(self.names_removed),
            "error": self.error,
        }


@dataclass(frozen=True, slots=True)
class ExchangeDiff:
    """Every change in one exchange's resolved document, and the generated-code summary when it changed."""

    exchange: str
    changes: tuple[Change, ...] = ()
    generated: GeneratedDiff | None = None
    spec_changed: bool = False

    def count(self, severity: Severity) -> int:
        """How many changes have this severity."""
        return sum(change.severity is severity for change in self.changes)

    def counts(self) -> dict[str, int]:
        """How many changes of each severity."""
        return {severity.value: self.count(severity) for severity in Severity}

    def ordered(self) -> list[Change]:
        """Breaking first, then by category, keeping document order within each."""
        return sorted(self.changes, key=lambda change: (-change.severity.rank, change.category.rank))


@dataclass(frozen=True, slots=True)
class Report:
    """The diff of every compared exchange between two labelled states of the repository."""

    base: str
    head: str
    exchanges: tuple[ExchangeDiff, ...] = field(default=())

    def counts(self) -> dict[str, int]:
        """How many changes of each severity, over every exchange."""
        return {severity.value: sum(diff.count(severity) for diff in self.exchanges) for severity in Severity}

    def worst(self) -> Severity | None:
        """The most severe change anywhere, or None when nothing changed."""
        severities = [change.severity for diff in self.exchanges for change in diff.changes]
        return max(severities, key=lambda severity: severity.rank, default=None)

    def fails(self, threshold: Severity | None) -> bool:
        """Whether `--fail-on threshold` should fail: some change is at least that severe."""
        worst = self.worst()
        return threshold is not None and worst is not None and worst.rank >= threshold.rank
