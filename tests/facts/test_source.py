"""``source``: outlets the article cites, never its own publisher."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The company confirmed the plan, according to Reuters.", "Reuters"),
        ("A spokesman told the BBC that the scheme had ended.", "BBC"),
        ("The deal was first reported by The New York Times last week.", "New York Times"),
        ("Bloomberg News reported on Tuesday that the bank would cut costs.", "Bloomberg News"),
        ("City AM revealed details of the trial on Monday.", "City AM"),
        ("The firm told Agence France-Presse that it would appeal.", "Agence France-Presse"),
        ("The plan was described in documents seen by the Financial Times.", "Financial Times"),
    ],
)
def test_cited_outlet(facts_of, text: str, outlet: str) -> None:
    outlets = [f["outlet"] for f in facts_of(text, "source")]
    assert any(outlet.lower() in o.lower() for o in outlets), outlets


@pytest.mark.parametrize(
    "text",
    [
        "Barclays reported a pre-tax profit of £4.4bn for 2019.",
        "According to people briefed on the meeting, the decision was final.",
        "Amazon said in a statement that it disagreed with the findings.",
        # an outlet's name as a surname, inside a title, or as somebody's employer
        "The offer did not work on Snapchat CEO Evan Spiegel, who rebuffed it in 2013.",
        "He and his Vice-President Mike Pence lost the election.",
        "Ben Smith, a former BuzzFeed News editor-in-chief, denied the claims.",
        "‘I was told I paid for full self-driving’",
    ],
)
def test_not_a_source(facts_of, text: str) -> None:
    assert facts_of(text, "source") == []


def test_own_publisher_is_not_a_source(facts_of) -> None:
    text = "The Guardian understands that the company will pause the program, Reuters reported."
    outlets = {f["outlet"] for f in facts_of(text, "source", publisher="The Guardian")}
    assert outlets == {"Reuters"}


def test_short_and_long_outlet_names_merge(facts_of) -> None:
    text = "According to BBC News, staff pushed back. A spokesman told the BBC the data was safe."
    assert [f["outlet"] for f in facts_of(text, "source")] == ["BBC News"]


def test_acronym_of_an_authority_is_not_the_agency(facts_of) -> None:
    text = "The Autoriteit Persoonsgegevens (AP) fined the firm. The AP said the firm breached the law, NRC reported."
    assert {f["outlet"] for f in facts_of(text, "source")} == {"NRC"}


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "Its chief executive told the Belgian broadcaster VRT that the cameras would stay.",
            "VRT",
        ),
        (
            "The dispute was first reported by the trade magazine Warehouse Review.",
            "Warehouse Review",
        ),
        ("The fine was first reported by the Morning Courier.", "Morning Courier"),
        (
            "Harbour Health Ltd tracked its nurses. Harbour Health said the app was safe. "
            "A nurse told TVNZ that she had not been asked for consent.",
            "TVNZ",
        ),
    ],
)
def test_outlet_described_after_cue(facts_of, text: str, outlet: str) -> None:
    """Outlets missing from the lexicon count when the text introduces them as outlets."""
    outlets = [f["outlet"] for f in facts_of(text, "source")]
    assert outlet in outlets, outlets


@pytest.mark.parametrize(
    "text",
    [
        "The manager told the tribunal that the cameras were for safety.",
        "Tomas Varga told the union's members that the deal was off.",
        "The complaint was first reported by employees to their managers.",
    ],
)
def test_cue_without_an_outlet(facts_of, text: str) -> None:
    assert facts_of(text, "source") == []


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "Karvaan committed Rs 40 crore to the contract, according to a report in The "
            "Hindu BusinessLine.",
            "Hindu BusinessLine",
        ),
        (
            "Karvaan Teleservices said it had paused VoicePulse. The matter was first reported by Moneycontrol.",
            "Moneycontrol",
        ),
        ("The story was first reported by Above the Law.", "Above the Law"),
    ],
)
def test_outlet_after_a_report_cue(facts_of, text: str, outlet: str) -> None:
    assert [f["outlet"] for f in facts_of(text, "source")] == [outlet]


def test_an_outlet_name_is_not_cut_short(facts_of) -> None:
    text = (
        "Google said on Monday that it had removed the advertisements. "
        "The campaign cost the state roughly $449,000, according to the Sioux Falls Argus Leader."
    )
    assert [f["outlet"] for f in facts_of(text, "source")] == ["Sioux Falls Argus Leader"]


def test_an_outlet_cited_in_an_aside(facts_of) -> None:
    text = (
        "Samsung shares rose. A poll released on Friday showed the president's approval "
        "rating at 13%, The Korea Times reported, down from 19%. Samsung reported record "
        "profits."
    )
    assert [f["outlet"] for f in facts_of(text, "source")] == ["Korea Times"]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "Harlow Freight was fined on Tuesday. Harlow said it would appeal.\n\n"
            "The trade weekly Haulage Insight reported in May that inspectors had visited.",
            "Haulage Insight",
        ),
        (
            "Harlow Freight was fined on Tuesday. Harlow said it would appeal.\n\n"
            "The town's local paper, The Selby Clarion, first reported the inspection.",
            "Selby Clarion",
        ),
        (
            "Harlow Freight was fined on Tuesday. Harlow said it would appeal.\n\n"
            "Le Courrier de Québec first reported the inspection last year.",
            "Le Courrier de Québec",
        ),
        (
            "Harlow Freight was fined on Tuesday. The ministry had no comment, according to "
            "Whitehall Brief, a political newsletter.",
            "Whitehall Brief",
        ),
    ],
)
def test_an_outlet_described_or_written_as_a_masthead(facts_of, text: str, outlet: str) -> None:
    assert outlet in {f["outlet"] for f in facts_of(text, "source")}


def test_a_company_or_person_that_reports_is_no_outlet(facts_of) -> None:
    text = "Harlow Freight reported a loss. Alex Smith reported that the team had won."
    assert facts_of(text, "source") == []


def test_speaking_on_an_outlets_air_and_data_compiled_by(facts_of) -> None:
    text = (
        "Harlow Freight said on Monday that it would test all its drivers. Harlow Freight "
        "runs 40 depots.\n\n"
        '"He is a truth-teller," said Senator Dana Holm earlier today on CNN.\n\n'
        "According to data compiled by Our World In Data, Denmark leads in tests."
    )
    outlets = {f["outlet"] for f in facts_of(text, "source")}
    assert {"CNN", "Our World In Data"} <= outlets, outlets


def test_a_researcher_ner_calls_an_organisation_is_no_outlet(facts_of) -> None:
    text = "Newspapers keep closing, according to research by Penelope Muse Abernathy."
    assert facts_of(text, "source") == []


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "The police used the system in March, the Press Trust of India reported.",
            "Press Trust of India",
        ),
        ("The fine was confirmed, according to Agência Brasil.", "Agência Brasil"),
        ("The company told News24 it would appeal.", "News24"),
        ("A spokesperson told Radio New Zealand the review was under way.", "Radio New Zealand"),
        ("The union's leader told dpa that talks had failed.", "dpa"),
        ("The plan was first reported by Het Financieele Dagblad.", "Het Financieele Dagblad"),
        (
            "The manager told Oregon Public Broadcasting it was a pilot.",
            "Oregon Public Broadcasting",
        ),
    ],
)
def test_wire_services_and_papers_beyond_the_us_and_uk(facts_of, text: str, outlet: str) -> None:
    assert [f["outlet"] for f in facts_of(text, "source")] == [outlet]


@pytest.mark.parametrize(
    "text",
    [
        "Lakeshore Media owns a chain of 24 dailies including the Miami Herald and the "
        "Charlotte Observer.",
        "The investor bought the Boston Globe in 2013 for $70m.",
        "Harbor Press, which publishes the Denver Post and the Orlando Sentinel, cut 90 jobs.",
        "Regional papers such as the Seattle Times have lost subscribers.",
        "His purchase of the Baltimore Sun closed last spring.",
    ],
)
def test_a_paper_held_as_property_is_not_cited(facts_of, text: str) -> None:
    assert facts_of(text, "source") == []


def test_a_regional_paper_that_reports_is_cited(facts_of) -> None:
    text = (
        "Harbor Press, which publishes the Denver Post, cut 90 jobs. The cuts were first "
        "reported by the Sacramento Bee."
    )
    assert [f["outlet"] for f in facts_of(text, "source")] == ["Sacramento Bee"]


def test_as_an_outlet_reported(facts_of) -> None:
    text = (
        "Halvern Bank said its unit would grow. As KPEB first reported in April, the bank had "
        "already ordered two more aircraft. As Halvern Bank reported in its accounts, profits "
        "rose."
    )
    assert [f["outlet"] for f in facts_of(text, "source")] == ["KPEB"]


def test_a_companys_staff_reviewing_is_no_citation(facts_of) -> None:
    text = (
        "The Ashford Valley School District uses Beacon Ward, software sold by Lumina "
        "EdSafety Inc. Flagged items are reviewed by Lumina staff, who alert administrators."
    )
    assert facts_of(text, "source") == []


def test_a_title_word_that_names_an_outlet_is_no_citation(facts_of) -> None:
    text = (
        "Harlan Freight said so. Vice President of Safety Marisol Ortega said in-cab footage "
        "is reviewed only when the software flags an event."
    )
    assert facts_of(text, "source") == []


def test_a_local_paper_called_sentinel_is_an_outlet(facts_of) -> None:
    text = (
        "Records obtained by the Harwick Valley Sentinel, a local news site, show the portal was "
        "open for months. The Harwick Valley Sentinel first reported the flaw in March."
    )
    assert {f["outlet"] for f in facts_of(text, "source")} == {"Harwick Valley Sentinel"}


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ('"We need the data," the founder told the ANP news agency.', "ANP"),
        ("The flaw was first reported by the nonprofit newsroom Granite Ledger.", "Granite Ledger"),
        (
            "The error was first reported by the local newspaper, the Tarrow Gazette.",
            "Tarrow Gazette",
        ),
        ("An investigation by the news website Kestrel Post found 40 wrong cases.", "Kestrel Post"),
    ],
)
def test_outlets_described_around_their_names(facts_of, text: str, outlet: str) -> None:
    assert {f["outlet"] for f in facts_of(text, "source")} == {outlet}


def test_a_hyphenated_title_is_whole(facts_of) -> None:
    text = '"We plan routes with it," he told the Elbe-Kurier newspaper.'
    assert {f["outlet"] for f in facts_of(text, "source")} == {"Elbe-Kurier"}


def test_an_outlet_name_inside_a_regulator_name_is_no_source(facts_of) -> None:
    text = "The Information Regulator has fined Sentinel Grid R4 million over its cameras."
    assert facts_of(text, "source") == []


def test_a_program_the_data_was_collected_by_is_no_source(facts_of) -> None:
    text = (
        "Cleaners must use an app called ShiftBeacon. The PDPC said Orchid Estate Services "
        "had failed to protect the data collected by ShiftBeacon."
    )
    assert facts_of(text, "source") == []


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        # the wire agency whose dateline opens the story wrote it
        (
            "Nairobi (AFP) – Kenya's High Court suspended the scheme. A ministry spokesman "
            "told AFP the government would appeal.",
            "Daily Portal",
        ),
        # the publication's own initials
        (
            "Employment lawyers told DBR that such ballots remained unusual.",
            "Distribution Business Review",
        ),
    ],
)
def test_the_story_s_own_author_is_no_source(facts_of, text: str, publisher: str) -> None:
    assert facts_of(text, "source", publisher=publisher) == []


def test_an_outlet_name_inside_a_program_name_is_no_source(facts_of) -> None:
    text = (
        "Auditors found that the agency's Insider Watch program scans staff email and "
        "internal chat messages."
    )
    assert facts_of(text, "source") == []


def test_the_city_before_an_outlets_description_is_no_outlet(facts_of) -> None:
    text = (
        "The miner spent about US$9 million on the wristbands, according to figures first "
        "published by Valparaiso business daily El Puerto Financiero."
    )
    outlets = {f["outlet"] for f in facts_of(text, "source")}
    assert outlets == {"El Puerto Financiero"}, outlets


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "The story was first reported yesterday evening by the trade website The Wire Room.",
            "Wire Room",
        ),
        (
            "The case was first brought to light in 2023 by regional daily Dalarnas-Posten, which published the rankings.",
            "Dalarnas-Posten",
        ),
        (
            "Corvel Freight tags its pickers, and Corvel Freight staff are angry. According to The Picket Line, 88 per cent of members backed a strike.",
            "Picket Line",
        ),
        (
            "The practice was first revealed in 2024 by the regional daily Le Phare de l'Armor, after carers complained.",
            "Le Phare de l'Armor",
        ),
    ],
)
def test_outlets_cited_with_words_between_and_odd_names(facts_of, text: str, outlet: str) -> None:
    outlets = {f["outlet"] for f in facts_of(text, "source")}
    assert outlet in outlets, outlets


def test_a_masthead_named_for_a_day(facts_of) -> None:
    text = (
        "Corvel Freight tags its pickers. The dispute was first reported by the Sunday "
        "Clarion, which quoted pickers."
    )
    outlets = {f["outlet"] for f in facts_of(text, "source")}
    assert outlets == {"Sunday Clarion"}, outlets


def test_a_union_cited_is_no_outlet(facts_of) -> None:
    text = (
        "Harlow Parcels tags its agents. About 400 workers stopped work on Wednesday, "
        "according to the Parcel and Postal Workers Union (PPWU)."
    )
    assert facts_of(text, "source") == [], facts_of(text, "source")


def test_an_outlet_that_first_reported_the_decision_in_a_relative_clause(facts_of) -> None:
    text = (
        "Glimmer Analytics sells monitoring software. Veloce Contact used it on agents' "
        "laptops. According to the regulator's decision, which La Presse first reported on "
        "Tuesday, agents were never told."
    )
    got = {f["outlet"] for f in facts_of(text, "source")}
    assert "La Presse" in got, got


def test_a_radio_network_that_reported_a_leak_is_a_source_not_the_leaker(facts_of) -> None:
    text = (
        "Valmora City Council ran the FaceGate turnstiles. The Onda Norte radio network first "
        "reported in 2023 that facial images from Valmora had turned up on an unsecured server."
    )
    facts = facts_of(text)
    assert "Onda Norte" in {f["outlet"] for f in facts if f["type"] == "source"}
    assert not any(f["type"] == "exposure" and f["organization"].startswith("Onda") for f in facts)
    assert not any(f.get("program", "").startswith("Onda") for f in facts)


def test_a_wire_credit_line_names_staff_not_a_source(facts_of) -> None:
    text = (
        "Varuna Systems has suspended its badge tracking, the company said on Friday.\n\n"
        "(Reporting by Kavya Raghunathan in Chennai; Editing by Tom Hollis)"
    )
    assert not facts_of(text, "source"), facts_of(text, "source")


def test_the_paper_named_with_its_kind_after_the_name(facts_of) -> None:
    text = "Varuna Systems spent about $2m on the badges, the Coromandel Courier newspaper reported last week."
    assert {f["outlet"] for f in facts_of(text, "source")} == {"Coromandel Courier"}


def test_an_outlets_name_opening_a_public_bodys_name_is_no_source(facts_of) -> None:
    text = "Orrin Bank paused the scheme. The Information Rights Office, the UK's data regulator, said it had written to the bank."
    assert not facts_of(text, "source"), facts_of(text, "source")


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        (
            "The leak came to light when Quillwire, a Pune-based technology newsletter, first "
            "reported that the bucket was open.",
            "Quillwire",
        ),
        (
            "Business news portal Harbour Street Tech first reported the complaint.",
            "Harbour Street Tech",
        ),
        (
            "On May 2 the investigative site Luz Aberta reported that the server was open.",
            "Luz Aberta",
        ),
        (
            "The complaints were first aired by community radio station Karoo FM last week.",
            "Karoo FM",
        ),
        (
            "The tool was first spotted by The Margin Note, a newsletter for translators, "
            "after a reader noticed it.",
            "Margin Note",
        ),
    ],
)
def test_an_outlet_the_text_describes_as_one(facts_of, sentence: str, outlet: str) -> None:
    text = "Merlion Bank runs WorkPulse. Merlion Bank said it would review it. " + sentence
    assert {f["outlet"] for f in facts_of(text, "source")} == {outlet}


def test_a_person_described_by_a_trade_still_cites_nothing(facts_of) -> None:
    text = "Merlion Bank runs WorkPulse. Maria Silva, a nurse, reported that the badge tracked her."
    assert facts_of(text, "source") == []


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "Brindle Parcel fitted cameras to its vans. A driver at its Leeds depot, speaking to "
            "the Aire Valley Courier last month, said the camera flagged him.",
            "Aire Valley Courier",
        ),
        (
            "Brindle Parcel fitted cameras to its vans. The flaw was first revealed by the trade "
            "title Van & Fleet Insider.",
            "Van & Fleet Insider",
        ),
    ],
)
def test_outlets_named_after_speaking_to_or_a_trade_title(facts_of, text, outlet) -> None:
    assert [f["outlet"] for f in facts_of(text, "source")] == [outlet]


def test_a_piece_first_published_on_a_described_blog_cites_it(facts_of) -> None:
    text = (
        "Brellow Foods paused its checkout cameras. The researcher's findings were first "
        "published on Tuesday on the security blog Leakspotter. Brellow commented on the "
        "findings on Wednesday."
    )
    assert [f["outlet"] for f in facts_of(text, "source")] == ["Leakspotter"]
