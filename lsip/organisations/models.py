"""The directory of organisations an area works with: ERB, authorities, providers, employers."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from lsip.audit.models import AuditedModel
from lsip.core.models import BaseModel

COMPANY_NUMBER = re.compile(r"^(\d{8}|(SC|NI|OC|SO|NC|R0|LP|SL|NL|FC|SE|GE|IP|SP|RS|CE|CS)\d{6})$")


def validate_company_number(value: str) -> None:
    """A Companies House number: eight digits, or a two-letter register prefix and six digits."""
    if not COMPANY_NUMBER.match(value):
        raise ValidationError(
            "Enter a Companies House number of 8 characters, like 01234567 or SC123456"
        )


def validate_ukprn(value: str) -> None:
    """A UK Provider Reference Number: eight digits starting with 1."""
    if not re.fullmatch(r"1\d{7}", value):
        raise ValidationError("Enter a UKPRN of 8 digits starting with 1, like 10001234")


class Organisation(BaseModel, AuditedModel):
    class Type(models.TextChoices):
        """The kinds of organisation the statutory guidance names (SG 3, 5.1-5.5)."""

        ERB = "erb", "Employer Representative Body"
        STRATEGIC_AUTHORITY = "strategic_authority", "Strategic Authority"
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        FE_COLLEGE = "fe_college", "Further education college"
        SIXTH_FORM_COLLEGE = "sixth_form_college", "Sixth form college"
        DESIGNATED_INSTITUTION = "designated_institution", "Designated institution"
        INDEPENDENT_TRAINING_PROVIDER = "itp", "Independent training provider"
        HIGHER_EDUCATION = "he_provider", "Higher education provider"
        LOCAL_AUTHORITY_PROVIDER = "la_provider", "Local authority provider"
        EMPLOYER = "employer", "Employer"
        JOBCENTRE_PLUS = "jobcentre_plus", "Jobcentre Plus"
        CAREERS_SERVICE = "careers_service", "Careers service"
        TRADE_UNION = "trade_union", "Trade union"
        SECTOR_BODY = "sector_body", "Sector or representative body"
        OTHER = "other", "Other"

    PROVIDER_TYPES = (
        Type.FE_COLLEGE,
        Type.SIXTH_FORM_COLLEGE,
        Type.DESIGNATED_INSTITUTION,
        Type.INDEPENDENT_TRAINING_PROVIDER,
        Type.HIGHER_EDUCATION,
        Type.LOCAL_AUTHORITY_PROVIDER,
    )

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="organisations")
    name = models.CharField(max_length=200)
    type = models.CharField(max_length=30, choices=Type.choices)
    website = models.URLField(blank=True)
    companies_house_number = models.CharField(
        "Companies House number",
        max_length=8,
        blank=True,
        validators=[validate_company_number],
        help_text="Optional. 8 characters, like 01234567 or SC123456.",
    )
    ukprn = models.CharField(
        "UKPRN",
        max_length=8,
        blank=True,
        validators=[validate_ukprn],
        help_text="Optional, for providers. 8 digits starting with 1.",
    )
    local_authority = models.ForeignKey(
        "areas.LocalAuthority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        help_text="Where the organisation is based in the area.",
    )
    description = models.TextField(blank=True)
    archived_on = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "companies_house_number"],
                condition=~models.Q(companies_house_number=""),
                name="one_organisation_per_company_number_per_area",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_provider(self) -> bool:
        return self.type in self.PROVIDER_TYPES

    def clean(self):
        """An area has one designated ERB (SG Annex C); districts must be in the area."""
        if self.type == self.Type.ERB and self.area_id:
            others = Organisation.objects.filter(area_id=self.area_id, type=self.Type.ERB)
            if others.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"type": "This area already has its Employer Representative Body"}
                )
        if (
            self.local_authority_id
            and self.area_id
            and self.local_authority.area_id != self.area_id
        ):
            raise ValidationError(
                {"local_authority": "Choose a local authority within this LSIP area"}
            )

    def get_absolute_url(self):
        return reverse(
            "organisations:organisation-detail",
            kwargs={"area_slug": self.area.slug, "pk": self.pk},
        )
