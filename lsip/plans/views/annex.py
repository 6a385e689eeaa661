"""Plan pages: annex (see lsip/plans/urls.py)."""

urlpatterns = []
