"""``procedures digest``: the release digest of the site the plan describes, written atomically.

The digest itself (content, HTML, text) is in ``generator/amendments/digest.py``; this module takes
what it needs from the site plan (the versioned pages on the website, their numbers and addresses,
the amendments page and feed) and writes the two files.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..amendments import site as amendments
from ..amendments.digest import Digest, DigestError, digest_html, digest_text, file_stem, make_digest, release_group
from ..amendments.grouping import group_by_release
from .plan import SitePlan


@dataclass(frozen=True)
class Written:
    digest: Digest
    paths: tuple[Path, ...]


def plan_digest(plan: SitePlan, release: str | None, *, site_url: str | None = None) -> Digest:
    """The digest of ``release`` (default: the current one). Raises ``DigestError``."""
    project, settings = plan.project, plan.project.settings
    errors = plan.problems.errors
    if errors:
        raise DigestError(
            f"the manual has {len(errors)} error{'s' if len(errors) != 1 else ''}, so its website cannot be built: "
            "run 'procedures check', fix them, then make the digest"
        )
    address = (site_url or project.site_url or "").strip()
    if not address.startswith(("https://", "http://")):
        shown = f"'{address}' is not a web address" if address else "site_url is not set"
        raise DigestError(
            f"{project.config_file.name}: {shown}, and an email needs each page's full address: "
            "set site_url: https://your-procedures-site/ in mkdocs.yml, or give --site-url"
        )
    docs = amendments.documents(
        plan.manual, project.root, project.today, lambda uri: uri in plan.pages,
        flowcharts=settings.flowcharts.folder.strip("/") if settings.flowcharts.enabled else None,
    )
    group = release_group(group_by_release(docs, plan.releases), plan.releases, release)
    page = settings.amendments.path if settings.amendments.enabled and settings.amendments.path in plan.pages else None
    feed = settings.amendments.feed.strip("/")
    return make_digest(
        group, site_name=project.site_name, site_url=address, date_format=settings.date_format, numbers=plan.numbers,
        url_for=lambda uri: plan.url(uri) if uri in plan.pages else None,
        amendments_url=plan.url(page) if page else None, feed_url=feed if page and feed in plan.files else None,
        colour=settings.primary_colour,
    )


def write_digest(plan: SitePlan, release: str | None, folder: Path, *, site_url: str | None = None) -> Written:
    """Write ``digest-<release>.html`` and ``.txt`` into ``folder``: each whole or not at all."""
    digest = plan_digest(plan, release, site_url=site_url)
    folder.mkdir(parents=True, exist_ok=True)
    stem = file_stem(digest.release)
    paths = []
    for suffix, text in ((".html", digest_html(digest)), (".txt", digest_text(digest))):
        path = folder / f"{stem}{suffix}"
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{stem}-", suffix=suffix)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        paths.append(path)
    return Written(digest, tuple(paths))
