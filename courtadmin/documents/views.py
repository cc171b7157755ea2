import base64
import binascii
import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import audit_record, read_record
from courtadmin.core.downloads import stored_file_response, xlsx_response
from courtadmin.core.forms import posted_on_page, service_result
from courtadmin.core.history import record_history
from courtadmin.core.uploads import MB, validate_upload
from courtadmin.org import departments

from . import selectors, services
from .export import journal_workbook
from .forms import CommentForm, DocumentForm, FileForm, JournalFilterForm, RouteForm, SendForm, SignForm
from .models import Document
from .references import references_of
from .signing import signing_backend
from .workflow import MOVES, current_steps, moves_open_to


def _read(request, document, action: str = "open") -> None:
    """Every opening of a document marked for official use only is recorded (Decree No. 429);
    every opening and download of a need-to-know department's document (the ISD's) goes to
    that department's read log (issue 7.2)."""
    if document.marking == Document.Marking.OFFICIAL_USE:
        audit_record(actor=request.user, action="document.read", obj=document, object_repr=document.subject)
    if departments.department(document.department).need_to_know:
        read_record(user=request.user, obj=document, action=action, department=document.department)


def document_list(request):
    return render(request, "documents/document_list.html", selectors.my_documents(request.user))


@require_http_methods(["GET", "POST"])
def document_edit(request, pk=None):
    document = selectors.get_document_for_user(request.user, pk) if pk else Document(author=request.user)
    if pk and (document.status != Document.Status.DRAFT or document.author_id != request.user.pk):
        raise Http404
    form = DocumentForm(request.POST or None, instance=document, user=request.user)
    if (
        request.method == "POST"
        and service_result(
            form, lambda: services.document_save(actor=request.user, document=form.instance, texts=form.texts())
        )[0]
    ):
        messages.success(request, _("The draft is saved."))
        return redirect("documents:document-detail", pk=form.instance.pk)
    return render(request, "documents/document_form.html", {"form": form, "document": document})


def _move_form(move: str, data=None):
    """The form of one move's panel, prefixed by the move: one id per field on the page."""
    return (SendForm if move == "send" else CommentForm)(data, prefix=move)


def document_detail(request, pk, move_form=None, **bound):
    """The document's page; a form posted from it that was refused (a move's `move_form`, the
    `file_form`) is shown again as typed, with the reasons beside its fields."""
    document = selectors.get_document_for_user(request.user, pk)
    _read(request, document)
    steps = list(document.steps.select_related("approver").all())
    moves = moves_open_to(document, request.user)
    context = {
        "document": document,
        "versions": document.versions.all(),
        "attachments": document.attachments.select_related("uploaded_by__person"),
        "steps": steps,
        "current": {step.pk for step in current_steps(document)},
        "move_forms": [
            (move, move_form if move_form is not None and move_form.prefix == move.name else _move_form(move.name))
            for move in moves
            if move.name != "sign"
        ],
        "may_sign": any(move.name == "sign" for move in moves),
        "file_form": FileForm(),
        "pdf_delayed": selectors.pdf_delayed(document),
        "history": record_history(document),
        "references": references_of(document, request.user),
        **bound,
    }
    return render(request, "documents/document_detail.html", context)


@require_http_methods(["GET", "POST"])
def document_route(request, pk):
    document = selectors.get_document_for_user(request.user, pk)
    if document.status != Document.Status.DRAFT or document.author_id != request.user.pk:
        raise Http404
    steps = document.steps.filter(round=document.round)
    form = RouteForm(request.POST or None, people=selectors.route_candidates(document), steps=steps)
    if (
        request.method == "POST"
        and service_result(
            form, lambda: services.route_set(actor=request.user, document=document, groups=form.groups())
        )[0]
    ):
        messages.success(request, _("The route is saved."))
        return redirect("documents:document-detail", pk=document.pk)
    return render(request, "documents/document_route.html", {"form": form, "document": document})


@require_POST
def document_act(request, pk, move):
    document = selectors.get_document_for_user(request.user, pk)
    if move not in MOVES or move == "sign":
        raise Http404
    form = _move_form(move, request.POST)
    return posted_on_page(
        request,
        document,
        form,
        lambda: services.document_act(
            document=document,
            move=move,
            actor=request.user,
            comment=form.cleaned_data.get("comment", ""),
            sent_on=form.cleaned_data.get("sent_on"),
            sent_note=form.cleaned_data.get("sent_note", ""),
            channel=form.cleaned_data.get("channel", ""),
        ),
        _("Done: %(move)s.") % {"move": MOVES[move].label},
        lambda form: document_detail(request, pk, move_form=form),
    )


@require_http_methods(["GET", "POST"])
def document_sign(request, pk):
    document = selectors.get_document_for_user(request.user, pk)
    form = SignForm(request.POST or None)
    if (
        request.method == "POST"
        and service_result(
            form,
            lambda: services.document_sign(
                document=document,
                actor=request.user,
                password=form.cleaned_data["password"],
                code=form.cleaned_data.get("code", ""),
            ),
        )[0]
    ):
        messages.success(request, _("Signed and registered. The PDF is being prepared."))
        return redirect("documents:document-detail", pk=document.pk)
    national = SignForm(prefix="national") if settings.NATIONAL_SIGNING else None
    return render(
        request,
        "documents/document_sign.html",
        {"form": form, "document": document, "national": national, "ncalayer_url": settings.NCALAYER_URL},
    )


