"""The one way to read an area's organisations, shared by pages, API and exports."""

from django.db.models import Q

from lsip.organisations.models import Organisation


def organisations_of(area, *, query: str = "", type: str = "", include_archived=False):
    organisations = Organisation.objects.filter(area=area).select_related("local_authority")
    if not include_archived:
        organisations = organisations.filter(archived_on__isnull=True)
    if query:
        organisations = organisations.filter(
            Q(name__icontains=query) | Q(companies_house_number__iexact=query) | Q(ukprn=query)
        )
    if type:
        organisations = organisations.filter(type=type)
    return organisations
