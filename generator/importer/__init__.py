"""``procedures import``: bring pages exported from a hosted manual across as Markdown.

The input is a saved HTML page, a plain-text page, a Markdown page, a Word document (``.docx``),
or a folder of them. Each becomes one Markdown file with valid front matter (title, version and
``last_updated`` from the old page's stamp, a first ``changes`` entry), named from its title.
Links between imported pages are kept and pointed at the new files; anything that cannot be
converted faithfully (placeholder ``#`` links, links to pages that were not imported, images,
flattened tables) is kept as text where possible and listed with the line of the new file, so
that an officer can finish the job.

Nothing is ever overwritten: a page whose file or title already exists is skipped and reported.
"""

from __future__ import annotations

import codecs
import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import yaml

from ..core import textfile
from ..core.files import source_files
from ..core.manual import Section, load_manual
from ..core.problems import Problem
from ..newpage import slugify, yaml_scalar
from .contents import ContentsEntry, ContentsError, ContentsNav, ContentsPage, contents_nav, read_contents
from .document import ImportedDocument, Note
from .fromhtml import read_html
from .frommarkdown import MarkdownPageError, read_markdown
from .fromtext import read_text
from .fromword import WordPageError, read_docx
from .writer import CONTROL, Resolver, body, prepare, resolve_common

__all__ = [  # what `procedures import` uses; the contents list's types are defined in .contents
    "ContentsError", "ContentsPage", "ImportResult", "Outcome", "add_contents_nav", "check_written", "collect", "decode",
    "free_name", "import_pages", "kind_of", "page_text", "read_contents_file", "read_page", "report",
]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
WORD_SUFFIXES = (".docx",)
SAVE_AS_DOCX = "open it in Word (or LibreOffice) and save it as a Word document (.docx), then import the .docx"
# Pages in a form the import cannot read, with what to do instead: each is reported, not skipped.
OTHER_FORMATS = {
    ".doc": f"this is an old Word document (.doc), which cannot be read: {SAVE_AS_DOCX}",
    ".pdf": (
        "a PDF cannot be imported: it keeps the look of the page but not its headings and lists. Import the "
        "Word document it was made from (.docx), or copy the text from the PDF into a .txt file and import that"
    ),
    ".odt": f"an OpenDocument text (.odt) cannot be read: {SAVE_AS_DOCX}",
    ".rtf": f"a Rich Text file (.rtf) cannot be read: {SAVE_AS_DOCX}",
}
CHANGE_NOTE = "Imported from the previous online manual."
REPORT_NAME = "import-report.txt"
FIELD_LINES = {"title": 2, "version": 3, "date": 4}  # where page_text writes each field


@dataclass
class Outcome:
    """What happened to one input file."""

    source: str  # as shown to the officer, relative to the folder imported
    status: str = "written"  # written | skipped | failed
    reason: str = ""
    uri: str = ""  # the new file, relative to the project (or the output folder)
    doc: ImportedDocument | None = None
    notes: list[Note] = field(default_factory=list)
    slug: str = ""
    shift: int = 0


@dataclass
class ImportResult:
    source: Path
    destination: str
    outcomes: list[Outcome] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # other files in the folder, not pages
    contents: ContentsNav | None = None  # the nav from the old manual's contents list, if given
    contents_source: str = ""

    @property
    def written(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "written"]

    @property
    def not_written(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status != "written"]

    def note_lines(self) -> list[str]:
        """Every note as ``file:line: message (from old-file:line)``, in file and line order."""
        lines = []
        for outcome in sorted(self.written, key=lambda o: o.uri):
            for note in sorted(outcome.notes, key=lambda n: n.line):
                where = f"{outcome.uri}:{note.line}" if note.line else outcome.uri
                origin = f"{outcome.source}:{note.source_line}" if note.source_line else outcome.source
                lines.append(f"{where}: {note.message} (from {origin})")
        return lines


# ----------------------------------------------------------------------------- reading


def kind_of(path: Path, data: bytes | None = None) -> str | None:
    """html, text, markdown, word, other (a page the import cannot read), or None (not a page)."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in WORD_SUFFIXES:
        return "word"
    if suffix in OTHER_FORMATS:
        return "other"
    if data is not None:
        head = data[:2048].lstrip().lower()
        return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"
    return None


def decode(data: bytes, kind: str) -> tuple[str, str]:
    """The text of a saved page, and a note when it was not UTF-8."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), ""
    try:
        return textfile.decode(data), ""
    except textfile.TextFileError:
        pass
    if kind == "html":
        match = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", data[:4096])
        if match:
            name = match.group(1).decode("ascii")
            try:
                return data.decode(name), ""
            except (LookupError, UnicodeDecodeError):
                pass
    return data.decode("cp1252", errors="replace"), (
        "the file is not UTF-8: it was read as Windows-1252; check accented letters and symbols"
    )


