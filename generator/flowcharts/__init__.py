"""Flowcharts: YAML sources in ``flowcharts/`` drawn as SVG diagrams with a text version.

* ``model``: load and validate ``flowcharts/<name>.yml`` (every mistake as ``file:line``);
* ``layout``: a small layered (Sugiyama-style) top-down layout, with no system binary;
* ``svg``: the diagram, built with ElementTree (real ``<text>``, ``<title>``, ``<desc>``);
* ``text``: the text version, an ordered list of steps in semantic HTML;
* ``extension``: the Python-Markdown extension for a ``!flowchart <name>`` line;
* ``pages``: the generated page of each flowchart and its rows on the contents page;
* ``links``: what flowcharts link to, for the "Referred to by" boxes.

Nothing here imports MkDocs; ``generator/plugin.py`` adapts it.
"""

from .model import Branch, Flowchart, Library, Step, check_embeds, check_page_links, load_library

__all__ = ["Branch", "Flowchart", "Library", "Step", "check_embeds", "check_page_links", "load_library"]
