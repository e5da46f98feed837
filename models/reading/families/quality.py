"""data_quality: how good the examples a team could train on are (not the wiki, not the inputs).

clean = reviewed, double-annotated, one guideline, consistent, QC'd; mixed = part good, part
outdated or from another policy or template; noisy = contradictory, inconsistent, each author
their own way, junk. A quality word only counts in a sentence about examples, labels or past
outputs (`DATA_WORDS`), so "we want consistent answers" says nothing. When one sentence has a
"part good" marker and a bad word, it is mixed (`PRIORITY`: mixed first).
"""

from __future__ import annotations

from models.reading.cueing import FIRM, HINT, NAMED, Rule, rules_of

FIELD = "data_quality"
PRIORITY = ("mixed", "noisy", "clean")
# A sentence must mention the examples for a quality word to count.
DATA_WORDS = (
    r"examples?|labels?|labell?ed|labell?ing|annotat\w*|data ?set|data|pairs|samples|"
    r"records|tickets|replies|answers|responses|transcripts|notes|logs?|history|historical|"
    r"archive|exports?|emails|letters|summaries|descriptions|translations|segments|"
    r"tags|tagged|codes|coded|entries|rows|spreadsheet|corpus|outputs?|drafts|listings|"
    r"redlines|decisions|queries|titles|memory|training set|gold set|"
    r"batch(?:es)?|annotators|moderators|reviewers|freelancers|diffs|reports|classifications|"
    r"cases|documents|files|conversations|calls|messages|posts|comments|mods|labell?ers|"
    r"raters|logged|transactions|reviews|speeches|estimates|specs|strings|verdicts|coders|"
    r"hand-coded|categori[sz]ed|classified|typed in|keyed in|redactions|gold|invoices|receipts|"
    r"forms"
)
_ORDER = r"(?:very |quite |totally |completely |much |far )?"
# Statements that name the examples' quality itself (a second annotator, a measured agreement,
# one checklist, each author their own way, older ones under retired rules): firm without a
# second opinion, unlike a bare "clean" or "consistent".
NAMED_CLEAN = (
    r"(?:qc|qa)['’]?d|quality[- ](?:checked|controlled|assured)|(?:hand|manually)[- ]?(?:checked|"
    r"reviewed|verified|corrected)|gold[- ]standard|"
    r"double[- ](?:annotated|checked|reviewed|labell?ed|keyed|marked|cod(?:e|ed|es)|"
    r"scor(?:e|ed|es))|"
    r"inter[- ](?:annotator|coder|rater) (?:agreement|reliability) (?:(?:is|was|of|at|around|"
    r"about|above|over|like|roughly|~) ?){0,3}(?:0?\.[89]\d*|[89]\d ?%)|kappa|"
    r"agreed (?:on |in |with each other on )?(?:about |roughly |~|over |above )?[89]\d ?%|"
    r"(?<!is )(?<!are )(?<!be )(?<!get )(?<!gets )(?:reviewed|checked|labell?ed|annotated|"
    r"verified|coded|graded) (?:by|with) (?:two|2|three|3|multiple|several|a second|two senior|"
    r"two independent)|"
    r"(?:checked|reviewed|verified|labell?ed|annotated) twice|with a second (?:marker|reviewer|"
    r"annotator)|(?:reviewed|checked|approved|validated|vetted|graded) (?:one by one|line by "
    r"line)|(?:checked|verified|reconciled|validated) (?:them |it |each one |every one )?"
    r"against (?:the )?(?:source|originals?|"
    r"pdfs?|scans?|documents|contracts|invoices|records|ground truth|answer key|key)|"
    # the same people, or one shared guide, behind all of them
    r"(?:all |each |every one )?(?:edited|written|labell?ed|reviewed|checked|coded) by the same "
    r"(?:two |three |one |small )?(?:[\w-]+ )?(?:people|copywriters|editors|writers|annotators|"
    r"analysts|coders|reviewers|team)|(?:uses?|using|follows?) (?:one|a single|the same) "
    r"(?:[\w-]+ )?(?:runbook|playbook|guide|guideline|rubric|checklist)|"
    # the examples were reviewed by an expert (a live review of each output is the process)
    r"(?:examples|pairs|labels|strings|translations|records|annotations|segments|summaries|"
    r"letters|tags|codes|verdicts|entries|rows|samples|transcripts) (?:were |have been |had "
    r"been |all |already |later )?(?:reviewed|checked|validated|verified|approved|corrected|"
    r"proofread) by (?:a |an |our )?(?:native|senior|certified|qualified|licensed|expert|"
    r"experienced|professional|domain|in-house) \w+|"
    r"(?:reviewed|checked|audited) (?:during|in|as part of) (?:our|an|the) "
    r"(?:\w+ )?(?:audit|qa|quality review)|(?:fixed|corrected|cleaned|checked|reviewed|"
    r"labell?ed|typed in) by hand(?:,? (?:and |then )?(?:checked|validated|verified|reviewed))?|"
    r"(?:with|under|using|following|per|against|in|to) (?:one|a single|the same|the current|"
    r"the latest|an agreed|a written|one agreed|a shared|one shared) (?:\w+ )?(?:checklist|"
    r"guidelines?|rubric|codebook|style guide|scheme|criteria|instructions|rules|template|spec|"
    r"sop|playbook|procedure|standard|guide|runbook)|"
    # two people labelled each one and someone settled the differences, or a senior signed off
    r"(?:labell?ed|annotated|coded|scored|graded|tagged) (?:each one |each |them |it |all )?"
    r"independently|(?:resolved|resolves|settled|adjudicated|reconciled|decided|decides) "
    r"(?:the |any |all )?"
    r"disagreements|(?:a |one )?second (?:[\w-]+ )?(?:checking|reviewing|checks|reviews|checked|"
    r"reviewed|re-?checked|re-?reviewed|checker|reviewer) (?:each|every|all)|"
    r"(?<!is )(?<!are )(?<!be )(?<!get )(?<!gets )"
    r"(?:signed off|approved|reviewed|checked|"
    r"validated|audited) by (?:a |an |our |the )?(?:senior|lead|head|chief|qualified|licensed|"
    r"certified) [\w-]+"
)
NAMED_NOISY = (
    r"copy[- ]?pasted|half-finished|full of (?:errors|typos|mistakes|duplicates|dupes)|scraped|"
    r"never (?:been )?(?:cleaned|deduplicated|de-duplicated|validated)|"
    r"(?:different|differing|varying|conflicting|their own) (?:ideas|views|opinions|"
    r"interpretations|understandings|definitions|takes) (?:of|about|on)|"
    rf"interpret(?:ed|s)? (?:\w+ ){{0,3}}{_ORDER}differently|"
    r"(?:each|every) (?:\w+ ){0,3}(?:did|does|do|wrote|writes|labell?ed|coded|tagged) "
    r"(?:it |them |things )?(?:differently|their own way|his own way|her own way)|"
    r"inconsisten(?:t|tly|cy|cies) (?:annotators|labell?ers|labels|labell?ing|annotations?|"
    r"tags|tagging|coding|raters)|(?:annotators|labell?ers|raters|coders) (?:often |regularly |"
    r"frequently )?disagree|contradictory (?:labels|examples|answers|annotations|pairs)|"
    r"(?:contradicting|contradictory|inconsistent) (?:guidelines|guides|instructions|"
    r"rules|conventions|rubrics|standards)|"
    # the people who labelled them judged differently: "different nurses gave different levels"
    r"different (?:[\w-]+ ){0,2}(?:gave|used|applied|assigned|chose|picked|put) (?:[\w-]+ ){0,3}"
    r"different|used (?:the|our|a|one) (?:[\w-]+ )?(?:rubric|guidelines?|criteria|codebook|"
    r"scale|definitions?) (?:very |quite |totally |completely )?differently|"
    r"(?:shifts|teams|annotators|labell?ers|reviewers|raters|coders|analysts|agents|nurses|"
    r"doctors|teachers|editors|lawyers) (?:[\w-]+ ){0,3}(?:used|applied|followed|had) "
    r"(?:totally |completely |very |quite )?different (?:criteria|guidelines|rules|definitions|"
    r"scales|rubrics|formulas|standards)|"
    r"(?:each|every) [\w-]+(?: [\w-]+){0,2} (?:in )?(?:his|her|their|its) own (?:way|style|"
    r"template|format|rules|conventions)|(?:apply|applied|use|used|follow|followed|interpret|"
    r"interpreted) (?:the )?(?:[\w-]+ ){0,2}(?:in )?(?:a )?different(?:ly| ways?)|"
    r"(?:mods|moderators|analysts|annotators|labell?ers|reviewers|raters|agents|nurses|doctors|"
    r"editors|coders|folks|managers) (?:[\w-]+ ){0,6}(?:disagree|disagreed|disagreeing)|"
    r"(?:tagged|labell?ed|coded|annotated|categori[sz]ed|classified|scored|graded) "
    r"inconsistently|inconsistently (?:tagged|labell?ed|coded|annotated|categori[sz]ed)|"
    r"(?:appl(?:y|ied|ies)|used|follow(?:ed|s)?|interpret(?:ed|s)?) (?:the )?(?:[\w-]+ ){0,2}"
    r"inconsistently|"
    r"(?:labell?ed|tagged|annotated|coded|written|wrote|scored) (?:[\w-]+ ){0,2}(?:with|under|"
    r"using|to|by) (?:totally |completely |very )?different (?:criteria|guidelines|rules|"
    r"definitions|scales|rubrics|standards|instructions)|(?:didn'?t|did not|don'?t|do not|"
    r"never) (?:share|follow|use|have) (?:a|one|any|the same) (?:[\w-]+ )?(?:guideline|rubric|"
    r"guide|standard|convention)s?|(?:everyone|everybody|each (?:[\w-]+ )?(?:clerk|agent|"
    r"person|writer|editor|coder)) (?:had|has|have|with) (?:their |his |her )?own (?:habits|way|"
    r"style|rules|conventions)"
)
NAMED_MIXED = (
    r"(?:some|part|half|many|most|a third|a lot|a quarter|\d+ ?%) (?:of (?:them|the "
    r"(?:[\w-]+ ){1,2}|it) ?)?(?:are|is|were|was|use|uses|follow|reflect) (?:\w+ ){0,2}"
    r"(?:outdated|obsolete|withdrawn|unchecked|free text|free-form)|"
    r"older (?:ones|tickets|examples|records|batches|labels|letters|cases|entries|replies|"
    r"answers|notes) (?:use|follow|predate|used)|"
    r"(?:predate|pre-date)s? the (?:latest|current|new|newest|revised)|"
    r"(?:have|has) since been (?:retired|withdrawn|replaced|superseded|changed|dropped)|"
    r"(?:don'?t|do not|doesn'?t|does not) all (?:match|follow|fit|meet|use|reflect)|"
    r"(?:decent|okay|ok|fair|reasonable|moderate|fine) but not (?:great|perfect|brilliant)|"
    r"(?:some|many|a few|lots|a lot|part|half) (?:of (?:the|them|these) )?(?:old|older|earlier)"
    r" (?:ones|\w+) (?:use|used|follow|followed|have|are|were|predate|reference|cite)|"
    rf"older (?:\w+ )?(?:\([^)]*\) )?(?:were|are) (?:written |done |labell?ed |coded )?"
    rf"{_ORDER}differently|"
    r"(?:some|many) (?:\w+ ){0,2}(?:were|are) (?:much |far |a lot )?(?:sloppier|worse|"
    r"better|more careful) than others|"
    r"estimate (?:about |roughly |around |~)?\d+ ?% (?:of (?:them|it) )?(?:are |is )?(?:wrong|bad|"
    r"mislabell?ed|incorrect)|(?:categories|labels|codes|queues) that no longer exist|"
    r"(?:early|earlier|first|old|older) (?:batch|batches|ones|set) used an? (?:older|old|previous|"
    r"outdated) (?:rulebook|guideline|taxonomy|version|rubric|codebook)|"
    # part of them made under rules since replaced: "a third written under the previous policy"
    r"(?:some|part|half|many|most|a third|a lot|a quarter|\d+ ?%)(?: of (?:them|the [\w-]+))? "
    r"(?:were |are )?(?:written|done|made|labell?ed|created|coded|tagged) (?:under|with|for|"
    r"before|against) (?:the |an |a )?(?:old|older|previous|earlier|former|outdated|retired|"
    r"prior) [\w-]+|(?:still )?(?:refer|reference|cite|use)s? (?:to )?the (?:pre-\d{4}|old|older|"
    r"previous|outdated|retired) (?:[\w-]+ )?(?:version|rules|policy|code|standard|table)|"
    r"older (?:ones|examples|records|entries) (?:don'?t|do not|no longer) (?:match|follow|fit)|"
    r"(?:that|which) (?:are|is) no longer (?:valid|current|used|in force|correct)|"
    r"(?:two|three|four|several|\d+) different (?:[\w-]+ )?(?:policies|guidelines|"
    r"rulebooks|templates|conventions|style guides)"
)

