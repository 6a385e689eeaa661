"""Governance pages: meetings (see lsip/governance/urls.py)."""

urlpatterns = []
