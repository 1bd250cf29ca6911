"""Review dates: every page is reviewed on time, and its owner knows when.

Learnt from GOV.UK's tech-docs page review: every procedure, flowchart and info-sheet may carry
``review_due`` and ``owner``; a page past its date shows a banner, the build warns (configurable),
and ``procedures report`` lists what each owner has to review. Plain Python, no MkDocs:

* ``due``: which pages are overdue, the banner's data, the build's warnings and the options;
* ``report``: ``procedures report``, grouped by owner, as text or JSON.
"""

from .due import FLOWCHART, INFO_SHEET, PROCEDURE, Reviewable, banner, is_overdue, options, overdue_warnings, reviewables
from .report import ReviewReport, report_json, report_text, review_report

__all__ = [
    "FLOWCHART", "INFO_SHEET", "PROCEDURE", "ReviewReport", "Reviewable", "banner", "is_overdue", "options",
    "overdue_warnings", "report_json", "report_text", "review_report", "reviewables",
]
