"""The catalogs of international legal assistance (IR 7.22): countries, treaty bases,
foreign authorities and the courts of Kazakhstan, kept by IR staff, read by the leadership,
closed (404) to everyone else; and the import of courts from CSV or XLSX files."""

import csv
import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courtadmin.audit.models import AuditEvent
from courtadmin.core import spreadsheets
from courtadmin.org.models import Region
from international.models import Country, ForeignAuthority, KazakhCourt, TreatyBasis
from international.services import catalogs

pytestmark = pytest.mark.django_db

CATALOG_SLUGS = ["countries", "treaties", "authorities", "courts"]
HEADER = ["code", "name_kk", "name_ru", "name_en", "level", "region", "parent"]


def treaty_form(**overrides):
    data = {
        "code": "kz-ae-2026",
        "name_kk": "Қазақстан мен БАӘ арасындағы шарт",
        "name_ru": "Договор между Казахстаном и ОАЭ",
        "name_en": "Treaty between Kazakhstan and the UAE",
        "kind": "bilateral",
        "reference": "Law No. 1-VIII of 01.02.2026",
        "parties": [Country.objects.get(code="AE").pk],
        "subjects": ["service", "evidence"],
        "channel": "central",
        "languages": ["kk", "ru", "en"],
        "translation_required": "on",
        "legalisation": "none",
        "execution_months": "3",
        "letter_language": "en",
        "contents_clause_kk": "5-бап",
        "contents_clause_ru": "ст. 5",
        "contents_clause_en": "art. 5",
        "precedence": "10",
        "is_active": "on",
    }
    return {**data, **overrides}


def court_form(**overrides):
    data = {
        "code": "astana-esil-district",
        "name_kk": "Астана қаласы Есіл аудандық соты",
        "name_ru": "Есильский районный суд города Астаны",
        "name_en": "Esil District Court of Astana",
        "level": "district",
        "region": Region.objects.get(code="astana").pk,
        "parent": KazakhCourt.objects.get(code="astana-regional").pk,
    }
    return {**data, **overrides}


def field_errors(response, field):
    return response.context["form"].errors.get(field, [])


def csv_upload(rows, *, header=HEADER, delimiter=",", bom=False, name="courts.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    content = buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")
    return SimpleUploadedFile(name, content, content_type="text/csv")


def xlsx_upload(rows, *, header=HEADER, name="courts.xlsx"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(
        name, buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


def court_row(code, *, kk="Сот", ru="Суд", en="Court", level="district", region="astana", parent="astana-regional"):
    return [code, kk, ru, en, level, region, parent]


# Row numbers are those of the spreadsheet: the header is row 1.
MIXED_ROWS = [
    court_row("astana-esil-district"),  # 2: created
    court_row("astana-regional", ru="Городской суд Астаны", en="Astana City Court", level="regional", parent=""),  # 3
    court_row("astana-saryarka-district", region="atlantis"),  # 4: unknown region
    court_row("astana-baikonur-district", parent="astana-no-such-court"),  # 5: unknown parent
    court_row("astana-military", level="military"),  # 6: unknown level
    court_row("astana-almaty-district", kk=""),  # 7: no Kazakh name
    court_row("astana-nura-district", ru=""),  # 8: no Russian name
    court_row("Астана суды!"),  # 9: bad code
    court_row("astana-twice"),  # 10: duplicate
    court_row("astana-twice"),  # 11: duplicate
    court_row("astana-juvenile", level="specialised", parent="astana-esil-district"),  # 12: parent from the file
]
MIXED_REJECTIONS = {
    4: {"unknown_region"},
    5: {"unknown_parent"},
    6: {"unknown_level"},
    7: {"missing_name_kk"},
    8: {"missing_name_ru"},
    9: {"bad_code"},
    10: {"duplicate_code"},
    11: {"duplicate_code"},
}


def preview_upload(client, upload):
    return client.post(reverse("international:catalog-import"), {"file": upload})


def confirm(client, response):
    return client.post(reverse("international:catalog-import"), {"confirm": "1", "token": response.context["token"]})


# --- Access (IR 1-3, IR 7.22) ----------------------------------------------------------------


def catalog_urls():
    court = KazakhCourt.objects.get(code="astana-regional")
    urls = [reverse("international:catalog-index"), reverse("international:catalog-import")]
    for slug in CATALOG_SLUGS:
        urls.append(reverse("international:catalog-list", args=[slug]))
        urls.append(reverse("international:catalog-create", args=[slug]))
    urls.append(reverse("international:catalog-update", args=["courts", court.pk]))
    urls.append(reverse("international:catalog-update", args=["countries", Country.objects.get(code="KZ").pk]))
    return urls


@pytest.mark.parametrize("username", ["isd_officer", "isd_head", "isd_almaty", "sysadmin"])
def test_IR_7_22_catalogs_answer_404_outside_the_IR_and_the_leadership(client_for, username):
    """ISD staff, and a system administrator who holds no position, do not reach a catalog page at all."""
    client = client_for(username)
    for url in catalog_urls():
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"code": "zz"}).status_code == 404, url
    assert not AuditEvent.objects.filter(action__startswith="ir.catalog").exists()


