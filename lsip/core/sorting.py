"""Lists sorted by a column, with no JavaScript: `?sort=key` sorts by a column, `?sort=-key`
the other way, and each heading links to its sort and says its state with `aria-sort` (the
GOV.UK sortable table's attribute), keeping the page's filters."""

from dataclasses import dataclass

from django.db.models import F


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    order: object = None  # an expression or field name; None: the key is the field
    numeric: bool = False
    sortable: bool = True

    def expression(self):
        if self.order is None:
            return F(self.key)
        return F(self.order) if isinstance(self.order, str) else self.order


def sorted_by(queryset, columns: list[Column], sort: str, *then: str):
    """`queryset` in the order `sort` names, ties broken by `then`; an unknown key (or none)
    sorts by `then` alone (said outright: a query with an aggregate ignores Meta.ordering)."""
    key = sort.removeprefix("-")
    column = next((c for c in columns if c.key == key and c.sortable), None)
    if column is None:
        return queryset.order_by(*then)
    expression = column.expression()
    if sort.startswith("-"):
        return queryset.order_by(expression.desc(nulls_last=True), *then)
    return queryset.order_by(expression.asc(nulls_last=True), *then)


def sort_headers(query, columns: list[Column], sort: str) -> list[dict]:
    """Each column heading with the link that sorts by it (reversing the current sort) and its
    `aria-sort`; the other filters are kept and the page starts again."""
    headers = []
    for column in columns:
        if not column.sortable:
            headers.append({"label": column.label, "numeric": column.numeric})
            continue
        state = {column.key: "ascending", f"-{column.key}": "descending"}.get(sort, "none")
        link = query.copy()
        link.pop("page", None)
        link["sort"] = f"-{column.key}" if state == "ascending" else column.key
        headers.append(
            {
                "label": column.label,
                "aria_sort": state,
                "query": link.urlencode(),
                "numeric": column.numeric,
            }
        )
    return headers
