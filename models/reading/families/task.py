"""task_narrowness: one repeatable job with a fixed output, a small family of jobs, or anything.

narrow = a fixed-output verb (classify, tag, route, triage, extract, score, flag, redact, convert,
summarise into ...) applied to each item, into a fixed set, or "only"/"nothing else";
moderate = several distinct jobs or topics enumerated ("questions about billing, accounts and
shipping", "reviews PRs, writes docstrings, suggests tests", "three call types");
broad = "anything", "any question", "whatever comes up", a general assistant or companion.
Exclusive phrasing ("all it does is", "nothing else") outweighs everything (`EXCLUSIVE`); then
broad, moderate, narrow (`PRIORITY`).
"""

from __future__ import annotations

from models.reading.cueing import FIRM, HINT, NAMED, Rule, rules_of

FIELD = "task_narrowness"
PRIORITY = ("broad", "moderate", "narrow")
EXCLUSIVE = 1.5
_ITEM = (r"(?!(?:so|and|but|which|that|it|we|they|then|also|otherwise|because|not|even)\b)"
         r"[\w'/&+-]+(?: [\w'/&+-]+){0,2}")
_ENUM = rf"{_ITEM}(?:, {_ITEM})+,? (?:and|or|&|as well as|plus) (?!also |then |it |we ){_ITEM}"
_JOB = (r"(?:reviews?|writes?|suggests?|drafts?|answers?|summari[sz]es?|explains?|translates?|"
        r"books?|creates?|fixes?|generates?|checks?|proposes?|updates?|schedules?|makes?|"
        r"reads?|read|check|write|answer|draft|summari[sz]e|explain|book|create|fix|make|"
        r"replies|reply|helps?|handles?|recommends?|compares?)")
_FIXED_VERB = (
    r"(?:classif\w*|categori[sz]\w*|tag(?:s|ging)?|label(?:s|ling|ing)?|sort(?:s|ing)?|"
    r"rout(?:e|es|ing)|triag(?:e|es|ing)|assign(?:s|ing)?|grad(?:e|es|ing)|scor(?:e|es|ing)|"
    r"flag(?:s|ging)?|detect\w*|redact\w*|extract\w*|pull(?:s|ing)? out|codes|coding|"
    r"map(?:s|ping)?|convert\w*|normali[sz]\w*|transcrib\w*|translat\w*|summari[sz]\w*|"
    r"sumari[sz]\w*|rewrit\w*|turn(?:s|ing)?|fill(?:s|ing)?(?: in| out)?|identif\w*|dedup\w*|"
    r"check(?:s|ing)? (?:if|whether)|decid(?:e|es|ing) (?:if|whether)|predict\w*|"
    r"recommend(?:s|ing)? whether|says? (?:whether|if)|verif(?:y|ies)|validat(?:e|es)|"
    r"match(?:es)?|prioriti[sz]\w*|screen(?:s|ing)?|estimat\w*|assess(?:es)? whether)")
_SET = (r"(?:categories|labels|classes|codes|types|levels|intents|reasons|queues|buckets|tiers|"
        r"bands|grades|departments|topics|tags|severit(?:y|ies)|priorit(?:y|ies)|fields|"
        r"statuses|outcomes|risk levels|urgency levels|attributes|data points)")
_N = (r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
      r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|a dozen|fixed|predefined)")
