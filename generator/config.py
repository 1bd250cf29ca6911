"""The plugin's options as MkDocs' typed ``Config`` schema, built from ``options.SCHEMA``.

This is the one module besides ``plugin.py`` that imports MkDocs. The options themselves, their
defaults and their type checks live in plain Python (``generator/options.py``), so that
``procedures check`` reads mkdocs.yml exactly as the build does without starting MkDocs, and a
successor of MkDocs needs only a new adapter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from mkdocs.config import base
from mkdocs.config import config_options as c

from .options import SCHEMA, Option, type_problem


class SchemaOption(base.BaseConfigOption[Any]):
    """A scalar or list option, checked by ``options.type_problem`` (the message officers see)."""

    def __init__(self, option: Option) -> None:
        super().__init__()
        self.option = option
        self.default = option.default

    def validate(self, value: object) -> Any:
        clean, message = type_problem(self.option, value)
        if message:
            raise base.ValidationError(message)
        return clean


def config_class(name: str, fields: Mapping[str, Option]) -> type[base.Config]:
    """A ``Config`` subclass with one MkDocs option per entry of ``fields``."""
    attributes: dict[str, Any] = {}
    for key, option in fields.items():
        if option.kind == "block":
            attributes[key] = c.SubConfig(config_class(f"{name}_{key}", option.fields))
        elif option.kind == "blocks":
            items = c.SubConfig(config_class(f"{name}_{key}", option.fields))
            attributes[key] = c.ListOfItems(items, default=option.default or [])
        else:
            attributes[key] = SchemaOption(option)
    return type(name, (base.Config,), attributes)


if TYPE_CHECKING:

    class ProceduresConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs leaves __init_subclass__ untyped
        """The plugin's options as MkDocs checks them (the class is made from SCHEMA below)."""

else:
    ProceduresConfig = config_class("ProceduresConfig", SCHEMA)
