"""Abstract models every lsip table builds on."""

import uuid

from django.db import models


class BaseModel(models.Model):
    """A UUID key, so that ids reveal nothing about other areas' records, and timestamps."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_on = models.DateTimeField(auto_now_add=True, db_index=True)
    modified_on = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