def test_IR_7_22_the_chairman_reads_the_catalogs_but_cannot_change_them(client_for):
    client = client_for("chairman")
    index = client.get(reverse("international:catalog-index"))
    assert index.status_code == 200
    assert [count for _catalog, count in index.context["catalogs"]] == [
        Country.objects.count(),
        TreatyBasis.objects.count(),
        ForeignAuthority.objects.count(),
        KazakhCourt.objects.count(),
    ]
    for slug in CATALOG_SLUGS:
        response = client.get(reverse("international:catalog-list", args=[slug]))
        assert response.status_code == 200
        assert "/ir/catalogs/" + slug + "/new/" not in response.content.decode()
    court = KazakhCourt.objects.get(code="astana-regional")
    courts_page = client.get(reverse("international:catalog-list", args=["courts"])).content.decode()
    assert reverse("international:catalog-update", args=["courts", court.pk]) not in courts_page
    assert reverse("international:catalog-import") not in courts_page
    assert client.get(reverse("international:catalog-update", args=["courts", court.pk])).status_code == 404
    assert client.get(reverse("international:catalog-create", args=["treaties"])).status_code == 404
    assert client.post(reverse("international:catalog-create", args=["treaties"]), treaty_form()).status_code == 404
    assert client.get(reverse("international:catalog-import")).status_code == 404
    assert not TreatyBasis.objects.filter(code="kz-ae-2026").exists()


def test_an_unknown_catalog_is_404(client_for):
    client = client_for("ir_officer")
    assert client.get(reverse("international:catalog-list", args=["judges"])).status_code == 404
    assert client.get(reverse("international:catalog-create", args=["judges"])).status_code == 404
    assert client.get(reverse("international:catalog-update", args=["courts", 999999])).status_code == 404


def test_the_IR_officer_sees_edit_links_and_the_import(client_for):
    page = client_for("ir_officer").get(reverse("international:catalog-list", args=["courts"])).content.decode()
    court = KazakhCourt.objects.get(code="astana-regional")
    assert reverse("international:catalog-update", args=["courts", court.pk]) in page
    assert reverse("international:catalog-create", args=["courts"]) in page
    assert reverse("international:catalog-import") in page


# --- Creating and changing entries (IR 7.22) -------------------------------------------------


