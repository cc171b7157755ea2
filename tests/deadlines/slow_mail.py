"""An e-mail back-end for the worker test: writes the message like Django's file back-end,
then waits, so that the test can kill the worker between the send and its commit."""

import time

from django.core.mail.backends.filebased import EmailBackend


class SlowFileBackend(EmailBackend):
    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        time.sleep(1.5)
        return sent
