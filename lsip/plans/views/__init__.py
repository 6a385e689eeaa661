"""The plan's pages, one module per part: `items` (plans, priorities, actions, Annex B
activities), `annex` (Annex A table, outcomes and metrics, context links, duties) and
`versions` (revisions, comparison, snapshots, carrying forward). Each module lists its own
`urlpatterns`; `lsip.plans.urls` joins them under the one `plans` namespace."""
