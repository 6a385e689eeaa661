"""WSGI entry point, served by waitress in `lsip serve`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lsip.config.settings")
application = get_wsgi_application()
