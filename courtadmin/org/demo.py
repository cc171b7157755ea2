"""The demo organisation: the real structure of the Court Administration (regions, the
territorial subdivisions with their ISD units, the IR and the ISD) staffed with invented
people, one per demo account. Idempotent: every row is found by its code before created.

Tests use the same structure as their personas, so the rules are tested on the shape the
users will have.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import Department, LineOfWork, Person, Position, Region, Unit

# code: (kk, ru, ru after "по", en, is_city)
REGIONS = {
    "abai": ("Абай облысы", "Абайская область", "Абайской области", "Abai Region", False),
    "akmola": ("Ақмола облысы", "Акмолинская область", "Акмолинской области", "Akmola Region", False),
    "aktobe": ("Ақтөбе облысы", "Актюбинская область", "Актюбинской области", "Aktobe Region", False),
    "almaty-region": ("Алматы облысы", "Алматинская область", "Алматинской области", "Almaty Region", False),
    "atyrau": ("Атырау облысы", "Атырауская область", "Атырауской области", "Atyrau Region", False),
    "east-kazakhstan": (
        "Шығыс Қазақстан облысы",
        "Восточно-Казахстанская область",
        "Восточно-Казахстанской области",
        "East Kazakhstan Region",
        False,
    ),
    "zhambyl": ("Жамбыл облысы", "Жамбылская область", "Жамбылской области", "Zhambyl Region", False),
    "zhetisu": ("Жетісу облысы", "Область Жетісу", "области Жетісу", "Zhetisu Region", False),
    "west-kazakhstan": (
        "Батыс Қазақстан облысы",
        "Западно-Казахстанская область",
        "Западно-Казахстанской области",
        "West Kazakhstan Region",
        False,
    ),
    "karaganda": ("Қарағанды облысы", "Карагандинская область", "Карагандинской области", "Karaganda Region", False),
    "kostanay": ("Қостанай облысы", "Костанайская область", "Костанайской области", "Kostanay Region", False),
    "kyzylorda": ("Қызылорда облысы", "Кызылординская область", "Кызылординской области", "Kyzylorda Region", False),
    "mangystau": ("Маңғыстау облысы", "Мангистауская область", "Мангистауской области", "Mangystau Region", False),
    "pavlodar": ("Павлодар облысы", "Павлодарская область", "Павлодарской области", "Pavlodar Region", False),
    "north-kazakhstan": (
        "Солтүстік Қазақстан облысы",
        "Северо-Казахстанская область",
        "Северо-Казахстанской области",
        "North Kazakhstan Region",
        False,
    ),
    "turkistan": ("Түркістан облысы", "Туркестанская область", "Туркестанской области", "Turkistan Region", False),
    "ulytau": ("Ұлытау облысы", "Область Ұлытау", "области Ұлытау", "Ulytau Region", False),
    "astana": ("Астана қаласы", "город Астана", "городу Астана", "Astana city", True),
    "almaty": ("Алматы қаласы", "город Алматы", "городу Алматы", "Almaty city", True),
    "shymkent": ("Шымкент қаласы", "город Шымкент", "городу Шымкент", "Shymkent city", True),
}

# code: (kk, ru, en, kind, parent code, department)
UNITS = {
    "supreme-court": ("Жоғарғы Сот", "Верховный Суд", "Supreme Court", Unit.Kind.SUPREME_COURT, None, ""),
    "ca": (
        "Сот әкімшілігі",
        "Судебная администрация",
        "Court Administration",
        Unit.Kind.COURT_ADMINISTRATION,
        None,
        "",
    ),
    "ir": (
        "Халықаралық байланыстар бөлімі",
        "Отдел международных связей",
        "International Relations Department",
        Unit.Kind.STRUCTURAL,
        "ca",
        Department.IR,
    ),
    "personnel": (
        "Персоналды басқару қызметі",
        "Служба управления персоналом",
        "Human Resources Service",
        Unit.Kind.STRUCTURAL,
        "ca",
        "",
    ),
    # Two other subdivisions of the Court Administration: they execute letters, answer
    # requests and carry out instructions addressed to them, and see nothing else (issue 20).
    "legal": (
        "Заң бөлімі",
        "Юридический отдел",
        "Legal Department",
        Unit.Kind.STRUCTURAL,
        "ca",
        "",
    ),
    "analytics": (
        "Ұйымдастыру-талдау бөлімі",
        "Организационно-аналитический отдел",
        "Organisational and Analytical Department",
        Unit.Kind.STRUCTURAL,
        "ca",
        "",
    ),
    "isd": (
        "Ішкі қауіпсіздік бөлімі",
        "Отдел внутренней безопасности",
        "Internal Security Department",
        Unit.Kind.STRUCTURAL,
        "ca",
        Department.ISD,
    ),
}

# A local court (code: kk, ru, en, region): its office answers what is addressed to it.
COURTS = {
    "court-almaty-economic": (
        "Алматы қаласының мамандандырылған ауданаралық экономикалық соты",
        "Специализированный межрайонный экономический суд города Алматы",
        "Specialised Inter-District Economic Court of Almaty",
        "almaty",
    ),
}

# username: (position code, kk title, ru title, en title, unit, kind, line, names kk/ru/en, language)
PEOPLE = {
    "chairman": (
        "chairman",
        "Жоғарғы Сот Төрағасы",
        "Председатель Верховного Суда",
        "Chairman of the Supreme Court",
        "supreme-court",
        Position.Kind.CHAIRMAN,
        "",
        ("Әділет Серікұлы Жандосов", "Адилет Серикович Жандосов", "Adilet Zhandossov"),
        "kk",
    ),
    "ca_head": (
        "ca-head",
        "Сот әкімшілігінің басшысы",
        "Руководитель Судебной администрации",
        "Head of the Court Administration",
        "ca",
        Position.Kind.CA_HEAD,
        "",
        ("Ержан Болатұлы Қасымов", "Ержан Болатович Касымов", "Yerzhan Kassymov"),
        "kk",
    ),
    "ca_deputy": (
        "ca-deputy",
        "Сот әкімшілігі басшысының орынбасары",
        "Заместитель руководителя Судебной администрации",
        "Deputy Head of the Court Administration",
        "ca",
        Position.Kind.CA_DEPUTY,
        "",
        ("Гүлнар Маратқызы Әбенова", "Гульнар Маратовна Абенова", "Gulnar Abenova"),
        "ru",
    ),
    "ir_head": (
        "ir-head",
        "Халықаралық байланыстар бөлімінің меңгерушісі",
        "Заведующий отделом международных связей",
        "Head of the International Relations Department",
        "ir",
        Position.Kind.HEAD,
        "",
        ("Дана Асқарқызы Серікбаева", "Дана Аскаровна Серикбаева", "Dana Serikbayeva"),
        "kk",
    ),
    "ir_deputy_legal": (
        "ir-deputy-legal",
        "Меңгерушінің орынбасары (халықаралық құқықтық көмек)",
        "Заместитель заведующего (международная правовая помощь)",
        "Deputy Head (international legal assistance)",
        "ir",
        Position.Kind.DEPUTY,
        LineOfWork.LEGAL_ASSISTANCE,
        ("Нұрлан Ерланұлы Тоқтаров", "Нурлан Ерланович Токтаров", "Nurlan Toktarov"),
        "ru",
    ),
    "ir_deputy_protocol": (
        "ir-deputy-protocol",
        "Меңгерушінің орынбасары (хаттама және халықаралық ынтымақтастық)",
        "Заместитель заведующего (протокол и международное сотрудничество)",
        "Deputy Head (protocol and international cooperation)",
        "ir",
        Position.Kind.DEPUTY,
        LineOfWork.PROTOCOL,
        ("Айгерім Қанатқызы Мұратова", "Айгерим Канатовна Муратова", "Aigerim Muratova"),
        "kk",
    ),
    "ir_officer": (
        "ir-officer-1",
        "Бас маман",
        "Главный специалист",
        "Chief Specialist",
        "ir",
        Position.Kind.STAFF,
        "",
        ("Бауыржан Арманұлы Сейітов", "Бауыржан Арманович Сеитов", "Baurzhan Seitov"),
        "kk",
    ),
    "isd_head": (
        "isd-head",
        "Ішкі қауіпсіздік бөлімінің меңгерушісі",
        "Заведующий отделом внутренней безопасности",
        "Head of the Internal Security Department",
        "isd",
        Position.Kind.HEAD,
        "",
        ("Серік Жұмабайұлы Оспанов", "Серик Жумабаевич Оспанов", "Serik Ospanov"),
        "kk",
    ),
    "isd_deputy": (
        "isd-deputy",
        "Меңгерушінің орынбасары",
        "Заместитель заведующего",
        "Deputy Head",
        "isd",
        Position.Kind.DEPUTY,
        "",
        ("Марат Қайратұлы Бекенов", "Марат Кайратович Бекенов", "Marat Bekenov"),
        "ru",
    ),
    "isd_officer": (
        "isd-officer-1",
        "Бас маман",
        "Главный специалист",
        "Chief Specialist",
        "isd",
        Position.Kind.STAFF,
        "",
        ("Әсел Төлегенқызы Нұрланова", "Асель Тулегеновна Нурланова", "Assel Nurlanova"),
        "kk",
    ),
    "isd_officer2": (
        "isd-officer-2",
        "Жетекші маман",
        "Ведущий специалист",
        "Leading Specialist",
        "isd",
        Position.Kind.STAFF,
        "",
        ("Тимур Ғалымұлы Ахметов", "Тимур Галимович Ахметов", "Timur Akhmetov"),
        "ru",
    ),
    "hr_keeper": (
        "hr-keeper",
        "Персоналды басқару қызметінің бас маманы",
        "Главный специалист службы управления персоналом",
        "Chief Specialist, Human Resources Service",
        "personnel",
        Position.Kind.STAFF,
        "",
        ("Сәуле Ерболқызы Жақсылықова", "Сауле Ерболовна Жаксыликова", "Saule Zhaksylykova"),
        "kk",
    ),
    "legal_officer": (
        "legal-officer-1",
        "Заң бөлімінің бас маманы",
        "Главный специалист юридического отдела",
        "Chief Specialist, Legal Department",
        "legal",
        Position.Kind.STAFF,
        "",
        ("Ерлан Маратұлы Жүсіпов", "Ерлан Маратович Жусупов", "Yerlan Zhussupov"),
        "ru",
    ),
    "analyst": (
        "analytics-officer-1",
        "Ұйымдастыру-талдау бөлімінің бас маманы",
        "Главный специалист организационно-аналитического отдела",
        "Chief Specialist, Organisational and Analytical Department",
        "analytics",
        Position.Kind.STAFF,
        "",
        ("Мадина Серікқызы Әлиева", "Мадина Сериковна Алиева", "Madina Aliyeva"),
        "kk",
    ),
    "court_almaty": (
        "court-almaty-economic-office",
        "Сот кеңсесінің меңгерушісі",
        "Заведующий канцелярией суда",
        "Head of the Court Office",
        "court-almaty-economic",
        Position.Kind.STAFF,
        "",
        ("Асхат Нұрланұлы Байжанов", "Асхат Нурланович Байжанов", "Askhat Baizhanov"),
        "ru",
    ),
    "isd_almaty": (
        "isd-almaty-1",
        "Бас маман",
        "Главный специалист",
        "Chief Specialist",
        "isd-almaty",
        Position.Kind.STAFF,
        "",
        ("Жанар Бекболатқызы Сәрсенова", "Жанар Бекболатовна Сарсенова", "Zhanar Sarsenova"),
        "kk",
    ),
}


# The personnel office's posts, whose holders keep the organisation's records.
KEEPER_POSITIONS = {"hr-keeper"}


def _translated(prefix: str, kk: str, ru: str, en: str) -> dict:
    return {f"{prefix}_kk": kk, f"{prefix}_ru": ru, f"{prefix}_en": en}


def _territorial_units(regions: dict[str, Region]) -> None:
    """One territorial subdivision per region, each with its ISD unit."""
    ca = Unit.objects.get(code="ca")
    for code, region in regions.items():
        kk, _ru, ru_by, en, _is_city = REGIONS[code]
        territorial, _created = Unit.objects.update_or_create(
            code=f"ta-{code}",
            defaults={
                "kind": Unit.Kind.TERRITORIAL,
                "parent": ca,
                "region": region,
                **_translated(
                    "name",
                    f"Сот әкімшілігінің {kk} бойынша департаменті",
                    f"Департамент Судебной администрации по {ru_by}",
                    f"Department of the Court Administration for {en}",
                ),
            },
        )
        Unit.objects.update_or_create(
            code=f"isd-{code}",
            defaults={
                "kind": Unit.Kind.TERRITORIAL_ISD,
                "parent": territorial,
                "region": region,
                "department": Department.ISD,
                **_translated(
                    "name",
                    f"Сот әкімшілігінің {kk} бойынша департаментінің ішкі қауіпсіздік бөлімі",
                    f"Отдел внутренней безопасности Департамента Судебной администрации по {ru_by}",
                    f"Internal security unit, Department of the Court Administration for {en}",
                ),
            },
        )


@transaction.atomic
def build_demo_organisation(password: str | None = None) -> dict[str, Person]:
    """Create or refresh the organisation and the demo people; returns them by username.

    `password` is set only on accounts created now, so a second run changes nothing.
    """
    regions = {}
    for code, (kk, ru, _ru_by, en, is_city) in REGIONS.items():
        regions[code], _ = Region.objects.update_or_create(
            code=code, defaults={"is_city": is_city, **_translated("name", kk, ru, en)}
        )
    for code, (kk, ru, en, kind, parent, department) in UNITS.items():
        Unit.objects.update_or_create(
            code=code,
            defaults={
                "kind": kind,
                "parent": Unit.objects.get(code=parent) if parent else None,
                "department": department,
                **_translated("name", kk, ru, en),
            },
        )
    _territorial_units(regions)
    for code, (kk, ru, en, region) in COURTS.items():
        Unit.objects.update_or_create(
            code=code,
            defaults={"kind": Unit.Kind.COURT, "region": regions[region], **_translated("name", kk, ru, en)},
        )

    User = get_user_model()
    people = {}
    for username, (pcode, t_kk, t_ru, t_en, unit, kind, line, names, language) in PEOPLE.items():
        position, _ = Position.objects.update_or_create(
            code=pcode,
            defaults={
                "unit": Unit.objects.get(code=unit),
                "kind": kind,
                "line_of_work": line,
                "keeps_organisation": pcode in KEEPER_POSITIONS,
                **_translated("title", t_kk, t_ru, t_en),
            },
        )
        user, created = User.objects.get_or_create(username=username, defaults={"language": language})
        if created:
            user.email = f"{username}@courtadmin.local"
            if password:
                user.set_password(password)
            else:
                user.set_unusable_password()
            user.save()
        people[username], _ = Person.objects.update_or_create(
            user=user, defaults={"position": position, **_translated("full_name", *names)}
        )

    sysadmin, created = User.objects.get_or_create(
        username="sysadmin", defaults={"is_staff": True, "is_superuser": True, "language": "ru"}
    )
    if created:
        sysadmin.email = "sysadmin@courtadmin.local"
        if password:
            sysadmin.set_password(password)
        else:
            sysadmin.set_unusable_password()
        sysadmin.save()
    return people


def load_demo_substitutions(people: dict[str, Person]) -> str:
    """A business trip of the IR head with the legal-assistance deputy acting for him, and a
    leave of that deputy with the protocol deputy acting for his line; dated from the first run.
    And a leave of the ISD head for which the Head of the Court Administration proposes the ISD
    deputy as acting head: it waits for the ISD head's (or the Chairman's) confirmation."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import Absence, ActingAppointment
    from .services import acting_appointment_save

    head, legal, protocol = people["ir_head"], people["ir_deputy_legal"], people["ir_deputy_protocol"]
    if Absence.objects.filter(person__in=[head, legal]).exists():
        return "Substitutions: already in the demo."
    today = timezone.localdate()
    isd_leave = (today + timedelta(days=60), today + timedelta(days=73))
    Absence.objects.create(person=people["isd_head"], kind=Absence.Kind.LEAVE, start=isd_leave[0], end=isd_leave[1])
    acting_appointment_save(
        actor=people["ca_head"].user,
        appointment=ActingAppointment(
            replaced=people["isd_head"],
            acting=people["isd_deputy"],
            start=isd_leave[0],
            end=isd_leave[1],
            order_number="21-ж",
            order_date=today,
        ),
    )
    trip = (today + timedelta(days=10), today + timedelta(days=14))
    leave = (today + timedelta(days=30), today + timedelta(days=43))
    Absence.objects.create(person=head, kind=Absence.Kind.BUSINESS_TRIP, start=trip[0], end=trip[1])
    ActingAppointment.objects.create(
        replaced=head, acting=legal, start=trip[0], end=trip[1], order_number="12-ж", order_date=today
    )
    Absence.objects.create(person=legal, kind=Absence.Kind.LEAVE, start=leave[0], end=leave[1])
    ActingAppointment.objects.create(
        replaced=legal,
        acting=protocol,
        scope=LineOfWork.LEGAL_ASSISTANCE,
        start=leave[0],
        end=leave[1],
        order_number="13-ж",
        order_date=today,
    )
    return (
        "Substitutions: the IR head's business trip and the legal-assistance deputy's leave, with acting orders; "
        "the ISD head's leave, his deputy proposed as acting head and awaiting his confirmation."
    )
