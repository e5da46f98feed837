"""mlops_capacity: who would own retraining, evals and rollback, by name or team size.

none = nobody can own it (no engineers, a non-technical team, the contractor leaves);
limited = a part-time owner (just me, one engineer 20% of the time, Friday afternoons);
dedicated = a team that already trains, ships or monitors models. When one sentence names
several, the most restrictive wins (`PRIORITY`): "an ML team, but they only help occasionally"
is limited.
"""

from __future__ import annotations

from models.reading.cueing import FIRM, HINT, Rule, rules_of

FIELD = "mlops_capacity"
PRIORITY = ("none", "limited", "dedicated")
_WHO = (r"(?:engineers?|eng|devs?|developers?|data scientists?|analysts?|volunteers?|"
        r"ml (?:engineers?|person|guy|people)|persons?|people|guys?|sres?|it (?:person|guy)|"
        r"interns?|postdocs?|freelancers?|contractors?|students?|coders?|programmers?|"
        r"technical (?:person|people|staff)|colleagues?|admins?)")
_DUTY = (r"(?:own|owns|maintain|maintains|maintaining|look after|looks after|retrain|"
         r"(?:wants?|willing) to (?:be responsible|own|maintain|retrain)|responsible for|"
         r"retrains|run|runs|host|support|code|codes|know how|knows how|has time|have time|"
         r"is technical|can do|could do|would|will|is able|are able|able|manage|manages|deploy|"
         r"knows? (?:ml|machine learning|ai|python|code|how to code)|"
         r"(?:has|have) (?:ever )?(?:trained|built|deployed|fine-tuned|shipped)|"
         r"babysit|monitor|keep|keeps|update|fix|take care|"
         r"(?:does|do|did|doing|done) (?:any )?(?:ml|ml ?ops|machine learning|data science))")

