"""The public pages, for anyone signed in or not (SG 6; Stage 2 guidance 3.3): every area and
what it has published, and for one area its published plan with the earlier versions, the
progress reports, the board's members and the register of interests, each with its date and
downloads. Only what is published is shown: no draft, no contact, no unpublished paper."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views import View
from django.views.generic import TemplateView

from lsip.areas.models import Area
from lsip.documents import outline, publication
from lsip.documents.models import Publication
from lsip.documents.render import CONTENT_TYPES


class PublicIndex(TemplateView):
    template_name = "documents/public_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published: dict = {}
        for item in publication.public().select_related("area"):
            published.setdefault(item.area_id, []).append(item)
        rows = []
        for area in Area.objects.order_by("name"):
            items = published.get(area.pk, [])
            plan = next((i for i in items if i.kind == Publication.Kind.PLAN), None)
            reports = [i for i in items if i.kind == Publication.Kind.PROGRESS]
            rows.append({"area": area, "plan": plan, "reports": reports})
        context["rows"] = rows
        context["published_count"] = sum(1 for r in rows if r["plan"] or r["reports"])
        return context


def published_board(area):
    """The board's members (names and whom they represent, never contact details) and their
    published register of interests."""
    from lsip.governance.models import Board, Person

    board = Board.objects.filter(area=area).order_by("-term_start").first()
    if board is None:
        return None, []
    people = list(
        board.people.filter(kind=Person.Kind.MEMBER, left_on__isnull=True)
        .select_related("register", "organisation")
        .prefetch_related("register__interests")
        .order_by("-is_chair", "name")
    )
    rows = []
    for person in people:
        entry = getattr(person, "register", None)
        rows.append(
            {
                "name": person.name,
                "chair": person.is_chair,
                "represents": person.represents
                or (person.organisation.name if person.organisation_id else ""),
                "category": person.get_category_display(),
                "status": entry.get_status_display() if entry else "Awaited",
                "declared_on": entry.declared_on if entry else None,
                "interests": list(entry.interests.all()) if entry else [],
            }
        )
    return board, rows


class PublicArea(TemplateView):
    template_name = "documents/public_area.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        area = get_object_or_404(Area, slug=kwargs["area_slug"])
        items = list(publication.public(area).select_related("report"))
        plans = [i for i in items if i.kind == Publication.Kind.PLAN]
        board, members = published_board(area)
        context.update(
            public_area=area,
            plan=plans[0] if plans else None,
            earlier=plans[1:],
            reports=[i for i in items if i.kind == Publication.Kind.PROGRESS],
            board=board,
            members=members,
        )
        return context


def _publication(area_slug, pk) -> Publication:
    area = get_object_or_404(Area, slug=area_slug)
    found = publication.public(area).filter(pk=pk).first()
    if found is None:
        raise Http404("Not published")
    return found


class PublicDocument(TemplateView):
    template_name = "documents/public_document.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        found = _publication(kwargs["area_slug"], kwargs["pk"])
        doc = publication.document_of(found)
        context.update(
            publication=found,
            public_area=found.area,
            document=doc,
            parts=outline.parts(doc),
            contents=outline.contents(doc),
            draft=False,
        )
        return context


class PublicDownload(View):
    def get(self, request, area_slug, pk, fmt):
        found = _publication(area_slug, pk)
        if fmt not in ("pdf", "docx", "html"):
            raise Http404("No such format")
        path = publication.file_of(found, fmt)
        name = f"{found.area.slug}-{found.kind}-{found.published_on:%Y-%m-%d}.{fmt}"
        # Every format is a download (the page itself is the web version to read).
        response = FileResponse(path.open("rb"), as_attachment=True, filename=name)
        response["Content-Type"] = CONTENT_TYPES[fmt]
        return response
