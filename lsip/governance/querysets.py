"""The one way to read an area's boards, shared by pages and summaries."""

from lsip.governance.models import Board


def latest_board(area) -> Board | None:
    """The board of the area's latest cycle, or None before one is set up."""
    return (
        Board.objects.filter(area=area).select_related("cycle").order_by("-cycle__start_year")
    ).first()
