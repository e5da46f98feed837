"""What a named cadence is attached to: facts the answers quote, or the way the job is done.

`FACTS` and `PROCESS` name the two subjects (a compound is read by its head noun), `CHANGE` the
words that tie a frequency to a change. The time family (`time.py`) uses them to send a cadence to
knowledge_freshness, to workflow_stability, or to both.
"""

from __future__ import annotations

import re

FACTS = re.compile(
    r"(?<![\w])(?:pric(?:e|es|ing)|databases?|bills?|statements|bans|restrictions|requirements|definitions|metrics|"
    r"(?:tax|legal|civil|penal|building|zoning|highway) code|sanctions|"
    r"books?|recipes|sheets|price (?:list|book)s?|rates?|fees?|tariffs?|menus?|"
    r"timetables?|schedules?|fixtures?|catalog(?:ue)?s?|stock|inventory|availability|"
    r"listings?|docs?|documentation|articles?|faqs?|content|knowledge base|kb|wiki|"
    r"help cent(?:re|er)|pages?|handbook|manuals?|products?|range|offers?|promos?|"
    r"promotions?|deals?|discounts?|odds|scores?|results|standings|news|stories|data|"
    r"figures|numbers|feeds?|(?<!we )(?<!they )releases?|patch(?:es)?|patch notes|versions?|"
    r"coins?|tokens?|"
    r"markets?|positions|balances?|status|etas?|tracking|weather|exchange|regulations?|"
    r"laws?|legislation|statutes?|case law|judgments|courses?|modules|lineups?|rosters?|"
    r"rotas?|shifts|classes|events|apis?|tables|schema|codebase|specs?|glossary|lore|sdks?|"
    r"outages?|incidents|alerts|threats?|cves?|vulnerabilit(?:y|ies)|signatures|quotes?|"
    r"recalls?|formular(?:y|ies)|drugs|medicines?|guidance|terms|plans|listings|deadlines?|"
    r"reading lists?|lists|bill of materials|boms?|parts?|part lists?|titles|bands|"
    r"job (?:board|postings?)|vacanc(?:y|ies)|openings|slots|bookings?|flights?|"
    r"routes?|traffic|queues?|levels|counts?|amounts?|yields?|aprs?|parameters|"
    r"information|info|facts|answers? (?:depend|rely)|framework|library|"
    r"items?|skus?|assortment|collection|menu items|cards?|seasons?|quests?|"
    r"calendars?|holidays?|openings hours|opening hours|contacts?|directory|org chart|"
    r"locations?|specials|boards?|codes|code sets?|archives?|syllabus|syllabi|papers|"
    r"circulars?)(?![\w])"
    # "the product team", "the content manager": a team or role named after what it handles
    r"(?! (?:team|teams|manager|managers|owner|owners|lead|leads|people|group|department|squad|"
    r"org|committee|staff)(?![\w]))")
PROCESS = re.compile(
    r"(?<![\w])(?:process(?:es)?|polic(?:y|ies)|playbooks?|workflows?|rules?|rulebooks?|"
    r"templates?|macros?|guidelines?|procedures?|sops?|flows?|steps?|criteria|scope|"
    r"intents?|categories|taxonomy|label set|labels|codebook|style guide|tone|"
    r"(?:queue|code|label|category|intent|reason[- ]code) lists?|(?:underwriting|rating|claims|"
    r"operations|ops|procedures?|compliance|coding|grading|triage|moderation|editorial) "
    r"(?:manuals?|handbooks?|guides?)|"
    r"checklists?|rubrics?|protocols?|escalation|routing|approvals?|thresholds?|schema|"
    r"pathways?|layout|governance|"
    r"disclosure wording|wording|scripts?|checkout|the way we|how we (?:work|do)|"
    r"what (?:we|they|leadership|management|the business) (?:want|wants|need|needs)|"
    r"process(?:ing)? rules|business rules|logic|our approach|"
    r"instructions|conventions|standards?|guidance|curriculum|format|structure|fields|"
    r"regulations?|legislation|statutes?|field list|baseline|"
    r"document types|question types|mechanics|game balance|game design)(?![\w])")
CHANGE = re.compile(
    r"(?<![\w])(?:updat\w*|chang\w*|refresh\w*|(?:re)?publish\w*|releas\w*|rebuil\w*|"
    r"revis\w*|review(?:s|ed)?|syncs|synced|syncing|add(?:s|ed|ing)?|mov(?:e|es|ing)|"
    r"comes? (?:out|in)|ship(?:s|ped|ping)?|patch|"
    r"rotat\w*|reset\w*|recalculat\w*|repric\w*|list(?:s|ed|ing)? new|post(?:s|ed)?|"
    r"roll(?:s|ed)? out|patch(?:ed|es)?|new|amend\w*|reissu\w*|replac\w*|edit(?:s|ed)?|"
    r"rewrit\w*|rework\w*|tweak\w*|adjust\w*|issued|reallocat\w*|evolv\w*|shift(?:s|ed)?|"
    r"(?:re)?negotiat\w*|"
    r"come and go|expir\w*|stale|outdated|current|fresh|latest|pull(?:s|ed)?|fetch\w*|"
    r"look(?:s|ed)? up|reflect|know about|redone|redo|redesign\w*|turn over|churn|"
    r"differ\w*|flip\w*|go(?:es)? up|drop\w*|arriv\w*|appear\w*|launch\w*|open(?:s|ed)?|"
    r"clos(?:e|es|ed)|fill(?:s|ed)? up|generat\w*|recomput\w*|touch(?:ed|es)?|sell(?:s)? out|"
    r"come from|comes from|feed|"
    r"(?:re)?load(?:s|ed|ing)?|check(?:s|ed)? against|quer(?:y|ies|ied)|push(?:es|ed)?|grows?|"
    r"migrat\w*|renam\w*|"
    r"grew|lands?|landed)(?![\w])")
_TRIGGER = re.compile(r"(?<![\w])(?:(?:after|following|whenever|when|on|per) (?:new |an? |the )?|"
                      r"(?:with |on |at |after )?(?:every|each) (?:new )?)$")

def subjects(*, text: str) -> tuple[bool, bool]:
    """Whether facts and whether process are named, reading compounds by their head noun.

    "product rules" and "refund policy" are process; "policy handbook" and "rules page" are
    facts: the last noun of a compound is what it is.
    """
    # "changes after incidents": a fact named as the trigger is not what changes
    facts = [(m.start(), m.end()) for m in FACTS.finditer(text)
             if _TRIGGER.search(text, max(0, m.start() - 12), m.start()) is None]
    process = [(m.start(), m.end()) for m in PROCESS.finditer(text)]

    def heads(own: list[tuple[int, int]], other: list[tuple[int, int]]) -> bool:
        return any(not any(o[0] in (e + 1, e) or (o[0] <= s < o[1] and o[1] - o[0] > e - s)
                           for o in other) for s, e in own)

    return heads(facts, process), heads(process, facts)
