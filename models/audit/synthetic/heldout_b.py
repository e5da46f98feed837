"""Held-out phrasebook, part two (never used to choose a threshold): a public library, a car
repair shop, a language-learning app, a property rental agency."""

from __future__ import annotations

from models.audit.synthetic.grammar import Domain

LIBRARY = Domain(
    name="library",
    systems=("Virtual desk of the {Eastfield|Millbrook|Harborview} public library: {cite opening "
             "hours exactly.|keep a calm tone.}",),
    slots={
        "product": ("e-book loan", "library card", "room booking", "interlibrary loan",
                    "audiobook app", "reading group", "printing credit", "museum pass"),
        "branch": ("central branch", "north branch", "mobile library", "harbour branch"),
        "problem": ("is overdue", "will not download", "was charged a fine", "expired",
                    "shows the wrong due date"),
    },
    questions=(
        ("loans", "My [product] [problem] - {can you|could someone} {sort it|look into it}?"),
        ("hours", "When is the [branch] open on [day]{?| for [product] collection?}"),
        ("membership", "{How would|Can} a visitor from [city] get a [product]?"),
        ("loans", "Is it possible to {renew|extend} the [product] {one more time|for [n] days}?"),
        ("rooms", "{Could|Can} we book a room at the [branch] {for|to host} our [product]?"),
    ),
    answers=(
        "The [branch] {opens|is open} {from 9 to 18|from 10 to 16} on [day].",
        "{Loans|Items} {can be renewed|renew} [n] times {unless|if no} other reader has "
        "{reserved|requested} them.",
        "A [product] {that|which} [problem] {can|may} be {fixed|reset} at any desk {with|by "
        "showing} "
        "photo ID.",
        "{Visitors|Non-residents} {can|may} {join|register} {for free|with proof of address}.",
        "Rooms at the [branch] {are booked|get reserved} {online|through the events page} "
        "{up to|at most} [n] weeks ahead.",
        "{Fines|Late fees} {were abolished|no longer apply} {for|on} children's books.",
    ),
    summaries=(
        "A reader says their [product] [problem].",
        "A question about opening hours of the [branch].",
        "A visitor asks how to get a [product].",
    ),
)

GARAGE = Domain(
    name="garage",
    systems=("Booking assistant of {Kerbside Motors|Ironbridge Garage|Delta Auto Care}: "
             "{never quote repairs without inspection.|offer the next free slot.}",),
    slots={
        "product": ("MOT test", "brake check", "oil service", "tyre change", "air-con refill",
                    "clutch repair", "battery swap", "wheel alignment"),
        "car": ("hatchback", "diesel van", "hybrid", "estate car", "electric SUV", "old saloon"),
        "noise": ("grinding when braking", "a warning light on", "a rattle at low speed",
                  "a squeal on cold mornings", "smoke from the bonnet"),
    },
    questions=(
        ("booking", "Do you have a slot for a [product] on my [car] {this week|on [day]}?"),
        ("diagnosis", "My [car] has [noise]{.| since [day].} {Safe to drive|Should I bring it "
                      "in}?"),
        ("price", "{Ballpark|Rough} price for a [product] on a [car]{?| please?}"),
        ("booking", "Can I wait {on site|in the lounge} during the [product]{?| or drop the car "
                    "off?}"),
        ("diagnosis", "{The|Our} [car] failed because of [noise] - {can|will} you {fix|repair} "
                      "it?"),
    ),
    answers=(
        "A [product] on a [car] {takes|needs} {about|roughly} [n] hours.",
        "{With|Given} [noise], {avoid|skip} long trips {until|before} a mechanic {checks|inspects} "
        "it.",
        "{The|Our} next free slot for a [product] is on [day] at [time].",
        "{Prices|Quotes} {start at|begin at} [big] pounds {and depend|depending} on parts.",
        "{The lounge|Our waiting area} {has|offers} wifi and {coffee|drinks} {while you wait|"
        "during the work}.",
        "{Courtesy cars|Loan cars} {are|can be} {reserved|booked} {with|alongside} the [product].",
    ),
    summaries=(
        "A driver wants to book a [product] for a [car].",
        "A [car] has [noise] and the owner asks if it is safe.",
        "The customer asks for the price of a [product].",
    ),
)

