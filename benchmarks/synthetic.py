"""A synthetic procedures manual of any size, for the benchmarks.

``write_manual(folder, pages=500, terms=300)`` writes a complete project into ``folder`` (never
into the repository): ``mkdocs.yml`` for our full build, ``mkdocs-stock.yml`` for stock Material
on the same pages without our plugin, content folders with valid front matter, a glossary of
``terms`` terms (multi-word terms and acronyms), topics, info-sheets and flowcharts. Pages are
about 1,500 words of prose with headings, lists, a table and links to other pages. The same seed
gives the same manual, so runs can be compared.

Run ``python -m benchmarks.synthetic FOLDER --pages 100 --terms 300`` to look at one.
"""

from __future__ import annotations

import argparse
import random
import string
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

SECTIONS = (("statutory", "Statutory Procedures"), ("supplementary", "Supplementary Procedures"))
TOPICS = ("neglect", "exploitation", "going missing", "online harm", "domestic abuse", "education", "health", "allegations")

_WORDS = (
    "practitioner child family assessment referral safeguarding concern agency plan meeting review "
    "manager record decision support information parent carer school health police worker team "
    "service risk harm need welfare wellbeing outcome timescale discussion report consent advice "
    "partner professional visit home contact evidence history chronology supervision threshold "
    "response protection placement arrangement community setting provider officer lead nurse doctor"
).split()
_VERBS = "considers records shares reviews agrees explains arranges checks confirms identifies discusses notes".split()
_JOINERS = ("and", "so that", "because", "before", "after", "while", "unless", "where")
_TERM_WORDS = (
    "child protection sexual criminal exploitation contextual safeguarding emotional physical neglect "
    "harm significant strategy discussion conference core group plan early help lead professional "
    "designated officer parental responsibility private fostering return interview missing education "
    "domestic abuse forced marriage trafficking modern slavery radicalisation pre-birth assessment young carer "
    "looked after relevant agency threshold escalation disclosure barring multi-agency hub review panel"
).split()


@dataclass
class Manual:
    root: Path
    pages: list[str]  # source uris, e.g. "statutory/page-0001.md"
    terms: list[dict]


def _sentence(rng: random.Random, forms: list[str]) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(5, 10))]
    if forms and rng.random() < 0.45:
        words.insert(rng.randint(0, len(words)), rng.choice(forms))
    words.insert(min(2, len(words)), rng.choice(_VERBS))
    if rng.random() < 0.4:
        words += [rng.choice(_JOINERS)] + [rng.choice(_WORDS) for _ in range(rng.randint(3, 7))]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, forms: list[str], sentences: int) -> str:
    return " ".join(_sentence(rng, forms) for _ in range(sentences))


def make_terms(rng: random.Random, count: int) -> list[dict]:
    """``count`` distinct glossary terms: multi-word terms, about a third with an acronym."""
    terms: list[dict] = []
    seen: set[str] = set()
    acronyms: set[str] = set()
    while len(terms) < count:
        size = rng.choice((1, 2, 2, 3, 3, 4))
        words = [rng.choice(_TERM_WORDS) for _ in range(size)]
        title = " ".join(w.capitalize() for w in words) + (f" {len(terms)}" if size == 1 else "")
        if title.casefold() in seen or len(set(words)) < size:
            continue
        seen.add(title.casefold())
        entry = {"term": title, "definition": _paragraph(rng, [], 2)}
        if size >= 2 and rng.random() < 0.35:
            acronym = "".join(w[0] for w in words).upper() + rng.choice(string.ascii_uppercase)
            if acronym not in acronyms:
                acronyms.add(acronym)
                entry["acronym"] = acronym
        terms.append(entry)
    return terms


def _page(rng: random.Random, uri: str, index: int, others: list[str], forms: list[str], words: int) -> str:
    version = rng.randint(1, 16)
    year = rng.choice((2023, 2024, 2025, 2026))
    month = rng.randint(1, 9 if year == 2026 else 12)
    day = rng.randint(1, 28)
    meta = {
        "title": f"Synthetic Procedure {index:04d} {rng.choice(_WORDS).capitalize()}",
        "version": version,
        "last_updated": f"{year}-{month:02d}-{day:02d}",
        "summary": _sentence(rng, []),
        "owner": rng.choice(("Partnership Business Unit", "Designated Officer Service", "Health Safeguarding Team")),
        "keywords": rng.sample(TOPICS, 2),
        "changes": [{"version": version, "date": f"{year}-{month:02d}-{day:02d}", "note": _sentence(rng, [])}],
    }
    lines = ["---", yaml.safe_dump(meta, sort_keys=False, width=1000).strip(), "---", ""]
    written = 0
    section = 0
    base = uri.rsplit("/", 1)[0]
    while written < words:
        section += 1
        lines += [f"## Part {section}: {rng.choice(_WORDS).capitalize()} and {rng.choice(_WORDS)}", ""]
        for _ in range(2):
            para = _paragraph(rng, forms, rng.randint(4, 7))
            lines += [para, ""]
            written += len(para.split())
        target = rng.choice(others)
        rel = target.split("/", 1)[1] if target.startswith(base + "/") else f"../{target}"
        lines += [f"See also [the related procedure]({rel}) for the next steps.", ""]
        items = [_sentence(rng, forms) for _ in range(rng.randint(3, 6))]
        lines += [f"{n}. {item}" for n, item in enumerate(items, 1)] + [""]
        written += sum(len(i.split()) for i in items)
        if section % 2 == 0:
            lines += ["| Step | Who | Timescale |", "| --- | --- | --- |"]
            lines += [f"| {_sentence(rng, [])} | {rng.choice(_WORDS)} | {rng.randint(1, 45)} working days |" for _ in range(3)]
            lines += [""]
    return "\n".join(lines) + "\n"


