"""Expected failures become one line on stderr that says what and where, and exit status 2."""

import contextlib

import click


def _database_description() -> str:
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"SQLite database {db['NAME']}"
    return f"database {db.get('NAME')} at {db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}"


@contextlib.contextmanager
def friendly_errors():
    from django.core.exceptions import ImproperlyConfigured, ValidationError
    from django.db.utils import OperationalError

    from lsip.refdata.errors import RefdataError

    try:
        yield
    except OperationalError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise click.ClickException(
            f"cannot use the {_database_description()}: {reason} (check DATABASE_URL)"
        ) from None
    except RefdataError as error:
        raise click.ClickException(f"reference data: {error}") from None
    except ValidationError as error:
        messages = (
            [f"{field}: {'; '.join(errs)}" for field, errs in error.message_dict.items()]
            if hasattr(error, "error_dict")
            else error.messages
        )
        raise click.ClickException("; ".join(messages)) from None
    except ImproperlyConfigured as error:
        raise click.ClickException(f"configuration: {error}") from None
