"""The session engine (SESSION_ENGINE): Django's database sessions, in PortalSession rows."""

from datetime import UTC, datetime

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

# Keys of the session's own data that the middleware and the sign-in signal keep current.
STARTED_KEY = "courtadmin_started"
LAST_SEEN_KEY = "courtadmin_last_seen"
ADDRESS_KEY = "courtadmin_address"
AGENT_KEY = "courtadmin_agent"


def _moment(timestamp):
    return datetime.fromtimestamp(timestamp, UTC) if timestamp else None


class SessionStore(DatabaseSessionStore):
    @classmethod
    def get_model_class(cls):
        from .models import PortalSession

        return PortalSession

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        user_id = data.get(SESSION_KEY)
        session.user_id = int(user_id) if user_id is not None else None
        session.ip_address = data.get(ADDRESS_KEY)
        session.user_agent = data.get(AGENT_KEY, "")
        session.started_at = _moment(data.get(STARTED_KEY))
        session.last_seen_at = _moment(data.get(LAST_SEEN_KEY))
        return session