def test_IR_7_22_the_IR_officer_creates_and_edits_a_treaty(client_for, users):
    client = client_for("ir_officer")
    assert client.get(reverse("international:catalog-create", args=["treaties"])).status_code == 200
    response = client.post(reverse("international:catalog-create", args=["treaties"]), treaty_form())
    assert response.status_code == 302
    treaty = TreatyBasis.objects.get(code="kz-ae-2026")
    assert (treaty.name_kk, treaty.name_ru) == ("Қазақстан мен БАӘ арасындағы шарт", "Договор между Казахстаном и ОАЭ")
    assert treaty.subjects == ["service", "evidence"]
    assert treaty.languages == ["kk", "ru", "en"]
    assert [country.code for country in treaty.parties.all()] == ["AE"]
    assert treaty.translation_required and treaty.is_active and treaty.execution_months == 3
    assert (treaty.contents_clause_kk, treaty.contents_clause_ru, treaty.letter_language) == ("5-бап", "ст. 5", "en")
    created = AuditEvent.objects.get(action="ir.catalog.saved", object_id=str(treaty.pk))
    assert created.actor == users["ir_officer"]
    assert created.before is None
    assert created.after["parties"] == ["AE"]
    assert created.department == "IR"

    edit_url = reverse("international:catalog-update", args=["treaties", treaty.pk])
    form = client.get(edit_url)
    assert form.status_code == 200
    assert "Договор между Казахстаном и ОАЭ" in form.content.decode()
    parties = [Country.objects.get(code=code).pk for code in ("AE", "QA")]
    response = client.post(
        edit_url,
        treaty_form(name_ru="Договор о правовой помощи с ОАЭ", parties=parties, subjects=["service"], is_active=""),
    )
    assert response.status_code == 302
    treaty.refresh_from_db()
    assert treaty.name_ru == "Договор о правовой помощи с ОАЭ"
    assert sorted(country.code for country in treaty.parties.all()) == ["AE", "QA"]
    assert treaty.subjects == ["service"]
    assert not treaty.is_active
    changed = AuditEvent.objects.filter(action="ir.catalog.saved", object_id=str(treaty.pk)).latest("id")
    assert changed.before["parties"] == ["AE"]
    assert changed.after["parties"] == ["AE", "QA"]
    assert changed.before["name_ru"] == "Договор между Казахстаном и ОАЭ"


def test_IR_7_22_the_IR_officer_creates_and_edits_a_court(client_for):
    client = client_for("ir_officer")
    response = client.post(reverse("international:catalog-create", args=["courts"]), court_form())
    assert response.status_code == 302
    court = KazakhCourt.objects.get(code="astana-esil-district")
    assert court.parent.code == "astana-regional"
    assert court.region.code == "astana"
    assert AuditEvent.objects.filter(action="ir.catalog.saved", object_id=str(court.pk)).count() == 1

    edit_url = reverse("international:catalog-update", args=["courts", court.pk])
    response = client.post(edit_url, court_form(name_ru="Есильский районный суд г. Астаны", level="specialised"))
    assert response.status_code == 302
    court.refresh_from_db()
    assert (court.name_ru, court.level) == ("Есильский районный суд г. Астаны", "specialised")
    assert AuditEvent.objects.filter(action="ir.catalog.saved", object_id=str(court.pk)).count() == 2


def test_a_court_shows_its_name_in_the_language_of_the_page(client_for, users):
    client = client_for("ir_officer")
    client.post(reverse("international:catalog-create", args=["courts"]), court_form())
    officer = users["ir_officer"]
    for language, shown, hidden in [
        ("kk", "Астана қаласы Есіл аудандық соты", "Есильский районный суд города Астаны"),
        ("ru", "Есильский районный суд города Астаны", "Астана қаласы Есіл аудандық соты"),
        ("en", "Esil District Court of Astana", "Есильский районный суд города Астаны"),
    ]:
        officer.language = language
        officer.save(update_fields=["language"])
        page = client.get(reverse("international:catalog-list", args=["courts"]), {"q": "esil"}).content.decode()
        assert shown in page, language
        assert hidden not in page, language


def test_the_IR_officer_creates_a_country_and_a_foreign_authority(client_for):
    client = client_for("ir_officer")
    response = client.post(
        reverse("international:catalog-create", args=["countries"]),
        {"code": "xk", "name_kk": "Косово", "name_ru": "Косово", "name_en": "Kosovo"},
    )
    assert response.status_code == 302
    country = Country.objects.get(code="XK")
    response = client.post(
        reverse("international:catalog-create", args=["authorities"]),
        {
            "name_kk": "Приштина соты",
            "name_ru": "Суд Приштины",
            "name_en": "",
            "country": country.pk,
            "kind": "court",
            "address": "Prishtina",
        },
    )
    assert response.status_code == 302
    assert ForeignAuthority.objects.get(country=country).name_ru == "Суд Приштины"


