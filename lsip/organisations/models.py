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


class SizeBand(models.TextChoices):
    """Employment size bands, as UK Business Counts uses them."""

    MICRO = "micro", "Micro (0 to 9 employees)"
    SMALL = "small", "Small (10 to 49)"
    MEDIUM = "medium", "Medium (50 to 249)"
    LARGE = "large", "Large (250 or more)"

    @classmethod
    def for_employees(cls, employees: int) -> "SizeBand":
        if employees < 10:
            return cls.MICRO
        if employees < 50:
            return cls.SMALL
        if employees < 250:
            return cls.MEDIUM
        return cls.LARGE


class Ownership(models.TextChoices):
    PRIVATE = "private", "Private sector"
    PUBLIC = "public", "Public sector"
    VOLUNTARY = "voluntary", "Voluntary or community sector"


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

    # What the engagement record needs to know of an employer (SG 5.1: all sizes, public and
    # private, members of the ERB and not). Blank where not known or not an employer.
    size_band = models.CharField(max_length=10, choices=SizeBand.choices, blank=True)
    ownership = models.CharField(max_length=12, choices=Ownership.choices, blank=True)
    sic_code = models.CharField(
        "SIC 2007 subclass", max_length=5, blank=True, help_text="5 digits, like 31020."
    )
    sic_source = models.CharField(
        "SIC code from",
        max_length=12,
        blank=True,
        choices=[("coder", "The coder"), ("person", "A person")],
    )
    erb_member = models.BooleanField("member of the ERB", null=True, blank=True)
    sectors = models.ManyToManyField("sectors.Sector", blank=True, related_name="organisations")

    class Meta:
        ordering = ["name"]
        indexes = [
            # Joins from engagements that ask only "is it an employer?" stay in the index.
            models.Index(fields=["id", "type"], name="organisation_id_type"),
        ]
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


class Contact(BaseModel, AuditedModel):
    """A person at an organisation. Personal data: only ERB roles see it (UK GDPR)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    notes = models.TextField(blank=True)
    erased_on = models.DateTimeField(
        null=True, blank=True, help_text="When the person's data was erased on request."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def audit_area(self):
        return self.organisation.area
