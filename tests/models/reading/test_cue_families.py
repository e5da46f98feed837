"""Each cue family on sentences written for these tests (not from the sentence bank).

Every case states what a careful reader takes from the sentence: (field, value) for a firm cue,
or `None` where the family must stay silent (negation, a wish, a volume, an organisation fact).
"""

from __future__ import annotations

import pytest

from tests.models.reading.cue_support import check, firm

FRESHNESS = [
    ("It reads the live network incident feed.", "realtime"),
    ("It has to pull the on-chain balances on every request.", "realtime"),
    ("About 60,000 listings arrive daily.", None),
    ("The collection was closed in 2009 and nothing is ever added.", "static"),
    ("Nobody's waiting on it in real time, a daily batch is fine.", None),
    ("It gives a yearly yield estimate and the payback period.", None),
    ("Prices are refreshed in real time from the exchange.", "realtime"),
    ("The codes come from a 2017 handbook, and none of it has changed since.", "static"),
    ("The heading list is the 2017 edition, which the board froze and will not revise.",
     "static"),
    ("The archive covers 1780 to 1890; nothing in it will ever change.", "static"),
    ("Odds move all through a match, so answers need the live odds.", "realtime"),
    ("The bot quotes share prices pulled in real time from the exchange.", "realtime"),
    ("Parcel locations refresh every couple of minutes.", "realtime"),
    ("Room availability is checked against the booking system on every request.", "realtime"),
    ("We refresh the product feed every night.", "daily"),
    ("Exchange rates are loaded each morning at six.", "daily"),
    ("New listings go up several times a week.", "daily"),
    ("The specials board is rewritten every Monday.", "weekly"),
    ("Our release notes come out every two weeks.", "weekly"),
    ("The fee schedule is revised each quarter.", "monthly"),
    ("Course content gets a refresh at the start of every term.", "monthly"),
    ("The building codes it cites have not changed in fifteen years.", "static"),
    ("The archive is frozen: nothing new is added.", "static"),
    ("The timetable is not updated daily.", None),
    ("We answer about 2,000 chats a day.", None),
    ("Three analysts use it a couple of times a day.", None),
    ("We have a weekly sync with the product team.", None),
]
STABILITY = [
    ("The legislation is amended about once a year.", "stable"),
    ("The baseline is revised every sprint.", "changes_weekly"),
    ("Our policy is updated maybe two times per year.", "stable"),
    ("The coding rules are updated every October only.", "stable"),
    ("The approval matrix is revised 2x a year.", "stable"),
    ("The approval rules are renegotiated with the union every few weeks.", "changes_weekly"),
    ("we are pre launch, the flow may still move", "evolving"),
    ("Our returns policy changes almost every week.", "changes_weekly"),
    ("The triage playbook is rewritten every sprint.", "changes_weekly"),
    ("We tweak the escalation rules every few months.", "evolving"),
    ("The workflow is still being figured out with the pilot teams.", "evolving"),
    ("The approval process has been the same for years.", "stable"),
    ("The steps are fixed by regulation and we don't touch them.", "stable"),
    ("The onboarding checklist hasn't changed since 2019.", "stable"),
]
OWNERS = [
    ("We don't have an ML team, it's product engineers only.", "none"),
    ("Nobody here has done ML ops before.", "none"),
    ("no ml ppl on the team tbh", "none"),
    ("Two of us run it and neither of us has time to retrain models.", "none"),
    ("No one on our 4-person team can babysit a model long-term.", "none"),
    ("Nobody in our office know programming.", "none"),
    ("No internal staff are assigned to maintain it.", "none"),
    ("We're consultants and gone after March.", "none"),
    ("The rest are two PMs and a designer, none of whom can run training or roll back.", "none"),
    ("A side project from the customer-experience group, built on the chat vendor.", None),
    ("I keep it running as a side project.", "limited"),
    ("No ML team here, but Tomasz can look after the model ~1 day/week.", "limited"),
    ("Anna could own it one day a week, but she leaves in June and nobody will maintain it.",
     "none"),
    ("after go-live nobody's left to babysit it", "none"),
    ("I'm the only developer and I do this on top of my normal job.", "limited"),
    ("One engineer can spend about a day a week on it.", "limited"),
    ("Our IT guy could look after it when he has time.", "limited"),
    ("We have no developers at all; we are a team of accountants.", "none"),
    ("Nobody here could maintain a model once the agency hands it over.", "none"),
    ("no one in our shop does machine learning, we build web apps", "none"),
    ("There is no MLOps team here and IT is a vendor.", "none"),
    ("Our analytics unit was dissolved last year.", "none"),
    ("The web team cannot take on retraining or rollbacks.", "none"),
    ("The freelancer who built the demo finishes her contract next month.", "none"),
    ("Our ML platform team already retrains a dozen models.", "dedicated"),
    ("The data science team runs training pipelines on SageMaker every week.", "dedicated"),
    ("There is an MLOps group that owns deployment, monitoring and rollback.", "dedicated"),
    ("Our customers are mostly small firms.", None),
]
SOURCES = [
    ("The object groups it must reference live in our CMDB.", "true"),
    ("Steps are quoted from 3,000 pages of internal audit procedures.", "true"),
    ("The project specifications are internal.", "true"),
    ("Every client has their own style guide and glossary we must follow.", "true"),
    ("It is an internal tool for the finance team.", None),
    ("It looks up the member's current plan and claims before answering.", "true"),
    ("Answers come from our Confluence space and the Jira history.", "true"),
    ("The assistant needs each tenant's lease and payment history.", "true"),
    ("It reads the client's portfolio from our CRM.", "true"),
    ("The policies it quotes are confidential and only on our intranet.", "true"),
    ("What it says depends on the shopper's basket and loyalty status.", "true"),
    ("Everything it needs is in the email it is given.", "false"),
    ("It only uses the public documentation on our website.", "false"),
    ("No customer data is involved at any point.", "false"),
    ("It doesn't need to access any user accounts.", "false"),
    ("It doesn't know our internal product names yet.", "true"),
]
OUTPUT = [
    ("The patch has to be something git apply accepts.", "strict_schema"),
    ("It routes each ticket to one of our 14 queues.", "strict_schema"),
    ("Replies are plain msgs in the app.", "free_text"),
    ("The verdict comes back as pass / fail / needs review.", "strict_schema"),
    ("Findings go into the four columns of the audit sheet.", "strict_schema"),
    ("It produces a complete, valid OpenAPI 3.1 document per service.", "strict_schema"),
    ("It explains the bill to the customer in plain words.", "free_text"),
    ("replies are just chat msgs", "free_text"),
    ("Answers must be short and simple, people read them on a phone.", "free_text"),
    ("Answers must be short and valid JSON.", "strict_schema"),
    ("The output goes into fixed CSV columns for the importer.", "strict_schema"),
    ("The SDR team wants it to write first-touch outbound emails.", "free_text"),
    ("Farmers get the answer as simple text in one SMS.", "free_text"),
    ("It tags each email as urgent or not.", None),
    ("It answers from our help articles and the OpenAPI spec.", None),
    ("Every memo follows the regulator's template.", "structured"),
    ("The answer is read out to the driver.", "free_text"),
    ("Staff ask questions in plain English.", None),
    ("Replies should be 2-3 plain sentences.", "free_text"),
    ("The answer must be a table of route, driver and ETA.", "structured"),
    ("The answer has to be a JSON object our checkout service can parse.", "strict_schema"),
    ("Results go straight into the ERP import, which rejects any extra column.",
     "strict_schema"),
    ("It must return exactly one of the 12 category codes.", "strict_schema"),
    ("The output is a function call with typed arguments.", "strict_schema"),
    ("Each report has the same four headings and a bullet list of actions.", "structured"),
    ("Replies follow our letter template with a fixed section order.", "structured"),
    ("It writes a short friendly chat reply, nothing more.", "free_text"),
    ("Answers are spoken to the caller, so plain sentences only.", "free_text"),
    ("Our config files are all YAML anyway.", None),
    ("Each record is posted to the booking platform through its REST API.", "strict_schema"),
    ("Files must arrive in the carrier's upload format.", "strict_schema"),
    ("The generated scripts have to compile before anyone looks at them.", "strict_schema"),
    ("Our nightly loader rejects any row with an unknown id.", "strict_schema"),
    ("Every answer letter must follow the prescribed structure of the regulator.",
     "structured"),
    ("It writes a hand-over note with risks, open items and next steps.", "structured"),
    ("Answers are short prose, no fixed structure.", "free_text"),
    ("We want to know whether we should build or buy.", None),
    ("The score is written to a database column that only takes an integer.", "strict_schema"),
    ("The app shows the answer in a chat bubble.", "free_text"),
]
QUALITY = [
    ("Our labelled pairs were tagged under contradicting guidelines.", "noisy"),
    ("Different nurses gave different levels for the same symptoms.", "noisy"),
    ("In the triage history every nurse classified cases in her own way.", "noisy"),
    ("The mods back then had no guidelines and disagreed a lot on the labels.", "noisy"),
    ("Of the labelled tickets we estimate 20% are wrong.", "mixed"),
    ("Three analyst shifts used different criteria over the years.", "noisy"),
    ("The teachers used the rubric very differently.", "noisy"),
    ("Different teams use different tools.", None),
    ("Every labelled example was checked by a second reviewer.", "clean"),
    ("The training pairs are consistent and follow one style guide.", "clean"),
    ("The old labels are a mess; every agent tagged tickets their own way.", "noisy"),
    ("Annotators contradict each other on about a third of the examples.", "noisy"),
    ("Half of the historical replies follow the old policy, the rest are fine.", "mixed"),
    ("Older tickets use free text while newer ones use the category field.", "mixed"),
    ("We want the answers to be consistent.", None),
    ("The knowledge base is clean and well organised.", None),
]
DOMAINS = [
    ("It flags phish reported by staff.", "security"),
    ("It reviews Solidity contracts before deploy.", "web3"),
    ("The summaries carry no regulatory or customer impact.", "general"),
    ("It suggests ICD-10 codes for each discharge letter.", "health"),
    ("Patients ask it about side effects of their medication.", "health"),
    ("It explains why a loan application was turned down.", "finance"),
    ("The bot helps with mortgage overpayment questions.", "finance"),
    ("It flags clauses that do not comply with local law.", "legal"),
    ("Gambling regulators audit what the assistant tells players.", "legal"),
    ("Analysts use it to triage phishing reports and malware alerts.", "security"),
    ("Users ask which wallet address to send their tokens to.", "web3"),
    ("It writes captions for cat pictures; nothing serious can go wrong.", "general"),
    ("The bank has been operating since 1892.", None),
    ("Our general counsel attended the kick-off meeting.", None),
    ("The legal team approved the budget.", None),
]
TASKS = [
    ("For each claim it suggests a severity band.", "narrow"),
    ("The model gives a verdict (approve / hold / reject) per order.", "narrow"),
    ("It should pull the tenant name, rent and break clause out of each lease.", "narrow"),
    ("The tool extracts eleven fixed data points from each supplier contract.", "narrow"),
    ("text-to-sql bot for our analysts on snowflake", None),
    ("We will fill the form properly later, when we have a concrete idea.", None),
    ("We want to see what others tried before we define a specific use case.", None),
    ("Members ask abt their own plan, roaming, why their data got throttled.", "moderate"),
    ("Riders write about 3 things: ride won't end, bike won't unlock, how to pause a trip.",
     "moderate"),
    ("People forward odd emails and the model says phish / not phish.", "narrow"),
    ("It records a fixed set of 14 attributes per contract.", "narrow"),
    ("It should flag posts as ok / needs review / remove.", "narrow"),
    ("It reads the ticket and decides: auto-refund, escalate to tier 2, or reply with a link.",
     "narrow"),
    ("The model must return the governing law, the liability cap and the notice period as JSON.",
     "narrow"),
    ("It reads each request: it checks the form, the budget and the approver.", None),
    ("Staff ask about store procedures (cash handling, opening/closing, stock counts).",
     "moderate"),
    ("Chatbot for the museum's visitor info: tickets, opening hours, cloakroom, cafe.",
     "moderate"),
    ("users ask why their swap failed, what gas they paid, whether a bridge transfer landed",
     "moderate"),
    ("It writes a short triage note: what happened, which host, how bad, what to do next.",
     "narrow"),
    ("Tenants message us about repairs, rent dates and parking permits.", "moderate"),
    ("Guests ask about late checkout, towels, spa times, local tips.", "moderate"),
    ("It drafts the reply and also answers any follow-up question staff have.", "broad"),
    ("The bot drafts discharge letters for family doctors.", "narrow"),
    ("We want it to write job ads from the hiring manager's notes.", "narrow"),
    ("It pulls a fixed set of nine fields from each lease.", "narrow"),
    ("What we need is a tagger for incoming support mail.", "narrow"),
    ("It tags each speech with one of the 21 policy topics from our codebook.", "narrow"),
    ("It triages maintenance requests into three urgency levels.", "narrow"),
    ("All it does is pull the invoice total and due date out of each PDF.", "narrow"),
    ("It checks whether a listing breaks our house rules, yes or no.", "narrow"),
    ("It answers questions about our services, runbooks and architecture decisions.",
     "moderate"),
    ("The bot handles refunds, delivery problems and account changes.", "moderate"),
    ("It drafts the summary, writes the follow-up email and also updates the CRM notes.",
     "moderate"),
    ("Staff can ask it anything, from IT problems to holiday rules.", "broad"),
    ("A general-purpose assistant for the whole company.", "broad"),
    ("It is not a general assistant.", None),
    ("Support wants every call summarised for the case file.", "narrow"),
    ("Each recipe card gets translated into Polish.", "narrow"),
    ("It should map free-text job titles into our occupation taxonomy.", "narrow"),
    ("It should flag suspicious refund requests for a second look.", "narrow"),
    ("Each morning it reads the overnight alerts and says whether any of them needs a human.",
     "narrow"),
    ("Tenants ask when the bins are collected, how to report a leak and where to park.",
     "moderate"),
    ("It plans the weekly menu; it should also answer questions about allergens.", "moderate"),
]
GAPS = [
    ("The bot keeps approving refunds the new policy says to deny.", "policy"),
    ("The model makes mistakes in long calculations.", "reasoning"),
    ("Drafts editorialise and use adjectives our style guide bans.", "style"),
    ("It waves through posts that the policy explicitly bans.", "policy"),
    ("I don't know the details of the pipeline.", None),
    ("Last month it produced made-up citations twice.", "knowledge"),
    ("Half the failures are broken JSON from the prompt.", "format"),
    ("It keeps offering refunds we don't allow.", "policy"),
    ("It botches the multi-step tax maths every time.", "reasoning"),
    ("Agents find the drafts preachy.", "style"),
    ("it halucinates part numbers all the time", "knowledge"),
    ("The drafts invent prices that we don't sell.", "knowledge"),
    ("It keeps giving outdated answers about last year's plans.", "knowledge"),
    ("The JSON breaks our schema about one time in ten.", "format"),
    ("The tone is stiff and it sounds robotic.", "style"),
    ("It approves refunds that our policy says to refuse.", "policy"),
    ("It picks the right tables but mangles the join logic.", "reasoning"),
    ("It keeps citing return windows we dropped two years ago.", "knowledge"),
    ("The summaries come back as one long block instead of our three headings.", "format"),
]
METRICS = [
    ("Honestly not sure how we'd measure if it's any good.", "false"),
    ("Nobody has defined how we would judge whether its suggestions helped.", "false"),
    ("Inter-rater agreement on the labels is high.", None),
    ("We don't know yet what the pilot could change.", None),
    ("Honestly we don't know how to measure whether a summary is good.", "false"),
    ("We have a 300-question eval set and track accuracy on it.", "true"),
    ("Our prompt gets 71% on the held-out tickets.", "true"),
    ("We don't have a test set yet.", "false"),
    ("Honestly we judge it by vibes.", "false"),
    ("We haven't decided how to measure success.", "false"),
]


