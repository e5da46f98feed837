"""Round-9 cue phrasings: general shapes (lists, counts, named collections), not set phrases.

Each rule gets a sentence that reads it and a look-alike that must not; `None` means the cue
layer stays silent for that field. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.models.reading.cue_support import check

TASK = [
    ("It should take out the sender, the amount (EUR) and the due date.", "narrow"),
    ("Return policy number, claimant, loss date (DD/MM) and region.", "narrow"),
    ("It pulls a fixed set of 9 clauses from every lease.", "narrow"),
    ("input = a scanned delivery note, output = the PO number and quantities", "narrow"),
    ("For each request it should recommend grant, deny or escalate.", "narrow"),
    ("The bot drafts the refusal explanations our officers send.", "narrow"),
    ("It condenses the shift log into the handover note.", "narrow"),
    ("Bank lines -> ledger account, nothing more.", "narrow"),
    ("The agent should handle billing disputes, password resets, and plan upgrades.", "moderate"),
    ("It takes orders, changes and cancellations over the phone.", "moderate"),
    ("Staff send questions from the floor about rotas, overtime, uniforms.", "moderate"),
    ("Typical asks: how do I reset MFA, where's the VPN guide, who approves laptops.",
     "moderate"),
    ("Tenants ask about repairs and also about rent statements.", "moderate"),
    ("It produces the SEO headline, the teaser and the push alert for each story.", "moderate"),
    ("It writes a discharge summary covering medicines, doses and warning signs.", "narrow"),
    ("The phone agent takes refills, transfers and cancellations by voice.", "moderate"),
    ("We need to pull twelve header and line-item fields from each bill.", "narrow"),
    ("It suggests a playlist for the mood. That's all it does.", "narrow"),
    ("It reviews pull requests and flags overly broad firewall rules.", "narrow"),
    ("It suggests fixes for failing lint jobs.", "narrow"),
    ("It tells the caller whether to book a GP, go to urgent care or call an ambulance.", "narrow"),
    ("Lawyers ask it about any area of tax law.", "broad"),
    ("We want to write the full proposal before we decide.", None),
    ("The board asked each unit to come up with one use case.", None),
    ("We want a feel for the options before we commit to anything.", None),
    ("We'd like to understand the options before spending anything.", None),
    ("Quick question before I fill the long form.", None),
    ("Our reps hate writing call notes.", None),
    ("Everything is in the upload; nothing else needed.", None),
    ("Our teams argue about approvals a lot.", None),
]
QUALITY = [
    ("Two coders scored the 6,000 essays; inter-rater agreement was 0.87.", "clean"),
    ("Two pharmacists labelled each one independently and a third resolved disagreements.",
     "clean"),
    ("The 9,000 ledger rows were signed off by a senior controller.", "clean"),
    ("All 4,000 answers were written under one shared playbook.", "clean"),
    ("We have 3k reviewed question-answer pairs.", "clean"),
    ("Two agencies tagged the examples with different guidelines.", "noisy"),
    ("The old replies follow no style guide, and it shows.", "noisy"),
    ("A third of the letters were written under the previous policy.", "mixed"),
    ("The historical labels aren't always right.", "mixed"),
    ("Our examples are fine, though the style guide changed in 2022.", "mixed"),
    ("Two editors coded every story, agreement was 0.9 and a lead decided the disagreements.",
     "clean"),
    ("Reps tagged inconsistently across regions, so the 8k old tickets vary.", "noisy"),
    ("Our 50k labels exist, but the two vendors applied the rubric inconsistently.", "noisy"),
    ("The moderators labelled 40k posts but they disagreed a lot on borderline ones.", "noisy"),
    ("A second paralegal re-checked each one of the 2,000 abstracts.", "clean"),
    ("The 900 essays were all edited by the same two copywriters.", "clean"),
    ("The annotators clearly didn't share a guideline for the labels.", "noisy"),
    ("A few hundred of the comments still refer to the pre-2019 version.", "mixed"),
    ("Every report is reviewed by a senior auditor before it goes out.", None),
    ("The style guide changed in 2022.", None),
]
PRIVATE = [
    ("Staff want answers drawn from our Confluence space.", "true"),
    ("Every memo must use our clause library.", "true"),
    ("Analysts need SQL against our Snowflake warehouse tables.", "true"),
    ("It cites the internal audit reports.", "true"),
    ("It drafts the follow-up from our CRM notes on the account.", "true"),
    ("The bot pulls GPS and ETA from our TMS.", "true"),
    ("Gamers can ask about their card collection.", "true"),
    ("Everything it needs is in the pasted discharge notes.", "false"),
    ("It answers from the published reference only.", "false"),
    ("It looks up the order in Shopify before it replies.", "true"),
    ("It reads out the booking status of the client.", "true"),
    ("The analysts ask it for SQL over the Snowflake warehouse.", "true"),
    ("Answers come from our public help center.", "false"),
    ("No claimant data will be used.", "false"),
    ("Each line carries everything else the model needs.", "false"),
    ("Parsed fields are pushed into our TMS over the API.", None),
    ("Our library is closed on Sundays.", None),
    ("The team keeps its notes in a shared drive.", None),
]
FRESHNESS = [
    ("The outage map it reads refreshes every five minutes.", "realtime"),
    ("The price list changes every 6 weeks or so.", "monthly"),
    ("The product docs change every 2 wks with each release.", "weekly"),
    ("It answers from the live outage map and the customer's plan.", "realtime"),
    ("Prices move every block on the exchange.", "realtime"),
    ("Balances change with every payment.", "realtime"),
    ("The wiki gets dozens of edits a day.", "daily"),
    ("The exam syllabus did not change since 2018.", "static"),
    ("The photo archive is complete; it covers 1900 to 1960.", "static"),
    ("It must read the chain state at that moment, nothing cached.", "realtime"),
    ("New articles land in the archive daily.", "daily"),
    ("About 15k new SKUs hit the feed per day.", None),
    ("We track 300 coin prices, which we update weekly.", "weekly"),
    ("Three people use it every five minutes.", None),
    ("It runs as a nightly batch over the new listings.", None),
]
STABILITY = [
    ("The grading rules change maybe one time per year.", "stable"),
    ("Our refund policy gets revised two times in a year.", "stable"),
    ("The review process is redone every 3-4 years.", "stable"),
    ("Ops updates the queue list every Monday.", "changes_weekly"),
    ("The claims manual is updated quarterly.", "evolving"),
    ("The cataloguing rules have not been touched since 2016.", "stable"),
    ("We have used the same style guide since 2021.", "stable"),
    ("The game isnt out yet, so the rules still move.", "evolving"),
]
OUTPUT = [
    ("Findings go in our four-part template.", "structured"),
    ("The memo template is mandatory.", "structured"),
    ("Results are shown in our usual table.", "structured"),
    ("The verdict goes straight into our case system's API.", "strict_schema"),
    ("JSON out to the payments service.", "strict_schema"),
    ("It returns two fields our ServiceNow integration reads.", "strict_schema"),
    ("It sends polite short emails to late payers.", "free_text"),
    ("Replies are friendly chat in the app.", "free_text"),
    ("Strings must go back as valid XLIFF with the same ids.", "strict_schema"),
    ("The CMS rejects anything else.", "strict_schema"),
    ("Output rows are ready for import into Xero.", "strict_schema"),
    ("Each memo follows our five-section memo template.", "structured"),
    ("It maps each record into our field layout so it validates on import.", "strict_schema"),
    ("Analysts join our tables by hand.", None),
    ("Invoices arrive in every possible layout.", None),
    ("Half of the old letters were written using a different template.", None),
]
OWNERS = [
    ("The web team left has said it will not run training jobs or rollbacks.", "none"),
    ("I keep it running in my free time.", "limited"),
    ("Our analyst would look after this on the side.", "limited"),
    ("We sell furniture on the side of the road.", None),
]
GAP = [
    ("It makes up parking fees that don't match our tariff.", "knowledge"),
    ("The bot still quotes the 2022 rates.", "knowledge"),
    ("It recommends flats that are already let.", "knowledge"),
    ("Our prompt mixes up DD/MM and MM/DD dates.", "format"),
    ("It puts allergies under the wrong heading.", "format"),
    ("The real complaint is the tone.", "style"),
    ("The replies dont sound like us at all.", "style"),
    ("It double counts revenue whenever a customer has two contracts.", "reasoning"),
    ("Window functions come out wrong in the generated SQL.", "reasoning"),
    ("The filter keeps hiding posts that are allowed and letting spam through.", "policy"),
    ("It keeps quoting last year's roaming prices.", "knowledge"),
    ("The tags come back as a sentence instead of a comma-separated list.", "format"),
    ("The headlines are way too sensational.", "style"),
    ("It approves refunds outside the 30-day window.", "policy"),
    ("Returns make up 30% of tickets.", None),
    ("I was too strict on the form earlier.", None),
    ("The bot is too strict on refunds for loyal customers.", "policy"),
]
METRIC = [
    ("we dont have a test set yet", "false"),
    ("we havent measured anything", "false"),
    ("we keep a test set of 300 tickets", "true"),
    ("We haven't decided yet whether the product is a chatbot.", None),
    ("We haven't agreed on what good looks like.", "false"),
    ("Two nurses double-coded each case with 94% agreement.", None),
    ("Each ticket gets exactly one of seven queue labels.", None),
    ("We are a third-party logistics provider.", None),
    ("Our prompt gets about half of our 80 test tickets right.", "true"),
    ("Our best prompt gets 4 out of 5 right.", "true"),
]
CASES = [(METRIC, "success_metric_defined"), (OWNERS, "mlops_capacity"), (GAP, "primary_gap"),
         (TASK, "task_narrowness"), (QUALITY, "data_quality"),
         (PRIVATE, "needs_private_context"), (FRESHNESS, "knowledge_freshness"),
         (STABILITY, "workflow_stability"), (OUTPUT, "output_strictness")]


@pytest.mark.parametrize(("cases", "field"), CASES)
def test_round9_cues(cases: list[tuple[str, str | None]], field: str) -> None:
    check(cases, field)
