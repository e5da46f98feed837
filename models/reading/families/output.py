"""output_strictness: a machine consumes it, a fixed human-read layout, or free prose.

strict_schema: named machine formats (JSON, XML, CSV, EDI), schemas, imports and parsers, a fixed
label set, function-call arguments, diffs that must apply; structured: headings, sections,
bullets, a table or a template a person reads; free_text: prose, chat replies, spoken answers.
When one sentence names both a machine format and a layout, the machine wins (`PRIORITY`).
"""

from __future__ import annotations

from models.reading.cueing import FIRM, HINT, Rule, rules_of

FIELD = "output_strictness"
PRIORITY = ("strict_schema", "structured", "free_text")

TABLE: tuple[tuple[str, float, str], ...] = (
    ("strict_schema", FIRM,
     r"(?:into|as|in|to|outputs?[:=]?|returns?|produces?|generates?|emits?|writes?|"
     r"spits? out|(?:comes?|came) (?:back |out )?(?:as|in)|be|valid|strict|must|our|the|a) "
     r"(?:[\w-]+ ){0,2}?(?:json|jsonl|xml|csv|tsv|yaml)|xsd|edi|x12|edifact|hl7|fhir|stix|"
     r"protobuf|(?:json|xml|csv) (?:output|objects?|payloads?|format|file|rows|records)|"
     # a machine format or a program on the receiving end: XLIFF, an IDoc, an import, an API
     r"xliff|idocs?|e2b|api format|(?:for|ready for) (?:import|upload|ingestion) (?:into|to)|"
     r"(?:cms|parser|importer|validator|api|system|player|gateway) rejects (?:anything|everything|"
     r"it|them|output|the file|any record)|rejects? (?:any|every) (?:[\w-]+ )?(?:that|which) "
     r"(?:does not|doesn'?t) match|validated by (?:the|our) [\w-]+(?: [\w-]+)? (?:gateway|"
     r"service|system|validator|api)|(?:in )?the format (?:that )?(?:our|the) "
     r"(?:[\w-]+ ){0,2}"
     r"(?:imports|ingests|expects|accepts|reads)|(?:push|post|send|load)(?:es|ed|s)? "
     r"(?:them |it |the \w+ )?(?:into|to) (?:our|the) "
     r"(?:[\w-]+ ){0,2}(?:via|over|through) (?:the |an? )?api|"
     r"(?:json|api|output|response|ticket|xml|strict|import|target|event) schemas?|"
     r"(?:match(?:es|ing)?|violat\w*|breaks?|follows?|against|fit(?:s|ting)?|conform\w* to) "
     r"(?:the|our|a|their) (?:\w+ )?schema|"
     r"schema-validated|api (?:payloads?|calls?|requests?|fields)|"
     r"exactly one of \{|fixed (?:csv |json |xml )?columns|(?:xml|csv|json) (?:import|export|"
     r"into)\b|"
     # an OpenAPI document written as the output, not one read as a source
     r"(?:valid|an?|writes?|generates?|produces?|outputs?|into|as) (?:[\w.,-]+ ){0,2}?"
     r"(?:openapi|swagger)|"
     r"function[- ]calls?|tool[- ]calls?|function signature|(?:call )?arguments? (?:must|have to)|"
     r"machine[- ]readable|(?:must|has to|have to|needs? to|so it can|so they|that we can) "
     r"(?:be )?pars(?:e|ed|able)|parser|(?:gets? |are |is )?(?:parsed|ingested|consumed|"
     r"imported|loaded|executed) (?:by|into|directly|automatically)|"
     r"(?:import|importer|ingest(?:ion)?) (?:is strict|fails|breaks|rejects|expects|enforces)|"
     r"(?:erp|crm|mes|ats|pms|system|app|pipeline|platform|backend|siem|portal) "
     r"(?:import|importer|expects|accepts|rejects|ingests|consumes|parses|needs)|"
     r"validat(?:es?|ed|ion) against|(?:must|has to|have to) validate|valid (?:[\w-]+ )?(?:json|"
     r"xml|sql|diffs?|csv|yaml|syntax|patch(?:es)?)|"
     r"strict (?:format|enum|output|schema|json|csv|fields?)|enums?|"
     r"(?:one|a single) (?:label|code|category|value|class|intent|tag) (?:from|out of|of)|"
     r"one of (?:the |our )?(?:\d+|[a-z]+) (?:allowed |fixed |predefined )?(?:[\w-]+ )?"
     r"(?:values|labels|codes|queues|tiers|levels|buckets|bands|types|"
     r"categories|intents|classes|options)|fixed (?:label set|list of (?:labels|codes|values)|"
     r"set of (?:labels|codes|categories|values)|[- ]width|columns?|fields)|"
     r"exact (?:fields|columns|keys|format|labels?)|(?:\d+|twelve|ten|eight|two|three|four|five|"
     r"six|seven|nine) (?:exact )?columns|yes ?/ ?no\b|"
     # a label set spelled out after the word that asks for it: "flags each as ok / spam / abuse"
     r"(?:as|says?|returns?|outputs?|answers?|either|verdicts?:?|labels?:?) [a-z][\w-]*"
     r"(?: [a-z][\w-]*)? ?/ ?[a-z][\w-]*(?: [a-z][\w-]*)? ?/ ?[a-z][\w-]*|"
     r"fixed[- ]width|one (?:int|integer|number|digit) per|"
     r"byte[- ]exact|(?:unified )?diffs? (?:that )?(?:must|has to|have to) apply|git apply|"
     r"applies cleanly|\((?:[\w-]+ )?(?:json|xml|csv)\)|"
     r"placeholders|(?:come|comes) out as (?:json|xml|csv)|structured data|key-value pairs|"
     r"render(?:s|ed)? (?:them|it) (?:in|on)|(?:the )?app (?:can )?render|"
     # code or a query that a machine runs, a value a program reads, a fixed machine format
     r"(?:emits?|outputs?|returns?|produces?|generates?|writes?|be|is) (?:a |an |one |the |"
     r"valid |executable |runnable |single )*(?:sql|postgres|mysql|bigquery|snowflake|spark|"
     r"bash|shell|cron|regex)? ?(?:quer(?:y|ies)|statements?|commands?|regex(?:es)?|"
     r"expressions?)(?! about| on| from)|(?:runs?|run|executes?|execute)s? (?:it|them) "
     r"(?:directly|automatically|as is)|(?:true|false) ?(?:/|or) ?(?:true|false)|booleans?|"
     r"(?:fixed|rigid|exact|strict|predefined|given) (?:json |output )?schema|"
     r"(?:iso|iso[- ]8601|yyyy-mm-dd) (?:dates?|format|timestamps?)|key[/ -]value|"
     r"(?:goes|go|gets fed|is fed|are fed|feeds?|pushed|written|loaded|posted) (?:straight|"
     r"directly|automatically) (?:in)?to(?! (?:the |our |a |their )?(?:customers?|clients?|users?|"
     r"people|patients?|guests?|members|staff|agents?|recipients?|inbox))|"
     r"(?:downstream|another|the next) (?:system|service|"
     r"script|job|step|tool) (?:reads|parses|consumes|ingests|expects|needs)|"
     r"(?:one|a) (?:row|line|record) per (?:\w+)|(?:spreadsheet|excel|sheet) columns|"
     # a program takes it as it is: an API, an import format, a label per item, offsets, ids
     r"(?:through|via|over) (?:its|the|their|our) (?:[\w-]+ )?api|(?:so (?:that )?it |must |"
     r"has to |needs to )(?:validates?|imports?|parses?) (?:on|at|against|cleanly|without)|"
     # the output goes straight into a program: "goes into our case system's API", "JSON out to
     # our disputes svc", "two fields our ServiceNow integration reads"
     r"(?:goes|go|posted|sent|pushed|written|fed) (?:straight |directly )?(?:into|to) (?:our|the|"
     r"their) (?:[\w'’-]+ ){0,3}(?:api|endpoint|software|soar|siem|sap|erp)"
     r"\b|straight into (?:our |the )?(?:sap|erp|pos|tms|wms|crm)\b|(?:json|xml|csv) out\b|"
     r"(?:into|in) (?:our|the) "
     r"(?:[\w'’-]+ ){0,3}(?:intake|input|import|ingest) format|(?:fields?|columns|values) "
     r"(?:that )?(?:our|the) (?:[\w-]+ ){0,2}(?:integration|parser|importer|pipeline|service|api|"
     r"database|system|platform) "
     r"(?:reads|parses|expects|consumes|ingests)|(?:label |category )?(?:ids|codes) (?:that )?"
     r"(?:our|the) (?:[\w-]+ ){0,2}(?:service|system|api|pipeline) (?:reads|expects|consumes)|"
     r"(?:database|db|table|sql) (?:columns?|fields?)|(?:only )?(?:takes|accepts|expects) "
     r"(?:an? |one |a single )?(?:integer|int|number|boolean|enum|iso date|value from)\b|"
     r"(?:import|upload|export|submission|filing|exchange|interchange|e2b|edi) (?:format|file "
     r"format|template|spec)|(?:one|a single|exactly one) (?:label|code|category|tag|class) "
     r"per \w+|(?:character|char|byte|token) offsets|valid (?:[\w-]+ )?(?:ids?|identifiers?|"
     r"codes?)|(?:must|has to|have to|should) (?:still )?(?:compile|pass (?:in )?ci|"
     r"(?:build|run|execute) (?:cleanly|without errors|in ci))|"
     r"(?:loader|parser|importer|validator|ingestion|ingest job|sync|pipeline|linter|compiler)s? "
     r"(?:rejects|refuses|fails on|chokes on|expects|requires|accepts only)"),
    ("strict_schema", HINT, r"json|xml|csv|yaml|schemas?|fields|columns|format(?:ted)? exactly|"
                            r"the app crashes|"
                            r"breaks? the (?:pipeline|import|build)|strict"),
    ("structured", FIRM,
     r"headings?|headers? (?:for|like)|(?:fixed|mandatory|same|standard|with|into) sections?|"
     r"sections? (?:for|like|on)|"
     r"bullet(?:ed)?(?: points?| lists?)?|bullets|numbered (?:list|steps)|"
     r"(?:a|markdown|comparison|summary) tables? (?:with|listing|of|comparing|showing)|"
     r"(?:as|in|into|be) a (?:\w+ )?table|markdown tables?|"
     r"(?<!no )(?<!without a )(?<!without )(?:fixed|standard|set|our|house) (?:layout|"
     r"structure|template|format)|"
     r"(?:into|in|from|using|follows?|fill(?:s|ing)?(?: in)?) (?:our|the|a|one of \w+) "
     r"(?!(?:different|another|other|old|older|previous) )(?:[\w-]+ )?templates?|"
     r"(?:as|in|into) (?:our|the) (?:usual|standard|fixed|house) table\b|"
     r"(?:template|layout|structure) is (?:mandatory|required|compulsory|fixed)|"
     r"(?:follows?|using|into|fill(?:s|ing)?(?: in)?) (?:the |our )?"
     r"[\w-]+['’]s (?:[\w-]+ )?templates?|"
     # "invoices arrive in every possible layout" describes the inputs
     r"(?<!possible )(?<!different )(?<!various )(?<!any )layout(?!s)|"
     r"memo with|soap (?:note )?format|scorecard|"
     r"one-pager|"
     r"markdown (?:with|table|format|sections|report|summary|list)|in markdown(?! fences)|"
     r"key: value|structured (?:summary|abstract|report|note|brief|format|output)|"
     r"day-by-day|(?:title|headline)s?,? (?:a |an )?(?:\d+-line )?(?:lede|summary|bullets?|"
     r"standfirst)|(?:same|fixed|set) order|section order|in this order|"
     # a layout a person reads: a checklist, steps, named sections or parts, a form
     r"(?:a|the|our) (?:short |simple |fixed )?checklist|step[- ]by[- ]step (?:list|guide|"
     r"instructions|plan)|(?:our|the|a) (?:\w+-section|\w+-part|fixed|standard|house) "
     r"(?:[\w-]+ )?template|"
     r"sections (?:are|is) fixed|numbered paragraphs|(?:scored?|scores?) (?:per|for each|on "
     r"each) criterion|(?:summary|comparison|redline) table|"
     r"(?:two|three|four|five|six|\d) (?:fixed |set |mandatory |standard |labell?ed |headed )?"
     r"(?:sections|"
     r"headings|parts|blocks)|(?:one|1)[- ]pagers?|(?:report|summary|note|memo|brief) "
     r"(?:with|in) (?:\w+ )?(?:sections|headings|bullets|parts)|"
     r"fill(?:s|ing)? (?:in|out) (?:a|the|our) (?:\w+ )?form|"
     # a structure someone prescribes, named parts of one document, an outline
     r"(?<!no )(?<!not a )(?<!not the )(?<!without a )(?<!without )(?<!any )"
     r"(?:required|statutory|prescribed|mandated|mandatory|consistent|same|standard|fixed|"
     r"regulatory|official) (?:[\w-]+ )?structure|headed sections|(?:slide|deck|lesson|course) "
     r"outlines?|outline (?:of|for) (?:the |a )?(?:slides|deck|talk|lesson)|"
     r"structured (?:record|entry|care record|template|handover)|"
     r"(?:summary|note|report|brief|record|entry) with (?:a |the )?[\w-]+, (?:[\w-]+, )*"
     r"(?:and )?[\w-]+|(?:a|one) (?:short )?paragraph (?:and|plus|then|followed by) "
     r"(?:a |an )?(?:bullet(?:ed)? |numbered )?list"),
    ("structured", HINT, r"markdown|format|structure[d]?|report|checklist|outline|summary with|"
                         r"templates?|sections?"),
    ("free_text", FIRM,
     r"(?<!no )prose|free[- ]form (?:emails?|drafts?|answers?|text|repl(?:y|ies)|responses?|output|"
     r"notes?|summar\w+|messages?)|free[- ]flowing|free[- ]text (?:answers?|repl(?:y|ies)|"
     r"messages?|output|responses?)|conversational|(?<![\d,.km] )(?<!million )(?<!thousand )"
     r"(?:chat|chatty|friendly) (?:reply|replies|"
     r"answers?|messages?)|(?:is|are) (?:just )?plain (?:text|english|sentences)|"
     r"spoken(?: aloud)?|(?:is|are) (?:just )?free[- ]text|read out(?! (?:the|a|an|our|their) )|"
     r"read aloud|voice (?:answers?|replies|responses|output)|no (?:fixed )?(?:format|"
     r"structure|formatting|template)|nothing fancy|normal text|just (?:text|a message|"
     r"a reply|an? (?:short )?email)|(?:is|are|as) (?:just )?a (?:short )?paragraph "
     r"(?:to|of|for)|(?:a )?few sentences|natural (?:replies|answers|language)|narrative|"
     # prose a person reads: plain words, a friendly message, a text message, a few paragraphs
     r"(?:answers?|repl(?:y|ies)|respon(?:d|ds|ses?)|writes?|messages?) "
     r"(?:[\w,-]+ ){0,3}?in (?:plain|simple|everyday) (?:language|words|english)|"
     r"plain[- ]language (?:answers?|repl(?:y|ies)|messages?|explanations?|summar\w+)|"
     r"(?:friendly|polite|warm|human|personal|casual) (?:[\w-]+ )?(?:message|note|reply|answer|"
     r"response|email)s?|(?:replies|answers|responses) are (?:[\w-]+ )?(?:chat|prose)\b|"
     r"(?:sms|text message|whatsapp message)s? (?:back|to|reply|replies)|human[- ]sounding|"
     r"natural[- ]sounding|(?:conversational|chatty|casual) (?:tone|style|way)|"
     r"(?:short|concise|brief|a few|one or two) (?:paragraphs?|sentences)|"
     r"\d(?: ?(?:-|to|or) ?\d)? (?:plain |short |full |simple )?(?:sentences|lines?(?! of))|"
     r"(?:is|are) (?:just |only )?(?:free[- ]?form|emails|chat messages|plain (?:msgs|messages|"
     r"text))|plain msgs|"
     r"chat (?:bubbles?|window)|free[- ]form chat|(?:as|like) a (?:person|human|colleague) "
     r"would (?:write|say|answer)|"
     r"(?:explains?|tells?|says?|describes?) (?:[\w,-]+ ){0,5}?in (?:plain|simple|everyday) "
     r"(?:language|words|english|terms)|(?:short|plain|simple),? (?:and )?(?:plain|simple|short) "
     r"sentences|(?:is|are) (?:just |only )?chat (?:msgs|messages)|(?:answers?|repl(?:y|ies)|"
     r"responses?) (?:must|should|need to|have to) be (?:short|simple|brief|plain)(?: and "
     r"(?:short|simple|brief|plain|friendly|clear))?(?! \w)|(?:answers?|repl(?:y|ies)|"
     r"responses?) (?:should |must )?(?:read|sound)s? like (?:a |an )?(?:friendly |real |human |"
     r"helpful )?(?:agent|person|human|colleague|friend)|"
     # a message a person reads, written or sent: emails, replies, texts, chat, a phone call
     r"(?:writes?|write|drafts?|draft|drafted|generat(?:e|es|ed|ing)|compos(?:e|es)) (?:the |our |"
     r"an? |their )?(?:[\w'-]+ ){0,3}(?:emails|e-mails|replies|reply|messages|texts)\b|"
     r"(?:plain|short|simple|friendly) (?:email |sms )?(?:text|paragraph|message)s?\b|"
     r"(?:by|over|via|in|as|one) (?:an? )?(?:sms|whatsapp|slack threads?|text message)"),
    ("free_text", HINT, r"chat|repl(?:y|ies)|emails?|letters?|explanations?|free[- ]form|"
                        r"plain text|paragraph|short answers"),
)


def rules() -> list[Rule]:
    """The output_strictness rules, not negatable: "doesn't follow the template" still names a
    template, and "no fixed structure" carries its own negation."""
    return rules_of(field=FIELD, table=TABLE, negatable=False)
