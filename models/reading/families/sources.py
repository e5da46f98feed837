"""needs_private_context: named private sources and per-user data, or "only public / the input".

true when answers need private documents or per-user data at request time: a named internal
system (CRM, Salesforce, Confluence), "our internal ..." documents, something per customer or
account, the user's own records, "confidential". A negated private source ("not our CRM", "no
customer data") reads as false, like the explicit public or input-only phrases.
"""

from __future__ import annotations

from models.reading.cueing import FIRM, HINT, NAMED, Rule, rules_of

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
            r"permissions?|entitlements?|roles?|access rights|loyalty \w+|collections?|"
            r"parcels?|packages?|wallets?|itinerar(?:y|ies)|pnrs?|appointments?|"
            r"(?:financial )?statements|filings)")
_SYSTEMS = (r"(?:crm|salesforce|hubspot|zendesk|intercom|freshdesk|gainsight|servicenow|"
            r"jira|confluence|sharepoint|notion|google drive|gdrive|slack history|"
            r"erp|sap|netsuite|workday|bamboohr|hris|ats|greenhouse|epic|cerner|ehr|emr|"
            r"lims|data ?warehouse|snowflake|bigquery|redshift|intranet|cmdb|"
            r"internal (?:[\w-]+ )?(?:wiki|api|apis|docs?|documents?|documentation|systems?|"
            r"database|data|knowledge base|kb|pages?|policies|handbook|runbooks?|tickets?|"
            r"repos?|repositor(?:y|ies)|codebase|services?|reports?|notes?|sops?|procedures?|"
            r"guidelines|playbooks?|manuals?)|"
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
_DESTINATION = (r"(?<!into )(?<!into the )(?<!into our )(?<!for the )(?<!for our )(?<!to our )"
                r"(?<!back to the )(?<!written to the )(?<!saved to the )(?<!posted to the )")
_TEAM = (r"(?! (?:staff|team|teams|people|folks|managers?|controllers?|agents?|engineers?|"
         r"analysts?|users?|employees|workers|admins?)(?![\w]))")

_PREP = r"(?:on|in|from|for|with|about|of|to|against|using|uses|use|reads?|sees?|checks?|" \
    r"based on|given|pulls?|fetch(?:es)?|looks? (?:up|at)|needs?|knows?|explains?)"
# Records that are clearly someone's own: the answer changes with who is asking.
_OWN = (rf"(?:{_RECORDS}|goals|progress|preferences|settings|answers|responses|uploads|"
        r"(?:last|past|previous|prior|recent) (?:\d+ |few |)\w+)")
_LOOKUP = (r"(?:order|account|booking|reservation|customer|member|policy|ticket|case|"
           r"reference|tracking|invoice|employee|patient|claim|shipment|loan)")

NAMED_TRUE = (
    # the answer varies per person or per account, or is looked up for each one
    rf"per[- ](?:{_PERSON}|account|user|household|patient) (?:data|records?|history|details|"
    r"context|information|info|settings|state|accounts?)|per-(?:user|customer|account)\b|"
    rf"(?:is|are|differs?|var(?:y|ies)|looked up|stored|kept|held) per[- ](?:{_PERSON}|"
    r"account|user|household|patient|device|order|booking|chat|conversation|request)|"
    rf"looked up (?:by|from|with) (?:the |their |its )?{_LOOKUP} (?:number|id|ids|reference|"
    r"code|email)|(?:need|needs|has|have) to (?:be )?look(?:ed)? (?:it |them |those )?up|"
    r"(?:for|on) (?:that|this|each|the) (?:specific|particular|individual) (?:order|customer|"
    r"account|booking|shipment|user|patient|case|member|policy|claim|device)|"
    r"depends? on (?:their|the (?:customer|user|client|shopper|member|player|patient)'?s?|"
    r"who)|"
    # someone's own records, read as a source (not written into: that is a destination)
    rf"(?<!into )(?<!onto )(?:{_PREP}) (?:(?:the|each|every|a) {_PERSON}'?s'?|their|his|her|"
    rf"your) (?:own )?(?:[\w-]+ ){{0,2}}{_OWN}(?! (?:format|template|layout))|"
    rf"(?<!into )(?<!onto )(?:the|each|every|a) (?:{_PERSON}|wallet|household|vehicle)'?s'? "
    rf"(?:own )?(?:[\w-]+ ){{0,2}}{_OWN}|"
    # our own systems and unpublished material, read from
    r"(?:from|via|querying|queries|against|lives? in|stored in|kept in|across|using|uses|"
    r"search(?:es|ing)?(?: through)?|grounded in|based on) (?:our|the client'?s) "
    r"(?:own )?(?:crm|erp|hris|ats|salesforce|hubspot|zendesk|gainsight|sharepoint|confluence|"
    r"notion|intranet|data ?warehouse|(?:[\w-]+ )?(?:system|database|db|ledger|records|"
    r"repos?|monorepo|codebase))|"
    r"(?:answers?|reads?|pulls?|looks? up|comes?|data) (?:\w+ )?(?:from|in) the [\w-]+ "
    r"(?:system|database|ledger)\b|"
    r"(?:lives?|stored|kept) in (?:salesforce|hubspot|zendesk|gainsight|sharepoint|confluence|"
    r"notion|workday|bamboohr)|"
    r"(?:from|using|on) our (?:own )?(?:past|previous|prior|earlier|old|historical|signed|"
    r"unpublished|internal|private|confidential) [\w-]+|unpublished|"
    r"(?:is|are) (?:strictly |highly |all )?(?:confidential|proprietary|non-public|"
    r"internal[- ]only|private)(?! (?:company|companies|sector|equity|beta|school|clinic))|"
    # sources called internal, or each client's own material
    r"(?:is|are|'s|it'?s) (?:all |entirely |mostly )?internal(?! (?:only )?(?:tool|use|users?|"
    r"teams?|staff|project|pilot|hackathon))\b|(?:each|every) (?:client|customer|tenant|"
    r"account|brand) (?:has|have) (?:its |their |his |her )?own (?:[\w-]+ ){0,2}(?:style guide|"
    r"glossary|termbase|terminology|rules|price list|contract|catalog(?:ue)?|data)|"
    # a source called private in so many words
    r"(?:our|the|a|its) private (?:repos?|repositor(?:y|ies)|monorepo|codebase|docs?|"
    r"documents?|wiki|notes?|files?)|\(private\b|"
    # a record looked up in a named system of ours, or a person's record named as such
    r"(?:look(?:s|ed|ing)? up|pull(?:s|ed|ing)?|fetch(?:es|ed|ing)?|retriev\w+|reads?|"
    r"check(?:s|ed)?) (?:the |an |each |their )?(?:[\w-]+ )?(?:order|account|booking|"
    r"reservation|case|record|policy|claim|shipment|invoice|balance|contract|profile|"
    r"entitlements|job|patient|member)s? (?:status |details |history )?(?:in|from) "
    rf"(?:our |the )?[\w-]+|{_RECORDS} of the {_PERSON}|"
    # a collection of ours that answers come from or must follow: "over our Confluence space",
    # "must use our clause library", "from our dbt models" (not a format it writes into)
    r"(?:over|from|using|use|uses|needs?|follows?|follow|against|searches|search|"
    r"grounded in|based on|access to|through) (?:our|the company'?s|the firm'?s) (?:own )?"
    r"(?:internal )?(?:[\w-]+ ){0,2}(?:space|library|libraries|glossary|termbase|models|docs|"
    r"documentation|pages|wiki|kb|knowledge base|notes|reports|archive|repository|repo|files|"
    r"folders|drive|playbooks?|warehouse|database|system|tables|memo bank|pleadings|procedures|"
    r"manuals?|guides?|handbooks?|confluence|sharepoint|notion)(?![\w-])|"
    r"(?:over|from|on|in|using|against|across|querying|queries) the (?:[\w-]+ )?(?:confluence|"
    r"sharepoint|snowflake|bigquery|redshift|databricks|dms|data warehouse|sfdc)(?![\w-])|"
    # records kept in a system of ours: "our CRM notes", "pulls GPS + ETA from our TMS"
    r"(?:our|the) (?:crm|erp|tms|dms|siem|hris|ats|ehr|emr|lims|cmdb|wms|pos) (?:notes|records?|"
    r"data|entries|history|exports?|files)|(?:from|via|against|looks? (?:\w+ ){0,3}up in) "
    r"(?:our|the) "
    r"(?:[\w-]+ )?(?:tms|dms|siem|wms|cmdb|ehr|emr|lims|telematics|shopify|decision engine)"
    r"(?![\w-])|crm notes|(?:against|from|using|with) (?:the |our )?(?:hr|payroll|crm|erp|"
    r"billing) (?:data|records|system)|"
    r"internal (?:[\w-]+ )?(?:wiki|docs?|documents?|documentation|knowledge base|kb|pages|"
    r"handbook|runbooks?|reports|notes|sops?|procedures|guidelines|playbooks?|manuals?|"
    r"library|libraries|archive|guides?)(?![\w-])"
)
NAMED_FALSE = (
    r"(?:only|just|purely|solely) (?:on |uses |using |from |needs |reads )?(?:the |our )?"
    r"(?:publicly available|public|published|open)|publicly available|"
    r"(?:docs?|documentation|content|articles|pages|material|information|sources?|guides?|"
    r"manuals?|faqs?|handbooks?|data ?sets?|texts?)"
    r"(?: [\w~,.-]+){0,8}? (?:is |are |all |fully |entirely )?public(?=[,.;)]|$| and)|"
    r"(?:everything|all (?:the )?(?:information|info|context)) (?:it|the model|the bot) needs "
    r"(?:is )?(?:in|comes with|contained)|(?:all )?information needed is contained|"
    r"(?:sees|uses|needs|works from|reads) only (?:the|what|its|their)|"
    r"only (?:the|what) (?:[\w-]+ ){0,3}(?:text|input|document|question|message|snippet|"
    r"email|pdf|file|transcript|draft|comment|(?:the )?user (?:types|writes|pastes|sends))|"
    r"(?:the )?(?:only input|sole input)|nothing (?:outside|beyond|else (?:is )?needed)|"
    r"(?:has|have|with|gets?|got) no access to (?:any )?(?:customer |user |personal |account |"
    r"private |internal )?(?:accounts?|data|records|systems?|crm|information|info)|"
    r"(?:don'?t|do not|never) (?:store|keep|hold|collect) (?:any )?(?:personal|customer|user|"
    r"account|private)|"
    r"no (?:lookups?|external (?:records?|data|sources?)|customer (?:data|rows|records|"
    r"information|info)|personal data|user (?:account )?data|account data|client (?:files?|"
    r"data)|student records|private data|(?:customer|user|employee)s? or (?:employee|user|"
    r"customer)s? data)|(?:doesn'?t|does not|never|won'?t|will not) (?:need to )?"
    r"(?:access|read|look up|see|touch|use|need)"
    r" (?:any )?(?:customer|user|client|account|personal|private|internal|our) (?:[\w-]+ )?"
    r"(?:data|records?|accounts?|files?|information|info|systems?|database|crm|repos?|"
    r"repositor\w*|wallets?|documents?)|"
    r"nothing (?:from customers|internal|private|personal)|not our (?:crm|database|data)|"
    r"self-contained|nothing (?:else )?(?:is |gets )?looked up|"
    # public material named as the source
    r"(?:the |our |a |its )?public (?:[\w-]+ ){0,2}(?:rulebook|handbook|guide|manual|"
    r"documentation|docs|website|regulations|guidance|leaflets?|brochures?|faqs?|"
    r"help ?cent(?:er|re)|knowledge base|kb|site|pages)|"
    # the input carries all it needs
    r"(?:everything|all) (?:(?:it|the (?:model|bot|assistant)) )?(?:needed|needs|required|"
    r"it needs) (?:(?:is|are) )?(?:all )?(?:on|in|inside) the (?:[\w-]+ ){0,2}?(?:itself|"
    r"request|input|message|prompt|notes|text|document|transcript|email|file|pdf|upload|"
    r"chapter|page|scan|form)s?|(?:is|are) all in the (?:request|input|message|prompt)|"
    rf"nothing from the {_PERSON}'?s'? own|"
    r"(?:contains|carries|has|holds) everything (?:else )?(?:it|the model|the bot) needs|"
    r"(?:whatever|what) "
    r"it'?s (?:fed|given|sent) is all it needs|(?:is|are) all (?:it|the model|the bot) needs?"
    r"(?: to see)?|(?:only|just) (?:uses|reads|sees|needs) the (?:[\w-]+ ){0,2}(?:text|input|"
    r"document|page|transcript|email|message)|needs? no (?:personal|customer|private|user|"
    r"patient) (?:records|data|information)|(?:do|does|doesn'?t|don'?t)(?: not)? need anything "
    r"else|no (?:[\w-]+ )?(?:data|records|information) (?:will be |is |are )?(?:used|needed|"
    r"involved|required|touched)"
)

TABLE: tuple[tuple[str, float, str], ...] = (
    ("true", NAMED, NAMED_TRUE),
    ("true", FIRM,
     _DESTINATION + "(?:" + _SYSTEMS + "|" + _OURS + ")" + _TEAM + "|"
     r"(?<!into )(?:from|in|against|via|querying|queries) our (?!public |published |open )"
     r"(?:[\w-]+ ){1,2}(?:system|database|db|platform|records|portal|backend|ledger)\b|"
     r"(?:using|from|in|via|checks?|queries|querying) (?:the|our) (?!public |published |open )"
     r"(?:[\w-]+ ){0,2}(?:registry|register)\b|"
     r"(?:shopify|stripe|quickbooks|xero|okta|active directory|identity provider|"
     r"dynamics|odoo|magento|pipedrive|airtable) (?:data|records?|accounts?|orders?|"
     r"history|entries)|"
     rf"per[- ](?:{_PERSON}|account|user|household|patient) (?:data|records?|history|details|"
     r"context|information|info|settings|state|accounts?)|per-(?:user|customer|account)\b|"
     rf"(?:is|are|differs?|var(?:y|ies)|looked up|stored|kept|held) per[- ](?:{_PERSON}|"
     r"account|user|household|patient)|"
     rf"(?<!into )(?<!onto )(?:each|every|the|a) {_PERSON}'?s'? (?:own )?(?:[\w-]+ )?{_RECORDS}|"
     rf"(?<!into the )(?<!onto the )(?<!into a ){_PERSON}s?'s? (?:own )?(?:[\w-]+ )?{_RECORDS}|"
     rf"(?:their|there|his|her|your|people'?s) (?:own )?(?:[\w-]+ )?{_RECORDS}|"
     rf"(?:the|each|a) {_PERSON}'?s'? (?:prior|past|previous|current|latest|recent) [\w-]+|"
     r"medical hx|"
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
    ("false", NAMED, NAMED_FALSE),
    ("false", FIRM,
     r"published (?:papers|articles|research|literature|guidance|legislation|standards|docs|"
     r"reference|rules|handbook|manual|material|documentation)|"
     r"public (?:information|info|data|docs?|"
     r"documentation|sources?|articles?|"
     r"website|web ?site|pages|records|filings|schema|wiki|catalogue|catalog|legislation|"
     r"(?:[\w-]+ ){0,2}(?:rulebook|rules|handbook|guide|manual|standard|regulations|guidance|"
     r"leaflets?|brochures?|reports?)|"
     r"court judgments?|market data|indices|knowledge)|"
     r"generic (?:policy )?(?:q&a|questions|answers)"),
)


def rules() -> list[Rule]:
    """The needs_private_context rules; a negated private source reads as not private."""
    return rules_of(field=FIELD, table=TABLE, negated={"true": "false"})
