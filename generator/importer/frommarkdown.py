"""Read a page saved as Markdown (``.md``, as Word converters and other manuals write it).

Markdown in, Markdown out: links, lists, tables, headings, emphasis and footnotes are kept.
The page is rendered with Python-Markdown, the engine the site itself uses, and the HTML is read
by the HTML reader; so the new page shows what the old one showed, and the old page's text is
escaped on the way out like any other import (raw HTML in it is read as content, never copied).

* Front matter, if the page has some, is merged: ``title``, ``version``, ``last_updated`` and the
  other fields our pages use are kept (comments in it are not); fields of other tools are left
  out and reported.
* A leading ``# Title`` (or a title underlined with ``===``) becomes the title, unless the front
  matter has one.
* Links and images are reported with their line in the ``.md`` file, found by looking for their
  address in the source, in order.
"""

from __future__ import annotations

import re
from typing import Any

import markdown

from ..core import frontmatter, schema, yamlsource
from .document import Image, ImportedDocument, Link, Note, everything, forget_source_lines
from .fromhtml import read_html

EXTENSIONS = ["tables", "fenced_code", "def_list", "attr_list", "footnotes", "sane_lists"]
KEPT_FIELDS = tuple(f.name for f in frontmatter.PROCEDURE_FIELDS)
_ATX_TITLE = re.compile(r"^#(?!#)\s*(?P<text>.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^=+\s*$")


class MarkdownPageError(Exception):
    """The page cannot be imported as it is; the message says why and what to do."""


def read_markdown(text: str, source: str) -> ImportedDocument:
    meta, body, body_line = _split(text)
    lines = body.splitlines()
    title_text, skip = _leading_title(lines)
    fm_title = meta.get("title")
    doc: ImportedDocument
    if title_text is not None and not (isinstance(fm_title, str) and fm_title.strip()):
        # The leading heading is the title; the HTML reader takes it (and any chapter number) from <h1>.
        heading = read_html(render_markdown("# " + title_text), source)
        doc = read_html(render_markdown("\n".join(lines[skip:])), source, find_title=False)
        doc.title, doc.notes = heading.title, heading.notes + doc.notes
    else:
        if title_text is not None and " ".join(title_text.split()).casefold() == " ".join(str(fm_title).split()).casefold():
            lines = lines[skip:]  # the heading repeats the front matter's title
        doc = read_html(render_markdown("\n".join(lines)), source, find_title=False)
    _source_lines(doc, text)
    _merge_front_matter(doc, meta)
    return doc


def render_markdown(text: str) -> str:
    """HTML from Markdown, as the site's own engine renders it (with the extensions converters use)."""
    return markdown.markdown(text, extensions=EXTENSIONS, output_format="html")


def _split(text: str) -> tuple[dict[str, Any], str, int]:
    """The page's front matter (empty when it has none), its body and the body's first line."""
    if text.lstrip("\ufeff").splitlines()[:1] != ["---"]:
        return {}, text, 1
    try:
        parts = frontmatter.split(text.lstrip("\ufeff"))
        data = yamlsource.load(parts.yaml_text, line_offset=1)
    except frontmatter.SplitError as error:
        raise MarkdownPageError(f"line {error.line}: {error.message}") from None
    except yamlsource.YamlError as error:
        raise MarkdownPageError(
            f"line {error.line}: in its front matter, {error.described}: correct it, or remove the front matter, "
            "and import the page again"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise MarkdownPageError(
            "line 2: its front matter is not a block of fields such as 'title: Neglect': correct it, or remove it, "
            "and import the page again"
        )
    return data, parts.body, parts.body_line


def _leading_title(lines: list[str]) -> tuple[str | None, int]:
    """The text of a leading ``# Title`` (or ``Title`` over ``===``), and the lines it takes."""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _ATX_TITLE.match(line)
        if match and line.startswith("#") and match.group("text"):
            return match.group("text"), index + 1
        if index + 1 < len(lines) and _SETEXT.match(lines[index + 1]) and not line.startswith((" " * 4, "\t")):
            return line.strip(), index + 2
        return None, 0
    return None, 0


def _merge_front_matter(doc: ImportedDocument, meta: dict[str, Any]) -> None:
    """The page's own front matter wins over what was read from its text; fields our pages do not
    have are reported and left out."""
    lines = getattr(meta, "lines", {})
    for key, value in meta.items():
        name = str(key)
        line = lines.get(key, 0)
        if name not in KEPT_FIELDS:
            doc.notes.append(Note(
                "front-matter",
                f"the front matter field '{name}' is not one this manual's pages have, and was left out "
                f"(it was {_shown(value)})",
                line,
            ))
            continue
        if name in ("title", "version", "last_updated", "summary"):
            check = {"title": schema.text, "summary": schema.text,
                     "version": schema.whole_number, "last_updated": schema.date}[name]
            clean, message = check(value, name)
            if message:
                doc.notes.append(Note("front-matter", f"the front matter's {message}: it was left out", line))
                continue
            if name == "title":
                doc.title = " ".join(str(clean).split())
            elif name == "summary":
                doc.summary = str(clean)
            elif name == "version":
                doc.version = clean
            else:
                doc.last_updated = clean
            continue
        doc.front_matter[name] = _plain(value)


def _plain(value: Any) -> Any:
    """YAML values as plain Python, ready to be written again."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    parsed = frontmatter.parse_iso_date(value) if isinstance(value, str) else None
    return parsed if parsed is not None else value


def _shown(value: Any) -> str:
    text = " ".join(str(_plain(value)).split())
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


# ----------------------------------------------------------------------------- source lines


def _source_lines(doc: ImportedDocument, text: str) -> None:
    """Lines of the ``.md`` file for links and images; the rest of the page has none (the lines
    the HTML reader saw were those of the rendered HTML)."""
    forget_source_lines(doc)
    position = 0
    for item in everything(doc):
        if not isinstance(item, (Link, Image)):
            continue
        address = item.href if isinstance(item, Link) else item.src
        needles = (f"]({address})", f"]({address} ", f"<{address}>", f"]({address}") if address else ("]()", "]( )")
        for needle in needles:
            found = text.find(needle, position)
            if found >= 0:
                item.source_line = text.count("\n", 0, found) + 1
                position = found + 1
                break
