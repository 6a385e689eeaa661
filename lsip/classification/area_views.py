"""An area's coding pages: code pasted job titles, the review queue, and confirming a skills
need's code where it is shown (SG Annex D)."""

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import FormView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.classification import services
from lsip.classification.coder.soc import learned_key
from lsip.classification.coder.store import CoderFilesMissingError
from lsip.classification.models import CodingReview, SocGroup
from lsip.core.forms import GovukForm

MAX_TITLES = 500


class CodeTitlesForm(GovukForm):
    titles = forms.CharField(
        label="Job titles",
        help_text=f"One title a line, as employers wrote them; up to {MAX_TITLES}.",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Enter at least one job title"},
    )
    context = forms.CharField(
        required=False,
        max_length=500,
        help_text="Optional: the industry or what the employer does, for every title.",
    )

    def clean_titles(self):
        titles = [line.strip() for line in self.cleaned_data["titles"].splitlines()]
        titles = [t for t in titles if t]
        if len(titles) > MAX_TITLES:
            raise ValidationError(
                f"Enter {MAX_TITLES} titles or fewer; for more, use `lsip code soc FILE`"
            )
        return titles


class CodeTitles(AreaPermissionMixin, FormView):
    """Code pasted job titles; those that need a person join the review queue."""

    capability = Capability.EDIT_AREA
    template_name = "coding/code_titles.html"
    form_class = CodeTitlesForm

    def form_valid(self, form):
        try:
            results = services.code_titles(
                area=self.area,
                titles=form.cleaned_data["titles"],
                actor=self.request.user,
                source="pasted on the coding page",
                context=form.cleaned_data["context"],
            )
        except CoderFilesMissingError:
            form.add_error(None, "The SOC 2020 files are not installed: run lsip refdata install")
            return self.form_invalid(form)
        queued = sum(1 for r in results if r.status in services.REVIEW_STATUSES)
        return self.render_to_response(
            self.get_context_data(form=form, results=results, queued=queued)
        )


class ReviewQueue(AreaPermissionMixin, TemplateView):
    """Titles waiting for a person: the coder's candidates with their descriptions."""

    capability = Capability.EDIT_AREA
    template_name = "coding/review_queue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pending = CodingReview.objects.filter(area=self.area, status=CodingReview.Status.PENDING)
        shown = pending
        if self.request.GET.get("review"):  # one title, from a skills need that links here
            shown = pending.filter(pk=_uuid_or_none(self.request.GET["review"]))
        page = Paginator(shown, 20).get_page(self.request.GET.get("page"))
        sources = needs_by_title(self.area, {review.key for review in page})
        codes = {c["code"] for review in page for c in review.candidates}
        groups = {g.code: g for g in SocGroup.objects.filter(code__in=codes)}
        for review in page:
            review.options = [
                {
                    **c,
                    "description": _first_sentence(groups[c["code"]].description)
                    if c["code"] in groups
                    else "",
                }
                for c in review.candidates
            ]
            review.needs = sources.get(review.key, [])
        _explain(page)
        context.update(
            page=page,
            one=shown is not pending,
            pending_count=pending.count(),
            done=CodingReview.objects.filter(area=self.area, status=CodingReview.Status.CONFIRMED)
            .select_related("chosen_by")
            .order_by("-chosen_on")[:10],
        )
        return context


class ReviewConfirm(AreaPermissionMixin, TemplateView):
    """Record the person's choice for one queued title."""

    capability = Capability.EDIT_AREA
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        review = get_object_or_404(CodingReview, area=self.area, pk=kwargs["pk"])
        code = request.POST.get("other_code", "").strip() or request.POST.get("code", "")
        try:
            services.confirm(review=review, code=code, actor=request.user)
        except ValidationError as error:
            messages.error(request, f"{review.text}: {' '.join(error.messages)}")
        else:
            messages.success(
                request, f"{review.text} is coded {code}; the coder will use it next time"
            )
        return redirect("coding:review-queue", area_slug=self.area.slug)


class NeedConfirm(AreaPermissionMixin, TemplateView):
    """Confirm the code the coder gave a skills need, on the page that shows the need: the
    area's coder learns it, and a queued review of the same words is settled."""

    capability = Capability.EDIT_AREA
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        from lsip.engagement.models import SkillsNeed

        need = get_object_or_404(SkillsNeed, area=self.area, pk=kwargs["pk"])
        code = request.POST.get("code", "")
        if code != need.soc_code:  # the page was out of date: the need was coded again
            messages.error(request, f"“{need.words}” has changed: check its code again")
        else:
            try:
                services.confirm_title(
                    area=self.area,
                    text=need.words,
                    code=code,
                    actor=request.user,
                    coder_version=need.coder_version,
                )
            except ValidationError as error:
                messages.error(request, f"{need.words}: {' '.join(error.messages)}")
            else:
                messages.success(request, f"“{need.words}” is confirmed as SOC {code}")
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            back = reverse(
                "engagement:engagement-detail",
                kwargs={"area_slug": self.area.slug, "pk": need.engagement_id},
            )
        return redirect(back)


def needs_by_title(area, keys: set[str]) -> dict[str, list]:
    """The area's unconfirmed skills needs whose words are each of these titles (as the coder
    normalises them), with their engagement and employer, so a queued title links to where
    it came from."""
    from lsip.engagement.models import SkillsNeed

    if not keys:
        return {}
    found = {}
    needs = SkillsNeed.objects.filter(area=area, soc_confirmed_by__isnull=True).select_related(
        "engagement", "organisation"
    )
    for need in needs.order_by("-engagement__date"):
        key = learned_key(need.words)
        if key in keys:
            found.setdefault(key, []).append(need)
    return found


def _explain(reviews):
    """Why the coder sent each title here (`why`), and for words that name several
    occupations, each one with its code and detail (`split`): issue 18."""
    try:
        coder = services.soc_coder()
    except CoderFilesMissingError:
        return
    for review in reviews:
        result = coder.code(review.text, review.context or None)
        review.why = result.reason
        review.split = [
            {"occupation": occupation, "detail": detail, "candidate": part.candidates[0]}
            for occupation, detail, part in result.parts
            if part.candidates
        ]


def _uuid_or_none(text: str):
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "." if text else ""
