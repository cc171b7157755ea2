"""The scan of the crawl (tests/browser/test_accessibility.py) for words of another language
than the page's: it finds a planted one, leaves names and codes alone, and its lists are the
portal's own words, which its catalogs never put on a page of another language."""

import re
from gettext import GNUTranslations

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import trans_real

from courtadmin.core.templatetags.languages import quoting, written_in
from tests.browser.languages import ENGLISH, FOREIGN, KAZAKH, RUSSIAN, foreign_words


def messages(language: str) -> dict:
    """The messages the pages use in the language, by msgid: ours over Django's."""
    catalog = trans_real.translation(language)._catalog
    return {key: catalog[key] for key, _message in catalog.items()}


def found(text: str, language: str) -> list[str]:
    return [word for word, _ in foreign_words(text, language)]


def test_a_russian_word_on_a_kazakh_page_is_found():
    text = "Құжат сақталды. Мерзімі: 5 жұмыс күні. Документ подписан 12 января 2026 г."
    assert found(text, "kk") == ["Документ", "подписан", "января"]


def test_a_kazakh_word_on_a_russian_page_is_found():
    text = "Проект письма. Срок исполнения: 5 рабочих дней. Құжаттар бойынша шешім"
    assert found(text, "ru") == ["Құжаттар", "бойынша", "шешім"]


def test_django_s_english_on_either_page_is_found():
    text = "Құпиясөз кемінде 12 таңба. Your password must contain at least 12 characters."
    assert found(text, "kk") == ["Your", "password", "must", "at", "least", "characters"]
    assert found("Поле: None", "ru") == ["None"]


def test_the_context_of_a_word_says_where_it_is():
    [(word, context)] = foreign_words("Тіркелген өтініштер:   обращение №15 тіркелді", "kk")
    assert (word, context) == ("обращение", "Тіркелген өтініштер: обращение №15 тіркелді")


def test_names_initials_and_codes_are_no_foreign_words():
    """GIVEN a Kazakh name and court on a Russian page, Russian initials and a Russian
    surname on a Kazakh page, codes, addresses and hyphenated words
    THEN nothing is found: the lists hold words, not letters."""
    ru_page = (
        "Судья Сейтқазы Әлия Бекқызы, Алматы қаласының мамандандырылған ауданаралық экономикалық соты; Қазан, Наурыз"
    )
    assert found(ru_page, "ru") == []
    kk_page = "Иванов И. В., Марта Петрова, ir.request.sign, https://portal.sot.kz/the/verify/, ir_officer@sot.kz"
    assert found(kk_page, "kk") == []
    assert found("бар-жоғы IT ON", "ru") == []


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_portal_s_own_translations_read_clean_in_their_language(language):
    """Every translation of our catalog in the language, placeholders aside, holds no word of
    the list for that language's pages: a finding on a page is a string that missed the
    catalog, or text made in another language. (Django's own catalogs hold strings no page
    shows, such as the admin's "Boolean (True немесе False)"; the crawl reads what is shown.)"""
    with open(settings.LOCALE_PATHS[0] / language / "LC_MESSAGES" / "django.mo", "rb") as compiled:
        catalog = {key: message for key, message in GNUTranslations(compiled)._catalog.items() if key}
    placeholders = re.compile(r"%\(\w+\)[sdif]|%[sd]|\{\w*\}")
    flagged = {}
    for message in catalog.values():
        for word in found(placeholders.sub(" ", message), language):
            flagged.setdefault(word, message)
    assert flagged == {}


@pytest.mark.parametrize(("words", "language"), [(KAZAKH, "kk"), (RUSSIAN, "ru"), (ENGLISH, "en")])
def test_each_listed_word_is_one_the_portal_writes_in_its_language(words, language):
    """The lists come from the catalogs: each Kazakh or Russian word is in a translation of
    that language, each English one in a message of Django or ours."""
    catalog = messages("ru" if language == "en" else language)
    if language == "en":
        texts = [key[0] if isinstance(key, tuple) else key for key in catalog]
    else:
        texts = list(catalog.values())
    text = "\n".join(texts)
    absent = [word for word in words if not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE)]
    assert absent == []


def test_every_page_language_has_its_list():
    assert set(FOREIGN) == {"kk", "ru", "en"}
    assert not set(KAZAKH) & set(RUSSIAN) and not set(KAZAKH) & set(ENGLISH) and not set(RUSSIAN) & set(ENGLISH)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Сатып алу рәсімдеріне қатысты өтініш", "kk"),
        ("Вручить исковое заявление и повестку ответчику", "ru"),
        ("Қолтаңбасыз хат: сот орындаушысы туралы", "kk"),  # one word in five with a letter of its own
        ("Судья Сейтқазы Ә. требовал деньги за ускорение дела", "ru"),  # a Kazakh name in Russian
        ("Жалоба на судью Сейтқазы", "ru"),
        ("Ministry of Justice of the Republic of Korea", "en"),
        ("Хаттың жобасы / Проект письма", ""),  # a title in two languages: none of them alone
        ("Подготовить ответ / Жауап дайындау", ""),  # a Kazakh half without a letter of its own
        ("IR-5/2026", "kk"),  # a number or a code: the page's
    ],
)
def test_what_people_wrote_is_marked_with_the_language_it_is_written_in(text, language):
    with translation.override("kk"):
        assert written_in(text) == language


def test_a_sentence_of_the_portals_marks_only_the_words_people_wrote_in_it():
    with translation.override("ru"):
        html = quoting(
            "Исходящее письмо: Халықаралық семинарға қатысу <туралы>", "Халықаралық семинарға қатысу <туралы>"
        )
        assert html == 'Исходящее письмо: <span lang="kk">Халықаралық семинарға қатысу &lt;туралы&gt;</span>'
        assert quoting("Исходящее письмо <b>", "") == "Исходящее письмо &lt;b&gt;"
