"""The catalogs the IR starts with: the countries of ISO 3166 (names in Kazakh and Russian
from the iso-codes translations that pycountry carries), the treaty bases of
DOMAIN.md "International legal assistance", and the 20 regional-level courts.

Party lists are what public sources show for each treaty; IR staff keep them current in
the portal. District and specialised courts are added by IR staff or imported.
"""

import gettext

from django.db import migrations

ALL = ["service", "evidence", "other_act", "recognition"]

# code: (kk, ru, en, kind, reference, parties, subjects, channel, languages,
#        translation_required, legalisation, contents_clause, precedence)
TREATIES = {
    "minsk-1993": (
        "Азаматтық, отбасылық және қылмыстық істер бойынша құқықтық көмек және құқықтық қатынастар туралы "
        "конвенция (Минск, 1993 жылғы 22 қаңтар) және оған 1997 жылғы хаттама",
        "Конвенция о правовой помощи и правовых отношениях по гражданским, семейным и уголовным делам "
        "(Минск, 22 января 1993 г.) и Протокол к ней 1997 г.",
        "Convention on Legal Assistance and Legal Relations in Civil, Family and Criminal Matters "
        "(Minsk, 22 January 1993) and its 1997 Protocol",
        "multilateral",
        "ratified 31.03.1993; Protocol in force 17.09.1999",
        ["AM", "AZ", "BY", "KG", "MD", "RU", "TJ", "TM", "UZ"],
        ALL,
        "central",
        ["kk", "ru"],
        False,
        "none",
        "Minsk art. 7",
        30,
    ),
    "chisinau-2002": (
        "Азаматтық, отбасылық және қылмыстық істер бойынша құқықтық көмек және құқықтық қатынастар туралы "
        "конвенция (Кишинев, 2002 жылғы 7 қазан)",
        "Конвенция о правовой помощи и правовых отношениях по гражданским, семейным и уголовным делам "
        "(Кишинев, 7 октября 2002 г.)",
        "Convention on Legal Assistance and Legal Relations in Civil, Family and Criminal Matters "
        "(Chisinau, 7 October 2002)",
        "multilateral",
        "Law No. 531 of 10.03.2004",
        ["AM", "AZ", "BY", "KG", "TJ"],
        ALL,
        "central",
        ["kk", "ru"],
        False,
        "none",
        "Chisinau art. 7",
        20,
    ),
    "hague-service-1965": (
        "Азаматтық немесе коммерциялық істер бойынша сот және соттан тыс құжаттарды шетелде табыс ету туралы "
        "конвенция (Гаага, 1965 жылғы 15 қараша)",
        "Конвенция о вручении за границей судебных и внесудебных документов по гражданским или торговым делам "
        "(Гаага, 15 ноября 1965 г.)",
        "Convention on the Service Abroad of Judicial and Extrajudicial Documents in Civil or Commercial Matters "
        "(The Hague, 15 November 1965)",
        "multilateral",
        "Law No. 338-V of 22.07.2015",
        ["CN", "DE", "ES", "FR", "GB", "IT", "JP", "KR", "NL", "RU", "TR", "US"],
        ["service"],
        "central",
        ["kk", "ru"],
        False,
        "none",
        "Hague Service art. 3",
        40,
    ),
    "hague-evidence-1970": (
        "Азаматтық немесе сауда істері бойынша шетелде дәлелдемелер алу туралы конвенция "
        "(Гаага, 1970 жылғы 18 наурыз)",
        "Конвенция о получении за границей доказательств по гражданским или торговым делам "
        "(Гаага, 18 марта 1970 г.)",
        "Convention on the Taking of Evidence Abroad in Civil or Commercial Matters (The Hague, 18 March 1970)",
        "multilateral",
        "Law No. 485-V of 06.04.2016",
        ["CN", "DE", "ES", "FR", "GB", "IT", "KR", "NL", "RU", "TR", "US"],
        ["evidence"],
        "central",
        ["kk", "ru", "en"],
        True,
        "none",
        "Hague Evidence art. 3",
        40,
    ),
    "hague-1954": (
        "Азаматтық процесс мәселелері жөніндегі конвенция (Гаага, 1954 жылғы 1 наурыз)",
        "Конвенция по вопросам гражданского процесса (Гаага, 1 марта 1954 г.)",
        "Convention on Civil Procedure (The Hague, 1 March 1954)",
        "multilateral",
        "in force for Kazakhstan since 14.10.2015",
        ["DE", "ES", "FR", "IT", "JP", "NL", "RU", "TR"],
        ["service", "evidence"],
        "diplomatic",
        ["kk", "ru"],
        False,
        "none",
        "Hague 1954 arts. 1, 9",
        50,
    ),
    "bilateral-kg-1996": (
        "Қазақстан Республикасы мен Қырғыз Республикасы арасындағы құқықтық көмек туралы шарт (1996 ж.) "
        "және оған хаттама (2023 ж.)",
        "Договор о правовой помощи между Республикой Казахстан и Кыргызской Республикой (1996 г.) "
        "и Протокол к нему (2023 г.)",
        "Treaty on legal assistance between Kazakhstan and Kyrgyzstan (1996) and its Protocol (2023)",
        "bilateral",
        "1996; Protocol 2023",
        ["KG"],
        ALL,
        "central",
        ["kk", "ru"],
        False,
        "none",
        "",
        10,
    ),
    "bilateral-tr-1995": (
        "Қазақстан Республикасы мен Түркия Республикасы арасындағы азаматтық істер бойынша құқықтық көмек "
        "туралы шарт (1995 ж.)",
        "Договор о правовой помощи по гражданским делам между Республикой Казахстан и Турецкой Республикой "
        "(1995 г.)",
        "Treaty on legal assistance in civil matters between Kazakhstan and Turkey (1995)",
        "bilateral",
        "1995",
        ["TR"],
        ALL,
        "central",
        ["kk", "ru"],
        False,
        "none",
        "",
        10,
    ),
    "bilateral-az-1997": (
        "Қазақстан Республикасы мен Әзербайжан Республикасы арасындағы азаматтық істер бойынша құқықтық көмек "
        "туралы шарт (1997 ж.)",
        "Договор о правовой помощи по гражданским делам между Республикой Казахстан и Азербайджанской "
        "Республикой (1997 г.)",
        "Treaty on legal assistance in civil matters between Kazakhstan and Azerbaijan (1997)",
        "bilateral",
        "1997",
        ["AZ"],
        ALL,
        "central",
        ["kk", "ru"],
        False,
        "none",
        "",
        10,
    ),
    "bilateral-lt-1994": (
        "Қазақстан Республикасы мен Литва Республикасы арасындағы құқықтық көмек туралы шарт (1994 ж.)",
        "Договор о правовой помощи между Республикой Казахстан и Литовской Республикой (1994 г.)",
        "Treaty on legal assistance between Kazakhstan and Lithuania (1994)",
        "bilateral",
        "1994",
        ["LT"],
        ALL,
        "central",
        ["kk", "ru"],
        False,
        "none",
        "",
        10,
    ),
    "reciprocity": (
        "Өзара түсіністік негізінде, Сыртқы істер министрлігі арқылы",
        "На основе взаимности, через Министерство иностранных дел",
        "Reciprocity, through the Ministry of Foreign Affairs",
        "reciprocity",
        "",
        [],
        ALL,
        "diplomatic",
        ["kk", "ru"],
        False,
        "apostille",
        "",
        100,
    ),
}

