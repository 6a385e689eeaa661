"""People who sign in, and the roles they hold in LSIP areas."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from lsip.accounts.roles import ROLE_LABELS, Role
from lsip.audit.models import AuditedModel
from lsip.core.models import BaseModel


class User(AbstractUser):
    """A person who signs in. The username is their email address."""

    class Meta:
        ordering = ["username"]


class RoleAssignment(BaseModel, AuditedModel):
    """A role one person holds in one area (or, for Skills England, in every area)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    area = models.ForeignKey(
        "areas.Area",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="roles",
        help_text="Leave empty only for a Skills England reviewer, who reads every area.",
    )
    role = models.CharField(max_length=30, choices=[(r.value, r.label) for r in Role])
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contributors",
        help_text="The organisation a partner contributor speaks for.",
    )

    class Meta:
        ordering = ["area__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "area", "role"], name="one_assignment_per_role_and_area"
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(area__isnull=True),
                name="one_national_assignment_per_role",
            ),
        ]

    def __str__(self):
        where = self.area.name if self.area_id else "every area"
        return f"{self.user.username}: {ROLE_LABELS[Role(self.role)]}, {where}"

    def clean(self):
        """The rules of roles: one area each, except Skills England; partners name their body."""
        is_national = self.role == Role.SKILLS_ENGLAND_REVIEWER
        if is_national and self.area_id:
            raise ValidationError({"area": "A Skills England reviewer reads every area: no area"})
        if not is_national and not self.area_id:
            raise ValidationError({"area": "Choose the area this role applies to"})
        if self.role == Role.PARTNER_CONTRIBUTOR:
            if not self.organisation_id:
                raise ValidationError(
                    {"organisation": "A partner contributor speaks for one organisation"}
                )
            if self.organisation.area_id != self.area_id:
                raise ValidationError({"organisation": "Choose an organisation in this area"})
        elif self.organisation_id:
            raise ValidationError(
                {"organisation": "Only a partner contributor has an organisation"}
            )


class PersonalToken(BaseModel):
    """A person's named API token (`lsip.accounts.tokens`): it acts with its owner's roles,
    never more, and a read token reads only. Only a digest of the key is kept."""

    class Scope(models.TextChoices):
        READ = "read", "Read only"
        WRITE = "write", "Read and write"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="personal_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for.")
    scope = models.CharField(max_length=5, choices=Scope.choices, default=Scope.READ)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=12, editable=False, help_text="The key's first letters.")
    last_used_on = models.DateTimeField(null=True, blank=True)
    revoked_on = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "name"],
                condition=models.Q(revoked_on__isnull=True),
                name="one_live_token_name_per_person",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.get_scope_display()}, {self.prefix}…)"

    @property
    def may_write(self) -> bool:
        return self.scope == self.Scope.WRITE
