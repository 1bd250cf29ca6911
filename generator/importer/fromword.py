"""Read a Word document (``.docx``) into an ``ImportedDocument``.

Mammoth turns the document's styles into plain, semantic HTML (Heading 1 is ``<h1>``, a Word list
is ``<ul>`` or ``<ol>``, nested by its level; bold, italics, tables, hyperlinks, footnotes and
endnotes are kept), which the HTML reader then reads like any saved page. Added to that:

* the ``Title`` style is the title, as ``Heading 1`` would be;
* pictures are not copied: each is reported, with its description (alt text) kept as text;
* a "Last updated ... / v7" stamp is looked for in the text, then in the headers and footers
  (which Mammoth leaves out), where Word documents often carry it;
* tracked changes are read as if they had all been accepted (Mammoth keeps inserted text and
  leaves deleted text out), and comments are left out: both are reported, so that the officer
  checks the wording with the page's owner;
* a damaged file, a password-protected one, an old ``.doc`` under a ``.docx`` name and an empty
  document each get a message that says what to do.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any
from xml.etree import ElementTree

import mammoth

from ..output import count
from .document import ImportedDocument, Note, forget_source_lines
from . import textrules
from .fromhtml import read_html

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old Office file, or an encrypted new one
STYLE_MAP = "p[style-name='Title'] => h1:fresh\np[style-name='Subtitle'] => p:fresh"
DAMAGED = (
    "the Word document cannot be read: it is damaged, or it is not a Word document. Open it in Word; if it "
    "opens, save it again as .docx and import the new file"
)


class WordPageError(Exception):
    """The document cannot be imported; the message says why and what to do."""


def read_docx(data: bytes, source: str) -> ImportedDocument:
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise WordPageError(
                "the Word document is protected with a password: open it in Word, remove the password "
                "(File > Info > Protect Document > Encrypt with Password, and clear it), save it, and import it again"
            )
        raise WordPageError(
            "this is an old Word document (.doc) with a .docx name: open it in Word and save it as a Word "
            "document (.docx), then import the new file"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise WordPageError(DAMAGED) from None
    if "word/document.xml" not in names:
        raise WordPageError(DAMAGED)
    pictures: list[int] = []

    def picture(image: Any) -> dict[str, str]:  # a mammoth.documents.Image (mammoth has no type hints)
        pictures.append(1)
        kind = (image.content_type or "").partition("/")[2] or "unknown type"
        return {"src": f"picture {len(pictures)} of the document ({kind})"}

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data), style_map=STYLE_MAP, convert_image=mammoth.images.img_element(picture),
        )
        changes, comments = _revisions(archive, names)
        stamp_lines = _header_and_footer_lines(archive, names)
    except Exception:  # noqa: BLE001 - Mammoth and the XML parser raise many kinds of error on a damaged file
        raise WordPageError(DAMAGED) from None
    doc = read_html(result.value, source)
    forget_source_lines(doc)
    if not doc.blocks:
        raise WordPageError(
            "the Word document has a title but no text under it" if doc.title else "the Word document is empty"
        )
    if doc.last_updated is None and doc.version is None:
        _stamp_from(stamp_lines, doc)
    if changes:
        doc.notes.append(Note(
            "tracked-changes",
            f"the document has {count(changes, 'tracked change')} not yet accepted or rejected: the page shows the "
            "text as if every change had been accepted (insertions kept, deletions left out); check the wording "
            "with the page's owner",
        ))
    if comments:
        doc.notes.append(Note(
            "comments",
            f"the document has {count(comments, 'comment')} from reviewers: comments are not imported; read "
            "them in Word and make any change they ask for",
        ))
    return doc


def _revisions(archive: zipfile.ZipFile, names: set[str]) -> tuple[int, int]:
    """The number of tracked changes in the text, and of comments."""
    changes = sum(
        1 for _, element in ElementTree.iterparse(archive.open("word/document.xml"))
        if element.tag in (f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo")
    )
    comments = 0
    if "word/comments.xml" in names:
        comments = sum(
            1 for _, element in ElementTree.iterparse(archive.open("word/comments.xml")) if element.tag == f"{W}comment"
        )
    return changes, comments


def _stamp_from(lines: list[str], doc: ImportedDocument) -> None:
    """The stamp in a header or footer, anywhere in its line ("Version 5 | Last updated 14/04/2023")."""
    for index, line in enumerate(lines):
        found, version, _ = textrules.read_stamp(line)
        if found is None:
            continue
        if version is None and index + 1 < len(lines):
            version = textrules.version_only(lines[index + 1])
        if found.date is None:
            doc.notes.append(
                Note("date", f"the stamp date '{found.text}' in the header or footer is not a real date: {found.error}")
            )
        doc.last_updated, doc.version = found.date, version
        doc.notes.append(Note("date", "'last_updated' and 'version' were taken from the document's header or footer"))
        return


def _header_and_footer_lines(archive: zipfile.ZipFile, names: set[str]) -> list[str]:
    """The text of the document's headers and footers, a line per paragraph."""
    lines: list[str] = []
    for name in sorted(n for n in names if n.startswith(("word/header", "word/footer")) and n.endswith(".xml")):
        root = ElementTree.parse(archive.open(name)).getroot()
        for paragraph in root.iter(f"{W}p"):
            text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
            if text.strip():
                lines.append(text)
    return lines

