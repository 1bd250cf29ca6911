"""A Python-Markdown block processor for a directive on a line of its own: ``!flowchart name``
(generator/flowcharts/extension.py), ``!contact key`` (generator/contacts/extension.py).

The line may sit anywhere in a block: the text before it and after it are parsed as usual, so a
directive needs no blank line around it, and works inside admonitions and list items (whose
content Python-Markdown parses again, dedented). A fenced code block that no fenced-code
extension took is left alone. A line whose directive names nothing is shown as written, in a
paragraph; the extension records it, for the adapter or the plan to report.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown.blockprocessors import BlockProcessor
from markdown.util import AtomicString

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")


class LineDirectiveProcessor(BlockProcessor):
    """Subclasses set ``pattern`` (matched against each line) and give ``element``."""

    pattern: re.Pattern[str]

    def element(self, match: re.Match[str]) -> ET.Element | None:
        """What the directive becomes; ``None`` when it names nothing."""
        raise NotImplementedError

    def test(self, parent: ET.Element, block: str) -> bool:
        if _FENCE.match(block):
            return False
        return any(self.pattern.match(line) for line in block.split("\n"))

    def run(self, parent: ET.Element, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        index, match = next((i, m) for i, line in enumerate(lines) if (m := self.pattern.match(line)))
        before, after = "\n".join(lines[:index]), "\n".join(lines[index + 1:])
        if before.strip():
            self.parser.parseBlocks(parent, [before])
        element = self.element(match)
        if element is None:
            ET.SubElement(parent, "p").text = AtomicString(lines[index])
        else:
            parent.append(element)
        if after.strip():
            blocks.insert(0, after)