@pytest.mark.parametrize(("cases", "field"), [
    (FRESHNESS, "knowledge_freshness"), (STABILITY, "workflow_stability"),
    (OWNERS, "mlops_capacity"), (SOURCES, "needs_private_context"),
    (OUTPUT, "output_strictness"), (QUALITY, "data_quality"), (DOMAINS, "risk_domain"),
    (TASKS, "task_narrowness"), (GAPS, "primary_gap"), (METRICS, "success_metric_defined"),
])
def test_cue_family(cases: list[tuple[str, str | None]], field: str) -> None:
    check(cases, field)


def test_a_team_going_away_leaves_nobody_and_a_public_document_is_not_private() -> None:
    assert firm("The data-science team that would own it is being disbanded.",
                "mlops_capacity") == "none"
    assert firm("The engineers are being reassigned to the mobile app in May.",
                "mlops_capacity") == "none"
    assert firm("It answers from the public 30-page safety guide.",
                "needs_private_context") == "false"
    assert firm("Our team is being praised for the launch.", "mlops_capacity") is None


def test_metaphors_and_funders_do_not_set_the_domain() -> None:
    assert firm("It reports on account health for our sales reps.", "risk_domain") is None
    assert firm("Our investors asked whether we fine-tune.", "risk_domain") is None
    assert firm("It suggests which index funds suit a client's investment goals.",
                "risk_domain") == "finance"


