"""Development phrasebook, part one: banking, an online store, a project-management SaaS, travel."""

from __future__ import annotations

from models.audit.synthetic.grammar import Domain

BANKING = Domain(
    name="banking",
    systems=("You are the support assistant of {Northbank|Harbor Savings|Crestline Credit Union}. "
             "{Answer briefly and accurately.|Be concise and friendly.|Keep answers short and "
             "factual.}",
             "You help {customers|members} of [bank] with {everyday banking|accounts and cards}."),
    slots={
        "bank": ("Northbank", "Harbor Savings", "Crestline Credit Union", "Kestrel Bank"),
        "product": ("debit card", "credit card", "savings account", "joint account", "mortgage",
                    "business account", "travel card", "student account", "overdraft"),
        "feature": ("standing order", "direct debit", "spending limit", "card PIN", "statement",
                    "contactless payments", "savings pot", "payee list", "travel notice"),
        "action": ("set up", "cancel", "change", "pause", "find", "update", "remove", "check"),
        "merchant": ("a petrol station", "the supermarket", "an online shop", "a hotel",
                     "a ticket machine", "a pharmacy", "the airport", "a cafe"),
        "place": ("the Cards tab", "Settings > Security", "the Payments menu", "the Accounts page",
                  "More > Help", "the statements section"),
        "days": ("two working days", "three to five working days", "24 hours", "one week"),
    },
    questions=(
        ("card_issue", "{My|The} [product] {was declined|got declined|keeps getting declined} at "
         "[merchant] {this morning|yesterday|twice today}. {What can I do|How do I fix this|Why}?"),
        ("settings", "How {do I|can I|would I} [action] a [feature] {in the app|online|from my "
                     "phone}?"),
        ("fees", "{Is there a fee|Do you charge anything|What does it cost} to [action] the "
         "[feature] on my [product]{| while abroad| in [city]}?"),
        ("account_access", "I {can't|cannot|am unable to} log in to {online banking|the app} "
         "since [day]{ and I need to pay rent| and my salary arrives soon|}. {Help?|What now?|Any "
         "idea?}"),
        ("fraud", "There is a payment of [big] euros on my [product] {that I did not make|I don't "
         "recognise|from a shop I never visited}. {What should I do|Can you stop it|Is my money "
         "safe}?"),
        ("transfer", "How long {does|will} a transfer to [city] {take|need} {from|with} my "
                     "[product]?"),
        ("settings", "Can I [action] the [feature] for my [product] without {visiting a branch|"
         "calling you|a new card}?"),
    ),
    answers=(
        "You can [action] the [feature] in [place] {after logging in|once you are signed in}.",
        "{Open|Go to} [place], {choose|select|tap} your [product] and {pick|press} [feature].",
        "{Changes|Updates} {usually|normally} take effect within [days].",
        "If the {payment|charge} {looks wrong|is not yours}, {freeze|lock} the card in [place] "
        "{first|straight away}.",
        "We {never|will never} ask for your full PIN {by email|over the phone|in a message}.",
        "{Fees for|Charges on} the [product] are listed {on the tariff page|in your contract}.",
        "{Declines|Refusals} at [merchant] often {come from|are caused by} the [feature] "
        "{being too low|blocking the merchant}.",
        "{A|One} [feature] can be {edited|changed} up to {the day before|[n] days before} it runs.",
        "{If you still|Should you still} {cannot|can't} log in, {reset your password|request a "
        "new code} from the {sign-in screen|login page}.",
        "{International|Foreign} transfers {take|need} [days] {and|while} local ones {arrive|land} "
        "{the same day|within hours}.",
        "For your {safety|protection}, {we may|the bank may} {hold|pause} {unusual|large} payments "
        "for a short review.",
        "{Our|The} {support line|help team} in [city] {is open|answers} {until|till} [time].",
        "You {will|'ll} get a {notification|text alert} once the [feature] is {active|in place}.",
        "{Keep|Save} the {reference|confirmation} [ref] in case you need to {follow up|chase it}.",
    ),
    summaries=(
        "The customer {asks|wants to know} how to [action] a [feature] on their [product].",
        "A {declined|blocked} [product] payment at [merchant] needs {checking|explaining}.",
        "The customer reports a {problem|question} with their [product] and asks for next steps.",
    ),
)

