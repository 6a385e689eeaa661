"""Where activities stand comes from accepted updates only, and the RAG roll-up follows the
documented rules (docs/delivery.md, decision 0071)."""

import datetime

from lsip.delivery.models import Status, Update
from lsip.delivery.progress import activity_progress
from lsip.delivery.rag import Rag, activity_rag, plan_rag, roll_up

R, A, G, X = Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY


def report(activity, org, as_of, status, percent, state=Update.State.ACCEPTED):
    return Update.objects.create(
        activity=activity,
        organisation=org,
        as_of=as_of,
        status=status,
        percent_complete=percent,
        narrative="…",
        state=state,
    )


def test_progress_is_the_latest_accepted_update_up_to_the_date(plan, college):
    bootcamp = plan.care_bootcamp
    report(bootcamp, college, datetime.date(2026, 10, 1), Status.ON_TRACK, 10)
    report(bootcamp, college, datetime.date(2027, 1, 1), Status.AT_RISK, 30)
    waiting, returned = Update.State.SUBMITTED, Update.State.RETURNED
    report(bootcamp, college, datetime.date(2027, 2, 1), Status.OFF_TRACK, 35, waiting)
    report(bootcamp, college, datetime.date(2027, 3, 1), Status.COMPLETE, 100, returned)

    def on(day):
        found = {p.activity.title: p for p in activity_progress(plan, day)}
        return found["Care bootcamp"]

    assert (on(datetime.date(2026, 12, 1)).status, on(datetime.date(2026, 12, 1)).percent) == (
        Status.ON_TRACK,
        10,
    )
    latest = on(datetime.date(2027, 6, 1))
    assert (latest.status, latest.percent, latest.as_of) == (
        Status.AT_RISK,
        30,
        datetime.date(2027, 1, 1),
    )
    before_any = on(datetime.date(2026, 9, 2))
    assert (before_any.status, before_any.reported) == (Status.NOT_STARTED, False)
    titles = [p.activity.title for p in activity_progress(plan, datetime.date(2027, 1, 1))]
    assert titles == [
        "Care bootcamp",
        "Robotics short course",
        "Digital skills week",
        "Retrofit academy",
    ]


def test_an_activitys_colour(plan, college):
    [progress] = [
        p for p in activity_progress(plan, datetime.date(2026, 8, 1)) if p.activity == plan.digital
    ]
    assert activity_rag(progress, datetime.date(2026, 8, 1))[0] == G  # not due to start
    assert activity_rag(progress, datetime.date(2026, 9, 10))[0] == A  # should have started
    report(plan.digital, college, datetime.date(2027, 3, 1), Status.ON_TRACK, 60)
    on = datetime.date(2027, 3, 1)
    [progress] = [p for p in activity_progress(plan, on) if p.activity == plan.digital]
    assert activity_rag(progress, on)[0] == G  # 60% with half the time gone
    report(plan.digital, college, datetime.date(2027, 6, 1), Status.ON_TRACK, 40)
    on = datetime.date(2027, 6, 1)
    [progress] = [p for p in activity_progress(plan, on) if p.activity == plan.digital]
    colour, reason = activity_rag(progress, on)
    assert colour == A  # 40% done, more than 25 points behind
    assert "75% of its time gone" in reason
    after_end = datetime.date(2027, 9, 30)
    assert activity_rag(progress, after_end)[0] == R  # past its end, not complete
    report(plan.digital, college, datetime.date(2027, 9, 1), Status.COMPLETE, 100)
    [progress] = [p for p in activity_progress(plan, after_end) if p.activity == plan.digital]
    assert activity_rag(progress, after_end)[0] == G


def test_the_roll_up_rule():
    assert roll_up([]) == X
    assert roll_up([X, X]) == X
    assert roll_up([G, G, X]) == G
    assert roll_up([G, A, G]) == A
    assert roll_up([G, G, G, R]) == A  # one red in four: amber
    assert roll_up([G, G, R]) == R  # a third red: red
    assert roll_up([R, X]) == R


def test_the_plan_rolls_up_activities_to_actions_priorities_and_plan(plan, college):
    on = datetime.date(2027, 1, 15)
    report(plan.care_bootcamp, college, on, Status.OFF_TRACK, 10)
    report(plan.robotics, college, on, Status.ON_TRACK, 50)
    report(plan.digital, college, on, Status.AT_RISK, 40)
    report(plan.retrofit, college, on, Status.ON_TRACK, 45)
    result = plan_rag(plan, on)
    care, make = result.priorities
    assert [a.rag for a in care.actions] == [R]
    assert care.rag == R
    automation, green = make.actions
    assert (automation.rag, green.rag) == (A, G)  # one green, one amber: amber
    assert make.rag == A
    assert result.rag == R  # one of two priorities red
    assert result.counts() == {"red": 1, "amber": 1, "green": 2, "grey": 0}
    assert str(result) == result.label == "Red"
