"""
The repository at another revision: the default base of a review, and its specs/ and generated/ trees.

Only read-only git commands are used (rev-parse, merge-base, ls-tree, archive): the index and the working tree
are never touched.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


class GitError(Exception):
    """A git command failed, or the revision to compare against cannot be determined."""


def git(root: Path, *args: str) -> str:
    """Run one git command in `root` and return its stripped output."""
    return _git_bytes(root, *args).decode("utf-8", "replace").strip()


def _git_bytes(root: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)  # noqa: S607 - git from PATH
    except FileNotFoundError as error:
        raise GitError("git is not installed") from error
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"git {' '.join(args)} failed: {message}")
    return result.stdout


def default_base(root: Path, main: str = "main") -> str:
    """The revision a branch is reviewed against: HEAD on `main`, else the merge-base with `main`."""
    if git(root, "rev-parse", "--abbrev-ref", "HEAD") == main:
        return "HEAD"
    try:
        return git(root, "merge-base", "HEAD", main)
    except GitError as error:
        msg = f"cannot find the merge-base of HEAD and {main}; name the revision to compare against"
        raise GitError(msg) from error


def commit_of(root: Path, revision: str) -> str:
    """The full sha of the commit `revision` names."""
    try:
        return git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except GitError as error:
        raise GitError(f"{revision!r} is not a commit of the repository at {root}") from error


def describe(root: Path, revision: str) -> str:
    """`<revision> (<short sha>)`, or just the short sha when the revision is one."""
    short = git(root, "rev-parse", "--short", commit_of(root, revision))
    return short if short.startswith(revision) or revision.startswith(short) else f"{revision} ({short})"


def export(root: Path, revision: str, dest: Path, paths: tuple[str, ...]) -> None:
    """Write the named directories of `revision` under `dest` (same relative paths); one absent there is skipped."""
    commit = commit_of(root, revision)
    prefix = git(root, "rev-parse", "--show-prefix")
    tree = f"{commit}:{prefix}" if prefix else commit
    present = [path for path in paths if git(root, "ls-tree", "--name-only", tree, path)]
    dest.mkdir(parents=True, exist_ok=True)
    if not present:
        return
    archive = _git_bytes(root, "archive", "--format=tar", tree, "--", *present)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