STORE = Domain(
    name="store",
    systems=("You answer questions for {Brightcart|Maple & Co|Urbanshelf}, an online store. "
             "{Be polite and precise.|Stay on topic.|Give practical steps.}",
             "You are a {friendly|helpful} shopping assistant for [shop]."),
    slots={
        "shop": ("Brightcart", "Maple & Co", "Urbanshelf", "Nordic Home"),
        "product": ("running shoes", "winter jacket", "coffee grinder", "desk lamp", "yoga mat",
                    "bluetooth speaker", "phone case", "office chair", "backpack", "kettle"),
        "issue": ("arrived damaged", "is the wrong size", "never arrived", "stopped working",
                  "is missing a part", "looks different from the photos", "arrived late"),
        "option": ("a refund", "an exchange", "store credit", "a replacement", "a repair"),
        "carrier": ("DHL", "UPS", "the postal service", "our courier", "DPD"),
        "days": ("14 days", "30 days", "five working days", "a week"),
    },
    questions=(
        ("returns", "{My|The} [product] [issue]. Can I get [option]{?| please?| instead?}"),
        ("shipping", "{Where is|What happened to} my [product]? {It was|The order was} "
         "{sent|shipped} with [carrier] on [day]{.| and tracking has not moved.}"),
        ("returns", "How many days do I have to return {a|the} [product] {bought on sale|I got as "
         "a gift|ordered last month}?"),
        ("product_info", "Does the [product] {come in other colours|have a warranty|fit in a "
         "small {flat|apartment}}{?| at all?}"),
        ("payment", "{Can I|Is it possible to} pay for the [product] {in instalments|with a gift "
         "card|by bank transfer}?"),
        ("shipping", "Do you deliver to [city] and how {long|many days} does it take{?| for a "
                     "[product]?}"),
        ("returns", "I {was charged twice|paid twice} for {one|a} [product]{.|, order [ref].} "
         "{Please fix it|What now}?"),
    ),
    answers=(
        "Items can be returned within [days] of delivery {for|to get} [option].",
        "{Please|Kindly} {start|open} the return from {your orders page|the order details} "
        "and {print|download} the label.",
        "{Once|As soon as} the [product] reaches {our warehouse|us}, [option] is "
        "{issued|processed} "
        "within [days].",
        "[carrier] {updates|refreshes} tracking {once a day|every few hours}, so {a pause|a gap} "
        "is {normal|not unusual}.",
        "If the parcel {has not moved|is stuck} for [days], we {open an investigation|contact "
        "[carrier]} {for you|on your behalf}.",
        "{Damaged|Broken} items {qualify for|get} [option] {without|with no} return shipping cost.",
        "{The|Our} [product] {comes with|carries} a {one-year|two-year} warranty {from the day "
        "of purchase|from delivery}.",
        "{Double charges|Duplicate payments} {usually|normally} {drop off|disappear} from the "
        "statement {within|after} [days].",
        "{Delivery to|Shipping to} [city] {takes|needs} {about|roughly} [days] {with|via} "
        "[carrier].",
        "{Instalment plans|Split payments} are {offered|available} {at checkout|on the payment "
        "page} for orders over [big] euros.",
        "You {can|may} {add|attach} photos of the [product] to {speed up|support} the claim.",
        "{Gift cards|Vouchers} {can|cannot} be {combined|mixed} with {other discounts|sale "
        "prices}.",
    ),
    summaries=(
        "A customer {asks for|requests} [option] because the [product] [issue].",
        "The shopper wants {an update on|to track} a [product] shipped with [carrier].",
        "The customer asks about {paying|payment options} for a [product].",
    ),
)

