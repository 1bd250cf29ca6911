"""The one folder walk: which files are sources, and in what order."""

from __future__ import annotations

import os

import pytest

from generator.core.files import source_files


@pytest.fixture
def tree(tmp_path):
    for name in [
        "b.md", "a.md", "notes.txt", "chart.yml", "old.yaml", ".hidden.md", "README.MD",
        "z/second.md", "z/first.md", "y/deeper/page.md", "y/top.md", ".git/config.md", "y/.cache/x.md",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    (tmp_path / "folder.md").mkdir()  # a folder is not a file, whatever its name
    return tmp_path


def names(paths, root):
    return [p.relative_to(root).as_posix() for p in paths]


def test_markdown_files_in_reading_order_without_hidden_ones(tree):
    # A folder's own files by name, then each sub-folder's by name; nothing hidden; case counts.
    assert names(source_files(tree), tree) == ["a.md", "b.md", "y/top.md", "y/deeper/page.md", "z/first.md", "z/second.md"]


@pytest.mark.parametrize("suffixes, recursive, expected", [
    ((".yml", ".yaml"), True, ["chart.yml", "old.yaml"]),
    ([".txt"], True, ["notes.txt"]),
    ((".md",), False, ["a.md", "b.md"]),
    (None, False, ["README.MD", "a.md", "b.md", "chart.yml", "notes.txt", "old.yaml"]),
])
def test_suffixes_and_depth(tree, suffixes, recursive, expected):
    assert names(source_files(tree, suffixes, recursive=recursive), tree) == expected


def test_a_missing_folder_or_a_file_holds_nothing(tmp_path):
    assert source_files(tmp_path / "missing") == []
    (tmp_path / "page.md").write_text("x", encoding="utf-8")
    assert source_files(tmp_path / "page.md") == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_link_to_a_parent_folder_is_not_followed(tmp_path):
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert names(source_files(tmp_path), tmp_path) == ["a.md"]
