"""The glossary: glossary.yml, its checks, automatic term links with tooltips, the glossary page.

Plain Python and Python-Markdown; the MkDocs adapter in generator/plugin.py only wires it in.
"""

from .linker import GlossaryExtension, LinkContext
from .matcher import Matcher
from .model import Glossary, Term, load_glossary
from .usage import acronym_warnings, scan_usage, unused_warnings

__all__ = [
    "Glossary", "GlossaryExtension", "LinkContext", "Matcher", "Term",
    "acronym_warnings", "load_glossary", "scan_usage", "unused_warnings",
]
