from lsip.governance.views import board, meetings

app_name = "governance"
urlpatterns = [*board.urlpatterns, *meetings.urlpatterns]
