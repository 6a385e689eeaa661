from django.urls import reverse
from rest_framework.test import APIClient

from lsip.refdata.install import install


def test_titles_and_descriptions_are_coded_through_the_api(people, refdata_folder):
    install(
        source_dir=refdata_folder,
        keys=[
            "soc2020-volume1",
            "soc2020-coding-index",
            "sic2007-structure",
            "sic2007-indexes",
        ],
    )
    api = APIClient()
    api.force_authenticate(people["partner"])
    soc = api.post(
        reverse("api-v1:code-soc"),
        {"texts": ["snr care asst", "", "Teacher"], "description": "secondary school"},
        format="json",
    )
    assert soc.status_code == 200
    first, empty, teacher = soc.json()
    assert (first["code"], first["status"]) == ("6136", "coded")
    assert empty["status"] == "empty"
    assert teacher["candidates"][0]["code"] == "2313"
    sic = api.post(
        reverse("api-v1:code-sic"), {"texts": ["We make bespoke kitchens"]}, format="json"
    )
    assert sic.json()[0]["candidates"][0]["code"] == "31020"


def test_more_than_a_thousand_texts_are_refused(people):
    api = APIClient()
    api.force_authenticate(people["partner"])
    response = api.post(reverse("api-v1:code-soc"), {"texts": ["x"] * 1001}, format="json")
    assert response.status_code == 400
