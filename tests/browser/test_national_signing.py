"""In a real browser (issue 26): a head signs with his own national EDS. The page's client
speaks NCALayer's protocol to a stand-in on loopback (NCALayer lives on the signer's own
computer, never on the server) holding a key a test root issued; the test's OCSP responder
and TSA answer the portal. The PDF is PAdES B-LT: pyHanko validates it from what it carries,
pdfsig finds the signature valid. A key naming another IIN is refused on the page."""

import copy
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from courtadmin.accounts.services import second_factor_enrol, second_factor_enrolment_start
from courtadmin.documents.demo import load_demo_signing
from courtadmin.documents.models import Document
from courtadmin.org.models import Person
from tests.browser.test_second_factor import sign_in_with_password
from tests.browser.test_signing import code_at
from tests.conftest import DEMO_TEST_PASSWORD, required_tool
from tests.documents.conftest import approved
from tests.documents.national_ca import NationalTestCA, NCALayerStandIn
from tests.documents.test_national_signature import HEAD_IIN, OTHER_IIN, offline_status


@pytest.fixture
def national(settings, tmp_path):
    ca = NationalTestCA()
    ca.install(settings, tmp_path)
    yield ca
    ca.close()


@pytest.fixture
def ncalayer(settings):
    """Start NCALayer's stand-in holding a key, and let the page's policy reach it."""
    started = []

    def start(holder) -> NCALayerStandIn:
        stand_in = NCALayerStandIn(holder)
        started.append(stand_in)
        settings.NCALAYER_URL = stand_in.url
        policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
        policy["DIRECTIVES"]["connect-src"] = [*policy["DIRECTIVES"]["connect-src"], stand_in.url]
        settings.CONTENT_SECURITY_POLICY = policy
        return stand_in

    yield start
    for stand_in in started:
        stand_in.close()


def open_signing_page(page, people, document):
    load_demo_signing(people)
    head = people["ir_head"].user
    Person.objects.filter(pk=people["ir_head"].pk).update(iin=HEAD_IIN)
    device = second_factor_enrolment_start(user=head)
    second_factor_enrol(user=head, device=device, code=code_at(device, -1))
    device.refresh_from_db()
    sign_in_with_password(page, "ir_head")
    page.wait_for_url(lambda url: "/accounts/second-factor/" in url)
    page.fill("#id_code", code_at(device, 0))
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "second-factor" not in url)
    page.goto(f"/documents/{document.pk}/sign/")
    page.fill("#id_national-password", DEMO_TEST_PASSWORD)
    page.fill("#id_national-code", code_at(device, 1))


def test_a_head_signs_with_his_national_eds_through_ncalayer_ir_13(page, people, national, ncalayer, tmp_path):
    document = approved(people["ir_officer"].user, subject="Семинар туралы хат / Письмо о семинаре")
    holder = national.holder(iin=HEAD_IIN)
    stand_in = ncalayer(holder)
    open_signing_page(page, people, document)
    page.click("#sign-with-eds")
    page.wait_for_selector("#pdf-download", timeout=60_000)
    # NCALayer was asked for a CMS over the digest, as its protocol says.
    request = stand_in.requests[-1]
    assert (request["module"], request["method"]) == ("kz.gov.pki.knca.commonUtils", "createCAdESFromBase64Hash")
    document.refresh_from_db()
    assert document.status == Document.Status.SIGNED and document.signature.backend == "national"
    data = document.pdf_file.read()

    national.close()  # nothing is asked of the network from here on
    # pyHanko runs its own event loop: in a thread of its own, beside the browser's.
    with ThreadPoolExecutor(1) as pool:
        status = pool.submit(offline_status, data).result()
    assert status.bottom_line and status.timestamp_validity.trusted
    assert status.signing_cert.serial_number == holder.certificate.serial_number

    path = tmp_path / "signed.pdf"
    path.write_bytes(data)
    report = subprocess.run([required_tool("pdfsig"), str(path)], capture_output=True, text=True, check=True).stdout  # noqa: S603
    assert "Signature is Valid" in report and "ETSI.CAdES.detached" in report

    # /verify/ reports it, from the file alone.
    page.goto("/verify/")
    page.set_input_files("#id_file", str(path))
    page.click("main form button[type=submit]")
    page.wait_for_selector("#verify-facts")
    assert "alert-success" in page.get_attribute("#verify-result", "class")
    text = page.inner_text("main")
    assert HEAD_IIN in text and document.registration_number in text and "PAdES B-LT" in text
    assert page.console_errors == []


def test_a_key_naming_another_iin_is_refused_on_the_page_ir_13(page, people, national, ncalayer):
    document = approved(people["ir_officer"].user)
    ncalayer(national.holder(iin=OTHER_IIN))
    open_signing_page(page, people, document)
    page.click("#sign-with-eds")
    page.wait_for_selector(".national-error:not(.d-none)", timeout=60_000)
    assert OTHER_IIN in page.inner_text(".national-error")
    assert not page.locator("#sign-with-eds").is_disabled()
    document.refresh_from_db()
    assert document.status == Document.Status.APPROVED
