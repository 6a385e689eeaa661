"""Checks on the project itself: migrations, and documentation that keeps up with the code."""

import re
from pathlib import Path

import click
import pytest
from django.core.management import call_command

from lsip.cli import main

ROOT = Path(__file__).parent.parent


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_every_environment_variable_is_documented():
    settings_source = (ROOT / "lsip" / "config" / "settings.py").read_text()
    variables = set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', settings_source))
    documented = (ROOT / "docs" / "configuration.md").read_text()
    assert variables, "settings read no environment variables?"
    assert {v for v in variables if f"`{v}`" not in documented} == set()


def _commands(group, prefix="lsip"):
    for name, command in group.commands.items():
        yield f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix} {name}")


def test_every_cli_command_is_documented():
    documented = (ROOT / "docs" / "cli.md").read_text()
    assert {c for c in _commands(main) if f"`{c}" not in documented} == set()


def test_the_openapi_schema_is_valid_and_complete(tmp_path):
    """Every endpoint is described without guesswork (drf-spectacular warnings fail)."""
    schema = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema))
    text = schema.read_text()
    for path in ("/api/v1/areas/", "/api/v1/areas/{area_slug}/organisations/", "/api/v1/me/"):
        assert f"  {path}:" in text
