from functools import partial

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.core.forms import service_result

from . import selectors, services
from .authority import may_keep_appointments, person_of
from .forms import AbsenceForm, ActingAppointmentForm
from .models import Absence, ActingAppointment


def absence_list(request):
    return render(
        request,
        "org/absence_list.html",
        {
            "absences": selectors.absences_visible_to(request.user)[:200],
            "appointments": selectors.acting_appointments_visible_to(request.user)[:200],
            "may_keep_appointments": may_keep_appointments(request.user),
        },
    )


def _saved(request, form, save, message) -> bool:
    """A valid POST handed to its service. A rule the service enforces late (a clash found
    under lock) goes back to the form beside its field, with what was typed kept."""
    if request.method != "POST" or not service_result(form, save)[0]:
        return False
    messages.success(request, message)
    return True


@require_http_methods(["GET", "POST"])
def absence_edit(request, pk=None):
    absence = selectors.get_absence_for_user(request.user, pk) if pk else Absence(person=person_of(request.user))
    people = selectors.people_keepable_by(request.user)
    form = AbsenceForm(request.POST or None, instance=absence, people=people)
    save = partial(services.absence_save, actor=request.user, absence=form.instance)
    if _saved(request, form, save, _("The absence is saved.")):
        return redirect("org:absence-list")
    return render(request, "org/absence_form.html", {"form": form, "absence": absence})


@require_POST
def absence_delete(request, pk):
    absence = selectors.get_absence_for_user(request.user, pk)
    services.absence_delete(actor=request.user, absence=absence)
    messages.success(request, _("The absence is deleted."))
    return redirect("org:absence-list")


@require_http_methods(["GET", "POST"])
def acting_appointment_edit(request, pk=None):
    if pk is None and not may_keep_appointments(request.user):
        raise Http404
    appointment = selectors.get_acting_appointment_kept_by(request.user, pk) if pk else ActingAppointment()
    form = ActingAppointmentForm(
        request.POST or None,
        instance=appointment,
        replaceable=selectors.people_keepable_by(request.user).filter(position__isnull=False),
        candidates=selectors.acting_candidates(request.user),
    )
    save = partial(services.acting_appointment_save, actor=request.user, appointment=form.instance)
    if _saved(request, form, save, _("The acting appointment is saved.")):
        return redirect("org:absence-list")
    return render(request, "org/acting_appointment_form.html", {"form": form, "appointment": appointment})


@require_POST
def acting_appointment_delete(request, pk):
    appointment = selectors.get_acting_appointment_kept_by(request.user, pk)
    services.acting_appointment_delete(actor=request.user, appointment=appointment)
    messages.success(request, _("The acting appointment is deleted."))
    return redirect("org:absence-list")
