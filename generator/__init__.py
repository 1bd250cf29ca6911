"""procedures-manual: turn a safeguarding partnership's procedures manual into a website.

The core (``generator.core`` and the feature packages) is plain Python and knows nothing of
MkDocs; ``generator.plugin`` is the thin MkDocs adapter and ``generator.cli`` the command line.
"""

__version__ = "0.1.0"
