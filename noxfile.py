"""
Sessions for exchange-clients: `nox -l` lists them.

`generate` writes src/exchange_clients/generated/ and is never run by default; every other session only reads the tree.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nox


nox.needs_version = ">=2025.5.1"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.error_on_external_run = True
nox.options.sessions = ["lint", "typecheck", "check_generated", "check_upstream", "docs", "tests", "tests_lowest"]

PYPROJECT = nox.project.load_toml("pyproject.toml")

PYTHONS = ("3.11", "3.12", "3.13")
"""Every CPython the package claims (pyproject's classifiers list the same); `tests` runs on each."""

_WITH_EXTRAS = ".[cli,simulator,shared-nonces]"


def _find_installed_pythons() -> None:
    """Put the pyenv-installed CPythons of PYTHONS on PATH, where nox and uv look for `python3.X`.

    pyenv's shims answer only for the versions its global setting names; the others are installed all the same.
    """
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found = [
        str(directory / "bin")
        for version in PYTHONS
        for directory in sorted(root.glob(f"{version}.*"), reverse=True)[:1]
        if (directory / "bin" / f"python{version}").exists()
    ]
    os.environ["PATH"] = os.pathsep.join([*found, os.environ.get("PATH", "")])


_find_installed_pythons()


def _install_group(session: nox.Session, *groups: str) -> None:
    session.install(*nox.project.dependency_groups(PYPROJECT, *groups))


def _generate(session: nox.Session, command: str) -> None:
    """Run the pipeline (codegen/) for the exchanges named after `--`, or all of them."""
    _install_group(session, "generate")
    session.run("python", "-m", "codegen", command, *session.posargs)


@nox.session(default=False)
def generate(session: nox.Session) -> None:
    """Regenerate src/exchange_clients/generated/ from specs/ (writes the tree): `nox -s generate -- gemini`."""
    _generate(session, "generate")


@nox.session(default=False)
def templates(session: nox.Session) -> None:
    """Write the generator's templates with our patches applied, to rework one: `nox -s templates -- DIR --upto N`."""
    _generate(session, "templates")


@nox.session
def check_generated(session: nox.Session) -> None:
    """Fail when src/exchange_clients/generated/ or specs/manifest.toml no longer match specs/."""
    _generate(session, "check")


@nox.session
def check_upstream(session: nox.Session) -> None:
    """Fail on any difference from the exchanges' own documents not declared in specs/<exchange>/divergences.yaml."""
    # The project itself: the error codes upstream documents are looked up in the overlay's ERROR_TABLE.
    session.install(".")
    _generate(session, "upstream")


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff lint and format check (generated code is formatted by the pipeline, not here)."""
    _install_group(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Mypy --strict over the package (generated clients included), codegen, the noxfile, examples, tests/typing."""
    session.install(_WITH_EXTRAS)
    _install_group(session, "typing")
    session.run(
        "mypy",
        # The whole package: the hand-written layer and the generated clients inside it.
        "src/exchange_clients",
        "codegen",
        "noxfile.py",
        "examples",
        # The snippets that must type-check; tests/typing/must_fail/ must not, which tests/test_typing.py checks.
        *(str(path) for path in sorted(Path("tests/typing").glob("*.py"))),
    )


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site into build/docs (MkDocs, API reference from the docstrings); a warning fails."""
    # mkdocstrings reads the source (mkdocs.yml: paths [src]) and imports nothing: the package need not be installed.
    # ruff formats the signatures on the API reference pages.
    _install_group(session, "docs", "lint")
    # Material for MkDocs announces its successor on every build; the announcement is not a warning about our docs.
    session.run("mkdocs", "build", "--strict", env={"NO_MKDOCS_2_WARNING": "1"})


@nox.session(default=False)
def demo(session: nox.Session) -> None:
    """Start the simulator and read orders in every status from all four exchanges, as a user would."""
    session.install(_WITH_EXTRAS)
    session.run("exchange-clients", "demo", *session.posargs)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the test suite against the installed wheel, with every extra, on each Python of PYTHONS."""
    session.install(_WITH_EXTRAS)
    _install_group(session, "tests")
    session.run("pytest", *_ON_EVERY_CORE, *(session.posargs or _once_per_run(session)))


@nox.session(python=PYTHONS[0])
def tests_lowest(session: nox.Session) -> None:
    """The tests against the lowest version of every dependency that pyproject allows: every floor must be true."""
    # uv resolves the package's own requirements to their floors; the test tools come as usual afterwards.
    session.install("--resolution", "lowest-direct", _WITH_EXTRAS)
    _install_group(session, "tests")
    session.run("uv", "pip", "list", external=True, silent=False)
    session.run("pytest", *_ON_EVERY_CORE, "-m", "not slow", *session.posargs)


# pytest-xdist: one worker per core (CI has 2). Every test is independent of the others' order and process: each
# worker has its own simulator, and every port is a free one chosen at run time.
_ON_EVERY_CORE = ("-n", "auto")


def _once_per_run(session: nox.Session) -> list[str]:
    # The tests marked slow run once, on the oldest Python, which keeps the whole CI run within its time: the
    # 1,000-bodies-per-schema property runs test our parsing, not the interpreter; of the stream fault matrix, the
    # cases left unmarked (a fault of each kind that reconnects, on each exchange) run on every Python.
    return [] if session.python == PYTHONS[0] else ["-m", "not slow"]


@nox.session(default=False)
def spec_diff(session: nox.Session) -> None:
    """
    Report what the specs' changes since BASE mean for client code, as Markdown for a pull request.

    `nox -s spec_diff -- [BASE] [--json] [--fail-on breaking|attention] [--exchange EX]`; BASE defaults to the
    merge-base with main (HEAD on main).
    """
    # The project itself: the report looks up each new status value in the overlay's STATUS_TABLE.
    session.install(".")
    _install_group(session, "generate")
    session.run("python", "-m", "codegen", "diff", *session.posargs)


@nox.session(default=False)
def update_spec(session: nox.Session) -> None:
    """
    Replace one spec with a new file, regenerate, type-check the overlay against it and report (writes the tree).

    `nox -s update_spec -- kraken_futures ~/Downloads/futures-rest.yaml [--source TEXT]`; on any failure specs/,
    specs/manifest.toml and generated/ are left exactly as they were.
    """
    session.install(_WITH_EXTRAS)
    _install_group(session, "typing")
    session.run("python", "-m", "codegen", "update", *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """
    Benchmark against ccxt and hand-written floors; print the table, write bench/results/latest.json (~8 min).

    `nox -s bench -- [--quick] [--only signing,parse,list,end_to_end,concurrency,kraken_2027,pipeline]
    [--output PATH]`.
    The pipeline benchmark times `nox -s generate` and `check_generated` with the nox running this session.
    """
    session.install(_WITH_EXTRAS)
    _install_group(session, "bench")
    session.run("python", "-m", "bench", "--nox-python", sys.executable, *session.posargs)
