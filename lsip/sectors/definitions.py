"""Starting SIC 2007 definitions of the ten national sectors of SG 2.1.

SG 2.1 names the Industrial Strategy's (June 2025) eight growth-driving sectors and the two
foundation sectors, construction and health and social care, and SG Annex D asks LSIPs to
describe industries with SIC 2007 codes. The lists below are **lsip's own starting
definitions**, written from what the Industrial Strategy says about each sector at a high
level (which industries it covers). They are not the Department for Business and Trade's
official code lists, which go down to parts of five-digit codes and change with each sector
plan. An ERB should check them against the sector plans and adjust: the national
definitions are shared by all 39 areas, so an area changes a copy (its own sector), and
`sync_national_sectors` fills a national sector's codes only while it has none, so an
edited definition is never overwritten.

Codes are in the canonical form of `lsip.classification.codes` and each is a division,
group, class or subclass of UK SIC 2007 (a test checks every one against the ONS file).
Sectors may overlap, as the Industrial Strategy's do (aerospace is both advanced
manufacturing and defence).
"""

from typing import NamedTuple


class Definition(NamedTuple):
    codes: tuple[str, ...]
    description: str


_STARTING = (
    "lsip's starting SIC 2007 definition, from the Industrial Strategy (June 2025) at a high "
    "level; not the Department for Business and Trade's official code list. "
)

NATIONAL_DEFINITIONS: dict[str, Definition] = {
    "Advanced manufacturing": Definition(
        (
            "20.1",  # basic chemicals, plastics and rubber in primary forms
            "20.5",  # other chemical products
            "20.6",  # man-made fibres
            "26.3",  # communication equipment
            "26.5",  # measuring, testing and navigation instruments
            "26.7",  # optical instruments
            "27.9",  # other electrical equipment
            "28",  # machinery and equipment
            "29",  # motor vehicles and parts (automotive)
            "30.1",  # ships and boats (maritime)
            "30.2",  # railway rolling stock
            "30.3",  # aircraft and spacecraft (aerospace, space)
            "33.16",  # repair and maintenance of aircraft and spacecraft
            "72.19",  # research and development in natural sciences and engineering
        ),
        _STARTING + "Aerospace, automotive, space, maritime and rail manufacturing, machinery, "
        "electronics and instruments, advanced materials and chemicals, and engineering R&D.",
    ),
    "Clean energy industries": Definition(
        (
            "35.1",  # electric power generation, transmission and distribution
            "35.3",  # steam and air conditioning supply (heat networks)
            "27.1",  # electric motors, generators, transformers, distribution apparatus
            "27.2",  # batteries and accumulators
            "28.11",  # engines and turbines (wind and other turbines)
            "25.3",  # steam generators (including nuclear reactors)
            "24.46",  # processing of nuclear fuel
        ),
        _STARTING + "Renewable, nuclear and networked electricity, heat networks, and the "
        "manufacture of turbines, generators, grid equipment and batteries.",
    ),
    "Creative industries": Definition(
        (
            "58.1",  # publishing of books, periodicals and other publishing
            "58.21",  # publishing of computer games
            "59",  # film, video, television, sound recording and music publishing
            "60",  # programming and broadcasting
            "62.01",  # computer programming (including games development)
            "70.21",  # public relations and communication
            "71.11",  # architectural activities
            "73.11",  # advertising agencies
            "73.12",  # media representation
            "74.1",  # specialised design
            "74.2",  # photography
            "74.3",  # translation and interpretation
            "85.52",  # cultural education
            "90",  # creative, arts and entertainment activities
            "91.01",  # libraries and archives
            "91.02",  # museums
            "32.12",  # jewellery
        ),
        _STARTING + "Film, TV, music, publishing, games, advertising and marketing, "
        "architecture, design, crafts, museums and the performing and visual arts.",
    ),
    "Defence": Definition(
        (
            "25.4",  # weapons and ammunition
            "20.51",  # explosives
            "30.11",  # ships and floating structures (naval shipbuilding)
            "30.3",  # aircraft and spacecraft
            "30.4",  # military fighting vehicles
            "84.22",  # defence activities
        ),
        _STARTING + "Weapons, ammunition and military vehicles, naval shipbuilding, military "
        "aerospace and the armed forces' own activities.",
    ),
    "Digital and technologies": Definition(
        (
            "26.1",  # electronic components and boards (semiconductors)
            "26.2",  # computers and peripheral equipment
            "58.2",  # software publishing
            "61",  # telecommunications
            "62",  # computer programming, consultancy and related activities
            "63.1",  # data processing, hosting and web portals
        ),
        _STARTING + "Software, computer services, telecommunications, data and hosting, and "
        "semiconductors and computer hardware.",
    ),
    "Financial services": Definition(
        ("64", "65", "66"),
        _STARTING + "Banking, investment, insurance, pensions and the activities auxiliary to "
        "them.",
    ),
    "Life sciences": Definition(
        (
            "21",  # pharmaceuticals
            "26.6",  # irradiation, electromedical and electrotherapeutic equipment
            "32.5",  # medical and dental instruments and supplies
            "72.11",  # research and development on biotechnology
            "46.46",  # wholesale of pharmaceutical goods
        ),
        _STARTING + "Pharmaceuticals, medical technology and devices, biotechnology R&D and "
        "the wholesale of pharmaceutical goods.",
    ),
    "Professional and business services": Definition(
        (
            "69",  # legal and accounting
            "70.2",  # management consultancy
            "71",  # architecture, engineering, technical testing
            "73",  # advertising and market research
            "74",  # other professional, scientific and technical activities
            "78",  # employment activities
            "82",  # office administrative and business support
        ),
        _STARTING + "Legal, accounting, management consultancy, architecture and engineering, "
        "advertising and market research, recruitment and business support.",
    ),
    "Construction": Definition(
        ("41", "42", "43"),
        _STARTING + "Construction of buildings, civil engineering and specialised "
        "construction activities (SIC 2007 section F).",
    ),
    "Health and social care": Definition(
        ("86", "87", "88"),
        _STARTING + "Human health activities, residential care and social work "
        "(SIC 2007 section Q).",
    ),
}
