"""What a Dask worker runs for `lsip national aggregate --dask` (lsip.national.batch): one
area's part of the national figures, read from the database by the worker itself.

This module imports no model at its top, so that a worker started outside Django (`dask
worker ADDRESS`, with the lsip package installed) can load it; Django is then set up from
the worker's own environment (`DJANGO_SETTINGS_MODULE`, else lsip's settings, and
`DATABASE_URL` naming the same database as the site's), as for any lsip process.
"""

import os


def area_part(area_id: int):
    """The `AreaPart` of the area `area_id`, worked out afresh; the worker's database
    connections are closed after, so that no idle connection is left on the server."""
    from django.apps import apps

    if not apps.ready:
        import django

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lsip.config.settings")
        django.setup()
    from django.db import connections

    from lsip.areas.models import Area
    from lsip.national.aggregates import compute_parts

    try:
        return compute_parts(Area.objects.filter(pk=area_id))[area_id]
    finally:
        connections.close_all()
