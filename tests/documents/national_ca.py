"""A test stand-in of the national certification authority, and of NCALayer.

What lives off the portal's server is played here, on loopback: a root that plays the
national CA, with its OCSP responder and its time-stamping authority answering over HTTP,
an NCANode-compatible service that verifies GOST signatures (its /cms/verify), and the
signer's NCALayer (a WebSocket server speaking NCALayer's protocol) holding a key the root
issued. The portal talks to them as it would to the real ones.
"""

import asyncio
import base64
import json
import os
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from asn1crypto import cms, keys, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509 import ocsp
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID
from pyhanko.keys import load_private_key_from_pemder_data
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from courtadmin.documents.signing import run_coroutine
from courtadmin.documents.signing.pki import fingerprint
from courtadmin.documents.signing.timestamps import TokenAuthority

ROOT_NAME = "ҰЛТТЫҚ КО (RSA) TEST"


def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _pkcs8(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


class Holder:
    """A key and its certificate, as NCALayer holds them for the signer."""

    def __init__(self, key, certificate, chain):
        self.key, self.certificate, self.chain = key, certificate, chain

    def cms_over(self, digest: bytes) -> bytes:
        """What NCALayer's createCAdESFromBase64Hash answers: a detached CMS whose signed
        attributes carry `digest` as the message digest."""
        signer = signers.SimpleSigner(
            signing_cert=_asn1(self.certificate),
            signing_key=load_private_key_from_pemder_data(_pkcs8(self.key), passphrase=None),
            cert_registry=SimpleCertificateStore.from_certs([_asn1(cert) for cert in self.chain]),
        )
        return run_coroutine(signer.async_sign(digest, "sha256")).dump()


class GostHolder:
    """A certificate with a GOST 34.310 key, as the national CA issues them. No Python library
    signs with such a key, so its CMS carries the right signed attributes and a signature
    value only the NCANode stand-in judges (`NationalTestCA.ncanode_says_valid`)."""

    GOST_2015 = "1.2.398.3.10.1.1.2.3.1"

    def __init__(self, certificate: asn1_x509.Certificate, chain):
        self.asn1, self.chain = certificate, chain
        self.certificate = x509.load_der_x509_certificate(certificate.dump())

    def cms_over(self, digest: bytes) -> bytes:
        signed_attrs = cms.CMSAttributes(
            [
                cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
                cms.CMSAttribute({"type": "message_digest", "values": [digest]}),
            ]
        )
        signer = cms.SignerInfo(
            {
                "version": "v1",
                "sid": cms.SignerIdentifier(
                    "issuer_and_serial_number",
                    {"issuer": self.asn1.issuer, "serial_number": self.asn1.serial_number},
                ),
                "digest_algorithm": {"algorithm": "sha256"},
                "signed_attrs": signed_attrs,
                "signature_algorithm": {"algorithm": "1.2.398.3.10.1.1.2.3.2"},
                "signature": os.urandom(128),
            }
        )
        signed_data = cms.SignedData(
            {
                "version": "v1",
                "digest_algorithms": [{"algorithm": "sha256"}],
                "encap_content_info": {"content_type": "data"},
                "certificates": [self.asn1, *(_asn1(cert) for cert in self.chain)],
                "signer_infos": [signer],
            }
        )
        return cms.ContentInfo({"content_type": "signed_data", "content": signed_data}).dump()


class NationalTestCA:
    def __init__(self):
        now = datetime.now(UTC)
        self.root_key = _key()
        root_name = x509.Name(
            [x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"), x509.NameAttribute(NameOID.COMMON_NAME, ROOT_NAME)]
        )
        self.root = (
            x509.CertificateBuilder()
            .subject_name(root_name)
            .issuer_name(root_name)
            .public_key(self.root_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.root_key.public_key()), critical=False)
            .sign(self.root_key, hashes.SHA256())
        )
        self.revoked: dict[int, datetime] = {}
        self.issued: dict[int, x509.Certificate] = {}
        self.ncanode_says_valid = True
        self.ncanode_requests: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.tsa_key = _key()
        self.tsa = self._issue(self.tsa_key, "TSA TEST", eku=ExtendedKeyUsageOID.TIME_STAMPING)
        self.issued[self.tsa.serial_number] = self.tsa

    # --- certificates ------------------------------------------------------------------

    def _issue(self, key, common_name: str, *, iin: str = "", eku=None) -> x509.Certificate:
        attributes = [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
        if iin:
            attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, f"IIN{iin}"))
        now = datetime.now(UTC)
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name(attributes))
            .issuer_name(self.root.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(hours=1))
            .not_valid_after(now + timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.root_key.public_key()), critical=False
            )
            # Where its status is asked, as the national CA's certificates say.
            .add_extension(
                x509.AuthorityInformationAccess(
                    [
                        x509.AccessDescription(
                            AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(f"{self.url}/ocsp")
                        )
                    ]
                ),
                critical=False,
            )
        )
        if eku is not None:
            builder = builder.add_extension(
                x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True
            ).add_extension(x509.ExtendedKeyUsage([eku]), critical=True)
        else:
            builder = builder.add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
            )
        return builder.sign(self.root_key, hashes.SHA256())

    def holder(self, *, iin: str, name: str = "ТЕСТОВ ТЕСТ") -> Holder:
        key = _key()
        certificate = self._issue(key, name, iin=iin)
        self.issued[certificate.serial_number] = certificate
        return Holder(key, certificate, [self.root])

    def gost_holder(self, *, iin: str, name: str = "ТЕСТОВ ТЕСТ") -> GostHolder:
        """A certificate the root signs (RSA) over a GOST 34.310 public key."""
        tbs = _asn1(self._issue(_key(), name, iin=iin))["tbs_certificate"].copy()
        tbs["subject_public_key_info"] = keys.PublicKeyInfo(
            {"algorithm": {"algorithm": GostHolder.GOST_2015}, "public_key": os.urandom(64)}
        )
        signature = self.root_key.sign(tbs.dump(force=True), padding.PKCS1v15(), hashes.SHA256())
        certificate = asn1_x509.Certificate(
            {"tbs_certificate": tbs, "signature_algorithm": {"algorithm": "sha256_rsa"}, "signature_value": signature}
        )
        holder = GostHolder(certificate, [self.root])
        self.issued[holder.certificate.serial_number] = holder.certificate
        return holder

    def revoke(self, holder: Holder) -> None:
        self.revoked[holder.certificate.serial_number] = datetime.now(UTC) - timedelta(minutes=1)

    def install(self, settings, folder) -> None:
        """Make the portal trust this root and ask this responder and this TSA."""
        path = folder / "root.cer"
        path.write_bytes(self.root.public_bytes(serialization.Encoding.DER))
        settings.NATIONAL_SIGNING = True
        settings.NCA_TRUST_DIR = str(folder)
        settings.NCA_TRUST_FINGERPRINTS = [fingerprint(_asn1(self.root))]
        settings.NCA_OCSP_URL = f"{self.url}/ocsp"
        settings.NCA_CRL_URLS = []
        settings.TSA_URL = f"{self.url}/tsa"
        settings.NCANODE_URL = self.url

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- the responder and the TSA ----------------------------------------------------

    def ocsp_answer(self, body: bytes) -> bytes:
        request = ocsp.load_der_ocsp_request(body)
        now = datetime.now(UTC)
        serial = request.serial_number
        certificate = self.issued.get(serial)
        if certificate is None:
            return ocsp.OCSPResponseBuilder.build_unsuccessful(ocsp.OCSPResponseStatus.UNAUTHORIZED).public_bytes(
                serialization.Encoding.DER
            )
        revoked_at = self.revoked.get(serial)
        builder = ocsp.OCSPResponseBuilder().add_response(
            cert=certificate,
            issuer=self.root,
            algorithm=hashes.SHA1(),  # noqa: S303 - the CertID hash of the request
            cert_status=ocsp.OCSPCertStatus.REVOKED if revoked_at else ocsp.OCSPCertStatus.GOOD,
            this_update=now - timedelta(minutes=1),
            next_update=now + timedelta(hours=12),
            revocation_time=revoked_at,
            revocation_reason=x509.ReasonFlags.key_compromise if revoked_at else None,
        )
        builder = builder.responder_id(ocsp.OCSPResponderEncoding.HASH, self.root)
        return builder.sign(self.root_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)

    def tsa_answer(self, body: bytes) -> bytes:
        authority = TokenAuthority(
            certificate=_asn1(self.tsa),
            key=load_private_key_from_pemder_data(_pkcs8(self.tsa_key), passphrase=None),
            chain=[_asn1(self.root)],
            policy="2.25.1",
        )
        return run_coroutine(authority.async_request_tsa_response(tsp.TimeStampReq.load(body))).dump()

    def ncanode_answer(self, body: bytes) -> bytes:
        self.ncanode_requests.append(json.loads(body))
        return json.dumps({"status": 200, "valid": self.ncanode_says_valid}).encode()

    def _handler(self):
        ca = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the standard library's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if self.path == "/ocsp":
                    answer, kind = ca.ocsp_answer(body), "application/ocsp-response"
                elif self.path == "/tsa":
                    answer, kind = ca.tsa_answer(body), "application/timestamp-reply"
                elif self.path == "/cms/verify":
                    answer, kind = ca.ncanode_answer(body), "application/json"
                else:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        return Handler


