"""
What differs between the committed generated/ tree and a fresh generation of it.
"""

from __future__ import annotations

import filecmp
from pathlib import Path


_IGNORED = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache"})


def _files(root: Path) -> set[Path]:
    if not root.exists():
        return set()
    return {
        path.relative_to(root)
        for path in root.rglob("*")
        if path.is_file() and not _IGNORED.intersection(path.relative_to(root).parts)
    }


def differing_files(committed: Path, fresh: Path) -> list[str]:
    """Relative paths that are missing, extra or different in `committed`, each with what is wrong."""
    ours, theirs = _files(committed), _files(fresh)
    lines = [f"{path}: missing (a fresh generation writes it)" for path in sorted(theirs - ours)]
    lines += [f"{path}: not produced by the generator" for path in sorted(ours - theirs)]
    lines += [
        f"{path}: content differs"
        for path in sorted(ours & theirs)
        if not filecmp.cmp(committed / path, fresh / path, shallow=False)
    ]
    return lines
