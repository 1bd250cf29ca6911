"""The ``procedures`` command line, for officers and CI. Plain core, no MkDocs build needed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .checks import check_project
from .project import Project, ProjectError, load_project


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
@click.option(
    "--base", metavar="REF", default=None,
    help="Also check that every procedure or flowchart changed since this git reference (the branch the "
         "pull request goes into, e.g. origin/main) has a new version, date and changes entry.",
)
@click.pass_obj
def check(project_dir: Path, base: str | None) -> None:
    """Validate every page's front matter without building the site.

    Exit status: 0 when there is nothing to fix, 1 when problems were found.

    \b
    Examples:
      procedures check
      procedures check --base origin/main
    """
    try:
        project = load_project(project_dir)
    except ProjectError as error:
        raise click.ClickException(str(error)) from None
    manual, found = check_project(project)
    if base is not None:
        found.extend(_version_guard(project, base))
    problems = list(found)
    for problem in problems:
        click.echo(f"{problem} [{problem.level}]")
    errors = sum(1 for p in problems if p.is_error)
    if problems:
        click.echo(f"{errors} error(s), {len(problems) - errors} warning(s).", err=True)
        sys.exit(1)
    click.echo(f"No problems found in {len(manual.pages)} pages.")


# ---- releases and reviews (logic in generator/amendments) ----------------------------------------


def _version_guard(project: Project, base: str) -> list:
    """The version-bump guard of `check --base`: its problems; its notes are printed here."""
    from .amendments.guard import GuardError, check_versions

    try:
        result = check_versions(project.root, project.sections, base, today=project.today)
    except GuardError as error:
        raise click.BadParameter(str(error), param_hint="'--base'") from None
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    return list(result.problems)


@main.command()
@click.option("--days", type=click.IntRange(min=0), default=None,
              help="List pages due for review within this many days (default: review.due_soon_days, or 60).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_obj
def report(project_dir: Path, days: int | None, as_json: bool) -> None:
    """List the procedures overdue for review, and those due soon, by owner.

    Exit status: 0, whatever the report says (it informs, it does not fail).

    \b
    Examples:
      procedures report
      procedures report --days 90 --json
    """
    from .amendments import review
    from .core.manual import load_manual

    try:
        project = load_project(project_dir)
    except ProjectError as error:
        raise click.ClickException(str(error)) from None
    settings = review.options(project.options)
    manual = load_manual(project.root, project.sections, today=project.today)
    result = review.review_report(manual, project.today, settings["due_soon_days"] if days is None else days)
    if as_json:
        click.echo(json.dumps(review.report_json(result), indent=2, ensure_ascii=False))
    else:
        click.echo(review.report_text(result, settings["date_format"]))
    if manual.problems.errors:
        click.echo(
            f"{len(manual.problems.errors)} page(s) have errors and are left out of this report: run 'procedures check'.",
            err=True,
        )