class NCALayerStandIn:
    """NCALayer's WebSocket protocol on loopback: on connection it tells its version; to
    `kz.gov.pki.knca.commonUtils` / `createCAdESFromBase64Hash` it answers the holder's CMS
    over the given digest (`{"code": "200", "responseObject": <base64>}`)."""

    def __init__(self, holder: Holder):
        self.holder = holder
        self.requests: list[dict] = []
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,), daemon=True).start()
        ready.wait(10)
        self.url = f"ws://127.0.0.1:{self.port}"

    def _run(self, ready):
        from websockets.asyncio.server import serve

        async def main():
            async with serve(self._session, "127.0.0.1", 0) as server:
                self.port = server.sockets[0].getsockname()[1]
                self.stop = self.loop.create_future()
                ready.set()
                await self.stop

        self.loop.run_until_complete(main())

    async def _session(self, connection):
        await connection.send(json.dumps({"result": {"version": "1.4"}}))
        async for message in connection:
            request = json.loads(message)
            self.requests.append(request)
            if request.get("method") == "createCAdESFromBase64Hash":
                digest = base64.b64decode(request["args"][2])
                cms = await asyncio.to_thread(self.holder.cms_over, digest)
                answer = {"code": "200", "responseObject": base64.b64encode(cms).decode()}
            else:
                answer = {"code": "500", "message": "unknown method"}
            await connection.send(json.dumps(answer))

    def close(self):
        self.loop.call_soon_threadsafe(self.stop.set_result, None)
