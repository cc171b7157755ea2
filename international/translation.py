from modeltranslation.translator import TranslationOptions, register

from .models import Country, ForeignAuthority, KazakhCourt, TreatyBasis


class NameTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("kk", "ru")


for model in (Country, TreatyBasis, ForeignAuthority, KazakhCourt):
    register(model)(NameTranslation)
