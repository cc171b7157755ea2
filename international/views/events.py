"""Pages of international events (IR 5.3, 7.6, 7.14, 7.15, 7.18, 7.23). Reading: IR staff, the
leadership and each event's participants (selectors.events); writing: IR staff; 404 otherwise."""

from datetime import date, timedelta

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import moves_with_forms, posted_move, service_result
from courtadmin.core.history import record_history
from courtadmin.core.ical import calendar_file
from courtadmin.core.periods import Period
from courtadmin.instructions.forms import GiveForm
from courtadmin.instructions.permissions import may_give
from courtadmin.org.models import Department

from ..export import events_workbook
from ..forms.events import CancelForm, EventFilterForm, EventForm, HoldForm, MaterialDocumentForm, MaterialForm
from ..models import Event
from ..permissions import is_ir_staff, require_ir_staff
from ..selectors import events as selectors
from ..services import events as services
from .trips import _page

MOVE_FORMS = {"hold": HoldForm, "cancel": CancelForm}


def _require_reader(user) -> None:
    """The register, its calendar and figures: whoever reads events at all (a participant from
    elsewhere reads only his own, and only through his calendar and their pages)."""
    if not selectors.events_visible_to(user).exists() and not selectors.reads_all_events(user):
        raise Http404


def event_list(request):
    _require_reader(request.user)
    form = EventFilterForm(request.GET or None)
    context = _page(request, selectors.event_register(request.user, form.filters()), form)
    context["reads_all"] = selectors.reads_all_events(request.user)
    return render(request, "international/event_list.html", context)


def _year(request) -> int:
    """The year asked for, this year if none or one the register cannot hold."""
    year = _int(request.GET.get("year"))
    return year if year is not None and 2000 <= year <= 2100 else timezone.localdate().year


def _year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31))


def event_export(request):
    _require_reader(request.user)
    filters = EventFilterForm(request.GET or None).filters()
    year = (filters.starts_from or timezone.localdate()).year
    figures = selectors.event_figures(request.user, _year_period(year))
    return xlsx_response(events_workbook(selectors.event_register(request.user, filters), figures, year), "events.xlsx")


def event_figures(request):
    _require_reader(request.user)
    year = _year(request)
    context = {"year": year, "figures": selectors.event_figures(request.user, _year_period(year))}
    return render(request, "international/event_figures.html", context)


def event_calendar(request):
    _require_reader(request.user)
    first = selectors.month_of(_int(request.GET.get("year")), _int(request.GET.get("month")))
    mine = request.GET.get("mine") == "1" or not selectors.reads_all_events(request.user)
    context = {
        "first": first,
        "weeks": selectors.month_calendar(request.user, first, mine=mine),
        "previous": (first.replace(day=1) - timedelta(days=1)).replace(day=1),
        "next": (first.replace(day=28) + timedelta(days=4)).replace(day=1),
        "mine": mine,
        "reads_all": selectors.reads_all_events(request.user),
    }
    return render(request, "international/event_calendar.html", context)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def event_feed(request):
    """The reader's own events as an iCalendar file (IR 7.6): those he takes part in or is
    responsible for, within his reach; an empty calendar for someone with none."""
    entries = selectors.person_feed(
        request.user, link=lambda event: request.build_absolute_uri(event.get_absolute_url())
    )
    content = calendar_file(entries, name=_("International events"))
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="events.ics"'
    return response


@require_http_methods(["GET", "POST"])
def event_edit(request, pk=None):
    require_ir_staff(request.user)
    event = selectors.get_event_for_user(request.user, pk) if pk else Event()
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST":
        done, event = service_result(
            form,
            lambda: services.event_save(
                actor=request.user,
                event=form.instance,
                participants=list(form.cleaned_data["participants"]),
                partners=list(form.cleaned_data["partners"]),
            ),
        )
        if done:
            messages.success(request, _("The event is saved."))
            return redirect(event)
    return render(request, "international/event_form.html", {"form": form, "event": event})


def _material_documents(user):
    return selectors.department_documents(user)


