"""Publishing: what CI and ``make`` run to put a checked site in place.

* ``build``: the atomic ``procedures build`` (``make site``): build aside with ``--strict``, check
  the result, then swap it into place, so a failed build never replaces the published site;
* ``linkcheck``: ``procedures linkcheck`` (``make linkcheck``): serve the built site on 127.0.0.1
  and check every link with LinkChecker;
* ``anchors``: the ``#anchor`` half of the link check, read from the built pages.
"""
