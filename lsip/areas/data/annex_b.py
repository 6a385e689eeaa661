"""The 39 LSIP specified areas of Annex B of the statutory guidance (18 November 2025).

Each area lists the places as Annex B names them, its Strategic Authority where Annex B names
one, whether it is one of the six Devolution Priority Programme areas (SG 3.6), and the
designated ERB where the source documents name it (the designations are published by DfE
and are entered by an ERB admin for the other areas).

Places are counties, unitary authorities or boroughs. `COUNTY_DISTRICTS` expands a two-tier
county into its districts and `ONS_NAMES` gives the ONS spelling of a place, so that every
area resolves to local authority districts whose GSS codes come from the reference data.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class StatutoryArea:
    name: str
    places: tuple[str, ...]
    strategic_authority: str = ""
    dpp: bool = False
    erb: str = ""
    #: For Greater London: the four sub-regional partnerships and their boroughs.
    subregions: dict[str, tuple[str, ...]] = field(default_factory=dict)


LONDON_SUBREGIONS = {
    "Central London Forward": (
        "Camden",
        "City of London",
        "Hackney",
        "Haringey",
        "Islington",
        "Kensington and Chelsea",
        "Lambeth",
        "Lewisham",
        "Southwark",
        "Tower Hamlets",
        "Wandsworth",
        "Westminster",
    ),
    "Local London": (
        "Barking and Dagenham",
        "Bexley",
        "Bromley",
        "Greenwich",
        "Havering",
        "Newham",
        "Enfield",
        "Redbridge",
        "Waltham Forest",
    ),
    "South London Partnership": (
        "Croydon",
        "Kingston upon Thames",
        "Merton",
        "Richmond upon Thames",
        "Sutton",
    ),
    "West London Alliance": (
        "Barnet",
        "Brent",
        "Ealing",
        "Hammersmith and Fulham",
        "Harrow",
        "Hillingdon",
        "Hounslow",
    ),
}

AREAS: tuple[StatutoryArea, ...] = (
    StatutoryArea("Buckinghamshire", ("Buckinghamshire",), "Buckinghamshire Council"),
    StatutoryArea(
        "Cambridgeshire and Peterborough",
        ("Cambridgeshire", "Peterborough"),
        "Cambridgeshire and Peterborough Combined Authority",
    ),
    StatutoryArea(
        "Cheshire and Warrington",
        ("Cheshire East", "Cheshire West and Chester", "Warrington"),
        dpp=True,
    ),
    StatutoryArea(
        "Cornwall and the Isles of Scilly",
        ("Cornwall", "The Isles of Scilly"),
        "Cornwall Council",
    ),
    StatutoryArea("Cumbria", ("Cumberland", "Westmorland and Furness"), dpp=True),
    StatutoryArea("Dorset", ("Bournemouth, Christchurch and Poole", "Dorset")),
    StatutoryArea(
        "East Midlands",
        ("Derby", "Derbyshire", "Nottingham", "Nottinghamshire"),
        "East Midlands Combined County Authority",
    ),
    StatutoryArea("Gloucestershire", ("Gloucestershire",)),
    StatutoryArea(
        "Greater Devon",
        ("Devon", "Plymouth", "Torbay"),
        "Devon and Torbay Combined County Authority",
    ),
    StatutoryArea("Greater Essex", ("Essex", "Southend-on-Sea", "Thurrock"), dpp=True),
    StatutoryArea(
        "Greater Lincolnshire",
        ("Lincolnshire", "North Lincolnshire", "North-East Lincolnshire"),
        "Greater Lincolnshire Combined County Authority",
    ),
    StatutoryArea(
        "Greater London",
        tuple(borough for boroughs in LONDON_SUBREGIONS.values() for borough in boroughs),
        "Greater London Authority",
        subregions=LONDON_SUBREGIONS,
    ),
    StatutoryArea(
        "Greater Manchester",
        (
            "Bolton",
            "Bury",
            "Manchester",
            "Oldham",
            "Rochdale",
            "Salford",
            "Stockport",
            "Tameside",
            "Trafford",
            "Wigan",
        ),
        "Greater Manchester Combined Authority",
    ),
    StatutoryArea(
        "Hampshire and the Solent",
        ("Hampshire", "Isle of Wight", "Portsmouth", "Southampton"),
        dpp=True,
    ),
    StatutoryArea("Hertfordshire", ("Hertfordshire",)),
    StatutoryArea(
        "Hull and East Yorkshire",
        ("East Riding of Yorkshire", "Kingston upon Hull"),
        "Hull and East Yorkshire Combined Authority",
    ),
    StatutoryArea("Kent and Medway", ("Kent", "Medway")),
    StatutoryArea(
        "Lancashire",
        ("Lancashire", "Blackburn with Darwen", "Blackpool"),
        "Lancashire Combined County Authority",
    ),
    StatutoryArea(
        "Leicester, Leicestershire and Rutland",
        ("Leicester", "Leicestershire", "Rutland"),
    ),
    StatutoryArea(
        "Liverpool City Region",
        ("Halton", "Knowsley", "Liverpool", "Sefton", "St Helens", "Wirral"),
        "Liverpool City Region Combined Authority",
    ),
    StatutoryArea("Norfolk and Suffolk", ("Norfolk", "Suffolk"), dpp=True),
    StatutoryArea(
        "North-East",
        (
            "County Durham",
            "Gateshead",
            "Newcastle",
            "North Tyneside",
            "Northumberland",
            "South Tyneside",
            "Sunderland",
        ),
        "North-East Combined Authority",
    ),
    StatutoryArea("Oxfordshire", ("Oxfordshire",)),
    StatutoryArea(
        "South Yorkshire",
        ("Barnsley", "Doncaster", "Rotherham", "Sheffield"),
        "South Yorkshire Mayoral Combined Authority",
    ),
    StatutoryArea(
        "South-East Midlands",
        (
            "Bedford",
            "Central Bedfordshire",
            "Luton",
            "Milton Keynes",
            "North Northamptonshire",
            "West Northamptonshire",
        ),
    ),
    StatutoryArea("Somerset", ("Somerset",)),
    StatutoryArea("Stoke on Trent and Staffordshire", ("Stoke-on-Trent", "Staffordshire")),
    StatutoryArea("Surrey", ("Surrey",), "Surrey County Council"),
    StatutoryArea(
        "Sussex and Brighton",
        ("Brighton and Hove", "East Sussex", "West Sussex"),
        dpp=True,
    ),
    StatutoryArea("Swindon and Wiltshire", ("Swindon", "Wiltshire")),
    StatutoryArea(
        "Tees Valley",
        ("Darlington", "Hartlepool", "Middlesbrough", "Redcar and Cleveland", "Stockton on Tees"),
        "Tees Valley Combined Authority",
    ),
    StatutoryArea(
        "Thames Valley Berkshire",
        (
            "Bracknell Forest",
            "Reading",
            "Slough",
            "West Berkshire",
            "Windsor and Maidenhead",
            "Wokingham",
        ),
    ),
    StatutoryArea(
        "The Marches",
        ("Herefordshire", "Shropshire", "Telford and Wrekin"),
        erb="Shropshire Chamber of Commerce",
    ),
    StatutoryArea("Warwickshire", ("Warwickshire",), "Warwickshire County Council"),
    StatutoryArea(
        "West Midlands",
        ("Birmingham", "Coventry", "Dudley", "Sandwell", "Solihull", "Walsall", "Wolverhampton"),
        "West Midlands Combined Authority",
    ),
    StatutoryArea(
        "West of England and North Somerset",
        ("Bristol", "Bath and North East Somerset", "North Somerset", "South Gloucestershire"),
        "West of England Combined Authority",
    ),
    StatutoryArea(
        "West Yorkshire",
        ("Bradford", "Calderdale", "Kirklees", "Leeds", "Wakefield"),
        "West Yorkshire Combined Authority",
    ),
    StatutoryArea("Worcestershire", ("Worcestershire",)),
    StatutoryArea(
        "York and North Yorkshire",
        ("North Yorkshire", "York"),
        "York and North Yorkshire Combined Authority",
    ),
)

#: The districts of each two-tier county named in Annex B (local government as in 2023).
COUNTY_DISTRICTS: dict[str, tuple[str, ...]] = {
    "Cambridgeshire": (
        "Cambridge",
        "East Cambridgeshire",
        "Fenland",
        "Huntingdonshire",
        "South Cambridgeshire",
    ),
    "Derbyshire": (
        "Amber Valley",
        "Bolsover",
        "Chesterfield",
        "Derbyshire Dales",
        "Erewash",
        "High Peak",
        "North East Derbyshire",
        "South Derbyshire",
    ),
    "Devon": (
        "East Devon",
        "Exeter",
        "Mid Devon",
        "North Devon",
        "South Hams",
        "Teignbridge",
        "Torridge",
        "West Devon",
    ),
    "East Sussex": ("Eastbourne", "Hastings", "Lewes", "Rother", "Wealden"),
    "Essex": (
        "Basildon",
        "Braintree",
        "Brentwood",
        "Castle Point",
        "Chelmsford",
        "Colchester",
        "Epping Forest",
        "Harlow",
        "Maldon",
        "Rochford",
        "Tendring",
        "Uttlesford",
    ),
    "Gloucestershire": (
        "Cheltenham",
        "Cotswold",
        "Forest of Dean",
        "Gloucester",
        "Stroud",
        "Tewkesbury",
    ),
    "Hampshire": (
        "Basingstoke and Deane",
        "East Hampshire",
        "Eastleigh",
        "Fareham",
        "Gosport",
        "Hart",
        "Havant",
        "New Forest",
        "Rushmoor",
        "Test Valley",
        "Winchester",
    ),
    "Hertfordshire": (
        "Broxbourne",
        "Dacorum",
        "East Hertfordshire",
        "Hertsmere",
        "North Hertfordshire",
        "St Albans",
        "Stevenage",
        "Three Rivers",
        "Watford",
        "Welwyn Hatfield",
    ),
    "Kent": (
        "Ashford",
        "Canterbury",
        "Dartford",
        "Dover",
        "Folkestone and Hythe",
        "Gravesham",
        "Maidstone",
        "Sevenoaks",
        "Swale",
        "Thanet",
        "Tonbridge and Malling",
        "Tunbridge Wells",
    ),
    "Lancashire": (
        "Burnley",
        "Chorley",
        "Fylde",
        "Hyndburn",
        "Lancaster",
        "Pendle",
        "Preston",
        "Ribble Valley",
        "Rossendale",
        "South Ribble",
        "West Lancashire",
        "Wyre",
    ),
    "Leicestershire": (
        "Blaby",
        "Charnwood",
        "Harborough",
        "Hinckley and Bosworth",
        "Melton",
        "North West Leicestershire",
        "Oadby and Wigston",
    ),
    "Lincolnshire": (
        "Boston",
        "East Lindsey",
        "Lincoln",
        "North Kesteven",
        "South Holland",
        "South Kesteven",
        "West Lindsey",
    ),
    "Norfolk": (
        "Breckland",
        "Broadland",
        "Great Yarmouth",
        "King's Lynn and West Norfolk",
        "North Norfolk",
        "Norwich",
        "South Norfolk",
    ),
    "Nottinghamshire": (
        "Ashfield",
        "Bassetlaw",
        "Broxtowe",
        "Gedling",
        "Mansfield",
        "Newark and Sherwood",
        "Rushcliffe",
    ),
    "Oxfordshire": (
        "Cherwell",
        "Oxford",
        "South Oxfordshire",
        "Vale of White Horse",
        "West Oxfordshire",
    ),
    "Staffordshire": (
        "Cannock Chase",
        "East Staffordshire",
        "Lichfield",
        "Newcastle-under-Lyme",
        "South Staffordshire",
        "Stafford",
        "Staffordshire Moorlands",
        "Tamworth",
    ),
    "Suffolk": ("Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk"),
    "Surrey": (
        "Elmbridge",
        "Epsom and Ewell",
        "Guildford",
        "Mole Valley",
        "Reigate and Banstead",
        "Runnymede",
        "Spelthorne",
        "Surrey Heath",
        "Tandridge",
        "Waverley",
        "Woking",
    ),
    "Warwickshire": (
        "North Warwickshire",
        "Nuneaton and Bedworth",
        "Rugby",
        "Stratford-on-Avon",
        "Warwick",
    ),
    "West Sussex": (
        "Adur",
        "Arun",
        "Chichester",
        "Crawley",
        "Horsham",
        "Mid Sussex",
        "Worthing",
    ),
    "Worcestershire": (
        "Bromsgrove",
        "Malvern Hills",
        "Redditch",
        "Worcester",
        "Wychavon",
        "Wyre Forest",
    ),
}

#: Where Annex B's name for a place differs from the ONS district name.
ONS_NAMES = {
    "Bristol": "Bristol, City of",
    "Herefordshire": "Herefordshire, County of",
    "Kingston upon Hull": "Kingston upon Hull, City of",
    "Newcastle": "Newcastle upon Tyne",
    "North-East Lincolnshire": "North East Lincolnshire",
    "St Helens": "St. Helens",
    "Stockton on Tees": "Stockton-on-Tees",
    "The Isles of Scilly": "Isles of Scilly",
}


def districts_of(area: StatutoryArea) -> list[tuple[str, str, str]]:
    """The districts an area covers, as (ONS district name, county or "", sub-region or "")."""
    subregion_of = {b: name for name, boroughs in area.subregions.items() for b in boroughs}
    districts = []
    for place in area.places:
        if place in COUNTY_DISTRICTS:
            districts.extend((d, place, "") for d in COUNTY_DISTRICTS[place])
        else:
            districts.append((ONS_NAMES.get(place, place), "", subregion_of.get(place, "")))
    return districts
