"""Suppliers' contracts for security equipment and services (ISD 6.9): a contract with its
supplier and obligations; the checks of its performance and the defects they find, each
followed to its end (remedied, or a claim once its term has lapsed, then settled); fulfilled
only with no defect open; the supplier's record across the contracts its reader reaches."""

from datetime import timedelta
from decimal import Decimal
from io import BytesIO

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from courtadmin.core.validators import iin_bin_check_digit
from courtadmin.deadlines.models import Deadline
from courtadmin.org.models import Region
from internal_security.models import ContractCheck, ContractDefect, SecurityContract, Supplier
from internal_security.services import contracts as services
from internal_security.workflow import contract_move, defect_move
from tests.conftest import TODAY, refusal_codes

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def a_bin(first_eleven="09034000123") -> str:
    for last in range(10):
        candidate = first_eleven[:-1] + str(last)
        digit = iin_bin_check_digit(candidate)
        if digit is not None:
            return candidate + str(digit)
    raise AssertionError("no BIN")


def a_supplier(people, name="«Қорған Жүйелері» ЖШС", bin_="09034000123"):
    existing = Supplier.objects.filter(bin=a_bin(bin_)).first()
    if existing is not None:
        return existing
    return services.supplier_add(
        actor=people["isd_officer"].user, supplier=Supplier(name=name, bin=a_bin(bin_), contact="Астана қ.")
    )


def a_contract(people, username="isd_almaty", region="almaty", supplier=None, **fields):
    defaults = {
        "number": "45-ТЖ",
        "signed_on": TODAY.date() - timedelta(days=60),
        "subject": "video",
        "courts": "Алматы қалалық соты",
        "amount": Decimal("12500000.00"),
        "obligations": "Бейнебақылау жүйесін орнату және бір жыл қызмет көрсету.",
        "ends_on": TODAY.date() + timedelta(days=300),
    }
    return services.contract_add(
        actor=people[username].user,
        contract=SecurityContract(
            supplier=supplier or a_supplier(people), region=Region.objects.get(code=region), **{**defaults, **fields}
        ),
    )


def a_check(people, contract, defect="Үш камера істемейді", days=10, username="isd_almaty"):
    found = [ContractDefect(description=defect, remedy_by=TODAY.date() + timedelta(days=days))] if defect else []
    return services.check_add(
        actor=people[username].user,
        contract=contract,
        check=ContractCheck(checked_on=TODAY.date(), checked_by="ІҚБ бөлімшесі", findings="Орындалуы тексерілді."),
        defects=found,
    )


def test_a_suppliers_defect_is_followed_to_its_claim_isd_6_9(people, client_for):
    """GIVEN a check finds a defect to be remedied in 10 days
    THEN a claim is refused while that term runs, and the contract cannot be recorded fulfilled;
    once the term has lapsed the claim is made (its number, what is claimed, the penalty) and
    the term closes; the claim is settled; the contract is then fulfilled; the supplier's record
    counts one defect, one claim, none open."""
    contract = a_contract(people)
    check = a_check(people, contract)
    defect = check.defects.get()
    term = Deadline.objects.get(kind="isd.contract_defect", record_id=str(defect.pk))
    assert term.due_on == defect.remedy_by
    almaty = people["isd_almaty"].user
    claim = {"claim_number": "17", "claim_text": "Ақауды жою және тұрақсыздық айыбы", "penalty": Decimal("125000")}
    assert refusal_codes(defect_move, defect=defect, move="claim", actor=almaty, **claim) == {"term_running"}
    assert refusal_codes(contract_move, contract=contract, move="fulfil", actor=almaty, note="Орындалды") == {
        "open_defect"
    }
    with time_machine.travel(TODAY + timedelta(days=12), tick=False):
        defect_move(defect=defect, move="claim", actor=almaty, **claim)
        defect.refresh_from_db()
        assert (defect.status, defect.claim_number, defect.penalty) == ("claimed", "17", Decimal("125000"))
        term.refresh_from_db()
        assert term.state == Deadline.State.MISSED  # the supplier missed it
        assert refusal_codes(defect_move, defect=defect, move="settle", actor=almaty, outcome=" ") == {"required"}
        defect_move(
            defect=defect, move="settle", actor=almaty, outcome="Жеткізуші айыппұл төледі, камералар ауыстырылды."
        )
        contract_move(contract=contract, move="fulfil", actor=almaty, note="Толық орындалды")
    contract.refresh_from_db()
    assert contract.status == SecurityContract.Status.FULFILLED
    record = client_for("isd_head").get(contract.supplier.get_absolute_url()).context["figures"]
    assert (record["contracts"], record["checks"], record["defects"], record["claims"], record["open"]) == (
        1,
        1,
        1,
        1,
        0,
    )


