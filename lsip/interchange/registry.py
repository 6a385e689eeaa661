"""Which records make up an area's cycle in the interchange document, found from the models
themselves: every model of the domain apps that reaches an `Area` through its foreign keys
(`Cycle.area`, `Priority.plan.area`, `Vote.decision.board.area`, ...). A new model in one
of those apps joins the document (and its JSON Schema) without a change here.

References that leave the document are written by a natural key that means the same in
every database: an area by slug, a district by name, a national sector by name, a SOC or SIC
code by its code, a person by username (only with personal data).
"""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.db import models

#: The apps whose records belong to an area's cycle, in the order they are written.
DOMAIN_APPS = [
    "areas",
    "organisations",
    "sectors",
    "engagement",
    "economy",
    "plans",
    "governance",
    "delivery",
    "approval",
    "documents",
]
#: Reference tables every database holds in the same form: referred to, never written.
REFERENCE = {
    "areas.area": "slug",
    "areas.localauthority": "name",
    "sectors.sector": "name",  # a national sector (an area's own is in the document)
    "classification.socgroup": "code",
    "classification.sicitem": "code",
    "accounts.user": "username",
}
#: Models left out: the area's districts (made from Annex B in every database).
SKIPPED = {"areas.area", "areas.localauthority"}
#: Records that are personal data as a whole (SG 5.1 engagement contacts).
PERSONAL_MODELS = {"organisations.contact"}
#: Fields that are personal data (never published, left out without --with-personal-data).
PERSONAL_FIELDS = {"governance.person": {"email", "phone"}}


@dataclass(frozen=True)
class Part:
    """One model of the document: how to read the area's rows of it."""

    label: str  # "plans.priority"
    model: type
    area_lookup: str  # the filter that reaches the area: "plan__area"

    @property
    def uuid_keys(self) -> bool:
        return isinstance(self.model._meta.pk, models.UUIDField)

    def rows(self, area):
        return self.model.objects.filter(**{self.area_lookup: area})


def _label(model) -> str:
    return model._meta.label_lower


def _area_lookup(model, seen=()) -> str | None:
    """The shortest chain of required-or-not foreign keys from `model` to Area."""
    fields = [
        f for f in model._meta.concrete_fields if f.is_relation and f.many_to_one or f.one_to_one
    ]
    for field in fields:
        if field.related_model is not None and _label(field.related_model) == "areas.area":
            return field.name
    best = None
    for field in fields:
        target = field.related_model
        if target is None or target is model or target in seen:
            continue
        if _label(target) in REFERENCE or target._meta.app_label not in DOMAIN_APPS:
            continue
        rest = _area_lookup(target, (*seen, model))
        if rest is not None:
            candidate = f"{field.name}__{rest}"
            if best is None or candidate.count("__") < best.count("__"):
                best = candidate
    return best


@cache
def parts() -> tuple[Part, ...]:
    """The document's models in an order where each comes after those its required foreign
    keys point to (nullable references are set after every row is written)."""
    found = {}
    for app_label in DOMAIN_APPS:
        try:
            config = apps.get_app_config(app_label)
        except LookupError:
            continue
        for model in config.get_models():
            label = _label(model)
            if label in SKIPPED or model._meta.proxy:
                continue
            lookup = _area_lookup(model)
            if lookup is not None:
                found[label] = Part(label, model, lookup)
    ordered: list[Part] = []
    placed: set[str] = set()

    def place(label, stack=()):
        if label in placed:
            return
        part = found[label]
        for field in part.model._meta.concrete_fields:
            target = field.related_model
            if field.is_relation and target is not None and not field.null:
                if _label(target) in found and target is not part.model and label not in stack:
                    place(_label(target), (*stack, label))
        placed.add(label)
        ordered.append(part)

    for label in found:
        place(label)
    return tuple(ordered)


def part_of(label: str) -> Part | None:
    return {p.label: p for p in parts()}.get(label)


def labels() -> set[str]:
    return {p.label for p in parts()}
