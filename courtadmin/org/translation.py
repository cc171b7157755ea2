from modeltranslation.translator import TranslationOptions, register

from .models import Person, Position, Region, Unit


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("kk", "ru")


@register(Unit)
class UnitTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("kk", "ru")


@register(Position)
class PositionTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("kk", "ru")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("full_name",)
    required_languages = ("kk", "ru")
