from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.core.forms import service_result

from . import selectors, services
from .authority import is_organisation_keeper, may_keep_appointments, person_of
from .forms import AbsenceForm, ActingAppointmentForm, IdentityNumberForm, PositionAssignmentForm, RefusalForm
from .models import Absence, ActingAppointment, Confirmation


def absence_list(request):
    return render(
        request,
        "org/absence_list.html",
        {
            "absences": selectors.absences_visible_to(request.user)[:200],
            "appointments": selectors.acting_appointments_visible_to(request.user)[:200],
            "may_keep_appointments": may_keep_appointments(request.user),
            # whose appointments this reader may change: the others are listed, not linked
            "changeable": set(selectors.people_replaceable_by(request.user).values_list("pk", flat=True)),
            "awaiting": selectors.changes_awaiting(request.user),
            "keeps_organisation": is_organisation_keeper(request.user),
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
        replaceable=selectors.people_replaceable_by(request.user),
        candidates=selectors.acting_candidates(request.user),
    )
    save = partial(services.acting_appointment_save, actor=request.user, appointment=form.instance)
    if _saved(request, form, save, _("The acting appointment is saved.")):
        if form.instance.state == Confirmation.AWAITING:
            messages.info(request, _("It gives a power the acting person does not hold: it waits for a second person."))
        return redirect("org:absence-list")
    return render(request, "org/acting_appointment_form.html", {"form": form, "appointment": appointment})


@require_POST
def acting_appointment_delete(request, pk):
    appointment = selectors.get_acting_appointment_kept_by(request.user, pk)
    try:
        services.acting_appointment_delete(actor=request.user, appointment=appointment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("org:acting-update", pk=pk)
    messages.success(request, _("The acting appointment is deleted."))
    return redirect("org:absence-list")


@require_POST
def change_decide(request, kind, pk):
    """A second person confirms or refuses a change of who signs or who sees."""
    change = selectors.get_awaiting_change(request.user, kind, pk)
    form = RefusalForm(request.POST)
    confirm = request.POST.get("decision") == "confirm"
    try:
        form.is_valid()
        services.change_decide(
            actor=request.user, change=change, confirm=confirm, reason=form.cleaned_data.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The change is confirmed.") if confirm else _("The change is refused."))
    return redirect("org:absence-list")


def people_list(request):
    """The personnel office's list of people and their positions."""
    return render(request, "org/people_list.html", {"people": selectors.people_kept_by(request.user)})


@require_http_methods(["GET", "POST"])
def position_assign(request, pk):
    person = selectors.get_person_kept_by(request.user, pk)
    form = PositionAssignmentForm(request.POST or None, positions=selectors.positions_for_assignment())

    def save():
        return services.position_assign(
            actor=request.user,
            person=person,
            position=form.cleaned_data["position"],
            order_number=form.cleaned_data["order_number"],
            order_date=form.cleaned_data["order_date"],
        )

    done, assignment = (False, None) if request.method != "POST" else service_result(form, save)
    if done:
        if assignment.is_effective:
            messages.success(request, _("The position is changed."))
        else:
            messages.info(
                request, _("The position gives a power the person does not hold: it waits for a second person.")
            )
        return redirect("org:people-list")
    return render(
        request,
        "org/position_assign.html",
        {"form": form, "person": person, "assignments": selectors.assignments_of(person)},
    )


@require_http_methods(["GET", "POST"])
def identity_number(request, pk):
    """The personnel office records the IIN a person's national EDS names (IR 13, ISD 15); it
    takes effect once a second person confirms it."""
    person = selectors.get_person_kept_by(request.user, pk)
    form = IdentityNumberForm(request.POST or None)

    def save():
        return services.identity_number_propose(actor=request.user, person=person, **form.cleaned_data)

    if _saved(request, form, save, _("The IIN waits for a second person: the department's head or the leadership.")):
        return redirect("org:people-list")
    return render(
        request,
        "org/identity_number.html",
        {"form": form, "person": person, "changes": selectors.identity_number_changes_of(person)},
    )