def test_bad_input_is_refused_beside_the_field_with_what_was_typed_kept(client_for):
    """GIVEN a court with a bad code and no Russian name, a treaty with no subject WHEN saved
    THEN each form comes back with the message beside its field, the typed values in it, and
    nothing is saved or audited."""
    client = client_for("ir_officer")
    courts_before = KazakhCourt.objects.count()
    response = client.post(
        reverse("international:catalog-create", args=["courts"]),
        court_form(code="есіл сот!", name_ru="", name_kk="Есіл аудандық соты (жазылған)"),
    )
    assert response.status_code == 200
    assert field_errors(response, "code")
    assert field_errors(response, "name_ru")
    page = response.content.decode()
    assert 'id="id_code_error"' in page and 'id="id_name_ru_error"' in page
    assert 'value="есіл сот!"' in page
    assert "Есіл аудандық соты (жазылған)" in page
    assert KazakhCourt.objects.count() == courts_before

    response = client.post(
        reverse("international:catalog-create", args=["treaties"]),
        treaty_form(subjects=[], execution_months="many"),
    )
    assert response.status_code == 200
    assert field_errors(response, "subjects")
    assert field_errors(response, "execution_months")
    page = response.content.decode()
    assert 'value="many"' in page
    assert "Договор между Казахстаном и ОАЭ" in page
    assert 'value="en" class="form-check-input" id="id_languages_2" checked' in page
    assert not TreatyBasis.objects.filter(code="kz-ae-2026").exists()
    assert not AuditEvent.objects.filter(action__startswith="ir.catalog").exists()


def test_a_court_cannot_be_placed_under_a_court_below_it(client_for):
    client = client_for("ir_officer")
    client.post(reverse("international:catalog-create", args=["courts"]), court_form())
    regional = KazakhCourt.objects.get(code="astana-regional")
    district = KazakhCourt.objects.get(code="astana-esil-district")
    response = client.post(
        reverse("international:catalog-update", args=["courts", regional.pk]),
        court_form(code="astana-regional", level="regional", parent=district.pk),
    )
    assert response.status_code == 200
    assert field_errors(response, "parent")
    regional.refresh_from_db()
    assert regional.parent is None


def test_the_search_finds_by_name_and_country_code(client_for):
    client = client_for("chairman")
    response = client.get(reverse("international:catalog-list", args=["countries"]), {"q": "KZ"})
    assert "KZ" in [country.code for country in response.context["page"]]
    response = client.get(reverse("international:catalog-list", args=["courts"]), {"q": "Астана"})
    codes = [court.code for court in response.context["page"]]
    assert "astana-regional" in codes
    assert "karaganda-regional" not in codes


def test_the_list_is_paged_by_50(client_for):
    client = client_for("ir_officer")
    response = client.get(reverse("international:catalog-list", args=["countries"]))
    assert len(response.context["page"].object_list) == 50
    assert response.context["page"].paginator.count == Country.objects.count()
    last = client.get(reverse("international:catalog-list", args=["countries"]), {"page": 5})
    assert len(last.context["page"].object_list) == Country.objects.count() - 200


def add_courts(count):
    region = Region.objects.get(code="karaganda")
    parent = KazakhCourt.objects.get(code="karaganda-regional")
    KazakhCourt.objects.bulk_create(
        KazakhCourt(
            code=f"karaganda-district-{n}",
            name=f"Аудандық сот {n}",
            name_kk=f"Аудандық сот {n}",
            name_ru=f"Районный суд {n}",
            level="district",
            region=region,
            parent=parent,
        )
        for n in range(count)
    )


# --- The court import (IR 7.22) --------------------------------------------------------------


def test_IR_7_22_the_preview_reports_each_rejected_row_and_writes_nothing(client_for):
    client = client_for("ir_officer")
    courts_before = list(KazakhCourt.objects.values_list("code", "name_ru", "parent_id").order_by("code"))
    response = preview_upload(client, csv_upload(MIXED_ROWS))
    assert response.status_code == 200
    preview = response.context["preview"]
    assert preview.rejection_codes == MIXED_REJECTIONS
    assert [row.code for row in preview.created] == ["astana-esil-district", "astana-juvenile"]
    assert [(row.row, row.code) for row in preview.updated] == [(3, "astana-regional")]
    page = response.content.decode()
    assert page.count("rejected-row") == len(MIXED_REJECTIONS)
    for reason in ("unknown_region", "unknown_parent", "unknown_level", "bad_code", "duplicate_code"):
        assert f'data-reason="{reason}"' in page
    assert list(KazakhCourt.objects.values_list("code", "name_ru", "parent_id").order_by("code")) == courts_before
    assert not AuditEvent.objects.filter(action__startswith="ir.catalog").exists()


