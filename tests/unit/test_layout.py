"""The package's layout tells the truth: one name means one thing.

Two classes with one name (two ``Entry``, two ``NavEntry``) make every import and every
traceback ambiguous, so a class name is used once in ``generator/``, private ones included.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[2] / "generator"


def class_names(folder: Path) -> dict[str, list[str]]:
    """Every class defined in the Python files under ``folder``: name -> ``file:line`` of each."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.ClassDef):
                found[node.name].append(f"{path.relative_to(folder.parent).as_posix()}:{node.lineno}")
    return found


def test_class_names_finds_a_name_used_twice(tmp_path):
    package = tmp_path / "generator"
    (package / "one").mkdir(parents=True)
    (package / "one" / "a.py").write_text("class Entry:\n    pass\n", encoding="utf-8")
    (package / "b.py").write_text("def f():\n    class Entry:\n        pass\n", encoding="utf-8")
    assert class_names(package)["Entry"] == ["generator/b.py:2", "generator/one/a.py:1"]


def test_no_two_classes_share_a_name():
    names = class_names(GENERATOR)
    assert len(names) > 50  # the walk found the package
    shared = {name: places for name, places in names.items() if len(places) > 1}
    assert shared == {}, "rename one of each pair, for what it holds"


# Walking the built site (not the sources) to check or publish it is not finding sources.
BUILT_SITE_WALKERS = {"generator/publish/build.py", "generator/publish/linkcheck.py", "generator/publish/anchors.py"}


def test_source_folders_are_walked_in_one_place():
    """``generator/core/files.py`` finds source files, so every part sees the same files."""
    walking = ("os.walk(", ".rglob(", ".glob(", ".iterdir(", "os.listdir(", "os.scandir(")
    found = sorted(
        path.relative_to(GENERATOR.parent).as_posix()
        for path in GENERATOR.rglob("*.py")
        if any(call in path.read_text(encoding="utf-8") for call in walking)
    )
    assert found == sorted({"generator/core/files.py"} | BUILT_SITE_WALKERS)
