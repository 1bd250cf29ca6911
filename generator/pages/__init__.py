"""Generated pages (contents, and the pages features add), rendered from the sources.

Each page is Markdown produced by a Jinja template in ``templates/``: Python computes the rows,
the template lays them out, and the ``md`` filter escapes every value taken from the sources.
MkDocs then renders, searches and link-checks the result like any other page.
"""
