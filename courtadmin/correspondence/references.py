"""What the correspondence says on a document's page (courtadmin/documents/references.py):
"answers incoming letter ВХ-…", only where the reader reaches that letter (ISD 7)."""

from django.utils.translation import gettext as _

from courtadmin.documents.references import DocumentReference

from .selectors import letters_answered_by


def answered_letters(document, user) -> list[DocumentReference]:
    return [
        DocumentReference(
            _("Answers incoming letter"), letter.registration_number, letter.get_absolute_url(), "document-answers"
        )
        for letter in letters_answered_by(document, user).only("pk", "registration_number")
    ]
