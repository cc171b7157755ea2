# Image of the courtadmin portal: gunicorn by default; the same image runs the Celery
# worker and beat and the one-shot migration (see docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=courtadmin.settings_production \
    COURTADMIN_VAR_DIR=/var/lib/courtadmin \
    STATIC_ROOT=/app/staticfiles \
    PRIVATE_MEDIA_ROOT=/var/lib/courtadmin/media

# WeasyPrint's system libraries (Pango, HarfBuzz, fontconfig, a base font), gettext for
# compilemessages, and OpenLDAP's and SASL's libraries for directory sign-in.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz0b \
        libharfbuzz-subset0 \
        libfontconfig1 \
        fonts-dejavu-core \
        gettext \
        libldap-2.5-0 \
        libsasl2-2 \
    && rm -rf /var/lib/apt/lists/*

# The portal runs as this user, never as root.
RUN groupadd --gid 10001 courtadmin \
    && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /var/lib/courtadmin \
        --shell /usr/sbin/nologin courtadmin

WORKDIR /app

# Dependencies first, so that a code change does not reinstall them. The build constraint
# pins an older setuptools for the one sdist that needs it; python-ldap (directory sign-in)
# compiles against OpenLDAP's headers, which leave the image with the compiler.
COPY requirements.txt requirements-directory.txt build-constraints.txt ./
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev libldap2-dev libsasl2-dev \
    && pip install --no-cache-dir --upgrade "pip>=25.3" \
    && pip install --no-cache-dir --build-constraint build-constraints.txt \
        -r requirements.txt -r requirements-directory.txt \
    && apt-get purge -y --auto-remove gcc libc6-dev libldap2-dev libsasl2-dev \
    && rm -rf /var/lib/apt/lists/*

COPY . .

# Build-time steps under the base settings, which need no secret (the production settings
# refuse to load without the secrets that only the server's .env holds), with their
# throwaway local state in /tmp/build, removed after. The static files and catalogs are the
# same under both settings: the same storage, the same apps.
RUN export DJANGO_SETTINGS_MODULE=courtadmin.settings COURTADMIN_VAR_DIR=/tmp/build \
    && python manage.py compilemessages -v 0 \
    && python manage.py collectstatic --noinput -v 0 \
    && rm -rf /tmp/build

# Writable state lives under /var/lib/courtadmin (private media, beat schedule). The
# subdirectories exist in the image so that named volumes mounted there start out owned
# by the courtadmin user. /app itself stays owned by root and read-only to the portal.
RUN mkdir -p /var/lib/courtadmin/media /var/lib/courtadmin/beat \
    && chown -R courtadmin:courtadmin /var/lib/courtadmin

USER courtadmin

EXPOSE 8000

CMD ["gunicorn", "courtadmin.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "--forwarded-allow-ips=*"]
