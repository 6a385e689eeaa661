from lsip.governance.views import board, corrections, decisions, funding, meetings, terms

app_name = "governance"
urlpatterns = [
    *board.urlpatterns,
    *meetings.urlpatterns,
    *decisions.urlpatterns,
    *funding.urlpatterns,
    *terms.urlpatterns,
    *corrections.urlpatterns,
]
