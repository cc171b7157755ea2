from django.db import transaction

from courtadmin.audit.services import audit_record


def user_set_language(*, user, language: str) -> None:
    """Remember the user's interface language on his account."""
    if user.language == language:
        return
    with transaction.atomic():
        before = {"language": user.language}
        user.language = language
        user.save(update_fields=["language"])
        audit_record(actor=user, action="user.language", obj=user, before=before, after={"language": language})
