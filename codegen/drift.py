"""
What differs between the committed generated/ tree and a fresh generation of it.
"""

from __future__ import annotations

import filecmp
from pathlib import Path


_IGNORED = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache"})


def tracked_files(root: Path, entries: tuple[str, ...]) -> set[Path]:
    """The files under `root`'s named top-level files or directories, relative to `root`, caches left out."""
    found = set()
    for entry in entries:
        path = root / entry
        candidates = path.rglob("*") if path.is_dir() else [path] if path.is_file() else []
        found |= {
            candidate.relative_to(root)
            for candidate in candidates
            if candidate.is_file() and not _IGNORED.intersection(candidate.relative_to(root).parts)
        }
    return found


def differing_files(committed: Path, fresh: Path, entries: tuple[str, ...]) -> list[str]:
    """
    What is missing, extra or different in `committed`, under the named top-level files or directories.

    Each line is a path relative to `committed`, then what is wrong with it.
    """
    ours, theirs = tracked_files(committed, entries), tracked_files(fresh, entries)
    lines = [f"{path}: missing (a fresh generation writes it)" for path in sorted(theirs - ours)]
    lines += [f"{path}: not produced by the generator" for path in sorted(ours - theirs)]
    lines += [
        f"{path}: content differs"
        for path in sorted(ours & theirs)
        if not filecmp.cmp(committed / path, fresh / path, shallow=False)
    ]
    return lines
