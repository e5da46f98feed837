"""Development phrasebook, part two: IT helpdesk, a fitness app, home insurance, a mobile "
  "carrier."""

from __future__ import annotations

from models.audit.synthetic.grammar import Domain

HELPDESK = Domain(
    name="helpdesk",
    systems=("You are the internal IT helpdesk bot of {Fernway Ltd|Quarry Labs|Halden Group}. "
             "{Give exact steps.|Escalate hardware faults.|Stay factual.}",),
    slots={
        "product": ("laptop", "VPN client", "email account", "printer", "docking station",
                    "password manager", "shared drive", "video call app", "badge reader"),
        "symptom": ("keeps disconnecting", "asks for my password again and again", "will not start",
                    "shows error 0x80070005", "is extremely slow", "prints blank pages",
                    "lost all my settings"),
        "action": ("reset", "reinstall", "update", "unlock", "reconnect", "replace", "re-enrol"),
        "os": ("Windows 11", "macOS", "Ubuntu", "ChromeOS"),
        "team": ("the service desk", "the network team", "facilities", "the security team"),
    },
    questions=(
        ("fault", "My [product] [symptom] {since this morning|after the update|on [os]}. "
         "{What should I try|How do I fix it|Can you help}?"),
        ("access", "How do I [action] my [product] {password|access} {from home|on [os]}?"),
        ("request", "{Can I get|I need} a new [product] {because mine|as the old one} "
                    "[symptom]{.|?}"),
        ("fault", "{The|Our} [product] in the [city] office [symptom]{.| for the whole team.}"),
        ("access", "I {was locked out of|cannot open} the [product] after {travelling|changing "
         "my password|my holiday}{.|, ticket [ref].}"),
        ("request", "Who {handles|approves} requests for a [product] {upgrade|replacement}?"),
    ),
    answers=(
        "{First|To start}, {restart|reboot} the [product] and {check|confirm} it is on the "
        "{latest|current} version.",
        "{If it still|When it still} [symptom], {[action] it|try to [action] it} from the "
        "{Software Center|self-service portal}.",
        "{Password resets|Unlocks} {are done|happen} at {the self-service portal|the reset page} "
        "{with|using} your {phone|authenticator app}.",
        "{Hardware faults|Broken devices} go to [team], {who|and they} {reply|answer} within "
        "{one working day|a few hours}.",
        "{On|For} [os], {open|use} the {system settings|control panel} to {re-add|reconnect} "
        "the [product].",
        "{Replacements|New devices} need {your manager's approval|a cost centre} {in|on} the "
        "request form.",
        "{Please|Kindly} {include|add} the {error message|exact error} {when|if} you open a "
        "ticket.",
        "[team] {is aware|knows} of {an outage|a problem} {affecting|hitting} the [product] "
        "{today|this week}.",
        "{Your|The} files on the shared drive {are backed up|stay safe} {every night|daily}.",
        "{Try|Consider} a {wired connection|different network} to {rule out|exclude} Wi-Fi issues.",
    ),
    summaries=(
        "An employee reports that their [product] [symptom].",
        "The user asks how to [action] access to the [product].",
        "A request for a {new|replacement} [product].",
    ),
)

FITNESS = Domain(
    name="fitness",
    systems=("You are the coach assistant in the {Stridefit|Pulse Path|Corewell} app. "
             "{Be encouraging but careful.|Never give medical diagnoses.}",),
    slots={
        "product": ("running plan", "strength programme", "step goal", "sleep tracker",
                    "heart-rate zones", "meal log", "yoga series", "cycling plan", "smartwatch "
                                                                                   "sync"),
        "goal": ("run a 10k", "lose a few kilos", "sleep better", "build core strength",
                 "improve my pace", "train for a half marathon", "stretch every day"),
        "pain": ("sore knees", "a stiff back", "tight hamstrings", "shin pain", "tired legs"),
        "device": ("Garmin watch", "Apple Watch", "Fitbit", "Android phone", "chest strap"),
    },
    questions=(
        ("plan", "Which [product] {should I pick|fits best} if I want to [goal] {in|within} [n] "
                 "weeks?"),
        ("injury", "I get [pain] after {my runs|training|the [product]}. {Should I stop|Is that "
         "normal|What do you suggest}?"),
        ("sync", "My [device] {does not sync|stopped syncing} with the [product]{.|since [day].} "
         "{Fix?|Any ideas?|What can I do?}"),
        ("plan", "How many {days a week|sessions} {should I|do I need to} train to [goal]?"),
        ("account", "{Can I|How do I} {pause|cancel} my {subscription|membership} {and keep|"
         "without losing} my [product] history?"),
        ("sync", "Why {does|do} the [product] {numbers|stats} differ from my [device]?"),
    ),
    answers=(
        "The [product] {suits|works well for} people who want to [goal].",
        "{Start with|Begin with} [n] {sessions|workouts} a week and add one {every|each} "
        "{fortnight|two weeks}.",
        "{If|When} you feel [pain], {rest for|take} {a day|two days} and {lower|reduce} the "
        "intensity.",
        "{Persistent|Lasting} pain {is a reason|means you should} to {see|talk to} a "
        "{physiotherapist|doctor}.",
        "{Reconnect|Re-pair} the [device] {in|under} {Settings > Devices|the Connections tab} and "
        "{allow|grant} background access.",
        "{Data from|Numbers from} the [device] {can take|may need} {a few minutes|up to an hour} "
        "to {appear|show up}.",
        "{Different|Separate} devices {estimate|measure} {calories|distance} {differently|with "
        "their own formulas}.",
        "{Pausing|A pause} keeps your history and [product] {for up to|during} [n] months.",
        "{Warm up|Do a warm-up} for {ten|five} minutes {before|ahead of} each [product] session.",
        "{Sleep|Rest} and {hydration|water} matter as much as the {training|workouts} {themselves|"
        "alone}.",
    ),
    summaries=(
        "The user wants a [product] to [goal].",
        "The member reports [pain] and asks whether to keep training.",
        "A [device] is not syncing with the [product].",
    ),
)

