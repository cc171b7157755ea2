"""Words of one language that must never be read on a page in another: the crawl of
test_accessibility.py looks for them in the text of every page a role reaches.

Each list holds common words of the portal's own interface in that language (our kk and ru
catalogs, Django's messages, the dates Django writes), chosen to be unambiguous: no word of
the other two languages is spelled so, and none is part of a proper name the pages show
(people, courts, places; "сот" and "суд" are therefore not listed, nor a word that is also a
Kazakh or Russian word, such as "не", "да", "от", "бас"). A surname in Kazakh on a Russian
page is no mistake; "және" or "бойынша" is an untranslated string or a text made in the
wrong language. tests/core/test_page_language.py holds the lists to the catalogs.

Text that is rightly in another language carries the HTML `lang` of its language (the
language switcher's labels, a record's content written in its own language): the page's
text is read by PAGE_TEXT, which leaves out what lies inside an element of another `lang`.
"""

import re

# Kazakh: what a Russian (or English) page must not show.
KAZAKH = [
    # grammar
    "және",
    "немесе",
    "мен",
    "үшін",
    "туралы",
    "бойынша",
    "арқылы",
    "кейін",
    "дейін",
    "бастап",
    "емес",
    "жоқ",
    "бар",
    "бұл",
    "осы",
    "оның",
    "тек",
    "ғана",
    "барлық",
    "басқа",
    "қатысты",
    "сәйкес",
    "ретінде",
    "ішінде",
    "сіздің",
    "керек",
    "қажет",
    "тиіс",
    "мүмкін",
    "болады",
    # the interface
    "құжат",
    "құжаттар",
    "мерзімі",
    "мерзім",
    "күні",
    "жыл",
    "өтініш",
    "өтініштер",
    "сұрау",
    "сұраулар",
    "жауап",
    "іс",
    "хат",
    "мәтін",
    "жоба",
    "тіркелді",
    "тіркелген",
    "жіберілді",
    "берілді",
    "сақталды",
    "өзгертілді",
    "қол",
    "қойылды",
    "қойылған",
    "енгізіңіз",
    "таңдаңыз",
    "көрсетіңіз",
    "сақтау",
    "өшіру",
    "өзгерту",
    "іздеу",
    "кіру",
    "шығу",
    "құпиясөз",
    "күтуде",
    "аяқталды",
    "тексеру",
    "шешім",
    "бұйрық",
    "нөмірі",
    "атауы",
    "түрі",
    "мәртебесі",
    # positions and units (a signer's title, a department)
    "басшысы",
    "орынбасары",
    "меңгерушісі",
    "төрағасы",
    "қызметкер",
    "бөлімі",
    "бөлімнің",
    "халықаралық",
    "байланыстар",
    "қауіпсіздік",
    # the months, as Kazakh dates write them
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
]

# Russian: what a Kazakh (or English) page must not show.
RUSSIAN = [
    # grammar
    "и",
    "в",
    "на",
    "по",
    "для",
    "или",
    "при",
    "что",
    "это",
    "как",
    "из",
    "без",
    "после",
    "более",
    "только",
    "уже",
    "ещё",
    "еще",
    "если",
    "чтобы",
    "который",
    "можно",
    "нельзя",
    "может",
    "должен",
    "должно",
    "быть",
    "был",
    "будет",
    "является",
    "нет",
    "все",
    "его",
    "вы",
    "ваш",
    "вашей",
    # the interface
    "документ",
    "документы",
    "документа",
    "документов",
    "срок",
    "срока",
    "года",
    "год",
    "дней",
    "день",
    "запрос",
    "запроса",
    "обращение",
    "обращения",
    "ответ",
    "письмо",
    "решение",
    "заявитель",
    "заявителя",
    "подписан",
    "подписано",
    "подпись",
    "подписи",
    "зарегистрирован",
    "зарегистрировано",
    "отправлено",
    "сохранено",
    "сохранить",
    "отмена",
    "удалить",
    "добавить",
    "изменить",
    "поиск",
    "войти",
    "выйти",
    "назад",
    "ожидает",
    "поле",
    "введите",
    "выберите",
    "убедитесь",
    "символов",
    "слишком",
    "пожалуйста",
    "пароль",
    "пароля",
    "пользователь",
    "сотрудник",
    "отдел",
    "отдела",
    # positions
    "заведующий",
    "заведующего",
    "руководитель",
    "заместитель",
    "председатель",
    # the months, as Russian dates write them
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]