LINGO = Domain(
    name="lingo",
    systems=("Study buddy inside the {Lingora|Wordwise|Polyglot Path} app; {explain grammar "
             "with one example.|stay upbeat.}",),
    slots={
        "product": ("streak", "lesson path", "speaking drill", "grammar tip", "flashcard deck",
                    "placement test", "family subscription", "offline mode"),
        "language": ("Spanish", "Japanese", "German", "Italian", "Korean", "Portuguese", "Dutch"),
        "level": ("beginner", "A2", "B1", "intermediate", "advanced"),
    },
    questions=(
        ("progress", "I lost my [product] after [n] days of [language] - {can it be restored|any "
         "way back}?"),
        ("learning", "What should a [level] learner of [language] {focus on|practise} "
                     "{first|next}?"),
        ("account", "{Does|Can} the [product] work {for two people|without internet}?"),
        ("learning", "Is the [product] {useful|worth it} at [level] level{?| for [language]?}"),
        ("progress", "The [product] for [language] {will not open|keeps resetting}{.|!} Help."),
    ),
    answers=(
        "{A|Your} [product] {can be|is} restored once {a month|per month} {from|in} the profile "
        "page.",
        "At [level] level, {daily|short} {speaking drills|listening sessions} {help most|pay off "
        "fastest}.",
        "{The|A} [product] {covers|includes} {up to|at most} [n] {learners|profiles}.",
        "{Offline lessons|Downloaded lessons} {sync|upload} {progress|results} {when|once} you "
        "are back online.",
        "{Try|Do} the placement test {again|once more} {if|when} {lessons feel|the path feels} "
        "too {easy|hard}.",
        "{Reinstalling|Updating} the app {usually|often} {fixes|solves} a [product] that {does not "
        "open|resets}.",
    ),
    summaries=(
        "A [language] learner lost their [product].",
        "A [level] learner asks what to practise in [language].",
        "A question about what the [product] includes.",
    ),
)

RENTALS = Domain(
    name="rentals",
    systems=("Tenant line of {Keystone Lettings|Oakhurst Homes|Meridian Rentals}: {log repairs "
             "with a priority.|refer legal questions to an adviser.}",),
    slots={
        "product": ("deposit", "tenancy renewal", "repair request", "rent payment", "inventory",
                    "key handover", "pet request", "parking permit"),
        "fault": ("a leaking tap", "mould in the bathroom", "a broken boiler", "a stuck window",
                  "no hot water", "a faulty smoke alarm"),
        "period": ("28 days", "two months", "ten working days", "one month"),
    },
    questions=(
        ("repairs", "There is [fault] in the flat {since [day]|for a week}. {When will someone "
         "come|Who fixes it}?"),
        ("deposit", "When do I get my [product] back {after moving out|once the tenancy ends}?"),
        ("tenancy", "{Can|May} I {ask for|request} a [product] {before|ahead of} the lease ends?"),
        ("payments", "My [product] {bounced|failed} this month{.|, reference [ref].} What "
                     "happens?"),
        ("repairs", "{Is|Would} [fault] {count as|be} urgent?"),
    ),
    answers=(
        "{Urgent|Emergency} repairs such as [fault] {get|receive} a visit within 24 hours.",
        "{Deposits|The deposit} {are|is} returned within [period] {of|after} the final inspection.",
        "A [product] {should be|is best} requested [period] before the {end date|lease ends}.",
        "{A failed|A bounced} rent payment {is|can be} {retried|collected again} after [n] days.",
        "{Please|Kindly} {upload|send} a photo of [fault] {with|in} the repair form.",
        "{Landlord approval|Written consent} {is needed|is required} {for|before} a [product].",
    ),
    summaries=(
        "A tenant reports [fault].",
        "A tenant asks when the [product] will be returned.",
        "A question about requesting a [product].",
    ),
)
