"""The ``procedures`` command line, for officers and CI. Plain core, no MkDocs build needed.

Each subcommand parses its arguments, calls a core module (``checks``, ``newpage``,
``importer``) and prints what happened. Exit status: 0 when all is well, 1 when problems were
found (in the manual, or in what the command was asked to do), 2 when the command itself was
used wrongly (an unknown option, section or folder). Modules that only one subcommand needs are
imported inside it, so that ``procedures check`` starts quickly.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

import click

from . import output
from .core.manual import Section
from .core.problems import Problem, Problems
from .site import plan_site
from .project import Project, ProjectError, load_project

EXIT_PROBLEMS = 1
EXIT_USAGE = 2


F = TypeVar("F", bound=Callable[..., Any])


class ProblemsFound(click.ClickException):
    """A problem in the manual or in the files the command was given: exit status 1."""

    exit_code = EXIT_PROBLEMS


def project_option(command: F) -> F:
    """``-C FOLDER`` after the subcommand too, so that ``procedures check -C manual`` works
    (pre-commit appends its ``args`` after the subcommand)."""
    return click.option(
        "--project", "-C", "project_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=None, expose_value=True, help="The folder that holds mkdocs.yml (default: the current folder).",
    )(command)


def _load(ctx: click.Context, project_dir: Path | None = None) -> Project:
    """The project; a missing mkdocs.yml is a usage error, a broken one raises ``ProjectError``."""
    directory: Path = project_dir or ctx.obj
    config_file = directory / "mkdocs.yml"
    if not config_file.is_file():
        raise click.UsageError(
            f"{config_file}: not found; run the command in the folder that holds mkdocs.yml, "
            "or name that folder with -C FOLDER",
            ctx,
        )
    return load_project(directory)


def _project(ctx: click.Context, project_dir: Path | None = None) -> Project:
    try:
        return _load(ctx, project_dir)
    except ProjectError as error:
        raise ProblemsFound(str(error)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="procedures-manual", prog_name="procedures")
@click.option(
    "--project", "-C", "project_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=".",
    help="The folder that holds mkdocs.yml (default: the current folder).",
)
@click.pass_context
def main(ctx: click.Context, project_dir: Path) -> None:
    """Work with a procedures manual: start pages, check them before CI does, import old pages.

    Exit status: 0 when all is well, 1 when problems were found, 2 when the command was used
    wrongly. Run 'procedures COMMAND --help' for the details of each command.

    \b
    Examples:
      procedures new statutory "Working with Interpreters"
      procedures check
      procedures -C path/to/manual check --format json
      procedures import saved-pages/ --to supplementary
    """
    ctx.obj = project_dir


# --------------------------------------------------------------------------- check


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(output.FORMATS), default="text", show_default=True,
    help="text: 'file:line: message [level]'; json: for other tools; github: annotations on a pull request.",
)
@click.option(
    "--base", metavar="REF", default=None,
    help="Also check that every procedure or flowchart changed since this git reference (the branch the "
         "pull request goes into, e.g. origin/main) has a new version, date and changes entry.",
)
@click.option(
    "--fail-on", type=click.Choice(["error", "warning", "note"]), default="warning", show_default=True,
    help="The lowest level that makes the exit status 1. 'warning' matches 'mkdocs build --strict'.",
)
@project_option
@click.pass_context
def check(ctx: click.Context, fmt: str, base: str | None, fail_on: str, project_dir: Path | None) -> None:
    """Run every check the build runs, without building, and list all problems.

    Each problem names its check, e.g. [glossary-unused-term], whose level is an error, a
    warning or a note ('checks:' in mkdocs.yml changes it; the README lists every check).
    Problems are sorted by file and line. Errors and warnings fail, as they do in
    'mkdocs build --strict', which CI runs: the exit status is 1 when there are any. Notes are
    advice: they are listed, and fail only with --fail-on note.

    \b
    Examples:
      procedures check
      procedures check --format github     # in a GitHub Actions workflow
      procedures check --format json > problems.json
      procedures check --base origin/main  # on a pull request: were versions bumped?
    """
    try:
        project = _load(ctx, project_dir)
    except ProjectError as error:
        # mkdocs.yml itself is wrong: report it like any other problem, in the format asked for.
        problems = [Problem.of("config-file", "mkdocs.yml", error.line, error.detail)]
        _print_problems(problems, output.summarise(problems, 0), fmt, project_dir or ctx.obj)
        ctx.exit(EXIT_PROBLEMS)
    plan = plan_site(project)
    found = Problems(plan.problems)
    if base is not None:
        found.extend(Problems(_version_guard(project, base)).at_levels(plan.levels))
    problems = list(found)
    summary = output.summarise(problems, len(plan.manual.files), fail_on)
    _print_problems(problems, summary, fmt, project.root)
    ctx.exit(0 if summary.ok else EXIT_PROBLEMS)


def _print_problems(problems: list[Problem], summary: output.Summary, fmt: str, root: Path) -> None:
    if fmt == "json":
        click.echo(output.as_json(problems, summary), nl=False)
    elif fmt == "github":
        click.echo(output.github(problems, _workspace_prefix(root)), nl=False)
        click.echo(summary.sentence(), err=True)
    else:
        click.echo(output.text(problems), nl=False)
        click.echo(summary.sentence(), err=not summary.ok)


def _today(ctx: click.Context, project_dir: Path | None) -> dt.date:
    """The project's "today" (fixed in mkdocs.yml for reproducible runs), else the real date."""
    try:
        return load_project(project_dir or ctx.obj).today
    except ProjectError:
        return dt.date.today()


