"""``penalty``: fines with amount, currency, authority; hypotheticals are not fines."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "org", "amount", "currency"),
    [
        (
            "France's data protection authority has fined Amazon France Logistique €32m for running an intrusive system.",
            "Amazon France Logistique",
            32000000,
            "EUR",
        ),
        (
            "Hennes & Mauritz has been fined 35.3 million euros by the data protection authority in Hamburg.",
            "Hennes & Mauritz",
            35300000,
            "EUR",
        ),
        (
            "The Information Commissioner's Office has fined Clearview AI Inc £7,552,800 on Monday.",
            "Clearview AI Inc",
            7552800,
            "GBP",
        ),
        ("The regulator fined Uber $148m over the breach.", "Uber", 148000000, "USD"),
    ],
)
def test_fine(facts_of, text: str, org: str, amount: int, currency: str) -> None:
    facts = facts_of(text, "penalty")
    assert len(facts) == 1, facts
    f = facts[0]
    assert (f["organization"], f["amount"], f["currency"]) == (org, amount, currency)


def test_passive_fine_has_authority(facts_of) -> None:
    f = facts_of(
        "Hennes & Mauritz has been fined 35.3 million euros by the Hamburg data protection authority.",
        "penalty",
    )[0]
    assert "Hamburg" in f["authority"]


def test_fine_date_resolved_against_publication(facts_of) -> None:
    text = "The Information Commissioner's Office fined Clearview AI Inc £7.5m on Monday."
    f = facts_of(text, "penalty", published="2022-05-25T10:00:00+00:00")[0]
    assert f["date"] == "2022-05-23"


@pytest.mark.parametrize(
    "text",
    [
        "The company could face a fine of up to €20m under the rules.",
        "The GDPR allows fines of up to 4% of a company's annual worldwide turnover.",
        "The regulator has not fined Meta €10m, despite reports.",
        "Amazon reported worldwide net sales of $514bn in 2022.",
        # the modal sits on the copula: no verb of fining at all
        "Under the Act, an employer that breaches its duties could be liable to a fine of "
        "R5m, Ndlovu explained.",
    ],
)
def test_not_a_penalty(facts_of, text: str) -> None:
    assert facts_of(text, "penalty") == []


def test_provisional_fine_is_marked(facts_of) -> None:
    text = "In November the ICO announced a provisional intention to fine Clearview just over £17m."
    facts = facts_of(text, "penalty")
    assert facts and all(f.get("provisional") is True for f in facts)


def test_rounded_and_exact_amount_are_one_fine(facts_of) -> None:
    text = "Hennes & Mauritz has been fined 35.3 million euros by the authority. The exact fine is €35,258,707.95, the authority said."
    facts = facts_of(text, "penalty")
    assert [f["amount"] for f in facts] == [35258707.95]


def test_settlement_is_a_penalty_not_spend(facts_of) -> None:
    text = "Last year Northgate Bank agreed to pay $25 million to settle claims by the Consumer Financial Protection Bureau."
    assert [(f["organization"], f["amount"]) for f in facts_of(text, "penalty")] == [
        ("Northgate Bank", 25000000)
    ]
    assert facts_of(text, "spend") == []


def test_unnamed_fined_party_is_skipped(facts_of) -> None:
    text = "Westshire County Council paused its cameras. The watchdog fined another council £50,000 in 2022."
    assert facts_of(text, "penalty") == []


def test_conversion_in_brackets_is_not_a_second_fine(facts_of) -> None:
    text = "Dutch parcel carrier Parcelink Logistics was fined 12 million euros ($13.1 million) by the regulator on Tuesday."
    facts = facts_of(text, "penalty")
    assert [(f["organization"], f["amount"], f["currency"]) for f in facts] == [
        ("Parcelink Logistics", 12000000, "EUR")
    ]


def test_descriptor_before_the_fined_name(facts_of) -> None:
    text = "Harwood Pryce installed sensors. Last year the watchdog fined the logistics operator Parcel Hub £140,000 for a similar scheme."
    assert [f["organization"] for f in facts_of(text, "penalty")] == ["Parcel Hub"]


def test_dateline_city_is_not_the_fined_party(facts_of) -> None:
    text = (
        "ROTTERDAM, May 4 (Harbour Wire) - Dutch courier Vonder Logistics was fined 8 million "
        "euros by the Netherlands' data protection authority on Tuesday."
    )
    got = {(f["organization"], f["amount"]) for f in facts_of(text, "penalty")}
    assert got == {("Vonder Logistics", 8000000)}, got


def test_conditional_periodic_sum_is_not_a_fine(facts_of) -> None:
    text = (
        "The regulator ordered Harlow Freight to delete the recordings within three months "
        "or pay 50,000 euros for each week of delay."
    )
    assert facts_of(text, "penalty") == []


def test_statutory_rates_are_not_fines(facts_of) -> None:
    text = (
        "Hallorann Pryce LLP uses MinuteMark. The penalties are a few hundred dollars to a "
        "few thousand per violation, and only the attorney general can enforce them."
    )
    assert facts_of(text, "penalty") == []


def test_ordered_to_pay_names_the_party_ner_calls_a_place(facts_of) -> None:
    text = (
        "In 2024 the Federal Court ordered Roamly to pay A$1.3 million in penalties after "
        "the Australian Competition and Consumer Commission (ACCC) took action."
    )
    assert [f["organization"] for f in facts_of(text, "penalty")] == ["Roamly"]


def test_amount_after_the_name_is_not_part_of_it(facts_of) -> None:
    text = (
        "Singapore's privacy watchdog has fined Orchid Logistics S$58,000 after readings from "
        "wearable armbands were left accessible."
    )
    assert [f["organization"] for f in facts_of(text, "penalty")] == ["Orchid Logistics"]


def test_payment_forced_by_a_regulators_finding_is_a_penalty(facts_of) -> None:
    text = (
        "Halvern Bank uses a tool called StaffSense. Halvern Bank must pay €1.2 million after "
        "the Dutch regulator found it broke the GDPR."
    )
    assert [(f["organization"], f["amount"]) for f in facts_of(text, "penalty")] == [
        ("Halvern Bank", 1200000)
    ]
    assert facts_of(text, "spend") == []


def test_a_scale_of_fines_in_a_law_is_no_penalty(facts_of) -> None:
    text = (
        "New fines for failure to self-isolate, starting at £1,000 for a first offence and "
        "rising after four breaches, were well publicised, the House of Commons heard."
    )
    assert facts_of(text, "penalty") == []


def test_bare_dollars_in_a_story_set_in_canada_are_canadian(facts_of) -> None:
    text = (
        "MONTREAL — Quebec's privacy regulator has imposed a $2.3-million penalty on Maison "
        "Lavande Inc. for tracking shoppers through its loyalty app.\n\n"
        "The Montreal-based retailer, which has 60 stores in Quebec and Ontario, said it "
        "would appeal. It spent US$4-million on the app last year."
    )
    fines = facts_of(text, "penalty")
    assert [(f["amount"], f["currency"]) for f in fines] == [(2300000, "CAD")], fines


def test_an_amount_beside_an_american_place_stays_in_us_dollars(facts_of) -> None:
    text = (
        "Workplace tracking roundup from Ottawa.\n\n"
        "In Canada, the federal privacy commissioner opened two inquiries this month.\n\n"
        "In Ohio, regulators fined Brightline Fulfilment $95,000 over wristbands that "
        "timed its warehouse workers."
    )
    fines = facts_of(text, "penalty")
    assert [(f["amount"], f["currency"]) for f in fines] == [(95000, "USD")], fines


def test_who_pays_a_penalty_is_the_penalised(facts_of) -> None:
    text = (
        "The Federal Trade Commission said on Tuesday that it had settled with an app maker.\n\n"
        "Harlow Learning Inc, the maker of the popular QuizPal homework app, will pay a $2.1 "
        "million civil penalty to resolve charges that it kept children's recordings."
    )
    fines = facts_of(text, "penalty")
    assert [(f["organization"], f["amount"]) for f in fines] == [
        ("Harlow Learning Inc", 2100000)
    ], fines
    assert fines[0].get("authority") == "Federal Trade Commission"


def test_a_customer_who_paid_is_not_fined(facts_of) -> None:
    text = (
        "Tesla settled with a driver over its self-driving feature. Ed Butler, who paid an "
        "extra £5,800 for full self-driving in 2019, settled a claim with Tesla in October."
    )
    assert all(f["amount"] != 5800 for f in facts_of(text, "penalty"))


@pytest.mark.parametrize(
    ("text", "org", "amount", "currency"),
    [
        (
            "Tarpa Pagamentos is a fintech. The Brazilian regulator ANPD fined Tarpa "
            "R$9 million on Tuesday.",
            "Tarpa",
            9_000_000,
            "BRL",
        ),
        (
            "Quayle Foods is a grocer. The regulator fined Quayle NZ$2 million last week.",
            "Quayle",
            2_000_000,
            "NZD",
        ),
    ],
)
def test_a_name_run_into_a_prefixed_currency(
    facts_of, text: str, org: str, amount: int, currency: str
) -> None:
    facts = facts_of(text, "penalty")
    assert len(facts) == 1, facts
    assert facts[0]["organization"].split()[0] == org  # the short or the full name
    assert (facts[0]["amount"], facts[0]["currency"]) == (amount, currency), facts


def test_a_danish_company_form_and_a_currency_code_that_ner_calls_an_org(facts_of) -> None:
    text = (
        "Halvbro Transport A/S, the Danish haulier, has been fined 2.2 million kroner, the "
        "Danish Data Protection Agency said. The fine, DKK 2,200,000, is a record."
    )
    orgs = {f["organization"] for f in facts_of(text, "penalty")}
    assert orgs == {"Halvbro Transport A/S"}, orgs


def test_a_shilling_fine_on_a_firm_named_like_a_paper(facts_of) -> None:
    text = (
        "The Office of the Data Protection Commissioner (ODPC) has fined courier app "
        "Mbio Express KSh 7.2 million for tracking its riders after their shifts."
    )
    fines = facts_of(text, "penalty")
    assert [(f["organization"], f["amount"], f["currency"]) for f in fines] == [
        ("Mbio Express", 7200000, "KES")
    ]
    assert fines[0]["authority"] == "Office of the Data Protection Commissioner"


@pytest.mark.parametrize(
    ("text", "org", "amount", "authority"),
    [
        # the receiver of a fine "handed" over is the one fined
        (
            "The watchdog handed Pellbrook Dairies a £65,000 fine in May.",
            "Pellbrook Dairies",
            65000,
            "watchdog",
        ),
        # "issued X with penalty notices totalling £Y": the notices went to X
        (
            "The Health and Safety Executive issued Granmoor Haulage with penalty notices "
            "totalling £18,200 last year.",
            "Granmoor Haulage",
            18200,
            "Health and Safety Executive",
        ),
    ],
)
def test_the_receiver_of_a_fine_is_fined(
    facts_of, text: str, org: str, amount: int, authority: str
) -> None:
    fines = facts_of(text, "penalty")
    assert [(f["organization"], f["amount"]) for f in fines] == [(org, amount)], fines
    assert fines[0].get("authority") == authority, fines


def test_a_penalty_imposed_after_a_fined_object_in_the_same_sentence(facts_of) -> None:
    text = (
        "Orsolin Bank is under review. The authority has fined Orsolin Bank before: in 2021 it "
        "imposed a penalty of €3.1 million over a 2018 leak."
    )
    fines = facts_of(text, "penalty")
    assert [(f["organization"], f["amount"], f["date"]) for f in fines] == [
        ("Orsolin Bank", 3100000, "2021")
    ], fines


def test_a_currency_symbol_after_the_company_is_not_its_name(facts_of) -> None:
    text = (
        "Ondaverde Sistemas S.A. supplies the cameras. In March 2024 the National Data Protection "
        "Authority fined the company R$ 380,000 for failing to report a breach."
    )
    got = {(f["organization"], f["amount"], f["currency"]) for f in facts_of(text, "penalty")}
    assert got == {("Ondaverde Sistemas", 380000, "BRL")}


def test_a_lede_that_describes_the_party_named_later(facts_of) -> None:
    text = (
        "SINGAPORE – A cleaning contractor in Singapore that made its staff carry an app has been "
        "fined $52,000 after the app leaked their data.\n\n"
        "The Personal Data Protection Commission said Palmgrove Services had failed to "
        "protect the data. Palmgrove Services said it would comply."
    )
    got = {(f["organization"], f["amount"], f["currency"]) for f in facts_of(text, "penalty")}
    assert got == {("Palmgrove Services", 52000, "SGD")}


def test_another_party_fined_later_in_the_story_is_not_named(facts_of) -> None:
    text = (
        "Palmgrove Services was fined $52,000 by Singapore's PDPC.\n\n"
        "In 2023 the regulator fined another contractor $30,000 for a similar breach."
    )
    got = {f["amount"] for f in facts_of(text, "penalty")}
    assert got == {52000}


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Norway's privacy regulator fined the Bergen insurer Fjordvakt 2.5m kroner.", "NOK"),
        ("Copenhagen's watchdog fined the retailer Brask A/S 900,000 kroner.", "DKK"),
        ("The Oslo board fined Fjordvakt 2.5m Danish kroner.", "DKK"),
        # wire copy's "crowns": the country of the story, Swedish where none is named
        (
            "BRNO (Reuters) - The data protection office fined retailer Dvorak Obchod 2 "
            "million crowns for filming staff in break rooms, it said on Monday.",
            "CZK",
        ),
        ("The regulator fined the grocer Halvsund AB 3 million crowns.", "SEK"),
    ],
)
def test_kroner_are_the_currency_of_where_the_story_is(facts_of, text: str, currency: str) -> None:
    facts = facts_of(text, "penalty")
    assert [f["currency"] for f in facts] == [currency], facts


@pytest.mark.parametrize("noun", ["airline", "consultancy", "outsourcer", "miner"])
def test_the_kind_of_company_stands_for_it_in_a_second_fine(facts_of, noun: str) -> None:
    text = (
        "Regulators fined Corvane Group $2 million on Tuesday. The commission also slapped "
        f"the {noun} with an administrative fine of $150,000 for late reporting."
    )
    facts = {(f["organization"], f["amount"]) for f in facts_of(text, "penalty")}
    assert facts == {("Corvane Group", 2000000), ("Corvane Group", 150000)}, facts


@pytest.mark.parametrize(
    ("place", "currency"),
    [
        ("a Manila call-centre operator", "PHP"),
        ("a Chilean retailer", "CLP"),
        ("a Monterrey bank", "MXN"),
    ],
)
def test_pesos_are_the_currency_of_where_the_story_is(facts_of, place: str, currency: str) -> None:
    text = f"Regulators fined Lumen Contact, {place}, 4.5 million pesos over its webcam checks."
    facts = {(f["amount"], f["currency"]) for f in facts_of(text, "penalty")}
    assert facts == {(4500000, currency)}, facts


def test_two_parties_fined_in_one_sentence_and_their_total(facts_of) -> None:
    text = (
        "Port operator Harbour Link and its technology vendor have been fined a total of "
        "$500,000 after a leak. The commission fined Harbour Link $350,000 and KeyGate "
        "Pacific, which built and maintained the company's GateKey access system, $150,000, "
        "according to its decision."
    )
    facts = {(f["organization"], f["amount"]) for f in facts_of(text, "penalty")}
    assert facts == {("Harbour Link", 350000), ("KeyGate Pacific", 150000)}, facts


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Ontario's Information and Privacy Commissioner has imposed an administrative "
            "penalty of $90,000 on Brindle Staffing Inc., a Toronto temp agency, over webcam "
            "software.",
            "Brindle Staffing Inc",
        ),
        (
            "Belgium's data protection authority levied a fine of €20,000 against Quarry Foods "
            "over its fingerprint clocks.",
            "Quarry Foods",
        ),
    ],
)
def test_the_party_a_penalty_is_imposed_on(facts_of, text: str, org: str) -> None:
    got = {f["organization"] for f in facts_of(text, "penalty")}
    assert got == {org}, got


def test_a_dateline_without_an_agency_is_no_party(facts_of) -> None:
    text = "CHICAGO — Tallow Timekeeping Inc., the company whose clocks hang in factories, has agreed to pay $1.2 million to settle the claims."
    orgs = {f["organization"] for f in facts_of(text, "penalty")}
    assert orgs and "CHICAGO" not in orgs, orgs


@pytest.mark.parametrize(
    "text",
    [
        "The regulator ordered Kaltro Inc. to pay 2.1 million pesos — about $36,000 — for the breach.",
        "The regulator fined Kaltro Inc. 2.1 million pesos, or roughly $36,000, for the breach.",
        "The regulator fined Kaltro Inc. 2.1 million pesos (about $36,000) for the breach.",
    ],
)
def test_the_same_fine_in_another_currency_is_no_second_fine(facts_of, text: str) -> None:
    got = [(f["amount"], f["currency"]) for f in facts_of(text, "penalty")]
    assert len(got) == 1 and got[0][0] == 2100000, got


def test_pesos_in_a_philippine_story_are_philippine_pesos(facts_of) -> None:
    text = "A Philippine regulator fined Kaltro Inc. 2.1 million pesos over its call recordings."
    got = [(f["amount"], f["currency"]) for f in facts_of(text, "penalty")]
    assert got == [(2100000, "PHP")], got


@pytest.mark.parametrize(
    "text",
    [
        "Under the act the maximum penalty is a tenth of local turnover or $2 million.",
        "The law allows fines of up to €20 million for such breaches.",
    ],
)
def test_what_the_law_allows_is_no_fine(facts_of, text: str) -> None:
    assert facts_of("The regulator fined Kaltro Inc. $74,000 on Tuesday. " + text, "penalty") == [
        fact for fact in facts_of("The regulator fined Kaltro Inc. $74,000 on Tuesday.", "penalty")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, the Federal Data Council (FDC) fined Rapidô R$ 9.8 million over Radar.",
    ],
)
def test_the_one_fining_is_never_the_one_fined(facts_of, text: str) -> None:
    got = {f["organization"] for f in facts_of(text, "penalty")}
    assert got == {"Rapidô"}, got


def test_a_naira_fine_imposed_on_the_company(facts_of) -> None:
    text = (
        "Orbitel Communications runs TeamSight. In March, the Nigeria Data Protection "
        "Commission (NDPC) imposed a fine of N42 million on the company after an investigation."
    )
    got = [(f["organization"], f["amount"], f["currency"]) for f in facts_of(text, "penalty")]
    assert got == [("Orbitel Communications", 42000000, "NGN")], got


def test_a_country_opening_a_regulator_s_name_is_part_of_it(facts_of) -> None:
    text = (
        "Orbitel Communications runs TeamSight. In March, the Nigeria Data Protection "
        "Commission (NDPC) imposed a fine of N42 million on the company after an "
        "investigation. Orbitel said it would appeal."
    )
    got = [(f["organization"], f["authority"]) for f in facts_of(text, "penalty")]
    assert got == [("Orbitel Communications", "Nigeria Data Protection Commission")], got


def test_an_opening_sentence_fines_a_company_it_names_later(facts_of) -> None:
    text = (
        "The state labour inspectorate has fined one of Chile's largest bus operators 90 "
        "million pesos for filming its drivers while they slept.\n\n"
        "Buses Litoral Sur, based in Valparaíso, fitted the cameras in 2023. Buses Litoral "
        "Sur said it would appeal."
    )
    facts = facts_of(text, "penalty")
    assert [(f["organization"], f["amount"]) for f in facts] == [("Buses Litoral Sur", 90000000)]
