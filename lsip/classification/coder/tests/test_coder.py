"""The coders as a researcher or a page uses them: real ONS files, no Django, no database."""

import subprocess
import sys

import pytest

from lsip.classification.coder import Method, Status, load_sic_coder, load_soc_coder


@pytest.fixture(scope="module")
def soc(refdata_folder_module):
    return load_soc_coder(str(refdata_folder_module))


@pytest.fixture(scope="module")
def sic(refdata_folder_module):
    return load_sic_coder(str(refdata_folder_module))


@pytest.mark.parametrize(
    ("title", "unit_group"),
    [
        ("Care assistant", "6135"),
        ("snr care asst - nights", "6136"),  # senior care workers have their own unit group
        ("CNC setter/operator", "5221"),
        ("Trainee accountant", "2421"),  # trainees are coded to the job they train for
        ("Apprentice electrician", "5241"),
        ("Sofware developer", "2134"),  # a typo
        ("Kitchen porter £11.44 per hour", "9263"),  # pay
        ("Warehouse Operatives x2 - Telford (Temporary)", "9252"),  # count, place, contract
        ("HGV Class 1 Driver", "8211"),
        ("Barista", "9266"),
        ("Care assts (Part Time)", "6135"),  # an abbreviation in the plural
        ("HGV mechs", "5231"),  # mechanics, not "mechanical"
        ("RGNs - nights", "2237"),  # an acronym in the plural
        ("Bookeeper", "4122"),  # a common misspelling, not a zookeeper
        ("Trainee coach maker's asst", "9139"),  # a coach maker's assistant, not a coach maker
        ("Apprentice assistant collectors", "4111"),  # an assistant collector, not a collector
        ("Trainee contracts consultant", "3549"),  # "contracts" is the job here, not the terms
        # named by its unit group's title, not by the sub-unit group "Sign makers and writers"
        ("Senior writer", "3412"),
    ],
)
def test_real_titles_get_their_unit_group(soc, title, unit_group):
    result = soc.code(title)
    assert result.status == Status.CODED
    assert result.code == unit_group


def test_a_result_says_how_it_was_reached_with_an_extended_code_and_candidates(soc):
    exact = soc.code("Care assistant")
    assert exact.method == Method.EXACT
    assert exact.candidates[0].extended_code.startswith("6135/")
    assert exact.candidates[0].title == "Care workers and home carers"
    assert 0.5 < exact.confidence <= 1.0
    assert soc.code("Trainee accountant").method == Method.RULE
    ranked = soc.code("Heavy goods lorry driver for supermarket deliveries")
    assert ranked.method in (Method.RANKED, Method.SEMANTIC)  # SEMANTIC with the word table
    assert len(ranked.candidates) > 1


def test_a_qualifier_or_description_decides_a_title_the_index_codes_several_ways(soc):
    alone = soc.code("Managing director")
    assert alone.status == Status.NOT_CODABLE  # ONS needs to know the industry
    assert soc.code("Managing director (retail)").code == "1150"
    assert soc.code("Consultant", description="hospital").code == "2212"
    assert soc.code("Consultant", industry="management consultancy").candidates[0].code == "2431"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("", Status.EMPTY),
        ("   ", Status.EMPTY),
        (None, Status.EMPTY),
        ("x" * 10_000, Status.TOO_LONG),
        ("12345", Status.NO_WORDS),
        ("--- / ---", Status.NO_WORDS),
        ("Строитель", Status.NOT_LATIN),
        ("Company director", Status.NOT_CODABLE),  # ONS codes it only with more information
    ],
)
def test_text_that_cannot_be_coded_says_why_and_gets_no_code(soc, text, status):
    result = soc.code(text)
    assert result.status == status
    assert result.code == ""


def test_nonsense_is_sent_for_review_not_coded(soc):
    result = soc.code("Zxqv blorp")
    assert result.status == Status.NEEDS_REVIEW
    assert result.code == ""


def test_a_learned_mapping_is_used_first(soc):
    learned = {"wrangler": "9119"}
    assert soc.code("Wrangler", learned=learned).code == "9119"
    assert soc.code("Wrangler", learned=learned).method == Method.LEARNED


def test_a_batch_gives_the_same_answers_as_one_at_a_time(soc):
    titles = ["Care assistant", "", "Sofware developer", "Chef de partie"]
    assert [r.code for r in soc.code_many(titles)] == [soc.code(t).code for t in titles]


@pytest.mark.parametrize(
    ("description", "subclass"),
    [
        ("We make bespoke kitchens", "31020"),
        ("Fish and chip shop", "56103"),
        ("Secondary school", "85310"),
        ("Dental practice", "86230"),
        # the words match "Motor car (manufacture)", though it is not among the activities
        # nearest in meaning; it was once beaten by "Other manufacturing n.e.c."
        ("Car manufacturing", "29100"),
        ("Automotive manufacturer", "29100"),  # the index says "motor vehicle", not automotive
    ],
)
def test_business_descriptions_get_their_sic_subclass(sic, description, subclass):
    assert sic.code(description).candidates[0].code == subclass


def test_a_vague_description_takes_the_group_that_many_activities_match(sic):
    """ "Food production" matches steam supply (35300) a little better than any one food
    manufacture, but matches several of group 108: food it is."""
    assert sic.code("Food production").candidates[0].code.startswith("10")


def test_a_long_description_within_the_sic_limit_is_coded(sic):
    description = (
        "We make bespoke kitchens for homes in Shropshire, Herefordshire and Telford: fitted "
        "kitchens, worktops and cabinets designed and built in our own workshop by a small "
        "team of joiners who have served local families and builders for more than thirty "
        "years, and we also fit them."
    )
    assert len(description) > 200  # longer than a job title may be
    result = sic.code(description)
    assert result.status != Status.TOO_LONG
    assert result.candidates[0].code == "31020"


def test_bad_descriptions_say_why(sic):
    assert sic.code("").status == Status.EMPTY
    assert sic.code("x" * 10_000).status == Status.TOO_LONG
    assert sic.code("999").status == Status.NO_WORDS


def test_the_coder_imports_nothing_from_django(refdata_folder_module):
    program = (
        "import sys; from lsip.classification.coder import code_occupation;"
        f"r = code_occupation('Care assistant', source={str(refdata_folder_module)!r});"
        "assert r.code == '6135', r;"
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')]"
    )
    subprocess.run([sys.executable, "-c", program], check=True)


def test_abbreviations_are_written_out_in_the_plural_too():
    from lsip.classification.coder.normalise import tokens

    assert tokens("Care assts") == ("care", "assistant")
    assert tokens("Shift supvs") == ("supervisor",)  # "shift" says nothing of the job
    assert tokens("Asst mgrs") == ("assistant", "manager")
    assert tokens("Cleaner, flexible hrs") == ("cleaner",)  # hours, not human resources
    assert tokens("GPS engineer") == ("gps", "engineer")  # satellites, not general practice