# region code: (kk, ru, en)
REGIONAL_COURTS = {
    "abai": ("Абай облыстық соты", "Областной суд области Абай", "Abai Regional Court"),
    "akmola": ("Ақмола облыстық соты", "Акмолинский областной суд", "Akmola Regional Court"),
    "aktobe": ("Ақтөбе облыстық соты", "Актюбинский областной суд", "Aktobe Regional Court"),
    "almaty-region": ("Алматы облыстық соты", "Алматинский областной суд", "Almaty Regional Court"),
    "atyrau": ("Атырау облыстық соты", "Атырауский областной суд", "Atyrau Regional Court"),
    "east-kazakhstan": (
        "Шығыс Қазақстан облыстық соты",
        "Восточно-Казахстанский областной суд",
        "East Kazakhstan Regional Court",
    ),
    "zhambyl": ("Жамбыл облыстық соты", "Жамбылский областной суд", "Zhambyl Regional Court"),
    "zhetisu": ("Жетісу облыстық соты", "Областной суд области Жетісу", "Zhetisu Regional Court"),
    "west-kazakhstan": (
        "Батыс Қазақстан облыстық соты",
        "Западно-Казахстанский областной суд",
        "West Kazakhstan Regional Court",
    ),
    "karaganda": ("Қарағанды облыстық соты", "Карагандинский областной суд", "Karaganda Regional Court"),
    "kostanay": ("Қостанай облыстық соты", "Костанайский областной суд", "Kostanay Regional Court"),
    "kyzylorda": ("Қызылорда облыстық соты", "Кызылординский областной суд", "Kyzylorda Regional Court"),
    "mangystau": ("Маңғыстау облыстық соты", "Мангистауский областной суд", "Mangystau Regional Court"),
    "pavlodar": ("Павлодар облыстық соты", "Павлодарский областной суд", "Pavlodar Regional Court"),
    "north-kazakhstan": (
        "Солтүстік Қазақстан облыстық соты",
        "Северо-Казахстанский областной суд",
        "North Kazakhstan Regional Court",
    ),
    "turkistan": ("Түркістан облыстық соты", "Туркестанский областной суд", "Turkistan Regional Court"),
    "ulytau": ("Ұлытау облыстық соты", "Областной суд области Ұлытау", "Ulytau Regional Court"),
    "astana": ("Астана қалалық соты", "Астанинский городской суд", "Astana City Court"),
    "almaty": ("Алматы қалалық соты", "Алматинский городской суд", "Almaty City Court"),
    "shymkent": ("Шымкент қалалық соты", "Шымкентский городской суд", "Shymkent City Court"),
}


