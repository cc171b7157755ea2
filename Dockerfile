# Image of the courtadmin portal: gunicorn by default; the same image runs the Celery
# worker and beat and the one-shot migration (see docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=courtadmin.settings_production \
    COURTADMIN_VAR_DIR=/var/lib/courtadmin \
    STATIC_ROOT=/app/staticfiles \
    PRIVATE_MEDIA_ROOT=/var/lib/courtadmin/media

# WeasyPrint's system libraries (Pango, HarfBuzz, fontconfig, a base font) and gettext
# for compilemessages.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz0b \
        libharfbuzz-subset0 \
        libfontconfig1 \
        fonts-dejavu-core \
        gettext \
    && rm -rf /var/lib/apt/lists/*

# The portal runs as this user, never as root.
RUN groupadd --gid 10001 courtadmin \
    && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /var/lib/courtadmin \
        --shell /usr/sbin/nologin courtadmin

WORKDIR /app

# Dependencies first, so that a code change does not reinstall them.
# The build constraint pins an older setuptools for the one sdist that needs it.
COPY requirements.txt build-constraints.txt ./
RUN pip install --no-cache-dir --upgrade "pip>=25.3" \
    && pip install --no-cache-dir --build-constraint build-constraints.txt -r requirements.txt

COPY . .

# Build-time only: production settings refuse to load without SECRET_KEY and DATABASE_URL,
# so these RUN lines get throwaway values. They are not kept in the image's environment.
RUN DJANGO_SETTINGS_MODULE=courtadmin.settings_production \
    SECRET_KEY=build-only-not-secret \
    DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py compilemessages
RUN DJANGO_SETTINGS_MODULE=courtadmin.settings_production \
    SECRET_KEY=build-only-not-secret \
    DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    STATIC_ROOT=/app/staticfiles \
    python manage.py collectstatic --noinput \
    && rm -f /tmp/build.sqlite3

# Writable state lives under /var/lib/courtadmin (private media, beat schedule). The
# subdirectories exist in the image so that named volumes mounted there start out owned
# by the courtadmin user. /app itself stays owned by root and read-only to the portal.
RUN mkdir -p /var/lib/courtadmin/media /var/lib/courtadmin/beat \
    && chown -R courtadmin:courtadmin /var/lib/courtadmin

USER courtadmin

EXPOSE 8000

CMD ["gunicorn", "courtadmin.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "--forwarded-allow-ips=*"]
