"""The plan as a living document: its numbered revisions, any two side by side with what
changed, each revision as the plan then stood, named snapshots that never change, and
carrying unfinished priorities and actions forward into the next cycle's plan."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch, path, reverse
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.areas.models import Cycle
from lsip.core.forms import GovukForm
from lsip.plans import revisions, services
from lsip.plans.models import (
    LEVELS,
    Action,
    Activity,
    Aim,
    ContextLink,
    Duty,
    OccupationEntry,
    Outcome,
    Plan,
    Priority,
    Revision,
    Snapshot,
)

PLAN_NAV = "plans/_plan_nav.html"

#: The document's sections: (key in the document, label as `revisions.diff` names it, model).
MODELS = {
    "plan": Plan,
    "priorities": Priority,
    "actions": Action,
    "activities": Activity,
    "occupations": OccupationEntry,
    "outcomes": Outcome,
    "context_links": ContextLink,
    "duties": Duty,
}
SECTION_LABELS = {"Plan": "The plan", **{label: label for _, label, _ in revisions.SECTIONS}}
SECTION_HEADINGS = {
    "priorities": "Priorities",
    "actions": "Actions",
    "activities": "Activities (Annex B)",
    "occupations": "Annex A: occupations and industries",
    "outcomes": "Outcomes and metrics",
    "context_links": "Context the plan answers to",
    "duties": "Duties considered",
}
LABEL_TO_KEY = {label: key for key, label, _ in revisions.SECTIONS} | {"Plan": "plan"}
#: Fields shown in the heading of an item rather than among its values.
TITLE_FIELDS = {key: title for key, _, title in revisions.SECTIONS}
AIM_LABELS = dict(Aim.choices)
LEVEL_LABELS = dict(LEVELS)


def field_label(section_key: str, name: str) -> str:
    model = MODELS.get(section_key)
    try:
        label = str(model._meta.get_field(name).verbose_name)
    except Exception:  # a link added by the document (e.g. "priority" of an action)
        label = name.replace("_", " ")
    return label[:1].upper() + label[1:]


def readable(name: str, value) -> str:
    """A document value as a person reads it: lists joined, aims and levels by label."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        if name == "aims":
            value = [AIM_LABELS.get(v, v) for v in value]
        elif name == "levels":
            value = [LEVEL_LABELS.get(str(v), v) for v in value]
        if any(isinstance(item, dict) for item in value):
            return "; ".join(readable(name, item) for item in value)
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    return str(value)


def readable_item(section_key: str, values: dict) -> list[tuple[str, str]]:
    title = TITLE_FIELDS.get(section_key)
    return [
        (field_label(section_key, name), readable(name, value))
        for name, value in values.items()
        if name != title
    ]


def rendered(doc: dict) -> dict:
    """A revision's document arranged for reading: the plan's fields, each priority with its
    actions and their activities, then the other sections, every value readable."""
    doc = doc or {}

    def items(key):
        return [
            {
                "title": readable(TITLE_FIELDS[key], values.get(TITLE_FIELDS[key])),
                "values": values,
                "fields": readable_item(key, values),
            }
            for values in (doc.get(key) or {}).values()
        ]

    activities = items("activities")
    actions = items("actions")
    for action in actions:
        action["activities"] = [
            a for a in activities if a["values"].get("action") == action["values"].get("title")
        ]
    priorities = items("priorities")
    for priority in priorities:
        priority["actions"] = [
            a for a in actions if a["values"].get("priority") == priority["values"].get("title")
        ]
    plan = doc.get("plan") or {}
    return {
        "title": plan.get("title", ""),
        "plan": readable_item("plan", {k: v for k, v in plan.items() if k != "title"}),
        "priorities": priorities,
        "sections": [
            (SECTION_HEADINGS[key], items(key))
            for key in ("occupations", "outcomes", "context_links", "duties")
        ],
    }


def grouped_changes(changes) -> list[dict]:
    """`revisions.diff` grouped by section, then by item, each with its kind and the fields
    that changed, before and after, readable."""
    order = ["Plan", *[label for _, label, _ in revisions.SECTIONS]]
    groups: dict[str, dict[str, dict]] = {}
    for change in changes:
        items = groups.setdefault(change.section, {})
        item = items.setdefault(
            change.item, {"name": change.item, "kind": change.kind, "fields": []}
        )
        if change.kind == "changed":
            key = LABEL_TO_KEY.get(change.section, "")
            item["fields"].append(
                {
                    "label": field_label(key, change.field),
                    "before": readable(change.field, change.before),
                    "after": readable(change.field, change.after),
                }
            )
        elif item["kind"] == "changed":  # an item removed and another added with one name
            item["kind"] = change.kind
    return [
        {"section": SECTION_LABELS.get(section, section), "items": list(groups[section].values())}
        for section in sorted(groups, key=lambda s: order.index(s) if s in order else len(order))
    ]


