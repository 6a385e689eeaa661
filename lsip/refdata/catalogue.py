"""The ONS reference files lsip installs, each pinned to one download and one SHA-256.

The URLs point at the exact copies whose checksums are recorded here (ONS files as kept in
public repositories at a fixed commit), because a publisher's own link may serve a newer
edition under the same address; a new edition is a new entry with its own checksum.
Nothing here is committed data: the files are fetched, checked and installed on each machine.
"""

from dataclasses import dataclass

OGL = "Open Government Licence v3.0"


@dataclass(frozen=True)
class RefFile:
    key: str
    folder: str
    filename: str
    title: str
    publisher: str
    edition: str
    sha256: str
    url: str
    licence: str = OGL


def _github(repo: str, commit: str, path: str) -> str:
    return f"https://raw.githubusercontent.com/{repo}/{commit}/{path}"


_DASHBOARD = "dfe-analytical-services/lsip_dashboard"

CATALOGUE: tuple[RefFile, ...] = (
    RefFile(
        "lsip-lookup",
        "geography",
        "LSIP_lookup.xlsx",
        "Local authority district to LSIP area lookup",
        "DfE (from ONS Geography)",
        "LAD 2023 codes",
        "3822fc3c802b6f85006ba01b9219a34ea78b8b214bad7bd41ca42b38460956a9",
        _github(
            _DASHBOARD,
            "ace69761dfd4f8b139c9dd5ea6d3e06bdf3f8f6a",
            "Data/1-1_LSIP_lookup/LSIP_lookup.xlsx",
        ),
    ),
    RefFile(
        "lad-to-combined-authority",
        "geography",
        "Local_Authority_District_to_Combined_Authority_(May_2025)_Lookup_in_EN.csv",
        "Local authority district to combined authority lookup",
        "ONS Geography",
        "May 2025",
        "7d8a10543e163ebb8e89df02d2bf522bd7e4b70aab9084dce7216f6c35e043b9",
        _github(
            _DASHBOARD,
            "3cc84f0df5d56472b80f82c26a239ffc464b1267",
            "Data/1-3_MCA_lookup/"
            "Local_Authority_District_to_Combined_Authority_(May_2025)_Lookup_in_EN.csv",
        ),
    ),
    RefFile(
        "lad-2011-to-2021",
        "geography",
        "Local_Authority_District_(2011)_to_Local_Authority_District_(2021)_Lookup_for_England_and_Wales.csv",
        "Local authority district 2011 to 2021 lookup",
        "ONS Geography",
        "2021",
        "8661cf97d3015de348ca42f2b97d989d99ab8421f36ee9ba7933634fe53f4cd6",
        _github(
            _DASHBOARD,
            "5120177f9074f0b2fc8c9322dbe967437b26c92b",
            "Data/1-4_LaLookup/Local_Authority_District_(2011)_to_Local_Authority_District_"
            "(2021)_Lookup_for_England_and_Wales.csv",
        ),
    ),
    RefFile(
        "lsip-boundaries",
        "geography",
        "Local_Skills_Improvement_Plan_Areas_August_2023_Boundaries_EN_BUC.geojson",
        "LSIP area boundaries (ultra generalised, British National Grid)",
        "ONS Geography",
        "August 2023",
        "bc8bef73bdc4defe4c12cc4ed7d193cea59e8690c9cc87e10e1d70d165b3313c",
        _github(
            _DASHBOARD,
            "9ebf1e2f2917448b5ea06fb738e7456d30c7ed8b",
            "Data/1-8_LSIPBoundary/Local_Skills_Improvement_Plan_Areas_August_2023_"
            "Boundaries_EN_BUC_3253418784101487536.geojson",
        ),
    ),
    RefFile(
        "lad-boundaries",
        "geography",
        "Local_Authority_Districts_May_2024_Boundaries_England_BUC_names_only.geojson",
        "Local authority district boundaries, England (names only)",
        "ONS Geography (processed by A/B Street)",
        "May 2024",
        "2d4b0f314f534551d64c8462b085bc4dd4260a7e464b586b64837b5fa3b6ea0c",
        _github(
            "a-b-street/ltn",
            "0bee9903d5a5b4b04ed464db169efaaa9eac05ba",
            "data_prep/england/boundaries.geojson",
        ),
    ),
    RefFile(
        "england-boundary",
        "geography",
        "Countries_December_2024_Boundaries_UK_BUC.geojson",
        "Country boundaries, UK",
        "ONS Geography",
        "December 2024",
        "eb79fa6c68e2d190ace1f6e188ebe7c146b068c4ce93f804cc70bf5ceeb8b236",
        _github(
            _DASHBOARD,
            "fe9972b52969b1afa02e284130fd8cfb4bfa2615",
            "Data/1-5_EnglandBoundary/Countries_December_2024_Boundaries_UK_BUC_"
            "5901300951709307336.geojson",
        ),
    ),
    RefFile(
        "combined-authority-boundaries",
        "geography",
        "Combined_Authorities_May_2023_Boundaries_EN_BUC.geojson",
        "Combined authority boundaries",
        "ONS Geography",
        "May 2023 (2024 codes)",
        "4bec40f862548dcddc693934e09e20aa8be3b0bca1511f5dbe9be9c6ab09256e",
        _github(
            _DASHBOARD,
            "8e68a00c9b70b86ee1cd26adc0731b911a0d3208",
            "Data/1-7_CABoundary/Combined_Authorities_May_2023_Boundaries_EN_BUC_"
            "529823327652397380.geojson",
        ),
    ),
    RefFile(
        # Sheet "1": every UK district of May 2021 the release kept, with its ITL1 region
        # (the only district-to-region table found); read by lsip.geography.loaders.
        "uk-lad-2021-regions",
        "job_postings",
        "ons_online_job_adverts_referencetablesupdated.xlsx",
        "Online job adverts by local authority: reference tables (districts and ITL1 regions)",
        "ONS",
        "25 May 2022 (LAD May 2021, ITL1 January 2021)",
        "70ddb8e617f42350e157724e268cd0cada112ddea18e5726e7c336dd51d213e4",
        _github(
            _DASHBOARD,
            "9468cf65cdc7e3fcb0e01ebd96f43e71bc0dcea5",
            "Data/7_ONSvacancy/referencetablesupdated.xlsx",
        ),
    ),
    RefFile(
        "soc2020-volume1",
        "soc2020",
        "soc2020volume1structureanddescriptionofunitgroupsexcel16042025.xlsx",
        "SOC 2020 Volume 1: structure and descriptions of unit groups",
        "ONS",
        "16 April 2025",
        "77088b3a9db98fbf67a72a813e9cee4b274e2986197cdabb05c45b5cf9e96634",
        _github(
            _DASHBOARD,
            "ace69761dfd4f8b139c9dd5ea6d3e06bdf3f8f6a",
            "Data/1-9_SOC2020structure/"
            "soc2020volume1structureanddescriptionofunitgroupsexcel16042025.xlsx",
        ),
    ),
    RefFile(
        "soc2020-coding-index",
        "soc2020",
        "soc2020volume2thecodingindexexcel16102024_3col.csv",
        "SOC 2020 Volume 2: the coding index (3 columns, cp1252)",
        "ONS (extract by a third party)",
        "16 October 2024",
        "d8a4bb7408266ed1d512e4aa421a2fabc3d18d986cd5f47e978d52802127be87",
        _github(
            "Loo-Ashworth/freeTextToSocCodeWithJobBert",
            "1f005d9dff86947ca3e139c3fb1c219501bac0f2",
            "soc2020volume2thecodingindexexcel16102024.csv",
        ),
    ),
    RefFile(
        "sic2007-structure",
        "sic2007",
        "publisheduksicsummaryofstructureworksheet.xlsx",
        "UK SIC 2007: summary of structure",
        "ONS",
        "as published",
        "f5090c89938b1f24f7b1498530bc99f520abf4198a3af3f3655814c094cc0944",
        _github(
            "ONSdigital/sic-classification-utils",
            "65e068dab062ddf8eda14e1cfa679c80f28cf60a",
            "src/industrial_classification_utils/data/sic_index/"
            "publisheduksicsummaryofstructureworksheet.xlsx",
        ),
    ),
    RefFile(
        "sic2007-indexes",
        "sic2007",
        "uksic2007indexeswithaddendumdecember2022.xlsx",
        "UK SIC 2007: alphabetical and numerical indexes of activities",
        "ONS",
        "addendum December 2022",
        "dcd36353d6e359550f88f9070557a974e8a020998fbf75b55b02d38e49912eac",
        _github(
            "ONSdigital/sic-classification-utils",
            "65e068dab062ddf8eda14e1cfa679c80f28cf60a",
            "src/industrial_classification_utils/data/sic_index/"
            "uksic2007indexeswithaddendumdecember2022.xlsx",
        ),
    ),
)
