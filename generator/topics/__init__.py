"""Topics: finding everything on one subject, and the lists generated for it.

* ``model``: the controlled topic list (``topics.yml``) and the keyword checks;
* ``sources``: reading the topic list, the info-sheets and the pages' ``related`` entries, and
  checking them;
* ``views``: the info-sheets' generated lists, the Topics page and each page's boxes.

The info-sheets themselves are in ``generator.infosheets`` and the links between pages in
``generator.links``. Nothing is re-exported here: ``infosheets`` needs ``topics.model`` while
``sources`` and ``views`` need ``infosheets``, so callers import the module they use. Plain
Python: the site plan (``generator/site``) calls it, for the build and ``procedures check``.
"""
