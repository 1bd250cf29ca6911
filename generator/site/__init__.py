"""The site plan: everything the site will hold, computed by plain Python (``plan.plan_site``).

``urls`` gives pages' addresses as MkDocs does; ``views`` holds the typed values the theme shows.
"""

from .plan import COLOURS, Caches, PlannedPage, SitePlan, plan_site
from .views import PageView, SiteView

__all__ = ["COLOURS", "Caches", "PageView", "PlannedPage", "SitePlan", "SiteView", "plan_site"]
