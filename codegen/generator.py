"""
Run openapi-python-client on one resolved spec and format its output, the same bytes on every machine.

The generator runs in-process so that one thing templates cannot reach can be changed: the Python type it
writes for a JSON `number`. Upstream hard-codes `float` in `FloatProperty`; money must be `Decimal`, and the
annotation must say so, or a user's `mypy --strict` believes a lie. The generator's own templates, patched by
specs/templates/patches/ (codegen/templates.py), do the rest: exact decoding, open enums, union errors that name
the real cause, ResponseParseError.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openapi_python_client import generate as run_generator
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser.errors import ErrorLevel, GeneratorError, ParseError
from openapi_python_client.parser.properties.float import FloatProperty

from codegen.extensions import idempotent_operations, write_retry_safety
from codegen.registry import RegistryError, read_registry, render_package_init, render_registry, render_streams_init
from codegen.specs import SPECS_DIR, dump_yaml, resolved_spec
from codegen.templates import TemplatePatchError, generator_version, materialize


# ruff decides the final bytes, so it is pinned exactly (pyproject's `generate` group) and run with every
# setting on the command line: --isolated keeps the repository's own ruff config out of generated code.
# exchange_clients is named first-party: ruff would otherwise guess from the directories around the output, and
# sort the runtime import differently in a checkout that lacks the hand-written package.
_RUFF_SETTINGS = (
    "--isolated",
    "--no-cache",
    "--target-version",
    "py311",
    "--line-length",
    "120",
    "--config",
    "lint.isort.known-first-party = ['exchange_clients']",
)


class GenerationError(Exception):
    """The generator refused or warned about a spec (warnings drop endpoints silently), or ruff failed on its code."""


def _install_decimal_numbers() -> None:
    # The one seam the generator offers for a number's Python type is these class variables: check they still exist,
    # so that an upgrade that renames them fails here, naming the version, instead of generating floats silently.
    # The annotation is changed here; patches/01-decimal-numbers.patch makes the values match it.
    for name in ("_type_string", "_json_type_string"):
        if getattr(FloatProperty, name, None) not in ("float", "Decimal"):
            msg = f"openapi-python-client {generator_version()}: FloatProperty.{name} is not 'float'; the seam moved"
            raise GenerationError(msg)
    FloatProperty._type_string = "Decimal"  # noqa: SLF001 - the one seam the generator offers
    FloatProperty._json_type_string = "Decimal"  # noqa: SLF001


def _describe(error: GeneratorError) -> str:
    text = f"{error.level.value}: {error.header}"
    if error.detail:
        text += f" {error.detail}"
    if isinstance(error, ParseError) and error.data is not None:
        text += " " + error.data.model_dump_json(exclude_unset=True, by_alias=True)
    # Reprs in generator messages carry memory addresses, which differ on every run.
    return re.sub(r" at 0x[0-9a-f]+", "", text)


def _ruff(*args: str) -> None:
    command = [sys.executable, "-m", "ruff", *args, *_RUFF_SETTINGS]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        # Ruff fails on code it cannot parse, which a spec the generator mishandles can produce: say so, not with a
        # traceback of the subprocess call.
        msg = f"ruff {' '.join(args[:1])} failed on the generated code (exit {result.returncode}):\n{result.stderr}"
        raise GenerationError(msg.rstrip())


def format_python(path: Path) -> None:
    """Fix and format generated Python (a file or a folder) with the pinned ruff, isolated from our config."""
    _ruff("check", "--fix-only", "--select", "F,I,UP", str(path))
    _ruff("format", str(path))


REGISTRY_FILES = ("__init__.py", "registry.py", "streams/__init__.py")
"""What `write_registry` writes beside the generated packages, whichever exchanges are generated."""


def write_registry(dest_root: Path, specs_dir: Path = SPECS_DIR) -> None:
    """Write the package's __init__.py and registry.py (the typed registry) from specs_dir/exchanges.toml."""
    try:
        exchanges = read_registry(specs_dir / "exchanges.toml")
    except RegistryError as error:
        raise GenerationError(str(error)) from None
    (dest_root / "streams").mkdir(parents=True, exist_ok=True)
    (dest_root / "__init__.py").write_text(render_package_init(), encoding="utf-8")
    (dest_root / "streams" / "__init__.py").write_text(render_streams_init(), encoding="utf-8")
    registry = dest_root / "registry.py"
    registry.write_text(render_registry(exchanges), encoding="utf-8")
    format_python(registry)


def generate(exchange: str, dest_root: Path, specs_dir: Path = SPECS_DIR) -> None:
    """Write <exchange>/ (the package exchange_clients.generated.<exchange>) and its warnings file under dest_root.

    What was there is replaced. The package is written with relative imports only, so it works wherever it sits.
    """
    _install_decimal_numbers()
    package_dir = dest_root / exchange
    warnings_path = dest_root / f"{exchange}.warnings.txt"
    shutil.rmtree(package_dir, ignore_errors=True)

    config_file = ConfigFile.load_from_path(specs_dir / exchange / "config.yaml")
    if config_file.package_name_override != exchange:
        msg = f"specs/{exchange}/config.yaml must set package_name_override: {exchange}"
        raise GenerationError(msg)
    config_file.post_hooks = []  # formatting is done below, with ruff isolated from the repository

    resolved = resolved_spec(exchange, specs_dir)
    with tempfile.TemporaryDirectory() as scratch:
        templates = Path(scratch) / "templates"
        try:
            materialize(specs_dir / "templates" / "patches", templates)
        except TemplatePatchError as error:
            raise GenerationError(str(error)) from None
        document = Path(scratch) / "openapi.yaml"
        document.write_text(dump_yaml(resolved), encoding="utf-8")
        config = Config.from_sources(
            config_file, MetaType.NONE, document, "utf-8", overwrite=True, output_path=package_dir
        )
        with contextlib.redirect_stdout(io.StringIO()):  # its "Generating <path>" line names a temp dir
            errors = run_generator(config=config, custom_template_path=templates)

    lines = [_describe(error) for error in errors]
    warnings_path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    if any(error.level is ErrorLevel.ERROR for error in errors) or lines:
        # Same policy as --fail-on-warning: a warning means an endpoint or a response was dropped.
        msg = f"openapi-python-client reported problems with specs/{exchange}:\n" + "\n".join(lines)
        raise GenerationError(msg)

    write_retry_safety(package_dir, idempotent_operations(resolved))
    format_python(package_dir)
    # --meta none writes no py.typed; without it type checkers ignore the installed package's annotations.
    (package_dir / "py.typed").write_text("# PEP 561: this package ships its type annotations.\n", encoding="utf-8")
