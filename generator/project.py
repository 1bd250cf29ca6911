"""A manual's configuration, read from ``mkdocs.yml`` once, without MkDocs.

``Project`` is what the site plan (``generator/site``) works from: the folders, the typed plugin
settings, and the few MkDocs settings the plan needs (``nav``, ``validation``, ``not_in_nav``, the
site's address). ``procedures check`` and the other commands make one with ``load_project``; the
MkDocs adapter makes one from MkDocs' own configuration (``plugin.py``), so both describe a
manual alike. MkDocs' own YAML tags (``!ENV``, ``!relative``) are accepted and read as nothing
here; the build, which resolves them, passes its values in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .core import yamlsource
from .core.manual import Section
from .options import Settings, settings_from, validate


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


@dataclass(frozen=True)
class Project:
    """One manual: where its files are, and its settings."""

    root: Path
    config_file: Path
    docs_dir: Path
    settings: Settings = field(default_factory=Settings)
    nav: Any = None  # mkdocs.yml's `nav`, as written
    site_name: str = ""
    site_url: str | None = None
    use_directory_urls: bool = True
    config: dict[str, Any] = field(default_factory=dict)  # the whole of mkdocs.yml, as written
    config_text: str | None = None  # and its text, for the lines of `nav` (read once)
    options: dict[str, Any] = field(default_factory=dict)  # the plugin's options, as written
    option_problems: tuple[tuple[str, bool], ...] = ()  # (message, is an error) from their types
    options_line: int = 0  # the line of the plugin's entry in mkdocs.yml, for messages about its options
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def sections(self) -> list[Section]:
        return [Section(s.folder.strip("/"), s.label) for s in self.settings.sections]

    def with_build_values(self, **values: Any) -> "Project":
        """This project with the values MkDocs resolved (``!ENV`` tags, the ``docs_dir`` it uses)."""
        return dataclasses.replace(self, **values)

    def option_lines(self, name: str) -> dict[str, int]:
        """The lines of the keys of the plugin option ``name`` in mkdocs.yml (``checks:``, ``topics:``)."""
        located = located_option(self.config_file, name)
        if located is None or not isinstance(located[0], yamlsource.LocatedDict):
            return {}
        return {str(k): v for k, v in located[0].lines.items()}


def plugin_options(config: dict[str, Any]) -> dict[str, Any] | None:
    for item in config.get("plugins") or []:
        if item == "procedures":
            return {}
        if isinstance(item, dict) and "procedures" in item:
            return item["procedures"] or {}
    if isinstance(config.get("plugins"), dict) and "procedures" in config["plugins"]:
        return config["plugins"]["procedures"] or {}
    return None


@functools.lru_cache(maxsize=8)
def _located_config(path: str, stamp: tuple[int, int]) -> Any:
    """mkdocs.yml as located YAML, read once for each version of the file."""
    try:
        return yamlsource.load_tolerant(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yamlsource.YamlError):
        return None


def located_option(config_file: Path, name: str) -> tuple[Any, int] | None:
    """The procedures plugin option ``name`` as written in ``config_file``, read as located YAML
    (``generator.core.yamlsource``: every mapping and list knows the line of each key and item),
    with the line of ``name:`` itself, so that its problems can name their line of mkdocs.yml.

    ``None`` when the file cannot be read that way or has no such option: callers then report
    without a line rather than fail.
    """
    try:
        stat = config_file.stat()
    except OSError:
        return None
    config = _located_config(str(config_file.resolve()), (stat.st_mtime_ns, stat.st_size))
    if not isinstance(config, dict):
        return None
    options = plugin_options(config)
    if not isinstance(options, yamlsource.LocatedDict) or name not in options:
        return None
    return options[name], options.line_of(name)


def load_project(directory: Path, config_name: str = "mkdocs.yml", *, today: dt.date | None = None) -> Project:
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
    for item in options.get("sections") or []:
        if not (isinstance(item, dict) and isinstance(item.get("folder"), str) and isinstance(item.get("label"), str)):
            raise _error(
                config_file,
                "each entry of 'sections' in the procedures plugin options needs "
                "'folder: ...' and 'label: ...', for example '- {folder: statutory, label: Statutory Procedures}'"
            )
    values, errors, warnings = validate(options)
    # Values of the wrong type are reported (option_problems) and read as their defaults here.
    wrong = {k for k in values for e in errors if f"option '{k}'" in e or f"option '{k}: " in e}
    settings = settings_from({k: v for k, v in values.items() if k not in wrong})
    root = config_file.resolve().parent
    return Project(
        root=root,
        config_file=config_file,
        docs_dir=root / str(config.get("docs_dir") or "docs"),
        settings=settings,
        nav=config.get("nav"),
        site_name=str(config.get("site_name") or ""),
        site_url=config.get("site_url") if isinstance(config.get("site_url"), str) else None,
        use_directory_urls=config.get("use_directory_urls") is not False,
        config=config,
        config_text=text,
        options=options,
        option_problems=tuple([(e, True) for e in errors] + [(w, False) for w in warnings]),
        options_line=_plugin_line(text),
        today=today or settings.today or dt.date.today(),
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
