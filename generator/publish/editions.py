"""``procedures build --editions``: the site, and in its ``editions/`` folder the manual as it
stood at each release.

For each release in ``release`` and ``releases``, the project's folder is taken from git as it
was at the last commit of the main line on or before the release's date (``git archive`` into a
temporary folder), and built with today's generator into ``editions/<release>/`` of the new site,
as at the release's date, with a banner on every page. The current site is built first, with an
Editions page that lists them. It is all one atomic build (``build.py``): if any edition fails,
the previous site stays as it was. An edition whose release predates the history in git is listed
on the Editions page as not available, with the reason.

It needs the whole history: in a shallow clone it stops and says how to fetch the rest.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
import subprocess
import sys
import tempfile
from pathlib import Path

from ..history import git
from ..history.editions import CONTEXT_VARIABLE, BuildContext, ReleaseEdition, plan_editions
from ..history.site import FULL_HISTORY, history_uri
from ..project import Project, ProjectError, load_project
from ..site.plan import SitePlan, plan_site
from .build import build, config_problems


def build_with_editions(config_file: Path, site: Path, *, strict: bool = True) -> int:
    """Build the site and its editions atomically; returns the exit status."""
    problems = config_problems(config_file)
    if problems:
        return _stop(f"{config_file.name} must be corrected first", problems, site)
    project = load_project(config_file.parent, config_file.name)
    repo, reason = git.open_repository(project.root)
    if repo is None:
        return _stop("editions are built from git history", [f"{reason}: build from a clone of the manual's repository"], site)
    if repo.shallow:
        return _stop("editions are built from git history, and this clone is shallow", [f"to build them, {FULL_HISTORY}"], site)
    plan = plan_site(project)
    if plan.releases.current is None:
        fix = "set 'release' (and 'releases') in the procedures plugin options"
        return _stop("there are no releases to build editions of", [fix], site)
    with tempfile.TemporaryDirectory(prefix="procedures-editions-") as work:
        planned = plan_editions(plan.releases, repo, reason)
        editions = [_export(repo, edition, Path(work), config_file.name) for edition in planned]
        current = Path(work) / "current.json"
        current.write_text(BuildContext(editions=tuple(editions)).to_json(), encoding="utf-8")
        folder = posixpath.splitext(project.settings.editions.path)[0]
        context = _edition_context(project, plan, folder)
        return build(
            config_file, site, strict=strict, env={**os.environ, CONTEXT_VARIABLE: str(current)},
            then=lambda built: _build_editions(editions, context, Path(work), built, config_file.name),
        )


def _stop(reason: str, problems: list[str], site: Path) -> int:
    print(f"procedures build: {reason}, so {site.name}/ was left as it was:", file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
    return 1


def _export(repo: git.Repository, edition: ReleaseEdition, work: Path, config_name: str) -> ReleaseEdition:
    """The edition's files from git, in ``work/<slug>``; or the edition, marked not available."""
    if not edition.available:
        return edition
    tree = work / edition.slug
    try:
        git.export(repo, edition.commit, tree)
    except git.GitError:  # the project's folder is not in that commit (the manual moved into it later)
        where = f"the folder {repo.prefix.rstrip('/')}/" if repo.prefix else "the repository"
        reason = f"the manual was not yet in {where} at commit {edition.commit[:7]} ({edition.commit_date})"
        return dataclasses.replace(edition, reason=reason)
    try:
        load_project(tree, config_name)
    except ProjectError as error:
        reason = f"the manual's {config_name} at commit {edition.commit[:7]} cannot be used: {error.detail}"
        return dataclasses.replace(edition, reason=reason)
    return edition


def _edition_context(project: Project, plan: SitePlan, folder: str) -> BuildContext:
    """What every edition's build needs to know of today's site: where each page is now."""
    current = {uri: plan.url(uri) for uri in plan.pages if uri not in plan.history.pages}
    for earlier, page in plan.history.renamed().items():  # a page moved since: where it is now
        current.setdefault(earlier, plan.url(page))
    withdrawn = {uri: plan.url(history_uri(uri)) for uri in plan.history.withdrawn if history_uri(uri) in plan.pages}
    editions_page = project.settings.editions.path
    return BuildContext(
        folder=f"{folder}/", current=current, withdrawn=withdrawn,
        editions_url=plan.url(editions_page) if editions_page in plan.pages else None,
        site_url=project.site_url,
    )


def _build_editions(editions: list[ReleaseEdition], shared: BuildContext, work: Path, built: Path, config_name: str) -> int:
    """Build each available edition into ``built/<folder>/<slug>``; 0 when all were built."""
    for edition in editions:
        if not edition.available:
            print(f"procedures build: edition '{edition.name}' is not available: {edition.reason}", file=sys.stderr)
            continue
        folder = f"{shared.folder}{edition.slug}/"
        site_url = shared.site_url.rstrip("/") + "/" + folder if shared.site_url else None
        context = dataclasses.replace(shared, edition=edition, folder=folder, site_url=site_url)
        spec = work / f"{edition.slug}.json"
        spec.write_text(context.to_json(), encoding="utf-8")
        tree = work / edition.slug
        command = [
            sys.executable, "-m", "mkdocs", "build", "--config-file", str(tree / config_name),
            "--site-dir", str(built / folder),
        ]
        done = subprocess.run(command, env={**os.environ, CONTEXT_VARIABLE: str(spec)}, capture_output=True, text=True)
        warnings = [line for line in done.stderr.splitlines() if line.startswith("WARNING")]
        if done.returncode != 0:
            print(done.stdout + done.stderr, file=sys.stderr)
            print(
                f"procedures build: edition '{edition.name}' (commit {edition.commit[:7]} of {edition.commit_date}) could not be "
                "built; see the messages above", file=sys.stderr,
            )
            return done.returncode
        for line in warnings:
            print(f"  {line}", file=sys.stderr)
        print(
            f"procedures build: edition '{edition.name}' built from commit {edition.commit[:7]} of {edition.commit_date}"
            + (f", with {len(warnings)} warning(s) that a release of today would have to fix" if warnings else ""),
            file=sys.stderr,
        )
    return 0
