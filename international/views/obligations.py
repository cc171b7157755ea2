"""Pages of the UN treaty bodies' recommendations (IR 7.5). Reading: the IR's staff and the
leadership read everything; a subdivision reads the recommendations assigned to it (its list
and their pages) and gets 404 for the rest. Writing: the IR's staff; the subdivision attaches
its evidence and reports."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.core.downloads import stored_file_response, xlsx_response
from courtadmin.core.forms import moves_with_forms, posted_move, service_result
from courtadmin.core.history import record_history

from ..export import progress_workbook, recommendations_workbook
from ..forms.obligations import (
    MOVE_FORMS,
    EvidenceForm,
    ImportForm,
    RecommendationFilterForm,
    RecommendationForm,
    ReviewFilterForm,
    ReviewForm,
)
from ..models import Recommendation, Review
from ..permissions import is_ir_staff, reads_ir, require_ir_access, require_ir_staff, works_on
from ..selectors import obligations as selectors
from ..services import obligations as services
from .trips import _page


def review_list(request):
    require_ir_access(request.user)
    form = ReviewFilterForm(request.GET or None)
    return render(
        request,
        "international/review_list.html",
        _page(request, selectors.review_register(request.user, form.filters()), form),
    )


@require_http_methods(["GET", "POST"])
def review_edit(request, pk=None):
    require_ir_staff(request.user)
    review = selectors.get_review_for_user(request.user, pk) if pk else Review()
    form = ReviewForm(request.POST or None, instance=review)
    if request.method == "POST":
        done, review = service_result(form, lambda: services.review_save(actor=request.user, review=form.instance))
        if done:
            messages.success(request, _("The review cycle is saved."))
            return redirect(review)
    return render(request, "international/review_form.html", {"form": form, "review": review})


def review_detail(request, pk, import_form=None):
    review = selectors.get_review_for_user(request.user, pk)
    may_write = is_ir_staff(request.user)
    context = {
        "review": review,
        "counts": selectors.status_counts(review.recommendations.all()),
        "themes": selectors.themes(review),
        "language": get_language(),
        "may_write": may_write,
        "import_form": (import_form or ImportForm()) if may_write else None,
        "history": record_history(review),
    }
    return render(request, "international/review_detail.html", context)


@require_POST
def review_import(request, pk):
    review = selectors.get_review_for_user(request.user, pk)
    require_ir_staff(request.user)
    form = ImportForm(request.POST, request.FILES)
    done, created = service_result(
        form,
        lambda: services.recommendations_import(
            actor=request.user, review=review, upload=form.cleaned_data["file"], due_on=form.cleaned_data["due_on"]
        ),
    )
    if not done:
        return review_detail(request, pk, import_form=form)
    messages.success(request, _("Recommendations imported: %(count)s.") % {"count": len(created)})
    return redirect(review)


def _require_reader(user) -> None:
    if not selectors.reads_recommendations(user):
        raise Http404


def _filter_form(request):
    return RecommendationFilterForm(request.GET or None, reviews=selectors.reviews_visible_to(request.user))


def recommendation_list(request):
    _require_reader(request.user)
    form = _filter_form(request)
    context = _page(request, selectors.recommendation_register(request.user, form.filters()), form)
    context.update(reads_all=reads_ir(request.user), language=get_language())
    return render(request, "international/recommendation_list.html", context)


def recommendation_export(request):
    _require_reader(request.user)
    recommendations = selectors.recommendation_register(request.user, _filter_form(request).filters())
    return xlsx_response(recommendations_workbook(recommendations, get_language()), "recommendations.xlsx")


def recommendation_figures(request):
    require_ir_access(request.user)
    context = {"progress": selectors.progress_by_body(request.user), "statuses": Recommendation.Status.choices}
    return render(request, "international/recommendation_figures.html", context)


def recommendation_figures_export(request):
    require_ir_access(request.user)
    content = progress_workbook(selectors.progress_by_body(request.user), Recommendation.Status.choices)
    return xlsx_response(content, "recommendations-by-body.xlsx")


def recommendation_detail(request, pk, bound=None, evidence_form=None):
    recommendation = selectors.get_recommendation_for_user(request.user, pk)
    bound = bound or {}
    moves = services.moves_open_to(recommendation, request.user)
    adds_evidence = recommendation.status in Recommendation.WITH_UNIT and (
        works_on(request.user, recommendation) or is_ir_staff(request.user)
    )
    context = {
        "recommendation": recommendation,
        "text": recommendation.text_in(get_language()),
        "evidence": selectors.recommendation_evidence(recommendation),
        "moves": moves_with_forms(moves, MOVE_FORMS, bound, prefixed=True),
        "evidence_form": (evidence_form or EvidenceForm()) if adds_evidence else None,
        "reads_all": reads_ir(request.user),
        "may_write": is_ir_staff(request.user),
        "history": record_history(recommendation),
    }
    return render(request, "international/recommendation_detail.html", context)


@require_http_methods(["GET", "POST"])
def recommendation_edit(request, pk):
    require_ir_staff(request.user)
    recommendation = selectors.get_recommendation_for_user(request.user, pk)
    form = RecommendationForm(request.POST or None, instance=recommendation)
    if request.method == "POST":
        done, recommendation = service_result(
            form, lambda: services.recommendation_save(actor=request.user, recommendation=form.instance)
        )
        if done:
            messages.success(request, _("The recommendation is saved."))
            return redirect(recommendation)
    return render(request, "international/recommendation_form.html", {"form": form, "recommendation": recommendation})


@require_POST
def recommendation_move(request, pk, move):
    recommendation = selectors.get_recommendation_for_user(request.user, pk)
    spec = services.MOVES.get(move)
    if spec is None or not services.RECOMMENDATION_WORKFLOW.may(spec, recommendation, request.user):
        raise Http404
    return posted_move(
        request,
        recommendation,
        move=move,
        move_forms=MOVE_FORMS,
        perform=lambda **inputs: services.recommendation_move(
            recommendation=recommendation, move=move, actor=request.user, **inputs
        ),
        page=lambda bound: recommendation_detail(request, pk, bound=bound),
        prefixed=True,
    )


@require_POST
def recommendation_file_add(request, pk):
    recommendation = selectors.get_recommendation_for_user(request.user, pk)
    if not (works_on(request.user, recommendation) or is_ir_staff(request.user)):
        raise Http404  # the leadership reads the evidence; the subdivision and the IR attach it
    form = EvidenceForm(request.POST, request.FILES)
    done, _evidence = service_result(
        form,
        lambda: services.evidence_add(
            actor=request.user,
            recommendation=recommendation,
            upload=form.cleaned_data["file"],
            note=form.cleaned_data["note"],
        ),
    )
    if not done:
        return recommendation_detail(request, pk, evidence_form=form)
    messages.success(request, _("The evidence is attached."))
    return redirect(recommendation)


def recommendation_file_download(request, pk, file_pk):
    return stored_file_response(selectors.get_evidence_for_user(request.user, pk, file_pk))
