"""The plan's pages, one module per part: `plans` (an area's plans, a plan), `priorities`
(a priority and its evidence), `actions` (actions and their Annex B activities, the Annex B
table), `annex_a` (the occupation and industry table), `outcomes` (outcomes and metrics),
`context` (the priorities the plan answers to), `duties` (the cross-cutting duties) and
`versions` (revisions, comparison, snapshots, carrying forward). They share `lookups` (records
within the URL's area), `editing` (the add, change and remove pages of the core items) and
`parts` (those of the annexes). Each page module lists its own `urlpatterns`;
`lsip.plans.urls` joins them under the one `plans` namespace."""
