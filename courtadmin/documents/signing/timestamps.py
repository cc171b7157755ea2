"""Time-stamps on every signature (PAdES B-T).

A configured time-stamping authority (`TSA_URL`, RFC 3161 over HTTP: the national CA's in
production) stamps each signature; without one, the portal's own authority does, with a
certificate it issues itself for time-stamping only. The same `TokenAuthority` answers the
time-stamp requests of the portal and of the test TSA the tests start on loopback.
"""

import hashlib
import secrets
from datetime import UTC, datetime

from asn1crypto import cms, tsp
from asn1crypto import x509 as asn1_x509
from django.conf import settings
from pyhanko.sign import signers
from pyhanko.sign.timestamps import HTTPTimeStamper, TimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from . import run_coroutine

# The policy under which the portal's own authority stamps: an identifier made from a UUID
# (ITU-T X.667, the 2.25 arc), which needs no registration.
PORTAL_TSA_POLICY = "2.25.306951100940778363984758460751543154016"


class TokenAuthority(TimeStamper):
    """A time-stamping authority held in this process: a certificate whose extended key usage
    is time-stamping alone, and its key. Each answer is a signed TSTInfo (RFC 3161)."""

    def __init__(self, *, certificate: asn1_x509.Certificate, key, chain: list[asn1_x509.Certificate], policy: str):
        super().__init__()
        self.certificate = certificate
        self.policy = policy
        self.signer = signers.SimpleSigner(
            signing_cert=certificate, signing_key=key, cert_registry=SimpleCertificateStore.from_certs(chain)
        )

    def token_info(self, request: tsp.TimeStampReq) -> tsp.TSTInfo:
        info = {
            "version": "v1",
            "policy": self.policy,
            "message_imprint": request["message_imprint"],
            "serial_number": secrets.randbits(63),
            "gen_time": datetime.now(UTC),
            "tsa": asn1_x509.GeneralName(name="directory_name", value=self.certificate.subject),
        }
        if request["nonce"].native is not None:
            info["nonce"] = request["nonce"]
        return tsp.TSTInfo(info)

    async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
        content = cms.EncapsulatedContentInfo(
            {"content_type": "tst_info", "content": cms.ParsableOctetString(self.token_info(req).dump())}
        )
        token = await self.signer.async_sign_general_data(content, "sha256", detached=False)
        return tsp.TimeStampResp({"status": {"status": "granted"}, "time_stamp_token": token})


def timestamper() -> TimeStamper:
    """The configured TSA, or the portal's own authority when none is configured."""
    if settings.TSA_URL:
        return HTTPTimeStamper(settings.TSA_URL, timeout=settings.SIGNING_NETWORK_TIMEOUT)
    from .portal_ca import portal_token_authority

    return portal_token_authority()


def signature_timestamp(signer_info: cms.SignerInfo) -> cms.ContentInfo:
    """A time-stamp token over the signature value: the PAdES B-T unsigned attribute."""
    digest = hashlib.sha256(signer_info["signature"].native).digest()
    return run_coroutine(timestamper().async_timestamp(digest, "sha256"))


def with_timestamp(signed: cms.ContentInfo) -> cms.ContentInfo:
    """The CMS with a signature time-stamp added to its (only) signer's unsigned attributes:
    unsigned, so the signature made in the signer's browser stays valid. The parts are
    reassembled as they came (the signed attributes byte for byte)."""
    signed_data = signed["content"]
    signer_info = signed_data["signer_infos"][0]
    token = signature_timestamp(signer_info)
    unsigned = list(signer_info["unsigned_attrs"]) if signer_info["unsigned_attrs"].native else []
    unsigned.append(cms.CMSAttribute({"type": "signature_time_stamp_token", "values": [token]}))
    kept = ("version", "sid", "digest_algorithm", "signed_attrs", "signature_algorithm", "signature")
    stamped = cms.SignerInfo({**{key: signer_info[key] for key in kept}, "unsigned_attrs": cms.CMSAttributes(unsigned)})
    content = {key: signed_data[key] for key in ("version", "digest_algorithms", "encap_content_info", "certificates")}
    if signed_data["crls"].native:
        content["crls"] = signed_data["crls"]
    content["signer_infos"] = cms.SignerInfos([stamped])
    return cms.ContentInfo({"content_type": "signed_data", "content": cms.SignedData(content)})
