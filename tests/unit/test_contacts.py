"""Contacts: UK numbers, numbers typed in text, the uses of contacts in pages, and the extension
that draws them (Markdown in, HTML out)."""

from __future__ import annotations

import markdown
import pytest

from generator.contacts.extension import ContactExtension
from generator.contacts.model import Contact, ContactBook, PhoneLine
from generator.contacts.phones import Phone, numbers_in, parse_uk
from generator.contacts.usage import uses_in
from generator.links.scanner import links_in

NUMBERS = [
    # written, shown, tel
    ("020 7946 0000", "020 7946 0000", "tel:+442079460000"),
    ("02079460000", "020 7946 0000", "tel:+442079460000"),
    ("+44 (0)20 7946 0000", "020 7946 0000", "tel:+442079460000"),
    ("+44 20 7946 0000", "020 7946 0000", "tel:+442079460000"),
    ("(0113) 496 0123", "0113 496 0123", "tel:+441134960123"),
    ("0113-496-0123", "0113 496 0123", "tel:+441134960123"),
    ("0808 157 0000", "0808 157 0000", "tel:+448081570000"),
    ("999", "999", "tel:999"),
    (999, "999", "tel:999"),
    ("116 123", "116 123", "tel:116123"),
]


@pytest.mark.parametrize(("written", "shown", "tel"), NUMBERS, ids=[str(n[0]) for n in NUMBERS])
def test_a_uk_number_is_shown_in_one_format(written, shown, tel):
    phone, problem = parse_uk(written)
    assert problem is None
    assert (phone.shown, phone.tel) == (shown, tel)


REFUSED = [
    ("0800 FLOWERS", "has letters in it"),
    ("O2O 7946 OOOO", "has letters in it"),
    ("+33 1 23 45 67 89", "is not a UK number (it dials country code +33)"),
    ("020 7946 000", "is not a valid UK number"),
    ("01632 960001", "is not a valid UK number"),  # Ofcom's drama range that libphonenumber does not know
    ("020/7946/0000", "is not a telephone number"),
    (2079460000, "read as a whole number, so a leading 0 is lost"),
    ("", "must be a telephone number"),
    (None, "must be a telephone number"),
    (["020 7946 0000"], "must be a telephone number such as 020 7946 0000, not a list"),
]


@pytest.mark.parametrize(("written", "said"), REFUSED, ids=[str(n[0]) for n in REFUSED])
def test_a_number_that_cannot_be_rung_is_refused_with_its_reason(written, said):
    phone, problem = parse_uk(written)
    assert phone is None
    assert said in problem


def test_numbers_typed_in_text_are_found_with_their_lines():
    text = "Ring 020 7946 0000 now,\nor (0113) 496 0123, or 999 (0113 496 0100).\nIn 2023-04-14, 1989, version 14, ref 0123456789012.\n[call](tel:+441134960123)"
    assert [(f.line, f.written, f.phone.shown) for f in numbers_in(text)] == [
        (1, "020 7946 0000", "020 7946 0000"), (2, "(0113) 496 0123", "0113 496 0123"), (2, "0113 496 0100", "0113 496 0100"), (4, "+441134960123", "0113 496 0123"),
    ]


USES = [
    ("!contact front-door", [("front-door", "")]),
    ("  !contact front-door  ", [("front-door", "")]),
    ("See [[contact:front-door]] or [[contact:lado:phone]].", [("front-door", ""), ("lado", "")]),
    ("`!contact front-door` and `[[contact:lado]]`", []),
    ("```\n!contact front-door\n```", []),
    ("!contacts are listed", []),
    ("!contact", [("", "is not a contact")]),
    ("!contact front door", [("front", "is not a contact")]),
    ("[[contact:]]", [("", "has no contact key")]),
    ("[[contact:lado:fax]]", [("lado", "asks for 'fax'")]),
]


@pytest.mark.parametrize(("text", "expected"), USES, ids=[u[0] for u in USES])
def test_uses_of_contacts_are_read_from_the_source(text, expected):
    found = [(use.key, use.problem) for use in uses_in(text)]
    assert [key for key, _ in found] == [key for key, _ in expected]
    for (_, problem), (_, said) in zip(found, expected, strict=True):
        assert said in problem if said else problem == ""


def test_the_link_scanner_does_not_take_an_inline_contact_for_a_link():
    assert links_in("Ring [[contact:front-door]] or [[contact:lado:phone]] now.") == ()


# --------------------------------------------------------------------------- the extension


