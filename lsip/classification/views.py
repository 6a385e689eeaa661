"""Public pages to browse and search SOC 2020 and SIC 2007 (reference data: no sign-in)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.generic import TemplateView

from lsip.classification import querysets
from lsip.classification.codes import sic_code, sic_five_digits, soc_group_code
from lsip.classification.models import SicActivity, SicItem, SocGroup, SocIndexTitle
from lsip.refdata.catalogue import CATALOGUE

PER_PAGE = 50
#: Matching index titles or activities shown under the search results (the count says all).
MATCHES_SHOWN = 100
SOURCES = {entry.key: entry for entry in CATALOGUE}


class ClassificationPage(TemplateView):
    """What the SOC and SIC pages share: the files they come from, and "not installed"."""

    model = None
    source_keys: tuple[str, ...] = ()
    names: dict = {}
    is_index = True

    def get(self, request, *args, **kwargs):
        if not self.model.objects.exists():
            return render(
                request,
                "classification/not_installed.html",
                self.common_context(),
                status=200 if self.is_index else 404,
            )
        return super().get(request, *args, **kwargs)

    def common_context(self) -> dict:
        return {"sources": [SOURCES[key] for key in self.source_keys], **self.names}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.common_context(), **kwargs)

    def page_of(self, items):
        return Paginator(items, PER_PAGE).get_page(self.request.GET.get("page"))


class SocPage(ClassificationPage):
    model = SocGroup
    source_keys = ("soc2020-volume1", "soc2020-coding-index")
    names = {
        "scheme": "SOC 2020",
        "scheme_name": "occupations",
        "index_url": "classification:soc-index",
    }


class SicPage(ClassificationPage):
    model = SicItem
    source_keys = ("sic2007-structure", "sic2007-indexes")
    names = {
        "scheme": "SIC 2007",
        "scheme_name": "industries",
        "index_url": "classification:sic-index",
    }


class SocIndex(SocPage):
    """The nine major groups, and search by code, title or coding index job title."""

    template_name = "classification/soc_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = " ".join(self.request.GET.get("q", "").split())
        context["query"] = query
        if not query:
            context["groups"] = SocGroup.objects.filter(level=SocGroup.Level.MAJOR)
            return context
        context["page"] = self.page_of(querysets.soc_groups(query=query))
        if not soc_group_code(query):
            titles = querysets.soc_index_titles(query=query)
            context["titles"], context["titles_count"] = titles[:MATCHES_SHOWN], titles.count()
        return context


class SocDetail(SocPage):
    """A SOC group: its description, tasks and job titles, where it sits and what it holds."""

    template_name = "classification/soc_detail.html"
    is_index = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        group = querysets.soc_group(self.kwargs["code"])
        if group is None:
            raise Http404("No SOC 2020 group has this code")
        context.update(group=group, ancestors=_ancestors(group), children=group.children.all())
        if group.level == SocGroup.Level.UNIT:
            titles = querysets.soc_index_titles(unit_group=group.code)
            context["extended_groups"] = querysets.soc_extended_groups(group.code)
            context["page"] = self.page_of(titles)
            context["index_installed"] = SocIndexTitle.objects.exists()
        return context


class SicIndex(SicPage):
    """The 21 sections, and search by code (any form), title or index activity."""

    template_name = "classification/sic_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = " ".join(self.request.GET.get("q", "").split())
        context["query"] = query
        if not query:
            context["items"] = SicItem.objects.filter(level=SicItem.Level.SECTION)
            return context
        context["page"] = self.page_of(querysets.sic_items(query=query))
        if not sic_code(query):
            activities = querysets.sic_activities(query=query)
            context["activities"] = activities[:MATCHES_SHOWN]
            context["activities_count"] = activities.count()
        return context


class SicDetail(SicPage):
    """A SIC item: where it sits, what it holds and, for classes, the activities coded to it."""

    template_name = "classification/sic_detail.html"
    is_index = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = querysets.sic_item(self.kwargs["code"])
        if item is None:
            raise Http404("No SIC 2007 item has this code")
        context.update(item=item, ancestors=_ancestors(item), children=item.children.all())
        if item.level in (SicItem.Level.CLASS, SicItem.Level.SUBCLASS):
            context["page"] = self.page_of(querysets.sic_activities(item=item))
            context["show_activities"] = True
            context["activities_installed"] = SicActivity.objects.exists()
            context["five_digits"] = sic_five_digits(item.code)
        return context


def _ancestors(node) -> list:
    """The node's parent, grandparent and so on, top first (parents are select_related)."""
    ancestors = []
    while node.parent_id:
        node = node.parent
        ancestors.insert(0, node)
    return ancestors
