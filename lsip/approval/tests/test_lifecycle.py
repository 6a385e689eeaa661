"""The lifecycle (SG 3.5-3.7): allowed and refused steps, who takes each, joint confirmation
with the Strategic Authority (and its deferral in a Devolution Priority Programme area), the
disagreement escalation path and Skills England's feedback."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import PASSWORD
from lsip.accounts.models import RoleAssignment, User
from lsip.accounts.roles import Role
from lsip.approval import disagreements, feedback, joint, lifecycle
from lsip.approval.models import Disagreement, Step
from lsip.approval.tests.conftest import open_plan
from lsip.areas.models import Area, Cycle
from lsip.plans import services
from lsip.plans.models import ContextLink, Priority

Kind = Step.Kind


def user_with(role, area, name):
    user = User.objects.create_user(username=name, password=PASSWORD)
    RoleAssignment.objects.create(user=user, role=role, area=area)
    return user


def document_text(plan) -> str:
    """Every paragraph of the plan's document (lsip.documents), as one string."""
    from lsip.documents import plan_document

    built = plan_document.build(plan)
    return " ".join(
        block.get("text", "") for _, section in built.walk() for block in section.blocks
    )


def test_a_submission_with_failing_checks_asks_for_confirmation(plan, people):
    admin = people["erb_admin"]
    with pytest.raises(lifecycle.StepRefusedError) as refused:
        lifecycle.take(plan.cycle, Kind.DRAFT_SUBMITTED, actor=admin)
    assert refused.value.needs_confirmation
    assert "readiness checks fail" in refused.value.reasons[0]
    assert not Step.objects.exists()

    step = lifecycle.take(plan.cycle, Kind.DRAFT_SUBMITTED, actor=admin, confirm_failures=True)
    assert (step.actor, step.failures_confirmed, step.readiness["worst"]) == (admin, True, "fail")
    assert "net-zero" in step.readiness["not_passed"]
    assert step.snapshot.revision == plan.revisions.first()  # the plan as submitted, frozen
    plan.cycle.refresh_from_db()
    assert plan.cycle.status == Cycle.Status.SUBMITTED
    position = lifecycle.current_step(plan.area)
    assert (position.kind, position.step, position.actor) == (Kind.DRAFT_SUBMITTED, step, admin)


def test_refused_steps_say_why_and_who_may_take_them(plan, people):
    assert lifecycle.current_step(plan.area).kind == Kind.DEVELOPING
    reasons = lifecycle.problems(plan.cycle, Kind.APPROVED)
    assert reasons == [
        "The plan is at “Developing”: the next step can only be substantive draft submitted"
    ]
    with pytest.raises(lifecycle.StepRefusedError):
        lifecycle.take(plan.cycle, Kind.APPROVED, actor=people["skills_england"])
    with pytest.raises(PermissionDenied, match="Skills England"):
        lifecycle.take(plan.cycle, Kind.APPROVED, actor=people["erb_admin"])
    for name in ("erb_editor", "skills_england", "sa_partner", "other_area_admin"):
        with pytest.raises(PermissionDenied):
            lifecycle.take(plan.cycle, Kind.DRAFT_SUBMITTED, actor=people[name])


def test_the_whole_path_to_closed(plan, people):
    admin, reviewer = people["erb_admin"], people["skills_england"]
    cycle = plan.cycle
    lifecycle.take(cycle, Kind.DRAFT_SUBMITTED, actor=admin, confirm_failures=True)
    lifecycle.take(cycle, Kind.FEEDBACK_RECEIVED, actor=reviewer)
    [submitted] = lifecycle.submitted_snapshots(cycle)
    point = feedback.add_point(
        cycle, submitted, section="priorities", point="Say why digital is not a priority",
        actor=reviewer,
    )  # fmt: skip
    assert lifecycle.problems(cycle, Kind.FINAL_SUBMITTED) == [
        "1 point of Skills England's feedback unanswered"
    ]
    feedback.answer(point, text="Now covered in the context section", actor=admin)
    services.save(Priority(plan=plan, title="Digital skills"), actor=admin)
    final = lifecycle.take(cycle, Kind.FINAL_SUBMITTED, actor=admin, confirm_failures=True)
    assert final.snapshot.revision.number > submitted.revision.number  # the diff's two ends
    lifecycle.take(cycle, Kind.APPROVED, actor=reviewer)
    published = lifecycle.take(cycle, Kind.PUBLISHED, actor=admin)
    assert plan.publications.get().snapshot == published.snapshot  # published via documents
    lifecycle.take(cycle, Kind.IN_DELIVERY, actor=admin)
    lifecycle.take(cycle, Kind.CLOSED, actor=admin)
    cycle.refresh_from_db()
    assert cycle.status == Cycle.Status.CLOSED
    assert [s.kind for s in lifecycle.history(cycle)] == [
        Kind.DRAFT_SUBMITTED, Kind.FEEDBACK_RECEIVED, Kind.FINAL_SUBMITTED, Kind.APPROVED,
        Kind.PUBLISHED, Kind.IN_DELIVERY, Kind.CLOSED,
    ]  # fmt: skip
    assert lifecycle.current_step(plan.area, cycle).next_kinds == []