def write_manual(root: Path, pages: int = 500, terms: int = 300, *, seed: int = 2026, words: int = 1500) -> Manual:
    """Write the synthetic project into ``root`` (created; must not be inside the repository)."""
    repo = Path(__file__).resolve().parent.parent
    root = root.resolve()
    if root == repo or repo in root.parents:
        raise ValueError(f"{root}: the synthetic manual is never written into the repository")
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    glossary = make_terms(rng, terms)
    forms = [t["term"].lower() for t in glossary] + [t["acronym"] for t in glossary if "acronym" in t]

    uris = [f"{SECTIONS[i % len(SECTIONS)][0]}/page-{i:04d}.md" for i in range(pages)]
    for index, uri in enumerate(uris):
        path = root / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        others = [u for u in rng.sample(uris, min(4, len(uris))) if u != uri] or [uri]
        path.write_text(_page(rng, uri, index, others, forms, words), encoding="utf-8")

    docs = root / "docs"
    (docs / "info-sheets").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("---\ntitle: Home\n---\n\n" + _paragraph(rng, forms, 5) + "\n", encoding="utf-8")
    for n, topic in enumerate(TOPICS[:3]):
        sheet = {"title": f"Info-sheet {n + 1}", "version": 1, "last_updated": "2026-01-01", "topics": [topic]}
        (docs / "info-sheets" / f"sheet-{n + 1}.md").write_text(
            f"---\n{yaml.safe_dump(sheet, sort_keys=False).strip()}\n---\n\n## About\n\n{_paragraph(rng, forms, 4)}\n",
            encoding="utf-8",
        )
    (root / "glossary.yml").write_text(yaml.safe_dump({"terms": glossary}, sort_keys=False, width=1000), encoding="utf-8")
    (root / "topics.yml").write_text(
        yaml.safe_dump({t: {"label": t.capitalize(), "description": f"Pages about {t}."} for t in TOPICS}, sort_keys=False),
        encoding="utf-8",
    )
    (root / "flowcharts").mkdir(exist_ok=True)
    for n in range(3):
        chart = {
            "title": f"Synthetic flowchart {n + 1}", "version": 1, "last_updated": "2025-01-01", "keywords": [TOPICS[n]],
            "steps": [
                {"id": "start", "text": _sentence(rng, []), "next": "decide"},
                {"id": "decide", "type": "decision", "text": "Is the child safe?",
                 "next": [{"label": "Yes", "to": "help"}, {"label": "No", "to": "protect"}]},
                {"id": "help", "text": _sentence(rng, []), "type": "end"},
                {"id": "protect", "text": _sentence(rng, []), "type": "end"},
            ],
        }
        (root / "flowcharts" / f"chart-{n + 1}.yml").write_text(yaml.safe_dump(chart, sort_keys=False), encoding="utf-8")

    _write_configs(root)
    return Manual(root, uris, glossary)


_COMMON = {
    "docs_dir": "docs",
    "theme": {"name": "material", "font": False, "language": "en", "features": ["navigation.sections"]},
    "markdown_extensions": ["admonition", "tables", "attr_list", "toc"],
}


def _write_configs(root: Path) -> None:
    """``mkdocs.yml``: our plugin with every feature on; ``mkdocs-stock.yml``: stock Material."""
    ours = {
        "site_name": "Synthetic Manual",
        **_COMMON,
        "theme": {**_COMMON["theme"], "features": ["navigation.sections", "navigation.prune"]},
        "plugins": ["search", {"procedures": {
            "today": "2026-11-23",
            "release": {"name": "Update 3", "date": "2026-11-01"},
            "releases": [{"name": "Update 1", "date": "2025-05-01"}, {"name": "Update 2", "date": "2025-11-01"}],
            "review": {"warn_overdue": False},
        }}],
    }
    stock = {"site_name": "Synthetic Manual", **_COMMON, "plugins": ["search"]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(ours, sort_keys=False), encoding="utf-8")
    # Stock MkDocs cannot see the content folders outside docs_dir: give it a copy of the same
    # pages inside its own docs folder, built with a plain nav-free config.
    (root / "mkdocs-stock.yml").write_text(yaml.safe_dump({**stock, "docs_dir": "stock-docs"}, sort_keys=False), encoding="utf-8")
    stock_docs = root / "stock-docs"
    for folder in [s for s, _ in SECTIONS] + ["docs"]:
        source = root / folder
        for path in source.rglob("*.md"):
            target = stock_docs / (path.relative_to(root) if folder != "docs" else path.relative_to(source))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", help="where to write (default: a new temporary folder)")
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--terms", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    folder = Path(args.folder) if args.folder else Path(tempfile.mkdtemp(prefix="synthetic-manual-"))
    manual = write_manual(folder, args.pages, args.terms, seed=args.seed)
    print(f"{len(manual.pages)} pages and {len(manual.terms)} terms in {manual.root}")


if __name__ == "__main__":
    main()
