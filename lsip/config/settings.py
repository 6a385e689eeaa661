"""Django settings for lsip, driven by environment variables.

Every variable is listed in ``docs/configuration.md``; a test keeps that list complete.
The defaults run the product on one machine with SQLite. Set ``LSIP_ENV=production`` and
the secret key becomes mandatory.
"""

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BASE_DIR.parent

LSIP_ENV = os.environ.get("LSIP_ENV", "development")
PRODUCTION = LSIP_ENV == "production"

#: Where lsip keeps its SQLite database and the installed reference files.
DATA_DIR = Path(os.environ.get("LSIP_DATA_DIR", PROJECT_DIR / "var")).resolve()

SECRET_KEY = os.environ.get("LSIP_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("LSIP_SECRET_KEY must be set when LSIP_ENV=production")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

#: Off unless asked for: debug pages list every URL and show tracebacks.
DEBUG = os.environ.get("LSIP_DEBUG", "0") == "1"
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("LSIP_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("LSIP_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "lsip.core",
    "lsip.audit",
    "lsip.areas",
    "lsip.geography",
    "lsip.accounts",
    "lsip.organisations",
    "lsip.sectors",
    "lsip.engagement",
    "lsip.refdata",
    "lsip.classification",
    "lsip.economy",
    "lsip.plans",
    "lsip.governance",
    "lsip.jobs",
    "lsip.approval",
    "lsip.delivery",
    "lsip.documents",
    "lsip.national",
    "lsip.interchange",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lsip.audit.middleware.AuditActorMiddleware",
    # A database busy for a moment (SQLite's "database is locked") answers 503, try again.
    "lsip.core.busy.BusyMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the "try again" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lsip.config.urls"
WSGI_APPLICATION = "lsip.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lsip.core.context_processors.product",
            ],
        },
    },
]
FORM_RENDERER = "lsip.core.forms.GovukFormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'lsip.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The worker writes while pages read: WAL lets readers go on during a job's write, and
    # IMMEDIATE takes the write lock at the start of a transaction instead of failing midway.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests use a file, not memory, so that a worker in another process sees the same data.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"lsip-test-{os.getpid()}.sqlite3")
    }
elif os.environ.get("LSIP_TEST_DATABASE_NAME"):
    # Two test runs on one PostgreSQL server (two checkouts, say) each need their own database.
    DATABASES["default"]["TEST"] = {"NAME": os.environ["LSIP_TEST_DATABASE_NAME"]}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

