"""The channels a letter travels by, in and out (issue 20, items 1 and 7): one list for the
incoming journal (IncomingLetter.channel) and the outgoing one (Document.channel), so that
both journals speak of the same post, e-mail, courier, diplomatic channel and state
electronic document system (IR 7.12, 7.13: foreign correspondence through the Ministry of
Foreign Affairs)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    POST = "post", _("post")
    EMAIL = "email", _("e-mail")
    COURIER = "courier", _("courier")
    DIPLOMATIC = "diplomatic", _("diplomatic channel (Ministry of Foreign Affairs)")
    EDMS = "edms", _("state electronic document system")
