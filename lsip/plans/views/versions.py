"""Plan pages: versions (see lsip/plans/urls.py)."""

urlpatterns = []
