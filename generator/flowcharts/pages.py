"""Each flowchart's own page (generated Markdown) and the flowcharts' rows on the contents page."""

from __future__ import annotations

import posixpath

from ..core.dates import DEFAULT_FORMAT, format_date
from ..pages.render import render
from .model import Flowchart


def page_markdown(chart: Flowchart, *, date_format: str = DEFAULT_FORMAT) -> str:
    """The Markdown of ``flowcharts/<name>.md``: summary, the figure (``!flowchart``), the changes."""
    return render(
        "flowchart.md.j2",
        title=chart.title,
        summary=chart.meta.summary,
        name=chart.name,
        svg_link=posixpath.basename(chart.svg_uri),
        changes=[
            {"version": c.version, "date": format_date(c.date, date_format), "note": c.note}
            for c in chart.meta.changes
        ],
    )