def collect(source: Path, exclude: frozenset[Path] = frozenset()) -> tuple[list[tuple[Path, str]], list[str]]:
    """The pages to import under ``source`` (a file or folder), as (path, name), and other files.
    ``exclude`` holds resolved paths to leave out (the contents list, when it sits among the pages)."""
    if source.is_file():
        return [(source, source.name)], []
    pages: list[tuple[Path, str]] = []
    ignored: list[str] = []
    for path in source_files(source, None):
        if path.resolve() in exclude:
            continue
        rel, name = path.relative_to(source).as_posix(), path.name
        if name == REPORT_NAME or (name.startswith(Path(REPORT_NAME).stem) and name.endswith(Path(REPORT_NAME).suffix)):
            continue  # a report of an earlier import
        if kind_of(path):
            pages.append((path, rel))
        else:
            ignored.append(rel)
    return pages, ignored


def read_page(path: Path, name: str) -> tuple[ImportedDocument | None, str]:
    """A saved page as an ``ImportedDocument``, or ``None`` and the reason it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, f"cannot be read ({error.strerror})"
    if not data.strip():
        return None, "the file is empty"
    kind = kind_of(path, data) or "text"
    if kind == "other":
        return None, OTHER_FORMATS[path.suffix.lower()]
    if kind == "word":
        try:
            doc = read_docx(data, name)
        except WordPageError as error:
            return None, str(error)
        return _finish(doc, path)
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, "this is not a saved web page or text file (it holds binary data)"
    text, warning = decode(data, kind)
    try:
        if kind == "markdown":
            doc = read_markdown(text, name)
        else:
            doc = read_html(text, name) if kind == "html" else read_text(text, name)
    except MarkdownPageError as error:
        return None, str(error)
    except RecursionError:  # a safety net: htmltree already flattens deep nesting
        return None, "the page's elements are nested too deeply to convert: copy its text into a .txt file and import that"
    if warning:
        doc.notes.append(Note("encoding", warning))
    return _finish(doc, path)


def _finish(doc: ImportedDocument, path: Path) -> tuple[ImportedDocument | None, str]:
    """Clean the title and summary; a page with no title is named from its file."""
    doc.title = " ".join(CONTROL.sub("", doc.title).split())
    doc.summary = " ".join(CONTROL.sub("", doc.summary).split())
    if not doc.title:
        stem = re.sub(r"[_\-]+", " ", path.stem).strip()
        doc.title = stem[:1].upper() + stem[1:]
        doc.notes.append(Note("title", "the page has no heading: the title was made from the file name; correct it"))
    if not doc.blocks:
        return None, "no text was found in the page once the site's menus and footers were left out"
    return doc, ""


# ----------------------------------------------------------------------------- writing


def page_text(doc: ImportedDocument, body_text: str, today: dt.date) -> tuple[str, int]:
    """Front matter and body; also the number of lines before the body.

    Fields kept from the page's own front matter follow the summary; its ``changes`` replace the
    first entry the import would otherwise write.
    """
    version = doc.version or 1
    date = (doc.last_updated or today).isoformat()
    lines = ["---", f"title: {yaml_scalar(doc.title)}", f"version: {version}", f"last_updated: {date}"]
    if doc.summary:
        lines.append(f"summary: {yaml_scalar(doc.summary)}")
    for key, value in doc.front_matter.items():
        lines += yaml.safe_dump({key: value}, sort_keys=False, allow_unicode=True, width=1000).splitlines()
    if "changes" not in doc.front_matter:
        lines += ["changes:", f"  - version: {version}", f"    date: {date}", f"    note: {CHANGE_NOTE}"]
    lines += ["---", ""]
    return "\n".join(lines) + "\n" + body_text, len(lines)


def _check_stamp(doc: ImportedDocument, today: dt.date) -> None:
    if doc.last_updated is None:
        doc.notes.append(Note(
            "date", f"no 'Last updated' date was found: 'last_updated' is set to today ({today.isoformat()}); "
            "put the date of the last approved change", line=4,
        ))
    elif doc.last_updated > today:
        doc.notes.append(Note(
            "date", f"the stamp date {doc.last_updated.isoformat()} is in the future: 'last_updated' is set to today "
            f"({today.isoformat()}); check it", line=4,
        ))
        doc.last_updated = today
    if doc.version is None:
        doc.notes.append(Note("version", "no version (such as 'v14') was found: 'version' is set to 1; check it", line=3))


def import_pages(
    source: Path,
    out_dir: Path,
    *,
    shown_as: str,
    today: dt.date,
    titles: dict[str, str] | None = None,
    exclude: frozenset[Path] = frozenset(),
) -> ImportResult:
    """Import ``source`` (file or folder) into ``out_dir``, never overwriting.

    ``shown_as`` is how ``out_dir`` is named in messages (``statutory``); ``titles`` maps the
    normalised titles already used in the destination to their files.
    """
    pages, ignored = collect(source, exclude)
    result = ImportResult(source, shown_as, ignored=ignored)
    claimed: dict[str, str] = {}  # file name or title key -> the source that took it
    taken_titles = dict(titles or {})
    by_name: dict[str, Outcome] = {}

    # 1. Read every page, so that links between them can be resolved.
    for path, name in pages:
        outcome = Outcome(name)
        result.outcomes.append(outcome)
        doc, reason = read_page(path, name)
        if doc is None:
            outcome.status, outcome.reason = "failed", reason
            continue
        outcome.doc = doc
        outcome.shift = prepare(doc)
        _check_stamp(doc, today)
        slug = slugify(doc.title) or slugify(Path(name).stem) or "page"
        outcome.slug = slug
        outcome.uri = f"{shown_as}/{slug}.md" if shown_as else f"{slug}.md"
        key = " ".join(doc.title.casefold().split())
        by_name[name] = outcome
        if (out_dir / f"{slug}.md").exists():
            outcome.status, outcome.reason = "skipped", f"{outcome.uri} already exists and was left as it is"
        elif key in taken_titles:
            outcome.status, outcome.reason = "skipped", f"the title '{doc.title}' is already used by {taken_titles[key]}"
        elif slug in claimed:
            outcome.status, outcome.reason = "skipped", f"{claimed[slug]} in this import has the same file name ({outcome.uri})"
        else:
            claimed[slug] = name
            taken_titles[key] = outcome.uri

    # 2. Write the pages that have a place.
    for outcome in result.outcomes:
        if outcome.status != "written" or outcome.doc is None:
            continue
        doc = outcome.doc
        text, notes = body(doc, _resolver(outcome, by_name, out_dir), shift=outcome.shift)
        full, offset = page_text(doc, text, today)
        for note in notes:
            note.line += offset
        for note in doc.notes:
            note.line = note.line or FIELD_LINES.get(note.kind, 0)
        outcome.notes = doc.notes + notes
        out_dir.mkdir(parents=True, exist_ok=True)
        try:
            with (out_dir / f"{outcome.slug}.md").open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(full)
        except FileExistsError:
            outcome.status, outcome.reason = "skipped", f"{outcome.uri} already exists and was left as it is"
        except OSError as error:
            outcome.status, outcome.reason = "failed", f"{outcome.uri} cannot be written ({error.strerror})"
    return result


def _resolver(outcome: Outcome, by_name: dict[str, Outcome], out_dir: Path) -> Resolver:
    """How links on ``outcome``'s page are written: to the imported page they name, if it is there."""
    doc = outcome.doc
    assert doc is not None
    by_base: dict[str, list[Outcome]] = {}
    by_stem: dict[str, list[Outcome]] = {}  # "referrals" for referrals.docx: the old site's link said .html
    for other in by_name.values():
        by_base.setdefault(posixpath.basename(other.source).lower(), []).append(other)
        by_stem.setdefault(posixpath.splitext(posixpath.basename(other.source))[0].lower(), []).append(other)

    def resolve(href: str, text: str) -> tuple[str | None, str | None]:
        common = resolve_common(href, text, doc)
        if common is not None:
            return common
        address, _, fragment = href.strip().partition("#")
        address = unquote(address.split("?")[0])
        target = _link_target(address, outcome, by_name, by_base, by_stem)
        what = f"link '{text}' to '{href.strip()}'"
        if target is None or target.doc is None or not (target.status == "written" or (out_dir / f"{target.slug}.md").exists()):
            return None, (
                f"{what} points to a page that was not imported: the text is kept without the link; link it to the right page"
            )
        link = f"{target.slug}.md" if target is not outcome else ""
        if fragment:
            return _link_with_fragment(link, fragment, target, what)
        return link or None, None

    return resolve


