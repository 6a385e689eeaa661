"""The board's pages, one module per part: `board` (membership, stand-ins, attendees, the
register of interests, public and private) and `meetings` (schedule, agenda and papers,
attendance, declarations, minutes, action log, decisions and votes, LSIF bids, the grant).
Each module lists its own `urlpatterns`; `lsip.governance.urls` joins them."""