def _refusal(error: ValidationError, status: int = 400) -> JsonResponse:
    return JsonResponse({"message": " ".join(error.messages), "code": getattr(error, "code", "") or ""}, status=status)


@require_POST
def document_sign_prepare(request, pk):
    """The national EDS, first half (docs/signatures.md): the digest the signer's NCALayer
    signs, after his password and second factor."""
    document = selectors.get_document_for_user(request.user, pk)
    form = SignForm(request.POST, prefix="national")
    if not form.is_valid():
        return _refusal(ValidationError(_("Give your password.")))
    try:
        session = services.document_sign_prepare(
            document=document,
            actor=request.user,
            password=form.cleaned_data["password"],
            code=form.cleaned_data.get("code", ""),
        )
    except ValidationError as error:
        return _refusal(error)
    return JsonResponse({"digest": base64.b64encode(bytes(session.digest)).decode()})


@require_POST
def document_sign_complete(request, pk):
    """The national EDS, second half: the CMS NCALayer made, checked and embedded."""
    document = selectors.get_document_for_user(request.user, pk)
    try:
        cms_der = base64.b64decode(request.POST.get("cms", ""), validate=True)
        services.document_sign_national(document=document, actor=request.user, cms_der=cms_der)
    except binascii.Error:
        return _refusal(ValidationError(_("NCALayer's answer is not a signature.")))
    except ValidationError as error:
        return _refusal(error, status=409 if error.code == "number_taken" else 400)
    messages.success(request, _("Signed with your national EDS and registered."))
    return JsonResponse({"redirect": document.get_absolute_url()})


def document_pdf_status(request, pk):
    """The PDF's state, polled by the detail page (htmx) until it is ready or failed."""
    document = selectors.get_document_for_user(request.user, pk)
    context = {"document": document, "pdf_delayed": selectors.pdf_delayed(document)}
    return render(request, "documents/includes/pdf_status.html", context)


def document_pdf(request, pk):
    document = selectors.get_document_for_user(request.user, pk)
    if document.pdf_status != Document.PdfStatus.READY:
        raise Http404
    _read(request, document, "download")
    return FileResponse(
        document.pdf_file.open("rb"),
        as_attachment=True,
        filename=f"{document.registration_number.replace('/', '-')}.pdf",
        content_type="application/pdf",
    )


@require_POST
def document_pdf_retry(request, pk):
    document = selectors.get_document_for_user(request.user, pk)
    services.document_pdf_retry(actor=request.user, document=document)
    return redirect("documents:document-detail", pk=document.pk)


@require_POST
def document_attachment_add(request, pk):
    document = selectors.get_document_for_user(request.user, pk)
    form = FileForm(request.POST, request.FILES)
    return posted_on_page(
        request,
        document,
        form,
        lambda: services.document_attachment_add(
            actor=request.user, document=document, upload=form.cleaned_data["file"]
        ),
        _("The file is attached."),
        lambda form: document_detail(request, pk, file_form=form),
    )


def document_attachment(request, pk, attachment_pk):
    attachment = selectors.get_attachment_for_user(request.user, pk, attachment_pk)
    _read(request, attachment.document, "download")
    return stored_file_response(attachment)


@require_POST
def document_correction(request, pk):
    original = selectors.get_document_for_user(request.user, pk)
    try:
        correction = services.document_correction_start(actor=request.user, original=original)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("documents:document-detail", pk=original.pk)
    return redirect("documents:document-detail", pk=correction.pk)


def journal(request, department):
    form = JournalFilterForm(request.GET or None, department=department)
    criteria = form.cleaned_data if form.is_valid() else {}
    entries = selectors.journal(request.user, department, **criteria)
    if request.GET.get("format") == "xlsx":
        return xlsx_response(journal_workbook(entries), f"journal-{department}.xlsx")
    return render(
        request,
        "documents/journal.html",
        {"form": form, "entries": entries[:200], "department": department, "query": request.GET.urlencode()},
    )


VERIFY_MAX_BYTES = 20 * MB


@login_not_required
@require_http_methods(["GET", "POST"])
def verify(request):
    """Anyone uploads a PDF and learns whether its signature is intact and valid, who signed,
    and under which number it stands in the journal (IR and ISD alike)."""
    form = FileForm(request.POST or None, request.FILES or None)
    result = record = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            # Anyone may post here: a PDF alone, its size checked before a byte is read.
            validate_upload(upload, kinds=("pdf",), max_size=VERIFY_MAX_BYTES)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            data = upload.read()
            result = signing_backend().check_pdf(data)
            record = selectors.document_with_pdf_hash(hashlib.sha256(data).hexdigest())
    return render(request, "documents/verify.html", {"form": form, "result": result, "record": record})


@login_not_required
def verify_token(request, token):
    """What the QR code opens: the facts of the document on record, never its content."""
    return render(request, "documents/verify_token.html", {"record": selectors.document_on_record(token)})
