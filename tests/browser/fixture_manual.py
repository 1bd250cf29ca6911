"""A stand-in for the demo manual, used by the browser tests until the demo content is in the repository.

It mirrors the demo's structure exactly: the same content folders, file names and titles as the
FILE LIST of the demo content spec, so the repository's own mkdocs.yml (and its nav) builds it
unchanged. The repository's docs_dir pages (home, about, accessibility statement, authoring guide,
info-sheets), flowcharts/ and glossary.yml are copied in as they are.

Every page has the parts a real procedure has (paragraphs with links, numbered steps, a sub-heading,
a table, an admonition and a related list), so that axe, print and mobile checks meet every
component. The text is short and original; a distinctive sentence per page gives the search table
body phrases to find.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.project import load_project


@dataclass(frozen=True)
class FixturePage:
    uri: str
    title: str
    version: int
    last_updated: str
    summary: str
    detail: str  # a sentence only this page has, for the search table's body phrases
    related: tuple[str, ...] = ()
    status: str = "published"


S = "statutory/"
P = "supplementary/"

PAGES: tuple[FixturePage, ...] = (
    FixturePage(S + "underlying-principles.md", "Underlying Policy, Principles and Values", 5, "2025-04-22",
                "The principles that guide every agency's work to safeguard children in Exampleshire.",
                "Practitioners keep the child in focus and listen to what the child tells them, in words or behaviour.",
                (S + "referrals.md",)),
    FixturePage(S + "referrals.md", "Making a Referral to Children's Social Care", 14, "2026-10-02",
                "How any practitioner makes a referral to children's social care, and what happens next.",
                "The Front Door telephone line is staffed from 8am to 6pm, and an emergency duty team covers nights and weekends.",
                (S + "assessing-need.md", S + "immediate-protection.md")),
    FixturePage(S + "assessing-need.md", "Assessing Need and Providing Help", 9, "2026-03-15",
                "How children's needs are assessed under the Children Act 1989 and help is planned.",
                "An assessment should be completed within 45 working days of the referral being accepted.",
                (S + "referrals.md",)),
    FixturePage(S + "immediate-protection.md", "Immediate Protection", 6, "2024-11-08",
                "What to do when a child needs protecting straight away.",
                "Police protection lasts no longer than 72 hours, and an emergency protection order may follow.",
                (S + "strategy-discussions.md",)),
    FixturePage(S + "strategy-discussions.md", "Strategy Discussions", 8, "2026-06-19",
                "When a strategy discussion is held, who takes part and what it decides.",
                "Children's social care, the police and health professionals must all take part in the discussion.",
                (S + "section-47-enquiries.md",)),
    FixturePage(S + "section-47-enquiries.md", "Section 47 Enquiries", 11, "2025-09-30",
                "How enquiries are made when there is reasonable cause to suspect that a child is suffering significant harm.",
                "The social worker sees the child alone where it is safe and right to do so.",
                (S + "child-protection-conferences.md",)),
    FixturePage(S + "child-protection-conferences.md", "Child Protection Conferences", 12, "2026-05-11",
                "How initial and review child protection conferences are arranged and run.",
                "An initial conference takes place within 15 working days of the last strategy discussion.",
                (S + "child-protection-plans.md",)),
    FixturePage(S + "child-protection-plans.md", "Child Protection Plans and Core Groups", 7, "2024-07-03",
                "How a child protection plan is put into practice by the core group.",
                "The first core group meets within ten working days of the initial conference.",
                (S + "child-protection-conferences.md",)),
    FixturePage(S + "managing-allegations.md", "Managing Allegations against People who Work with Children", 10, "2026-09-01",
                "What to do when someone who works or volunteers with children may have harmed a child.",
                "The employer tells the designated officer within one working day and does not investigate on their own.",
                (P + "safer-recruitment.md",)),
    FixturePage(S + "child-death-review.md", "Child Death Review", 4, "2023-12-05",
                "How the deaths of children who live in Exampleshire are reviewed.",
                "A joint agency response is started when a death is sudden and unexpected.",
                (S + "child-safeguarding-practice-reviews.md",)),
    FixturePage(S + "child-safeguarding-practice-reviews.md", "Child Safeguarding Practice Reviews", 3, "2025-01-20",
                "How serious cases are notified and reviewed so that agencies learn from them.",
                "A rapid review is completed within 15 working days of the serious incident notification.",
                (S + "child-death-review.md",)),
    FixturePage(P + "neglect.md", "Neglect", 7, "2025-09-12",
                "How practitioners recognise and respond to neglect.",
                "A graded care profile helps practitioners describe the care a child receives day to day.",
                (S + "assessing-need.md",)),
    FixturePage(P + "female-genital-mutilation.md", "Female Genital Mutilation", 6, "2026-02-27",
                "How to protect girls at risk of female genital mutilation (FGM) and respond when it has happened.",
                "Regulated health and social care professionals and teachers must report known cases of FGM in girls under 18 to the police.",
                (P + "honour-based-abuse.md",)),
    FixturePage(P + "children-missing.md", "Children who Run Away or Go Missing from Home or Care", 9, "2026-08-14",
                "What to do when a child runs away or goes missing from home or from care.",
                "Every child who comes back is offered a return home interview within 72 hours.",
                (P + "child-criminal-exploitation.md",)),
    FixturePage(P + "escalation.md", "Escalation and Resolution of Professional Disagreements", 4, "2024-05-17",
                "How practitioners resolve disagreements between agencies about a child's safety.",
                "Raise the concern first with the practitioner you disagree with, then with your manager.",
                (S + "underlying-principles.md",)),
    FixturePage(P + "safer-recruitment.md", "Safer Recruitment", 5, "2025-06-06",
                "How organisations recruit staff and volunteers safely.",
                "Interview panels include at least one person trained in safer recruitment.",
                (S + "managing-allegations.md",)),
    FixturePage(P + "child-sexual-exploitation.md", "Child Sexual Exploitation", 8, "2026-04-09",
                "How to recognise and respond to the sexual exploitation of children.",
                "Gifts, older boyfriends and unexplained money can be signs that a child is being groomed.",
                (P + "child-criminal-exploitation.md",)),
    FixturePage(P + "child-criminal-exploitation.md", "Child Criminal Exploitation and County Lines", 6, "2026-07-21",
                "How to protect children who are made to commit crime, including carrying drugs along county lines.",
                "Children found far from home with drugs or cash are treated first as victims.",
                (P + "children-missing.md",)),
    FixturePage(P + "domestic-abuse.md", "Domestic Abuse", 10, "2025-10-14",
                "How to safeguard children who live with domestic abuse.",
                "High-risk cases go to the multi-agency risk assessment conference for a safety plan.",
                (P + "parental-mental-health.md",)),
    FixturePage(P + "online-harm.md", "Online Harm and Safety", 3, "2026-09-25",
                "How to respond to harm that children meet online.",
                "Never copy, forward or save an indecent image of a child, even to report it.",
                (P + "child-sexual-exploitation.md",)),
    FixturePage(P + "bruising-non-mobile-babies.md", "Bruising in Non-Mobile Babies", 5, "2024-09-10",
                "What to do when a baby who is not yet crawling or cruising has a bruise.",
                "Any bruise on a baby who cannot move about independently needs a referral the same day.",
                (S + "immediate-protection.md",)),
    FixturePage(P + "fabricated-or-induced-illness.md", "Fabricated or Induced Illness", 2, "2023-06-28",
                "How to respond when a carer may be fabricating or inducing illness in a child.",
                "A chronology of the child's health appointments is often the first step.",
                (S + "strategy-discussions.md",)),
    FixturePage(P + "forced-marriage.md", "Forced Marriage", 4, "2024-03-04",
                "How to protect children and young people at risk of being forced into marriage.",
                "Never share concerns with the family or attempt mediation: it can increase the danger.",
                (P + "honour-based-abuse.md",)),
    FixturePage(P + "honour-based-abuse.md", "So-called Honour-Based Abuse", 3, "2024-03-04",
                "How to recognise and respond to abuse committed to protect a family's so-called honour.",
                "Speak to the young person alone, in a safe place, with an independent interpreter if one is needed.",
                (P + "forced-marriage.md",)),
    FixturePage(P + "radicalisation.md", "Safeguarding Children at Risk of Radicalisation", 5, "2025-11-20",
                "How to support children who may be drawn into extremism.",
                "Concerns can be referred to the Channel panel, which offers voluntary support.",
                (P + "online-harm.md",)),
    FixturePage(P + "self-harm.md", "Self-Harm and Suicidal Behaviour", 6, "2026-01-13",
                "How to respond when a child harms themselves or talks about suicide.",
                "Ask the young person directly whether they are thinking about suicide: asking does not put the idea in their head.",
                (P + "parental-mental-health.md",)),
    FixturePage(P + "private-fostering.md", "Private Fostering", 3, "2023-10-02",
                "How privately fostered children are identified and kept safe.",
                "A child under 16 who lives for 28 days or more with someone who is not a close relative is privately fostered.",
                (S + "assessing-need.md",)),
    FixturePage(P + "children-missing-education.md", "Children Missing Education", 4, "2025-03-18",
                "What schools and the council do when a child is not receiving a suitable education.",
                "Schools tell the council when a pupil is taken off the admission register for any unexpected reason.",
                (P + "children-missing.md",)),
    FixturePage(P + "information-sharing.md", "Information Sharing", 8, "2026-10-30",
                "When and how practitioners share information to keep children safe.",
                "Data protection law is not a barrier to sharing information to protect a child from harm.",
                (S + "referrals.md",)),
    FixturePage(P + "parental-mental-health.md", "Parents with Mental Health Problems", 5, "2025-08-08",
                "How to support children whose parents have mental health problems.",
                "Adult mental health services ask every patient whether they care for children.",
                (P + "parental-substance-misuse.md",)),
    FixturePage(P + "parental-substance-misuse.md", "Parental Substance Misuse", 6, "2025-08-08",
                "How to safeguard children whose parents misuse drugs or alcohol.",
                "Safe storage of methadone and other medicines is checked at every home visit.",
                (P + "parental-mental-health.md",)),
    FixturePage(P + "disabled-children.md", "Safeguarding Disabled Children", 4, "2024-12-12",
                "How to protect disabled children, who face a higher risk of abuse.",
                "Use the child's own way of communicating, with help from people who know them well.",
                (S + "assessing-need.md",)),
    FixturePage(P + "serious-youth-violence.md", "Serious Youth Violence and Knife Crime", 3, "2026-06-30",
                "How agencies respond to serious violence involving children, including knife crime.",
                "A hospital that treats a young person for a stab wound shares this with the police and children's social care.",
                (P + "child-criminal-exploitation.md",)),
    FixturePage(P + "trafficking-and-modern-slavery.md", "Child Trafficking and Modern Slavery", 4, "2025-05-01",
                "How to identify and protect children who have been trafficked or enslaved.",
                "A child does not have to consent to being moved for it to be trafficking.",
                (P + "child-criminal-exploitation.md",)),
    FixturePage(P + "pre-birth-assessment.md", "Pre-Birth Assessment and Unborn Babies", 5, "2024-10-23",
                "How concerns about unborn babies are assessed before birth.",
                "Midwives refer concerns early, ideally before the twentieth week of pregnancy.",
                (P + "bruising-non-mobile-babies.md",)),
    FixturePage(P + "returning-home-from-care.md", "Children Returning Home from Care", 2, "2026-11-20",
                "How children who go home from care are supported and kept safe.",
                "A reunification plan sets out the support the family will have for at least six months.",
                (P + "children-missing.md",)),
    FixturePage(P + "early-help-assessment-2019.md", "Early Help Assessment (2019 Guidance)", 2, "2019-08-01",
                "The 2019 guidance on early help assessments, replaced by Assessing Need and Providing Help.",
                "This guidance was replaced in 2023.", (), status="archived"),
    FixturePage(P + "harmful-sexual-behaviour.md", "Harmful Sexual Behaviour", 1, "2026-11-02",
                "A draft procedure on harmful sexual behaviour between children.",
                "This page is still being written.", (), status="draft"),
)

BY_URI = {p.uri: p for p in PAGES}


def _link(from_uri: str, to_uri: str) -> str:
    """A relative Markdown link between two content pages, as an officer writes it."""
    here, there = from_uri.split("/")[0], to_uri.split("/")
    return there[1] if there[0] == here else f"../{to_uri}"


def body(page: FixturePage) -> str:
    related = [BY_URI[r] for r in page.related]
    first = related[0] if related else None
    see = f" Read it alongside [{first.title}]({_link(page.uri, first.uri)})." if first else ""
    related_list = "\n".join(f"- [{r.title}]({_link(page.uri, r.uri)})" for r in related) or "- None."
    return f"""\
