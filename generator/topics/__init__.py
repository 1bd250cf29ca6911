"""Topics, info-sheets and links between pages: finding everything on one subject.

* ``model``: the controlled topic list (``topics.yml``) and keyword checks;
* ``sheets``: info-sheets' front matter (``INFO_SHEET_FIELDS``) and resources;
* ``links``: links read from the Markdown sources, for "Referred to by";
* ``sources``: reading and checking all of it (shared by the plugin and ``procedures check``);
* ``views``: the sheets' generated lists, the Topics page and each page's boxes.

Plain Python: the MkDocs adapter in ``generator/plugin.py`` calls it.
"""

from .links import LinkCache, ScannedPage
from .model import Topic, TopicList, check_item_keywords, check_keywords, load_topic_list
from .sheets import INFO_SHEET_FIELDS, InfoSheet, Resource
from .sources import Settings, TopicSources, discover_docs_pages, load_sources
from .views import Entry, IndexPage, Target, Views, build_views, keyword_entries

__all__ = [
    "Entry", "INFO_SHEET_FIELDS", "IndexPage", "InfoSheet", "LinkCache", "Resource", "ScannedPage", "Settings",
    "Target", "Topic", "TopicList", "TopicSources", "Views", "build_views",
    "keyword_entries", "check_item_keywords",
    "check_keywords", "discover_docs_pages",
    "load_sources", "load_topic_list",
]