def test_the_preview_names_the_row_of_each_duplicate_and_of_a_rejected_parent():
    rows = [
        court_row("astana-a"),  # 2
        court_row("astana-a"),  # 3
        court_row("astana-b", parent="astana-a"),  # 4: its parent is in rejected rows only
        court_row("astana-c", parent="astana-d"),  # 5: a loop
        court_row("astana-d", parent="astana-c"),  # 6
        court_row("astana-e", parent="astana-e"),  # 7: its own parent
    ]
    preview = catalogs.court_import_preview(csv_upload(rows))
    assert preview.rejection_codes == {
        2: {"duplicate_code"},
        3: {"duplicate_code"},
        4: {"unknown_parent"},
        5: {"parent_cycle"},
        6: {"parent_cycle"},
        7: {"own_parent"},
    }
    reasons = {rejected.row: [reason.message for reason in rejected.reasons] for rejected in preview.rejected}
    assert "2, 3" in reasons[2][0] and "2, 3" in reasons[3][0]


def test_IR_7_22_confirming_applies_the_created_and_updated_rows(client_for, users):
    client = client_for("ir_officer")
    preview = preview_upload(client, csv_upload(MIXED_ROWS))
    response = confirm(client, preview)
    assert response.status_code == 302
    assert response.url == reverse("international:catalog-list", args=["courts"])
    esil = KazakhCourt.objects.get(code="astana-esil-district")
    assert (esil.name_kk, esil.region.code, esil.parent.code) == ("Сот", "astana", "astana-regional")
    assert KazakhCourt.objects.get(code="astana-juvenile").parent == esil
    regional = KazakhCourt.objects.get(code="astana-regional")
    assert (regional.name_ru, regional.name_en, regional.parent) == ("Городской суд Астаны", "Astana City Court", None)
    assert not KazakhCourt.objects.filter(code__in=["astana-twice", "astana-saryarka-district"]).exists()
    event = AuditEvent.objects.get(action="ir.catalog.courts_imported")
    assert event.actor == users["ir_officer"]
    assert event.after["created"] == ["astana-esil-district", "astana-juvenile"]
    assert event.after["updated"] == ["astana-regional"]
    # The preview is spent: confirming again writes nothing more.
    again = confirm(client, preview)
    assert again.status_code == 302
    assert AuditEvent.objects.filter(action="ir.catalog.courts_imported").count() == 1


def test_an_xlsx_file_is_previewed_and_imported(client_for):
    client = client_for("ir_officer")
    rows = [court_row("astana-esil-district"), court_row("astana-bad", region="nowhere")]
    rows[0][3] = None  # an empty cell
    preview = preview_upload(client, xlsx_upload(rows))
    assert preview.status_code == 200
    assert preview.context["preview"].rejection_codes == {3: {"unknown_region"}}
    assert [row.code for row in preview.context["preview"].created] == ["astana-esil-district"]
    assert confirm(client, preview).status_code == 302
    assert KazakhCourt.objects.get(code="astana-esil-district").name_ru == "Суд"


@pytest.mark.parametrize(("delimiter", "bom"), [(",", False), (";", True)])
def test_a_csv_file_with_commas_or_semicolons_with_or_without_bom_is_imported(client_for, delimiter, bom):
    client = client_for("ir_officer")
    header = ["Code", "name_kk", "name_ru", "level", "region"]  # no name_en or parent: kept as they are
    rows = [
        ["astana-esil-district", "Есіл соты", "Есильский суд", "district", "astana"],
        [
            "karaganda-regional",
            "Қарағанды облыстық соты",
            "Карагандинский областной суд (новый)",
            "regional",
            "karaganda",
        ],
    ]
    preview = preview_upload(client, csv_upload(rows, header=header, delimiter=delimiter, bom=bom))
    assert preview.context["preview"].rejected == []
    assert confirm(client, preview).status_code == 302
    assert KazakhCourt.objects.get(code="astana-esil-district").parent is None
    karaganda = KazakhCourt.objects.get(code="karaganda-regional")
    assert karaganda.name_ru == "Карагандинский областной суд (новый)"
    assert karaganda.name_en  # not in the file: kept


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("courts.txt", b"code,name_kk\n"), "import_type"),
        (SimpleUploadedFile("courts.csv", b"code,name_kk,name_ru\nx,y,z\n"), "import_header"),
        (SimpleUploadedFile("courts.csv", "code,name_kk\n".encode("utf-16")), "import_encoding"),
        (SimpleUploadedFile("courts.xlsx", b"PK\x03\x04 not a workbook"), "upload_content"),
        (SimpleUploadedFile("courts.csv", b""), "import_empty"),
    ],
)
def test_a_file_that_cannot_be_taken_is_refused_as_a_whole(upload, code):
    with pytest.raises(catalogs.ValidationError) as refused:
        catalogs.court_import_preview(upload)
    assert refused.value.code == code


