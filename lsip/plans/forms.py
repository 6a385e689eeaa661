"""The forms of the plan's core pages: the plan, its priorities, actions and Annex B
activities (SG 2.2, 3.4, Annex A). Edit forms carry the `version` the editor read, so that
`lsip.plans.services.save` can refuse a lost update."""

import re

from django import forms
from django.core.exceptions import ValidationError

from lsip.areas.models import Cycle
from lsip.classification.models import SocGroup
from lsip.core.forms import DateField, GovukForm, GovukModelForm
from lsip.core.widgets import GROUPED_CHECKBOXES_FIELD, GroupedCheckboxes, code_search, use_picker
from lsip.engagement.models import SkillsNeed
from lsip.organisations.models import Organisation
from lsip.plans import merging, services
from lsip.plans.models import LEVELS, Action, Activity, Aim, Plan, Priority
from lsip.sectors.labels import grouped_choices
from lsip.sectors.services import clean_definition, parse_codes, sectors_for

CHECKBOXES = "engagement/govuk_checkboxes.html"

#: Above this many skills needs, a priority's form offers only those that fall under it
#: (and those already linked) unless the editor asks for all.
NEEDS_SHOWN_IN_FULL = 60


class VersionMixin:
    """The hidden `version` an edit was read at (empty when adding) and the values it read
    (`lsip.plans.merging`), so that a save applies only the fields the editor changed."""

    def add_version_field(self):
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, min_value=1
        )
        if self.instance.pk and "version" not in self.initial:
            self.initial["version"] = self.instance.version
        merging.add_read_field(self)

    def set_version(self, version: int):
        """After a refused save, let a deliberate second save overwrite the new version."""
        if self.is_bound:
            self.data = self.data.copy()
            self.data[self.add_prefix("version")] = str(version)
        self.initial["version"] = version


class PlanCreateForm(GovukForm):
    cycle = forms.ModelChoiceField(
        queryset=Cycle.objects.none(),
        label="Plan cycle",
        error_messages={"required": "Select the cycle the plan is for"},
    )
    title = forms.CharField(
        max_length=200,
        label="Title",
        help_text="For example, The Marches Local Skills Improvement Plan 2026 to 2029.",
        error_messages={"required": "Enter the plan's title"},
    )
    summary = forms.CharField(
        required=False, label="Summary", widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cycle"].queryset = services.open_cycles(area)
        self.fields["cycle"].label_from_instance = lambda cycle: cycle.label


class PlanForm(VersionMixin, GovukModelForm):
    class Meta:
        model = Plan
        fields = ["title", "summary"]
        error_messages = {"title": {"required": "Enter the plan's title"}}

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_version_field()
        self.fields["summary"].widget.attrs["rows"] = 6


class NeedChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, need):
        employer = need.organisation.name if need.organisation else "no organisation"
        soc = f"SOC {need.soc_code}" if need.soc_code else "not coded"
        return f"“{need.words}”: {employer} ({soc})"


def indicator_choices(area) -> list[tuple[str, str]]:
    """The area's own rows of its profile's indicators, as (key|breakdown, label)."""
    from lsip.economy import frames, indicators

    found = indicators.profile(area, frames.places_of(area))
    choices, seen = [], set()
    for key, indicator in found.items():
        for row in indicator.rows:
            if row.get("place") != area.name:
                continue
            breakdown = row.get("breakdown")
            value = indicator_value(key, breakdown)
            if value in seen:
                continue
            seen.add(value)
            label = row.get("label") or ""
            choices.append((value, f"{indicator.title}{': ' + label if label else ''}"))
    return choices


def indicator_value(key: str, breakdown) -> str:
    return f"{key}|{breakdown or ''}"


def indicator_ref(value: str) -> dict:
    key, _, breakdown = value.partition("|")
    return {"indicator": key, "breakdown": breakdown or None}


