"""The canonical SOC and SIC code forms, and reading what people type."""

import pytest

from lsip.classification.codes import (
    sic_code,
    sic_five_digits,
    soc_ext_code,
    soc_group_code,
)


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("c", "C"),
        (" 10 ", "10"),
        ("105", "10.5"),
        ("10.5", "10.5"),
        ("1051", "10.51"),
        ("10.51", "10.51"),
        ("10510", "10.51"),
        ("01110", "01.11"),
        ("10511", "10.51/1"),
        ("10.51/1", "10.51/1"),
        ("10.511", "10.51/1"),
        ("bakery", None),
        ("1", None),
        ("10/1", None),
        ("105111", None),
        ("", None),
    ],
)
def test_sic_codes_are_read_in_any_form(typed, canonical):
    assert sic_code(typed) == canonical


def test_classes_and_subclasses_have_a_five_digit_form():
    assert sic_five_digits("01.11") == "01110"
    assert sic_five_digits("10.51/1") == "10511"


def test_soc_codes():
    assert soc_group_code(" 6135 ") == "6135"
    assert soc_group_code("61355") is None
    assert soc_ext_code("2433/04") == "2433/04"
    assert soc_ext_code("}}}}/}}") is None
