"""`pdf_render_sign`: rendering and signing a two-page letter, against WeasyPrint alone
rendering the same HTML (issue 4; target: ratio at most 1.5)."""

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from courtadmin.documents import services
from courtadmin.documents.demo import load_demo_signing
from courtadmin.documents.models import Document
from courtadmin.documents.pdf import FONT_DIR, LocalOnlyFetcher, document_context, render_document_pdf
from courtadmin.documents.signing import signing_backend
from courtadmin.documents.workflow import SigningConfirmation
from courtadmin.org.demo import build_demo_organisation

from .harness import Result, compare

PARAGRAPH_KK = (
    "Қазақстан Республикасы Сот әкімшілігі халықаралық құқықтық көмек туралы шарттар негізінде "
    "шет мемлекеттердің соттарымен өзара іс-қимыл жасайды, сот тапсырмаларын орындауды ұйымдастырады "
    "және олардың уақтылы орындалуын бақылайды."
)
PARAGRAPH_RU = (
    "Судебная администрация Республики Казахстан на основании договоров о правовой помощи "
    "взаимодействует с судами иностранных государств, организует исполнение судебных поручений "
    "и контролирует своевременность их исполнения."
)


def _two_page_letter() -> Document:
    people = build_demo_organisation(password="bench-password-not-used")  # noqa: S106
    load_demo_signing(people)
    author, head = people["ir_officer"].user, people["ir_head"].user
    subject = "Benchmark letter (two pages)"
    document = Document.objects.filter(subject=subject).first()
    if document is not None and document.is_signed:
        return document
    document = Document(
        kind="ir.outgoing_letter", subject="Benchmark letter (two pages)", addressee="MFA", author=author
    )
    texts = {"kk": "\n".join([PARAGRAPH_KK] * 6), "ru": "\n".join([PARAGRAPH_RU] * 6)}
    services.document_save(actor=author, document=document, texts=texts)
    services.route_set(actor=author, document=document, groups=[])
    services.document_act(document=document, move="submit", actor=author)
    confirmation = SigningConfirmation(user_id=head.pk, at=timezone.now())
    return services.document_sign_confirmed(document=document, actor=head, confirmation=confirmation)


def run(runs: int = 15) -> Result:
    document = _two_page_letter()
    backend = signing_backend()
    signer = document.signature.signer
    html = render_to_string(document.kind_spec.template, document_context(document))

    def ours():
        pdf = render_document_pdf(document)
        backend.sign_pdf(pdf, user=signer, reason=document.registration_number, location="Astana")

    def weasyprint_alone():
        HTML(string=html, base_url=FONT_DIR.as_uri(), url_fetcher=LocalOnlyFetcher()).write_pdf()

    pages = len(HTML(string=html, base_url=FONT_DIR.as_uri(), url_fetcher=LocalOnlyFetcher()).render().pages)
    ours_ms, baseline_ms = compare(ours, weasyprint_alone, runs=runs)
    return Result(
        name="pdf_render_sign",
        measures=f"render and PAdES-sign a {pages}-page bilingual letter",
        ours_ms=ours_ms,
        baseline="WeasyPrint alone, same HTML and fonts",
        baseline_ms=baseline_ms,
        rows=pages,
        target="ratio ≤ 1.5",
    )
