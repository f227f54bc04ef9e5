"""
The stream message models: datamodel-code-generator on each exchange's AsyncAPI document, the same bytes everywhere.

An exchange with `specs/<exchange>/asyncapi.yaml` gets `exchange_clients.generated.streams.<exchange>`: frozen attrs
classes (specs/templates/messages/01-attrs-classes.patch), open enums (02-open-enums.patch), `Decimal` for decimal
strings, `X | None` only where the document says nullable (--strict-nullable), const fields as `Literal`. The models
hold no parser: exchange_clients._messages reads a decoded message into them, strict on types and naming the field
that does not fit. Like the REST generator, any warning fails generation: a warning means the document was read
differently from how it is written.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from codegen.generator import format_python
from codegen.specs import SPECS_DIR
from codegen.templates import DATAMODEL_CODE_GENERATOR, TemplatePatchError, materialize


class MessageGenerationError(Exception):
    """datamodel-code-generator refused or warned about an AsyncAPI document."""


def message_spec_path(exchange: str, specs_dir: Path = SPECS_DIR) -> Path:
    """Where the exchange's AsyncAPI document lives (if it has one)."""
    return specs_dir / exchange / "asyncapi.yaml"


def has_messages(exchange: str, specs_dir: Path = SPECS_DIR) -> bool:
    """Whether the exchange has an AsyncAPI document to generate stream models from."""
    return message_spec_path(exchange, specs_dir).is_file()


def module_path(exchange: str, dest_root: Path) -> Path:
    """The generated module, under the generated tree's `streams/` package."""
    return dest_root / "streams" / f"{exchange}.py"


# Every option on the command line, so that no configuration file near the document changes the output.
_OPTIONS = (
    "--input-file-type",
    "asyncapi",
    "--output-model-type",
    "dataclasses.dataclass",
    "--strict-nullable",
    "--disable-timestamp",
    "--target-python-version",
    "3.11",
    "--enum-field-as-literal",
    "one",
    # Members named as the REST models name theirs (BUY, LIMIT), whatever case the document's values are in.
    "--capitalise-enum-members",
    "--formatters",
    "builtin",
    "--additional-imports",
    "attrs,exchange_clients.runtime.is_listed,exchange_clients.runtime.unrecognized_member",
)


def generate_messages(exchange: str, dest_root: Path, specs_dir: Path = SPECS_DIR) -> Path:
    """Write the exchange's stream models to streams/<exchange>.py under dest_root; the path written."""
    document = message_spec_path(exchange, specs_dir)
    output = module_path(exchange, dest_root)
    output.parent.mkdir(parents=True, exist_ok=True)
    header = (
        f'"""\nStream messages of {exchange}, from specs/{exchange}/asyncapi.yaml: written by `nox -s generate` with\n'
        f"datamodel-code-generator {DATAMODEL_CODE_GENERATOR.version()}; never edit. "
        'exchange_clients._messages.read_message reads a decoded message into them.\n"""'
    )
    with tempfile.TemporaryDirectory() as scratch:
        templates = Path(scratch) / "templates"
        templates.mkdir()
        try:
            materialize(specs_dir / "templates" / "messages", templates, generator=DATAMODEL_CODE_GENERATOR)
        except TemplatePatchError as error:
            raise MessageGenerationError(str(error)) from None
        command = [
            sys.executable,
            "-m",
            "datamodel_code_generator",
            "--input",
            str(document),
            "--output",
            str(output),
            "--custom-template-dir",
            str(templates),
            "--custom-file-header",
            header,
            *_OPTIONS,
        ]
        # -W error: a warning (a format it does not know, a schema it skipped) fails generation, as it does for REST.
        result = subprocess.run(
            [command[0], "-W", "error", *command[1:]], capture_output=True, text=True, check=False, cwd=scratch
        )
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        msg = f"datamodel-code-generator refused specs/{exchange}/asyncapi.yaml:\n" + "\n".join(detail[-15:])
        raise MessageGenerationError(msg)
    format_python(output)
    return output
