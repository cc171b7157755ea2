from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .uploads import private_upload_path


class StoredFile(models.Model):
    """An uploaded file kept in private storage: reachable only through a view that checks
    access to the record it belongs to (courtadmin.core.downloads), never by a public URL."""

    file = models.FileField(_("file"), upload_to=private_upload_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name
