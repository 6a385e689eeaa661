"""Plan pages: items (see lsip/plans/urls.py)."""

urlpatterns = []
