from lsip.plans.views import annex, items, versions

app_name = "plans"
urlpatterns = [*items.urlpatterns, *annex.urlpatterns, *versions.urlpatterns]
