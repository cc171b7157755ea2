"""Pages of the catalogs of international legal assistance (IR 7.22): countries, treaty
bases, foreign authorities and the courts of Kazakhstan, and the import of courts.

Reading is for IR staff and the leadership; changing and importing for IR staff alone.
Anyone else gets 404 (international.permissions).
"""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courtadmin.core.forms import service_result

from ..forms.catalogs import CATALOG_FORMS, CourtImportForm
from ..permissions import is_ir_staff, require_ir_staff
from ..selectors import catalogs as selectors
from ..services import catalogs as services

LIST_PAGE_SIZE = 50
# The rows of a previewed import wait here, on the server, for the confirmation.
IMPORT_SESSION_KEY = "international.court_import"


def catalog_index(request):
    counts = selectors.catalog_counts_visible_to(request.user)
    return render(request, "international/catalog_index.html", {"catalogs": counts})


def catalog_list(request, catalog):
    spec = selectors.catalog_named(catalog)
    query = request.GET.get("q", "").strip()[: selectors.SEARCH_MAX_LENGTH]
    entries = selectors.catalog_entries_visible_to(request.user, spec, query)
    page = Paginator(entries, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "catalog": spec,
        "page": page,
        "q": query,
        "query": urlencode({"q": query}) if query else "",
        "may_edit": is_ir_staff(request.user),
    }
    return render(request, "international/catalog_list.html", context)


@require_http_methods(["GET", "POST"])
def catalog_edit(request, catalog, pk=None):
    spec = selectors.catalog_named(catalog)
    if pk is None:
        entry = selectors.new_catalog_entry_for_user(request.user, spec)
    else:
        entry = selectors.get_catalog_entry_for_user(request.user, spec, pk)
    form = CATALOG_FORMS[spec.slug](request.POST or None, instance=entry)
    if request.method == "POST":
        saved, _entry = service_result(
            form,
            lambda: services.catalog_entry_save(actor=request.user, instance=form.instance, relations=form.relations()),
        )
        if saved:
            messages.success(request, _("The catalog entry is saved."))
            return redirect("international:catalog-list", catalog=spec.slug)
    return render(request, "international/catalog_form.html", {"catalog": spec, "form": form, "entry": entry})


def _remember_preview(request, preview) -> str:
    token = uuid.uuid4().hex
    request.session[IMPORT_SESSION_KEY] = {"token": token, "rows": [row.as_data() for row in preview.to_apply]}
    return token


def _import_page(request, form, preview=None, preview_key=None):
    context = {"form": form, "preview": preview, "token": preview_key or "", "catalog": selectors.CATALOGS["courts"]}
    return render(request, "international/court_import.html", context)


@require_http_methods(["GET", "POST"])
def court_import(request):
    """Step 1: a file is uploaded and its preview shown, nothing written. Step 2: "confirm"
    writes the rows the preview accepted, kept in the session meanwhile."""
    require_ir_staff(request.user)
    if request.method == "POST" and "confirm" in request.POST:
        return _court_import_confirm(request)
    form = CourtImportForm(request.POST or None, request.FILES or None)
    if not form.is_valid():
        return _import_page(request, form)
    try:
        preview = services.court_import_preview(form.cleaned_data["file"])
    except ValidationError as error:
        form.add_error("file", error)
        return _import_page(request, form)
    return _import_page(request, CourtImportForm(), preview, _remember_preview(request, preview))


def _court_import_confirm(request):
    pending = request.session.get(IMPORT_SESSION_KEY)
    if not pending or pending.get("token") != request.POST.get("token"):
        messages.error(request, _("This preview is no longer current: upload the file again."))
        return redirect("international:catalog-import")
    try:
        counts = services.court_import_apply(actor=request.user, rows=pending["rows"])
    except ValidationError as error:
        del request.session[IMPORT_SESSION_KEY]
        if error.code != "import_changed":
            messages.error(request, " ".join(error.messages))
            return redirect("international:catalog-import")
        # The catalog moved meanwhile: show what the same rows would do now.
        preview = services.court_import_check([services.CourtRow.from_data(row) for row in pending["rows"]])
        messages.error(request, " ".join(error.messages))
        return _import_page(request, CourtImportForm(), preview, _remember_preview(request, preview))
    del request.session[IMPORT_SESSION_KEY]
    messages.success(
        request,
        _("The courts are imported. Created: %(created)s; updated: %(updated)s.") % counts,
    )
    return redirect("international:catalog-list", catalog="courts")