## Purpose

{page.summary}{see} The [contents page](../contents.md) lists every procedure in the manual.

{page.detail}

## Scope

This procedure applies to everyone in Exampleshire who works or volunteers with children and families,
in every agency of the Partnership.

## Procedure

1. Talk to the child, and record what they say in their own words.
2. Discuss your concern with your manager or your agency's safeguarding lead.
3. Decide what action is needed, and record the decision with your reasons.

### Recording

Write down what you saw and heard, the date and time, and who you told. Sign and date the record.

!!! note "If a child is in immediate danger"
    Call the police on 999. Do not wait to speak to a manager first.

## Timescales

| Step | Timescale |
| --- | --- |
| Discuss the concern | The same working day |
| Record the decision | Within one working day |

## Related Procedures

{related_list}
"""


def front_matter(page: FixturePage) -> str:
    meta: dict[str, Any] = {
        "title": page.title,
        "version": page.version,
        "last_updated": page.last_updated,
        "summary": page.summary,
        "owner": "Partnership Business Unit",
    }
    if page.status != "published":
        meta["status"] = page.status
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n\n"


def _nav_pages(nav: Any) -> set[str]:
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, list):
        return set().union(*(_nav_pages(item) for item in nav)) if nav else set()
    if isinstance(nav, dict):
        return set().union(*(_nav_pages(value) for value in nav.values())) if nav else set()
    return set()


def write_fixture_manual(repo: Path, target: Path) -> Path:
    """Write the stand-in manual into ``target``; returns its mkdocs.yml.

    The repository's mkdocs.yml is copied as ``base.yml`` and inherited (MkDocs' INHERIT) by a
    small mkdocs.yml that only:
    - adds docs_dir pages that no nav entry lists yet (the info-sheets) under "Information Sheets";
    - lets links to pages that later features generate (glossary.md, amendments.md) pass as
      INFO rather than WARNING, since the fixture cannot build them.
    """
    project = load_project(repo)
    for page in PAGES:
        path = target / page.uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front_matter(page) + body(page), encoding="utf-8")

    docs_rel = project.docs_dir.relative_to(project.root)
    shutil.copytree(project.docs_dir, target / docs_rel)
    for extra in ("flowcharts", "glossary.yml", "topics.yml"):
        source = repo / extra
        if source.is_dir():
            shutil.copytree(source, target / extra)
        elif source.is_file():
            shutil.copy2(source, target / extra)
    shutil.copy2(project.config_file, target / "base.yml")

    overrides: dict[str, Any] = {
        "INHERIT": "base.yml",
        "validation": {"links": {"not_found": "info"}},
    }
    if project.nav:
        listed = _nav_pages(project.nav)
        unlisted = sorted(
            p.relative_to(project.docs_dir).as_posix()
            for p in project.docs_dir.rglob("*.md")
            if p.relative_to(project.docs_dir).as_posix() not in listed
        )
        if unlisted:
            overrides["nav"] = list(project.nav) + [{"Information Sheets": unlisted}]
    config = target / "mkdocs.yml"
    config.write_text(yaml.safe_dump(overrides, sort_keys=False), encoding="utf-8")
    return config
