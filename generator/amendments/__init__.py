"""Amendments and releases: every change traceable.

Plain Python, no MkDocs (the plugin in ``generator/plugin.py`` only wires these in):

* ``releases``     the manual's current and earlier releases, from the plugin options;
* ``history``      the versioned documents (procedures and flowcharts) and their ``changes``;
* ``grouping``     changes grouped by release: new, changed and archived pages;
* ``page``, ``feed`` the generated amendments page (Markdown) and its Atom feed (XML);
* ``site``         what the site plan takes from this package, as plain data;
* ``guard``        the version-bump guard of ``procedures check --base`` (compares with git);
"""
