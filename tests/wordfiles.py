"""Word documents (.docx) for the import tests, built in code with python-docx: nothing binary is
committed, and each test shows the document it reads.

python-docx writes what Word writes for headings, runs, tables, pictures, comments and headers and
footers. For what it has no call for (multi-level lists, hyperlinks, footnotes, tracked changes)
this module adds the same XML Word would.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

BULLETS, NUMBERS = 91, 92  # the numIds of the lists added below
_LEVELS = 3
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def png() -> bytes:
    """A 1×1 transparent PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 5)) + chunk(b"IEND", b"")


class WordBuilder:
    """A Word document, built paragraph by paragraph. Runs are text, or (``"bold"``, text),
    (``"italic"``, text), (``"link"``, text, address), (``"footnote"``, note text),
    (``"inserted"``, text) and (``"deleted"``, text) for tracked changes."""

    def __init__(self) -> None:
        self.doc = docx.Document()
        self._footnotes: list[str] = []
        self._revision = 0
        self._add_lists()

    # ------------------------------------------------------------------ blocks

    def title(self, text: str) -> "WordBuilder":
        self.doc.add_paragraph(text, style="Title")
        return self

    def heading(self, text: str, level: int = 1) -> "WordBuilder":
        self.doc.add_heading(text, level=level)
        return self

    def paragraph(self, *runs) -> "WordBuilder":
        self._runs(self.doc.add_paragraph(), runs)
        return self

    def bullet(self, *runs, level: int = 0) -> "WordBuilder":
        return self._item(BULLETS, level, runs)

    def number(self, *runs, level: int = 0) -> "WordBuilder":
        return self._item(NUMBERS, level, runs)

    def table(self, rows: list[list[str]], merge: tuple[tuple[int, int], tuple[int, int]] | None = None) -> "WordBuilder":
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text is not None:
                    table.cell(r, c).text = text
        if merge:
            (r1, c1), (r2, c2) = merge
            table.cell(r1, c1).merge(table.cell(r2, c2))
        return self

    def picture(self, description: str = "") -> "WordBuilder":
        self.doc.add_picture(io.BytesIO(png()))
        if description:
            properties = self.doc.paragraphs[-1]._p.xpath(".//wp:docPr")[0]
            properties.set("descr", description)
        return self

    def comment(self, text: str, on: str) -> "WordBuilder":
        """A paragraph ``on`` with a reviewer's comment on it."""
        run = self.doc.add_paragraph().add_run(on)
        self.doc.add_comment(run, text=text, author="A Reviewer", initials="AR")
        return self

    def footer(self, text: str) -> "WordBuilder":
        self.doc.sections[0].footer.paragraphs[0].text = text
        return self

    # ------------------------------------------------------------------ output

    def data(self) -> bytes:
        if self._footnotes:
            self._add_footnotes_part()
        self._slim_styles()
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def save(self, path: Path) -> Path:
        path.write_bytes(self.data())
        return path

    # ------------------------------------------------------------------ what python-docx has no call for

    def _item(self, num_id: int, level: int, runs) -> "WordBuilder":
        paragraph = self.doc.add_paragraph(style="List Paragraph")
        numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numbering.get_or_add_ilvl().val = level
        numbering.get_or_add_numId().val = num_id
        self._runs(paragraph, runs)
        return self

    def _runs(self, paragraph, runs) -> None:
        for run in runs:
            if isinstance(run, str):
                paragraph.add_run(run)
                continue
            kind, text, *rest = run
            if kind == "bold":
                paragraph.add_run(text).bold = True
            elif kind == "italic":
                paragraph.add_run(text).italic = True
            elif kind == "link":
                rel = paragraph.part.relate_to(rest[0], RT.HYPERLINK, is_external=True)
                link = parse_xml(
                    f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
                    f"<w:t xml:space=\"preserve\">{_xml(text)}</w:t></w:r></w:hyperlink>"
                )
                paragraph._p.append(link)
            elif kind == "footnote":
                self._footnotes.append(text)
                paragraph._p.append(parse_xml(
                    f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:footnoteReference w:id="{len(self._footnotes)}"/></w:r>'
                ))
            elif kind in ("inserted", "deleted"):
                self._revision += 1
                tag, text_tag = ("w:ins", "w:t") if kind == "inserted" else ("w:del", "w:delText")
                paragraph._p.append(parse_xml(
                    f'<{tag} {nsdecls("w")} w:id="{self._revision}" w:author="A Reviewer" w:date="2024-01-01T00:00:00Z">'
                    f'<w:r><{text_tag} xml:space="preserve">{_xml(text)}</{text_tag}></w:r></{tag}>'
                ))
            else:
                raise ValueError(kind)

    def _add_lists(self) -> None:
        """A bullet list and a numbered list of three levels each, as Word defines them."""
        numbering = self.doc.part.numbering_part.element
        for abstract, fmt, texts in ((BULLETS, "bullet", ["•", "◦", "▪"]), (NUMBERS, "decimal", ["%1.", "%2.", "%3."])):
            levels = "".join(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{texts[i]}"/>'
                f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
                for i in range(_LEVELS)
            )
            numbering.insert(0, parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract}"><w:multiLevelType w:val="hybridMultilevel"/>'
                f"{levels}</w:abstractNum>"
            ))
            numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{abstract}"><w:abstractNumId w:val="{abstract}"/></w:num>'))

    def _slim_styles(self) -> None:
        """Keep only the styles the document uses. python-docx's template carries 350 KB of them,
        which Mammoth takes a second to parse; a document saved by Word carries a tenth of that."""
        styles = self.doc.styles.element
        for latent in styles.findall(qn("w:latentStyles")):
            styles.remove(latent)
        by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
        wanted = {style_id for style_id, style in by_id.items() if style.get(qn("w:default")) == "1"}
        for part in [self.doc.part] + [s.footer.part for s in self.doc.sections]:
            for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
                wanted.update(e.get(qn("w:val")) for e in part.element.iter(qn(tag)))
        wanted.update(("FootnoteText", "FootnoteReference", "CommentText", "CommentReference"))
        queue = list(wanted)
        while queue:  # and the styles they are based on or linked to
            style = by_id.get(queue.pop())
            for tag in ("w:basedOn", "w:link", "w:next"):
                found = style.find(qn(tag)) if style is not None else None
                if found is not None and found.get(qn("w:val")) not in wanted:
                    wanted.add(found.get(qn("w:val")))
                    queue.append(found.get(qn("w:val")))
        for style_id, style in by_id.items():
            if style_id not in wanted:
                styles.remove(style)

    def _add_footnotes_part(self) -> None:
        notes = "".join(
            f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {_xml(text)}</w:t></w:r></w:p></w:footnote>'
            for i, text in enumerate(self._footnotes, start=1)
        )
        xml = (
            f'<w:footnotes {nsdecls("w")}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            f"{notes}</w:footnotes>"
        )
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, xml.encode("utf-8"), self.doc.part.package)
        self.doc.part.relate_to(part, RT.FOOTNOTES)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")



