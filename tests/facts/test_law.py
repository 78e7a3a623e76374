"""``law``: named laws with their jurisdiction."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "law", "jurisdiction"),
    [
        (
            "The regulator acted under the European Union's General Data Protection Regulation.",
            "General Data Protection Regulation",
            "European Union",
        ),
        (
            "Employers in the UK must comply with the Data Protection Act 2018.",
            "Data Protection Act 2018",
            "UK",
        ),
        (
            "NZ's Privacy Act 2020 requires consent for workplace monitoring.",
            "Privacy Act 2020",
            "NZ",
        ),
        ("The company breached the GDPR, the EU said.", "GDPR", "EU"),  # as written
        (
            "The company breached the GDPR, the EU said. The General Data Protection Regulation "
            "applies.",
            "General Data Protection Regulation",
            "EU",
        ),
        (
            "Platforms must follow the Digital Services Act, which applies across the EU.",
            "Digital Services Act",
            "EU",
        ),
    ],
)
def test_law_and_jurisdiction(facts_of, text: str, law: str, jurisdiction: str) -> None:
    laws = {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")}
    assert (law, jurisdiction) in laws, laws


def test_short_form_merges_into_full_name(facts_of) -> None:
    text = "NZ's Privacy Act 2020 requires consent. Covert monitoring violates NZ's Privacy Act."
    assert [f["law"] for f in facts_of(text, "law")] == ["Privacy Act 2020"]


@pytest.mark.parametrize(
    "text",
    [
        "Opposition Leader Bill Shorten said the plan went too far.",
        "The act of monitoring staff is not new.",
        # law firms and schools
        "Ozy Media is represented by Alexander Sakin of Sakin Law in the matter.",
        "Ozy Media is jointly represented by Alexander Sakin of Sakin Law.",
        "The centre is a joint initiative of Stanford Law School and the university.",
    ],
)
def test_not_a_law(facts_of, text: str) -> None:
    assert facts_of(text, "law") == []


def test_us_federal_law_without_a_place_in_its_sentence(facts_of) -> None:
    text = (
        "The FTC opened an inquiry into the app maker. "
        "Regulators said the practice was unfair under Section 5 of the Federal Trade Commission Act."
    )
    laws = {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")}
    assert any("Federal Trade Commission Act" in law and j == "US" for law, j in laws), laws


@pytest.mark.parametrize(
    ("text", "law", "jurisdiction"),
    [
        # a city beside the law stands for its country
        (
            "At the warehouse in Lille, the company breached its obligations under the Labour "
            "Code, the inspectors said.",
            "Labour Code",
            "France",
        ),
        # a law named for its state
        (
            "The spreadsheet was released under the Ohio Public Records Act after a request.",
            "Ohio Public Records Act",
            "Ohio",
        ),
    ],
)
def test_jurisdiction_from_places(facts_of, text: str, law: str, jurisdiction: str) -> None:
    facts = facts_of(text, "law")
    assert [(f["law"], f["jurisdiction"]) for f in facts] == [(law, jurisdiction)]


def test_uk_and_eu_gdpr_are_two_laws(facts_of) -> None:
    text = (
        "Under UK GDPR, monitoring that is likely to result in a high risk to workers needs "
        "an impact assessment. The firm's Dublin office falls under the General Data "
        "Protection Regulation of the European Union."
    )
    juris = {f["jurisdiction"] for f in facts_of(text, "law")}
    assert {"UK", "European Union"} <= juris or {"UK", "EU"} <= juris, juris


@pytest.mark.parametrize(
    ("text", "law", "jurisdiction"),
    [
        # well-known laws carry their jurisdiction in the lexicon, whatever place is near
        (
            "For 2014, the Obamacare, or Affordable Care Act, mandate applies in Illinois.",
            "Affordable Care Act",
            "US",
        ),
        (
            "Mr Butler made his claim under the Consumer Rights Act 2015.",
            "Consumer Rights Act 2015",
            "UK",
        ),
    ],
)
def test_known_laws_keep_their_jurisdiction(
    facts_of, text: str, law: str, jurisdiction: str
) -> None:
    assert {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")} == {(law, jurisdiction)}


@pytest.mark.parametrize(
    ("text", "law", "jurisdiction"),
    [
        (
            "Despite its relevance, the 2019 California law regarding labor classification, "
            "AB 5, had nothing to do with it.",
            "AB 5",
            "California",
        ),
        (
            "In California, lawmakers passed SB 1047 last year; California's governor vetoed it.",
            "SB 1047",
            "California",
        ),
        (
            "The Family Educational Rights and Privacy Act (FERPA) was written in 1974 for paper "
            "files, a Lakemont official said.",
            "Family Educational Rights and Privacy Act",
            "US",
        ),
    ],
)
def test_bills_by_number_and_names_with_small_words(
    facts_of, text: str, law: str, jurisdiction: str
) -> None:
    assert (law, jurisdiction) in {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")}


@pytest.mark.parametrize(
    ("text", "law", "place"),
    [
        (
            "Harlow Learning agreed to pay $750,000 to the New Jersey Division of Consumer "
            "Affairs to settle claims under the state's Consumer Fraud Act.",
            "Consumer Fraud Act",
            "New Jersey",
        ),
        (
            "Nurses rallied in Minneapolis on Friday.\n\nState Rep. Dana Holm says she will "
            "introduce the Nurse Location Privacy Act when the Legislature convenes.",
            "Nurse Location Privacy Act",
            "Minnesota",
        ),
        (
            "Call centres in Ontario must publish their monitoring rules, and Ontario's "
            "inspectors check them.\n\nSince 2022, the Working for Workers Act has required "
            "a written policy. Toronto firms complied.",
            "Working for Workers Act",
            "Ontario",
        ),
        (
            "Workers in Toronto and Ottawa were watched. Ontario has no new rules and Ontario's "
            "unions are angry.\n\nAt the federal level, the Artificial Intelligence and Data "
            "Act died in Parliament.",
            "Artificial Intelligence and Data Act",
            "Canada",
        ),
    ],
)
def test_state_and_federal_laws_take_their_level(facts_of, text: str, law: str, place: str) -> None:
    found = {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")}
    assert (law, place) in found, found


@pytest.mark.parametrize(
    ("text", "law", "place"),
    [
        (
            "Rideshare workers in Nevada were classed as contractors under Proposition 9, "
            "which voters approved last year.",
            "Proposition 9",
            "Nevada",
        ),
        (
            "The firm's Chicago staff are covered by Illinois Labor Code Section 14-b, which "
            "requires notice of monitoring.",
            "Illinois Labor Code Section 14-b",
            "Illinois",
        ),
        (
            "Drivers back the Fair Ratings Act, a bill in Albany that would limit app scoring.",
            "Fair Ratings Act",
            "New York",
        ),
        (
            "The insurer sent texts to 40,000 people in breach of the Telecom Marketing "
            "Regulations, the regulator in London said. Leeds and Glasgow were hit hardest in "
            "the UK.",
            "Telecom Marketing Regulations",
            "UK",
        ),
        (
            "Councillors in Dunmore were reminded that the Camera Standards Act 2019 applies. "
            "Dunmore's camera plan is the largest in Scotland outside Glasgow, and the UK "
            "regulator is watching. The UK has 5 million cameras.",
            "Camera Standards Act 2019",
            "UK",
        ),
        (
            "Riders in Kerala are covered by the Kerala Platform Workers (Welfare and Social "
            "Security) Act, 2024, which took effect this month.",
            "Kerala Platform Workers (Welfare and Social Security) Act, 2024",
            "Kerala",
        ),
        (
            "Since 2023 the Safer Workplaces Act, 2023 has required employers in Manitoba to "
            "publish a policy.",
            "Safer Workplaces Act, 2023",
            "Manitoba",
        ),
        (
            "In Kerala, lawyers point to the Digital Personal Data Protection Act, 2023.",
            "Digital Personal Data Protection Act 2023",
            "India",
        ),
        (
            "Schools must filter web access under the Children's Internet Protection Act.",
            "Children's Internet Protection Act",
            "US",
        ),
        (
            "Couriers became employees under Spain's Riders' Law in 2021.",
            "Riders' Law",
            "Spain",
        ),
    ],
)
def test_name_forms_and_jurisdictions(facts_of, text: str, law: str, place: str) -> None:
    """Ballot measures, sections, state capitals, ", 2023" and bracketed names, lexicon laws."""
    pairs = {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")}
    assert (law, place) in pairs, pairs


@pytest.mark.parametrize(
    ("text", "law", "place"),
    [
        # two small words inside the name
        (
            "Texas says Marlowe's broke the state's Capture or Use of Biometric Identifier Act.",
            "Capture or Use of Biometric Identifier Act",
            "Texas",
        ),
        # a bill by chamber and number, named again in apposition
        (
            "In Ohio, Rep. Dana Lyle introduced House Bill 412, the Workplace Camera Notice "
            "Act, last month.",
            "Workplace Camera Notice Act",
            "Ohio",
        ),
        # a parenthesised part and a year without a comma
        (
            "Under the Data (Use and Access) Act 2025, workers in the UK can contest such "
            "decisions.",
            "Data (Use and Access) Act 2025",
            "UK",
        ),
        # Britain is the UK, as law reporting names it
        (
            "Under Britain's Data Protection Act 2018 the chain could be fined.",
            "Data Protection Act 2018",
            "UK",
        ),
    ],
)
def test_long_names_bill_numbers_and_the_uk(facts_of, text: str, law: str, place: str) -> None:
    assert (law, place) in {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")}


def test_a_judge_named_like_a_state_capital_places_no_law(facts_of) -> None:
    text = (
        "A court in São Paulo, Brazil, suspended the scheme. Judge Helena Prado said the state "
        "had ignored the LGPD (General Personal Data Protection Law), as Brazil's schools must "
        "ask parents first."
    )
    places = {f["jurisdiction"] for f in facts_of(text, "law")}
    assert places == {"Brazil"}


@pytest.mark.parametrize(
    ("text", "law", "place"),
    [
        (
            "In Sydney, parents objected. Under the NSW Workplace Surveillance Act 2005, "
            "employers must give notice.",
            "Workplace Surveillance Act 2005",
            "New South Wales",
        ),
        (
            "In Chicago, police bought drones. Illinois' Freedom from Drone Surveillance Act "
            "limits how long footage is kept.",
            "Freedom from Drone Surveillance Act",
            "Illinois",
        ),
        (
            "Schools in England use the app. Heads across England objected. The government's "
            "Employment Rights Bill sets no limits on monitoring.",
            "Employment Rights Bill",
            "UK",
        ),
    ],
)
def test_where_a_law_applies(facts_of, text: str, law: str, place: str) -> None:
    facts = facts_of(text, "law")
    assert [(f["law"], f["jurisdiction"]) for f in facts] == [(law, place)], facts


def test_a_laws_better_known_name_is_the_same_law(facts_of) -> None:
    text = (
        "In London, the regulator may check whether the app met the Age Appropriate Design "
        "Code, better known as the Children's Code."
    )
    facts = facts_of(text, "law")
    assert [f["law"] for f in facts] == ["Age Appropriate Design Code"], facts


@pytest.mark.parametrize(
    ("text", "law", "place"),
    [
        # three and four small words inside a name, and hyphenated words after them
        (
            "Councils in Manitoba answer to the Local Authorities Freedom of Access and "
            "Protection of Personal Records Act, which caps what they may keep.",
            "Local Authorities Freedom of Access and Protection of Personal Records Act",
            "Manitoba",
        ),
        (
            "Kenya's Regulation of Tapping of Calls and Provision of Network-Linked "
            "Subscriber Records Act obliges carriers to keep call logs.",
            "Regulation of Tapping of Calls and Provision of Network-Linked Subscriber Records Act",
            "Kenya",
        ),
    ],
)
def test_long_names_with_many_small_words(facts_of, text: str, law: str, place: str) -> None:
    laws = {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")}
    assert (law, place) in laws, laws


def test_a_state_law_far_from_its_state_and_past_a_town_geonames_calls_american(
    facts_of,
) -> None:
    filler = "The tenants' group held meetings across the region all winter. " * 40
    text = (
        "Victoria's transport department has been watching commuters' phones. "
        + filler
        + "Riders in Bendigo and Springfield said they were never told. A rights group, "
        "Open Liberty Australia, obtained the files under the state's Freedom of "
        "Information Act 1982."
    )
    laws = {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")}
    assert laws == {("Freedom of Information Act 1982", "Victoria")}, laws


def test_a_short_name_shared_with_a_known_law_of_another_year(facts_of) -> None:
    text = (
        "The operator says its duties under the Health and Safety at Work Act 2015 justify "
        "the cameras on its Wellington buses."
    )
    laws = {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")}
    assert laws == {("Health and Safety at Work Act 2015", "New Zealand")}, laws


def test_a_law_the_lexicon_places_elsewhere_takes_the_storys_country(facts_of) -> None:
    text = (
        "Moderators in Dublin have sued Clearwater Review in the High Court in Ireland. The "
        "Irish claim alleges breaches of the Data Protection Act 2018 and of the "
        "Organisation of Working Time Act 1997."
    )
    laws = {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")}
    assert laws == {
        ("Data Protection Act 2018", "Ireland"),
        ("Organisation of Working Time Act 1997", "Ireland"),
    }, laws


def test_a_british_story_keeps_the_lexicons_place(facts_of) -> None:
    text = "A London firm was told it broke the Data Protection Act 2018 by filming staff."
    laws = {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")}
    assert laws == {("Data Protection Act 2018", "UK")}, laws


@pytest.mark.parametrize(
    ("text", "law", "place"),
    [
        (
            "Peru's labour inspectors ruled against the miner in Lima under Ley 29.733, the "
            "country's data law.",
            "Ley 29.733",
            "Peru",
        ),
        ("Brazil's Lei 13.709 governs what Sao Paulo employers keep.", "Lei 13.709", "Brazil"),
        ("Quebec's Law 25 also applies to the Montreal office.", "Law 25", "Quebec"),
    ],
)
def test_laws_named_by_number(facts_of, text: str, law: str, place: str) -> None:
    laws = {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")}
    assert (law, place) in laws, laws


def test_a_law_number_is_not_any_law_word_with_a_figure(facts_of) -> None:
    text = "The law 25 years ago said nothing about cameras in Lima, Peru."
    assert facts_of(text, "law") == []


def _laws(facts_of, text: str) -> dict[str, str]:
    return {f["law"]: f["jurisdiction"] for f in facts_of(text, "law")}


def test_a_company_ner_took_for_a_place_is_no_jurisdiction(facts_of) -> None:
    text = (
        "A tribunal in Brisbane ruled for the driver on Monday. The member found the sacking "
        "unfair under the Protected Disclosures Act 2010, noting that Halvorn had ignored her "
        "complaint. Queensland courts have heard three such cases."
    )
    laws = _laws(facts_of, text)
    assert laws.get("Protected Disclosures Act 2010") not in ("Halvorn",), laws


@pytest.mark.parametrize(
    ("text", "law", "place"),
    [
        (
            "Perth courier Yallop Freight sacked a driver who refused the app. The Fair Work "
            "Commission found the dismissal unfair under the Fair Work Act 2009.",
            "Fair Work Act 2009",
            "Australia",
        ),
        (
            "Seoul's privacy watchdog fined the delivery app Gimbap Go 300 million won on "
            "Tuesday. South Korea's regulator said the app broke the Personal Information "
            "Protection Act by tracking riders after hours.",
            "Personal Information Protection Act",
            "South Korea",
        ),
        (
            "The agency said Trellis Cloud broke Section 5 of the FTC Act when it left worker "
            "screenshots in an open bucket, the Federal Trade Commission said.",
            "FTC Act",
            "US",
        ),
    ],
)
def test_laws_of_the_field_from_the_lexicon(facts_of, text: str, law: str, place: str) -> None:
    assert _laws(facts_of, text).get(law) == place, _laws(facts_of, text)


def test_a_lexicon_law_of_another_country_is_not_placed_there(facts_of) -> None:
    text = (
        "Vancouver retailer Cedarline tracked staff phones, British Columbia's privacy "
        "commissioner found. The firm breached the province's Personal Information "
        "Protection Act, the commissioner said, and Canada's federal rules too."
    )
    assert _laws(facts_of, text).get("Personal Information Protection Act") != "South Korea"


def test_a_publication_whose_name_ends_in_law_reports_and_is_no_law(facts_of) -> None:
    text = "As Westbrook Law reported in March, several states are weighing new monitoring rules."
    assert not facts_of(text, "law"), facts_of(text, "law")


@pytest.mark.parametrize(
    ("text", "law", "place"),
    [
        (
            "Lyon's regulator relied on the loi Informatique et Libertés, France's data protection act.",
            "loi Informatique et Libertés",
            "France",
        ),
        (
            "Under Spain's data protection law, the LOPDGDD, councils cannot be fined.",
            "LOPDGDD",
            "Spain",
        ),
    ],
)
def test_a_lexicon_law_whatever_its_last_word(facts_of, text: str, law: str, place: str) -> None:
    laws = {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")}
    assert (law, place) in laws, laws


@pytest.mark.parametrize(
    "text, law",
    [
        ("The ICO said the firm had breached the UK GDPR.", "UK GDPR"),
        (
            "The firm breached the UK General Data Protection Regulation, the ICO said. A UK "
            "GDPR breach can cost 4% of turnover.",
            "UK General Data Protection Regulation",
        ),
        (
            "India's Digital Personal Data Protection Act, 2023 applies. Under the DPDP Act, "
            "consent must be specific.",
            "Digital Personal Data Protection Act 2023",
        ),
    ],
)
def test_a_law_is_named_as_the_story_writes_it(facts_of, text: str, law: str) -> None:
    laws = [f["law"] for f in facts_of(text, "law")]
    assert laws == [law], laws


@pytest.mark.parametrize(
    ("text", "law", "place"),
    [
        # a year the name runs on into
        (
            "The union says Kalibo Connect breached the Consumer Data Act of 2016, a complaint "
            "filed in Manila, Philippines.",
            "Consumer Data Act of 2016",
            "Philippines",
        ),
        (
            "The adjudicator in Cork, Ireland, found she was unfairly dismissed under the "
            "Redundancy Payments Acts 1967 to 2014.",
            "Redundancy Payments Acts 1967 to 2014",
            "Ireland",
        ),
        # no place in its sentence: the country the story names ("Mine Health and Safety Act")
        (
            "Tlhabane Platinum makes miners in Rustenburg wear sleep trackers, the latest "
            "such scheme in South Africa. The Mines Safety Act obliges owners to manage fatigue.",
            "Mines Safety Act",
            "South Africa",
        ),
        # the story's own long name for a lexicon acronym
        (
            "In Brazil the General Data Protection Law (LGPD) covers couriers. Under the LGPD, "
            "biometric data is sensitive.",
            "General Data Protection Law",
            "Brazil",
        ),
    ],
)
def test_law_names_as_written_and_placed_by_the_story(
    facts_of, text: str, law: str, place: str
) -> None:
    laws = _laws(facts_of, text)
    assert laws.get(law) == place, laws
    assert len(laws) == 1, laws


@pytest.mark.parametrize(
    ("text", "law"),
    [
        (
            "The watchdog used its powers under Regulation (EU) 2018/1725 against the agency.",
            "Regulation (EU) 2018/1725",
        ),
        ("Directive (EU) 2019/1152 sets rules on working conditions.", "Directive (EU) 2019/1152"),
        # a number the lexicon knows is that law's name
        (
            "The Berlin firm breached Regulation (EU) 2016/679, the regulator said.",
            "General Data Protection Regulation",
        ),
    ],
)
def test_eu_acts_by_number(facts_of, text: str, law: str) -> None:
    assert _laws(facts_of, text) == {law: "EU"}
