from lsip.governance.views import board, meetings, terms

app_name = "governance"
urlpatterns = [*board.urlpatterns, *meetings.urlpatterns, *terms.urlpatterns]