def test_an_unreflected_strategic_authority_priority_stops_submission(devolved_plan, people):
    services.save(
        ContextLink(plan=devolved_plan, kind="sa", name="Clean energy", reflected=False,
                    statement="The board disagrees"),
        actor=people["other_area_admin"],
    )  # fmt: skip
    reasons = lifecycle.problems(devolved_plan.cycle, Kind.DRAFT_SUBMITTED)
    assert any("cannot be submitted" in r for r in reasons)
    with pytest.raises(lifecycle.StepRefusedError):
        lifecycle.take(
            devolved_plan.cycle, Kind.DRAFT_SUBMITTED, actor=people["other_area_admin"],
            confirm_failures=True,
        )  # fmt: skip


def test_a_devolved_area_needs_both_confirmations_of_the_current_version(devolved_plan, people):
    cycle, erb = devolved_plan.cycle, people["other_area_admin"]
    sa = user_with(Role.STRATEGIC_AUTHORITY_PARTNER, devolved_plan.area, "sa@wmca.example")
    assert joint.problems_for_submission(cycle) == [
        "The Employer Representative Body has not confirmed it is content with the plan",
        "The Strategic Authority has not confirmed it is content with the plan",
    ]
    with pytest.raises(PermissionDenied):
        joint.confirm(cycle, joint.SA, actor=erb)  # each party confirms for itself
    with pytest.raises(PermissionDenied):
        joint.confirm(cycle, joint.ERB, actor=people["sa_partner"])  # another area's partner
    joint.confirm(cycle, joint.ERB, actor=erb)
    joint.confirm(cycle, joint.SA, actor=sa, note="Content after the combined authority board")
    assert joint.problems_for_submission(cycle) == []
    with pytest.raises(ValidationError, match="Devolution Priority Programme"):
        joint.confirm(cycle, joint.SA, actor=sa, deferred=True, note="Waiting")

    services.save(Priority(plan=devolved_plan, title="Clean energy"), actor=erb)
    assert joint.problems_for_submission(cycle) == [
        f"The {label} confirmed version 1; the plan has changed since, so it must confirm again"
        for label in ("Employer Representative Body", "Strategic Authority")
    ]
    with pytest.raises(lifecycle.StepRefusedError):
        lifecycle.take(cycle, Kind.DRAFT_SUBMITTED, actor=erb, confirm_failures=True)


