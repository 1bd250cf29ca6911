"""The Jinja environment for generated Markdown pages."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2

from ..core import mdtext

TEMPLATES = Path(__file__).parent / "templates"


@functools.lru_cache(maxsize=None)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,  # the output is Markdown; values are escaped with the `md` filter
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = mdtext.inline
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