def _workspace_prefix(root: Path) -> str:
    """The project folder relative to the repository checkout, for GitHub annotations."""
    workspace = Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd()).resolve()
    relative = os.path.relpath(root.resolve(), workspace)
    if relative == "." or relative.startswith(".."):
        return ""
    return Path(relative).as_posix()


def _version_guard(project: Project, base: str) -> list[Problem]:
    """The version-bump guard of `check --base`: its problems; its notes are printed here."""
    from .amendments.guard import GuardError, check_versions

    flowcharts = project.settings.flowcharts
    try:
        result = check_versions(
            project.root, project.sections, base, today=project.today,
            flowcharts=flowcharts.folder.strip("/") if flowcharts.enabled else None,
        )
    except GuardError as error:
        raise click.BadParameter(str(error), param_hint="'--base'") from None
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    return list(result.problems)


# --------------------------------------------------------------------------- build, linkcheck


@main.command()
@click.option("--site-dir", "-d", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where the site goes (default: site_dir in mkdocs.yml, or site).")
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Fail on warnings, as CI does. --no-strict is for a quick look only.")
@click.option("--editions", is_flag=True,
              help="Also build the manual as it stood at each release, from git, into the site's editions/ folder "
                   "(needs the whole git history).")
@project_option
@click.pass_context
def build(ctx: click.Context, site_dir: Path | None, strict: bool, editions: bool, project_dir: Path | None) -> None:
    """Build the site atomically: aside, then checked, then swapped into place.

    The build goes into a hidden folder beside the site folder, with every check on; only a
    complete build replaces the site, so a failed one never replaces what is published.
    'make site' runs this. With --editions, each release's edition is built too, from the last
    commit on or before its date, and the Editions page links to them.

    \b
    Examples:
      procedures build
      procedures build --site-dir public
      procedures build --editions          # as CI publishes it
    """
    from .publish.build import build as build_site
    from .publish.editions import build_with_editions

    project = _project(ctx, project_dir)
    site = site_dir or project.root / str(project.config.get("site_dir") or "site")
    if editions:
        ctx.exit(build_with_editions(project.config_file, site, strict=strict))
    ctx.exit(build_site(project.config_file, site, strict=strict))


@main.command()
@click.option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True,
              help="The built site to check.")
@click.option("--external/--no-external", default=False, show_default=True,
              help="Also check links to other sites (needs internet).")
def linkcheck(site_dir: Path, external: bool) -> None:
    """Serve the built site on 127.0.0.1 and check every link and #anchor in it.

    A link to a missing page, or to a missing #anchor, is an error (exit status 1). Links to
    other sites are left out unless --external is given. 'make linkcheck' runs this after
    'procedures build'.

    \b
    Examples:
      procedures linkcheck
      procedures linkcheck --site public --external
    """
    from .publish.linkcheck import run

    raise SystemExit(run(site_dir, external=external))


