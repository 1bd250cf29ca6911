"""Every check the manual is put through: its short name, its default level and what it finds.

As in ruff or markdownlint, each problem carries the name of the check that found it
(``[glossary-unused-term]``), and a partnership may set any check's level with the plugin's
``checks:`` option. The defaults follow one rule: what a reader would get wrong (a broken link, a
placeholder link, invalid front matter, a page missing from the menu, unsafe markup) fails a strict
build; style advice is a ``note``, listed by ``procedures check`` and logged by the build at INFO,
never failing either.

Some errors leave a source that cannot be built at all (YAML that cannot be read, a field of the
wrong type). Their checks are ``fixed``: their level cannot be lowered, as ruff cannot ignore a
syntax error. The README's table of checks is generated from this one (a test holds them equal).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Mapping

ERROR = "error"
WARNING = "warning"
NOTE = "note"
OFF = "off"
LEVELS = (ERROR, WARNING, NOTE, OFF)


@dataclass(frozen=True)
class Check:
    name: str
    level: str  # the default
    summary: str  # what it finds, in one line, for the README and --help
    fixed: bool = False  # the source cannot be built until it is fixed: the level cannot change


_CHECKS = (
    # Sources that cannot be read or used at all.
    Check("file-unreadable", ERROR,
          "A source file that is empty, not UTF-8, unreadable or without its '---' front matter.", fixed=True),
    Check("yaml-syntax", ERROR, "YAML that cannot be read: front matter, glossary.yml, topics.yml, a flowchart.", fixed=True),
    Check("front-matter", ERROR,
          "A front-matter field that is missing, of the wrong type or impossible (a date in the future).", fixed=True),
    Check("glossary-entry", ERROR,
          "A glossary entry that is missing its term or definition, or has a field of the wrong type.", fixed=True),
    Check("glossary-term-no-letters", ERROR,
          "A glossary term with no letter or digit (such as '&'), which cannot be listed A to Z.", fixed=True),
    Check("flowchart-source", ERROR, "A flowchart file with a missing or wrong field, or steps that do not join up.", fixed=True),
    Check("topic-list", ERROR, "A topic list (topics.yml) that is not a block of topics with label and description.", fixed=True),
    Check("config-file", ERROR, "mkdocs.yml that cannot be read, or that does not list the procedures plugin.", fixed=True),
    Check("options", ERROR, "A procedures plugin option in mkdocs.yml of the wrong type or value.", fixed=True),
    Check("content-folder", ERROR, "A content folder named in mkdocs.yml that does not exist.", fixed=True),
    Check("contact-entry", ERROR, "A contact in contacts.yml with a missing or wrong field, or no way to reach it.", fixed=True),
    Check("legislation-entry", ERROR,
          "An entry of legislation.yml with a missing or wrong field, or a 'superseded_by' that goes round.", fixed=True),
    Check("page-clash", ERROR, "A page of docs_dir at the path of a procedure, flowchart or generated page.", fixed=True),
    # What a reader would get wrong: these fail a strict build.
    Check("unknown-field", WARNING, "A field or option that is not known, so it is ignored (often a misspelling)."),
    Check("duplicate-title", ERROR, "Two pages of one section, or two info-sheets, with the same title."),
    Check("title-heading", WARNING, "A page's '# Title' heading that differs from its 'title:', or is empty."),
    Check("heading-top-level", WARNING,
          "A second '# ' heading in a page: a page has one title, its other headings start at '## '."),
    Check("link-broken", WARNING, "A link to a page that does not exist."),
    Check("anchor-broken", WARNING, "A link to a '#heading' that the page does not have."),
    Check("placeholder-link", WARNING, "A link that goes nowhere: '[text](#)', '[text]()' or a link without text."),
    Check("nav-missing", NOTE,
          "A published page not in 'nav' (MkDocs' default; validation: omitted_files: warn makes it a warning)."),
    Check("nav-unknown-page", WARNING, "A 'nav' line naming a page that does not exist."),
    Check("related-invalid", ERROR, "A 'related' entry that is not a published page of the site."),
    Check("topic-unknown", WARNING, "A keyword of a procedure, flowchart or glossary term that is not in the topic list."),
    Check("info-sheet-topic", ERROR, "An info-sheet's topic that is not in the topic list: the sheet would miss its lists."),
    Check("topic-label-clash", WARNING, "Two topics with the same label, which readers cannot tell apart."),
    Check("resource-invalid", ERROR, "An info-sheet 'resources' address that is not a whole https address."),
    Check("glossary-duplicate", ERROR, "Two glossary terms, aliases or acronyms that are the same, or share an anchor."),
    Check("glossary-see-also", ERROR, "A glossary 'see_also' naming a term that is not in the glossary."),
    Check("glossary-unsafe-markup", ERROR,
          "A glossary definition holding markup that could run script or load something.", fixed=True),
    Check("flowchart-link", ERROR, "A flowchart step's 'link' to a page that is not in the site."),
    Check("flowchart-embed", ERROR, "A '!flowchart name' line naming no flowchart.", fixed=True),
    Check("flowchart-file-name", WARNING, "A file in the flowcharts folder that is ignored because it does not end in '.yml'."),
    Check("review-overdue", WARNING,
          "A published page, or a contact, past its 'review_due' date (review: warn_overdue: false makes it a note)."),
    Check("contact-unknown", ERROR, "A '!contact key' or '[[contact:key]]' naming no contact, or written wrongly.", fixed=True),
    Check("contact-phone", ERROR,
          "A contact's telephone number that is not a valid UK number (letters, another country, wrong digits)."),
    Check("contact-address", ERROR,
          "A contact's email that is not an email address, or web address that is not a whole https one."),
    Check("contact-duplicate", ERROR, "Two contacts with the same name, which readers cannot tell apart."),
    Check("contact-number-typed", WARNING,
          "A contact's telephone number typed by hand in a page: it will not change when the contact does."),
    Check("statutory-basis-unknown", ERROR, "A 'statutory_basis' entry that is not an entry or provision of legislation.yml."),
    Check("legislation-duplicate", ERROR, "Two entries or provisions of legislation.yml that pages would cite by the same key."),
    Check("legislation-superseded", WARNING,
          "A page whose 'statutory_basis' cites a superseded or withdrawn entry of legislation.yml."),
    Check("legislation-stale-text", WARNING,
          "A page whose text names an edition of guidance that is not the current one, such as 'Working Together 2018'."),
    Check("version-not-bumped", ERROR, "With 'check --base': a changed page without a new version, date and 'changes' entry."),
    # Advice: listed, never failing a build.
    Check("changes-order", NOTE, "'changes' entries not listed newest first, which makes a page's history harder to read."),
    Check("listed-twice", NOTE, "The same related page, topic or resource address listed twice in one field."),
    Check("glossary-unused-term", NOTE,
          "A glossary term used on no page (glossaries are often shared with reports and training)."),
    Check("contact-unused", NOTE, "A contact in contacts.yml that no page uses (it is still listed on the Contacts page)."),
    Check("phone-number-typed", NOTE,
          "A telephone number typed by hand in a page that is no contact's: it may belong in contacts.yml."),
    Check("glossary-unknown-acronym", NOTE, "A word in capitals that looks like an acronym but is not in the glossary."),
)

CHECKS: dict[str, Check] = {check.name: check for check in _CHECKS}


def level_problems(raw: Mapping[Any, Any]) -> tuple[dict[str, str], list[tuple[str, str, bool]]]:
    """The ``checks:`` option: check name -> level, and (name, message, is_error) for each
    entry that cannot be used. An unknown name gets a "did you mean"."""
    levels: dict[str, str] = {}
    problems: list[tuple[str, str, bool]] = []
    for key, value in raw.items():
        name = str(key)
        check = CHECKS.get(name)
        if check is None:
            close = difflib.get_close_matches(name, list(CHECKS), n=1, cutoff=0.6)
            hint = f": did you mean '{close[0]}'?" if close else ": the README lists every check"
            problems.append((name, f"'checks' names no check '{name}', so it is ignored{hint}", False))
        elif not isinstance(value, str) or value.strip().lower() not in LEVELS:
            shown = repr(value) if isinstance(value, str) else "nothing" if value is None else str(value).lower()
            problems.append((name, f"'checks: {name}' must be one of {', '.join(LEVELS)}, not {shown}", True))
        elif check.fixed and value.strip().lower() != check.level:
            problems.append((
                name,
                f"'checks: {name}' cannot be changed: a source with this problem cannot be built, "
                f"so it is always an {check.level}",
                True,
            ))
        else:
            levels[name] = value.strip().lower()
    return levels, problems


def markdown_table() -> str:
    """The README's table of checks (tests/unit/test_checklist.py holds the README equal to it)."""
    rows = ["| check | default level | what it finds |", "| --- | --- | --- |"]
    for check in _CHECKS:
        level = f"{check.level} (always)" if check.fixed else check.level
        rows.append(f"| `{check.name}` | {level} | {check.summary} |")
    return "\n".join(rows) + "\n"
