"""primary_gap: what goes wrong today, from the complaint's own words.

knowledge = unknown, invented or outdated facts; format = the output's structure breaks; style =
tone, voice, register, length; policy = decisions contrary to our rules; reasoning = multi-step
work (joins plus aggregation, chained calculations). The phrases are complaints, so most carry
their own negation ("doesn't know our products") and are not negatable.
"""

from __future__ import annotations

from models.reading.cueing import FIRM, HINT, NAMED, Rule, rules_of

FIELD = "primary_gap"
_RULES = (r"(?:rules?|polic(?:y|ies)|guidelines?|criteria|playbook|protocol|thresholds?|"
          r"routing rules|escalation rules|sops?|procedures?|standards?|do-not-\w+ list)")

# What an assistant quotes as fact; "old/outdated <one of these>" is a knowledge gap.
_FACTS = (r"(?:answers?|info\w*|pric(?:e|es|ing)|price (?:list|book)s?|facts?|details?|policy|"
          r"policies|terms|schedules?|timetables?|docs|documentation|data|rates|fees|fee model|"
          r"versions?|catalog(?:ue)?s?|menus?|products?|product (?:names|info\w*|range)|"
          r"specs?|stock|opening hours|addresses|contacts?|offers?|promotions?|releases?|"
          r"figures|numbers)")

