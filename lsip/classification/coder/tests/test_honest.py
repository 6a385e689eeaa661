"""The coder on real job titles: calibrated, honest about ambiguity, reading employers'
words, and using the packaged model with no network (issue 18, docs/coder.md)."""

import subprocess
import sys
from pathlib import Path

import pytest

from lsip.classification.coder import Method, Status, load_sic_coder, load_soc_coder
from lsip.classification.coder.employer import occupation_and_detail, occupations_named

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "benchmarks"))

from evaluation import real_sic_rows, real_soc_sets, right_code  # noqa: E402

#: The automatic precision docs/coder.md claims on the test split of real titles, from the
#: title alone and with the person's description and employer's business.
DOCUMENTED_PRECISION = {False: 0.95, True: 0.85}


@pytest.fixture(scope="module")
def soc(refdata_folder_module):
    return load_soc_coder(str(refdata_folder_module))


@pytest.fixture(scope="module")
def real_test_titles(refdata_folder_module):
    index = refdata_folder_module / "soc2020/soc2020volume2thecodingindexexcel16102024_3col.csv"
    return [
        row
        for rows in real_soc_sets(index).values()
        for row in rows
        if row[2] == "test"  # never the dev split the coder was tuned and calibrated on
    ]


def test_titles_coded_automatically_are_right_as_often_as_the_docs_say(soc, real_test_titles):
    assert len(real_test_titles) > 60
    for with_context in (False, True):
        auto = [
            (soc.code(title, *((description, business) if with_context else ())), gold)
            for title, gold, _, description, business in real_test_titles
        ]
        auto = [(r, gold) for r, gold in auto if r.status == Status.CODED]
        right = sum(1 for r, gold in auto if r.code == gold)
        assert auto, "nothing was coded automatically"
        assert right / len(auto) >= DOCUMENTED_PRECISION[with_context], (right, len(auto))


def test_business_descriptions_coded_automatically_are_right_nine_times_in_ten(
    refdata_folder_module,
):
    """Real answers on the test split, scored against the ONS coders' codes (docs/coder.md
    reports all of them right; the issue asks for 90%)."""
    sic = load_sic_coder(str(refdata_folder_module))
    rows = [(text, codes) for text, codes, split in real_sic_rows() if split == "test"]
    assert len(rows) > 50
    auto = [(sic.code(text), codes) for text, codes in rows]
    auto = [(r, codes) for r, codes in auto if r.status == Status.CODED]
    right = sum(1 for r, codes in auto if right_code(r.code, codes))
    assert auto, "nothing was coded automatically"
    assert right / len(auto) >= 0.9, (right, len(auto))


def test_a_title_the_index_gives_several_codes_goes_to_review_with_those_codes(soc):
    result = soc.code("Research associate")  # biological, physical, social sciences...
    assert result.status == Status.NEEDS_REVIEW
    assert result.code == ""
    firsts = {c.code for c in result.candidates[:3]}
    assert firsts <= {"2111", "2112", "2113", "2114", "2115", "2119", "2434", "2162"}
    assert "nothing here chooses between them" in result.reason


def test_a_description_chooses_between_the_index_codes_and_says_so(soc):
    result = soc.code("Research associate", description="chemistry research laboratory")
    assert result.candidates[0].code == "2111"
    assert "description or industry" in result.reason


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Plasterer", "5321"),  # the index also lists it under ceramics and process work
        ("Joiner", "5316"),
        ("Electrical engineer", "2123"),  # not Electricians (5241)
        ("electrician with EV charger skills", "5241"),
    ],
)
def test_the_demo_titles_are_coded(soc, title, code):
    result = soc.code(title)
    assert result.status == Status.CODED
    assert result.code == code


def test_what_is_not_the_occupation_is_kept_as_detail():
    wording = occupation_and_detail("electrician with EV charger skills")
    assert (wording.occupation, wording.detail) == ("electrician", "with EV charger skills")
    assert occupation_and_detail("HGV driver").detail == ""


def test_words_naming_two_occupations_are_offered_for_splitting(soc):
    sentence = "We can't find CNC machinists or electricians with EV skills"
    assert [(w.occupation, w.detail) for w in occupations_named(sentence)] == [
        ("CNC machinists", ""),
        ("electricians", "with EV skills"),
    ]
    result = soc.code(sentence)
    assert result.status == Status.NEEDS_REVIEW
    assert result.method == Method.SEVERAL
    assert [(occupation, detail, r.code) for occupation, detail, r in result.parts] == [
        ("CNC machinists", "", "5221"),
        ("electricians", "with EV skills", "5241"),
    ]
    assert [c.code for c in result.candidates[:2]] == ["5221", "5241"]
    assert "split" in result.reason
    # an index title with "and" in it is one occupation
    assert soc.code("Painter and decorator").code == "5323"


def test_the_semantic_stage_answers_where_the_index_does_not_and_says_why(soc):
    assert soc.table is not None, "the word table should ship with lsip"
    result = soc.code("Customer services advisor")  # lexically closest: debt collectors
    assert result.method == Method.SEMANTIC
    assert result.candidates[0].code == "7219"
    assert result.reason.startswith("nearest in meaning to the index title")


