"""Governance pages: board (see lsip/governance/urls.py)."""

urlpatterns = []