TABLE: tuple[tuple[str, float, str], ...] = (
    ("knowledge", NAMED,
     r"makes? (?:stuff|things|facts|answers|numbers|it|them|\w+ names) up|makes? up (?:our|fake|"
     r"facts|answers|prices|policies|names|numbers|stuff|things|details|urls|links|citations|"
     r"references|sources|dates|rules)|(?:is|are|was|were|gets?) made up|making (?:\w+ )?up|"
     r"invent(?:s|ed|ing)?|hall?u(?:c|s)+inat\w*|fabricat\w*|made-up [\w-]+|"
     r"(?<!i )(?<!we )(?<!i just )(?<!i really )(?<!we really )"
     r"(?:doesn'?t|does not|dosnt|didn'?t|don'?t) know (?:about |anything about )?(?:our|the|"
     r"any|what|which|new|recent|current|it)|(?:has )?never seen our|unaware of|not aware of|"
     r"out[- ]of[- ]date|(?:outdated|old|last year'?s|stale|obsolete|previous|retired|"
     r"discontinued) (?:[\w-]+ )?" + _FACTS + r"|training cut-?off|knowledge cut-?off|"
     r"(?:wrong|incorrect) (?:prices?|facts?|dates?|numbers?|product names?|names|amounts|"
     r"part numbers?|opening hours)|(?:quotes|mentions|suggests|references) (?:\w+ ){0,3}"
     r"(?:that (?:were|was) (?:discontinued|removed|retired)|that (?:do|does) not exist|"
     r"that don'?t exist)|(?:that|which) (?:don'?t|doesn'?t|do not|does not) exist|"
     r"(?:answers|guesses) from general knowledge|generic internet (?:stuff|answers)|"
     r"(?:don'?t|doesn'?t|do not|does not) exist in (?:our|the)|(?:that|which) (?:were|was|"
     r"have been|had been) (?:removed|discontinued|retired|deprecated|archived|renamed|"
     r"replaced|superseded)|contradicts? (?:the|our) "
     r"(?:handbook|policy|policies|docs|documentation|guidelines|source|facts|wiki)|"
     r"(?:cites?|citing|quotes?|quoting|mentions?|mentioning|recommends?|offers?|offering|"
     r"suggests?|promis(?:es|ing)) (?:[\w'-]+ ){0,4}?(?:we|that we|which we|that were|that was|"
     r"which were|which was) (?:have |had )?(?:dropped|removed|retired|discontinued|stopped|"
     r"changed|replaced|scrapped|ended|withdrew|withdrawn)|"
     r"(?:made|makes|making) up (?!of\b|for\b|(?:its|our|their|my|your) minds?\b|the "
     r"difference|the bulk|most|half|a third)(?:[\w-]+ ){0,2}(?:dates?|prices?|names?|numbers?|"
     r"facts?|details?|answers?|policies|products?|features?|links?|sources?|quotes?|times?|"
     r"figures|amounts?|steps?|laws?|rules?|references?|allowances?|limits?|fees?|codes?|"
     r"terms|rates?)|still (?:quotes?|cites?|uses?|shows?) (?:the )?(?:20\d\d|last year'?s|old|"
     r"outdated|previous) [\w-]+|(?:shows?|recommends?|offers?|lists?|suggests?) (?:[\w-]+ ){0,3}?"
     r"(?:that are |that were |which are )?already (?:sold|gone|closed|taken|booked|expired|"
     r"let|filled)|(?:garbles?|mangles?|misspells?|gets? wrong) (?:our |the )?(?:[\w-]+ )?"
     r"(?:product|brand|feature|drug|part|model) (?:names|terms|numbers)"),
    ("format", NAMED,
     r"wrong (?:format|date format|structure|order|field names?|keys)|"
     r"format(?:ting)? (?:is|are|gets?|goes) (?:wrong|off|broken|inconsistent)|"
     r"inconsistent (?:formats?|formatting|structure)|"
     r"(?:breaks?|breaking|violates?|violating) (?:the |our )?(?:schema|json|format|template|"
     r"layout|syntax|node syntax|structure|parser)|invalid (?:json|xml|csv|yaml|syntax)|"
     r"(?:drops?|dropped|extra) (?:fields?|keys?|sections?|headings?|"
     r"columns?|tags?|brackets)|(?:is |are )?missing the [\w_]+ (?:field|key|column|section)|"
     r"markdown (?:fences|symbols)|code fences|wraps? the (?:json|sql|output|answer) in|"
     r"in the wrong order|reorders?|(?:doesn'?t|does not|don'?t|do not|never) "
     r"follow (?:the |our )?(?:\w+ )?(?:template|format|schema|layout|section order)|"
     r"not formatted|(?:parser|importer|import|sync|pipeline) (?:rejects|fails|chokes|breaks)|"
     r"(?:our )?(?:parser|executor) (?:cannot|can'?t) handle|chokes|pads? them wrongly|"
     r"merged columns|output shape|breaks the \w+ (?:sync|import|parser|pipeline|integration)|"
     r"(?:drops?|dropped) (?:the )?(?:[\w-]+ )?(?:tags|fields|keys)|instead of the exact|"
     r"when we asked for (?:the|a) (?:[\w-]+ ){0,3}(?:template|format|json|table|list)|"
     r"the way our (?:[\w-]+ ){0,2}(?:template|format|schema|system) requires|"
     r"instead of (?:our|the|its|a|an) (?:[\w-]+ ){0,2}(?:headings|sections|template|format|"
     r"fields|columns|bullets|layout|structure|schema|list|json|table)|(?:is|are|comes? out|"
     r"come out) malformed|malformed (?:dates?|json|fields?|records?|arguments?|calls?)|missing "
     r"(?:a )?required (?:argument|field|parameter|key)s?|breaking the (?:numbering|format|"
     r"layout|schema|markup)|(?:diffs?|patch(?:es)?) (?:[\w-]+ ){0,5}(?:don'?t|do not|doesn'?t|"
     r"does not|won'?t|fail to) apply|bounces? (?:anything|it|them|every)|"
     r"(?:output|json|xml|csv|format|formatting|structure|schema) (?:keeps? |often |still )?"
     r"(?:breaking|breaks|broken|comes? out wrong)|"
     # broken or mangled machine output, sections out of order, a different format each time
     r"(?:broken|mangled|malformed|invalid|half-?finished) (?:[\w-]+ )?(?:json|xml|csv|yaml)|"
     r"mangles? (?:the |our )?(?:[\w-]+ )?(?:json|xml|csv|format|output|layout|template)|"
     r"(?:in )?(?:all |totally )?different formats|(?:sections?|fields?|columns?|steps) "
     r"(?:\w+ )?out of order|drops? the (?:[\w'-]+ ){1,4}?(?:section|field|column|heading)|"
     # dates and units written two ways, content under the wrong heading, a tool rejecting it
     r"(?:mix(?:es|ed|ing)?|confus(?:es|ed|ing)) (?:up )?(?:the )?(?:dd/mm|mm/dd|date formats?|"
     r"time ?zones?|formats|units)|dd/mm (?:vs\.?|and|or|with) mm/dd|drops? the time ?zone|"
     r"(?:under|in|into) the wrong (?:heading|section|column|field)|mangles? (?:the |our )?"
     r"(?:headings|tables|markdown|formatting)|(?:git apply|compiler|validator|linter) "
     r"(?:rejects|fails|chokes)"),
    ("style", FIRM,
     r"(?:wrong|off|flat|cold|inconsistent|bad) tone|tone (?:is (?:off|wrong|flat|cold|too|stiff|"
     r"corporate|robotic|bland|"
     r"inconsistent|not)|needs|should)|(?:want|wants|need|needs|should|must|has to|have to)"
     r"(?: [\w'’-]+){0,4} (?:our|the|a|its|brand|house)(?: [\w-]+)? (?:tone|voice|style)|"
     r"sounds? (?:like (?:a|an) \w+|"
     r"robotic|stiff|cold|generic|off|"
     r"wooden|the same|neutral|fake)|reads? like (?:a|an) \w+|writes like|"
     # a wait that is too long is latency, not style ("a few seconds is fine, ten is too long")
     r"(?<!\d is )(?<!\ds is )(?<!ten is )(?<!five is )(?<!seconds is )(?<!minutes is )"
     r"(?<!a minute is )(?<!wait is )(?<!waiting is )too long(?![- ]winded)|"
     r"too (?:formal|stiff|wordy|chatty|verbose|casual|blunt|robotic|harsh|salesy|sensational|"
     r"clickbaity|hyped|dramatic|pushy|"
     r"bureaucratic|serious|informal|dry|technical|long[- ]winded)|long[- ]winded|"
     r"off[- ]brand|(?:wrong|formal|informal) "
     r"register|register is|"
     r"no personality|bland|warmer|friendlier|more (?:human|natural|empathetic|casual|"
     r"formal|concise)|not our (?:style|voice)(?! guide)|in our (?:style|voice)(?! guide)|"
     r"naming conventions|"
     r"too many disclaimers|plain language|"
     r"(?:longer|shorter|wordier|stiffer|more formal|less formal|colder) than (?:our|the|a|any) "
     r"(?:[\w-]+ ){0,2}(?:agents|staff|team|editors|writers|people|humans?|colleagues|"
     r"nurses|lawyers) (?:would )?(?:write|say|sound|talk)"),
    ("policy", NAMED,
     r"waves? (?:\w+ )?through|lett?ing (?:\w+ )?(?:thru|through)|flags? (?:[\w'-]+ ){0,3}(?:we|"
     r"that we|our rules) (?:explicitly )?(?:allow|permit|accept)|(?:guidelines?|rules|policy|"
     r"playbook) (?:says?|say) (?:must|should) be (?:paid|approved|allowed|accepted|escalated|"
     r"declined|rejected)|"
     # doing what the rules rule out, or not doing what they ask
     r"(?:our|the) (?:[\w-]+ )?(?:rules|policy|policies|playbook) (?:say|says) (?:must|should) "
     r"(?:go to|be escalated|be handled|be flagged)|(?:approv|accept|allow|grant)\w* "
     r"(?:[\w-]+ ){0,3}outside (?:the|our) [\w-]+|too eager to (?:send|escalate|refer|refuse|flag|"
     r"block|approve|recommend)|slips? into (?:recommending|giving|advising)|(?:doesn'?t|doesnt|"
     r"does not|don'?t|dont|fails? to) (?:flag|escalate|block|catch|refuse) (?:what|things|cases|"
     r"items|posts) (?:our|the) (?:rules|policy|policies|guidelines)|keeps? (?:removing|"
     r"blocking|flagging|rejecting|deleting|hiding) (?:[\w'-]+ ){0,3}?(?:that'?s|that is|which "
     r"is|that are) (?:allowed|fine|ok|okay|permitted|acceptable)|"
     # it does what the rules say not to: "approves refunds the new policy says to deny"
     r"(?:approv|accept|allow|grant|reject|declin|den|refus)(?:es|ed|ing|s|ies|ied)? "
     r"(?:[\w-]+ ){0,3}"
     r"(?:that )?(?:the |our )?(?:new |current )?(?:playbook|policy|rules?|guidelines?) "
     r"(?:says?|tells? us|requires? us|asks? us) to (?:decline|deny|reject|refuse|approve|"
     r"accept|escalate)|"
     rf"appl(?:y|ies|ied) (?:the |our )?(?:\w+ )?{_RULES} (?:wrong(?:ly)?|incorrectly|"
     rf"inconsistently)|(?:doesn'?t|does not|don'?t|do not|not|never) (?:apply|follow|respect|"
     rf"stick to) (?:the |our |the firm'?s |company )?(?:\w+ )?{_RULES}|"
     rf"ignor(?:e|es|ed|ing) (?:the |our )?(?:[\w-]+ ){{0,2}}{_RULES}|"
     rf"{_RULES} (?:forbid|forbids|prohibit|prohibits|don'?t allow|do not allow)|"
     rf"(?:outside|contrary to|violat\w*|breach\w*|forbidden by|not allowed by) "
     rf"(?:the |our )?(?:\w+ )?{_RULES}|{_RULES} (?:says|say) no|"
     r"wrong (?:decisions?|calls?|outcomes?|verdicts?|fallback|carrier|routing|escalations?)|"
     r"escalates? too (?:rarely|often|late)|"
     r"too (?:lenient|strict|harsh) on(?! (?:the|our|this) (?:form|questionnaire|intake|answers?))|"
     r"approv(?:es|ed|ing) (?:\w+ ){0,2}(?:that|we|it shouldn'?t)|gives? (?:refunds|credits|"
     r"discounts) (?:our|we|that)|inconsistent with (?:the |our )?(?:\w+'? )?"
     r"(?:criteria|rules|policy|decisions)|"
     r"(?:in cases |in situations )?(?:where|when|even though|although) (?:our|the) "
     r"(?:[\w-]+ ){0,4}(?:only (?:allow|permit)s?|(?:don'?t|do not|doesn'?t|does not) "
     r"(?:allow|permit))|"
     # doing what the rules rule out: "offers credits we don't allow", "when the policy says X"
     r"(?:offer|grant|approv|give|promis|rebook|allow)\w* (?:[\w'-]+ ){0,4}?(?:we|our \w+) "
     r"(?:don'?t|do not|never|wouldn'?t|would never) (?:allow|permit|approve|offer|give)|"
     rf"(?:when|while|where|but|even though|although) (?:the |our )?(?:[\w-]+ )?{_RULES} "
     r"(?:says?|requires?|forbids?|only allows?)|"
     rf"(?:that|which) (?:the |our )?(?:[\w-]+ )?{_RULES} (?:say|says) (?:must|should|have to|"
     r"has to) be (?:declined|rejected|refused|escalated|denied)"),
    # a multi-step job is a topic until a complaint says it goes wrong
    ("reasoning", FIRM,
     r"multi[- ]?(?:step|hop|stage|leg|condition|stop|part)|several (?:steps|joins|tables|"
     r"conditions)|more than (?:two|three|one) steps|step[- ]by[- ]step"),
    ("reasoning", NAMED,
     r"mangles? (?:the )?(?:join|logic|math|maths|calculation)|"
     r"mistakes? in (?:long |multi-step |chained |complex |longer )?(?:calculations|maths?|"
     r"arithmetic|computations)|(?:steps|logic) of (?:the )?[\w-]+(?: [\w-]+)? (?:is|are) wrong|"
     r"need(?:s)? following (?:the )?(?:state|logic|values?|data) across|"
     r"(?:join|aggregation|calculation|arithmetic|math|maths|logic|compounding)s? "
     r"(?:logic )?(?:is |are |gets? )?(?:wrong|off|broken|incorrect)|"
     r"gets? the (?:logic|math|maths|calculation|compounding|joins?|aggregation) wrong|"
     r"(?:can'?t|cannot|fails to|unable to|doesn'?t|does not) (?:chain|combine|reason|"
     r"reconcile|sequence|work through|follow a procedure|think)|"
     r"(?:chain|chaining) (?:the |a )?(?:steps|evidence|reasoning|argument)|"
     r"logically wrong|loses? track|inference steps|skips? steps|impossible (?:layovers|"
     r"routes|schedules|plans)|falls over on|(?:gets|got) confused (?:on|by|with) "
     r"(?:anything|multi|questions that|cases that)|fumbles?|(?:mixes|mixed|mixing) up "
     r"(?:the )?(?:steps|order|dependencies|sequence|joins|units|totals)|"
     r"botch\w* (?:the |a |any )?(?:[\w-]+ ){0,2}(?:math|maths|calculations?|joins?|logic|"
     r"steps|sums?|totals?)|falls? apart (?:on|when|with|once|as soon as)|"
     r"multi[- ]?step (?:math|maths|calculations?|arithmetic|logic|reasoning)|"
     r"double[- ]counts?|(?:joins?|window (?:functions|fns)|aggregations?|subquer(?:y|ies)) "
     r"(?:[+&] [\w-]+(?: [\w-]+)? )?(?:comes? out|are|is|go|goes) wrong"),
    # a requirement or a check may name these without any complaint: the classifier must agree
    ("format", FIRM, r"malformed|section order"),
    ("policy", FIRM, rf"against (?:the |our )?(?:\w+ )?{_RULES}"),
    ("reasoning", HINT, r"logic|joins|calculations?|reasoning"),
    # Naming the tone or the house voice is a topic; a complaint or a wish makes it a gap.
    ("style", HINT, r"tone|voice|wordy|verbose|house style|brand style"),
    ("style", NAMED,
     r"preachy|condescending|patroni[sz]ing|lectur(?:es|ing) (?:users|customers|people|them)|"
     r"(?:hate|hates|dislike|dislikes|complain about) (?:how|that it is|its) (?:[\w-]+ ){0,2}?"
     r"(?:verbose|wordy|long|formal|stiff|robotic|cold|chatty|salesy|bland)|"
     r"editoriali[sz](?:e|es|ing)|writes? clickbait|"
     r"(?:house |brand )?(?:style|tone|voice) is the (?:sticking point|"
     r"problem|issue|main pain)|(?:the )?(?:issue|problem|pain|sticking point|complaint) is "
     r"(?:the |our |its )?(?:tone|voice|style|register)\b|(?:don'?t|doesn'?t|dont|doesnt) "
     r"(?:really )?sound like (?:us|our|a human|a person|them|one of us)"),
    ("format", HINT, r"missing (?:fields?|keys?|sections?|headings?|columns?)|formatting"),
    ("policy", HINT, r"our rules?|our polic(?:y|ies)|escalat\w*"),
)


def rules() -> list[Rule]:
    """The primary_gap rules (complaints carry their own negation)."""
    return rules_of(field=FIELD, table=TABLE, negatable=False)
