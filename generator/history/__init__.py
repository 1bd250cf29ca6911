"""Every version kept: each page's history, its superseded versions, redlines, and editions.

Plain Python, no MkDocs (the plugin in ``generator/plugin.py`` only hands the results over):

* ``git``       what the repository holds, read with the ``git`` command;
* ``versions``  each procedure's and flowchart's versions, from ``changes`` and git, followed
                across renames; withdrawn (deleted) pages;
* ``redline``   what changed between two versions, word by word, as ``<del>`` and ``<ins>``;
* ``links``     links in an old text, pointed at the current site;
* ``site``      the history pages the site plan adds, and their views;
* ``editions``  the manual as it stood at each release: which commit, the Editions page;
* ``extension`` the Python-Markdown extension that draws redlines and mends old links.

Nothing here is imported by this package's ``__init__``, so that ``amendments.guard`` can use
``history.git`` without a cycle.
"""