def test_a_topic_passed_on_to_a_person_and_a_condition_on_anything() -> None:
    assert firm("Any question about dosages is handed straight to a pharmacist.",
                "risk_domain") is None
    assert firm("It explains dosages to patients.", "risk_domain") == "health"
    assert firm("Anything mentioning a refund dispute goes to a person.",
                "task_narrowness") is None
    assert firm("Customers can ask it anything.", "task_narrowness") == "broad"


def test_a_review_by_a_professional_keeps_the_domain() -> None:
    assert firm("Each draft is sent to a nurse, who checks it before the patient sees it.",
                "risk_domain") == "health"


def test_naming_the_tone_is_no_complaint_but_a_wish_for_it_is() -> None:
    assert firm("The brand team signed off the tone of voice guide.", "primary_gap") is None
    assert firm("We need the replies to match our brand voice.", "primary_gap") == "style"
    assert firm("The tone is off for our customers.", "primary_gap") == "style"


def test_second_to_second_and_a_named_month_each_year() -> None:
    assert firm("Seat availability changes second to second.", "knowledge_freshness") == \
        "realtime"
    assert firm("The fee table is republished each January.", "knowledge_freshness") == "static"


@pytest.mark.parametrize(("text", "want"), [
    ("We don't have any developers on staff.", "none"),
    ("Nobody in the office knows Python.", "none"),
    ("There is no tech staff at the charity.", "none"),
    ("It's just our archivist and me.", "limited"),
    ("The three of us would fit it in between other projects.", "limited"),
    ("We do have developers, four of them.", None),
])
def test_more_ways_to_say_who_owns_it(text: str, want: str | None) -> None:
    assert firm(text, "mlops_capacity") == want


@pytest.mark.parametrize(("text", "want"), [
    ("The intake flow is still being debated with the board.", "evolving"),
    ("Management keeps changing which fields the form needs.", "evolving"),
    ("How refunds are approved is not decided yet.", "evolving"),
    ("We decided the flow last year and it has stayed the same.", None),
])
def test_a_process_still_in_flux(text: str, want: str | None) -> None:
    assert firm(text, "workflow_stability") == want
