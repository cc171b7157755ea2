from modeltranslation.translator import TranslationOptions, register

from .models import Country, ForeignAuthority, KazakhCourt, TreatyBasis


class NameTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("kk", "ru")


for model in (Country, ForeignAuthority, KazakhCourt):
    register(model)(NameTranslation)


@register(TreatyBasis)
class TreatyTranslation(TranslationOptions):
    # The article on a request's contents is cited on checklists in the reader's language.
    fields = ("name", "contents_clause")
    required_languages = {"kk": ("name",), "ru": ("name",)}