# One job whose output is fixed by the input: a summary of each item, a translation, a form or
# taxonomy filled, a code suggested, suspicious items flagged. Open writing jobs ("writes renewal
# letters", "generates SQL") are left to the gated rules: their output varies too much.
_SINGLE_JOB = (
    r"(?:each|every) [\w-]+(?: [\w-]+)? (?:gets |is |should be |to be |must be |being )?"
    r"(?:summari[sz]ed|translated|classified|categori[sz]ed|tagged|labell?ed|routed|coded|"
    r"scored|graded|flagged|redacted|mapped|triaged)|"
    r"summari[sz](?:e|es|ing) (?:[\w'-]+ ){0,3}?(?:calls?|threads?|notes?|documents?|reports?|"
    r"meetings?|transcripts?|tickets?|emails?|articles?|records?|cases?|conversations?|chats?|"
    r"papers?|filings?|contracts?|reviews?)|"

    r"(?<!\bi )(?<!\bwe )(?:fill|fills|filling|pre-fill|prefill)s? (?:in |out )?(?:our|the|a|each|"
    r"every) "
    r"(?:[\w-]+ ){0,3}(?:form|template|questionnaire)s?(?! (?:properly|later|first|again|in "
    r"full|correctly|once))|"
    r"(?:into|to) (?:our|the|their|a|the client's) (?:[\w,-]+ ){0,3}(?:taxonomy|chart of accounts|"
    r"code list|coding scheme|schema)|"
    r"suggests? (?:a )?fix(?:es)? (?:for|to)|marks? (?:[\w'’-]+ ){0,3}(?:answers|essays|scripts|"
    r"papers|homework|assignments)|(?:writ|draft)\w* (?:the|a|an|each) (?:[\w-]+ ){0,2}section "
    r"(?:of|for|in)|(?:decides?|tells?|recommends?|says?|advises?) (?:[\w'-]+ ){0,3}whether to "
    r"[^,.;]{2,30}, [^,.;]{2,30},? or [\w'-]+|"
    r"(?:suggests?|propos(?:e|es)) (?:a |the |an )?(?:[\w-]+ ){0,2}(?:price|code|codes|category|"
    r"title|"
    r"opening line|band|level|tier|grade|score|rating|queue|priority)|"
    r"picks? (?:a|the|one) (?:[\w-]+ ){0,2}(?:code|category|label|queue|tier|band|level)|"
    # a counted set of output slots: "extracts eleven fixed data points", "pull 14 fields"
    rf"(?:{_FIXED_VERB}|pull(?:s|ing)?|take(?:s)? out|return(?:s|ing)?|captur(?:e|es|ing)) "
    rf"(?:the |our |all |exactly )?{_N} (?:[\w-]+ ){{0,3}}?(?:{_SET}|data points|"
    r"attributes|values|columns|properties)\b|"
    # a verdict from a short list given in brackets: "verdict (malicious / spam / benign)"
    r"(?:verdict|label|category|class|tier|level|decision|outcome) \((?:[\w-]+ ?[/,] ?){2,}"
    r"(?:or )?[\w-]+\)|flag(?:s|ging)? [\w-]+ (?:that|which) (?:don'?t|do not|doesn'?t|break|"
    r"breaks|violate|violates|fail|fails|look|looks|seem|seems|need|needs)(?= )|"
    r"flag(?:s|ging)? (?:those|any|possible|potential|suspicious|likely|overly|over-broad|"
    r"risky|excessive|unusual)|"
    # a fixed check or verdict on each item, a score, a fixed list of fields taken out
    r"(?:tag|label|mark|classif\w*|flag)s? (?:each|every) [\w-]+(?: [\w-]+)? as(?= )|"
    r"(?:decide|decides|deciding|determine|determines|check|checks|checking|judge|judges|"
    r"assess|assesses|says?|saying|tells? us|predicts?) (?:if|whether) (?!to\b)"
    r"(?:[\w'-]+ ){1,4}(?:is|are|has|have|should|needs?|meets?|breaks?|violates?|qualif\w+|"
    r"complies|counts|looks)(?= )|"
    r"check(?:s|ing)? (?:each|every) [\w-]+ (?:against|for)(?= )|"
    r"(?:produces?|returns?|gives?|outputs?|assigns?|repl(?:y|ies) with) (?:a |an |one )"
    r"(?:[\w-]+ )?(?:score|rating|grade|verdict|label|category|risk level|priority)|"
    r"(?:extract(?:s|ing)?|pull(?:s|ing)? out|captur(?:e|es|ing)) (?:the )?(?:[\w-]+ ){0,2}"
    r"[\w-]+, (?:[\w-]+ ){0,2}[\w-]+, (?:[\w-]+ ){0,2}[\w-]+")
_WH = r"(?:when|whether|how|what|where|why|which|who)"
_FIELD = r"[\w/#-]+(?: [\w/#-]+){0,2}(?: \([^()]{1,20}\))?"
_VERDICT = (r"['\"]?(?:approved?|deny|denied|reject(?:ed)?|accept(?:ed)?|escalated?|allow(?:ed)?|"
            r"block(?:ed)?|pass|fail|hold|release|refund|replace|remove|publish|ignore|"
            r"needs (?:[\w-]+ ){0,2}(?:changes|review|work|info)|spam|fraud|legit|safe|unsafe|"
            r"phish(?:ing)?|benign|malicious|declin(?:e|ed)|pay|partial pay|self-care|emergency|"
            r"urgent(?: care)?|routine(?: visit)?|same[- ]day)['\"]?")
