"""Material's search index, completed before its plugin writes it (part of the MkDocs adapter).

The glossary's terms go into the entries (see ``glossary/search.py``), and the index's words are
written beside ``manual.js`` for the search box's near spellings (``core/searchwords.py``). The
entries are Material's search plugin's own, still in memory: reading back and rewriting the
written index instead doubled the build's peak memory on large manuals.
"""

from __future__ import annotations

import json
import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import write_file

from ..core.searchwords import words as search_words
from ..glossary.model import Glossary
from ..glossary.search import add_glossary

SEARCH_WORDS = "assets/procedures/search-words.json"  # beside manual.js, which loads it


def complete_index(
    config: MkDocsConfig, glossary: Glossary | None, glossary_url: str, forms_by_url: dict[str, list[str]],
) -> None:
    """Add the glossary to Material's search entries and write the index's words, if the site has
    Material's search."""
    index = _search_index(config)
    if index is None:
        return
    if glossary is not None:
        add_glossary(index.entries, glossary, page_url=glossary_url, forms_by_url=forms_by_url)
    # Under `serve --dirty` the entries are those of the pages rebuilt: a shorter list only
    # means that some words are also tried one letter away.
    separator = (getattr(index, "config", None) or {}).get("separator") or ""
    words = json.dumps(search_words(index.entries, separator), ensure_ascii=False, separators=(",", ":"))
    write_file(words.encode("utf-8"), os.path.join(config.site_dir, SEARCH_WORDS))


def _search_index(config: MkDocsConfig) -> Any:
    """Material's search index (``entries``, ``config``), before its plugin writes it."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list):
            return index
    return None