def _link_target(
    address: str, outcome: Outcome, by_name: dict[str, Outcome], by_base: dict[str, list[Outcome]],
    by_stem: dict[str, list[Outcome]],
) -> Outcome | None:
    """The imported page a link's address (without its '#part') names: the page itself if the
    address is empty; else the page at that path from ``outcome``'s; else the one page with that
    file name; else, for a link within the old site, the one page with that name without suffix."""
    if not address:
        return outcome
    target: Outcome | None = None
    if not address.startswith("/"):
        target = by_name.get(posixpath.normpath(posixpath.join(posixpath.dirname(outcome.source), address)))
    if target is None:
        matches = by_base.get(posixpath.basename(address).lower(), [])
        target = matches[0] if len(matches) == 1 else None
    if target is None and "://" not in address:
        matches = by_stem.get(posixpath.splitext(posixpath.basename(address))[0].lower(), [])
        target = matches[0] if len(matches) == 1 else None
    return target


def _link_with_fragment(link: str, fragment: str, target: Outcome, what: str) -> tuple[str | None, str | None]:
    """A link to a heading (``#fragment``) of ``target`` (``link`` empty: the same page), and a
    note when the heading cannot be found."""
    assert target.doc is not None
    if target.status != "written":
        return link, (
            f"{what}: {target.uri} was already there, so the link goes to the top "
            "of that page; add the heading's anchor if it has one"
        )
    anchor = target.doc.anchors.get(fragment)
    if anchor:
        return f"{link}#{anchor}", None
    if link:
        return link, f"{what}: the part '#{fragment}' matches no heading and was dropped"
    return None, f"{what} on the same page has no heading to go to: the text is kept without the link"


