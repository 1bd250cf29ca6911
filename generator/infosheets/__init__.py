"""Info-sheets: pages in ``docs_dir/info-sheets/`` that gather everything on a few topics.

* ``model``: a sheet's front matter (``INFO_SHEET_FIELDS``), its ``topics`` and ``resources``,
  and finding and loading the sheets of a manual.

The lists a sheet shows ("In this manual") are computed with the Topics page, in
``generator.topics.views``. Plain Python, no MkDocs.
"""

from .model import INFO_SHEET_FIELDS, InfoSheet, Resource, check_url, discover_sheets, load_info_sheets

__all__ = ["INFO_SHEET_FIELDS", "InfoSheet", "Resource", "check_url", "discover_sheets", "load_info_sheets"]
