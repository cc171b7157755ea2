"""The treaties' article on a request's contents in three languages, and the language their
letters abroad are written in: Russian between the CIS states (the Minsk Convention, art. 17,
and the treaties with Kyrgyzstan, Azerbaijan and Lithuania), English elsewhere."""

from django.db import migrations, models


# code: (kk, ru, en) of the article on a request's contents
CLAUSES = {
    "minsk-1993": ("Минск конвенциясының 7-бабы", "ст. 7 Минской конвенции", "Minsk art. 7"),
    "chisinau-2002": ("Кишинев конвенциясының 7-бабы", "ст. 7 Кишиневской конвенции", "Chisinau art. 7"),
    "hague-service-1965": (
        "1965 жылғы Гаага конвенциясының 3-бабы",
        "ст. 3 Гаагской конвенции 1965 г.",
        "Hague Service art. 3",
    ),
    "hague-evidence-1970": (
        "1970 жылғы Гаага конвенциясының 3-бабы",
        "ст. 3 Гаагской конвенции 1970 г.",
        "Hague Evidence art. 3",
    ),
    "hague-1954": (
        "1954 жылғы Гаага конвенциясының 1 және 9-баптары",
        "ст. 1 и 9 Гаагской конвенции 1954 г.",
        "Hague 1954 arts. 1, 9",
    ),
}
IN_RUSSIAN = ["minsk-1993", "chisinau-2002", "bilateral-kg-1996", "bilateral-az-1997", "bilateral-lt-1994"]


def add_treaty_languages(apps, schema_editor):
    TreatyBasis = apps.get_model("international", "TreatyBasis")
    for code, (kk, ru, en) in CLAUSES.items():
        TreatyBasis.objects.filter(code=code).update(
            contents_clause=kk, contents_clause_kk=kk, contents_clause_ru=ru, contents_clause_en=en
        )
    TreatyBasis.objects.filter(code__in=IN_RUSSIAN).update(letter_language="ru")


class Migration(migrations.Migration):
    dependencies = [
        ("international", "0006_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="treatybasis",
            name="contents_clause_en",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="article on a request's contents"
            ),
        ),
        migrations.AddField(
            model_name="treatybasis",
            name="contents_clause_kk",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="article on a request's contents"
            ),
        ),
        migrations.AddField(
            model_name="treatybasis",
            name="contents_clause_ru",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="article on a request's contents"
            ),
        ),
        migrations.AddField(
            model_name="treatybasis",
            name="letter_language",
            field=models.CharField(
                choices=[("ru", "Russian"), ("en", "English")],
                default="en",
                max_length=2,
                verbose_name="letters abroad in",
            ),
        ),
        migrations.RunPython(add_treaty_languages, migrations.RunPython.noop),
    ]