# --------------------------------------------------------------------------- report


@main.command()
@click.option("--days", type=click.IntRange(min=0), default=None,
              help="List pages due for review within this many days (default: review.due_soon_days, or 60).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@project_option
@click.pass_context
def report(ctx: click.Context, days: int | None, as_json: bool, project_dir: Path | None) -> None:
    """List the procedures, flowcharts and info-sheets overdue for review, and those due soon, by owner.

    Exit status: 0 when the report is complete, however many pages it lists (it informs, it does
    not fail); 1 when some pages have errors that keep them out of the report (they are named:
    fix them with 'procedures check'); 2 when the command is used wrongly.

    \b
    Examples:
      procedures report
      procedures report --days 90 --json
    """
    import json

    from . import review
    from .site.plan import review_pages

    project = _project(ctx, project_dir)
    settings = project.settings
    pages, left_out = review_pages(plan_site(project))
    result = review.review_report(pages, project.today, settings.review.due_soon_days if days is None else days, left_out)
    if as_json:
        click.echo(json.dumps(review.report_json(result), indent=2, ensure_ascii=False))
    else:
        click.echo(review.report_text(result, settings.date_format))
    if result.left_out:
        have = "has" if len(result.left_out) == 1 else "have"
        click.echo(
            f"{output.count(len(result.left_out), 'page')} {have} errors and {'is' if have == 'has' else 'are'} left out "
            f"of this report ({', '.join(result.left_out)}): run 'procedures check' to see them.",
            err=True,
        )
        ctx.exit(EXIT_PROBLEMS)


# --------------------------------------------------------------------------- digest


@main.command()
@click.option("--release", "release_name", metavar="NAME", default=None,
              help="The release to summarise, by its name in mkdocs.yml (default: the current release).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
              help="The folder to write the two files to.")
@click.option("--site-url", default=None, metavar="URL",
              help="The website's address, for the links (default: site_url in mkdocs.yml).")
@project_option
@click.pass_context
def digest(ctx: click.Context, release_name: str | None, out_dir: Path, site_url: str | None, project_dir: Path | None) -> None:
    """Write an email-ready summary of a release: its new, changed and archived pages.

    Two files, for the partnership's own mailing tool: digest-<release>.html (inline styles only,
    as email needs) and digest-<release>.txt (plain text). Each page is linked by its full web
    address, so the site's address must be known: site_url in mkdocs.yml, or --site-url. Nothing
    is sent: paste or upload the files into the tool that emails the people registered for updates.

    \b
    Examples:
      procedures digest
      procedures digest --release "Update 14" --out digests/
    """
    from .amendments.digest import DigestError
    from .site.digest import write_digest

    project = _project(ctx, project_dir)
    try:
        written = write_digest(plan_site(project), release_name, out_dir, site_url=site_url)
    except DigestError as error:
        if error.usage:
            raise click.BadParameter(error.message, param_hint="'--release'") from None
        raise ProblemsFound(error.message) from None
    for path in written.paths:
        click.echo(f"Wrote {path}")
    click.echo(f"Subject: {written.digest.subject}")
    click.echo(written.digest.counts)
    if written.digest.empty:
        release = written.digest.release
        click.echo(f"note: nothing changed in {release}: the digest says so; you may not want to send it.", err=True)


# --------------------------------------------------------------------------- new


@main.command()
@click.argument("section")
@click.argument("title")
@click.option("--summary", help="The one-sentence summary (default: a sentence to replace).")
@click.option("--owner", help="The team that owns the procedure (default: left out).")
@project_option
@click.pass_context
def new(
    ctx: click.Context, section: str, title: str, summary: str | None, owner: str | None, project_dir: Path | None
) -> None:
    """Start a new procedure in SECTION, with front matter that passes the checks.

    SECTION is a content folder or its label from mkdocs.yml. The file name comes from TITLE.
    The page gets version 1, today's date, a first 'changes' entry and the headings Purpose,
    Scope, Procedure and Related Procedures. An existing file is never overwritten.

    \b
    Examples:
      procedures new statutory "Working with Interpreters"
      procedures new "Supplementary Procedures" "Young Carers" --owner "Early Help Team"
    """
    from .newpage import NewPageError, create_page

    project = _project(ctx, project_dir)
    try:
        page = create_page(project, section, title, summary=summary, owner=owner)
    except NewPageError as error:
        if error.usage:
            raise click.UsageError(error.message, ctx) from None
        raise ProblemsFound(error.message) from None
    click.echo(f"Created {page.uri} (version 1, last updated {project.today.isoformat()}).")
    if page.nav is not None:
        lines = "these lines" if "\n" in page.nav.text else "this line"
        click.echo(f"{project.config_file.name} lists its pages in 'nav': add {lines} to it {page.nav.hint}:")
        click.echo(page.nav.text)
    else:
        click.echo(f"It is in the menu under '{page.section.label}', in title order.")
    click.echo("Next: replace the summary and the sentences under each heading, then run 'procedures check'.")


# --------------------------------------------------------------------------- import


@main.command(name="import")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--to", "section", metavar="SECTION", help="The section to import into (its folder or label).")
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
    help="A folder to write the pages to instead, to look at them before moving them into a section.",
)
@click.option(
    "--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the report (default, for a folder: import-report.txt in the project or --out folder).",
)
@click.option(
    "--contents", "contents_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The old manual's contents page (.txt or .html): its chapters and pages become a nav block to paste "
         "into mkdocs.yml, numbered as the old manual was.",
)
@project_option
@click.pass_context
def import_(
    ctx: click.Context, source: Path, section: str | None, out_dir: Path | None, report_path: Path | None,
    contents_path: Path | None, project_dir: Path | None,
) -> None:
    """Convert pages saved from an online manual, or Word documents, into Markdown pages.

    SOURCE is one page or a folder of them: saved web pages (.html, .htm), plain text (.txt),
    Markdown (.md) or Word documents (.docx). Each page's title comes from its heading,
    'last_updated' and 'version' from a stamp such as 'Last Updated: April 14, 2023' and 'v14'.
    Site menus, skip links, logos and footers are left out. What could not be converted
    (placeholder '#' links, images, flattened tables, tracked changes) is listed with the line to
    look at, and, for a folder, in a report file. Existing files are never overwritten.

    With --contents, the old manual's contents list (chapters '1. Policy Framework', then
    '1.1 Introduction' ...) is matched to the imported pages by title, and the nav it gives is
    printed, and written in the report, to paste into mkdocs.yml (which is never changed).

    Exit status 1 when a page could not be imported, an imported page has a problem, or a
    contents entry matches more than one page.

    \b
    Examples:
      procedures import saved-pages/ --to supplementary
      procedures import referrals.html --to statutory
      procedures import saved-pages/ --out converted/
      procedures import saved-pages/ --to statutory --contents saved-pages/contents.html
    """
    from .importer import free_name, import_pages, read_contents_file, report
    from .importer.contents import ContentsError

    if (section is None) == (out_dir is None):
        raise click.UsageError("say where the pages go: --to SECTION (a section of the manual) or --out FOLDER, not both", ctx)

    entries = None
    if contents_path is not None:
        try:
            entries = read_contents_file(contents_path)
        except ContentsError as error:
            raise ProblemsFound(f"{contents_path}: the contents list cannot be used: {error}") from None

    place = _import_place(ctx, section, out_dir, project_dir)
    exclude = frozenset({contents_path.resolve()}) if contents_path is not None else frozenset()
    result = import_pages(
        source, place.destination, shown_as=place.shown_as, today=place.today, titles=place.titles, exclude=exclude,
    )
    if not result.outcomes:
        raise ProblemsFound(f"{source}: no pages to import (.html, .htm, .txt, .md or .docx files) found")

    for outcome in result.outcomes:
        if outcome.status == "written":
            click.echo(f"Wrote {outcome.uri} (from {outcome.source})")
        else:
            click.echo(f"{outcome.source}: not imported: {outcome.reason}", err=True)
    notes = result.note_lines()
    for line in notes:
        click.echo(line)

    failed = bool(result.not_written) or _check_imported(place, result, with_contents=entries is not None)
    things = len(notes)
    if entries is not None and contents_path is not None:
        more, ambiguous = _print_contents_nav(place, result, entries, contents_path)
        things += more
        failed = failed or ambiguous

    if source.is_dir() or report_path is not None:
        folder = report_path.parent if report_path else (place.project.root if place.project else place.destination)
        folder.mkdir(parents=True, exist_ok=True)
        path = free_name(folder, report_path.name) if report_path else free_name(folder)
        path.write_text(report(result, place.today), encoding="utf-8")
        click.echo(f"The report is in {path}.")

    click.echo(
        f"Imported {len(result.written)} of {output.count(len(result.outcomes), 'page')} into {place.shown_as}/; "
        f"{output.count(things, 'thing')} to look at."
    )
    ctx.exit(EXIT_PROBLEMS if failed else 0)