def test_a_dpp_strategic_authority_may_defer_until_its_mayor_is_in_place(people):
    area = Area.objects.filter(is_devolution_priority=True).order_by("name").first()
    erb = user_with(Role.ERB_ADMIN, area, "erb@dpp.example")
    sa = user_with(Role.STRATEGIC_AUTHORITY_PARTNER, area, "sa@dpp.example")
    plan = open_plan(area, erb)
    cycle = plan.cycle
    assert joint.needs_joint_confirmation(area)
    # SG 3.6: only where the first mayor is elected in the year the plan is approved
    note = "Until the mayor elected in May 2026"
    with pytest.raises(ValidationError, match="not recorded with the area yet"):
        joint.confirm(cycle, joint.SA, actor=sa, deferred=True, note=note)
    area.mayor_elected_in = cycle.start_year + 1
    area.save()
    with pytest.raises(ValidationError, match="same timescales as every other area"):
        joint.confirm(cycle, joint.SA, actor=sa, deferred=True, note=note)
    area.mayor_elected_in = cycle.start_year
    area.save()
    cycle.refresh_from_db()
    with pytest.raises(ValidationError):
        joint.confirm(cycle, joint.SA, actor=sa, deferred=True)  # a reason is needed
    joint.confirm(cycle, joint.ERB, actor=erb)
    joint.confirm(
        cycle, joint.SA, actor=sa, deferred=True, note="Until the mayor elected in May 2026"
    )
    assert "deferred until its mayor is in place" in joint.deferral_statement(cycle)
    assert "Until the mayor elected in May 2026" in document_text(plan)  # the plan says so
    lifecycle.take(cycle, Kind.DRAFT_SUBMITTED, actor=erb, confirm_failures=True)
    lifecycle.take(cycle, Kind.FINAL_SUBMITTED, actor=erb, confirm_failures=True)
    [reason] = lifecycle.problems(cycle, Kind.APPROVED)
    assert "deferred its confirmation until its mayor is in place" in reason

    joint.confirm(cycle, joint.SA, actor=sa, note="The new mayor is content")
    assert lifecycle.problems(cycle, Kind.APPROVED) == []
    assert joint.deferral_statement(cycle) == ""
    assert "deferred until its mayor" not in document_text(plan)


def test_the_disagreement_escalation_path(plan, people):
    admin, cycle = people["erb_admin"], plan.cycle
    found = disagreements.raise_disagreement(
        cycle, subject="Land-based skills", details="Separate priority or not", actor=admin
    )
    assert disagreements.next_stages(found) == ["governance", "resolved"]
    with pytest.raises(ValidationError, match="can go next to referred to the LSIP's governance"):
        disagreements.move(found, Disagreement.Stage.SKILLS_ENGLAND, actor=admin)
    blocked = "The disagreement “Land-based skills” is referred to the LSIP's governance"
    disagreements.move(found, Disagreement.Stage.GOVERNANCE, actor=admin, note="Board, March")
    assert lifecycle.problems(cycle, Kind.DRAFT_SUBMITTED)[0].startswith(blocked)
    disagreements.move(found, Disagreement.Stage.SKILLS_ENGLAND, actor=admin)
    assert lifecycle.problems(cycle, Kind.DRAFT_SUBMITTED) == []  # referred: no longer blocks
    disagreements.move(found, Disagreement.Stage.SECRETARY_OF_STATE, actor=admin)
    with pytest.raises(ValidationError, match="how the disagreement was resolved"):
        disagreements.move(found, Disagreement.Stage.RESOLVED, actor=admin)
    disagreements.move(found, Disagreement.Stage.RESOLVED, actor=admin, note="Priority 5 split")
    assert disagreements.next_stages(found) == []
    events = list(found.events.values_list("stage", "actor"))
    assert events == [
        (stage, admin.pk)
        for stage in ("raised", "governance", "skills_england", "secretary_of_state", "resolved")
    ]
    assert found.resolution == "Priority 5 split"


def test_a_final_version_not_approved_goes_back_for_feedback(plan, people):
    """SG 3.5: where the plan does not meet the requirements the reasons are fed back and can
    be addressed; publication waits for approval."""
    admin, reviewer, cycle = people["erb_admin"], people["skills_england"], plan.cycle
    lifecycle.take(cycle, Kind.DRAFT_SUBMITTED, actor=admin, confirm_failures=True)
    lifecycle.take(cycle, Kind.FINAL_SUBMITTED, actor=admin, confirm_failures=True)
    assert lifecycle.problems(cycle, Kind.PUBLISHED) == [
        "The plan is at “Final version submitted”: the next step can only be approved, "
        "feedback received"
    ]
    lifecycle.take(cycle, Kind.FEEDBACK_RECEIVED, actor=reviewer, note="Not approved: SOC codes")
    assert lifecycle.current_step(plan.area).next_kinds == [Kind.FINAL_SUBMITTED]
    again = lifecycle.take(cycle, Kind.FINAL_SUBMITTED, actor=admin, confirm_failures=True)
    assert len(lifecycle.submitted_snapshots(cycle)) == 3
    assert again.snapshot not in lifecycle.submitted_snapshots(cycle)[:2]  # frozen anew
