from celery import shared_task

from . import services

MAX_RETRIES = 5


@shared_task(bind=True, max_retries=MAX_RETRIES, acks_late=True)
def produce_document_pdf(self, document_id: int) -> None:
    """Render and sign a signed document's PDF (queue "documents"). Retried with backoff;
    after the last attempt the document is marked failed, with the error, never dropped.
    Running it twice leaves one PDF (services.document_pdf_produce is idempotent)."""
    try:
        services.document_pdf_produce(document_id=document_id)
    except Exception as error:
        if self.request.retries >= self.max_retries:
            services.document_pdf_failed(document_id=document_id, error=error)
            return
        raise self.retry(exc=error, countdown=min(600, 10 * 2**self.request.retries)) from error