def test_the_model_loads_from_the_installed_package_with_the_network_off():
    """In a fresh process whose sockets refuse to connect: the weights are the upstream
    model's, and the word table was made from them."""
    program = """
import socket, hashlib
def refuse(*args, **kwargs):
    raise OSError("network is off in this test")
socket.socket.connect = refuse
socket.create_connection = refuse
from lsip.classification.coder import semantic
from lsip.classification.coder.semantic import WEIGHTS_SHA256, encoder, load_table, model_folder
weights = (model_folder() / "model.safetensors").read_bytes()
assert hashlib.sha256(weights).hexdigest() == WEIGHTS_SHA256
assert load_table().weights_sha256 == WEIGHTS_SHA256
a, b, c = encoder().encode(["Electrical engineer", "Electrical engineers", "Florist"])
assert float(a @ b) > 0.9 > float(a @ c), (a @ b, a @ c)
"""
    subprocess.run([sys.executable, "-c", program], check=True, env={"HF_HUB_OFFLINE": "1"})


@pytest.mark.parametrize(
    ("title", "code", "read_as"),
    [
        ("ARCHITECTURAL TECHNOLO", "2452", "architectural technologist"),  # cut by the form
        ("PAINTER AND DEC", "5323", "painter decorator"),
        ("WINDOWCLEANER", "9221", "window cleaner"),  # run together
        ("Tobacco platner", "5112", "tobacco planter"),  # two letters swapped
        ("City centre mangaers", "1251", "city centre manager"),  # "city" kept: the index has it
    ],
)
def test_words_cut_short_or_run_together_are_read_as_the_index_title_and_say_so(
    soc, title, code, read_as
):
    result = soc.code(title)
    assert result.code == code
    assert result.method == Method.NORMALISED  # not "exact": the words were read again
    assert f'read as "{read_as}"' in result.reason


def test_words_cut_short_that_read_two_ways_go_to_review_with_both(soc):
    result = soc.code("TRAINEE ACCO")  # accountant, or accompanist?
    assert result.status == Status.NEEDS_REVIEW
    assert {"2421", "3415"} <= {c.code for c in result.candidates[:3]}
    assert "could also be" in result.reason
    # a short fragment on its own is not completed into an occupation
    assert soc.code("DEC").method != Method.NORMALISED


@pytest.mark.parametrize("title", ["Research associates", "TRAINEE ACCO", "Research associate"])
def test_a_title_sent_to_review_as_ambiguous_never_reads_as_high_confidence(soc, title):
    """The page words a confidence at or above the threshold as "coded automatically"."""
    from lsip.classification.coder.calibration import THRESHOLD

    result = soc.code(title)
    assert result.status == Status.NEEDS_REVIEW
    assert result.confidence < THRESHOLD["soc"]


@pytest.mark.parametrize(
    "title",
    [
        "Head assistant",  # grade words alone name no occupation
        "Senior principal",
        "Trainee qwerty",  # nothing known but the grade
        "Manager",  # "Managers and directors in retail and wholesale" does not name it
        "Deputy manager",
        "Fitter",  # clothing, engineering, gas...: the index gives many
        "Poole attendnt",  # a place is not misspelt: not "pool attendant"
        "Programme manager",  # the index splits it between IT, education and other directors
        "Jeweller",  # designers, makers or shop: the index gives all three
    ],
)
def test_titles_that_name_no_one_occupation_are_never_coded_automatically(soc, title):
    assert soc.code(title).status != Status.CODED


def test_a_grade_on_a_title_the_index_cannot_code_leaves_it_uncodable(soc):
    assert soc.code("Director").status == Status.NOT_CODABLE
    assert soc.code("Senior director").status == Status.NOT_CODABLE


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Reporter", "2492"),  # "journalists and reporters": reporters as such
        ("English teacher", "2313"),  # named by a sub-unit group's title, two words
        ("Writer", "3412"),  # not the sign writers of Other skilled trades
    ],
)
def test_a_title_named_by_one_group_s_title_takes_that_group(soc, title, code):
    result = soc.code(title)
    assert (result.status, result.code) == (Status.CODED, code)
    assert "the title names this unit group" in result.reason


def test_a_title_read_by_a_rule_is_never_surer_than_its_index_title(soc):
    """ "Store manager" goes to review; "assistant store manager" and "store mgr", read as
    it, must not be coded automatically either."""
    assert soc.code("Store manager").status == Status.NEEDS_REVIEW
    for title in ("Assistant store manager", "Store mgr", "Senior operator"):
        assert soc.code(title).status == Status.NEEDS_REVIEW, title


@pytest.mark.parametrize("title", ["Josler", "Wieter", "Drlner"])  # two edits from a word
def test_a_word_two_edits_from_the_index_is_not_read_as_it(soc, title):
    assert soc.code(title).status != Status.CODED


def test_a_reading_is_one_edit_away_not_two(soc):
    """ "Nima" is two edits from "imam" (a letter dropped from each), so it is not read so."""
    assert soc.code("Nima").method != Method.NORMALISED
