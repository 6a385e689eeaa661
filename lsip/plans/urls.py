from lsip.plans.views import (
    actions,
    annex_a,
    context,
    duties,
    outcomes,
    plans,
    priorities,
    versions,
)

app_name = "plans"
urlpatterns = [
    *plans.urlpatterns,
    *priorities.urlpatterns,
    *actions.urlpatterns,
    *annex_a.urlpatterns,
    *outcomes.urlpatterns,
    *context.urlpatterns,
    *duties.urlpatterns,
    *versions.urlpatterns,
]
