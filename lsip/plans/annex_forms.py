"""The forms of the plan's annex pages: the Annex A occupation and industry table (SG Annex A,
Annex D), outcomes and metrics (SG 7), the context the plan answers to (SG 2.1, 2.2) and the
cross-cutting duties (Skills and Post-16 Education Act 2022 s1(6); SG 2.2).

Edit forms carry the `version` the editor read (a hidden field), so that
`lsip.plans.services.save` can refuse a lost update."""

from django import forms
from django.core.exceptions import ValidationError

from lsip.classification.codes import soc_ext_code, soc_group_code
from lsip.classification.models import SocExtendedGroup, SocGroup
from lsip.core.forms import DateField, GovukModelForm
from lsip.core.widgets import code_search
from lsip.plans import merging
from lsip.plans.models import Action, ContextLink, Duty, OccupationEntry, Outcome, Priority
from lsip.sectors.models import Sector
from lsip.sectors.services import clean_definition, parse_codes, sectors_for

CHECKBOXES = "engagement/govuk_checkboxes.html"

SOC_NOT_INSTALLED = (
    "The SOC 2020 classification is not installed, so the codes cannot be checked: "
    "run lsip refdata install"
)


class CodeListField(forms.CharField):
    """Codes typed one a line or separated by commas; shown back the same way."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(v) for v in value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        return [piece.strip() for piece in text.replace(";", ",").replace("\n", ",").split(",")]


def clean_soc_codes(typed: list[str]) -> list[str]:
    """SG Annex D: each code a SOC 2020 unit group ("5319") or extended sub-unit group
    ("6135/02") that the installed classification has; every bad code is named."""
    codes = [c.strip() for c in typed if c and c.strip()]
    if not codes:
        return []
    if not SocGroup.objects.exists():
        raise ValidationError(SOC_NOT_INSTALLED)
    units = set(
        SocGroup.objects.filter(
            code__in=[c for c in codes if soc_group_code(c)], level=SocGroup.Level.UNIT
        ).values_list("code", flat=True)
    )
    extended = set(
        SocExtendedGroup.objects.filter(code__in=[c for c in codes if soc_ext_code(c)]).values_list(
            "code", flat=True
        )
    )
    errors, clean = [], []
    for code in codes:
        if soc_ext_code(code):
            if code not in extended:
                errors.append(f"SOC 2020 has no extended sub-unit group {code}")
                continue
        elif soc_group_code(code):
            if len(code) < 4:
                errors.append(
                    f"{code} is a SOC 2020 major, sub-major or minor group: enter the unit "
                    "groups (4 digits) it is meant to cover"
                )
                continue
            if code not in units:
                errors.append(f"SOC 2020 has no unit group {code}")
                continue
        else:
            errors.append(
                f"“{code}” is not written as a SOC 2020 code: write a unit group like 5319 "
                "or an extended code like 6135/02"
            )
            continue
        if code not in clean:
            clean.append(code)
    if errors:
        raise ValidationError(errors)
    return clean


class VersionedForm(GovukModelForm):
    """A plan item's form: the plan's own records only, and the version read."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.instance.plan = plan
        #: Changing a stored item (its UUID is set even before it is first saved).
        self.editing = not self.instance._state.adding
        if self.editing and "version" not in self.initial:
            self.initial["version"] = self.instance.version
        merging.add_read_field(self)
        for name in ("priorities", "actions"):
            if name in self.fields:
                self.fields[name].widget = forms.CheckboxSelectMultiple()
                self.fields[name].template_name = CHECKBOXES
        if "priorities" in self.fields:
            self.fields["priorities"].queryset = Priority.objects.filter(plan=plan)
            self.fields["priorities"].help_text = "Select all that apply."
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea) and field.widget.attrs.get("rows") == "10":
                field.widget.attrs["rows"] = 4  # Django's default of 10 rows is too tall here

    def clean(self):
        cleaned = super().clean()
        if self.editing and not cleaned.get("version"):
            # The version is a hidden field: say it where the person can read it.
            self.add_error(None, "Open the item again before changing it")
        return cleaned

    def set_version(self, version: int):
        """After a refused save, let a deliberate second save replace the current version."""
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = str(version)