INSURANCE = Domain(
    name="insurance",
    systems=("You assist policyholders of {Evergreen Mutual|Sentry Home|Blue Harbor Insurance}. "
             "{Quote policy terms carefully.|Do not promise claim outcomes.}",),
    slots={
        "product": ("home policy", "contents cover", "buildings insurance", "renters policy",
                    "accidental damage cover", "landlord policy"),
        "event": ("a burst pipe", "a break-in", "storm damage", "a kitchen fire", "a flooded "
                  "basement", "a cracked window", "a stolen bike"),
        "doc": ("photos of the damage", "a police report", "repair quotes", "receipts",
                "the policy number", "a loss adjuster report"),
        "excess": ("250 euros", "100 euros", "500 euros", "the standard excess"),
    },
    questions=(
        ("claim", "We had [event] {last night|on [day]|this weekend}. {How do I claim|Is it "
         "covered|What happens now} on my [product]?"),
        ("documents", "What {documents|proof} do I need to claim for [event]{?| under my "
                      "[product]?}"),
        ("cover", "Does my [product] cover [event]{?| if I am away for [n] weeks?}"),
        ("billing", "{Why did|How come} my [product] premium {go up|rise} {this year|at renewal}?"),
        ("claim", "{How long|How many days} does a claim for [event] take {to settle|to be paid}?"),
        ("cover", "{Is|Am} I {covered|insured} for [event] {while renting|as a tenant} {in|near} "
                  "[city]?"),
    ),
    answers=(
        "{Claims|Claims for [event]} can be {filed|started} online {or|and} by phone {any "
        "time|24/7}.",
        "{Please|You should} {send|upload} [doc] {with|alongside} the claim form.",
        "[event] {is covered|falls} under the [product] {unless|except when} it {results from|"
        "comes from} {poor maintenance|gradual wear}.",
        "The [product] {has|carries} an excess of [excess] {per claim|for each claim}.",
        "{Most|Typical} claims {are settled|get paid} within [n] weeks {after|once} we "
        "{receive|get} [doc].",
        "{Premiums|Prices} {follow|reflect} {local risk|claims in your area} and {rebuild costs|"
        "repair prices}.",
        "{Prevent further damage|Limit the damage} {if it is safe|where safe}, for example by "
        "{turning off the water|covering the window}.",
        "{A loss adjuster|An assessor} may {visit|inspect the property} {for|if} the claim "
        "{is large|exceeds [big] euros}.",
        "{Cover|Protection} {continues|stays in force} {while|when} the home is empty for up to "
        "[n] {weeks|days}.",
    ),
    summaries=(
        "A policyholder reports [event] and asks about a claim on their [product].",
        "The customer asks which documents a claim for [event] needs.",
        "The customer asks whether the [product] covers [event].",
    ),
)

TELECOM = Domain(
    name="telecom",
    systems=("You are the customer assistant of {Ripple Mobile|Vantel|Skylink}. "
             "{Answer in plain language.|Mention plan names exactly.}",),
    slots={
        "product": ("SIM-only plan", "family plan", "prepaid SIM", "fibre broadband", "eSIM",
                    "roaming pass", "data add-on", "home router"),
        "problem": ("no signal", "slow data", "dropped calls", "a bill that is too high",
                    "roaming charges", "the router blinking red", "no internet"),
        "amount": ("10 GB", "unlimited data", "25 GB", "5 GB"),
        "country": ("Spain", "Canada", "Japan", "Morocco", "Brazil", "Norway", "Turkey"),
    },
    questions=(
        ("fault", "I have [problem] {at home|in [city]|since [day]}. {Can you check|What is "
         "wrong|Is there an outage}?"),
        ("roaming", "Does my [product] work in [country]{?| and what does it cost?}"),
        ("billing", "Why is {my bill|this month's bill} {higher|so high}{?| after using the "
                    "[product]?}"),
        ("plan", "{Can I|How do I} {switch|move} to a [product] with [amount]{?| before my "
                 "contract ends?}"),
        ("setup", "How do I {activate|set up} {an|the} [product] on my {phone|new phone}?"),
        ("fault", "{The|My} [product] {shows|has} [problem]{.| every evening.} {Help|Please "
                  "advise}."),
    ),
    answers=(
        "{We see|There is} no {outage|known fault} {near|around} [city] {right now|today}.",
        "{Restart|Power-cycle} the {phone|router} and {check|make sure} mobile data is "
        "{on|enabled}.",
        "{Roaming in|Using your plan in} [country] {costs|is charged at} {a daily rate|[n] euros a "
        "day} {unless|except with} a roaming pass.",
        "{Bills|Charges} {rise|go up} when {usage|data} {exceeds|passes} the [amount] in your "
        "plan.",
        "{You can|It is possible to} {switch|upgrade} to a [product] {any time|at any point} "
        "{in|from} the app.",
        "{An|The} [product] {is activated|gets activated} by {scanning|reading} the QR code "
        "{in|from} your welcome email.",
        "{A red light|Red blinking} on the router {means|indicates} {no line signal|a line fault}; "
        "{we can|an engineer can} test it remotely.",
        "{Early upgrades|Switching early} {may|can} {carry|include} a fee of [n] euros.",
        "{Data add-ons|Extra data} {renew|reset} {every month|on your bill date}.",
    ),
    summaries=(
        "The customer reports [problem] and asks for help.",
        "The customer asks about using the [product] in [country].",
        "A question about a higher bill on the [product].",
    ),
)