TABLE: tuple[tuple[str, float, str], ...] = (
    ("clean", NAMED, NAMED_CLEAN),
    ("noisy", NAMED, NAMED_NOISY),
    ("mixed", NAMED, NAMED_MIXED),
    ("clean", FIRM,
     r"double[- ](?:annotated|checked|reviewed|labell?ed|keyed|marked)|(?:qc|qa)['’]?d|"
     r"quality[- ](?:checked|controlled|assured)|(?:hand|manually)[- ]?(?:checked|reviewed|"
     r"verified|labell?ed|curated|corrected)|inter[- ]annotator agreement|high agreement|"
     r"(?:very |pretty |really |quite |fully |highly |all )?consistent|clean(?:ed)?|"
     r"audited|verified|gold[- ]standard|(?:were|was|been|all|every one|each one|already|"
     r"previously|later|since) (?:\w+ )?(?:reviewed|checked|approved|validated|vetted|"
     r"signed off|graded) (?:by|against|one by one)|"
     # a second pair of eyes on every example, or measured agreement
     r"(?:reviewed|checked|labell?ed|annotated|verified|coded|graded) (?:by|with) (?:two|2|"
     r"three|3|multiple|several|a second|two senior|two independent)|"
     r"(?:checked|reviewed|verified|labell?ed|annotated) twice|"
     r"agreement (?:(?:is|was|of|at|around|about|above|over|like|roughly|~) ?){0,3}[7-9]\d ?%|"
     r"kappa|(?:reviewed|checked|approved|validated|vetted|graded) one by one|"
     r"(?:all|each|every) (?:\w+ )?(?:reviewed|"
     r"checked|verified|approved)|with a second (?:marker|reviewer|annotator)|"
     r"(?:one|a single|a clear|the same|an agreed|a written|one agreed) (?:guideline|"
     r"guide|rubric|spec|style guide|protocol|codebook|convention)s?|tidy|"
     r"(?:one|a single|a clear|an agreed|a written) \w+ (?:guideline|guide|rubric|spec|"
     r"protocol|codebook)|(?:the )?same (?:\w+ ){0,2}(?:categories|guidelines|rubric|labels|"
     r"codebook|scheme) since|(?:check|review|verif(?:y|ie)|approve)s? every (?:segment|example|"
     r"record|label|item|entry|answer|reply|pair|row)|"
     r"well[- ](?:labell?ed|curated|maintained|organi[sz]ed|structured)|curated|"
     r"normali[sz]ed|in (?:good|great) shape|pretty solid|high[- ]quality|"
     r"disagreements resolved|went through (?:the )?(?:qa|review|checks?)|"
     r"(?:reviewed|vetted|verified|validated|curated|expert-checked|human-reviewed) (?:[\w-]+ )"
     r"{0,2}(?:pairs|examples|labels|samples|records|answers|replies|translations|summaries|"
     r"annotations)"),
    ("noisy", FIRM,
     r"inconsisten(?:t|cy|cies)(?! with)|inconsistant|contradict(?:s|ed|ing|ions?)?(?! the "
     r"(?:handbook|policy|docs|documentation|guidelines|rules|source|facts))|a mess|"
     # "messy" about the examples ("the labels are messy"), not the inputs ("messy job titles")
     r"(?:is|are|was|were|pretty|quite|very|really|bit|super|kind of|kinda) messy|"
     r"messy (?:data|labels|examples|annotations|history|exports?|dataset|pairs)|"
     r"scraped|never (?:been )?(?:cleaned|deduplicated|de-duplicated|validated)|copy[- ]?pasted|"
     r"(?:many|lots|half|most|a lot) (?:of them )?(?:are |were )?(?:empty|blank|incomplete)|"
     r"(?:each|every one) in (?:a )?different (?:way|style|format)|"
     r"junk|garbage|"
     r"noisy|all over the place|(?:their|his|her) own (?:way|style|conventions?)|"
     r"(?:each|every) (?:\w+ ){0,3}(?:did|does|do|wrote|writes|labell?ed) (?:it |them |things )?"
     r"(?:differently|their own way|his own way|her own way)|unreliable|no two alike|"
     r"synthetic|syntetic|(?:full of|lots of|many|some|contains?|has|have|with) (?:\w+ )?"
     r"(?:dupes|duplicates)|(?<!resolved )(?<!resolves )(?<!settled )(?<!decided )"
     r"(?<!resolved the )(?<!settled the )(?<!decided the )(?<!decides the )"
     r"disagree(?:s|d|ment|ments)?(?! resolved| were "
     r"resolved| are resolved| get resolved)|(?:many|lots|a lot) (?:of them )?"
     r"(?:are )?wrong|(?:totally|very|completely) diff?erent|every (?:voice|agent|writer) "
     r"different|different (?:agents|people|writers|annotators) different|"
     r"(?:one|1) in (?:five|four|three|5|4|3) (?:is |are )?wrong|low[- ]quality|poor quality|"
     r"sloppy|half-finished|garbled|full of (?:errors|typos|abbreviations|mistakes)|"
     r"no (?:labell?ing |annotation |style |writing |tagging |common |shared )?(?:guidelines?|"
     r"guide|rubric|conventions?|standards?)(?![\w-])"),
    ("mixed", FIRM,
     r"mixed bag|a mix(?:ture)? of|quality varies|(?:varying|variable|uneven) quality|"
     r"(?:some|part|half|many|most|a third|a lot|a quarter|20%|\d+ ?%) (?:of (?:them|the "
     r"(?:[\w-]+ ){1,2}|it) ?)?(?:are|is|were|was|use|uses|follow|reflect) (?:\w+ ){0,2}"
     r"(?:outdated|old|wrong|good|fine|great|different|free text|free-form|unchecked|"
     r"obsolete|withdrawn|edited|changed|rewritten|reworked|corrected|checked|reviewed|verified|"
     r"cleaned)|"
     r"older (?:ones|tickets|examples|records|batches|labels|data|letters|cases|entries|"
     r"replies|answers|notes) (?:use|follow|are|were|have|predate|used|came)|"
     r"obsolete|retired (?:codes|categories|labels|policies|templates)|"
     r"(?:since been )?withdrawn|(?:two|three|four|several|\d+|different) (?:generations of|"
     r"different) (?:templates|policies|rulebooks|conventions|style guides|guidelines)|"
     r"conflicting (?:conventions|guidelines|labels|rules|styles|templates)|"
     r"different (?:templates|conventions|style guides|rulebooks?|date conventions?|"
     r"risk policies)|(?:labell?ing )?rules changed|rules have changed|"
     r"(?:the )?rest (?:is|are) (?:junk|rubbish|garbage|noise|bad|free[- ]form)|"
     r"some (?:\w+ )?(?:great|good|excellent|thorough|fine|solid)(?: \w+)?,? some|"
     r"(?:have|has) not been (?:checked|separated|reviewed|cleaned)|"
     r"(?:the )?rest (?:came|comes|was|were|never|hasn'?t|haven'?t|got|is still|are still)|"
     r"not all (?:checked|"
     r"reviewed|clean)|partly|partially|(?:isn'?t|aren'?t|wasn'?t|weren'?t|not) always "
     r"(?:right|correct|accurate|consistent|reliable)|(?:style guide|guidelines?|policy|policies|"
     r"rules|rubric|template|taxonomy|codebook) (?:was |were |has |have |got )?(?:changed|revised|"
     r"rewritten|replaced) (?:in|last|since|mid|during|halfway)"),
    ("mixed", HINT, r"free text|free-text|older|legacy|outdated"),
)


def rules() -> list[Rule]:
    """The data_quality rules: "not consistent" reads noisy, "no duplicates" clean."""
    return rules_of(field=FIELD, table=TABLE, negated={"clean": "noisy", "noisy": "clean"})