# ----------------------------------------------------------------------------- the contents list


def read_contents_file(path: Path) -> list[ContentsEntry]:
    """The entries of the old manual's contents list (a saved page or text). Raises ``ContentsError``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ContentsError(f"cannot be read ({error.strerror})") from None
    if not data.strip():
        raise ContentsError("the file is empty")
    kind = kind_of(path, data)
    if kind not in ("html", "text", "markdown"):
        raise ContentsError(
            "a contents list is read from a saved web page (.html), a text file (.txt) or Markdown (.md)"
        )
    text, _ = decode(data, kind)
    return read_contents(text, kind)


def add_contents_nav(
    result: ImportResult, entries: list[ContentsEntry], out_dir: Path, existing: list[ContentsPage], name: str
) -> ContentsNav:
    """The nav from the contents list, over the pages just imported and those already there."""
    pages = [
        ContentsPage(o.doc.title, o.uri, o.source) for o in result.outcomes
        if o.doc is not None and o.uri and (o.status == "written" or (out_dir / f"{o.slug}.md").exists())
    ]
    seen = {p.uri for p in pages}
    pages += [p for p in existing if p.uri not in seen]
    result.contents, result.contents_source = contents_nav(entries, pages, name), name
    return result.contents


def check_written(root: Path, section: Section, uris: set[str], today: dt.date) -> list[Problem]:
    """The problems ``procedures check`` would find in the pages just written."""
    manual = load_manual(root, [section], today=today)
    return [p for p in manual.problems if p.path in uris]


# ----------------------------------------------------------------------------- the report


def report(result: ImportResult, today: dt.date) -> str:
    """The import report: what was written, what was not and why, and what needs a look."""
    out = [
        f"Import report, {today.isoformat()}",
        f"From: {result.source}",
        f"Into: {result.destination or '.'}/",
        "",
        f"Written ({len(result.written)}):",
    ]
    for o in result.written:
        doc = o.doc
        assert doc is not None
        updated = (doc.last_updated or today).isoformat()
        out.append(f"  {o.uri}  <-  {o.source}  (version {doc.version or 1}, last updated {updated})")
    out += ["", f"Not imported ({len(result.not_written)}):"]
    out += [f"  {o.source}: {o.reason}" for o in result.not_written]
    notes = result.note_lines()
    out += ["", f"Needs a look ({len(notes)}):"]
    out += [f"  {line}" for line in notes]
    dropped = [(o.source, o.doc.dropped) for o in result.outcomes if o.doc is not None and o.doc.dropped]
    out += ["", "Left out as site chrome:"]
    for name, items in dropped:
        out.append(f"  {name}: {', '.join(dict.fromkeys(items))}")
    if result.ignored:
        out += ["", f"Other files, not pages ({len(result.ignored)}):"]
        out += [f"  {name}" for name in result.ignored]
    if result.contents is not None:
        out += ["", f"Nav from the contents list ({result.contents_source}), to paste into mkdocs.yml under 'nav:':", ""]
        out.append(result.contents.text.rstrip("\n"))
        out += ["", f"Contents list: to look at ({len(result.contents.notes)}):"]
        out += [f"  {line}" for line in result.contents.notes]
    return "\n".join(out) + "\n"


def free_name(folder: Path, name: str = REPORT_NAME) -> Path:
    """``folder/name``, or ``name-2`` ... when it exists: the report never overwrites either."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path
