"""The options are declared once: the README's table is generated from the declarations."""

from __future__ import annotations

import dataclasses
import re

from generator.options import SCHEMA, Settings, options_table, settings_from, validate
from tests.conftest import REPO


def test_the_readme_lists_every_option_as_declared():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- options-table[^\n]*-->\n(.*?)<!-- /options-table -->", readme, re.S)
    assert table is not None, "README.md has no options table"
    assert table.group(1) == options_table(), "regenerate it: python -c 'from generator.options import options_table; print(options_table())'"


def test_every_option_has_its_documentation():
    def walk(options, where=""):
        for name, option in options.items():
            assert option.doc, f"{where}{name} has no documentation"
            walk(option.fields, f"{where}{name}: ")

    walk(SCHEMA)


def test_defaults_come_only_from_the_declarations():
    values, errors, warnings = validate({})
    assert not errors and not warnings
    assert settings_from(values) == Settings()
    assert Settings().sections[0].folder == "statutory"


def test_settings_are_frozen_and_typed():
    settings = settings_from(validate({"glossary": {"exclude": ["about.md"]}, "checks": {"listed-twice": "off"}})[0])
    assert settings.glossary.exclude == ("about.md",)
    assert dict(settings.checks) == {"listed-twice": "off"}
    try:
        settings.glossary = None  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("settings can be changed")
