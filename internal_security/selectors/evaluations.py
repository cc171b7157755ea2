"""Reads of the ISD head's evaluations of the units' heads (ISD 9): for the ISD head and deputy
and those the ISD reports to (`permissions.reads_evaluations`); 404 for anyone else."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from ..models import HeadEvaluation
from ..permissions import reads_evaluations


def evaluations_visible_to(user):
    evaluations = HeadEvaluation.objects.select_related("region")
    return evaluations if reads_evaluations(user) else evaluations.none()


def get_evaluation_for_user(user, pk) -> HeadEvaluation:
    return get_object_or_404(evaluations_visible_to(user), pk=pk)


def evaluation_register(user, *, text="", year=None, region=None, assessment="", proposal=""):
    evaluations = evaluations_visible_to(user)
    for lookup, value in (("year", year), ("region", region), ("assessment", assessment), ("proposal", proposal)):
        if value:
            evaluations = evaluations.filter(**{lookup: value})
    if text.strip():
        text = text.strip()
        evaluations = evaluations.filter(Q(head__icontains=text) | Q(report__icontains=text))
    return evaluations.order_by("-year", "region__name", "-pk")
