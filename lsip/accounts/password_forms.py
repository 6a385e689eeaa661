"""Django's password forms with GOV.UK markup; each runs AUTH_PASSWORD_VALIDATORS."""

from django.contrib.auth import forms as auth_forms

from lsip.core.forms import mark_errors, style_widgets


class _Govuk:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)

    def full_clean(self):
        super().full_clean()
        mark_errors(self)


class PasswordChangeForm(_Govuk, auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["new_password2"].label = "Confirm new password"
        self.fields["new_password2"].help_text = ""


class PasswordResetForm(_Govuk, auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].help_text = "The address you sign in with"


class SetPasswordForm(_Govuk, auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password2"].label = "Confirm new password"
        self.fields["new_password2"].help_text = ""