def test_a_remedied_defect_closes_its_term_and_is_not_claimed(people):
    contract = a_contract(people)
    defect = a_check(people, contract).defects.get()
    almaty = people["isd_almaty"].user
    assert refusal_codes(defect_move, defect=defect, move="remedy", actor=almaty, on=None) == {"required"}
    defect_move(defect=defect, move="remedy", actor=almaty, on=TODAY.date())
    assert Deadline.objects.get(kind="isd.contract_defect", record_id=str(defect.pk)).state == Deadline.State.MET
    assert refusal_codes(defect_move, defect=defect, move="claim", actor=almaty, claim_number="1", claim_text=".") == {
        "forbidden_move"
    }
    with pytest.raises(ValidationError) as refused:
        a_check(people, contract, days=0)
    assert refused.value.error_dict["remedy_by"][0].code == "past"


def test_a_contract_is_kept_by_the_isd_and_its_unit_and_a_supplier_counts_only_what_its_reader_reaches(
    people, client_for
):
    theirs = a_contract(people, "isd_head", region="shymkent", number="9-ШЫМ")
    a_check(people, theirs, username="isd_head")
    ours = a_contract(people)
    for username in ("chairman", "ca_head", "isd_head", "isd_officer"):
        assert client_for(username).get(theirs.get_absolute_url()).status_code == 200, username
    for username in ("isd_almaty", "ir_head", "sysadmin", "court_almaty"):
        assert client_for(username).get(theirs.get_absolute_url()).status_code == 404, username
    supplier_url = ours.supplier.get_absolute_url()
    unit = client_for("isd_almaty").get(supplier_url)
    assert [c.pk for c in unit.context["contracts"]] == [ours.pk]
    assert (unit.context["figures"]["contracts"], unit.context["figures"]["defects"]) == (1, 0)
    head = client_for("isd_head").get(supplier_url).context["figures"]
    assert (head["contracts"], head["defects"]) == (2, 1)
    assert client_for("ir_head").get(supplier_url).status_code == 404
    defect = theirs.checks.get().defects.get()
    move = reverse("internal_security:contract-defect-move", args=[theirs.pk, defect.pk, "remedy"])
    assert client_for("isd_almaty").post(move, {f"defect{defect.pk}-remedy-on": "2026-11-24"}).status_code == 404


def test_the_register_is_filtered_and_exported(people, client_for):
    with_defect = a_contract(people)
    a_check(people, with_defect)
    a_contract(people, number="46-СКУД", subject="access", supplier=a_supplier(people, "«Кілт» ЖШС", "10044000567"))
    client = client_for("isd_head")
    url = reverse("internal_security:contract-list")
    assert [c.pk for c in client.get(url + "?open_defects=on").context["contracts"]] == [with_defect.pk]
    assert len(client.get(url + "?subject=access").context["contracts"]) == 1
    assert len(client.get(url + "?text=Кілт").context["contracts"]) == 1
    sheet = load_workbook(
        BytesIO(b"".join(client.get(reverse("internal_security:contract-export")).streaming_content))
    ).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"45-ТЖ", "46-СКУД"} and rows["45-ТЖ"][-1] == 1
    response = client.get(reverse("internal_security:supplier-export"), {"text": "Кілт"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [(row[0], row[3]) for row in sheet.iter_rows(min_row=2, values_only=True)] == [("«Кілт» ЖШС", 1)]


def test_a_refused_check_keeps_what_was_typed(people, client_for):
    contract = a_contract(people)
    page = client_for("isd_almaty").post(
        reverse("internal_security:contract-check-add", args=[contract.pk]),
        {
            "check-checked_on": "2026-11-20",
            "check-checked_by": "Комиссия",
            "check-findings": ".",
            "check-defect": "Ақау",
        },
    )
    assert page.status_code == 200
    form = page.context["check_form"]
    assert form.errors["remedy_by"] and form["defect"].value() == "Ақау"
    with pytest.raises(ValidationError) as refused:
        services.supplier_add(actor=people["isd_officer"].user, supplier=Supplier(name="X", bin="123456789012"))
    assert "bin" in refused.value.error_dict


@pytest.mark.parametrize(
    "name",
    ["contract-list", "contract-create", "contract-export", "supplier-list", "supplier-create", "supplier-export"],
)
def test_the_registers_pages_are_404_to_outsiders(name, people, client_for):
    for username in ("ir_head", "ca_deputy", "sysadmin", "legal_officer", "hr_keeper"):
        assert client_for(username).get(reverse(f"internal_security:{name}")).status_code == 404, username