@dataclass
class _ImportPlace:
    """Where `procedures import` writes: a section of the manual (with its titles, so that none is
    taken twice), or a folder outside it."""

    project: Project | None
    target: Section | None
    destination: Path
    shown_as: str
    today: dt.date
    titles: dict[str, str] = field(default_factory=dict)
    existing: list[Any] = field(default_factory=list)  # importer.ContentsPage of the section's pages


def _import_place(ctx: click.Context, section: str | None, out_dir: Path | None, project_dir: Path | None) -> _ImportPlace:
    from .core.manual import load_manual
    from .importer.contents import ContentsPage
    from .newpage import find_section, section_choices

    if section is None:
        assert out_dir is not None
        return _ImportPlace(None, None, out_dir, out_dir.as_posix().rstrip("/"), _today(ctx, project_dir))
    project = _project(ctx, project_dir)
    target = find_section(project.sections, section)
    if target is None:
        raise click.UsageError(
            f"there is no section '{section}' in {project.config_file.name}; use one of {section_choices(project.sections)}",
            ctx,
        )
    place = _ImportPlace(project, target, project.root / target.folder, target.folder, project.today)
    existing = load_manual(project.root, [target], today=project.today)
    for page in existing.in_section(target, statuses=("published", "draft")):
        place.titles[" ".join(page.title.casefold().split())] = page.uri
        place.existing.append(ContentsPage(page.title, page.uri))
    return place


