"""A glossary definition: Markdown with links and *emphasis* only, safe by construction.

A definition is shown in three places: on the glossary page (as Markdown, rendered with the
site's extensions, attr_list and md_in_html among them), in each term's tooltip (as plain text)
and on info-sheets (as a summary). It is never handed to Markdown as written. It is read into
text and links, and written out again as Markdown in which everything but ``*``/``_`` emphasis
and the links we accept is escaped. So ``{ onerror=... }`` attribute lists, images, reference
links and their ``[name]: address`` lines, raw HTML and links to ``javascript:`` or any address
other than http(s), mailto, tel, a relative page or a ``#heading`` can only ever show as text.

The checks (``problems``) report the markup that would have done something else, so that an
officer learns why it shows as text: the build stops on them, as ``procedures check`` does.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..core import mdtext
from ..links.scanner import IMAGE, LINK, links_in

_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_ATTRIBUTES = re.compile(r"\{[^{}\n]*\}")
_REFERENCE_LINK = re.compile(r"!?\[[^\[\]]*\][ \t]?\[[^\[\]]*\]")
_REFERENCE_LINE = re.compile(r"^ {0,3}\[[^\]\n]+\]:.*$", re.M)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# The characters of an address (RFC 3986): no space, quote, angle bracket or backslash.
_ADDRESS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")
SCHEMES = ("http", "https", "mailto", "tel")


@dataclass(frozen=True)
class Part:
    kind: str  # "text", "link" (one we accept), "image" or "bad-link" (shown as text)
    source: str  # as written
    label: str = ""  # the link's text or the image's alt text
    target: str = ""  # the link's address
    title: str | None = None  # the link's title, which a definition may not have


def parse(text: str) -> list[Part]:
    """``text`` as runs of text and the inline links and images in it, in order, found where
    Python-Markdown finds them (``generator.links.scanner``)."""
    parts: list[Part] = []
    position = 0
    for link in links_in(text):
        if link.kind not in (LINK, IMAGE) or link.start < position:
            continue  # a reference is text here, and so is what a link's text holds
        if link.start > position:
            parts.append(Part("text", text[position:link.start]))
        if link.kind == IMAGE:
            kind = "image"
        else:
            kind = "link" if link.text.strip() and link.title is None and safe_address(link.target) else "bad-link"
        parts.append(Part(kind, text[link.start:link.end], link.text, link.target, link.title))
        position = link.end
    if position < len(text):
        parts.append(Part("text", text[position:]))
    return parts


def safe_address(target: str) -> bool:
    """An http(s), mailto or tel address, or one without a scheme: a page of the site or a #heading."""
    if not _ADDRESS.match(target):
        return False
    scheme = _SCHEME.match(target)
    if scheme:
        return scheme.group(1).lower() in SCHEMES
    # Without a scheme, a colon before the first / ? or # would be read as one by a browser.
    return ":" not in re.split(r"[/?#]", target, maxsplit=1)[0]


def problems(definition: str) -> list[str]:
    """What in ``definition`` is more than text, *emphasis* and links, each with its fix. Each message
    follows "the definition of 'Term' ..."."""
    found = []
    for line in _REFERENCE_LINE.finditer(definition):
        found.append(
            f"has a link definition line, '{_short(line.group(0).strip())}': remove it, and write each link "
            "where it is used, as [text](https://...)"
        )
    for link in _REFERENCE_LINK.finditer(definition):
        found.append(f"has a reference-style link, '{_short(link.group(0))}': write the address in place, as [text](https://...)")
    for part in parse(" ".join(_REFERENCE_LINE.sub("", definition).split())):
        if part.kind == "image":
            found.append(
                f"has an image, '{_short(part.source)}': a definition may hold only text, *emphasis* and links; remove it"
            )
        elif part.kind == "bad-link" and not part.label.strip():
            found.append(f"has a link without text, '{_short(part.source)}': write the text between the brackets")
        elif part.kind == "bad-link" and (part.title is not None or re.search(r"\s", part.target)):
            found.append(
                f"has a link whose address holds a space or a title, '{_short(part.source)}': write it as "
                "[text](address), with no space in the address"
            )
        elif part.kind == "bad-link":
            found.append(
                f"links to '{_short(part.target)}': a link may go only to an https:, http:, mailto: or tel: address, "
                "a page of the manual or a #heading; correct the address or remove the link"
            )
    for braces in _ATTRIBUTES.finditer(definition):
        found.append(
            f"has '{_short(braces.group(0))}': curly braces set HTML attributes in Markdown, which a definition may "
            "not use; remove the braces and what is between them"
        )
    return found


def to_markdown(definition: str) -> str:
    """The definition as Markdown in which only emphasis and the accepted links are markup."""
    paragraphs = []
    for paragraph in _PARAGRAPHS.split(definition.strip()):
        text = " ".join(paragraph.split())
        if not text:
            continue
        pieces = []
        for part in parse(text):
            if part.kind == "link":
                pieces.append(f"[{_text(part.label)}]({_address(part.target)})")
            else:
                pieces.append(_text(part.source))
        markdown = mdtext.line_start("".join(pieces))
        # A paragraph starting "* " or "***" would be a list or a rule: only emphasis may begin it.
        if re.match(r"[*_](\s|$)", markdown) or re.fullmatch(r"[*_\s]+", markdown):
            markdown = "\\" + markdown
        paragraphs.append(markdown)
    return "\n\n".join(paragraphs)


@functools.lru_cache(maxsize=4096)  # every tooltip of a term on every page shows the same text
def to_plain(definition: str) -> str:
    """The definition as plain text, for a tooltip or a summary: links and images by their text,
    emphasis marks dropped."""
    text = "".join(part.label if part.kind != "text" else part.source for part in parse(definition))
    return " ".join(re.sub(r"[*_`]", "", text).split())


def _text(text: str) -> str:
    """Text shown as written, but for * and _, which may only ever make emphasis."""
    return mdtext.escape(text, keep="*_")


def _address(target: str) -> str:
    """An accepted address as a Markdown link target: & as &amp; (so that no entity such as &#58;
    is decoded into the link by the browser), parentheses encoded."""
    return target.replace("&", "&amp;").replace("(", "%28").replace(")", "%29")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "..."
