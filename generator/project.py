"""Read the procedures plugin's options from ``mkdocs.yml`` without starting MkDocs.

The command line needs the content folders and options that the build uses, but must stay fast
and must not need a full MkDocs configuration load. MkDocs' own YAML tags (``!ENV``,
``!relative``) are accepted and ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .core import yamlsource
from .core.frontmatter import parse_iso_date
from .core.manual import DEFAULT_SECTIONS, Section


class ProjectError(Exception):
    """mkdocs.yml cannot be used. ``detail`` is the message without the file name, ``line`` its
    line (0 when unknown), so that ``procedures check`` can report it in any output format."""

    def __init__(self, message: str, *, detail: str = "", line: int = 0) -> None:
        super().__init__(message)
        self.detail = detail or message
        self.line = line


def _error(config_file: Path, detail: str, line: int = 0) -> ProjectError:
    where = f"{config_file}:{line}" if line else str(config_file)
    return ProjectError(f"{where}: {detail}", detail=detail, line=line)


class _Loader(yaml.SafeLoader):
    """Dates stay text, so that an impossible one is reported by the option's check, not raised."""


_Loader.yaml_implicit_resolvers = yamlsource.RESOLVERS_WITHOUT_DATES
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass
class Project:
    root: Path
    config_file: Path
    docs_dir: Path
    sections: list[Section]
    options: dict[str, Any]
    nav: Any
    today: dt.date = field(default_factory=dt.date.today)
    options_line: int = 0  # the line of the plugin's entry in mkdocs.yml, for messages about its options


def plugin_options(config: dict[str, Any]) -> dict[str, Any] | None:
    for item in config.get("plugins") or []:
        if item == "procedures":
            return {}
        if isinstance(item, dict) and "procedures" in item:
            return item["procedures"] or {}
    if isinstance(config.get("plugins"), dict) and "procedures" in config["plugins"]:
        return config["plugins"]["procedures"] or {}
    return None


def located_option(config_file: Path, name: str) -> tuple[Any, int] | None:
    """The procedures plugin option ``name`` as written in ``config_file``, read as located YAML
    (``generator.core.yamlsource``: every mapping and list knows the line of each key and item),
    with the line of ``name:`` itself, so that its problems can name their line of mkdocs.yml.

    ``None`` when the file cannot be read that way or has no such option: callers then report
    without a line rather than fail.
    """
    from .core import yamlsource

    try:
        config = yamlsource.load_tolerant(config_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yamlsource.YamlError):
        return None
    if not isinstance(config, dict):
        return None
    options = plugin_options(config)
    if not isinstance(options, yamlsource.LocatedDict) or name not in options:
        return None
    return options[name], options.line_of(name)


def load_project(directory: Path, config_name: str = "mkdocs.yml") -> Project:
    config_file = directory / config_name
    if not config_file.is_file():
        raise _error(config_file, "not found; run the command in the folder that holds mkdocs.yml, or use -C FOLDER")
    try:
        text = config_file.read_text(encoding="utf-8")
        config = yaml.load(text, Loader=_Loader) or {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        detail = f"the YAML is not valid ({error.problem or error.context})"
        raise _error(config_file, detail, mark.line + 1 if mark else 0) from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise _error(config_file, f"cannot be read: {' '.join(str(error).split())}") from None
    if not isinstance(config, dict):
        raise _error(config_file, "must be a block of settings such as 'site_name: ...'")
    options = plugin_options(config)
    if options is None:
        raise _error(config_file, "the 'procedures' plugin is not listed under 'plugins'")
    if not isinstance(options, dict):
        raise _error(config_file, "the options of the 'procedures' plugin must be a block of settings")
    sections = []
    for item in options.get("sections") or []:
        if not (isinstance(item, dict) and isinstance(item.get("folder"), str) and isinstance(item.get("label"), str)):
            raise _error(
                config_file,
                "each entry of 'sections' in the procedures plugin options needs "
                "'folder: ...' and 'label: ...', for example '- {folder: statutory, label: Statutory Procedures}'"
            )
        sections.append(Section(item["folder"].strip("/"), item["label"]))
    root = config_file.resolve().parent
    today = parse_iso_date(options.get("today")) or dt.date.today()
    return Project(
        root=root,
        config_file=config_file,
        docs_dir=root / str(config.get("docs_dir", "docs")),
        sections=sections or [Section(f, l) for f, l in DEFAULT_SECTIONS],
        options=options,
        nav=config.get("nav"),
        today=today,
        options_line=_plugin_line(text),
    )


def plugin_line(config_file: Path) -> int:
    """The line of the procedures plugin's entry in ``config_file`` (0 when it cannot be read)."""
    try:
        return _plugin_line(config_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return 0


_PLUGIN_ENTRY = re.compile(r"^\s*(?:-\s*)?procedures\s*(?::|$)", re.M)


def _plugin_line(text: str) -> int:
    """The line of ``- procedures:`` under ``plugins:`` (0 when it cannot be found)."""
    plugins = re.search(r"^plugins\s*:", text, re.M)
    match = _PLUGIN_ENTRY.search(text, plugins.end()) if plugins else None
    return text.count("\n", 0, match.start()) + 1 if match else 0
