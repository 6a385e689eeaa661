"""Submission and approval in the JSON API: where an area's plan stands in its lifecycle and
the readiness checker's report (the same shape as `lsip readiness --json`, docs/approval.md).
Read-only: steps are taken on the pages, which ask for confirmation."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from lsip.accounts.api_permissions import AreaCapability
from lsip.accounts.roles import Capability
from lsip.approval import lifecycle
from lsip.approval.readiness import check_plan
from lsip.areas.models import Cycle
from lsip.plans.models import Plan


class Result(models.TextChoices):
    """A check's result, and a report's worst (lsip.approval.checks)."""

    PASS = "pass", "Pass"
    WARNING = "warning", "Warning"
    FAIL = "fail", "Fail"


RESULTS = Result.choices


class CheckSerializer(serializers.Serializer):
    id = serializers.CharField()
    statement = serializers.CharField()
    section = serializers.CharField(help_text="Where the statutory guidance sets the rule.")
    result = serializers.ChoiceField(choices=RESULTS)
    found = serializers.CharField(help_text="What the check found in the live data.")
    fix_url = serializers.CharField(help_text="The page where it is fixed (a path).")
    blocks_submission = serializers.BooleanField()


class CountsSerializer(serializers.Serializer):
    pass_ = serializers.IntegerField()
    warning = serializers.IntegerField()
    fail = serializers.IntegerField()

    def get_fields(self):
        fields = super().get_fields()
        fields["pass"] = fields.pop("pass_")
        return fields


class PlanRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()


class ReportSerializer(serializers.Serializer):
    schema = serializers.IntegerField()
    area = serializers.CharField()
    cycle = serializers.CharField()
    plan = PlanRefSerializer()
    checked_at = serializers.DateTimeField()
    worst = serializers.ChoiceField(choices=RESULTS)
    counts = CountsSerializer()
    checks = CheckSerializer(many=True)


class PositionSerializer(serializers.Serializer):
    cycle = serializers.CharField(help_text="The cycle's years, e.g. 2026-2029.")
    step = serializers.ChoiceField(choices=lifecycle.Kind.choices)
    step_label = serializers.CharField()
    since = serializers.DateTimeField(allow_null=True)
    by = serializers.CharField(allow_null=True)
    next_steps = serializers.ListField(child=serializers.ChoiceField(lifecycle.Kind.choices))


CYCLE = OpenApiParameter(
    "cycle", int, description="The cycle's start year (default: the area's current cycle)."
)


class ApprovalMixin:
    one_object = True  # each answers one report or position (lsip.core.openapi)
    permission_classes = [AreaCapability]
    capabilities = {"list": Capability.VIEW_AREA}

    def cycle(self, request):
        year = request.query_params.get("cycle")
        if year:
            try:
                return get_object_or_404(Cycle, area=self.area, start_year=int(year))
            except (ValueError, ValidationError):
                raise Http404("No such cycle") from None
        cycle = lifecycle.current_cycle(self.area)
        if cycle is None:
            raise Http404("The area has no cycle")
        return cycle


class ReadinessViewSet(ApprovalMixin, viewsets.ViewSet):
    """The readiness checker's report on the area's plan."""

    @extend_schema(parameters=[CYCLE], responses=ReportSerializer)
    def list(self, request, area_slug=None):
        plan = Plan.objects.filter(cycle=self.cycle(request)).first()
        if plan is None:
            raise Http404("The cycle has no plan")
        return Response(check_plan(plan).as_dict())


class LifecycleViewSet(ApprovalMixin, viewsets.ViewSet):
    """Where the area's plan stands in its cycle's lifecycle, and the steps that may follow."""

    @extend_schema(parameters=[CYCLE], responses=PositionSerializer)
    def list(self, request, area_slug=None):
        position = lifecycle.current_step(self.area, self.cycle(request))
        return Response(
            {
                "cycle": position.cycle.label,
                "step": position.kind,
                "step_label": position.label,
                "since": position.at,
                "by": position.actor.get_username() if position.actor else None,
                "next_steps": position.next_kinds,
            }
        )
