"""The print edition: each chapter, and the whole manual, as one page to print.

* ``edition``   which print pages the site has, and what each holds (plain data, from the site plan);
* ``extension`` the Python-Markdown extension that lays out a print page: each procedure with its
  numbered title, version stamp, web address, text and related box, its ids kept apart from the
  other procedures' and its links pointing within the page or to the website.

The whole manual's page holds no Markdown of its own: the theme shows the chapters' pages one
after another (``theme/partials/procedures/print-parts.html``), so each procedure is converted
once for the print edition, not twice.
"""

from .edition import Chapter, Edition, Editions, Printed, Related, plan_editions
from .extension import PrintExtension

__all__ = ["Chapter", "Edition", "Editions", "PrintExtension", "Printed", "Related", "plan_editions"]
