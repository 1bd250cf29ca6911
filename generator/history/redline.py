"""What changed between two versions of a text, word by word, as ``<del>`` and ``<ins>``.

Both versions arrive as element trees (Python-Markdown's, after its inline processing): a
sequence of blocks (paragraphs, headings, lists, tables, admonitions). The blocks are matched
with ``difflib``; a block that changed is compared again inside (a list item by item, a table
row by row, cell by cell) down to the paragraphs, whose words are compared keeping their
formatting (a word in bold stays bold, a changed link is shown deleted and inserted).

Everything is built as elements, never as HTML text, so the old text cannot inject markup. Each
deletion and insertion carries words for screen readers ("deleted:", "end of deletion"), as
most do not announce ``<del>`` and ``<ins>``; the eye sees them struck through and underlined,
not only in colour (``manual.css``).
"""

from __future__ import annotations

import copy
import difflib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Callable, Sequence

DEL, INS = "del", "ins"
_SPOKEN = {DEL: ("deleted: ", " (end of deletion)"), INS: ("inserted: ", " (end of insertion)")}
HIDDEN = "pm-sr"  # the class of the words only screen readers hear

# Blocks whose children are blocks: compared child by child.
_CONTAINERS = {
    "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "blockquote", "div", "figure", "details", "section", "nav",
}
# Containers whose children may not be wrapped in <del>/<ins> (a list's items, a table's rows).
_STRUCTURAL = {"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr"}
_BLOCKS = _CONTAINERS | {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "pre", "hr", "figcaption", "summary",
}
_VOID = {"hr", "br", "img", "input", "wbr"}
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
_WORDS = re.compile(r"\s+|\w+\s*|[^\w\s]+\s*")  # words and punctuation, each with the space after it
_MAX_PAIRS = 400  # blocks compared pairwise within one changed stretch, beyond which they are not paired


@dataclass(frozen=True)
class Stash:
    """How the texts' placeholders read: Python-Markdown keeps raw HTML and code blocks aside,
    with a placeholder in the tree; comparing two placeholders compares what they stand for."""

    resolve: Callable[[str], str] = lambda text: text
    only_placeholder: Callable[[str], bool] = lambda text: False


@dataclass(frozen=True)
class ChangedBlock:
    """A changed block at the top level, for the list of changes: its element id and the
    heading it comes under."""

    id: str
    heading: str


@dataclass
class Redline:
    blocks: list[ET.Element] = field(default_factory=list)
    changes: list[ChangedBlock] = field(default_factory=list)
    deleted_words: int = 0
    inserted_words: int = 0


def compare(
    old: Sequence[ET.Element], new: Sequence[ET.Element], stash: Stash = Stash(), id_prefix: str = "pm-change",
) -> Redline:
    """The redline of two sequences of blocks: the new text, with what was deleted and inserted marked."""
    result = Redline()
    _Differ(stash, result, id_prefix).blocks(list(old), list(new), result.blocks, top=True)
    return result


# --------------------------------------------------------------------------- blocks


