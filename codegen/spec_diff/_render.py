"""
The report as a pull-request comment (Markdown) and as JSON for tools.
"""

from __future__ import annotations

import json

from codegen.spec_diff._model import ExchangeDiff, GeneratedDiff, Report, Severity


_LEGEND = (
    "_breaking_: code reading these responses (or sending these requests) stops working or type-checking. "
    "_attention_: it still works, but something needs a decision. _compatible_: nothing to do."
)


def to_json(report: Report) -> str:
    """The report as indented JSON: counts, then every change and generated-code summary per exchange."""
    worst = report.worst()
    document = {
        "base": report.base,
        "head": report.head,
        "worst": worst.value if worst else None,
        "counts": report.counts(),
        "exchanges": [
            {
                "exchange": diff.exchange,
                "spec_changed": diff.spec_changed,
                "counts": diff.counts(),
                "changes": [change.as_json() for change in diff.ordered()],
                "generated": diff.generated.as_json() if diff.generated else None,
            }
            for diff in report.exchanges
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _counts(diff: ExchangeDiff) -> str:
    return ", ".join(f"{diff.count(severity)} {severity.value}" for severity in reversed(Severity))


def to_markdown(report: Report) -> str:
    """The report as Markdown: a summary table, then one section per exchange whose spec changed."""
    lines = [
        f"## Spec diff: `{report.base}` -> {report.head}",
        "",
        "| exchange | breaking | attention | compatible |",
        "| --- | ---: | ---: | ---: |",
    ]
    for diff in report.exchanges:
        if diff.spec_changed:
            counts = " | ".join(str(diff.count(severity)) for severity in reversed(Severity))
            lines.append(f"| {diff.exchange} | {counts} |")
        else:
            lines.append(f"| {diff.exchange} | no change | | |")
    for diff in report.exchanges:
        if diff.spec_changed:
            lines += ["", *_exchange(diff)]
    lines += ["", _LEGEND]
    return "\n".join(lines) + "\n"


def _exchange(diff: ExchangeDiff) -> list[str]:
    lines = [
        f"### {diff.exchange}",
        "",
        f"`specs/{diff.exchange}/openapi.yaml` after its patches: {_counts(diff)}.",
    ]
    if diff.changes:
        lines += ["", "| class | change | where | detail |", "| --- | --- | --- | --- |"]
        for change in diff.ordered():
            severity = f"**{change.severity.value}**" if change.severity is Severity.BREAKING else change.severity.value
            lines.append(f"| {severity} | {change.kind} | `{_cell(change.where)}` | {_cell(change.detail)} |")
    else:
        lines += ["", "No change a client sees: the documents differ only in descriptions, summaries or titles."]
    if diff.generated is not None:
        lines += ["", *_generated(diff.generated)]
    return lines


def _generated(generated: GeneratedDiff) -> list[str]:
    title = f"Generated code (`{generated.package}`)"
    if generated.error is not None:
        return [f"{title}: **not generated**:", "", "```", generated.error, "```"]
    summary = f"{len(generated.added)} added, {len(generated.removed)} removed, {len(generated.changed)} changed"
    lines = [f"{title}: {summary}."]
    for label, paths in (("added", generated.added), ("removed", generated.removed), ("changed", generated.changed)):
        if paths:
            lines.append(f"- {label}: " + ", ".join(f"`{path}`" for path in paths))
    if generated.names_removed:
        lines += ["", "Public names that disappeared (code using them breaks):", ""]
        lines += [f"- `{name}`" for name in generated.names_removed]
    return lines
