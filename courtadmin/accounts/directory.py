"""Directory sign-in (LDAP, Active Directory): an option, on when LDAP_SERVER_URI is set
(settings.py, docs/deployment.md).

The directory checks the password of a portal account, and nothing more. A directory account
signs in as the portal user of the same user name, which the personnel office made; the
directory makes no user, and gives no position, reach, staff or superuser flag: those stay
the organisation keeper's, with a second person's confirmation. The second factor applies
after it as after a local password. Without the directory (down, or the account unknown to
it), the local password of an account that has one still works: the embedded default and the
administrator's break-glass account.
"""

from django_auth_ldap.backend import LDAPBackend


class DirectoryBackend(LDAPBackend):
    def ldap_to_django_username(self, username):
        # A directory compares names without regard to case; the portal's are lower case.
        return username.strip().lower()
