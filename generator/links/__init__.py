"""Links written in the Markdown sources: read before anything is rendered, and checked.

* ``scanner``: the one reader of Markdown links, which finds them where Python-Markdown does;
  everything here, the glossary and its definitions read links with it, so they all agree;
* ``graph``: every page's links to other pages, resolved as MkDocs resolves them, for the
  "Referred to by" boxes (and each page's title, as MkDocs finds it);
* ``internal``: links to missing pages or ``#anchors``, named by the file and line of the source;
* ``placeholders``: ``[text](#)``, ``[text]()`` and links without text, left by Word conversions.

Plain Python, no MkDocs: the site plan (``generator/site``) runs them for the build and for
``procedures check`` alike.
"""