#: Every password set anywhere (sign-up by the CLI, the People page, the admin, the change and
#: reset pages) passes these (SECURITY.md).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": int(os.environ.get("LSIP_PASSWORD_MIN_LENGTH", "10"))},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a sign-in while the account or the address is locked out.
AUTHENTICATION_BACKENDS = [
    "lsip.accounts.lockout.SignInLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
#: Wrong passwords allowed before the account, and separately the address, is locked out.
AXES_FAILURE_LIMIT = int(os.environ.get("LSIP_SIGNIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("LSIP_SIGNIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the page's "try again in N minutes"
AXES_USERNAME_CALLABLE = "lsip.accounts.lockout.username_of"
AXES_CLIENT_IP_CALLABLE = "lsip.accounts.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "lsip.accounts.lockout.locked_out"
#: How many proxies in front of lsip add to X-Forwarded-For (0: the address is the peer's).
LSIP_PROXY_COUNT = int(os.environ.get("LSIP_PROXY_COUNT", "0"))
#: How long a password reset link works (the email settings are below, with the others').
PASSWORD_RESET_TIMEOUT = int(os.environ.get("LSIP_PASSWORD_RESET_HOURS", "24")) * 3600

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files (board papers): never served publicly; pages stream them to those who may
# read the area (see lsip.governance.views.meetings.PaperDownload).
MEDIA_ROOT = DATA_DIR / "media"
WHITENOISE_USE_FINDERS = True


def _flag(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0") == "1"


# HTTPS: on by default in production, each part can be set from the environment (SECURITY.md).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _flag("LSIP_SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = _flag("LSIP_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = int(os.environ.get("LSIP_HSTS_SECONDS", "31536000" if PRODUCTION else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("LSIP_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = _flag("LSIP_HSTS_PRELOAD", PRODUCTION)
if LSIP_PROXY_COUNT:
    # The proxy ends HTTPS and says so; without it every request would look like plain HTTP.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts, styles, images and fonts from lsip itself only;
# no inline script or style anywhere, no plug-ins, no framing, forms post only to lsip.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First: refuses an address that sent too many wrong tokens, then asks the token
        # classes below in turn and counts their refusals.
        "lsip.accounts.api_auth.WrongTokenGuard",
        # A person's named, scoped tokens (lsip_…), then any older DRF token.
        "lsip.accounts.tokens.PersonalTokenAuthentication",
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["lsip.accounts.api_permissions.DenyAll"],
    "DEFAULT_SCHEMA_CLASS": "lsip.core.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "lsip.core.pagination.Pagination",
    "PAGE_SIZE": 100,
    # Requests per address (anonymous) or per person, and wrong tokens per address.
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("LSIP_API_ANON_RATE", "120/minute"),
        "user": os.environ.get("LSIP_API_USER_RATE", "1200/minute"),
        "token_failures": os.environ.get("LSIP_API_TOKEN_FAILURE_RATE", "10/minute"),
    },
    "NUM_PROXIES": LSIP_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "lsip API",
    "DESCRIPTION": (
        "Local Skills Improvement Plans: areas, cycles, organisations, audit, and the SOC 2020 "
        "and SIC 2007 classifications."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Every operation lists the errors it can answer with (lsip.core.openapi).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "lsip.core.openapi.document_errors",
    ],
    "ENUM_NAME_OVERRIDES": {
        "SocLevelEnum": "lsip.classification.models.SocGroup.Level",
        "SicLevelEnum": "lsip.classification.models.SicItem.Level",
        "ReadinessResultEnum": "lsip.approval.api.Result",
        "LifecycleStepEnum": "lsip.approval.models.Step.Kind",
        "MeetingStatusEnum": "lsip.governance.models.Meeting.Status",
        "AttendanceStatusEnum": "lsip.governance.models.Attendance.Status",
        "RegisterStatusEnum": "lsip.governance.models.RegisterEntry.Status",
        "LsifBidStatusEnum": "lsip.governance.models.LsifBid.Status",
        "BoardPersonKindEnum": "lsip.governance.models.Person.Kind",
        "DecisionKindEnum": "lsip.governance.models.Decision.Kind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LSIP_LOG_LEVEL", "WARNING")},
    # A refused or missing page is an answer, not a fault: only errors reach the log.
    "loggers": {"django.request": {"level": "ERROR"}},
}

#: Folder holding copies of the reference files, used when `lsip refdata install` is given
#: no --from and cannot reach the publishers.
REFDATA_FROM = os.environ.get("LSIP_REFDATA_FROM", "")

#: The readiness checker's judgement calls (docs/approval.md says why each default).
LSIP_READINESS = {
    "PRIORITIES_MIN": int(os.environ.get("LSIP_READINESS_PRIORITIES_MIN", "4")),
    "PRIORITIES_MAX": int(os.environ.get("LSIP_READINESS_PRIORITIES_MAX", "6")),
    "MAIN_BODY_PAGES": int(os.environ.get("LSIP_READINESS_MAIN_BODY_PAGES", "30")),
    "EMPLOYERS_PER_GROUP": int(os.environ.get("LSIP_READINESS_EMPLOYERS_PER_GROUP", "1")),
    "SME_SHARE": float(os.environ.get("LSIP_READINESS_SME_SHARE", "0.5")),
    "NON_MEMBER_SHARE": float(os.environ.get("LSIP_READINESS_NON_MEMBER_SHARE", "0.5")),
}

#: The largest survey or interview file the engagement import reads, in megabytes.
LSIP_IMPORT_MAX_MB = float(os.environ.get("LSIP_IMPORT_MAX_MB", "50"))

# Background jobs (docs/jobs.md): django-tasks with its database backend, run by `lsip worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
LSIP_WORKER_HEARTBEAT_SECONDS = float(os.environ.get("LSIP_WORKER_HEARTBEAT_SECONDS", "5"))
LSIP_WORKER_STALE_SECONDS = float(os.environ.get("LSIP_WORKER_STALE_SECONDS", "120"))
LSIP_UPLOAD_RETENTION_DAYS = float(os.environ.get("LSIP_UPLOAD_RETENTION_DAYS", "7"))
#: An upload no job holds (never imported) holds personal data: deleted after this many hours.
LSIP_ABANDONED_UPLOAD_HOURS = float(os.environ.get("LSIP_ABANDONED_UPLOAD_HOURS", "24"))
LSIP_DOWNLOAD_IN_PAGE_ROWS = int(os.environ.get("LSIP_DOWNLOAD_IN_PAGE_ROWS", "5000"))
LSIP_SCHEDULE = {
    "clean-uploads": {
        "kind": "clean-uploads",
        "every_minutes": int(os.environ.get("LSIP_CLEAN_UPLOADS_EVERY_MINUTES", "60")),
        "title": "Delete uploads no job needs any more",
    },
    "delivery-reminders": {
        "kind": "delivery-reminders",
        "every_minutes": int(os.environ.get("LSIP_REMINDERS_EVERY_MINUTES", "360")),
        "title": "Send the update rounds' emails that are due",
    },
}

# Email (docs/configuration.md): the console by default; SMTP when LSIP_EMAIL_HOST is set.
EMAIL_BACKEND = os.environ.get(
    "LSIP_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("LSIP_EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("LSIP_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("LSIP_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("LSIP_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("LSIP_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("LSIP_EMAIL_USE_TLS", "1") == "1"
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("LSIP_EMAIL_FROM", "lsip <noreply@localhost>")
#: The address people reach lsip at, for the links in emails.
LSIP_BASE_URL = os.environ.get("LSIP_BASE_URL", "http://127.0.0.1:8000")
#: How many employer feedback answers one address may send in an hour (docs/delivery.md).
LSIP_FEEDBACK_PER_HOUR = int(os.environ.get("LSIP_FEEDBACK_PER_HOUR", "5"))