def plan_nav() -> str | None:
    """The shared plan sub-navigation, once the plan pages provide it."""
    try:
        get_template(PLAN_NAV)
    except TemplateDoesNotExist:
        return None
    return PLAN_NAV


def plan_url(plan: Plan) -> str:
    try:
        return plan.get_absolute_url()
    except NoReverseMatch:
        return reverse("plans:revision-list", kwargs={"area_slug": plan.area.slug, "pk": plan.pk})


class PlanMixin(AreaPermissionMixin):
    """Finds the plan of the URL within the area of the URL (another area's plan is 404)."""

    capability = Capability.VIEW_AREA

    @cached_property
    def plan(self):
        return get_object_or_404(
            Plan.objects.select_related("area", "cycle"), area=self.area, pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plan"] = self.plan
        context["plan_nav"] = plan_nav()
        context["plan_url"] = plan_url(self.plan)
        return context


class PlanPage(PlanMixin, TemplateView):
    pass


class RevisionList(PlanPage):
    """Every revision of the plan, newest first: who, when, what; snapshots marked."""

    template_name = "plans/revision_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        listed = list(
            self.plan.revisions.select_related("actor")
            .prefetch_related("snapshots")
            .defer("document")
        )
        context["revisions"] = listed
        context["snapshots"] = self.plan.snapshots.select_related("revision", "frozen_by")
        context["latest"] = listed[0] if listed else None
        return context


class RevisionCompare(PlanPage):
    """Two revisions side by side: what was added, removed and changed, item by item."""

    template_name = "plans/revision_compare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        numbers = list(self.plan.revisions.values_list("number", flat=True))
        if not numbers:
            raise Http404("The plan has no revisions yet")
        latest = max(numbers)
        try:
            b = int(self.request.GET.get("b") or latest)
            a = int(self.request.GET.get("a") or max(b - 1, 1))
        except ValueError:
            raise Http404("Versions are numbers") from None
        if a > b:
            a, b = b, a
        found = {r.number: r for r in self.plan.revisions.filter(number__in=[a, b])}
        if a not in found or b not in found:
            raise Http404("No such version of the plan")
        old, new = found[a], found[b]
        context.update(
            old=old,
            new=new,
            groups=grouped_changes(revisions.diff(old.document, new.document)),
            numbers=sorted(numbers, reverse=True),
            latest=latest,
        )
        return context


class RevisionDetail(PlanPage):
    """The plan as it stood in one revision, read only."""

    template_name = "plans/revision_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        revision = get_object_or_404(
            Revision.objects.select_related("actor"), plan=self.plan, number=self.kwargs["number"]
        )
        context["revision"] = revision
        context["doc"] = rendered(revision.document)
        context["snapshots"] = revision.snapshots.all()
        context["latest"] = self.plan.revisions.values_list("number", flat=True).first()
        return context


class SnapshotForm(GovukForm):
    name = forms.CharField(
        label="Name of the snapshot",
        max_length=200,
        help_text="Say what this version is, for example “Substantive draft submitted "
        "31 March 2026”. The snapshot never changes, whatever later edits are made.",
        error_messages={"required": "Enter a name for the snapshot"},
    )

    def __init__(self, *args, plan, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if self.plan.snapshots.filter(name__iexact=name).exists():
            raise ValidationError(f"The plan already has a snapshot called “{name}”")
        return name


class SnapshotCreate(PlanMixin, FormView):
    """Freeze the plan as it now stands under a name."""

    capability = Capability.EDIT_PLAN
    form_class = SnapshotForm
    template_name = "plans/snapshot_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest"] = self.plan.revisions.select_related("actor").defer("document").first()
        return context

    def form_valid(self, form):
        try:
            snapshot = revisions.freeze(self.plan, form.cleaned_data["name"], self.request.user)
        except ValidationError as error:
            form.add_error("name" if not hasattr(error, "error_dict") else None, error.messages)
            return self.form_invalid(form)
        messages.success(
            self.request, f"Version {snapshot.revision.number} frozen as “{snapshot.name}”"
        )
        return redirect(
            reverse(
                "plans:snapshot-detail", kwargs={"area_slug": self.area.slug, "pk": snapshot.pk}
            )
        )


class SnapshotDetail(AreaPermissionMixin, TemplateView):
    """A frozen version of the plan, rendered from its revision, never changed."""

    capability = Capability.VIEW_AREA
    template_name = "plans/snapshot_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        snapshot = get_object_or_404(
            Snapshot.objects.select_related("plan__area", "plan__cycle", "revision", "frozen_by"),
            plan__area=self.area,
            pk=self.kwargs["pk"],
        )
        plan = snapshot.plan
        context.update(
            snapshot=snapshot,
            plan=plan,
            plan_nav=plan_nav(),
            plan_url=plan_url(plan),
            doc=rendered(snapshot.revision.document),
            latest=plan.revisions.values_list("number", flat=True).first(),
        )
        return context


