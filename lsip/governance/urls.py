from lsip.governance.views import board, corrections, meetings, terms

app_name = "governance"
urlpatterns = [
    *board.urlpatterns,
    *meetings.urlpatterns,
    *terms.urlpatterns,
    *corrections.urlpatterns,
]
