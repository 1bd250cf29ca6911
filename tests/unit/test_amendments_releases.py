"""Releases from the plugin options, and which release a change belongs to."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.amendments.releases import Release, Releases, parse_releases

D = dt.date
U13, U14, U15 = Release(D(2025, 5, 1), "Update 13"), Release(D(2025, 11, 1), "Update 14"), Release(D(2026, 11, 1), "Update 15")
DEMO = Releases(U15, [U13, U14])


def test_parse_the_demo_options():
    releases, problems = parse_releases(
        {"name": "Update 15", "date": "2026-11-01"},
        [{"name": "Update 14", "date": D(2025, 11, 1)}, {"name": " Update  13 ", "date": "2025-05-01"}],
    )
    assert problems == []
    assert releases == DEMO  # earlier releases sorted oldest first, names tidied
    assert releases.last_before_current == U14


def test_no_release_configured_is_fine():
    releases, problems = parse_releases({}, [])
    assert problems == [] and releases.current is None and releases.all == []
    assert parse_releases({"name": None, "date": None}, None) == (Releases(), [])


@pytest.mark.parametrize(
    ("current", "previous", "expected"),
    [
        ({"name": "Update 15"}, [], "'release' 'Update 15' needs a 'date' written YYYY-MM-DD, not nothing"),
        ({"name": "Update 15", "date": "2026-13-45"}, [], "needs a 'date' written YYYY-MM-DD, not '2026-13-45'"),
        ({"name": "Update 15", "date": "1 November 2026"}, [], "not '1 November 2026'"),
        ({"date": "2026-11-01"}, [], "'release' needs a 'name'"),
        ({"name": "  ", "date": "2026-11-01"}, [], "'release' needs a 'name'"),
        ({"name": 15, "date": "2026-11-01"}, [], "'release' needs a 'name'"),
        ({"name": "Update 15", "date": "2026-11-01"}, ["Update 14"], "'releases' must be a name and a date"),
        ({"name": "Update 15", "date": "2026-11-01"}, [{"name": "Update 16", "date": "2027-05-01"}],
         "the earlier release 'Update 16' (2027-05-01) is not before the current release 'Update 15'"),
        ({"name": "Update 15", "date": "2026-11-01"}, [{"name": "Update 14", "date": "2025-11-01"}, {"name": "update 14", "date": "2025-12-01"}],
         "the releases 'Update 14' and 'update 14' have the same name"),
        ({"name": "Update 15", "date": "2026-11-01"}, [{"name": "A", "date": "2025-11-01"}, {"name": "B", "date": "2025-11-01"}],
         "have the same date"),
        ({"name": "Update 15", "date": "2026-11-01"}, [{"name": "Update 15", "date": "2025-11-01"}], "'Update 15' is used twice"),
        ({}, [{"name": "Update 14", "date": "2025-11-01"}], "also set the current one: release: {name: \"Update 15\", date: 2026-11-01}"),
    ],
)
def test_bad_release_options_are_explained(current, previous, expected):
    _, problems = parse_releases(current, previous)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("procedures plugin: ") for p in problems)


@pytest.mark.parametrize(
    ("date", "release"),
    [
        (D(2019, 1, 1), U13),  # older than every release: the oldest one
        (D(2025, 5, 1), U13),  # on the release date: that release
        (D(2025, 5, 2), U14),
        (D(2025, 11, 1), U14),
        (D(2025, 11, 2), U15),
        (D(2026, 11, 1), U15),
        (D(2026, 11, 2), None),  # after the current release: not yet released
    ],
)
def test_a_change_belongs_to_the_release_on_or_after_its_date(date, release):
    assert DEMO.release_for(date) == release
