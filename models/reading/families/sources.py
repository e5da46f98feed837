"""needs_private_context: named private sources and per-user data, or "only public / the input".

true when answers need private documents or per-user data at request time: a named internal
system (CRM, Salesforce, Confluence), "our internal ..." documents, something per customer or
account, the user's own records, "confidential". A negated private source ("not our CRM", "no
customer data") reads as false, like the explicit public or input-only phrases.
"""

from __future__ import annotations

from models.reading.cueing import FIRM, HINT, Rule, rules_of

FIELD = "needs_private_context"
_PERSON = (r"(?:customer|user|client|member|employee|patient|applicant|player|student|"
           r"traveller|traveler|policyholder|shopper|subscriber|account ?holder|borrower|"
           r"caller|guest|tenant|citizen|prospect|buyer|seller|merchant|driver|rider|"
           r"candidate|learner|partner|vendor|supplier|donor|resident|pupil|parent|agent|lead|"
           r"requester|requestor|cardholder|sender|claimant)")
_RECORDS = (r"(?:orders?|order history|leases?|payments?|payment history|bookings?|"
            r"reservations?|accounts?|account data|balances?|"
            r"transactions?|holdings|positions|portfolios?|plans?|billing|bills?|invoices?|"
            r"contracts?|policy|policies|claims?|records?|files?|history|chart|lab results|"
            r"grades|enrol?ments?|profiles?|status|tickets?|cases?|usage|inventory|save data|"
            r"data|kyc status|tier|subscriptions?|payslips?|"
            r"leave balance|salary|meter readings|application status|prescriptions?|"
            r"medical (?:history|records?)|deliver(?:y|ies)|shipments?|tracking|"
            r"permissions?|entitlements?|roles?|access rights|loyalty \w+)")
_SYSTEMS = (r"(?:crm|salesforce|hubspot|zendesk|intercom|freshdesk|gainsight|servicenow|"
            r"jira|confluence|sharepoint|notion|google drive|gdrive|slack history|"
            r"erp|sap|netsuite|workday|bamboohr|hris|ats|greenhouse|epic|cerner|ehr|emr|"
            r"lims|data ?warehouse|snowflake|bigquery|redshift|intranet|"
            r"internal (?:wiki|api|apis|docs?|documents?|documentation|systems?|"
            r"database|data|knowledge base|kb|pages?|policies|handbook|runbooks?|tickets?|"
            r"repos?|repositor(?:y|ies)|codebase|services?|reports?|notes?|sops?)|"
            r"private (?:repos?|repositor(?:y|ies)|monorepo|codebase|docs?|documents?|data|"
            r"wiki|notes?|files?)|monorepo)(?! (?:importer|import|sync|schema|format|"
            r"integration|rejects|accepts|expects))")
_OURS = (r"our (?:own )?(?:crm|database|db|warehouse|tables|schema|codebase|repos?|monorepo|"
         r"tickets?|ticket history|contracts?|matters?|case files?|records?|customer data|"
         r"customers'? (?:data|orders|accounts|records|history)|client (?:files?|data)|"
         r"order (?:system|data|history)|backend|systems?|internal \w+|private \w+|own data|"
         r"data(?! science| scientists?| team| engineers?| platform| analysts?)|playbooks?|"
         r"runbooks?|"
         r"(?:sales|support|call|chat) (?:history|logs|transcripts?)|inventory|"
         r"stock (?:system|levels?)|asset inventory|pricing engine|booking (?:engine|system)|"
         r"knowledge base|wiki|confluence|notion|sharepoint|policies|policy documents?|"
         r"handbook|sops?)")

# A system the output goes into ("into our ERP", "for the CRM") is a destination, not a source,
# and "our warehouse staff" is a team: neither says the answers need private data.
_DESTINATION = r"(?<!into )(?<!into the )(?<!into our )(?<!for the )(?<!for our )(?<!to our )"
_TEAM = (r"(?! (?:staff|team|teams|people|folks|managers?|controllers?|agents?|engineers?|"
         r"analysts?|users?|employees|workers|admins?)(?![\w]))")

