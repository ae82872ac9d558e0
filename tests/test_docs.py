"""Docs that cannot rot: every command has help text and is documented (README or docs/)."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from edukg.cli import cli

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text("utf-8")
DOCS = README + "".join(page.read_text("utf-8") for page in sorted((ROOT / "docs").rglob("*.md")))


def all_commands(group: click.Group, prefix: str = "edukg") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        found.append((path, command))
        if isinstance(command, click.Group):
            found.extend(all_commands(command, path))
    return found


@pytest.mark.parametrize(
    ("path", "command"), all_commands(cli), ids=lambda x: x if isinstance(x, str) else ""
)
def test_every_command_has_help_and_is_documented(path: str, command: click.Command) -> None:
    assert command.help and len(command.help.split()) >= 5, f"{path} needs help text"
    assert re.search(re.escape(path) + r"\b", DOCS), f"neither README.md nor docs/ mention `{path}`"


def test_readme_starts_with_the_two_commands() -> None:
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", README, flags=re.S)
    assert "edukg demo" in blocks[0]
    assert "pytest" in blocks[1]


def test_ci_runs_the_readme_test_command() -> None:
    test_command = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", README, flags=re.S)[1].strip()
    ci = (Path(__file__).parents[1] / ".ci" / "run").read_text("utf-8")
    assert test_command in ci