class OccupationForm(VersionedForm):
    """A row of the Annex A table (SG Annex A, Annex D)."""

    soc_codes = CodeListField(
        required=False,
        label="SOC 2020 codes",
        help_text="Unit groups like 5319 or extended codes like 6135/02, one a line or "
        "separated by commas. Leave empty for an emerging role SOC 2020 does not yet "
        "describe, and give its definition and why it has no code.",
        widget=forms.Textarea(attrs=code_search("soc", "unit", rows=3)),
    )
    sic_codes = CodeListField(
        required=False,
        label="SIC 2007 codes",
        help_text="For example 41.20/1 or 86.10, one a line or separated by commas.",
        widget=forms.Textarea(attrs=code_search("sic", rows=3)),
    )

    class Meta:
        model = OccupationEntry
        fields = [
            "name",
            "definition",
            "soc_codes",
            "sector",
            "sic_codes",
            "limitations",
            "rationale",
        ]
        labels = {
            "name": "Occupation name",
            "definition": "Definition within the plan",
            "sector": "Sector",
            "limitations": "Mapping limitations or further information",
            "rationale": "Why it has no SOC 2020 code",
        }
        help_texts = {
            "definition": "Required for a role with no SOC 2020 code.",
            "rationale": "Required for a role with no SOC 2020 code.",
        }
        error_messages = {"name": {"required": "Enter the occupation's name"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors_for(self.plan.area).order_by("kind", "name")
        self.fields["sector"].empty_label = "No sector"

    def clean_soc_codes(self):
        typed = [c for c in self.cleaned_data["soc_codes"] if c]
        try:
            return clean_soc_codes(typed)
        except ValidationError:
            # The model's rule for roles without a code is not the problem here.
            self.instance.soc_codes = typed
            raise

    def clean_sic_codes(self):
        typed = [c for c in self.cleaned_data["sic_codes"] if c]
        if not typed:
            return []
        try:
            return clean_definition(parse_codes("\n".join(typed)))
        except ValidationError as error:
            raise ValidationError(error.message_dict["sic_codes"]) from None


class OutcomeForm(VersionedForm):
    """An outcome and its metric (SG 7): baseline, target and annual milestones."""

    baseline_date = DateField(
        required=False, label="Date of the baseline", help_text="For example, 31 3 2026"
    )

    class Meta:
        model = Outcome
        fields = [
            "area_of_outcome",
            "name",
            "metric",
            "unit",
            "baseline",
            "baseline_date",
            "target",
            "milestone_year1",
            "milestone_year2",
            "milestone_year3",
            "data_source",
            "priorities",
        ]
        labels = {
            "area_of_outcome": "Outcome area (SG 7)",
            "name": "Outcome",
            "metric": "Metric",
            "unit": "Unit",
            "baseline": "Baseline",
            "target": "Target at the end of the cycle",
            "milestone_year1": "Year 1 milestone",
            "milestone_year2": "Year 2 milestone",
            "milestone_year3": "Year 3 milestone",
            "data_source": "Data source",
            "priorities": "Priorities it measures",
        }
        help_texts = {
            "metric": "What is counted, for example employers co-designing provision.",
            "unit": "For example employers, learners, per cent.",
        }
        error_messages = {
            "area_of_outcome": {"required": "Select the outcome area"},
            "name": {"required": "Enter the outcome"},
            "metric": {"required": "Enter the metric"},
            "unit": {"required": "Enter the unit, for example employers or per cent"},
            "data_source": {"required": "Enter where the figures come from"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in (
            ("baseline", "baseline"),
            ("target", "target"),
            ("milestone_year1", "year 1 milestone"),
            ("milestone_year2", "year 2 milestone"),
            ("milestone_year3", "year 3 milestone"),
        ):
            field = self.fields[name]
            field.error_messages["invalid"] = f"Enter the {label} as a number, like 120 or 35.5"
            field.widget = forms.TextInput(attrs={"inputmode": "decimal"})
            field.widget.attrs["class"] = "govuk-input govuk-input--width-10"


class ContextLinkForm(VersionedForm):
    """How the plan reflects a Strategic Authority sector skills priority or a national
    Industrial Strategy sector (SG 2.1, 2.2); `national` fixes the link to one national
    sector (answering it from the context page)."""

    reflected = forms.TypedChoiceField(
        label="Does the plan reflect it?",
        choices=[("", "Choose…"), ("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
        error_messages={"required": "Select whether the plan reflects it"},
    )

    class Meta:
        model = ContextLink
        fields = ["name", "sector", "reflected", "statement", "priorities"]
        labels = {
            "name": "Priority",
            "sector": "Sector",
            "statement": "How the plan reflects it, or why it does not",
            "priorities": "Priorities that reflect it",
        }
        help_texts = {
            "name": "As the Strategic Authority or the local plan names it.",
            "statement": "If the plan does not reflect it, say why.",
        }
        error_messages = {"name": {"required": "Enter the priority as they name it"}}

    def __init__(self, *args, national: Sector | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.national = national
        reflected = self.initial.get("reflected")
        if isinstance(reflected, bool):
            self.initial["reflected"] = ("yes" if reflected else "no") if self.editing else ""
        if national is not None:
            self.instance.kind = ContextLink.Kind.INDUSTRIAL_STRATEGY
            self.instance.sector = national
            self.instance.name = national.name
        elif not self.editing:
            self.instance.kind = ContextLink.Kind.STRATEGIC_AUTHORITY
        if self.instance.kind == ContextLink.Kind.INDUSTRIAL_STRATEGY:
            # A national sector's answer: the sector is its subject, not something to edit.
            del self.fields["name"], self.fields["sector"]
            return
        self.fields["sector"].queryset = sectors_for(self.plan.area).order_by("kind", "name")
        self.fields["sector"].empty_label = "No particular sector"
        self.fields["sector"].help_text = "Optional: the sector it is about."

    def clean(self):
        cleaned = super().clean()
        link = self.instance
        if link.kind == ContextLink.Kind.INDUSTRIAL_STRATEGY and link.sector_id:
            taken = ContextLink.objects.filter(
                plan=self.plan, kind=link.kind, sector_id=link.sector_id
            ).exclude(pk=link.pk)
            if taken.exists():
                raise ValidationError(
                    f"The plan already answers {link.sector.name}: change that answer instead"
                )
        return cleaned


class DutyForm(VersionedForm):
    """How the plan considered one cross-cutting duty; one record per duty."""

    class Meta:
        model = Duty
        fields = ["kind", "how_considered", "priorities", "actions"]
        labels = {
            "kind": "Duty",
            "how_considered": "How the plan considered it",
            "priorities": "Priorities that answer it",
            "actions": "Actions that answer it",
        }
        error_messages = {
            "kind": {"required": "Select the duty"},
            "how_considered": {"required": "Say how the plan considered it"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = Action.objects.filter(
            priority__plan=self.plan
        ).select_related("priority")
        self.fields["actions"].help_text = "Select all that apply."
        self.fields["how_considered"].widget.attrs["rows"] = 6

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        taken = Duty.objects.filter(plan=self.plan, kind=kind).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(
                f"The plan already records how it considered {Duty.Kind(kind).label.lower()}: "
                "change that record instead"
            )
        return kind