def event_detail(request, pk, **bound):
    event = selectors.get_event_for_user(request.user, pk)
    may_write = is_ir_staff(request.user)
    moves = services.moves_open_to(event, request.user)
    context = {
        "event": event,
        "participants": selectors.event_participants(event),
        **_department_parts(request.user, event),
        "moves": moves_with_forms(moves, MOVE_FORMS, bound),
        "may_write": may_write,
        "may_follow_up": event.status == Event.Status.HELD and bool(may_give(request.user, Department.IR)),
        "is_open": event.status in services.OPEN,
        "leadership_attends": selectors.leadership_attends(event),
        "history": record_history(event),
    }
    if may_write:
        context["material_form"] = bound.get("material_form") or MaterialForm()
        context["document_form"] = bound.get("document_form") or MaterialDocumentForm(
            documents=_material_documents(request.user)
        )
    return render(request, "international/event_detail.html", context)


def event_card(request, pk):
    """The protocol card of an event the leadership attends (IR 7.30): its programme, its
    participants, the talking points, the materials and the follow-up, on one printable page."""
    event = selectors.get_event_for_user(request.user, pk)
    if not selectors.leadership_attends(event):
        raise Http404
    context = {
        "event": event,
        "participants": selectors.event_participants(event),
        **_department_parts(request.user, event),
    }
    return render(request, "international/event_card.html", context)


def _department_parts(user, event) -> dict:
    """The materials, the follow-up instructions and the partners are the department's records:
    a participant from elsewhere reads the event, not them (404 everywhere else too)."""
    if not selectors.reads_all_events(user):
        return {"materials": [], "follow_ups": [], "partners": [], "department_parts": False}
    return {
        "materials": selectors.event_materials(event),
        "follow_ups": selectors.event_follow_ups(event),
        "partners": event.partners.order_by("name"),
        "department_parts": True,
    }


@require_POST
def event_move(request, pk, move):
    event = selectors.get_event_for_user(request.user, pk)
    require_ir_staff(request.user)
    return posted_move(
        request,
        event,
        move=move,
        move_forms=MOVE_FORMS,
        perform=lambda **inputs: services.event_move(event=event, move=move, actor=request.user, **inputs),
        page=lambda bound: event_detail(request, pk, **bound),
    )


@require_POST
def event_material_add(request, pk):
    event = selectors.get_event_for_user(request.user, pk)
    require_ir_staff(request.user)
    form = MaterialForm(request.POST)
    done, _material = service_result(
        form, lambda: services.event_material_add(actor=request.user, event=event, **form.cleaned_data)
    )
    if not done:
        return event_detail(request, pk, material_form=form)
    messages.success(request, _("The material is set with its term."))
    return redirect(event)


@require_POST
def event_material_prepared(request, pk, material_pk):
    event = selectors.get_event_for_user(request.user, pk)
    require_ir_staff(request.user)
    material = selectors.event_materials(event).filter(pk=material_pk).first()
    if material is None:
        raise Http404
    form = MaterialDocumentForm(request.POST, documents=_material_documents(request.user))
    done, _material = service_result(
        form,
        lambda: services.event_material_prepared(
            actor=request.user, material=material, document=form.cleaned_data["document"]
        ),
    )
    if not done:
        return event_detail(request, pk, document_form=form)
    messages.success(request, _("The material is prepared."))
    return redirect(event)


@require_http_methods(["GET", "POST"])
def event_follow_up(request, pk):
    """A follow-up instruction on a held event's outcomes, given by whoever gives the IR's
    instructions (the instructions register's rules)."""
    event = selectors.get_event_for_user(request.user, pk)
    giving = may_give(request.user, Department.IR)
    if event.status != Event.Status.HELD or not giving:
        raise Http404
    form = GiveForm(request.POST or None, givings={Department.IR: giving})
    if request.method == "POST":
        done, _follow_up = service_result(
            form, lambda: services.event_follow_up_give(actor=request.user, event=event, **form.inputs())
        )
        if done:
            messages.success(request, _("The follow-up instruction is given."))
            return redirect(event)
    return render(request, "international/event_follow_up.html", {"form": form, "event": event})
