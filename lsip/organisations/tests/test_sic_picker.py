"""An organisation's SIC code is chosen from the SIC 2007 list once it is installed."""

from lsip.core.widgets import Picker
from lsip.organisations.forms import OrganisationForm, sic_choices
from lsip.organisations.models import Organisation
from lsip.refdata.install import install


def test_without_the_sic_files_the_code_is_typed(marches):
    form = OrganisationForm(area=marches)
    assert not isinstance(form.fields["sic_code"].widget, Picker)
    assert sic_choices() == []


def test_the_picker_offers_subclasses_and_classes_without_them(marches, refdata_folder):
    install(source_dir=refdata_folder, keys=["sic2007-structure"])
    choices = dict(sic_choices())
    assert choices["43120"] == "43120 Site preparation"  # class 43.12 has no subclasses
    assert "10511" in choices  # subclass 10.51/1
    assert "10510" not in choices  # class 10.51 is divided into subclasses
    form = OrganisationForm(area=marches)
    assert isinstance(form.fields["sic_code"].widget, Picker)
    assert 'data-module="lsip-picker"' in str(form["sic_code"])


def test_a_code_the_list_lacks_is_kept_as_a_choice(marches, refdata_folder):
    install(source_dir=refdata_folder, keys=["sic2007-structure"])
    odd = Organisation.objects.create(area=marches, name="Old", type="employer", sic_code="99999")
    form = OrganisationForm(area=marches, instance=odd)
    assert '<option value="99999" selected>99999</option>' in str(form["sic_code"])