def test_the_limits_of_size_and_rows_are_said_beside_the_file(client_for):
    client = client_for("ir_officer")
    too_many = csv_upload([court_row(f"astana-{n}") for n in range(catalogs.IMPORT_MAX_ROWS + 1)])
    response = preview_upload(client, too_many)
    assert response.status_code == 200
    assert field_errors(response, "file")
    assert response.context["preview"] is None
    assert str(catalogs.IMPORT_MAX_ROWS) in field_errors(response, "file")[0]
    big = SimpleUploadedFile("courts.csv", b"code," + b"x" * catalogs.IMPORT_MAX_BYTES)
    with pytest.raises(catalogs.ValidationError) as refused:
        catalogs.court_import_preview(big)
    assert refused.value.code == "import_size"
    assert not KazakhCourt.objects.filter(code__startswith="astana-0").exists()


def test_a_workbook_that_unpacks_to_too_much_is_refused(monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_UNPACKED_BYTES", 1000)
    rows = [court_row(f"astana-{n}", ru="Суд " * 20) for n in range(40)]
    with pytest.raises(catalogs.ValidationError) as refused:
        catalogs.court_import_preview(xlsx_upload(rows))
    assert refused.value.code == "import_size"


def test_a_confirmation_without_its_preview_writes_nothing(client_for):
    client = client_for("ir_officer")
    preview_upload(client, csv_upload([court_row("astana-esil-district")]))
    response = client.post(reverse("international:catalog-import"), {"confirm": "1", "token": "forged"})
    assert response.status_code == 302
    assert not KazakhCourt.objects.filter(code="astana-esil-district").exists()


def test_a_catalog_changed_after_the_preview_is_checked_again_on_confirmation(client_for):
    """GIVEN a preview whose row names a higher court WHEN that court is removed before the
    confirmation THEN nothing is written and the new preview rejects the row."""
    client = client_for("ir_officer")
    KazakhCourt.objects.create(
        code="astana-temporary",
        name_kk="Уақытша",
        name_ru="Временный",
        level="district",
        region=Region.objects.get(code="astana"),
    )
    preview = preview_upload(
        client, csv_upload([court_row("astana-esil-district"), court_row("astana-child", parent="astana-temporary")])
    )
    assert len(preview.context["preview"].created) == 2
    KazakhCourt.objects.filter(code="astana-temporary").delete()
    response = confirm(client, preview)
    assert response.status_code == 200
    assert response.context["preview"].rejection_codes == {3: {"unknown_parent"}}
    assert not KazakhCourt.objects.filter(code="astana-esil-district").exists()
    assert confirm(client, response).status_code == 302
    assert KazakhCourt.objects.filter(code="astana-esil-district").exists()


def test_the_import_service_checks_the_rows_it_is_given(users):
    """Rows carried between the steps are checked again: a row naming an unknown region is refused."""
    row = catalogs.CourtRow(2, "astana-esil-district", "Сот", "Суд", None, "district", "atlantis", None)
    with pytest.raises(catalogs.ValidationError) as refused:
        catalogs.court_import_apply(actor=users["ir_officer"], rows=[row.as_data()])
    assert refused.value.code == "import_changed"
    with pytest.raises(catalogs.ValidationError):
        catalogs.court_import_apply(actor=users["ir_officer"], rows=[{**row.as_data(), "row": "2"}])
    with pytest.raises(PermissionDenied):
        catalogs.court_import_apply(actor=users["chairman"], rows=[])
    assert not KazakhCourt.objects.filter(code="astana-esil-district").exists()