class _Differ:
    def __init__(self, stash: Stash, result: Redline, id_prefix: str) -> None:
        self.stash = stash
        self.result = result
        self.id_prefix = id_prefix
        self.heading = ""

    def blocks(self, old: list[ET.Element], new: list[ET.Element], out: list[ET.Element], *, top: bool = False) -> None:
        matcher = difflib.SequenceMatcher(None, [self.key(e) for e in old], [self.key(e) for e in new], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                for element in new[j1:j2]:
                    self.seen(element, top)
                    out.append(_copy(element))
                continue
            start, heading = len(out), self.heading
            self.pair(old[i1:i2], new[j1:j2], out)
            if top:
                for element in out[start:]:
                    if element.tag in _HEADINGS:
                        heading = " ".join(self.stash.resolve("".join(element.itertext())).split())
                    self.mark_change(element, heading)

    def pair(self, old: list[ET.Element], new: list[ET.Element], out: list[ET.Element]) -> None:
        """A changed stretch: the most alike pair of blocks is compared inside, and the blocks
        before and after it likewise; what cannot be paired is deleted, then inserted."""
        best, at = 0.4, None
        if len(old) == len(new) == 1 and old[0].tag == new[0].tag and self.comparable(old[0], new[0]):
            best, at = 1.0, (0, 0)  # one block changed into one of its kind: compare inside
        elif old and new and len(old) * len(new) <= _MAX_PAIRS:
            for i, a in enumerate(old):
                words_a = self.words(a)
                for j, b in enumerate(new):
                    if a.tag != b.tag or not self.comparable(a, b):
                        continue
                    matcher = difflib.SequenceMatcher(None, words_a, self.words(b), autojunk=False)
                    if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best and matcher.ratio() > best:
                        best, at = matcher.ratio(), (i, j)
        if at is None:
            out.extend(self.mark(element, DEL) for element in old)
            for element in new:
                self.seen(element, False)
                out.append(self.mark(element, INS))
            return
        i, j = at
        self.pair(old[:i], new[:j], out)
        out.append(self.merge(old[i], new[j]))
        self.pair(old[i + 1:], new[j + 1:], out)

    def merge(self, old: ET.Element, new: ET.Element) -> ET.Element:
        """Two versions of one block: compared block by block inside, or word by word."""
        self.seen(new, False)
        merged = ET.Element(new.tag, dict(new.attrib))
        if self.container(old) and self.container(new):
            children: list[ET.Element] = []
            self.blocks(list(old), list(new), children)
            merged.extend(children)
        else:
            _Words(self).merge(old, new, merged)
        merged.tail = new.tail
        return merged

    def mark(self, element: ET.Element, kind: str) -> ET.Element:
        """A whole block deleted or inserted: its text wrapped in ``<del>``/``<ins>`` where the
        block allows it (a list item by item, a table cell by cell), or the block itself."""
        words = len(" ".join(element.itertext()).split())
        if kind == DEL:
            self.result.deleted_words += words
        else:
            self.result.inserted_words += words
        if kind == DEL:
            element = _copy(element)
            for inner in element.iter():
                inner.attrib.pop("id", None)  # what was deleted is no place to link to, and its ids live on
        if element.tag in _VOID or self.placeholder(element):
            wrapper = _wrapper(kind, block=True)
            wrapper.insert(len(wrapper) - 1, _copy(element, tail=False))
            wrapper.tail = element.tail
            return wrapper
        marked = ET.Element(element.tag, dict(element.attrib))
        marked.tail = element.tail
        if element.tag in _STRUCTURAL:
            marked.text = element.text
            marked.extend(self.mark(child, kind) for child in element)
            return marked
        wrapper = _wrapper(kind)
        wrapper[0].tail = element.text
        for child in element:
            wrapper.insert(len(wrapper) - 1, _copy(child))
        marked.append(wrapper)
        return marked

    def mark_change(self, element: ET.Element, heading: str) -> None:
        """Give the first block of a change an id (keeping one it has), for the list of changes."""
        change_id = element.get("id") or f"{self.id_prefix}-{len(self.result.changes) + 1}"
        element.set("id", change_id)
        self.result.changes.append(ChangedBlock(change_id, heading))

    # -- what blocks are

    def seen(self, element: ET.Element, top: bool) -> None:
        """Keep the heading the next changes come under."""
        if element.tag in _HEADINGS:
            self.heading = " ".join(self.stash.resolve("".join(element.itertext())).split())

    def key(self, element: ET.Element) -> tuple[object, ...]:
        """What must be the same for two blocks to be the same: tags, attributes and words."""
        return tuple(
            (e.tag, tuple(sorted((k, v) for k, v in e.attrib.items() if k != "id")),
             _squeeze(self.stash.resolve(e.text or "")), _squeeze(self.stash.resolve(e.tail or "")) if e is not element else "")
            for e in element.iter()
        )

    def words(self, element: ET.Element) -> list[str]:
        return self.stash.resolve(" ".join(element.itertext())).split()

    def container(self, element: ET.Element) -> bool:
        return element.tag in _CONTAINERS or any(child.tag in _BLOCKS for child in element)

    def placeholder(self, element: ET.Element) -> bool:
        return element.tag == "p" and not len(element) and self.stash.only_placeholder((element.text or "").strip())

    def comparable(self, old: ET.Element, new: ET.Element) -> bool:
        """Whether two blocks of one tag can be compared inside (not raw HTML or code kept aside)."""
        return not (self.placeholder(old) or self.placeholder(new)) and self.container(old) == self.container(new)


# --------------------------------------------------------------------------- words


@dataclass(frozen=True)
class _Token:
    path: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # the inline elements around it
    text: str = ""
    atom: ET.Element | None = None  # an image or a line break


class _Words:
    """Two versions of a paragraph (a heading, a list item, a cell), compared word by word."""

    def __init__(self, differ: _Differ) -> None:
        self.differ = differ

    def merge(self, old: ET.Element, new: ET.Element, out: ET.Element) -> None:
        before, after = self.tokens(old), self.tokens(new)
        keys_before, keys_after = [self.key(t) for t in before], [self.key(t) for t in after]
        matcher = difflib.SequenceMatcher(None, keys_before, keys_after, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                _emit(out, after[j1:j2])
                continue
            if i2 > i1:
                self.run(out, before[i1:i2], DEL)
            if j2 > j1:
                self.run(out, after[j1:j2], INS)

    def run(self, out: ET.Element, tokens: list[_Token], kind: str) -> None:
        # Space alone is kept as it is: it is not worth a mark.
        if all(t.atom is None and not t.text.strip() for t in tokens):
            if kind == INS:
                _emit(out, tokens)
            return
        words = sum(len(t.text.split()) for t in tokens) + sum(1 for t in tokens if t.atom is not None)
        if kind == DEL:
            self.differ.result.deleted_words += words
        else:
            self.differ.result.inserted_words += words
        # Space before the first word and after the last stays outside the mark: marks sit on words.
        while tokens and tokens[0].atom is None and not tokens[0].text.strip():
            _emit(out, tokens[:1])
            tokens = tokens[1:]
        last = tokens[-1]
        trailing = last.text[len(last.text.rstrip()):] if last.atom is None else ""
        if trailing:
            tokens = [*tokens[:-1], _Token(last.path, last.text.rstrip())]
        wrapper = _wrapper(kind)
        end = wrapper[-1]
        wrapper.remove(end)
        _emit(wrapper, tokens)
        wrapper.append(end)
        wrapper.tail = trailing or None
        out.append(wrapper)

    def key(self, token: _Token) -> tuple[object, ...]:
        if token.atom is not None:
            return (token.path, token.atom.tag, tuple(sorted(token.atom.attrib.items())))
        return (token.path, self.differ.stash.resolve(token.text).strip())

    def tokens(self, element: ET.Element) -> list[_Token]:
        out: list[_Token] = []
        self._walk(element, (), out)
        return out

    def _walk(self, element: ET.Element, path: tuple[tuple[str, tuple[tuple[str, str], ...]], ...], out: list[_Token]) -> None:
        _words(element.text, path, out)
        for child in element:
            if child.tag in _VOID or child.tag.startswith("{"):  # an image, a line break, inline SVG
                out.append(_Token(path, atom=_copy(child, tail=False)))
            else:
                self._walk(child, path + ((child.tag, tuple(sorted(child.attrib.items()))),), out)
            _words(child.tail, path, out)


def _words(text: str | None, path: tuple[tuple[str, tuple[tuple[str, str], ...]], ...], out: list[_Token]) -> None:
    for match in _WORDS.finditer(text or ""):
        out.append(_Token(path, match.group(0)))


def _emit(parent: ET.Element, tokens: Sequence[_Token]) -> None:
    """Append ``tokens`` to ``parent``, opening and closing their inline elements as needed."""
    stack: list[tuple[ET.Element, tuple[tuple[str, tuple[tuple[str, str], ...]], ...]]] = [(parent, ())]
    for token in tokens:
        while token.path[:len(stack[-1][1])] != stack[-1][1]:
            stack.pop()
        element, path = stack[-1]
        for level in token.path[len(path):]:
            element = ET.SubElement(element, level[0], dict(level[1]))
            path = path + (level,)
            stack.append((element, path))
        if token.atom is not None:
            element.append(_copy(token.atom))
        else:
            _append_text(element, token.text)


# --------------------------------------------------------------------------- elements


def _wrapper(kind: str, *, block: bool = False) -> ET.Element:
    """``<del>`` or ``<ins>`` with the words screen readers say at its start and end."""
    wrapper = ET.Element(kind, {"class": f"pm-{kind}" + (f" pm-{kind}--block" if block else "")})
    start, end = _SPOKEN[kind]
    ET.SubElement(wrapper, "span", {"class": HIDDEN}).text = start
    ET.SubElement(wrapper, "span", {"class": HIDDEN}).text = end
    return wrapper


def _append_text(element: ET.Element, text: str) -> None:
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _copy(element: ET.Element, *, tail: bool = True) -> ET.Element:
    copied = copy.deepcopy(element)
    if not tail:
        copied.tail = None
    return copied


def _squeeze(text: str) -> str:
    return " ".join(text.split())
