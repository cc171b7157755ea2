"""Reads of the UN treaty bodies' recommendations (IR 7.5). The IR's staff and the Court
Administration's leadership read every review cycle and recommendation; a subdivision reads
the recommendations assigned to it, or to one of its people by name, and nothing else of the
IR: no review cycle's page, no other recommendation (404 everywhere)."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from courtadmin.core.search import containing

from ..models import Evidence, Recommendation, Review, TreatyBody
from ..permissions import assigned_to, reads_ir

S = Recommendation.Status


def reviews_visible_to(user):
    return Review.objects.all() if reads_ir(user) else Review.objects.none()


def recommendations_visible_to(user):
    if reads_ir(user):
        return Recommendation.objects.all()
    return Recommendation.objects.filter(assigned_to(user))


def reads_recommendations(user) -> bool:
    """The register opens to whoever reads any recommendation (a subdivision: its own)."""
    return reads_ir(user) or recommendations_visible_to(user).exists()


def overdue() -> Q:
    return Q(status__in=Recommendation.WITH_UNIT, due_on__lt=timezone.localdate())


@dataclass(frozen=True)
class ReviewFilter:
    text: str = ""
    body: str = ""


def review_register(user, filters: ReviewFilter = ReviewFilter()):
    reviews = reviews_visible_to(user)
    if filters.body:
        reviews = reviews.filter(body=filters.body)
    if text := filters.text.strip():
        reviews = containing(reviews, ("title", "symbol"), text)
    return (
        reviews.select_related("officer__person")
        .annotate(
            total=Count("recommendations"),
            implemented=Count("recommendations", filter=Q(recommendations__status=S.IMPLEMENTED)),
        )
        .order_by("-adopted_on", "-pk")
    )


@dataclass(frozen=True)
class RecommendationFilter:
    text: str = ""
    review: object = None
    body: str = ""
    status: str = ""
    unit: object = None
    overdue: bool = False


def recommendation_register(user, filters: RecommendationFilter = RecommendationFilter()):
    recommendations = recommendations_visible_to(user)
    if filters.review is not None:
        recommendations = recommendations.filter(review=filters.review)
    if filters.body:
        recommendations = recommendations.filter(review__body=filters.body)
    if filters.status:
        recommendations = recommendations.filter(status=filters.status)
    if filters.unit is not None:
        recommendations = recommendations.filter(unit=filters.unit)
    if filters.overdue:
        recommendations = recommendations.filter(overdue())
    if text := filters.text.strip():
        recommendations = containing(
            recommendations, ("paragraph", "theme", "text_original", "text_kk", "text_ru"), text
        )
    return recommendations.select_related("review", "unit").order_by("review__adopted_on", "review_id", "pk")


def get_review_for_user(user, pk) -> Review:
    return get_object_or_404(reviews_visible_to(user).select_related("officer__person"), pk=pk)


def get_recommendation_for_user(user, pk) -> Recommendation:
    return get_object_or_404(
        recommendations_visible_to(user).select_related("review__officer__person", "unit", "executor__person"),
        pk=pk,
    )


def get_evidence_for_user(user, pk, evidence_pk) -> Evidence:
    recommendation = get_recommendation_for_user(user, pk)
    return get_object_or_404(Evidence.objects.filter(recommendation=recommendation), pk=evidence_pk)


def recommendation_evidence(recommendation):
    return recommendation.evidence.select_related("uploaded_by__person").order_by("pk")


def status_counts(records) -> list[tuple[str, str, int]]:
    """(status, its label, count) of some assigned records (recommendations, questions), every
    status of their model present."""
    counts = dict(records.order_by().values_list("status").annotate(n=Count("pk")))
    return [(status, label, counts.get(status, 0)) for status, label in records.model.Status.choices]


def themes(review) -> list[tuple[str, list]]:
    """The review's recommendations grouped by theme, the themes and the paragraphs in the
    order of the observations."""
    groups: dict[str, list] = {}
    for recommendation in review.recommendations.select_related("unit").order_by("pk"):
        groups.setdefault(recommendation.theme, []).append(recommendation)
    return list(groups.items())


@dataclass(frozen=True)
class BodyProgress:
    body: str
    label: str
    reviews: int
    total: int
    counts: dict
    overdue: int

    @property
    def implemented_share(self) -> int:
        """Per cent implemented, rounded down."""
        return self.counts[S.IMPLEMENTED] * 100 // self.total if self.total else 0


def progress_by_body(user) -> list[BodyProgress]:
    """The progress report by UN body (IR 7.5): for each body with a review on file, its
    recommendations by status and those overdue."""
    if not reads_ir(user):
        return []
    rows = (
        Recommendation.objects.order_by()
        .values("review__body", "status")
        .annotate(n=Count("pk"), late=Count("pk", filter=overdue()))
    )
    reviews = dict(Review.objects.order_by().values_list("body").annotate(n=Count("pk")))
    table: dict[str, dict] = {}
    late: dict[str, int] = {}
    for row in rows:
        table.setdefault(row["review__body"], {})[row["status"]] = row["n"]
        late[row["review__body"]] = late.get(row["review__body"], 0) + row["late"]
    return [
        BodyProgress(
            body=body,
            label=label,
            reviews=reviews[body],
            total=sum(table.get(body, {}).values()),
            counts={status: table.get(body, {}).get(status, 0) for status in S.values},
            overdue=late.get(body, 0),
        )
        for body, label in TreatyBody.choices
        if body in reviews
    ]
