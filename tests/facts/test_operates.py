"""``operates``: which organization runs a program."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "org", "program"),
    [
        (
            "Meta has paused its “Model Capability Initiative” — a program that tracked employee keystrokes.",
            "Meta",
            "Model Capability Initiative",
        ),
        (
            "Project Maven was set up by the Pentagon in April 2017 to analyse drone footage.",
            "Pentagon",
            "Project Maven",
        ),
        (
            "In April, Zoom removed attendee attention tracking, a feature based on window focus.",
            "Zoom",
            "attendee attention tracking",
        ),
        pytest.param(
            "In 2017 Barclays installed OccupEye sensors under desks that recorded desk occupancy.",
            "Barclays",
            "OccupEye",
            marks=pytest.mark.xfail(
                reason="known weakness: operator vote goes to a later organization", strict=False
            ),
        ),
        (
            "Fenwick Insurance Ltd has installed a system it calls Claimwatch across its call centres.",
            "Fenwick Insurance Ltd",
            "Claimwatch",
        ),
        (
            "Orla Foods brought in a tool the union dubs Stopwatch Sam at its two bakeries.",
            "Orla Foods",
            "Stopwatch Sam",
        ),
        (
            "Microsoft is removing user names from Productivity Score, a feature of its Microsoft 365 software.",
            "Microsoft",
            "Productivity Score",
        ),
    ],
)
def test_operates(facts_of, text: str, org: str, program: str) -> None:
    pairs = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert (org, program) in pairs, pairs


def test_acronym_is_the_same_program(facts_of) -> None:
    text = (
        "Meta has paused its “Model Capability Initiative”, a program that logged keystrokes. "
        "Meta's retreat from MCI follows a data leak."
    )
    assert [f["program"] for f in facts_of(text, "operates")] == ["Model Capability Initiative"]


@pytest.mark.parametrize(
    "text",
    [
        "The first indicator, called “Stow Machine Gun”, flags an error when an item is scanned too quickly.",
        "Amazon reported worldwide net sales of $514bn in 2022.",
        "Teams, Microsoft's workplace chat app, had 115 million daily active users.",
    ],
)
def test_no_program(facts_of, text: str) -> None:
    assert facts_of(text, "operates") == []


def test_name_in_apposition_to_a_program_noun(facts_of) -> None:
    text = (
        "Delivery drivers say a camera system penalises them. The system, Driveri, made by the "
        "start-up Netradyne, records the driver. Amazon began installing the cameras in 2021."
    )
    assert ("Amazon", "Driveri") in {
        (f["organization"], f["program"]) for f in facts_of(text, "operates")
    }


def test_plans_are_not_launches(facts_of) -> None:
    text = "Brightwear has scrapped plans to roll out EmoScan, an AI camera system that analysed staff."
    status = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert status == {("EmoScan", "cancelled")}


def test_a_publication_is_not_the_operator(facts_of) -> None:
    text = (
        "The Law Society Gazette said the sensors were installed last year. The Law Society "
        "Gazette has covered the DeskPulse system since March. DeskPulse records when desks "
        "are used."
    )
    assert all(f["organization"] != "Law Society Gazette" for f in facts_of(text, "operates"))


def test_the_site_owner_operates_what_a_vendor_developed(facts_of) -> None:
    text = (
        "Karvaan Teleservices runs call centres in India. The tool, VoicePulse, was developed "
        "by Pune start-up Sonalytix AI and piloted at Karvaan's Hyderabad centre in January. "
        "VoicePulse scores each agent's voice."
    )
    orgs = {f["organization"] for f in facts_of(text, "operates") if f["program"] == "VoicePulse"}
    assert "Karvaan Teleservices" in orgs or "Karvaan" in orgs
    assert not any("Hyderabad" in o or o == "Pune" for o in orgs)


def test_product_named_by_its_maker_or_its_use(facts_of) -> None:
    text = (
        "Aldermoor Bank, one of Britain's largest lenders, has paused software that logged "
        "how fast staff typed. The bank said that it had suspended the use of FlowMetrics "
        "with immediate effect. FlowMetrics, made by the US company Pulsegrid, is sold to "
        "banks."
    )
    facts = facts_of(text, "operates")
    assert ("Aldermoor Bank", "FlowMetrics") in {(f["organization"], f["program"]) for f in facts}


def test_a_regulator_is_not_the_operator(facts_of) -> None:
    text = (
        "The Personal Data Protection Commission fined Orchid Logistics S$58,000 over its "
        "SafeShift armbands. The commission also directed the company to test its systems. "
        "SafeShift records each wearer's heart rate."
    )
    assert all("Commission" not in f["organization"] for f in facts_of(text, "operates"))


def test_the_authority_named_by_its_title_alone_is_no_operator(facts_of) -> None:
    text = (
        "The Italian Data Protection Authority fined Sfreccia S.r.l. 4.5 million euros. "
        "According to the Authority, the company, through its rider management platform "
        "called Pilota, collected the geolocation of its riders every fifteen seconds."
    )
    assert {f["organization"].rstrip(".") for f in facts_of(text, "operates")} == {"Sfreccia S.r.l"}


def test_a_named_feature_switched_on_and_off_is_a_program(facts_of) -> None:
    text = (
        "Quillstone Accounting, a 140-person firm in Denver, enabled Presence Detection for "
        "all of its staff in April. Hearthly disabled Presence Detection for all customers "
        "last Thursday, the company said."
    )
    programs = {f["program"] for f in facts_of(text, "operates")}
    assert "Presence Detection" in programs


def test_the_program_named_in_the_same_phrase_wins(facts_of) -> None:
    text = (
        "Lumora Labs ran Project Tessellate on its support agents. In April, Brisco Health, "
        "a Denver telehealth provider, scrapped a screen-recording program called Clarion."
    )
    pairs = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert ("Brisco Health", "Clarion") in pairs
    assert ("Brisco Health", "Project Tessellate") not in pairs


def test_a_trade_title_is_not_a_product(facts_of) -> None:
    text = (
        "The firm licenses MinuteMark for $310,000 a year, according to a letter reviewed by "
        "WorkLife Review. WorkLife Review first reported the deal. WorkLife Review also "
        "obtained the memo."
    )
    assert all(f["program"] != "WorkLife" for f in facts_of(text, "operates"))


def test_product_name_before_a_lower_case_description(facts_of) -> None:
    text = (
        "A cloud bucket belonging to WorkLens Technologies, the Dublin company behind the "
        "WorkLens Monitor employee-monitoring software, was left open. Galloway Insurance, "
        "which used WorkLens Monitor on 900 call-centre staff, has suspended it."
    )
    programs = {f["program"] for f in facts_of(text, "operates")}
    assert programs == {"WorkLens Monitor"}, programs


@pytest.mark.parametrize(
    "text",
    [
        "StaffSense, which Halvern Bank introduced in 2023, tracks keystrokes.",
        "Staff at Halvern Bank have been monitored by StaffSense since 2022.",
        "Under a pilot launched in May, Halvern Bank began using StaffSense to score agents.",
    ],
)
def test_program_named_by_what_is_done_with_it(facts_of, text: str) -> None:
    pairs = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert pairs == {("Halvern Bank", "StaffSense")}


@pytest.mark.parametrize(
    ("text", "org", "program"),
    [
        ("Blue Origin will offer NASA its Blue Moon lander.", "Blue Origin", "Blue Moon"),
        ("Apple's Vision Pro headset goes on sale in February.", "Apple", "Vision Pro"),
        (
            "Tesla has sold its Full Self-Driving software to 400,000 drivers.",
            "Tesla",
            "Full Self-Driving",
        ),
        ("Mr Butler bought Tesla's Model 3 in 2019.", "Tesla", "Model 3"),
        (
            "Sierra Nevada Corporation said it would use technology built for its Dream Chaser vehicle.",
            "Sierra Nevada Corporation",
            "Dream Chaser",
        ),
    ],
)
def test_a_possessed_product_is_operated_by_its_owner(
    facts_of, text: str, org: str, program: str
) -> None:
    got = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert (org, program) in got


@pytest.mark.parametrize(
    "text",
    [
        # a product noun without an owner names nothing
        "The Blue Moon lander was shown at a trade fair.",
        "A Tesla car crashed into a lamp post in Leeds.",
        "The Starship rocket exploded over the Gulf of Mexico.",
        # a possessed name is a product only with a model number or as NER's one-word PRODUCT
        "Google's Sundar Pichai spoke at the conference.",
    ],
)
def test_an_unowned_product_noun_names_no_program(facts_of, text: str) -> None:
    assert facts_of(text, "operates") == []


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "Prices fell at Amazon-owned Whole Foods Market and at Kroger-owned QFC stores.",
            {("Amazon", "Whole Foods Market"), ("Kroger", "QFC")},
        ),
        (
            "The firm Alden Capital, which owns the Denver Post, San Jose Mercury News and "
            "more than 90 other publications, has attracted attention.",
            {("Alden Capital", "Denver Post"), ("Alden Capital", "San Jose Mercury News")},
        ),
        (
            "Alden paid $25 a share for Tribune, the owner of the Chicago Tribune and the "
            "Baltimore Sun.",
            {("Tribune", "Chicago Tribune"), ("Tribune", "Baltimore Sun")},
        ),
    ],
)
def test_an_owner_operates_what_it_owns(facts_of, text: str, pairs: set) -> None:
    got = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert pairs <= got, got


@pytest.mark.parametrize(
    "text",
    [
        "GateHouse-owned newsrooms are often half the size within months.",
        "Emirates bought 30 Boeing jets at the Dubai Airshow.",
        "He took the kids to Walmart and bought the ingredients for a pittance.",
        "Tribune, the former owner of The Times, declined to comment.",
    ],
)
def test_no_ownership(facts_of, text: str) -> None:
    assert facts_of(text, "operates") == []


def test_product_in_apposition_though_ner_calls_it_a_person(facts_of) -> None:
    text = (
        "The board voted on Monday to suspend HallPass Sentinel, a monitoring service that "
        "reads pupils' school email."
    )
    names = {f["program"] for f in facts_of(text, "collects")}
    assert names == {"HallPass Sentinel"}, names


def test_a_short_form_and_the_full_name_are_one_organisation(facts_of) -> None:
    text = (
        "Lakemoor pauses BedTrack at two campuses\n\n"
        "Lakemoor Health has used BedTrack, a badge system that tracks where nurses are, "
        "since March. Lakemoor Health said the badges keep patients safe."
    )
    orgs = {f["organization"] for f in facts_of(text, "operates")}
    assert orgs == {"Lakemoor Health"}, orgs


def test_a_name_ner_calls_a_person_before_a_device_noun(facts_of) -> None:
    text = (
        "Dunmore Borough Council has approved the Clearway Dunmore camera network. "
        "The council says the network will record every number plate."
    )
    programs = {f["program"] for f in facts_of(text, "operates")}
    assert any(p.startswith("Clearway Dunmore") for p in programs), programs


def test_technologies_are_not_programs(facts_of) -> None:
    text = "Dunmore Borough Council installed 40 new CCTV cameras and GPS trackers on its vans."
    programs = {f["program"] for f in facts_of(text, "operates")}
    assert not programs & {"CCTV", "GPS"}, programs


def test_a_second_program_described_by_its_own_technology(facts_of) -> None:
    text = (
        "Dunmore Borough Council has approved the Clearway Dunmore camera network. "
        "The council says the network will record every number plate. "
        "Some readers asked about the facial recognition trial at the bus station. "
        "The council's facial recognition pilot, which scanned the faces of passengers, "
        "was scrapped last March."
    )
    statuses = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert any("facial recognition" in p and a == "cancelled" for p, a in statuses), statuses
    assert not any(p.startswith("Clearway") and a == "cancelled" for p, a in statuses)


def test_a_feature_of_a_named_program_is_that_program(facts_of) -> None:
    text = (
        "Vellum Soft sells a tool called Beacon. Beacon rates staff messages. "
        "Its sentiment feature scores the tone of each email. "
        "The sentiment feature was switched off in May."
    )
    programs = {f["program"] for f in facts_of(text, "status")}
    assert programs == {"Beacon"}, programs


def test_the_rival_tracking_under_its_own_program(facts_of) -> None:
    text = (
        "Marlowe Haulage installed CabWatch cameras in 2023. Rival Tenby Express, which logs "
        "drivers' heart rates and sleep through wristbands under a program called RestRight, "
        "said it had no plans to drop that system."
    )
    ops = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert ("Tenby Express", "RestRight") in ops
    assert ("Marlowe Haulage", "RestRight") not in ops


def test_a_rivals_own_pilot_is_no_vote_for_the_story_program(facts_of) -> None:
    text = (
        "Marlowe Haulage Ltd rolled out CabWatch, a driver camera system, in 2023. The "
        "company said CabWatch cut crashes. Rival Tenby Express said last week it had paused "
        "a pilot of driver-facing cameras."
    )
    ops = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert ops == {("Marlowe Haulage Ltd", "CabWatch")}


def test_the_city_a_company_is_based_in_runs_nothing(facts_of) -> None:
    text = (
        "The regulator fined Vesoul Santé SAS, a Lyon-based telehealth company, after the "
        "records of patients using its remote-monitoring app were left open online. The "
        "company runs Vesoul Suivi, an app that patients use at home."
    )
    ops = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert ops == {("Vesoul Santé SAS", "Vesoul Suivi")}


def test_a_name_set_off_by_commas_after_the_software(facts_of) -> None:
    text = (
        "The renewal with Lumina EdSafety, the company that sells the software, Beacon Ward, "
        "is worth $1.04 million. The Ashford Valley School District has used Beacon Ward "
        "since 2021. Beacon Ward flagged 37 students last year."
    )
    programs = {f["program"] for f in facts_of(text, "operates")}
    assert programs == {"Beacon Ward"}


def test_a_company_described_as_one_is_no_program(facts_of) -> None:
    text = (
        "The Port Ellery Police Department will spend $1.2 million on a contract with "
        "Plateline, the Atlanta company whose cameras the city first installed in 2021."
    )
    assert "Plateline" not in {f["program"] for f in facts_of(text, "operates")}


def test_a_public_body_the_story_only_describes(facts_of) -> None:
    text = (
        "PORT ELLERY — The Port Ellery City Council voted on Tuesday to expand the police "
        "department's surveillance technology. About $1.5 million will go to the drone "
        "program, known as Sky Response. The department said the drones had flown 1,340 "
        "missions. The police department, which has 412 sworn officers, accounts for a third "
        "of the budget of Port Ellery."
    )
    ops = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert ops == {("Port Ellery Police Department", "Sky Response")}
    staff = {(f["organization"], f["count"]) for f in facts_of(text, "workforce")}
    assert staff == {("Port Ellery Police Department", 412)}


def test_software_made_by_a_vendor_which_the_client_introduced(facts_of) -> None:
    text = (
        "The monitoring is carried out with DeskPulse, software made by the Leeds company "
        "Tallyworks, which Pemberton introduced for its home-based agents in January last "
        "year. Pemberton employs 9,300 people. The company has not suspended the tool."
    )
    ops = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert ops == {("Pemberton", "DeskPulse")}
    status = [(f["program"], f["action"], f.get("date")) for f in facts_of(text, "status")]
    assert status == [("DeskPulse", "launched", "2023-01")]


@pytest.mark.parametrize(
    ("text", "program"),
    [
        ("The tool, Insight360, was paused on Friday pending an internal review.", "Insight360"),
        (
            "In 2022 the regulator fined the insurer Carrow Mutual £350,000 over Lantern, a "
            "system the company used to scan the private emails staff sent from work laptops.",
            "Lantern",
        ),
    ],
)
def test_names_beside_a_program_noun_the_parse_misses(facts_of, text: str, program: str) -> None:
    assert program in {f["program"] for f in facts_of(text, "operates")} | {
        f["program"] for f in facts_of(text, "status")
    }


def test_a_company_the_text_describes_before_its_name(facts_of) -> None:
    text = (
        "Supermarket chain Brightwell has switched off facial recognition cameras in 35 of "
        "its shops. The technology, known as ShopGuard, was first switched on at a Brightwell "
        "branch in Croydon in 2023. Sara Okonjo, a teaching assistant from Croydon, said she "
        "was stopped by guards. Brightwell chief executive Ian Farrow defended ShopGuard."
    )
    ops = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert ops == {("Brightwell", "ShopGuard")}


def test_a_quoted_name_after_an_adjective_and_its_lower_case_short_form(facts_of) -> None:
    text = (
        "Investigators found that Fetchly cut off 212 couriers on the strength of an automated "
        '"Courier Trust Score," without anyone at the company looking at their cases. More '
        "than 9,000 couriers have signed a petition calling on Fetchly to scrap the trust score."
    )
    assert {(f["organization"], f["program"]) for f in facts_of(text, "operates")} == {
        ("Fetchly", "Courier Trust Score")
    }
    assert [f["target"] for f in facts_of(text, "petition")] == ["Courier Trust Score"]


@pytest.mark.parametrize(
    ("text", "org", "program"),
    [
        # a program the story only describes is still one
        (
            "Last spring Wexcombe Insurance, a Bristol-based insurer, scrapped a screen-"
            "recording tool after staff complained. Wexcombe Insurance said the "
            "keystroke-logging tool had logged keystrokes since 2022.",
            "Wexcombe Insurance",
            "keystroke-logging tool",
        ),
        # a Title Case name joined by "as" is one name
        (
            "The county sheriff's office expanded its Deputy as Data Steward program in May. "
            "The Deputy as Data Steward program logs the location of every patrol car.",
            "sheriff's office",
            "Deputy as Data Steward",
        ),
    ],
)
def test_programs_described_or_named_with_small_words(
    facts_of, text: str, org: str, program: str
) -> None:
    programs = {f["program"] for f in facts_of(text, "operates")}
    assert program in programs, programs


def test_one_technology_described_two_ways_is_one_program(nlp) -> None:
    text = (
        "Corlan Foods installed fingerprint scanners at its depots in 2023. Staff said the "
        "fingerprint terminals were slow. Corlan Foods removed the fingerprint terminals in May."
    )
    with nlp.select_pipes(disable=[nlp.pipe_names[-1]]):  # the programs, before relations
        names = {m.name for m in nlp(text)._.programs}
    assert names == {"fingerprint scanners"}, names


def test_plate_readers_watch_passing_vehicles(facts_of) -> None:
    text = (
        "The town's police department runs 40 automated licence plate readers. The readers "
        "photograph every passing vehicle and log its plate number with the time and place."
    )
    programs = {f["program"] for f in facts_of(text, "collects")}
    assert programs == {"automated licence plate readers"}, programs
    data = {f["data"] for f in facts_of(text, "collects")}
    assert "plate number" in data, data
    assert "passing vehicle" not in data, data
    watched = {f["subjects"] for f in facts_of(text, "monitors")}
    assert watched == {"passing vehicles"}, watched


def _program_names(nlp, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    with nlp.select_pipes(disable=[nlp.pipe_names[-1]]):  # the programs, before relations
        return {m.name for m in nlp(text)._.programs}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a name after "known as the", and its second name after ", or"
        (
            "A tribunal found that the tool, known as the Huurtoeslag Check, or Rent Aid "
            "Check, was unlawful. The Rent Aid Check was run by the city of Zwolhaven.",
            {"Huurtoeslag Check"},
        ),
        # a part of a product called by name is a program of its own
        (
            "The town of Elsmere had been testing a Corvana module called Spendwise since May.",
            {"Spendwise"},
        ),
        # a formal name after the program's own name is the same program
        (
            "Project Heron, known formally as the Maritime Pattern Analysis Unit, was set up by "
            "the navy in 2019.",
            {"Project Heron"},
        ),
    ],
)
def test_second_names_and_named_modules(nlp, text: str, names: set[str]) -> None:
    assert _program_names(nlp, text) == names


def test_the_client_runs_the_system_not_the_vendor_that_sells_it(facts_of) -> None:
    text = (
        "Elmbridge Valley School District voted on Monday to extend its contract with Sentra "
        "Guard Inc for two years. The district has paid the Denver company about $90,000 a year "
        "since 2022, when its SafeLens Alert system was installed on pupils' laptops. SafeLens Alert "
        "scans pupils' emails and web searches. Sentra Guard Inc says its software is used in "
        "1,200 districts."
    )
    operators = {f["organization"] for f in facts_of(text, "operates")}
    assert operators == {"Elmbridge Valley School District"}, operators


def test_a_vendor_story_about_its_own_product_keeps_the_vendor(facts_of) -> None:
    text = (
        "Facetrace Ltd, which sells face-search software to police forces, was fined £2m. "
        "Facetrace Ltd runs the FaceFind database, which holds 3 billion photographs."
    )
    operators = {f["organization"] for f in facts_of(text, "operates")}
    assert operators == {"Facetrace Ltd"}, operators


def test_a_town_that_uses_a_system_runs_it(facts_of) -> None:
    text = (
        "Brayton Falls, a city of about 90,000 people, began using automated licence plate "
        "readers in 2020. The readers log plate numbers."
    )
    operators = {f["organization"] for f in facts_of(text, "operates")}
    assert operators == {"Brayton Falls"}, operators


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # NER takes the two-word CamelCase product for a person
        (
            "Each night a child read to StoryPal Buddy, the app was listening. StoryPal Buddy "
            "kept children's names and reading scores, the complaint says. Lumenly says "
            "StoryPal Buddy is used in 4,000 schools.",
            {"StoryPal Buddy"},
        ),
        # a hashtag is no product
        (
            "Fans followed the landing live. #ProbeLanding trended all day. Then #ProbeLanding "
            "trended again. And now, to the end: #ProbeLanding.",
            set(),
        ),
    ],
)
def test_camel_case_names(nlp, text: str, names: set[str]) -> None:
    assert _program_names(nlp, text) == names


@pytest.mark.parametrize(
    ("name", "org_like"),
    [
        ("Plateline", True),  # "Plateline, the Atlanta company"
        ("Vexa", True),  # "the company Vexa"
        ("Lumen", True),  # "Lumen's chief executive"
        ("Acme", True),  # "Acme Inc"
        ("Kindred Alert", False),  # a product that scans
        ("Atlanta", False),  # a word inside the description
        ("Lume", False),  # part of a longer word
    ],
)
def test_what_the_text_treats_as_an_organisation(name: str, org_like: bool) -> None:
    from extract.nlp.programs import _org_like

    text = (
        "Plateline, the Atlanta company whose cameras read plates, said so. The company Vexa "
        "said so too. Kindred Alert scans emails. Lumen's chief executive spoke. Acme Inc runs "
        "Brightpath's monitoring program."
    )
    assert _org_like(text, name) is org_like


def test_the_firm_is_never_the_union_named_before(facts_of) -> None:
    text = (
        "About 300 staff at Tamsin Freight's call centres walked out on Monday, according to "
        "the Logistics Workers Union (LWU). The firm introduced the software in May under the "
        "name Project Beacon."
    )
    got = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert got == {("Tamsin Freight", "Project Beacon")}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # the firm a relative clause describes runs what it names
        (
            "Marlow Foods said its Marlow Plus app was switched off. Rival Pickfords Grocers, "
            "which runs the Pickfords Perks loyalty scheme, said it was not affected.",
            ("Pickfords Grocers", "Pickfords Perks"),
        ),
        (
            "The PDPC also looked into Bellmont Cleaning Services, another contractor, which "
            "uses an app called ShiftBeacon to log cleaners' locations.",
            ("Bellmont Cleaning Services", "ShiftBeacon"),
        ),
    ],
)
def test_the_organisation_a_relative_clause_describes(facts_of, text: str, pair: tuple) -> None:
    assert pair in {(f["organization"], f["program"]) for f in facts_of(text, "operates")}


def test_a_firm_that_sells_the_software_is_not_its_operator(facts_of) -> None:
    text = (
        "Corrin Signals Pty Ltd, a Perth outfit that sells monitoring software to banks, left "
        "a storage bucket open. Since 2023, Westfold Bank has run a program it calls "
        "DeskSignal, which uses Corrin's software. Westfold Bank paused DeskSignal on Monday. "
        "Corrin Signals said the bucket was closed. Corrin Signals apologised."
    )
    got = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert got == {("Westfold Bank", "DeskSignal")}


def test_a_name_described_after_a_comma_though_ner_calls_it_a_person(facts_of) -> None:
    text = (
        "Couriers for Dashwell walked out. At the heart of the dispute is Check Now, the face "
        "verification system the company introduced in May. Dashwell will pause Check Now."
    )
    got = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert got == {("Dashwell", "Check Now")}


@pytest.mark.parametrize(
    "text",
    [
        # a common noun capitalised at the start of a sentence names nothing
        "Drivers working for Vantro, the app that brings parcels to homes in 30 towns, are "
        "striking. Vantro said drivers are paid fairly.",
        # a body that owns cameras is not a product of that name
        "The City's own cameras record live video around the clock. The City said the "
        "cameras cut crime.",
        # where a software company sits is no product of its
        "BELLEVUE, Wash. — A Bellevue software company that sells tools to watch staff left "
        "screenshots exposed. The images were taken by DeskTally, its monitoring program.",
    ],
)
def test_no_program_from_a_capital_or_an_owner(nlp, text: str) -> None:
    with nlp.select_pipes(disable=[nlp.pipe_names[-1]]):
        doc = nlp(text)
    assert {p.name for p in doc._.programs} & {"Drivers", "City", "Bellevue"} == set()


def test_the_noun_the_text_described_a_company_with_is_that_company(nlp) -> None:
    text = (
        "Buckeye Last Mile LLC, which delivers packages in Ohio for the online retailer "
        "Marketbay, installed cameras in January. Buckeye requires drivers to run the "
        "retailer's Route Pulse app. Marketbay said the app is safe."
    )
    with nlp.select_pipes(disable=[nlp.pipe_names[-1]]):
        doc = nlp(text)
    names = doc._.names
    assert names.described_as(doc, "retailer") == "Marketbay"
    assert names.described_as(doc, "company") is None  # too general to tell


def test_its_in_a_by_phrase_belongs_to_the_company_the_sentence_is_about(facts_of) -> None:
    text = (
        "BERLIN, May 3 (Newswire) - Germany's data watchdog said it had fined Velotrak AG. "
        "The Munich-based bicycle courier company broke the European Union's data law by "
        "tracking riders around the clock through its PedalWatch app, the watchdog said."
    )
    facts = facts_of(text, "operates")
    assert [(f["organization"], f["program"]) for f in facts] == [("Velotrak AG", "PedalWatch")]


def test_a_product_ner_calls_an_organisation_that_the_text_never_treats_as_one(facts_of) -> None:
    text = (
        "Union questions Beacon software\n\n"
        "Corlith Inc. sells Beacon to call centres. Beacon logs every call an agent takes. "
        "The company said Beacon had 400 customers. Shares of Corlith rose 2%."
    )
    facts = facts_of(text, "operates")
    assert [(f["organization"], f["program"]) for f in facts] == [("Corlith Inc", "Beacon")]


@pytest.mark.parametrize("verb", ["marketed", "sold", "billed", "branded"])
def test_a_module_marketed_as_a_name_is_a_program(facts_of, verb: str) -> None:
    text = (
        f"Drovell Ltd watches its remote staff. An extra module {verb} as Desk Presence "
        "also snaps webcam photos to check that each worker is at the laptop."
    )
    facts = facts_of(text, "collects")
    assert {f["program"] for f in facts} == {"Desk Presence"}, facts


@pytest.mark.parametrize(
    ("text", "program", "not_program"),
    [
        # the parse hangs "a system that ..." on the company; the name before it is the one
        (
            "Rival outsourcer Pellucid Services, which employs about 3,000 people in Pune, "
            "dropped GazeCheck, a system that photographed agents to record attendance, in "
            "March.",
            "GazeCheck",
            "Pellucid Services",
        ),
        # "an application Brightdesk introduced": who introduced it is no name of it
        (
            "The figures come from TaskMeter, a desktop application Brightdesk introduced "
            "in May 2024.",
            "TaskMeter",
            "Brightdesk",
        ),
        # a score called by a name is a named scoring system
        (
            "Agents say their pay is tied to the score, called FlowIndex, that managers see.",
            "FlowIndex",
            None,
        ),
    ],
)
def test_which_name_a_description_names(nlp, text: str, program: str, not_program) -> None:
    with nlp.select_pipes(disable=[nlp.pipe_names[-1]]):
        doc = nlp(text)
    names = {p.name for p in doc._.programs}
    assert program in names and not_program not in names, names


@pytest.mark.parametrize(
    ("text", "program", "org"),
    [
        (
            "Trellis Digital uses PaceDesk to time its moderators. Peer firm Orvane "
            "Services, which employs about 4,000 people in Pune, scrapped FaceTally, a system "
            "that photographed staff through their webcams, in January.",
            "FaceTally",
            "Orvane Services",
        ),
        (
            "Velmora Software AG paused Project Echo. Munich-based Kalvani AG signed a works "
            "agreement in January and then launched a voluntary scheme called Datenteilen.",
            "Datenteilen",
            "Kalvani AG",
        ),
    ],
)
def test_a_second_firms_program_is_that_firms(facts_of, text: str, program: str, org: str) -> None:
    got = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert (org, program) in got, got


def test_the_story_organisation_named_with_a_list_of_firms_runs_its_program(facts_of) -> None:
    text = (
        "NASA said on Monday that it had picked new landers. NASA said the five companies, "
        "Corvel Space, Tarrow Labs and Ingot Robotics, had been selected to join the "
        "companies with Lunar Freight Services contracts."
    )
    got = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert all(org != "Ingot Robotics" for org, _ in got), got


@pytest.mark.parametrize(
    ("text", "program", "org"),
    [
        # a Title Case name whose last word says it is a program, its acronym no company
        (
            "Addresses of 40,000 tenants enrolled in the Kerala government's Housing Support "
            "Registry (KHSR) were left open on an unsecured server, a researcher found. The "
            "registry was set up in 2022 by the Department of Housing to track rent arrears.",
            "Housing Support Registry",
            "Kerala government",
        ),
        # an owned name before "gates": the owner's system, whatever NER calls the name
        (
            "Harborline Airways has run its SkyFace boarding gates at six airports since "
            "2021. The gates capture each traveller's face.",
            "SkyFace",
            "Harborline Airways",
        ),
    ],
)
def test_a_public_program_and_its_runner(facts_of, text: str, program: str, org: str) -> None:
    facts = facts_of(text, "operates")
    assert [(f["organization"], f["program"]) for f in facts] == [(org, program)], facts


@pytest.mark.parametrize(
    "text",
    [
        "The Federal Reserve System raised rates again on Wednesday.",
        # a headline's words are all capitalised
        "Tallis Bank Shelves Its AI-Training Surveillance Program After Staff Revolt",
        # the publication's own app
        "Download The Harbour Standard App to get daily market updates.",
    ],
)
def test_a_capitalised_name_ending_in_a_program_word_that_is_none(nlp, text: str) -> None:
    with nlp.select_pipes(disable=[nlp.pipe_names[-1]]):
        doc = nlp(text)
    assert not [p.name for p in doc._.programs if p.name.endswith(("System", "Program", "App"))]


@pytest.mark.parametrize("body", ["Metro Transit Authority", "Port Authority", "Roads Authority"])
def test_an_authority_that_runs_services_runs_its_systems(facts_of, body: str) -> None:
    text = (
        f"The Kisumu {body}, which runs the GateSight cameras, switched them off on "
        "Monday. Open Roads Kenya welcomed the move."
    )
    facts = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert facts == {(f"Kisumu {body}", "GateSight")}, facts


def test_a_program_made_of_a_vendors_product_is_one_program(facts_of) -> None:
    text = (
        "Calder Baines & Co paused Project Lumen on Monday. Project Lumen runs on Tally, a "
        "staff analytics product from Denver-based Orvane Labs Inc. Installed on firm "
        "laptops, it logged keystrokes and took screenshots. Calder Baines sells its "
        "consultants' time by the hour."
    )
    facts = facts_of(text)
    assert {(f["organization"], f["program"]) for f in facts if f["type"] == "operates"} == {
        ("Calder Baines & Co", "Project Lumen")
    }, facts
    assert {f["program"] for f in facts if f["type"] == "collects"} == {"Project Lumen"}, facts


def test_another_firms_unnamed_pilot_is_its_own(facts_of) -> None:
    text = (
        "Calder Baines & Co paused Project Lumen, which logged keystrokes, on Monday. It is "
        "not the only firm to test such tools. Dublin law firm Orrery Quinn LLP dropped a "
        "keystroke-logging pilot for its trainees last year."
    )
    facts = facts_of(text)
    status = {(f["program"], f["action"]) for f in facts if f["type"] == "status"}
    assert status == {("Project Lumen", "paused"), ("keystroke-logging pilot", "cancelled")}, status


def test_an_abbreviation_for_a_kind_of_card_is_no_program(facts_of) -> None:
    text = (
        "The regulator found that Corbel Contact had scanned workers' faces at its call "
        "centres without offering any alternative, such as ID cards or SIM cards."
    )
    assert {f.get("program") for f in facts_of(text)} <= {None}, facts_of(text)


def test_a_site_named_for_its_town_is_no_product(facts_of) -> None:
    text = (
        "Darnell Price, who drove for Redway out of its Joliet terminal for six years, said "
        "the DriveEye cameras filmed him. More than 900 Redway drivers signed a petition "
        "against DriveEye."
    )
    programs = {f.get("program") or f.get("target") for f in facts_of(text)} - {None}
    assert programs == {"DriveEye"}, programs


def test_a_law_runs_nothing(facts_of) -> None:
    text = (
        "Valmora council switched off the EchoWatch microphones in its streetlights. The case "
        "comes as the EU's Artificial Intelligence Act begins to restrict the use of "
        "EchoWatch in public spaces."
    )
    orgs = {f["organization"] for f in facts_of(text, "operates")}
    assert "Artificial Intelligence Act" not in orgs, orgs


def test_it_is_built_on_a_vendors_product(facts_of) -> None:
    text = (
        "Corran Mutual rolled out Project Beacon in March. It is built on WorkLedger, a "
        "product Corran Mutual licenses from Ilford Systems, a software company based in "
        "Leeds. WorkLedger logs keystrokes."
    )
    # the licensee runs it: not the product, nor the firm it is licensed from
    facts = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert len(facts) == 1 and next(iter(facts))[0].startswith("Corran"), facts
    assert next(iter(facts))[1] == "Project Beacon", facts


def test_the_outlet_reporting_the_story_is_no_program(facts_of) -> None:
    text = (
        "Pune-based Zentrix Systems has paused Project Darpan, a program that recorded "
        "developers' screens. In an email which NewsKhabar has reviewed, Zentrix said the "
        "pause was temporary. In a statement to NewsKhabar, a spokesperson said the data was "
        "safe. The vendor did not respond to NewsKhabar's queries."
    )
    programs = {f["program"] for f in facts_of(text) if "program" in f}
    assert "NewsKhabar" not in programs and "Project Darpan" in programs, programs


def test_a_common_word_heading_is_no_program(facts_of) -> None:
    text = (
        "Brisco Cleaning runs a fleet of 300 company vans. The regulator fined Brisco on "
        "Monday.\n\nVans tracked every 30 seconds\n\nThe vans carried geolocation boxes "
        "that logged their position."
    )
    programs = {f["program"] for f in facts_of(text) if "program" in f}
    assert "Vans" not in programs, programs


@pytest.mark.parametrize(
    ("text", "program"),
    [
        (
            "Harlow Insurance has halted its analysis of agents' call recordings after staff complained.",
            "analysis of agents' call recordings",
        ),
        (
            "Tern Freight began the tracking of its couriers in May, managers said.",
            "tracking of its couriers",
        ),
    ],
)
def test_a_program_described_by_what_it_does_to_what(facts_of, text: str, program: str) -> None:
    ops = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert any(p == program for _, p in ops), ops


@pytest.mark.parametrize(
    "text",
    [
        "Any monitoring of workers must be necessary and proportionate, the regulator said.",
        "The leaked folder held recordings of about 300 pupils, the council said.",
    ],
)
def test_monitoring_in_general_and_plural_recordings_are_no_program(facts_of, text: str) -> None:
    assert not facts_of(text, "operates"), facts_of(text, "operates")


def test_a_name_after_a_verb_and_its_particle_is_a_program(facts_of) -> None:
    text = "Drummond Haulage finished rolling out LaneWatch across its fleet in June, and drivers have complained ever since."
    ops = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert ("Drummond Haulage", "LaneWatch") in ops, ops


def test_a_roundup_section_describes_its_own_program_before_naming_it(facts_of) -> None:
    text = (
        "Weekly roundup\n\n"
        "1. Leeds: badges that follow cleaners\n\n"
        "Pellow Estates introduced TrackTag, a badge that logs where cleaners are, in May. "
        "TrackTag logs every room a cleaner enters.\n\n"
        "2. Dublin: a pause at the tills\n\n"
        "Carrick Stores has paused its facial recognition trial, the grocer said on Tuesday. "
        "The system, branded ShopGuard, scanned the face of every shopper.\n\n"
        "Carrick Stores said it would decide on ShopGuard in the new year.\n\n"
    )
    acts = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert ("ShopGuard", "paused") in acts and ("TrackTag", "paused") not in acts, acts


def test_a_wire_dateline_is_no_operator(facts_of) -> None:
    text = "CHENNAI, March 3 (APW) - Varuna Systems, a logistics firm, has suspended TrackBand, a wristband that timed its packers, the company said on Friday."
    ops = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert ops == {("Varuna Systems", "TrackBand")}, ops


def test_a_number_before_program_is_no_name(facts_of) -> None:
    text = "Pellow Estates introduced TrackTag in May. One program is still running; the other was dropped."
    assert {f["program"] for f in facts_of(text, "operates")} == {"TrackTag"}


def test_a_word_in_scare_quotes_is_no_program(facts_of) -> None:
    text = 'Pellmark launched Project Foundry in May. Pellmark said the data would teach its AI "agents" - software that fills in forms.'
    assert {f["program"] for f in facts_of(text, "operates")} == {"Project Foundry"}


def test_the_short_form_of_a_company_running_a_program_in_a_relative_clause(facts_of) -> None:
    text = (
        "A claims handler at Marrick Health logs in each morning. The light belongs to Scribe, "
        "a program that Marrick, one of the largest insurers in the country, has been running "
        "since March. Marrick signed a contract with Tessel Labs in February, and Tessel says its "
        "platform learns from the best people."
    )
    ops = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert ("Marrick Health", "Scribe") in ops, ops


def test_the_vendor_that_maintains_a_system_does_not_run_it(facts_of) -> None:
    text = (
        "Harbour Mutual Bank (HMB) was fined over VoiceLens, which it used to score its "
        "call-centre staff. The recordings sat on a drive that staff of Orrin Systems, the "
        "vendor that maintained VoiceLens, could open. HMB stopped using VoiceLens in May. "
        "Orrin Systems did not respond."
    )
    ops = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert ("Harbour Mutual Bank", "VoiceLens") in ops and not any(
        o == "Orrin Systems" for o, _ in ops
    ), ops


def test_a_company_that_is_its_own_app_runs_the_program_named_after_it(facts_of) -> None:
    text = (
        "Zoomr, the country's largest ride-hailing app, has been under fire since May, when "
        "drivers found that its Zoomr Watch system was filming them. Zoomr says the system is "
        "for safety. Zoomr CEO Lee Jun-ho said the cameras cut disputes."
    )
    ops = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert ops == {("Zoomr", "Zoomr Watch")}, ops


def test_a_word_inside_a_unions_name_is_no_program(facts_of) -> None:
    text = (
        "Zoomr rolled out the Zoomr Watch system in May. Lee Min-ji, who chairs the Korean "
        "Platform Couriers Union, says the cameras must go."
    )
    progs = {f["program"] for f in facts_of(text, "operates")}
    assert progs == {"Zoomr Watch"}, progs


def test_a_name_the_text_defines_as_a_kind_of_program(facts_of) -> None:
    text = (
        'Cara Segura ("Safe Face") is a facial-recognition check that Rapidô introduced in '
        "March. Couriers must take a selfie before each shift. On Monday Rapidô suspended "
        "Cara Segura."
    )
    ops = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    statuses = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert ("Rapidô", "Cara Segura") in ops, ops
    assert ("Cara Segura", "paused") in statuses, statuses


def test_something_called_x_is_run_by_who_brought_it_in(facts_of) -> None:
    text = (
        "Harlow Mobile runs call centres in Hull. Harlow brought in something called "
        "CallPulse last year. CallPulse listens to every call and scores the agent's tone."
    )
    got = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert got == {("Harlow Mobile", "CallPulse")}, got


def test_a_system_marketed_under_a_name_is_that_program(facts_of) -> None:
    text = (
        "Buses Litoral Sur began installing fatigue-detection cameras, marketed under the name "
        "Vigía Ruta, in its coaches in 2023. The devices detect yawning and eye closure."
    )
    operates = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert operates == {("Buses Litoral Sur", "Vigía Ruta")}, operates


def test_a_name_set_off_after_a_program_noun_names_it(facts_of) -> None:
    # NER calls the two-word name a person; after "a ... system," it is the system's name
    text = (
        "At its racetracks, Meridian Leisure Group runs a facial recognition system, Gate Keeper, "
        "that was installed to spot banned punters. It now also logs when stewards arrive."
    )
    operates = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert operates == {("Meridian Leisure Group", "Gate Keeper")}, operates


def test_the_paper_s_own_masthead_is_no_program(facts_of) -> None:
    # "The PUNCH gathered that ...": the paper itself, in capitals, as a tracking verb's subject
    text = (
        "Okomu Energy Limited has denied that heart-rate data from its wristbands leaked.\n\n"
        "The firm added that it had hired an outside auditor to review the file.\n\n"
        "The PUNCH gathered that Okomu introduced the wristbands, branded ShiftBand, in March "
        "2024 as part of a fatigue scheme for crews on its offshore rigs."
    )
    facts = facts_of(text, publisher="Punch Newspapers")
    programs = {f["program"] for f in facts if "program" in f}
    assert "PUNCH" not in programs and "ShiftBand" in programs, programs


def test_the_coast_of_a_region_is_a_place_not_the_operator(facts_of) -> None:
    # NER calls the company a person and the county an organisation
    text = (
        "Lysfjord Kraft, which runs a floating wind farm off the coast of Rogaland, said on "
        "Monday that it had launched a pilot in which 40 technicians would wear biometric "
        "sensors called PulseGuard."
    )
    operates = {(f["organization"], f["program"]) for f in facts_of(text, "operates")}
    assert "Rogaland" not in {o for o, _ in operates}, operates


def test_a_subheading_names_no_operator(facts_of) -> None:
    # "Eyes on the Gaming Floor": a subheading in headline case, whatever NER tags in it
    text = (
        "Marlow Bay Resorts tracks its housekeepers through their panic badges.\n\n"
        "Eyes on the Gaming Floor\n\n"
        "At its casinos, the company runs a facial recognition system, Table Watch, that "
        "was installed to spot banned gamblers."
    )
    operates = {f["organization"] for f in facts_of(text, "operates")}
    assert operates == {"Marlow Bay Resorts"}, operates
