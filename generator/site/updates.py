"""The data behind readers' "updated since you last looked" marks: ``versions.json``.

A reader who turns the marks on keeps, in their browser's local storage only, the version of each
page they have seen; manual.js compares it with this file, fetched from the same site only then.
Each published page with a version is listed by its address from the site's root, with its
version and where its latest change is described (``what_changed``, from the amendments package).
"""

from __future__ import annotations

import json
from typing import Mapping

from .views import PageView


def versions_file(views: Mapping[str, PageView], urls: Mapping[str, str], what_changed: Mapping[str, str]) -> str:
    """``{"pages": {"statutory/referrals/": {"v": 14, "changed": "amendments/#change-..."}}}``."""
    pages: dict[str, dict[str, object]] = {}
    for uri, view in views.items():
        if view.version is None or view.status != "published":
            continue
        entry: dict[str, object] = {"v": view.version}
        if what_changed.get(uri):
            entry["changed"] = what_changed[uri]
        pages[urls[uri]] = entry
    return json.dumps({"pages": pages}, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