# English: Django's own messages (forms, passwords, dates, errors) and our msgids, should
# one pass untranslated, on a Kazakh or a Russian page.
ENGLISH = [
    "the",
    "and",
    "of",
    "to",
    "in",
    "is",
    "are",
    "it",
    "for",
    "with",
    "from",
    "your",
    "you",
    "this",
    "that",
    "not",
    "must",
    "be",
    "or",
    "on",
    "at",
    "by",
    "an",
    "has",
    "have",
    "was",
    "will",
    "can",
    "cannot",
    "please",
    "required",
    "field",
    "valid",
    "enter",
    "select",
    "save",
    "cancel",
    "delete",
    "edit",
    "add",
    "search",
    "sign",
    "signed",
    "password",
    "characters",
    "least",
    "ensure",
    "error",
    "found",
    "forbidden",
    "page",
    "request",
    "document",
    "documents",
    "draft",
    "approved",
    "status",
    "date",
    "yes",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "week",
    "month",
    "months",
    "year",
    "years",
    "midnight",
    "noon",
    # a Python value printed as it is
    "None",
    "True",
    "False",
    # the months and days, as Django's English dates write them
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]

# Matched only as written: capitalized, these are names (Қазан is Kazan, Наурыз a holiday,
# Марта and Мая women's names; И. and В. are initials).
AS_WRITTEN = {"қазан", "наурыз", "мамыр", "маусым", "шілде", "марта", "мая"}

# The words that must not appear on a page in each language.
FOREIGN = {"kk": RUSSIAN + ENGLISH, "ru": KAZAKH + ENGLISH, "en": KAZAKH + RUSSIAN}


def _variants(word: str) -> list[str]:
    """A word as listed and, but for a one-letter word or a name, as it starts a sentence
    or a label. Case counts otherwise: "IT" or "ON" in capitals is no English sentence."""
    if len(word) == 1 or word in AS_WRITTEN or not word.islower():
        return [word]
    return [word, word[0].upper() + word[1:]]


# A whole word: not a part of a longer word, of a hyphenated one ("бар-жоғы"), of an
# address, a file name or a code ("ir.request.sign", "user@court.kz", "/the/path").
_BEFORE = r"(?<![\w@/'’-])(?<!\w\.)"
_AFTER = r"(?![\w@/'’-])(?!\.\w)"


def _pattern(words: list[str]) -> re.Pattern:
    variants = sorted({variant for word in words for variant in _variants(word)}, key=len, reverse=True)
    return re.compile(_BEFORE + "(" + "|".join(map(re.escape, variants)) + ")" + _AFTER)


PATTERNS = {language: _pattern(words) for language, words in FOREIGN.items()}


def foreign_words(text: str, language: str) -> list[tuple[str, str]]:
    """The words of another language in the text of a page in `language`, each with a little
    of the text around it (to find it on the page), once per word and context."""
    found = {}
    for match in PATTERNS[language].finditer(text):
        context = " ".join(text[max(0, match.start() - 40) : match.end() + 40].split())
        found.setdefault((match.group(1), context), None)
    return list(found)


# The page's text as a reader meets it: every text node of the body, and the text of the
# attributes read aloud or shown on hover, but for the elements whose language (the nearest
# `lang`) is not the page's; the content of scripts, styles and form fields (a textarea holds
# what the user wrote) is no text of the page. Nor is the window's title: it names the record
# in its own words, which no `lang` can mark there (its heading says the same, and is read).
PAGE_TEXT = """() => {
  const primary = (tag) => (tag || "").toLowerCase().split("-")[0];
  const language = primary(document.documentElement.lang);
  const ours = (element) => primary(element.closest("[lang]")?.getAttribute("lang")) === language;
  const skipped = "script, style, template, noscript, textarea";
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (element && !element.closest(skipped) && ours(element)) parts.push(node.nodeValue);
  }
  const attributes = ["title", "aria-label", "placeholder", "alt", "aria-description"];
  for (const element of document.body.querySelectorAll("*")) {
    if (!ours(element)) continue;
    for (const name of attributes) {
      if (element.hasAttribute(name)) parts.push(element.getAttribute(name));
    }
    if (element.matches("input[type=submit], input[type=button], input[type=reset]")) parts.push(element.value);
  }
  return parts.join("\\n");
}"""