TABLE: tuple[tuple[str, float, str], ...] = (
    ("true", FIRM,
     _DESTINATION + "(?:" + _SYSTEMS + "|" + _OURS + ")" + _TEAM + "|"
     rf"per[- ](?:{_PERSON}|account|user|household|patient) (?:data|records?|history|details|"
     r"context|information|info|settings|state|accounts?)|per-(?:user|customer|account)\b|"
     rf"(?:is|are|differs?|var(?:y|ies)|looked up|stored|kept|held) per[- ](?:{_PERSON}|"
     r"account|user|household|patient)|"
     # a record looked up in a named system of ours, or a SaaS system of record
     r"(?:look(?:s|ed|ing)? up|pull(?:s|ed|ing)?|fetch(?:es|ed|ing)?|retriev\w+|reads?|"
     r"check(?:s|ed)?) (?:the |an |each |their )?(?:[\w-]+ )?(?:order|account|booking|"
     r"reservation|case|record|policy|claim|shipment|invoice|balance|contract|profile|"
     r"entitlements|job|patient|member)s? (?:status |details |history )?(?:in|from) "
     r"(?:our |the )?[\w-]+|"
     r"(?<!into )(?:from|in|against|via|querying|queries) our (?!public |published |open )"
     r"(?:[\w-]+ ){1,2}(?:system|database|db|platform|records|portal|backend|ledger)\b|"
     r"(?:shopify|stripe|quickbooks|xero|okta|active directory|identity provider|"
     r"dynamics|odoo|magento|pipedrive|airtable) (?:data|records?|accounts?|orders?|"
     r"history|entries)|"
     rf"(?:each|every|the|a) {_PERSON}'?s'? (?:own )?(?:[\w-]+ )?{_RECORDS}|"
     rf"{_PERSON}s?'s? (?:own )?(?:[\w-]+ )?{_RECORDS}|"
     rf"(?:their|there|his|her|your|people'?s) (?:own )?(?:[\w-]+ )?{_RECORDS}|"
     rf"(?:the|each|a) {_PERSON}'?s'? (?:prior|past|previous|current|latest|recent) [\w-]+|"
     rf"{_RECORDS} of the {_PERSON}|medical hx|"
     r"(?:look(?:s|ed|ing)? up|looks? at|pull(?:s|ed|ing)?|fetch(?:es|ed|ing)?|check(?:s|ed)?|"
     r"read(?:s|ing)?|query|queries|access(?:es)?) (?:up )?(?:their|the (?:customer|user|"
     r"client|patient|member)'?s?|each (?:customer|user|client)'?s?|the account|accounts)|"
     r"confidential|proprietary|secret|non-public|not public|internal[- ]only|"
     r"(?:live|real-time|realtime) (?:tracking|order|account|booking|inventory|stock)|"
     r"depends? on (?:their|the (?:customer|user|client|shopper|member)'?s?|who)|"
     r"(?:personali[sz]ed|tailored) (?:to|for|using|with|by)|"
     r"everything internal|internal (?:\w+ )?(?:knowledge|information|info|content)"),
    ("true", HINT, r"internal|our (?:own )?(?:docs?|documents?|documentation|files|notes|"
                   r"reports?|data)|private|personal data|pii|logged[- ]in|account"),
    ("false", FIRM,
     r"(?:only|just|purely|solely) (?:on |uses |using |from |needs |reads )?(?:the |our )?"
     r"(?:publicly available|public|published|open)|"
     r"published (?:papers|articles|research|literature|guidance|legislation|standards|docs)|"
     r"public (?:information|info|data|docs?|"
     r"documentation|sources?|articles?|"
     r"website|web ?site|pages|records|filings|schema|wiki|catalogue|catalog|legislation|"
     r"(?:[\w-]+ ){0,2}(?:rulebook|rules|handbook|guide|manual|standard|regulations|guidance|"
     r"leaflets?|brochures?|reports?)|"
     r"court judgments?|market data|indices|knowledge)|publicly available|"
     r"(?:everything|all (?:the )?(?:information|info|context)) (?:it|the model) needs "
     r"(?:is )?(?:in|comes with|contained)|(?:all )?information needed is contained|"
     r"(?:sees|uses|needs|works from|reads) only (?:the|what|its|their)|"
     r"only (?:the|what) (?:[\w-]+ ){0,3}(?:text|input|document|question|message|snippet|"
     r"email|pdf|file|transcript|draft|comment|(?:the )?user (?:types|writes|pastes|sends))|"
     r"(?:the )?(?:only input|sole input)|nothing (?:outside|beyond|else (?:is )?needed)|"
     r"no (?:lookups?|external (?:records?|data|sources?)|customer (?:data|rows|records|"
     r"information|info)|personal data|user (?:account )?data|account data|client (?:files?|"
     r"data)|student records|private data|(?:customer|user|employee)s? or (?:employee|user|"
     r"customer)s? data)|(?:doesn'?t|does not|never|won'?t|will not) (?:need to )?"
     r"(?:access|read|look up|see|touch|use|need)"
     r" (?:any )?(?:customer|user|client|account|personal|private|internal|our) (?:[\w-]+ )?"
     r"(?:data|records?|accounts?|files?|information|info|systems?|database|crm|repos?|"
     r"repositor\w*|wallets?|documents?)|"
     r"nothing (?:from customers|internal|private|personal)|not our (?:crm|database|data)|"
     r"self-contained|generic (?:policy )?(?:q&a|questions|answers)"),
)


def rules() -> list[Rule]:
    """The needs_private_context rules; a negated private source reads as not private."""
    return rules_of(field=FIELD, table=TABLE, negated={"true": "false"})
