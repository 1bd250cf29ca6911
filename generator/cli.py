"""The ``procedures`` command line, for officers and CI. Plain core, no MkDocs build needed."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .checks import check_project
from .project import ProjectError, load_project


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--project", "-C", "project_dir", type=click.Path(file_okay=False, path_type=Path), default=".",
    help="The folder that holds mkdocs.yml (default: the current folder).",
)
@click.pass_context
def main(ctx: click.Context, project_dir: Path) -> None:
    """Work with a procedures manual: check pages before CI does.

    \b
    Example:
      procedures check
    """
    ctx.obj = project_dir


@main.command()
@click.pass_obj
def check(project_dir: Path) -> None:
    """Validate every page's front matter without building the site.

    Exit status: 0 when there is nothing to fix, 1 when problems were found.

    \b
    Example:
      procedures check
    """
    try:
        project = load_project(project_dir)
    except ProjectError as error:
        raise click.ClickException(str(error)) from None
    manual, found = check_project(project)
    problems = list(found)
    for problem in problems:
        click.echo(f"{problem} [{problem.level}]")
    errors = sum(1 for p in problems if p.is_error)
    if problems:
        click.echo(f"{errors} error(s), {len(problems) - errors} warning(s).", err=True)
        sys.exit(1)
    click.echo(f"No problems found in {len(manual.pages)} pages.")