# "translators check every segment": people who do the job are not the job
_NOT_AGENT = r"(?<!or)(?<!ors)(?<!er)(?<!ers)"
_TIMES = (r"(?:day|week|month|year|quarter|morning|evening|night|hour|minute|sprint|time|"
          r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|other|few|couple|\d)")

_ARTEFACT = (r"(?:notes?|letters?|summar(?:y|ies)|descriptions?|ads|job ads|posts|subject lines|"
             r"alt[- ]text|commentary|(?:unit )?tests|listings?|captions?|headlines?|titles|bios|"
             r"abstracts?|memos?|quiz(?:zes)? questions|one-liners|barks|cover letters|"
             r"release notes|show notes|reports?|minutes|write-?ups?|blurbs?|taglines?|"
             r"explanations?|(?:discharge |care |aftercare )?instructions|filings?|"
             r"practice questions|certificates?|ndas?)")
_WRITES_ONE_KIND = (
    # people who write it today are not the assistant's job: "our reps hate writing call notes"
    r"(?<!\bi )(?<!they )(?<!hate )(?<!hates )(?<!spend hours )(?<!spends hours )"
    r"(?:auto-?)?(?:writ(?:e|es|ing)|draft(?:s|ing)?|generat(?:e|es|ing)|produc(?:e|es|ing)|"
    r"creat(?:e|es|ing)|compos(?:e|es|ing)) (?:a |an |the |our |their |each |one )?"
    rf"(?:[\w-]+ ){{0,2}}?{_ARTEFACT}(?![\w-])(?!,? (?:and|or|&) )(?!, )")

