"""The theme's additions in a real build: the accessibility statement link on every page (and the
option's bad values), the print-only notice, the local script, and a 404 page that helps."""

from __future__ import annotations

import pytest

from tests.conftest import page


def test_every_page_links_to_the_accessibility_statement(project):
    project.write("docs/accessibility.md", "---\ntitle: Accessibility Statement\n---\n\n## Compliance status\n\nText.\n")
    built = project.build()
    assert built.returncode == 0, built.output
    for rel, href in [("index.html", "accessibility/"), ("statutory/referrals/index.html", "../../accessibility/"),
                      ("contents/index.html", "../accessibility/"), ("404.html", "/accessibility/")]:
        html = built.html(rel)
        assert f'<li><a href="{href}">Accessibility statement</a></li>' in html, rel


def test_statement_named_in_the_options(project):
    project.write("docs/about/a11y.md", "---\ntitle: Accessibility\n---\n\nText.\n")
    project.config(accessibility_statement="about/a11y.md")
    built = project.build()
    assert built.returncode == 0, built.output
    assert '<a href="../../about/a11y/">Accessibility statement</a>' in built.html("statutory/referrals/index.html")


def test_no_statement_no_link(project):
    built = project.build()
    assert built.returncode == 0, built.output
    assert "pm-footer-links" not in built.html("index.html")


@pytest.mark.parametrize(("value", "message"), [
    ("missing.md", "accessibility_statement 'missing.md' is not a page: there is no docs/missing.md; write the "
                   "statement there, or correct the option in mkdocs.yml"),
    (5, "accessibility_statement"),
    (["accessibility.md"], "accessibility_statement"),
], ids=["no-such-page", "number", "list"])
def test_bad_statement_option_stops_the_build(project, value, message):
    project.config(accessibility_statement=value)
    built = project.build()
    assert built.returncode != 0
    assert message in built.output
    assert "Traceback" not in built.output


def test_print_notice_script_and_404(project):
    project.config(_mkdocs={"site_url": "https://manual.example.org/"})
    built = project.build()
    assert built.returncode == 0, built.output
    html = built.html("statutory/referrals/index.html")
    assert "Uncontrolled when printed: check the website for the current version." in html
    assert '<span class="pm-print__url" data-pm-print-url>https://manual.example.org/statutory/referrals/</span>' in html
    assert "data-pm-print-date></span>" in html
    assert '<script src="../../assets/procedures/manual.js"></script>' in html
    assert (built.site / "assets" / "procedures" / "manual.js").is_file()
    assert html.index("bundle.") < html.index("assets/procedures/manual.js")  # after Material's own script
    assert "<script>" not in built.html("statutory/referrals/index.html").split("manual.js")[1]  # nothing inline of ours
    missing = built.html("404.html")
    assert "<h1>Page not found</h1>" in missing and 'href="/.">home page</a>' in missing


def test_print_notice_without_site_url_is_left_to_the_browser(project):
    built = project.build()
    assert built.returncode == 0, built.output
    assert '<span class="pm-print__url" data-pm-print-url></span>' in built.html("statutory/referrals/index.html")


def test_titles_in_the_print_notice_are_escaped(project):
    project.write("statutory/referrals.md", page(title="Referrals <script>alert(1)</script>"))
    project.config(_mkdocs={"site_url": "https://manual.example.org/"})
    built = project.build()
    assert built.returncode == 0, built.output
    assert "<script>alert(1)</script>" not in built.html("statutory/referrals/index.html")
