"""A signing back-end for the fault tests: the portal's own, taking seconds over each PDF, so
that a test can kill the worker while it holds one."""

import time

from courtadmin.documents.signing.portal_ca import PortalCABackend


class SlowBackend(PortalCABackend):
    def sign_pdf(self, pdf: bytes, **kwargs):
        time.sleep(3)
        return super().sign_pdf(pdf, **kwargs)