class PriorityForm(VersionMixin, GovukModelForm):
    sectors = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Sectors",
        help_text="The national sectors and the area's own that the priority is about.",
    )
    soc_codes = forms.CharField(
        required=False,
        label="SOC 2020 unit groups",
        help_text="Four-digit codes, one a line or separated by commas, for example 5241, 6135.",
        widget=forms.Textarea(attrs=code_search("soc", "unit", rows=3)),
    )
    sic_codes = forms.CharField(
        required=False,
        label="SIC 2007 codes",
        help_text="One a line or separated by commas, for example 41.20, 43.21 or F.",
        widget=forms.Textarea(attrs=code_search("sic", rows=3)),
    )
    levels = forms.MultipleChoiceField(
        required=False,
        choices=LEVELS,
        widget=forms.CheckboxSelectMultiple,
        label="Levels",
        help_text="Entry level to level 8 (SG 2).",
    )
    skills_needs = NeedChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Skills needs it answers",
        help_text="In the employer's words, with the employer and the SOC 2020 code.",
    )
    indicators = forms.MultipleChoiceField(
        required=False,
        label="Labour-market figures cited",
        help_text="From the area profile. Hold Ctrl (or Cmd) to choose more than one.",
    )

    class Meta:
        model = Priority
        fields = [
            "title",
            "description",
            "sectors",
            "soc_codes",
            "sic_codes",
            "levels",
            "skills_needs",
            "indicators",
            "evidence_note",
        ]
        labels = {"evidence_note": "Why this is a priority"}
        help_texts = {
            "evidence_note": "The evidence behind it: what employers said and what the "
            "figures show (SG 3.4)."
        }
        error_messages = {"title": {"required": "Enter the priority's title"}}

    def __init__(self, *args, area, show_all_needs=False, indicator_options=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        self.add_version_field()
        sectors = self.fields["sectors"]
        sectors.queryset = sectors_for(area)
        sectors.widget = GroupedCheckboxes(choices=grouped_choices(sectors.queryset, area))
        sectors.template_name = GROUPED_CHECKBOXES_FIELD
        self.fields["levels"].template_name = CHECKBOXES
        self.fields["skills_needs"].template_name = CHECKBOXES
        self.fields["description"].widget.attrs["rows"] = 4
        self.fields["evidence_note"].widget.attrs["rows"] = 5
        self.needs_limited = False
        self.fields["skills_needs"].queryset = self._needs(show_all_needs)
        options = list(indicator_options or [])
        known = {value for value, _ in options}
        for ref in self.instance.indicators or []:
            value = indicator_value(ref.get("indicator", ""), ref.get("breakdown"))
            if value not in known:
                options.append((value, f"{ref.get('indicator')}: {ref.get('breakdown') or ''}"))
        self.fields["indicators"].choices = options
        self.fields["indicators"].widget.attrs["size"] = min(10, max(3, len(options)))
        if not options:
            self.fields[
                "indicators"
            ].help_text = "No labour-market figures have been imported for the area yet."
        if self.instance.pk and not self.is_bound:
            self.initial["soc_codes"] = ", ".join(self.instance.soc_codes)
            self.initial["sic_codes"] = ", ".join(self.instance.sic_codes)
            self.initial["indicators"] = [
                indicator_value(r.get("indicator", ""), r.get("breakdown"))
                for r in self.instance.indicators or []
            ]

    def _needs(self, show_all):
        from lsip.plans.evidence import related_needs

        needs = SkillsNeed.objects.filter(area=self.area).select_related("organisation")
        needs = needs.order_by("organisation__name", "words")
        if show_all or needs.count() <= NEEDS_SHOWN_IN_FULL:
            return needs
        self.needs_limited = True
        keep = set()
        if self.instance.pk:
            keep |= set(self.instance.skills_needs.values_list("pk", flat=True))
            keep |= {n.pk for n in related_needs(self.instance)}
        return needs.filter(pk__in=keep)

    def clean_soc_codes(self):
        typed = [c for c in re.split(r"[\s,;]+", self.cleaned_data["soc_codes"] or "") if c]
        codes, errors = [], []
        units = set(
            SocGroup.objects.filter(code__in=typed, level=SocGroup.Level.UNIT).values_list(
                "code", flat=True
            )
        )
        for code in typed:
            if not re.fullmatch(r"\d{4}", code):
                errors.append(
                    f"“{code}” is not a SOC 2020 unit group: write four digits, like 5241"
                )
            elif code not in units:
                errors.append(f"SOC 2020 has no unit group {code}")
            elif code not in codes:
                codes.append(code)
        if errors:
            raise ValidationError(errors)
        return codes

    def clean_sic_codes(self):
        typed = parse_codes(self.cleaned_data["sic_codes"] or "")
        if not typed:
            return []
        try:
            return clean_definition(typed)
        except ValidationError as error:
            raise ValidationError(error.message_dict.get("sic_codes", error.messages)) from None

    def clean_indicators(self):
        return [indicator_ref(value) for value in self.cleaned_data["indicators"]]


class ActionForm(VersionMixin, GovukModelForm):
    aims = forms.MultipleChoiceField(
        required=False,
        choices=Aim.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Aims",
        help_text="Which of the four aims of SG 2.2 it serves: choose at least one.",
    )

    class Meta:
        model = Action
        fields = ["title", "description", "aims", "expected_outcomes", "measures"]
        labels = {"measures": "How it will be measured"}
        error_messages = {"title": {"required": "Enter the action's title"}}

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_version_field()
        self.fields["aims"].template_name = CHECKBOXES
        for name in ("description", "expected_outcomes", "measures"):
            self.fields[name].widget.attrs["rows"] = 4


class ActivityForm(VersionMixin, GovukModelForm):
    start = DateField(
        label="Start date",
        help_text="For example, 1 9 2026",
        error_messages={"required": "Enter the start date"},
    )
    end = DateField(
        label="End date",
        help_text="For example, 31 7 2027",
        error_messages={"required": "Enter the end date"},
    )

    class Meta:
        model = Activity
        fields = [
            "title",
            "leads",
            "partners",
            "start",
            "end",
            "milestones",
            "expected_outcomes",
            "measures",
            "status",
            "percent_complete",
        ]
        labels = {
            "leads": "Lead organisation(s)",
            "partners": "Supporting partners",
            "measures": "Monitoring and measurement",
            "percent_complete": "Percent complete",
        }
        help_texts = {
            "leads": "Who drives the activity forward.",
            "partners": "Other organisations to be involved.",
            "measures": "How progress will be tracked and measured.",
            "percent_complete": "From 0 to 100.",
        }
        error_messages = {
            "title": {"required": "Enter the activity's title"},
            "percent_complete": {"invalid": "Enter a whole number from 0 to 100"},
        }

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_version_field()
        current = Organisation.objects.filter(area=area, archived_on__isnull=True)
        if self.instance.pk:  # keep those named even if archived since
            named = set(self.instance.leads.values_list("pk", flat=True)) | set(
                self.instance.partners.values_list("pk", flat=True)
            )
            current = current | Organisation.objects.filter(area=area, pk__in=named)
        organisations = current.distinct().order_by("name").only("pk", "name")
        for name in ("leads", "partners"):
            self.fields[name].queryset = organisations
            # Annex B's lead and partner rule is the plan's (`Activity.organisation_errors`).
            self.fields[name].required = False
        use_picker(self.fields["leads"], chosen_label="Chosen lead organisations")
        use_picker(self.fields["partners"], chosen_label="Chosen partners")
        self.fields["percent_complete"].widget.attrs["class"] += " govuk-input--width-3"
        for name in ("milestones", "expected_outcomes", "measures"):
            self.fields[name].widget.attrs["rows"] = 4


class DeleteForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def set_version(self, version: int):
        if self.is_bound:
            self.data = self.data.copy()
            self.data["version"] = str(version)
        self.initial["version"] = version
