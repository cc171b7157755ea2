"""The language of what people wrote (a subject, a summary, a sender's name), told from its
words, for the `lang` of the element that shows it (WCAG 2.1, 3.1.2): a record's words are
shown as they were written, and a Kazakh summary on a Russian page is read by a Kazakh voice.
Only for what people wrote: what the portal itself says is in the reader's language, and
needs no `lang` of its own (templatetags/languages.py; forms.WrittenSelect)."""

import re

from django.conf import settings
from django.utils import translation

# The letters Kazakh has and Russian has not; and what only a Russian sentence has: its short
# words and its endings (a Kazakh sentence may lack the letters in most of its words).
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
RUSSIAN_WORDS = frozenset(
    ["и", "в", "во", "на", "по", "с", "со", "к", "о", "об", "у", "из", "за", "до", "для", "при", "без", "что"]
    + ["как", "это", "или", "но", "а", "же"]
)
RUSSIAN_ENDINGS = ("ть", "ться", "ого", "его", "ому", "ему", "ыми", "ими", "ние", "ния", "ий", "ый", "ой", "ая", "яя")
# Kazakh words without a letter of their own: the commonest, and verbal nouns and agents
# ("дайындау", "орындаушы"), which no Russian word ends as.
KAZAKH_WORDS = frozenset(["туралы", "бойынша", "мен", "бен", "пен", "деп", "осы", "бар", "жоба", "жауап"])
KAZAKH_ENDINGS = ("ау", "еу", "ушы")
WORD = re.compile(r"[^\W\d_]+")
CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
LATIN = re.compile(r"[a-zA-Z]+")
# A title in two languages: "Хаттың жобасы / Проект письма".
HALVES = re.compile(r"\s+/\s+")


def _language(text: str) -> str | None:
    """ "kk" where more words have a letter of Kazakh's own than words are Russian by form (a
    Russian sentence naming a Kazakh person has fewer), "ru" for other Cyrillic, "en" for
    Latin letters; None for too few letters to tell. Capitals alone ("IR", "ҚБП") are codes."""
    # Initials ("Ә.", "В.") and codes in capitals are no words of a language.
    words = [word for word in WORD.findall(text) if not word.isupper()]
    kazakh = sum(
        1
        for word in words
        if KAZAKH_LETTERS.intersection(word)
        or word.lower() in KAZAKH_WORDS
        or (len(word) > 4 and word.endswith(KAZAKH_ENDINGS))
    )
    russian = sum(
        1
        for word in words
        if word in RUSSIAN_WORDS
        or (len(word) > 3 and word.endswith(RUSSIAN_ENDINGS) and not KAZAKH_LETTERS & set(word))
    )
    cyrillic = sum(1 for word in words if CYRILLIC.search(word))
    latin = sum(1 for word in words if LATIN.fullmatch(word) and len(word) > 1)
    if kazakh > russian:
        return "kk"
    if cyrillic or latin:
        return "ru" if cyrillic >= latin else "en"
    return None


def written_in(text) -> str:
    """The language the text is written in; "" (unknown, as HTML has it) for a text in two, such
    as a title in both state languages; the page's for a text too short to tell."""
    found = {language for half in HALVES.split(str(text or "")) if (language := _language(half))}
    if len(found) > 1:
        return ""
    return found.pop() if found else (translation.get_language() or "")


def state_language_of(*texts) -> str:
    """The state language (kk or ru) of a document that quotes `texts` as typed: theirs when
    they are written in one, else the portal's default. Such a document has that version
    alone; a second would quote Kazakh in Russian, or back."""
    language = written_in(" ".join(str(text) for text in texts))
    return language if language in ("kk", "ru") else settings.LANGUAGE_CODE
