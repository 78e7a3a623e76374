"""``workforce``: counts of workers cut, employed, displaced, resigning."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "org", "count"),
    [
        ("WeWork will cut 4,000 jobs, the company said.", "WeWork", 4000),
        (
            "At the time Amazon France Logistique had about 6,200 employees on permanent contracts.",
            "Amazon France Logistique",
            6200,
        ),
        ("Meta's AI reorganization displaced 6,500 engineers.", "Meta", 6500),
        ("Google said about a dozen employees had resigned in protest.", "Google", 12),
        ("Tesla laid off 14,000 workers in April.", "Tesla", 14000),
        ("Parcelink plans to cut 600 jobs at its head office.", "Parcelink", 600),
    ],
)
def test_workforce(facts_of, text: str, org: str, count: int) -> None:
    facts = facts_of(text, "workforce")
    assert [(f["organization"], f["count"]) for f in facts] == [(org, count)], facts


def test_qualifier_kept(facts_of) -> None:
    f = facts_of("Google said about a dozen employees had resigned in protest.", "workforce")[0]
    assert f["qualifier"] == "about"


@pytest.mark.parametrize(
    "text",
    [
        "Nuremberg is Bavaria's second-largest city with about 520,000 inhabitants.",
        "H&M runs about 5,000 stores worldwide.",
        "Some 3,100 Google employees signed a letter to the chief executive.",
        "Teams had 115 million daily active users in October.",
        "Amazon will not cut 5,000 jobs this year.",
    ],
)
def test_not_workforce(facts_of, text: str) -> None:
    assert facts_of(text, "workforce") == []


def test_relative_clause_antecedent_is_the_employer(facts_of) -> None:
    text = "Parcelink, which employs about 3,400 couriers across the Netherlands, said it would appeal."
    assert [(f["organization"], f["count"]) for f in facts_of(text, "workforce")] == [
        ("Parcelink", 3400)
    ]


def test_reported_plan_with_would_counts(facts_of) -> None:
    text = "Kestrel Bank said in July that it would cut 3,000 roles by the end of 2027."
    got = {(f["organization"], f["count"]) for f in facts_of(text, "workforce")}
    assert ("Kestrel Bank", 3000) in got, got


def test_conditional_cut_does_not_count(facts_of) -> None:
    text = "Kestrel Bank said it would cut 3,000 roles if the merger failed."
    assert facts_of(text, "workforce") == []


def test_care_workers_are_a_workforce(facts_of) -> None:
    text = "Hearth Homecare, which employs more than 5,000 carers, introduced the app in 2021."
    got = {(f["organization"], f["count"]) for f in facts_of(text, "workforce")}
    assert ("Hearth Homecare", 5000) in got, got


def test_the_company_is_not_the_public_office_named_before(facts_of) -> None:
    text = (
        "Ferrow Fulfillment was investigated by the state Labor Commissioner's Office. "
        "The company, founded in 2009, employs about 4,200 people at its warehouses."
    )
    got = {(f["organization"], f["count"]) for f in facts_of(text, "workforce")}
    assert ("Ferrow Fulfillment", 4200) in got, got
    assert not any("Office" in o for o, _ in got), got


def test_short_form_of_a_company_is_the_company_not_a_union_named_since(facts_of) -> None:
    text = (
        "Aldermoor Bank, one of Britain's largest retail lenders, has paused the software. "
        "The union Unite said staff had been left anxious. Aldermoor announced in February "
        "that it would cut 1,500 jobs by the end of 2027."
    )
    facts = facts_of(text, "workforce")
    assert [(f["organization"], f["count"]) for f in facts] == [("Aldermoor Bank", 1500)]


@pytest.mark.parametrize(
    ("text", "org", "count"),
    [
        (
            "Lumora Labs makes help-desk software. Any of Lumora's roughly 6,800 employees "
            "could search the screenshots.",
            "Lumora",
            6800,
        ),
        (
            "Karvaan Teleservices runs call centres. At least some of the 340 agents that "
            "Karvaan let go in the June quarter had low scores.",
            "Karvaan",
            340,
        ),
        (
            "Associates at Hallorann Pryce LLP, a New York corporate law firm of roughly 380 "
            "lawyers, work under MinuteMark.",
            "Hallorann Pryce LLP",
            380,
        ),
    ],
)
def test_headcount_without_a_workforce_verb(facts_of, text: str, org: str, count: int) -> None:
    facts = facts_of(text, "workforce")
    assert [(f["organization"].split()[0], f["count"]) for f in facts] == [(org.split()[0], count)]


def test_people_watched_by_a_regulators_finding_are_no_headcount(facts_of) -> None:
    text = (
        "The ICO said Ashcombe Care Group had unlawfully processed the biometric data of "
        "about 4,600 staff."
    )
    assert facts_of(text, "workforce") == []


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_curly_apostrophe_reads_like_a_straight_one(facts_of, apostrophe: str) -> None:
    text = f"More than a third of WeWork{apostrophe}s 12,000 employees will receive notice."
    got = {(f["organization"], f["count"]) for f in facts_of(text, "workforce")}
    assert got == {("WeWork", 12000)}


def test_the_company_a_story_is_about_not_the_one_it_buys(facts_of) -> None:
    text = (
        "A regulator fined Groupe Lavande Inc. on Tuesday.\n\n"
        "The fine lands as Lavande pushes into Ontario. Last month the company agreed to buy "
        "Fenwick Home Inc., a Mississauga-based chain of 58 stores. The retailer said it would "
        "cut about 180 head-office jobs, on top of the 11,400 people it employs now."
    )
    found = {(f["organization"], f["count"]) for f in facts_of(text, "workforce")}
    assert ("Groupe Lavande Inc", 11400) in found, found
    assert all(org != "Fenwick Home" for org, _ in found), found
    assert facts_of(text, "operates") == []  # a company bought is no program


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (
            "Roughly 240 delivery drivers at three Dunmore Logistics depots outside Chicago "
            "refused to start their routes on Wednesday morning.",
            240,
        ),
        ("Harlow Freight has brought in about 90 agency drivers for the strike.", 90),
    ],
)
def test_walkouts_and_replacements(facts_of, text: str, count: int) -> None:
    assert [f["count"] for f in facts_of(text, "workforce")] == [count]


def test_a_place_named_like_a_company_is_no_employer(facts_of) -> None:
    text = (
        "Brennock Hale LLP has 700 lawyers. It is moving to a new office in Denver's "
        "Union Yards district, and last year it cut about 40 secretarial roles."
    )
    orgs = {f["organization"] for f in facts_of(text, "workforce")}
    assert orgs == {"Brennock Hale LLP"}, orgs


def test_jobs_that_go(facts_of) -> None:
    text = (
        "Tessaly Insurance Ltd said on Monday that 240 roles, most of them in its call "
        "centres, would go next year."
    )
    facts = facts_of(text, "workforce")
    assert [(f["count"], f["action"]) for f in facts] == [(240, "cut")], facts


def test_workers_who_go_somewhere_are_no_cut(facts_of) -> None:
    text = "Tessaly Insurance Ltd said about 300 workers would go to the new site in May."
    assert facts_of(text, "workforce") == []


def test_planned_recruitment_of_assistants(facts_of) -> None:
    text = "Ashby Care Homes Ltd plans to recruit 80 healthcare assistants next year."
    facts = facts_of(text, "workforce")
    assert [(f["count"], f["action"]) for f in facts] == [(80, "employed")], facts


def test_a_currency_code_ner_calls_an_org_employs_nobody(facts_of) -> None:
    text = (
        "Halvbro Transport A/S was fined DKK 2,200,000 on Monday. The company employs about "
        "900 people."
    )
    orgs = {f["organization"] for f in facts_of(text, "workforce")}
    assert "DKK" not in orgs, orgs


def test_it_opening_a_sentence_is_the_last_sentences_subject(facts_of) -> None:
    text = (
        "Ferrolink Logistics was valued at about $400m after Baobab Ventures put $60m into "
        "the company in March. It laid off 85 warehouse staff in June."
    )
    cuts = facts_of(text, "workforce")
    assert [(f["organization"], f["count"]) for f in cuts] == [("Ferrolink Logistics", 85)]


def test_a_run_of_it_goes_back_to_the_company_named(facts_of) -> None:
    text = (
        "Tessaly Mobility Inc has been leaning on driving data. Last month it agreed to buy "
        "Gravlo Maps Ltd, a Lisbon-based mapping start-up, for $120 million. In March it cut "
        "about 260 jobs, many of them in customer support."
    )
    cuts = facts_of(text, "workforce")
    assert [(f["organization"], f["count"]) for f in cuts] == [("Tessaly Mobility Inc", 260)], cuts


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # a bare count after "and"/"including" goes on with the count before it
        (
            "Tavrin Ltd employs about 2,300 people in Galway, its biggest site, and 9,800 "
            "globally.",
            {2300, 9800},
        ),
        # "or N jobs" after a share of the staff; "including N in X"
        (
            "Tavrin Ltd builds payroll software. The company cut roughly 6 per cent of its "
            "staff, or 590 jobs, last year, including 85 in Ireland.",
            {590, 85},
        ),
        # a bare count with nothing counted before it stays too vague
        ("Tavrin Ltd said it would cut 400 this year.", set()),
    ],
)
def test_counts_that_go_on_from_the_one_before(facts_of, text: str, counts: set[int]) -> None:
    found = {f["count"] for f in facts_of(text, "workforce")}
    assert found == counts, found


def test_it_after_the_company_as_subject_is_that_company_not_its_investor(facts_of) -> None:
    text = (
        "Brindlemoor Freight Ltd runs vans across Scotland. Set up in 2019, the company "
        "borrowed 40 million pounds last year from lenders including the fund Tarrow "
        "Partners. It employs about 900 drivers."
    )
    facts = facts_of(text, "workforce")
    assert [(f["organization"], f["count"]) for f in facts] == [("Brindlemoor Freight Ltd", 900)]


def test_short_form_is_the_company_named_first_not_its_subsidiary(facts_of) -> None:
    text = (
        "Harlen Mobility Ltd, the scooter firm, was fined on Monday. Harlen said it would "
        "appeal. Its German arm, Harlen Deutschland GmbH, was fined in 2023. Harlen has "
        "2,300 staff, Harlen said."
    )
    facts = facts_of(text, "workforce")
    assert [(f["organization"], f["count"]) for f in facts] == [("Harlen Mobility Ltd", 2300)]


def test_a_summary_line_calling_it_company_names_no_company(facts_of) -> None:
    text = (
        "Corvane Retail Ltd times its cashiers with scanners.\n\n"
        "Company says it will appeal\n\n"
        "The company said it had about 300 cashiers."
    )
    facts = facts_of(text, "workforce")
    assert [(f["organization"], f["count"]) for f in facts] == [("Corvane Retail Ltd", 300)]


@pytest.mark.parametrize("name", ["Delvara", "Castelli", "Varenna"])
def test_a_unit_named_after_a_company_ner_called_a_person_is_the_company(
    facts_of, name: str
) -> None:
    text = (
        f"{name}, one of Britain's biggest call-centre operators, was fined on Monday. Its "
        f"Spanish subsidiary, {name} Iberia, had filmed staff at home. {name} said it "
        f"would appeal. {name}, which is listed in London and employs 21,000 people, "
        "reported a profit. The union UGT said it would sue."
    )
    facts = facts_of(text, "workforce")
    assert [(f["organization"], f["count"]) for f in facts] == [(name, 21000)]


def test_the_company_is_never_the_university_named_last(facts_of) -> None:
    text = (
        "Pavlo Exam Systems sold its proctoring software to universities. Westmere "
        "University used it for 30,000 exams. The company, which grew fast during the "
        "lockdowns, cut 40 jobs last year."
    )
    facts = facts_of(text, "workforce")
    assert [(f["organization"], f["count"]) for f in facts] == [("Pavlo Exam Systems", 40)]


@pytest.mark.parametrize(
    "text",
    [
        "Ostrava Software AG builds tools. The company, which has a workforce of about 12,000, "
        "said on Friday it had paused the program.",
        "Ostrava Software AG builds tools. Ostrava Software AG has a headcount of 12,000.",
    ],
)
def test_a_workforce_of_a_count(facts_of, text: str) -> None:
    facts = facts_of(text, "workforce")
    assert [(f["organization"], f["count"]) for f in facts] == [("Ostrava Software AG", 12000)], (
        facts
    )


def test_people_who_bring_a_lawsuit_are_no_headcount(facts_of) -> None:
    text = (
        "Corrin Haulage agreed to pay $4 million to settle a class action brought by roughly "
        "2,100 current and former drivers over its cab cameras. Corrin employs about 3,000 "
        "drivers."
    )
    counts = {f["count"] for f in facts_of(text, "workforce")}
    assert counts == {3000}, counts


@pytest.mark.parametrize(
    ("text", "org", "count"),
    [
        (
            "The regulator ordered Corvane Contact Services to stop using face scans to clock "
            "its 2,100 staff in and out of work.",
            "Corvane Contact Services",
            2100,
        ),
        (
            "The letter has been signed by 640 of the roughly 950 cleaners who work in "
            "Hôtellerie Brisac's hotels, the union said.",
            "Hôtellerie Brisac",
            950,
        ),
    ],
)
def test_headcounts_told_by_a_possessive_or_where_they_work(
    facts_of, text: str, org: str, count: int
) -> None:
    facts = {(f["organization"], f["count"]) for f in facts_of(text, "workforce")}
    assert (org, count) in facts, facts


@pytest.mark.parametrize(
    "text",
    [
        "The class covers roughly 1,850 current and former employees who worked at the "
        "Naperville call centers of Vocalis Inc.",
        "Records of 41,600 people who work at Harbour Link's terminals were exposed.",
    ],
)
def test_people_touched_by_a_case_are_no_headcount(facts_of, text: str) -> None:
    assert facts_of(text, "workforce") == [], facts_of(text, "workforce")


def test_a_staff_group_named_after_the_company_is_not_its_long_form(facts_of) -> None:
    text = (
        "Brisco paused its Mirror program on Thursday. Nearly 400 Brisco employees have "
        "signed an open letter, organized by a group calling itself Brisco Workers for "
        "Accountability, demanding that the company end Mirror. In April, every one of "
        "Brisco's roughly 2,600 employees got the same message. In January, Brisco laid off "
        "120 employees."
    )
    got = {(f["organization"], f["count"]) for f in facts_of(text, "workforce")}
    assert got == {("Brisco", 2600), ("Brisco", 120)}, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dunmore Parcel employs about 2,300 people in Scotland, including some 1,700 "
            "drivers, according to its accounts.",
            {("Dunmore Parcel", 2300), ("Dunmore Parcel", 1700)},
        ),
        (
            "Brightfield Accounting, a 140-person firm in Leeds, switched the tool on.",
            {("Brightfield Accounting", 140)},
        ),
    ],
)
def test_headcounts_in_more_shapes(facts_of, text: str, expected: set) -> None:
    got = {(f["organization"], f["count"]) for f in facts_of(text, "workforce")}
    assert got == expected, got


def test_its_workers_belong_to_the_subject_ner_missed(facts_of) -> None:
    text = (
        "Tamsin Cold Storage is based in Akron. Tamsin required its roughly 300 warehouse "
        "workers to scan their fingers."
    )
    got = {(f["organization"].split()[0], f["count"]) for f in facts_of(text, "workforce")}
    assert got == {("Tamsin", 300)}, got


def test_a_part_of_the_headcount_in_a_place(facts_of) -> None:
    text = "Pellmark Ltd has about 9,000 employees worldwide, including about 1,200 in Ireland."
    counts = {f["count"] for f in facts_of(text, "workforce")}
    assert {9000, 1200} <= counts, counts


def test_jobs_cut_with_a_noun_before_jobs(facts_of) -> None:
    text = "Tarnwell Insurance is a health insurer. Tarnwell cut 420 claims jobs in Leeds in May."
    facts = facts_of(text, "workforce")
    assert any(f["count"] == 420 and f["action"] == "cut" for f in facts), facts


@pytest.mark.parametrize(
    ("sentence", "count", "action"),
    [
        ("Last month it announced 140 redundancies, blaming a lost contract.", 140, "announced"),
        ("Tessaly let go of about 1,100 employees in the nine months to December.", 1100, "let go"),
        (
            "Last year Tessaly deactivated about 1,300 riders without saying why.",
            1300,
            "deactivated",
        ),
        ("Around 52,000 riders deliver for Tessaly in a typical month.", 52000, "employed"),
    ],
)
def test_more_ways_news_counts_staff(facts_of, sentence: str, count: int, action: str) -> None:
    text = "Tessaly Foods said on Monday that it had paused RiderScore. " + sentence
    got = [(f["organization"], f["count"], f["action"]) for f in facts_of(text, "workforce")]
    assert len(got) == 1 and got[0][1:] == (count, action) and got[0][0].startswith("Tessaly"), got


def test_what_a_platform_delivers_is_no_workforce(facts_of) -> None:
    text = "Tessaly Foods runs RiderScore. The app has 4.8 million users and delivers 2,000 orders."
    assert facts_of(text, "workforce") == []


def test_a_country_inside_other_names_is_not_the_story_s_company(facts_of) -> None:
    text = (
        "A labour court in Lagos ruled on Wednesday that TeamSight, the webcam system of "
        "Kuramo Telecoms Nigeria Limited, broke the Nigeria Data Protection Act. The Nigeria "
        "Data Protection Commission said it would study the judgment, and lawyers across "
        "Nigeria said it would be read widely. About 2,300 agents work in its two contact "
        "centres in Nigeria."
    )
    orgs = {f["organization"] for f in facts_of(text, "workforce")}
    assert orgs == {"Kuramo Telecoms Nigeria Limited"}, orgs


def test_who_believes_staff_were_sacked_did_not_sack_them(facts_of) -> None:
    text = (
        "Orbitel Communications runs two call centres and watches its agents with TeamSight, a "
        "monitoring system. The Contact Centre Workers Union sued Orbitel last year. The "
        "union's general secretary, Yusuf Garba, said the union believes at least 46 agents "
        "were sacked in 2024 because of TeamSight reports."
    )
    got = [(f["organization"], f["count"]) for f in facts_of(text, "workforce")]
    assert got == [("Orbitel Communications", 46)], got


def test_the_airline_is_the_company_whose_name_says_airline(facts_of) -> None:
    text = (
        "Tasman Airways has paused FlightFit, the fatigue wristbands it bought from Kinetiq "
        "Labs, after the Cabin Crew Alliance of New Zealand objected. Kinetiq Labs said it "
        "does not sell wearer data. The airline, which flew 9 million passengers last year, "
        "employs about 6,100 people."
    )
    got = [(f["organization"], f["count"]) for f in facts_of(text, "workforce")]
    assert got == [("Tasman Airways", 6100)], got


def test_staff_counted_in_a_roundup_item_belong_to_that_item_s_company(facts_of) -> None:
    text = (
        "Coastline Bank has dropped its keystroke pilot for home-based staff, it said "
        "on Friday. The bank employs about 4,000 people.\n\nKestrel Mobile switched "
        "its CallScore monitoring system back on at its two contact centres on Monday. CallScore "
        "rates each call on the agent's tone. More than 700 agents work across the two centres."
    )
    got = {(f["organization"], f["count"]) for f in facts_of(text, "workforce")}
    assert got == {("Coastline Bank", 4000), ("Kestrel Mobile", 700)}, got


def test_the_company_is_never_the_broadcaster_cited_just_before(facts_of) -> None:
    text = (
        "Kansen Electric Railway Co. said Thursday it has begun fitting AI cameras that watch "
        "its train drivers.\n\nThe railway logged four platform overruns last year, public "
        "broadcaster NHK reported.\n\nThe Kansen Railway Workers\u2019 Union, which represents "
        "most of the company\u2019s roughly 900 drivers, objects to continuous recording."
    )
    facts = facts_of(text, "workforce")
    assert [(f["organization"], f["count"]) for f in facts] == [
        ("Kansen Electric Railway Co", 900)
    ], facts


@pytest.mark.parametrize(
    "where", ["to all 140 of its turbine technicians", "to its 140 turbine technicians"]
)
def test_its_staff_a_program_is_extended_to_are_the_company_s(facts_of, where: str) -> None:
    text = (
        "Lysfjord Kraft launched a pilot on Monday. Announcing the scheme, which it called "
        f"PulseGuard, Lysfjord said it planned to extend it {where} by the summer."
    )
    facts = facts_of(text, "workforce")
    assert [(f["organization"], f["count"], f.get("group")) for f in facts] == [
        ("Lysfjord Kraft", 140, "turbine technicians")
    ], facts
