"""Changing or withdrawing a record of the board after it was recorded (`corrections`):
agenda items, papers, declarations, decisions, grant claims and LSIF bids. Each kind has a
change page and a withdraw page, for the ERB's secretariat (EDIT_AREA); the record is looked
up within the area of the URL, and a withdrawn record stays on its page, marked."""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.forms import modelform_factory
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import FormView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.core.forms import DateField, GovukForm, GovukModelForm, add_rule_errors
from lsip.governance import corrections
from lsip.governance.models import AgendaItem, Decision, Declaration, GrantClaim, LsifBid, Paper


def _meeting_page(meeting) -> str:
    return reverse("governance:meeting", kwargs={"area_slug": meeting.area.slug, "pk": meeting.pk})


def _board_page(name, board) -> str:
    return reverse(f"governance:{name}", kwargs={"area_slug": board.area.slug, "pk": board.pk})


@dataclass(frozen=True)
class Kind:
    """One kind of correctable record: its model, the path from it to its area, the fields
    a change may touch and the page it is shown on."""

    model: type[models.Model]
    area_path: str
    fields: tuple[str, ...]
    noun: str
    page: object  # record -> URL

    def form_class(self):
        return modelform_factory(
            self.model, form=GovukModelForm, fields=self.fields, formfield_callback=_formfield
        )


def _formfield(field, **kwargs):
    """GOV.UK date inputs for date fields; Django's form field for the rest."""
    if isinstance(field, models.DateField):
        return DateField(label=field.verbose_name.capitalize(), required=not field.blank)
    return field.formfield(**kwargs)


KINDS = {
    "agenda": Kind(
        AgendaItem,
        "meeting__board__area",
        corrections.CHANGEABLE[AgendaItem],
        "agenda item",
        lambda r: _meeting_page(r.meeting),
    ),
    "papers": Kind(
        Paper,
        "item__meeting__board__area",
        corrections.CHANGEABLE[Paper],
        "paper",
        lambda r: _meeting_page(r.item.meeting),
    ),
    "declarations": Kind(
        Declaration,
        "item__meeting__board__area",
        corrections.CHANGEABLE[Declaration],
        "declaration",
        lambda r: _meeting_page(r.item.meeting),
    ),
    "decisions": Kind(
        Decision,
        "board__area",
        corrections.CHANGEABLE[Decision],
        "decision",
        lambda r: reverse(
            "governance:decision", kwargs={"area_slug": r.board.area.slug, "pk": r.pk}
        ),
    ),
    "claims": Kind(
        GrantClaim,
        "grant__area",
        corrections.CHANGEABLE[GrantClaim],
        "grant claim",
        lambda r: _board_page("grant", r.grant.cycle.board),
    ),
    "lsif": Kind(
        LsifBid,
        "area",
        corrections.CHANGEABLE[LsifBid],
        "LSIF bid",
        lambda r: _board_page("lsif-list", r.cycle.board),
    ),
}


class WithdrawForm(GovukForm):
    reason = forms.CharField(
        label="Why is it withdrawn?",
        max_length=300,
        help_text="Shown beside the record, which is kept.",
    )
    withdrawn_on = DateField(label="Withdrawn on", help_text="For example 5 1 2026")


class CorrectionMixin(AreaPermissionMixin):
    capability = Capability.EDIT_AREA
    template_name = "governance/record_form.html"
    kind: Kind | None = None

    def get_record(self):
        if not hasattr(self, "record"):
            self.record = get_object_or_404(
                self.kind.model, pk=self.kwargs["pk"], **{self.kind.area_path: self.area}
            )
        return self.record

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            caption=str(self.get_record())[:120],
            cancel_url=self.kind.page(self.get_record()),
            **kwargs,
        )


class ChangeRecord(CorrectionMixin, FormView):
    def get_form_class(self):
        return self.kind.form_class()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_record()}

    def form_valid(self, form):
        try:
            corrections.change(form.instance, actor=self.request.user)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The {self.kind.noun} is changed")
        return redirect(self.kind.page(form.instance))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=f"Change the {self.kind.noun}", submit="Save changes", **kwargs
        )


class WithdrawRecord(CorrectionMixin, FormView):
    form_class = WithdrawForm

    def get_initial(self):
        return {"withdrawn_on": date.today()}

    def form_valid(self, form):
        record = self.get_record()
        try:
            corrections.withdraw(
                record,
                reason=form.cleaned_data["reason"],
                on=form.cleaned_data["withdrawn_on"],
                actor=self.request.user,
            )
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The {self.kind.noun} is withdrawn, and kept")
        return redirect(self.kind.page(record))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=f"Withdraw the {self.kind.noun}",
            intro="A withdrawn record is kept, marked withdrawn with the reason, and no longer "
            "counts. It is not deleted.",
            submit="Withdraw",
            **kwargs,
        )


urlpatterns = [
    pattern
    for name, kind in KINDS.items()
    for pattern in (
        path(
            f"{name}/<uuid:pk>/change/",
            ChangeRecord.as_view(kind=kind),
            name=f"{name}-change",
        ),
        path(
            f"{name}/<uuid:pk>/withdraw/",
            WithdrawRecord.as_view(kind=kind),
            name=f"{name}-withdraw",
        ),
    )
]
