"""Amendments, releases and publishing: every change traceable.

Plain Python, no MkDocs (the plugin in ``generator/plugin.py`` only wires these in):

* ``releases``     the manual's current and earlier releases, from the plugin options;
* ``history``      the versioned documents (procedures and flowcharts) and their ``changes``;
* ``grouping``     changes grouped by release: new, changed and archived pages;
* ``page``, ``feed`` the generated amendments page (Markdown) and its Atom feed (XML);
* ``site``         what the site plan takes from this package, as plain data;
* ``guard``        the version-bump guard of ``procedures check --base`` (compares with git);
* ``sitebuild``    the atomic ``make site``: build aside, check, then swap into place;
* ``linkcheck``    ``make linkcheck``: serve the built site locally and run LinkChecker;
* ``anchors``      the ``#anchor`` half of ``make linkcheck``, read from the built pages.
"""
