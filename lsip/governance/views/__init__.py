"""The board's pages, one module per part: `board` (membership, stand-ins, attendees, the
register of interests, public and private), `meetings` (schedule, agenda and papers,
attendance, declarations, minutes, action log), `decisions` (decisions and votes, at a
meeting or by written procedure), `funding` (LSIF bids and the grant), `terms` (membership
categories, the ERB's designation, the communication plan) and `corrections` (changing or
withdrawing recorded items); `common` holds the mixins they share. Each module lists its own
`urlpatterns`; `lsip.governance.urls` joins them."""
