"""Pages across all areas (public): every area's headline indicators side by side."""

from django.views.generic import TemplateView

from lsip.core.exports import Column, download
from lsip.economy import comparison


class Comparison(TemplateView):
    template_name = "economy/comparison.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") in ("csv", "xlsx"):
            rows, periods, sources = comparison.table()
            columns = [Column("Area", lambda r: r["place"])] + [
                Column(f"{label} ({periods[key]})", lambda r, k=key: r.get(k))
                for key, label in comparison.COLUMNS
            ]
            columns += [
                Column("Flags", lambda r: r["flags"]),
                Column("Sources", lambda r: " ".join(sources)),
            ]
            return download(columns, rows, request.GET["format"], "lsip-areas-compared")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, periods, sources = comparison.table()
        context.update(rows=rows, periods=periods, sources=sources, columns=comparison.COLUMNS)
        return context