class CarryForwardForm(GovukForm):
    cycle = forms.ModelChoiceField(
        label="Cycle of the new plan",
        queryset=Cycle.objects.none(),
        help_text="A later cycle of the area that has no plan yet.",
        error_messages={"required": "Select the cycle of the new plan"},
    )
    title = forms.CharField(
        label="Title of the new plan",
        max_length=200,
        error_messages={"required": "Enter the title of the new plan"},
    )
    priorities = forms.MultipleChoiceField(
        label="Priorities to carry forward", required=False, widget=forms.CheckboxSelectMultiple
    )
    actions = forms.MultipleChoiceField(
        label="Unfinished actions to carry forward",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, plan, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)
        self.fields["cycle"].queryset = later_cycles(plan)
        self.fields["cycle"].label_from_instance = lambda cycle: cycle.label
        self.priority_choices = list(plan.priorities.prefetch_related("actions"))
        self.action_choices = services.unfinished_actions(plan)
        self.fields["priorities"].choices = [(str(p.pk), p.title) for p in self.priority_choices]
        self.fields["actions"].choices = [(str(a.pk), a.title) for a in self.action_choices]

    def clean(self):
        data = super().clean()
        chosen = set(data.get("priorities") or [])
        priorities = [p for p in self.priority_choices if str(p.pk) in chosen]
        actions = [a for a in self.action_choices if str(a.pk) in set(data.get("actions") or [])]
        orphans = [a for a in actions if str(a.priority_id) not in chosen]
        if orphans:
            self.add_error(
                "actions",
                "An action is carried with its priority: also choose "
                + ", ".join(sorted({f"“{a.priority.title}”" for a in orphans}))
                + " or leave out "
                + ", ".join(f"“{a.title}”" for a in orphans),
            )
        data["priority_records"], data["action_records"] = priorities, actions
        return data


def later_cycles(plan: Plan):
    return Cycle.objects.filter(
        area=plan.area, start_year__gt=plan.cycle.start_year, plan__isnull=True
    ).order_by("start_year")


class CarryForward(PlanMixin, FormView):
    """Open the next cycle's plan from this one, carrying the chosen unfinished priorities
    and actions in condensed form (activities are planned afresh)."""

    capability = Capability.EDIT_PLAN
    form_class = CarryForwardForm
    template_name = "plans/carry_forward.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def get_initial(self):
        unfinished = services.unfinished_actions(self.plan)
        cycle = later_cycles(self.plan).first()
        return {
            "cycle": cycle,
            "title": f"{self.plan.area.name} LSIP {cycle.label}" if cycle else "",
            "actions": [str(a.pk) for a in unfinished],
            "priorities": sorted({str(a.priority_id) for a in unfinished}),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        chosen_p = set(map(str, form["priorities"].value() or []))
        chosen_a = set(map(str, form["actions"].value() or []))
        unfinished = {a.pk for a in form.action_choices}
        context["choices"] = [
            {
                "priority": p,
                "checked": str(p.pk) in chosen_p,
                "unfinished": any(a.priority_id == p.pk for a in form.action_choices),
                "actions": [
                    {"action": a, "checked": str(a.pk) in chosen_a}
                    for a in form.action_choices
                    if a.priority_id == p.pk
                ],
                "finished": [a for a in p.actions.all() if a.pk not in unfinished],
            }
            for p in form.priority_choices
        ]
        context["no_cycle"] = not form.fields["cycle"].queryset.exists()
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            new = services.carry_forward(
                plan=self.plan,
                cycle=data["cycle"],
                title=data["title"],
                priorities=data["priority_records"],
                actions=data["action_records"],
                actor=self.request.user,
            )
        except ValidationError as error:
            messages_ = error.messages
            form.add_error(None, messages_)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"{new.title} opened from {self.plan.title}: "
            f"{len(data['priority_records'])} priorities and "
            f"{len(data['action_records'])} actions carried forward",
        )
        return redirect(plan_url(new))


urlpatterns = [
    path("<uuid:pk>/versions/", RevisionList.as_view(), name="revision-list"),
    path("<uuid:pk>/versions/compare/", RevisionCompare.as_view(), name="revision-compare"),
    path("<uuid:pk>/versions/<int:number>/", RevisionDetail.as_view(), name="revision-detail"),
    path("<uuid:pk>/snapshots/new/", SnapshotCreate.as_view(), name="snapshot-create"),
    path("snapshots/<uuid:pk>/", SnapshotDetail.as_view(), name="snapshot-detail"),
    path("<uuid:pk>/carry-forward/", CarryForward.as_view(), name="carry-forward"),
]
