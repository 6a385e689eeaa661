from django.db import models


class InstalledFile(models.Model):
    """A reference file that passed its checksum and was installed: what, which edition, when."""

    key = models.CharField(max_length=60, unique=True)
    filename = models.CharField(max_length=200)
    title = models.CharField(max_length=200)
    publisher = models.CharField(max_length=120)
    edition = models.CharField(max_length=60)
    licence = models.CharField(max_length=60)
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveBigIntegerField()
    source = models.CharField(max_length=500, help_text="The URL or folder it came from.")
    path = models.CharField(max_length=500, help_text="Where it is kept on this machine.")
    installed_on = models.DateTimeField()

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return f"{self.filename} ({self.edition})"