def _check_imported(place: _ImportPlace, result: Any, *, with_contents: bool) -> bool:
    """Check the pages written into a section, as the build will, and say which nav lines to add.
    Returns whether an imported page has a problem."""
    from .importer import check_written
    from .nav import lines_to_add, read_nav

    project, target = place.project, place.target
    if project is None or target is None or not result.written:
        return False
    failed = False
    # The pages must pass the checks as written: show any problem now, not in CI.
    for problem in check_written(project.root, target, {o.uri for o in result.written}, place.today):
        click.echo(output.text([problem]), err=True, nl=False)
        failed = True
    nav = read_nav(project.config_file, project.config_text) if project.nav and not with_contents else None
    to_add = lines_to_add(nav, target, [o.uri for o in result.written]) if nav else None
    if to_add:
        hint, text = to_add
        lines = "these lines" if "\n" in text else "this line"
        click.echo(f"{project.config_file.name} lists its pages in 'nav': add {lines} to it {hint}:")
        click.echo(text)
    return failed


def _print_contents_nav(place: _ImportPlace, result: Any, entries: Any, contents_path: Path) -> tuple[int, bool]:
    """The nav that the old contents list gives: (things to look at, whether an entry matched two pages)."""
    from .importer import add_contents_nav

    found = add_contents_nav(result, entries, place.destination, place.existing, contents_path.name)
    config_name = place.project.config_file.name if place.project else "mkdocs.yml"
    click.echo(
        f"The contents list {contents_path.name} gives this nav: paste it into {config_name} under 'nav:', "
        "in place of the lists of these pages (the file itself is not changed):"
    )
    click.echo(found.text, nl=False)
    for line in found.notes:
        click.echo(line)
    return len(found.notes), found.ambiguous > 0