def _names(kk, ru, en) -> dict:
    return {"name": kk, "name_kk": kk, "name_ru": ru, "name_en": en}


def add_catalogs(apps, schema_editor):
    import pycountry

    Country = apps.get_model("international", "Country")
    TreatyBasis = apps.get_model("international", "TreatyBasis")
    KazakhCourt = apps.get_model("international", "KazakhCourt")
    Region = apps.get_model("org", "Region")

    catalogs = {
        language: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        for language in ("kk", "ru")
    }
    for country in pycountry.countries:
        english = getattr(country, "common_name", country.name)
        kk, ru = (catalogs[language].gettext(country.name) for language in ("kk", "ru"))
        Country.objects.update_or_create(code=country.alpha_2, defaults=_names(kk, ru, english))

    for code, row in TREATIES.items():
        kk, ru, en, kind, reference, parties, subjects, channel, languages, translation, legal, clause, rank = row
        treaty, _created = TreatyBasis.objects.update_or_create(
            code=code,
            defaults={
                **_names(kk, ru, en),
                "kind": kind,
                "reference": reference,
                "subjects": subjects,
                "channel": channel,
                "languages": languages,
                "translation_required": translation,
                "legalisation": legal,
                "contents_clause": clause,
                "precedence": rank,
            },
        )
        treaty.parties.set(Country.objects.filter(code__in=parties))

    for region_code, (kk, ru, en) in REGIONAL_COURTS.items():
        KazakhCourt.objects.update_or_create(
            code=f"{region_code}-regional",
            defaults={**_names(kk, ru, en), "level": "regional", "region": Region.objects.get(code=region_code)},
        )


class Migration(migrations.Migration):
    dependencies = [("international", "0001_initial"), ("org", "0002_regions")]

    operations = [migrations.RunPython(add_catalogs, migrations.RunPython.noop)]