TABLE: tuple[tuple[str, float, str], ...] = (
    ("none", FIRM,
     # no ML people in house, or nobody to keep a model alive, in so many words
     r"(?:we'?ve|we have|there'?s|there is) no (?:[\w-]+ ){0,2}(?:ml|data science|machine "
     r"learning|ai|data) (?:staff|people|team|engineers?|folks|expertise)|no in-house "
     r"(?:[\w-]+ ){0,2}(?:staff|team|engineers?)|(?:do not|don'?t|dont|doesn'?t) have "
     r"(?:anyone|anybody|someone|people) (?:who|to|that) (?:could |can |would )?(?:maintain|own|"
     r"run|look after)|(?:don'?t|do not|dont) want to (?:maintain|own|run|babysit) (?:a|the|any) "
     r"(?:custom )?model|"
     # the people left refuse the upkeep in so many words
     r"(?:will not|won'?t|cannot|can'?t|refuses? to|(?:is|are) not able to|do(?:es)? not|"
     r"don'?t|doesn'?t) (?:run|own|maintain|do|handle|look after|take on) (?:any )?(?:the )?"
     r"(?:training|retraining|fine-tuning|evals?|evaluations|rollbacks|model (?:training|"
     r"upkeep|maintenance))|"
     rf"(?:nobody|nobdy|no[- ]?one|none of (?:us|them|whom)|neither(?: of (?:us|them))?)(?:['’]s)?"
     rf"(?: [\w'-]+){{0,6}} {_DUTY}|"
     # nobody technical, nobody for the ML side, no staff assigned to it
     r"(?:we'?re|they'?re|we are|they are) (?:\w+ )?(?:consultants|contractors|an agency|"
     r"freelancers) and (?:will be )?(?:gone|leaving|out)|"
     r"(?:nobody|no[- ]?one|no person)(?: [\w'-]+){0,4} (?:technical|for (?:the )?(?:ml|ai|model|"
     r"machine learning)|"
     r"know(?:s)? (?:programming|coding|python|ml))|no (?:[\w-]+ )?(?:staff|people|one) "
     r"(?:is |are )?(?:assigned|responsible|available) (?:to|for)|"
     r"(?:answer is|that'?s|that would be|would be) nobody|"
     r"no (?:[\w-]+ ){0,2}(?:engineers?|developers?|devs|technical (?:staff|people|team|skills|"
     r"capacity|resources)|it (?:people|staff|team|person)|ml (?:people|person|engineers?|team|"
     r"expertise|experience|skills|capacity|ppl|folks|guys)|"
     r"ml ?ops (?:function|team|people|person|capacity|"
     r"skills|experience|expertise|engineers?)|data (?:scientists?|engineers?|team)|"
     r"in-house (?:[\w-]+ )?(?:team|engineers?|devs?|tech\w*|capacity|skills)|engineering "
     r"(?:capacity|team|staff|resources|support)|(?:dev|development) (?:team|capacity)|"
     r"capacity to (?:maintain|own|run|retrain|host)|one (?:able|who|to)|team (?:that|who|to)|"
     r"people (?:for|to)|(?:standing )?owner)|"
     r"zero (?:engineers|developers|devs|ml|technical)|"
     r"(?:don'?t|do not|doesn'?t|does not) have (?:any |a single |an? )?(?:[\w-]+ )?(?:engineers?|"
     r"developers?|devs|programmers|data scientists?|tech(?:nical)? (?:staff|people|team)|"
     r"(?:ml|mlops|ml ?ops|ai|data science|machine learning) (?:team|people|group|engineers?|"
     r"person|function))|"
     r"no tech (?:staff|people|team|person|skills)|"
     r"(?:can'?t|cannot|couldn'?t|won'?t be able to|unable to) (?:take on|own|maintain|host|"
     r"support|run|look after|retrain) (?:a |the |any |our )?(?:custom )?(?:model|it|this|"
     r"training|infra|retraining|evaluation|evals|rollbacks?)|non-?technical|"
     r"not (?:a )?technical|not engineers|"
     r"we(?:'re| are) (?:\w+ )?(?:not engineers|not developers|not coders|linguists|lawyers|"
     r"agents|nurses|teachers|marketers|designers)(?:, | and )(?:nobody|no one)|"
     r"(?:contractor|agency|vendor|freelancer|consultant|consultancy)s? (?:[\w-]+ ){0,5}"
     r"(?:leaves?|leaving|left|is gone|goes away|moves on|rolls? off|will be gone|"
     r"finish(?:es)? (?:her|his|their|its) (?:contract|engagement)|contract (?:ends|runs out))|"
     r"(?:team|squad|group|unit|department|engineers?|devs?|developers?|data scientists?|people|"
     r"person|owner)"
     r"(?: [\w-]+){0,8} (?:is|are|was|were|will be|gets?|getting) (?:being )?(?:disbanded|"
     r"dissolved|laid off|let go|reassigned|shut down|moved to another)|"
     r"rely (?:entirely |fully |completely )?on (?:the |a |an |our )?(?:vendor|agency|"
     r"contractor|supplier)|no-code tools?"),
    ("none", HINT, r"(?:too busy|drowning|no time|no bandwidth|no capacity)"),
    ("limited", FIRM,
     r"just me|only me|me and (?:a|one|my|our)|just (?:our|my|a|one|the) [\w-]+ and me|"
     r"fit (?:this|it) in|(?:next to|alongside|on top of|besides) everything else|"
     r"it'?s me \+|me \+ (?:a|one)|i'?m the only|"
     r"the only (?:dev|developer|engineer|it person|technical person|one who|person who)|"
     r"on my own|by myself|solo (?:dev|developer|founder|engineer)|"
     r"part[- ]time|only on (?:mondays|tuesdays|wednesdays|thursdays|fridays|weekends)|"
     r"(?:next to|alongside|on top of|besides|beside|in addition to|as well as) "
     r"(?:my|his|her|their|our|the) (?:day job|main job|other (?:work|projects|duties|job)|"
     r"day-to-day|(?:normal|usual|regular) (?:work|job|duties)|dashboards|on-call)|day job|"
     # someone runs it as a side project ("a side project from the CX group" is its origin)
     r"(?:as|is) (?:a |my |our |his |her )?side project|"
     r"\d+ ?% of (?:his|her|their|my|our) (?:time|week)|"
     r"(?<!open )(?<!open for )(?:one|a|half a|two|a couple of|a few|some|~?[1-3]) (?:days?|"
     r"hours?|afternoons?|evenings?|mornings?) ?(?:(?:a|per|each|every) |/ ?)(?:week|month|"
     r"sprint|quarter|wk)|"
     r"(?:a few|a couple of|some) (?:days?|hours?|afternoons?) (?:each|every|per|a) "
     r"(?:week|month|quarter)|(?:fridays?|weekends?|evenings?),? mostly|"
     r"when (?:he|she|they|i|we) (?:has|have|get|gets|find) (?:the )?time|spare time|"
     r"(?:my|his|her|their|our) free time|(?:do|does|doing|did|run|runs|maintain|maintains|"
     r"look after|looks after|handle|handles) (?:this|it|that) on the side|"
     r"(?:a single|one|only one|just one|our only|our one|our single|a lone|one lonely) "
     r"(?:[\w-]+ ){0,2}" + _WHO + r"|"
     r"(?:can|could) help (?:out )?(?:sometimes|occasionally|a bit|when|here and there)|"
     r"occasional(?:ly)? (?:retrain\w*|help|maintenance)|do the occasional|"
     r"(?:no|without) standing capacity|not (?:their|his|her|our) main (?:thing|job|focus)|"
     r"between (?:milestones|projects|other work)|lend us (?:someone|a person|an engineer)|"
     r"for a sprint (?:here and there|now and then)|could own it a bit|"
     r"(?:a|an|one|our) (?:[\w-]+ )?(?:engineer|dev|developer|data scientist|analyst|volunteer|"
     r"person|guy|sre|intern|postdoc|freelancer|contractor|student|admin|colleague) (?:could|"
     r"can|might|will|would) (?:maintain|look after|own|babysit|keep an eye|help|spend|give|"
     r"do the)"),
    ("limited", HINT, r"(?:could|can|might) (?:help|maintain|look after|keep an eye on)"),
    ("dedicated", FIRM,
     r"(?:ml|mlops|ml ?ops|mle|machine learning|ml platform|ml infra|ai platform|"
     r"ml engineering|model risk|applied ml|ai/ml|ml eng|data science and ml|t&s ml|ranking|"
     r"detection engineering|ml research) (?:[\w-]+ )?(?:team|group|unit|department|squad|org)|"
     r"(?:team|department|group) (?:for|of) (?:machine learning|ml)|"
     r"training pipelines?|(?:training|retraining|fine-tuning|evaluation|eval) "
     r"(?:and|&|\+) (?:validation|evaluation|eval|monitoring|deploy\w*) pipelines?|"
     r"(?:already |routinely )(?:retrain|train|fine-tune|deploy|ship|run|operate|monitor|"
     r"maintain)s? (?:\w+ ){0,3}(?:models?|classifiers?)|"
     r"(?:retrains?|trains|fine-tunes) (?:our|the|its) (?:\w+ ){0,2}(?:models?|classifiers?)|"
     r"(?:owns?|runs?|operates?|maintains?|has|have) (?:a |our |its own |the |an )?(?:[\w-]+ )?"
     r"(?:training|fine-tuning|ml|model|evaluation) (?:infra\w*|platform|pipelines?|clusters?|"
     r"stack|harness|tooling)|own fine-tuning infra|model registry|canary deploy\w*|"
     r"feature store|retraining is routine|on-call rota for (?:our )?models|ships models|"
     r"deploy models|dedicated (?:ml|mlops|ai|data science) (?:\w+ )?(?:team|engineers?)|"
     r"(?:they(?:'d| would| will| can)|can|could) (?:also )?own (?:this|retraining|it)"),
    ("dedicated", HINT, r"data science (?:team|unit|group|department)|ml engineers|"
                        r"(?:mlops|ml) (?:people|folks|engineers)"),
)


def rules() -> list[Rule]:
    """The mlops_capacity rules (their phrases carry their own negation)."""
    return rules_of(field=FIELD, table=TABLE, negatable=False)
