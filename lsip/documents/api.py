"""What an area has published, in the JSON API, read only and open to everyone like the
public pages: each publication's kind, title, dates and where to read and download it. The
document itself is read at those addresses; publishing goes through the pages
(`publication.publish_plan`)."""

from django.urls import reverse
from rest_framework import mixins, serializers

from lsip.accounts.api_views import AreaRecords
from lsip.accounts.roles import Capability
from lsip.documents import publication
from lsip.documents.models import Publication


class PublicationSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(
        source="report.year",
        read_only=True,
        allow_null=True,
        default=None,
        help_text="The year a progress report reports on; null for the plan.",
    )
    cycle = serializers.CharField(source="plan.cycle.label", read_only=True)
    links = serializers.SerializerMethodField(help_text="The web page, PDF and DOCX.")

    class Meta:
        model = Publication
        fields = ["id", "kind", "title", "cycle", "year", "published_on", "available_from", "links"]

    def get_links(self, item) -> dict[str, str]:
        request = self.context["request"]
        kwargs = {"area_slug": item.area.slug, "pk": item.pk}
        links = {"html": request.build_absolute_uri(reverse("public:publication", kwargs=kwargs))}
        for fmt in ("pdf", "docx"):
            links[fmt] = request.build_absolute_uri(
                reverse("public:download", kwargs={**kwargs, "fmt": fmt})
            )
        return links


class PublicationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, AreaRecords):
    """The area's published plans and progress reports, newest first: only what the public
    may read today (a progress report while `lsip.delivery.report.is_published` holds: signed
    off by the board and its publication date come)."""

    model = Publication
    serializer_class = PublicationSerializer
    capabilities = {"list": Capability.VIEW_PUBLIC, "retrieve": Capability.VIEW_PUBLIC}

    def area_queryset(self):
        return publication.public(self.area).select_related("area", "plan__cycle", "report")
