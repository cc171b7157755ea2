from celery import shared_task

from . import services

MAX_RETRIES = 5


@shared_task(bind=True, max_retries=MAX_RETRIES, acks_late=True)
def produce_board_pdf(self, export_id: int) -> None:
    """Make a dashboard's PDF (queue "documents"), and e-mail it if it is a Monday report.
    Retried with backoff; after the last attempt the export is marked failed, with the error.
    Running it twice changes nothing: the PDF is kept once and the e-mail sent once."""
    try:
        services.export_produce(export_id=export_id)
        services.weekly_report_send(export_id=export_id)
    except Exception as error:
        if self.request.retries >= self.max_retries:
            services.export_failed(export_id=export_id, error=error)
            return
        raise self.retry(exc=error, countdown=min(600, 10 * 2**self.request.retries)) from error


@shared_task
def weekly_reports() -> int:
    """Celery beat, Mondays: the leadership's dashboard of the week before, to each reader."""
    return services.weekly_reports_queue()
