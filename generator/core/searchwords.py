"""The words of the search index, for the search box's near spellings (theme/assets/procedures/manual.js).

Material's search finds the words that start with what the reader typed. A reader in a hurry
types "neglet", "safegaurding" or "radicalization", which start no word in the manual, and finds
nothing. The theme's script then asks the search for words one letter away (lunr's ``~1``), but
only for such a word of five letters or more: a word that starts some word of the manual is
searched as typed, so exact matches are never pushed down by near ones, and a short word, where
one letter away is almost any word, is never changed.

To know which words start a word of the manual, the script loads this list: every word of five
letters or more in the index, split as Material splits it (at its ``separator``, after the HTML
tags are taken out), lower-cased, and cut at the first character that is not a letter
("children's" is "children"). Sorted, so that the script can look a word up by bisection.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

MIN_LETTERS = 5
_TAG = re.compile(r"<[^>]*>")
# The leading letters of a word (each word follows a \x00), when there are MIN_LETTERS or more.
_WORD_START = re.compile(r"\x00([^\W\d_]{%d,})" % MIN_LETTERS)
_DEFAULT_SEPARATOR = r"[\s\-]+"  # Material's own for English


def words(entries: Iterable[dict[str, Any]], separator: str = _DEFAULT_SEPARATOR) -> list[str]:
    """The sorted words of ``MIN_LETTERS`` letters or more in Material's search entries."""
    try:
        split = re.compile(separator or _DEFAULT_SEPARATOR)
    except re.error:  # a separator only JavaScript understands: near enough
        split = re.compile(_DEFAULT_SEPARATOR)
    found: set[str] = set()
    for entry in entries:
        for text in [entry.get("title"), entry.get("text"), *(entry.get("tags") or [])]:
            if isinstance(text, str):
                # One pass of each pattern over the text (a large manual's index is megabytes).
                found.update(_WORD_START.findall("\x00" + split.sub("\x00", _TAG.sub("\x00", text))))
    return sorted({word.lower() for word in found})
