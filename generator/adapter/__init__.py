"""The MkDocs adapter's parts: ``generator/plugin.py`` coordinates MkDocs' events with the site
plan, and these modules cross between MkDocs' objects and the plan's neutral data (the navigation,
the search index) or tell the Markdown extensions which page is being rendered. Nothing here
decides what the site holds: the plan does."""