def book() -> ContactBook:
    front = Contact(
        "front-door", "Children's <Services> & Front Door", purpose="Any worry about a child",
        phones=(PhoneLine(Phone("020 7946 0000", "tel:+442079460000"), "Monday to Friday"),),
        out_of_hours_key="edt", email="front@example.org.uk", web="https://www.example.org.uk/front/",
        address="County Hall",
    )
    edt = Contact("edt", "Emergency Duty Team", phones=(PhoneLine(Phone("020 7946 0999", "tel:+442079460999")),))
    mail = Contact("mail-only", "Business Unit", email="unit@example.org.uk", out_of_hours="Wait for the next working day")
    return ContactBook("contacts.yml", {c.key: c for c in (front, edt, mail)}, {"front-door", "edt", "mail-only"})


def render(text: str, page_uri: str = "statutory/referrals.md", contacts_page: str | None = "contacts.md") -> str:
    extension = ContactExtension(book(), contacts_page)
    extension.page_uri = page_uri
    return markdown.Markdown(extensions=[extension, "admonition"]).convert(text)


def test_a_contact_line_becomes_a_card_with_click_to_call_links():
    html = render("Before.\n\n!contact front-door\n\nAfter.")
    assert '<p class="pm-contact__name"><a href="../contacts.md#front-door">Children\'s &lt;Services&gt; &amp; Front Door</a></p>' in html
    assert '<dt>Telephone</dt>\n<dd><a class="pm-contact__tel" href="tel:+442079460000">020 7946 0000</a> <span class="pm-contact__hours">Monday to Friday</span></dd>' in html
    assert '<dd><a href="../contacts.md#edt">Emergency Duty Team</a>: <a class="pm-contact__tel" href="tel:+442079460999">020 7946 0999</a></dd>' in html
    assert '<a href="mailto:front@example.org.uk">front@example.org.uk</a>' in html
    assert '<a href="https://www.example.org.uk/front/">www.example.org.uk/front</a>' in html
    assert html.startswith("<p>Before.</p>") and html.endswith("<p>After.</p>")


def test_a_card_sits_in_an_admonition_or_a_list_item_and_never_in_code():
    html = render('!!! note "Who to call"\n    !contact edt\n\n1. Ring them:\n\n    !contact edt\n\n```\n!contact edt\n```\n')
    assert html.count('class="pm-contact"') == 2
    assert "<code>!contact edt" in html or "!contact edt\n</code>" in html


def test_on_the_contacts_page_a_card_is_the_entry_with_its_heading():
    html = render("!contact edt", page_uri="contacts.md")
    assert '<div class="pm-contact pm-contact--entry">\n<h2 id="edt">Emergency Duty Team</h2>' in html


def test_without_a_contacts_page_the_name_is_not_a_link():
    assert '<span class="pm-contact__name-text">Emergency Duty Team</span>' in render("!contact edt", contacts_page=None)


INLINE = [
    ("[[contact:edt]]", '<span class="pm-contact-inline"><a href="../contacts.md#edt">Emergency Duty Team</a> (<a class="pm-contact__tel" href="tel:+442079460999">020 7946 0999</a>)</span>'),
    ("[[contact:edt:phone]]", '<span class="pm-contact-inline"><a class="pm-contact__tel" href="tel:+442079460999">020 7946 0999</a></span>'),
    ("[[contact:edt:name]]", '<span class="pm-contact-inline"><a href="../contacts.md#edt">Emergency Duty Team</a></span>'),
    ("[[contact:mail-only]]", '<a href="../contacts.md#mail-only">Business Unit</a> (<a href="mailto:unit@example.org.uk">unit@example.org.uk</a>)'),
    ("[[contact:mail-only:email]]", '<a href="mailto:unit@example.org.uk">unit@example.org.uk</a>'),
    ("`[[contact:edt]]`", "<code>[[contact:edt]]</code>"),
    ("[[contact:nobody]]", "[[contact:nobody]]"),
]


@pytest.mark.parametrize(("text", "html"), INLINE, ids=[i[0] for i in INLINE])
def test_a_contact_in_a_sentence(text, html):
    assert html in render(f"Ring {text} today.")


def test_out_of_hours_in_words_and_an_unknown_contact_shown_as_written():
    assert "<dt>Out of hours</dt>\n<dd>Wait for the next working day</dd>" in render("!contact mail-only")
    extension = ContactExtension(book())
    html = markdown.Markdown(extensions=[extension]).convert("!contact nobody")
    assert html == "<p>!contact nobody</p>" and extension.missing == ["nobody"]
