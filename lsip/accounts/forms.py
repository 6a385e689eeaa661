from django import forms
from django.contrib.auth.forms import AuthenticationForm

from lsip.accounts.roles import Role
from lsip.core.forms import GovukForm, mark_errors, style_widgets
from lsip.organisations.querysets import organisations_of

#: The roles an ERB admin can give within their area (Skills England's are national).
AREA_ROLES = [r for r in Role if r != Role.SKILLS_ENGLAND_REVIEWER]


class SignInForm(AuthenticationForm):
    """Django's sign-in form with GOV.UK markup and a message that gives nothing away."""

    error_messages = {
        "invalid_login": "Enter a correct email address and password",
        "inactive": "This account has been switched off. Ask your ERB admin.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        style_widgets(self)

    def full_clean(self):
        super().full_clean()
        mark_errors(self)


class GrantRoleForm(GovukForm):
    email = forms.EmailField(label="Email address")
    first_name = forms.CharField(required=False, help_text="Needed only for a new account")
    last_name = forms.CharField(required=False)
    role = forms.ChoiceField(choices=[("", "Choose…"), *((r.value, r.label) for r in AREA_ROLES)])
    organisation = forms.ModelChoiceField(
        queryset=None,  # the area's organisations, set for each form
        required=False,
        help_text="For a partner contributor: the organisation they speak for",
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_of(area)


class TokenForm(GovukForm):
    """A new personal API token: its name and what it may do."""

    name = forms.CharField(
        label="Token name", max_length=100, help_text="What it is for, such as 'College MIS'"
    )
    scope = forms.ChoiceField(
        label="What it may do",
        choices=[("read", "Read only"), ("write", "Read and write (where your roles allow)")],
        widget=forms.RadioSelect,
        initial="read",
    )