SAAS = Domain(
    name="saas",
    systems=("You are the in-app helper of {Taskline|Orbitboard|Plankit}, a project management "
             "tool. {Prefer step-by-step answers.|Mention menu paths.|Keep it short.}",),
    slots={
        "tool": ("Taskline", "Orbitboard", "Plankit"),
        "product": ("board", "sprint", "workspace", "timeline view", "task template", "dashboard",
                    "automation rule", "guest account", "integration"),
        "action": ("archive", "duplicate", "share", "export", "rename", "restore", "lock", "merge"),
        "plan": ("Free plan", "Team plan", "Business plan", "Enterprise plan"),
        "app": ("Slack", "Google Drive", "GitHub", "Outlook", "Zapier", "Jira"),
        "role": ("admin", "member", "guest", "owner", "viewer"),
    },
    questions=(
        ("how_to", "How {do I|can I} [action] a [product] in [tool]{?| without losing comments?}"),
        ("billing", "{Does|Will} the [plan] {include|let me use} the [app] integration{?| for my "
                    "team?}"),
        ("permissions", "Why can't a [role] [action] the [product]{?| we share with [app]?}"),
        ("bug", "The [product] {does not load|shows a blank page|is very slow} since {the update|"
         "[day]}{.|, version [ref].} {Is this known|Any workaround}?"),
        ("billing", "{How do I|Can I} {downgrade|move} from the [plan] {mid-month|before "
                    "renewal}?"),
        ("how_to", "Is there a way to [action] {every|each} [product] {at once|in bulk}?"),
    ),
    answers=(
        "{Open|Go to} the [product], click the {three-dot menu|More button} and choose [action].",
        "The [app] integration {is part of|comes with} the [plan] and {above|higher tiers}.",
        "Only an [role] {can|is allowed to} [action] a [product] {by default|unless settings "
        "change}.",
        "{Workspace owners|Admins} {can change|adjust} this under {Settings > Permissions|"
        "Members > Roles}.",
        "{A fix|The fix} for the [product] {loading issue|blank page} {is rolling out|ships} this "
        "week.",
        "{Meanwhile|In the meantime}, {clearing the cache|reloading without extensions} "
        "{often helps|usually works}.",
        "{Downgrades|Plan changes} take effect at the {end of the billing period|next renewal}.",
        "{Bulk actions|Batch edits} are {available|possible} from the list view {with|using} "
        "{shift-click|the select-all box}.",
        "{Archived|Removed} items stay {recoverable|in the trash} for [big] days.",
        "You {can|could} also {automate|schedule} this with an automation rule {in|from} [app].",
        "{Comments and files|Attachments and history} {are kept|stay intact} when you [action] "
        "a [product].",
    ),
    summaries=(
        "A user asks how to [action] a [product] in [tool].",
        "A [role] reports that a [product] {does not load|is broken} after an update.",
        "The team asks what the [plan] includes.",
    ),
)

TRAVEL = Domain(
    name="travel",
    systems=("You are a travel support agent for {Skyvale Air|Northwind Trips|Coastal Rail}. "
             "{Answer with the relevant policy.|Be reassuring and exact.}",),
    slots={
        "product": ("flight", "hotel booking", "train ticket", "car rental", "ferry crossing",
                    "package holiday", "return ticket"),
        "change": ("change the date", "add a bag", "cancel", "upgrade my seat", "add a passenger",
                   "change the name", "get a refund"),
        "reason": ("a family emergency", "a strike", "illness", "a missed connection",
                   "bad weather", "a visa delay"),
        "fee": ("35 euros", "no fee", "the fare difference", "50 euros per passenger"),
        "hours": ("24 hours", "48 hours", "two hours", "three days"),
    },
    questions=(
        ("changes", "Can I [change] on my [product] to [city]{?| next [day]?| booked last week?}"),
        ("refunds", "My [product] {was cancelled|got cancelled} because of [reason]. {Am I owed "
         "money|What are my options|Can I rebook}?"),
        ("baggage", "How {much|heavy} {luggage|baggage} can I bring on a [product] {to|from} "
                    "[city]?"),
        ("changes", "{Is it too late|Can I still} [change] {if|when} the [product] {leaves|starts} "
         "in [hours]?"),
        ("checkin", "When does check-in open for my [product] {on [day]|from [city]}{?| and can I "
                    "do it online?}"),
        ("refunds", "{I booked|We booked} a [product] but {cannot travel|have to cancel} due to "
         "[reason]. {Refund?|Is there a refund?|What happens now?}"),
    ),
    answers=(
        "You can [change] {up to|until} [hours] before departure {for|with} [fee].",
        "{Cancellations caused by|Disruptions from} [reason] {are covered|qualify} for a full "
        "refund or {free rebooking|a new date}.",
        "{Online check-in|Web check-in} opens [hours] before the [product] {leaves|departs}.",
        "{Each passenger|Every traveller} may bring one cabin bag {up to|of at most} [n] kg.",
        "{Refunds|Repayments} go back to the original payment method {within|in} [n] days.",
        "{Please|Simply} {use|open} {Manage booking|My trips} and enter your booking reference.",
        "{If|When} the change is {less than|under} [hours] {away|before departure}, call the "
        "{service desk|help line} {instead|directly}.",
        "{Extra bags|Additional luggage} {cost|are charged at} [fee] when added {online|in "
        "advance}.",
        "{Vouchers|Travel credits} {stay valid|can be used} for [n] months {from issue|after "
        "cancellation}.",
        "{Keep|Save} {receipts|invoices} for {meals|hotels} during {delays|the disruption}; "
        "{they can be|these are} {reimbursed|claimed}.",
    ),
    summaries=(
        "The traveller wants to [change] on a [product].",
        "A [product] was cancelled due to [reason] and the customer asks about refunds.",
        "The customer asks about {baggage|luggage} rules for a [product].",
    ),
)
