"""Django's password forms with GOV.UK markup; each runs AUTH_PASSWORD_VALIDATORS."""

from django.contrib.auth import forms as auth_forms

from lsip.core.forms import mark_errors, style_widgets


class _Govuk:
    #: Field name: (label, hint); set before the GOV.UK messages are made from the labels.
    labels: dict[str, tuple[str, str | None]] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (label, hint) in self.labels.items():
            self.fields[name].label = label
            if hint is not None:
                self.fields[name].help_text = hint
        style_widgets(self)

    def full_clean(self):
        super().full_clean()
        mark_errors(self)


class PasswordChangeForm(_Govuk, auth_forms.PasswordChangeForm):
    labels = {
        "old_password": ("Current password", None),
        "new_password2": ("Confirm new password", ""),
    }


class PasswordResetForm(_Govuk, auth_forms.PasswordResetForm):
    labels = {"email": ("Email address", "The address you sign in with")}


class SetPasswordForm(_Govuk, auth_forms.SetPasswordForm):
    labels = {"new_password2": ("Confirm new password", "")}
