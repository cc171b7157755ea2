# Kazakh date and number formats (Django ships none for kk).
# "22 қараша 2026 ж." in running text, "22.11.2026" in tables and inputs.
DATE_FORMAT = r"j E Y \ж."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j E Y \ж. H:i"
YEAR_MONTH_FORMAT = r"F Y \ж."
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
NUMBER_GROUPING = 3
