"""The national batch (issue 15): coding every area's evidence to SOC 2020 at once, and
aggregating every area's figures, each on the Dask cluster at an address when one is given
(the option `lsip code --dask` already has), in this one process otherwise.
`lsip national code [--dask ADDRESS] [--area SLUG]` and `lsip national aggregate [--dask
ADDRESS]` run them.

Skills England compares areas by their SOC 2020 codes (SG 4, 7; Annex D). Each area's needs
are coded with that area's learned mappings, by the same pure function as `lsip code`
(`coder.batch.code_batch`), so a worker needs only the ONS files. A need a person confirmed,
or one an area's learned mapping fixed, is left as it is; another takes the coder's answer
as `add_skills_need` would give it. The changed needs are written in bulk, with one audit
trail entry an area saying how many changed.
"""

from collections import Counter
from collections.abc import Callable

from django.db import transaction

from lsip.areas.models import Area
from lsip.audit.models import AuditEntry
from lsip.classification import services as coding
from lsip.classification.coder import batch
from lsip.engagement.models import SkillsNeed
from lsip.national import aggregates
from lsip.refdata.install import installed_dir

#: The coder's statuses whose best candidate a need keeps as its code.
CODED = "coded"
FIELDS = ["soc_code", "soc_confidence", "soc_method"]


def _chunks(areas) -> list[tuple[Area, list[dict], dict]]:
    """(area, rows, learned mappings) for each batch of each area's needs to code."""
    work = []
    for area in areas:
        needs = (
            SkillsNeed.objects.filter(area=area, soc_confirmed_by__isnull=True)
            .exclude(soc_method="learned mapping")
            .order_by("pk")
            .values("pk", "words")
        )
        rows = [{"id": str(n["pk"]), "words": n["words"]} for n in needs]
        if rows:
            learned = coding.learned_mappings(area)
            work += [(area, chunk, learned) for chunk in batch.batches(rows)]
    return work


def _run(work, source: str, dask_address: str | None, progress) -> list[list[dict]]:
    """Each batch coded, in order: on Dask, or one after another in this process."""
    options = {"kind": "soc", "column": "words", "source": source}
    if not dask_address:
        out = []
        for _area, rows, learned in work:
            out.append(batch.code_batch(rows, learned=learned, **options))
            progress(len(rows))
        return out
    from dask.distributed import Client, as_completed

    with Client(dask_address) as client:
        futures = [
            client.submit(batch.code_batch, rows, learned=learned, pure=False, **options)
            for _area, rows, learned in work
        ]
        index = {future.key: i for i, future in enumerate(futures)}
        done: dict[int, list[dict]] = {}
        for future in as_completed(futures):
            i = index[future.key]
            done[i] = future.result()
            progress(len(work[i][1]))
    return [done[i] for i in range(len(work))]


def code_all_areas(
    *,
    areas=None,
    dask_address: str | None = None,
    actor=None,
    progress: Callable[[int], None] = lambda n: None,
) -> dict[str, Counter]:
    """Code the needs of every area (or of `areas`) not confirmed by a person; returns, for
    each area's slug, how many needs ended in each coder status and how many `changed`.

    Raises CoderFilesMissingError when the SOC 2020 files are not installed."""
    areas = list(areas if areas is not None else Area.objects.order_by("name"))
    source = str(installed_dir())
    batch.warm_up("soc", source)  # build the saved coder once, before any worker starts
    work = _chunks(areas)
    coded = _run(work, source, dask_address, progress)
    summary: dict[str, Counter] = {a.slug: Counter() for a in areas}
    changes: dict[int, list[SkillsNeed]] = {}
    answers = {}
    for (area, _rows, _learned), rows in zip(work, coded, strict=True):
        for row in rows:
            summary[area.slug][row["soc_status"]] += 1
            answers[row["id"]] = (area, row)
    needs = SkillsNeed.objects.filter(pk__in=list(answers)).only("pk", "area", *FIELDS)
    for need in needs.iterator():
        area, row = answers[str(need.pk)]
        code = row["soc_code"] if row["soc_status"] == CODED else ""
        confidence = float(row["soc_confidence"]) if row["soc_confidence"] else None
        new = (code, confidence, row["soc_method"])
        if new != (need.soc_code, need.soc_confidence, need.soc_method):
            need.soc_code, need.soc_confidence, need.soc_method = new
            changes.setdefault(area.pk, []).append(need)
    with transaction.atomic():
        for area in areas:
            changed = changes.get(area.pk, [])
            summary[area.slug]["changed"] = len(changed)
            if not changed:
                continue
            SkillsNeed.objects.bulk_update(changed, FIELDS, batch_size=1000)
            AuditEntry.objects.create(
                area=area,
                actor=actor,
                actor_label=actor.get_username() if actor else "lsip national code",
                action=AuditEntry.Action.UPDATE,
                model="engagement.skillsneed",
                object_id=area.slug,
                object_repr=f"{area.name}: skills needs coded again to SOC 2020",
                changes={"needs coded again": [None, len(changed)]},
            )
    return summary


def aggregate_all_areas(
    *, dask_address: str | None = None, progress: Callable[[int, int], None] = lambda d, t: None
) -> aggregates.National:
    """Every area's part of the national figures (decision 0081) worked out afresh, one task
    an area on the Dask cluster at `dask_address` (each worker reads its area from the
    database: `lsip.national.worker`), or one area after another in this process; each part
    is kept for the national view under the stamp read before it was worked out, and the
    parts are combined. `progress(done, total)` follows the areas."""
    areas = list(Area.objects.all())
    stamps = aggregates.part_stamps(areas)
    parts: dict[int, aggregates.AreaPart] = {}
    if not dask_address:
        for area in areas:
            parts.update(aggregates.compute_parts([area]))
            progress(len(parts), len(areas))
    else:
        from dask.distributed import Client, as_completed

        from lsip.national.worker import area_part

        with Client(dask_address) as client:
            futures = [client.submit(area_part, area.pk, pure=False) for area in areas]
            for future in as_completed(futures):
                part = future.result()
                parts[part.area_id] = part
                progress(len(parts), len(areas))
    open_postings = aggregates.open_postings_by_soc()
    aggregates.keep_parts(parts, stamps, open_postings)
    return aggregates.National(
        areas=areas,
        parts={a.pk: parts[a.pk] for a in areas},
        open_postings=open_postings,
        computed={*parts, None},
    )
