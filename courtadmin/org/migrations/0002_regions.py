"""The 17 regions and the 3 cities of republican significance, in Kazakh, Russian and English.

The courts of Kazakhstan (international.KazakhCourt) stand on these rows.
"""

from django.db import migrations

REGIONS = {
    "abai": ("Абай облысы", "Абайская область", "Abai Region", False),
    "akmola": ("Ақмола облысы", "Акмолинская область", "Akmola Region", False),
    "aktobe": ("Ақтөбе облысы", "Актюбинская область", "Aktobe Region", False),
    "almaty-region": ("Алматы облысы", "Алматинская область", "Almaty Region", False),
    "atyrau": ("Атырау облысы", "Атырауская область", "Atyrau Region", False),
    "east-kazakhstan": ("Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region", False),
    "zhambyl": ("Жамбыл облысы", "Жамбылская область", "Zhambyl Region", False),
    "zhetisu": ("Жетісу облысы", "Область Жетісу", "Zhetisu Region", False),
    "west-kazakhstan": ("Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region", False),
    "karaganda": ("Қарағанды облысы", "Карагандинская область", "Karaganda Region", False),
    "kostanay": ("Қостанай облысы", "Костанайская область", "Kostanay Region", False),
    "kyzylorda": ("Қызылорда облысы", "Кызылординская область", "Kyzylorda Region", False),
    "mangystau": ("Маңғыстау облысы", "Мангистауская область", "Mangystau Region", False),
    "pavlodar": ("Павлодар облысы", "Павлодарская область", "Pavlodar Region", False),
    "north-kazakhstan": ("Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan Region", False),
    "turkistan": ("Түркістан облысы", "Туркестанская область", "Turkistan Region", False),
    "ulytau": ("Ұлытау облысы", "Область Ұлытау", "Ulytau Region", False),
    "astana": ("Астана қаласы", "город Астана", "Astana city", True),
    "almaty": ("Алматы қаласы", "город Алматы", "Almaty city", True),
    "shymkent": ("Шымкент қаласы", "город Шымкент", "Shymkent city", True),
}


def add_regions(apps, schema_editor):
    Region = apps.get_model("org", "Region")
    for code, (kk, ru, en, is_city) in REGIONS.items():
        Region.objects.update_or_create(
            code=code,
            defaults={"name": kk, "name_kk": kk, "name_ru": ru, "name_en": en, "is_city": is_city},
        )


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]

    operations = [migrations.RunPython(add_regions, migrations.RunPython.noop)]
