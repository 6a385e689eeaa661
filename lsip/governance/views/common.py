"""What the board's pages share: the mixins that find a board, a meeting or an agenda item
within the area of the URL (only once the person is known to hold the page's capability),
and the URLs of a board's, a meeting's and a decision's pages."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.governance.models import AgendaItem, Board, Meeting


def meeting_url(meeting):
    return reverse(
        "governance:meeting", kwargs={"area_slug": meeting.board.area.slug, "pk": meeting.pk}
    )


def board_url(name, board):
    return reverse(f"governance:{name}", kwargs={"area_slug": board.area.slug, "pk": board.pk})


def decision_url(decision):
    return reverse(
        "governance:decision", kwargs={"area_slug": decision.board.area.slug, "pk": decision.pk}
    )


class Loaded:
    """Placed after AreaPermissionMixin: records are loaded (within `self.area`) only once
    the person is known to hold the capability, so an anonymous visitor is asked to sign in
    and a refused one sees 403 whatever the id."""

    def dispatch(self, request, *args, **kwargs):
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs):
        pass


class BoardMixin(AreaPermissionMixin, Loaded):
    """A page of one board of the area (`pk` in the URL)."""

    def load(self, pk, **kwargs):
        self.board = self.load_board(self.area, pk)

    @staticmethod
    def load_board(area, pk) -> Board:
        return get_object_or_404(Board.objects.select_related("area", "cycle"), area=area, pk=pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(board=self.board, **kwargs)


class MeetingMixin(AreaPermissionMixin, Loaded):
    """A page of one meeting (`pk` in the URL) of a board of the area."""

    def load(self, pk, **kwargs):
        self.meeting = get_object_or_404(
            Meeting.objects.select_related("board__area", "board__cycle"),
            board__area=self.area,
            pk=pk,
        )
        self.board = self.meeting.board

    def get_context_data(self, **kwargs):
        return super().get_context_data(board=self.board, meeting=self.meeting, **kwargs)


class ItemMixin(AreaPermissionMixin, Loaded):
    """A page of one agenda item (`pk` in the URL)."""

    def load(self, pk, **kwargs):
        self.item = get_object_or_404(
            AgendaItem.objects.select_related("meeting__board__area"),
            meeting__board__area=self.area,
            pk=pk,
        )
        self.meeting = self.item.meeting
        self.board = self.meeting.board

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            board=self.board, meeting=self.meeting, item=self.item, **kwargs
        )