TABLE: tuple[tuple[str, float, str], ...] = (
    ("narrow", EXCLUSIVE,
     # "asked every department to come up with one use case": choosing a project, not its scope
     r"(?<!up with )(?<!pick )(?<!choose )(?<!find )(?<!identify )"
     r"(?:only|one|single|sole) (?:job|task|thing|purpose|use case)(?! among| it needs| we "
     r"need| it knows| to know)|all it does is|nothing else(?! (?:is )?(?:needed|required))|"
     r"one thing only|"
     r"just (?:one|a single) (?:task|job|thing)|single[- ](?:purpose|task)|"
     r"(?:that'?s|thats|this is) all (?:it|the bot|the assistant|the model|the tool) "
     r"(?:does|will do|needs to do|should do)|"
     rf"{_FIXED_VERB} only|(?:does|do|handles?|is \w+ing \w+) only(?! \w+ (?:and|or) )|"
     r"only (?:reads|checks|converts|tags|classifies|extracts|translates|flags|routes|returns|"
     r"codes|labels|sorts|scores|grades|redacts|summari[sz]es|answers (?:one|a single))"),
    # The output set or the verdict is named: a fact, not a topic word (no second opinion needed)
    ("narrow", NAMED,
     rf"(?:into|as|to) (?:one of (?:our |the |its )?(?:{_N} )?|(?:our |the |its )?{_N} |"
     rf"(?:the )?(?:right|correct|matching) )(?:[\w-]+ )?{_SET}|one of (?:our |the )?{_N}(?=[ :])|"
     r"one of [\w-]+ (?:/|or) [\w-]+|yes(?: or |/| / )no|"
     r"(?:single|one) (?:label|score|code|category|int|number|grade|band|verdict)|"
     rf"(?:a |the )?(?:fixed|predefined|closed|set) (?:set|list) of (?:[\w-]+ )?{_SET}|"
     r"(?:is|as|be|build|want|need) an? (?:[\w-]+ )?(?:classifier|tagger|extractor|router)\b|"
     r"(?:get|gets|returns?|outputs?|produces?|gives?) (?:back )?(?:one|a single|exactly one)(?= )|"
     r"(?:should be|as|into) (?:[\w-]+, )+[\w-]+,? or [\w-]+|"
     r"(?:sev|severity|priority|p)[ -]?\d ?- ?\d|malicious or not|"
     # one repeatable job named as such, a verdict pair
     # "before we define a specific use case": not found yet
     r"(?<!define )(?<!find )(?<!pick )(?<!choose )(?<!identify )(?<!decide on )"
     r"(?:one|a single|a|the same) (?:narrow|specific|well-defined|fixed|repeatable|repetitive|"
     r"clear|simple|small) (?:job|task|use case|workflow|chore)(?! among)|"
     r"(?:the same|one) (?:kind|type) of (?:reply|answer|email|letter|request|question|"
     r"document|summary|note|report)s? (?:over and over|again and again|every|each|all day)|"
     r"(?:approve|accept|allow|pass|keep|publish)s?(?:/| or | vs\.? )(?:deny|reject|decline|"
     r"block|fail|remove|escalate)|" + _SINGLE_JOB + "|" +
     rf"{_FIXED_VERB}{_NOT_AGENT} (?:[\w'-]+ ){{0,6}}?(?:into|as) (?:one of )?(?:our |the |its |"
     rf"a )?(?:[\w-]+ )?{_SET}"),
    # one kind of document written over and over: "drafts discharge letters", "writes job ads"
    ("narrow", NAMED, _WRITES_ONE_KIND),
    # a job verb with a likely fixed output, or a set or a triple that may be topics or channels
    ("narrow", FIRM,
     # "analysts read it to decide whether ...": a person's purpose, not the job
     r"(?<!to )(?:decid\w*|check\w*|says?|recommend\w*|determin\w*|judg\w*|assess\w*|predict\w*|"
     r"tells? (?:us|them|the \w+)) (?:if|whether)|tells? (?:[\w'-]+ ){1,2}(?:if|whether)|"
     r"into (?:[\w-]+ ){0,3}(?:format|template|schema|json|fields|note|scorecard|form)|"
     rf"{_FIXED_VERB}{_NOT_AGENT} (?:[\w'-]+ ){{0,7}}?(?:(?:each|every)(?! {_TIMES})|"
     r"all incoming|incoming|inbound)|"
     r"(?:drafts?|writes?|generates?|produces?) (?:[\w'-]+ ){0,4}?(?:from|using) (?:our|the|a) "
     r"(?:[\w-]+ )?template|"
     rf"{_FIXED_VERB} (?:the )?(?:[\w-]+ ){{0,2}}[\w-]+, (?:[\w-]+ ){{0,2}}[\w-]+(?:, "
     r"(?:[\w-]+ ){0,2}[\w-]+)*,? (?:and|&) (?:[\w-]+ ){0,2}[\w-]+ (?:from|out of|off)(?= )|"
     r"(?:turns?|converts?|rewrites?|summari[sz]es?|sumari[sz]es?|maps?|transforms?|"
     r"condenses?) "
     r"(?:[\w'-]+ ){0,8}?(?:into|to) (?:our|the|a|an|its)(?= )"
     # turning a collection into a product is building something, not a conversion job
     r"(?! (?:[\w-]+ ){0,3}(?:assistant|bot|chatbot|tool|app|product|platform|service|"
     r"engine|search|website|site|course|podcast|book)s?\b)|"
     rf"(?:into|as|to) (?:our |the |a |its )?(?:[\w-]+ )?{_SET}|"
     r"[\w-]+(?: [\w-]+)? / [\w-]+(?: [\w-]+)? / [\w-]+|[\w-]+ (?:->|→) [\w-]+"),
    ("narrow", HINT,
     _FIXED_VERB + r"|(?:that'?s|thats) (?:it|all)(?! (?:it|we|they) )|"
     rf"(?:for|from|on|to|of|in|per) (?:each|every)(?! {_TIMES})|per (?:item|ticket|email|"
     r"message|document|doc|call|claim|case|request|record|answer|line|product|listing|page|"
     r"invoice|order|transaction|report|post|comment|row)|"
     rf"(?:\d+|{_N}) (?:intents|categories|labels|classes|codes|types|reasons|queues|buckets|"
     r"departments|depts|topics|fields|tags)|[\w-]+ ?-> ?[\w-]+|in (?:a|the|our) (?:fixed|"
     r"standard|same|house) (?:format|template|layout)"),
    # the jobs themselves listed after a job verb: "takes bookings, changes and cancellations"
    ("moderate", NAMED,
     rf"(?:(?:help|support|assist)(?:s|ing)?(?: \w+)? with|deals? with|handles?|covers?|"
     rf"supports?|takes|answers?|writes|drafts|generates|creates|produces) {_ENUM}"),
    ("moderate", FIRM,
     rf"(?:about|on|across|"
     rf"(?<!sections )(?<!fields )"
     rf"(?<!columns )(?<!headings )for|around|regarding|"
     # "a summary covering medications, doses and warnings" lists one output's content
     rf"(?<!summary )(?<!note )(?<!report )(?<!letter )(?<!memo )covering) {_ENUM}|"
     rf"{_JOB} [^,.;:]{{1,50}}, (?:and |also |sometimes |then )*{_JOB} [^,.;:]{{1,50}},? "
     rf"(?:and |or )?(?:also |sometimes |then |even )*{_JOB}|"
     rf"as well as {_JOB}|beyond (?:just )?{_FIXED_VERB}"),
    ("narrow", NAMED,
     # a fixed set of fields taken out of each document: "pull the payment terms, liability cap
     # and termination notice out of supplier contracts"
     r"(?:extract\w*|extarct\w*|pull(?:s|ing)?|captur\w*|grab\w*|read(?:s|ing)? off|"
     r"return(?:s|ing)?|take(?:s)? out) (?:the )?"
     r"(?:[\w/#-]+ ){0,2}[\w/#-]+, (?:the )?(?:[\w/#-]+ ){0,2}[\w/#-]+(?:, (?:the )?"
     r"(?:[\w/#-]+ ){0,2}[\w/#-]+)*,? (?:(?:and|&) (?:the )?(?:[\w/#-]+ ){0,2}[\w/#-]+ )?"
     r"(?:from|out of|off|into|as json|as a json)(?=[ .,;:]|$)|"
     # the same with bracketed notes and no source named: "return merchant, date (ISO 8601),
     # total, currency and VAT amount"
     r"(?:extract(?:s|ing)?|pull(?:s|ing)? out|take(?:s)? out|captur(?:e|es|ing)|"
     rf"return(?:s|ing)?) (?:the )?{_FIELD}, {_FIELD}(?:, {_FIELD})*,? (?:and|&) {_FIELD}"
     r"(?=[ .,;:)]|$)|"
     # a fixed list named as such, or input and output spelled out
     r"(?:a |the )?(?:fixed|predefined|closed|standard) (?:set|list) of (?:\d+ |[a-z]+ )?"
     r"[\w-]+|input ?[=:] [^.;]{2,80}output ?[=:]|"
     # a verdict from a short list of verdict words: "recommend approve, deny or escalate"
     rf"{_VERDICT}(?:, ?{_VERDICT})*,? (?:or|/) ?{_VERDICT}(?![\w-])|"
     # a verdict from a short list: "says phish / not phish", "decides: refund, escalate or reply"
     r"(?:says?|decides?|returns?|outputs?|picks?|proposes?|marks? (?:it|them|each) as|"
     r"flags? (?:[\w-]+ ){0,2}as)(?::| ) ?"
     r"[\w'-]+(?: [\w'-]+){0,3}(?:, [\w'-]+(?: [\w'-]+){0,3})*,? (?:or|/) [\w'-]+(?: [\w'-]+){0,3}"
     r"(?: [\w'/-]+){0,3}(?= |,|\.|$)"),
    ("moderate", NAMED,
     # the topics people ask about, listed: "questions about fees, refunds and delivery slots"
     rf"(?:questions?|asks?|ask(?:ing)?|queries|texts?|messages?|chats?) (?:(?:us|it|the \w+) )?"
     rf"(?:from (?:[\w-]+ ){{1,2}})?"
     rf"(?:about|abt|on|regarding|around) (?:[\w'-]+ ){{0,3}}?(?:\(|: )?"
     rf"(?:{_ENUM}|{_ITEM}(?:, {_ITEM}){{2,}})|"
     # a help bot's topics listed after a colon: "visitor info bot: parking, visiting hours, ..."
     rf"(?:bot|chatbot|assistant|helpdesk|help desk|agent|info|information|faq)s?: "
     rf"{_ITEM}, {_ITEM}, {_ITEM}|"
     # a second job named as such, or three kinds of question listed
     rf"(?:should|will|would|can|could|must|it|and|&|plus|but) (?:it )?(?:also|additionally|even) "
     rf"{_JOB}|"
     rf"{_WH} [^,.;:]{{3,50}}, {_WH} [^,.;:]{{3,50}},? (?:and|or) {_WH}|"
     rf"(?:asks?|asking|questions?)(?: \w+)? {_WH} [^,.;:]{{3,50}}, {_WH} [^,.;:]{{3,50}}, {_WH}|"
     # three kinds of question asked in the users' words: "how do I ..., where's ..., who owns"
     rf"{_WH}(?:['’]s)? [^,.;:]{{3,50}}, {_WH}(?:['’]s)? [^,.;:]{{3,50}}, {_WH}(?:['’]s)? |"
     r"about [^,.;:]{2,40} and (?:also|even) about|"
     # a few kinds of question listed after a colon: "mostly 3 things: ride won't end, ..."
     r"(?:questions?|things|topics|requests|asks|cases|issues|msgs|messages|about [\w'-]+)"
     r"(?: [\w'-]+){0,5}: (?!it |we |they |the (?:model|bot|assistant) )[^,.;:]{2,45}, "
     r"[^,.;:]{2,45},? (?:and |or )?[^,.;:]{2,45}|"
     r"(?:a few|several|a handful of|two|three|four|five|a couple of|multiple|a small set of|"
     r"[2-5]) "
     r"(?:related |different |main |separate |distinct )?(?:jobs|tasks|things|chores|use cases|"
     r"workflows|call types|ticket types|request types|topics|question types|document types|"
     r"kinds of (?:questions|requests|tickets|documents)|inbox topics)"),
    ("moderate", HINT, rf"{_JOB} [^.;:]{{1,60}} and {_JOB}"),
    ("broad", FIRM,
     r"(?<!or )(?<!commit to )(?<!committing to )(?<!agree to )(?<!spending )(?<!spend )"
     r"(?<!rejects )(?<!reject )(?<!to do )"
     r"anything(?! else| with| w/| needing|"
     r" that needs| involving| requiring| more| less|"
     r" like that| useful| helpful| meaningful| at all| right| wrong| to | over| under| above|"
     r" below| beyond| longer| shorter| mentioning| containing| flagged| marked| related|"
     r" that (?:breaks?|violates?|looks?|seems?|mentions?|contains?|fails?|is flagged|"
     r"could|might|touches?))|anythign|"
     r"companion|thinking partner|sidekick|(?:research|writing|brainstorming) (?:aide|buddy|"
     r"partner|assistant)|many things|wide range of|front door to|every (?:kind|type) of|"
     r"open[- ]ended"),
    # open scope named as such: whatever the people bring, no fixed job
    ("broad", NAMED,
     r"(?:ask(?:s|ing)?|ask it) about everything|"
     r"any (?:follow-?up |other |extra |random |odd )?(?:question|topic|subject|subjct|kind of|"
     r"type of|language|request|query|"
     r"policy question|travel question)s?|whatever (?:comes up|they need|you need|"
     r"the \w+ (?:types|asks|needs|wants)|customers|users|people|employees|staff|the player)|"
     r"wahtever|whatevr|general[- ]purpose|(?<!tried a )(?<!tried the )(?<!used a )"
     r"general (?:writing |research |knowledge |work )?"
     r"(?:assistant|helper|companion|chatbot|q&a bot)|all (?:sorts|kinds) of|"
     r"open[- ]ended (?:assistant|helper|chat|conversations?|questions|requests|scope|help)|"
     r"not one specific task|basically any|no fixed scope|open scope|"
     r"any (?:area|field|part|branch) of|"
     r"(?:any|every) (?:[\w-]+ ){0,2}(?:people|users|they|customers|students|staff|players|"
     r"members|employees) (?:bring|ask|throw|come up with)|all-purpose|do-it-all|catch-all|"
     r"swiss army knife|(?:like|a) chatgpt for|no (?:limits|restrictions) on (?:what|topics)|"
     r"(?:ask|asks|asking|talk|talks) (?:it )?(?:about )?(?:whatever|anything)"),
    ("broad", HINT, r"everything|any \w+ question"),
)


def rules() -> list[Rule]:
    """The task_narrowness rules."""
    return rules_of(field=FIELD, table=TABLE)
