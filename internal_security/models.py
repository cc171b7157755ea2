"""Records of the Internal Security Department, each on a need-to-know basis (ISD 7)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from courtadmin.core.models import StoredFile
from courtadmin.org.models import NeedToKnowGrant, Region


class Complaint(models.Model):
    """An application about corruption in the judicial system (ISD 6.23).

    The registration and the reach rules live here from the start; the complaint's life
    (term, extension, decision, answer) is built on top of this record.
    """

    audit_department = "ISD"

    number = models.CharField(_("registration number"), max_length=32, unique=True)
    received_on = models.DateField(_("date of receipt"), db_index=True)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    court = models.CharField(_("court concerned"), max_length=300)
    summary = models.CharField(_("summary"), max_length=300)
    substance = models.TextField(_("substance"))

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["-received_on", "-id"], name="isd_complaint_list_order")]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("internal_security:complaint-detail", args=[self.pk])


class ComplaintGrant(NeedToKnowGrant):
    """Who may open one complaint, granted by the ISD head or deputy (ISD 7, ISD 9)."""

    content_object = models.ForeignKey(Complaint, verbose_name=_("complaint"), on_delete=models.CASCADE)

    class Meta(NeedToKnowGrant.Meta):
        verbose_name = _("need-to-know grant")
        verbose_name_plural = _("need-to-know grants")
        indexes = [models.Index(fields=["user", "content_object"], name="isd_complaint_grant_user")]


class ComplaintAttachment(StoredFile):
    """A file of a complaint (the appeal itself, its annexes). Reached only through the
    complaint, within the reader's reach."""

    audit_department = "ISD"

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("complaint"), on_delete=models.CASCADE, related_name="attachments"
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]
