"""
The generators' templates: each generator's own, as installed, plus our named patches, applied in order.

Each change of behaviour is one patch against the pinned generator's pristine templates: openapi-python-client's
in specs/templates/patches/, datamodel-code-generator's (the stream messages) in specs/templates/messages/ (pip's
vendoring keeps its changes the same way). Nothing is copied whole: when the generator is upgraded, each patch
is applied to the new templates as they are, and one that no longer applies fails generation, naming the patch and
the generator's version, instead of a hand merge of copies (docs/maintainers/pipeline.md, "Upgrading the generator").
"""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


class TemplatePatchError(Exception):
    """A template patch does not apply to the installed generator's templates."""


_PATCHED_FILE = re.compile(r"^diff --git a/(\S+) b/\1$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Generator:
    """A pinned generator whose templates our patches change: its distribution and where its templates are."""

    distribution: str
    package: str
    folder: str

    def version(self) -> str:
        """The installed version, which the patches are written against."""
        return importlib.metadata.version(self.distribution)

    def templates(self) -> Path:
        """The installed generator's own template folder."""
        return Path(str(importlib.resources.files(self.package).joinpath(*self.folder.split("/"))))


OPENAPI_PYTHON_CLIENT = Generator("openapi-python-client", "openapi_python_client", "templates")
DATAMODEL_CODE_GENERATOR = Generator("datamodel-code-generator", "datamodel_code_generator", "model/template")


def generator_version() -> str:
    """The installed openapi-python-client's version, which the REST patches are written against."""
    return OPENAPI_PYTHON_CLIENT.version()


def pristine_templates() -> Path:
    """The installed openapi-python-client's own template folder."""
    return OPENAPI_PYTHON_CLIENT.templates()


def patches(patches_dir: Path) -> list[Path]:
    """The patches in the order they apply: by file name, which starts with a two-digit number."""
    return sorted(patches_dir.glob("*.patch"))


def patched_files(patch: Path) -> list[str]:
    """The template paths (relative to the template folder) that one patch changes."""
    return _PATCHED_FILE.findall(patch.read_text(encoding="utf-8"))


def materialize(
    patches_dir: Path, destination: Path, *, upto: int | None = None, generator: Generator = OPENAPI_PYTHON_CLIENT
) -> list[str]:
    """Write every template a patch touches into `destination`: the pristine file, then each patch in order.

    `upto` stops after that many patches (the first `upto`), for a maintainer reworking one of them. Returns the
    template paths written. Raises TemplatePatchError, naming the patch and the generator's version, when a patch does
    not apply cleanly: git apply takes no fuzz, so a change upstream next to a patched line is caught, not merged.
    """
    source = generator.templates()
    written: list[str] = []
    chosen = patches(patches_dir)
    for patch in chosen if upto is None else chosen[:upto]:
        for relative in patched_files(patch):
            if relative not in written:
                if not (source / relative).is_file():
                    msg = f"{_name(patch)}: {generator.distribution} {generator.version()} has no template {relative}"
                    raise TemplatePatchError(msg)
                (destination / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source / relative, destination / relative)
                written.append(relative)
        _apply(patch, destination, generator)
    return written


def _apply(patch: Path, destination: Path, generator: Generator) -> None:
    # The ceiling keeps git from finding a repository above the destination, in which it would read the patch's paths
    # as relative to that repository's root instead of to the destination.
    environment = {**os.environ, "GIT_CEILING_DIRECTORIES": str(destination.resolve().parent)}
    result = subprocess.run(
        ["git", "apply", "--whitespace=nowarn", str(patch.resolve())],  # noqa: S607 - git is a build tool here
        cwd=destination,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        msg = (
            f"{_name(patch)} no longer applies to {generator.distribution} {generator.version()}'s templates; "
            f"see 'Upgrading the generator' in docs/maintainers/pipeline.md.\n{result.stderr.strip()}"
        )
        raise TemplatePatchError(msg)


def _name(patch: Path) -> str:
    return f"specs/templates/{patch.parent.name}/{patch.name}"
