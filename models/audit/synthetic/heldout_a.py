"""Held-out phrasebook, part one (never used to choose a threshold): a veterinary clinic, game
support, parcel logistics, an energy supplier."""

from __future__ import annotations

from models.audit.synthetic.grammar import Domain

VET = Domain(
    name="vet",
    systems=("This assistant answers owners for {Willow Vets|Paws & Claws Clinic|Riverbend Animal "
             "Hospital}; {it never diagnoses.|it books and explains.}",),
    slots={
        "product": ("puppy vaccination", "dental clean", "neutering", "annual check-up",
                    "flea treatment", "microchip", "x-ray", "blood test", "nail trim"),
        "pet": ("dog", "cat", "rabbit", "kitten", "older dog", "guinea pig", "parrot"),
        "sign": ("is not eating", "is limping", "keeps scratching", "has been sick twice",
                 "is drinking a lot", "seems very tired", "has a swollen paw"),
        "price": ("45 pounds", "120 pounds", "a fixed fee", "80 pounds"),
    },
    questions=(
        ("symptom", "Our [pet] [sign] {since yesterday|for two days|after the walk} - should we "
         "{come in|worry|book a visit}?"),
        ("booking", "Could you {book|schedule} a [product] for our [pet] {next [day]|this week|"
         "after [time]}?"),
        ("price", "What would a [product] {cost|set us back} for a [pet]{?| roughly?}"),
        ("aftercare", "After the [product] our [pet] [sign]. Is that {expected|a concern}?"),
        ("booking", "{We need|Need} to move the [product] appointment {to|until} [day]{, "
                    "thanks.|.}"),
    ),
    answers=(
        "A [product] for a [pet] {is|costs} [price] {including|with} the consultation.",
        "If your [pet] [sign] for more than a day, {ring|phone} the clinic {so a vet can|and a "
        "nurse will} {assess it|advise}.",
        "{Mild|Slight} tiredness after a [product] {usually passes|normally fades} {within|in} "
        "[n] hours.",
        "Appointments {can be|are} {moved|rebooked} {through the portal|at reception} {free of "
        "charge|at no cost} up to [n] hours before.",
        "{Bring|Please bring} the [pet]'s vaccination card {to|for} the [product].",
        "{Out of hours|At night}, the {emergency line|partner hospital} in [city] {takes over|"
        "handles calls}.",
        "{Keep|Leave} water {available|out} but {hold back|skip} food for [n] hours {before|ahead "
        "of} "
        "the [product].",
        "{Our nurses|The nursing team} {run|hold} free check-ins {every|each} [day].",
    ),
    summaries=(
        "An owner reports that their [pet] [sign].",
        "A request to book a [product] for a [pet].",
        "The owner asks about the price of a [product].",
    ),
)

GAMES = Domain(
    name="games",
    systems=("Support persona for the {Starforge|Mossland|Pixel Rally} game; {players expect "
             "quick fixes.|link no external sites.}",),
    slots={
        "product": ("season pass", "gem bundle", "cloud save", "ranked mode", "friends list",
                    "character skin", "controller setup", "voice chat", "battle pass"),
        "platform": ("PS5", "Xbox", "Switch", "PC", "Steam Deck", "iPhone"),
        "bug": ("crashes on launch", "freezes at the loading screen", "lost my progress",
                "will not connect", "shows error code 4012", "stutters in matches"),
        "currency": ("gems", "coins", "credits", "crystals"),
    },
    questions=(
        ("bug", "The game [bug] on [platform] {ever since the patch|since [day]}. Anyone {else|"
         "seeing this}?"),
        ("purchase", "Bought the [product] {but|and yet} never got my [currency] on "
                     "[platform]{.|!}"),
        ("account", "{Can|How can} I move my [product] from [platform] to another console?"),
        ("bug", "[product] [bug] {every time|whenever} I {join a match|open it}{.|, build [ref].}"),
        ("purchase", "{Is there|Any} refund {for|on} a [product] I bought by mistake?"),
    ),
    answers=(
        "{Restart|Close} the game {fully|completely} and {verify|repair} the files {from|in} the "
        "[platform] {library|launcher}.",
        "{Missing|Undelivered} [currency] {usually|often} {arrive|show up} after {logging out and "
        "back in|a restart}.",
        "A hotfix for {players whose game|anyone whose client} [bug] {lands|goes live} on [day].",
        "{Progress|Your [product]} {syncs|transfers} between platforms once {accounts are linked|"
        "you link accounts} in {Settings|the profile menu}.",
        "{Refunds|Returns} for {digital items|the [product]} follow the [platform] store rules.",
        "{Send|Attach} the {crash log|error report} {through|via} the in-game {help button|report "
        "tool}.",
        "{Ranked|Competitive} rewards {reset|roll over} {every|each} season {after|on} [day].",
    ),
    summaries=(
        "A player on [platform] reports that the game [bug].",
        "A purchase of the [product] did not deliver [currency].",
        "The player asks about moving the [product] between platforms.",
    ),
)

PARCELS = Domain(
    name="parcels",
    systems=("Courier helpdesk of {Swiftline Parcels|Boxroute|Orbit Freight}: {state delivery "
             "windows exactly.|offer redelivery when possible.}",),
    slots={
        "product": ("parcel", "pallet", "express envelope", "international package",
                    "return label", "locker delivery", "signed-for letter"),
        "status": ("says delivered but is not here", "is stuck in customs", "was returned to "
                   "sender", "shows no update", "went to the wrong address", "was damaged"),
        "window": ("8 to 12", "12 to 18", "the evening slot", "a Saturday slot"),
        "hub": ("Rotterdam hub", "Leipzig depot", "Madrid centre", "Dublin depot"),
    },
    questions=(
        ("tracking", "Tracking for my [product] [status]{.| - order [ref].} What now?"),
        ("redelivery", "Can the [product] be {delivered again|redelivered} in [window] on [day]?"),
        ("customs", "Why does my [product] {sit|wait} at the [hub] {for|since} [n] days?"),
        ("claims", "The [product] [status]{.|!} Who {pays|is responsible}?"),
        ("redelivery", "{Could|Can} you {leave|drop} the [product] {with a neighbour|in the "
         "locker} {instead|next time}?"),
    ),
    answers=(
        "{Redelivery|A second attempt} {can be booked|is bookable} for [window] {online|in the "
        "tracking page}.",
        "{Parcels|Items} held at the [hub] {clear|are released} {once|when} duties are paid.",
        "{A|Any} [product] that [status] {is|gets} {investigated|traced} within [n] working days.",
        "{Drivers|Couriers} {leave|put} parcels {with neighbours|in lockers} {only|just} when "
        "{you allow it|the preference is set}.",
        "{Compensation|Cover} {for|on} a [product] {is|goes} up to [big] euros {unless|if not} "
        "extra cover was bought.",
        "{Photos|Proof of delivery} {are|is} {shown|visible} on the tracking page {for|within} "
        "[n] days.",
        "{Customs|Border} checks {can add|may add} [n] days {to|onto} international routes.",
    ),
    summaries=(
        "A customer reports that a [product] [status].",
        "The customer wants the [product] redelivered in [window].",
        "The sender asks why a [product] waits at the [hub].",
    ),
)

ENERGY = Domain(
    name="energy",
    systems=("Customer desk for {Brightwatt Energy|Northgrid Power|Solace Utilities}; "
             "{quote tariffs by name.|explain meter readings simply.}",),
    slots={
        "product": ("fixed tariff", "variable tariff", "smart meter", "solar export plan",
                    "heat pump tariff", "prepayment meter", "direct debit plan"),
        "issue": ("an estimated bill", "a meter that shows zero", "a high standing charge",
                  "a missed reading", "a payment taken twice", "no export credit"),
        "rate": ("24 pence per kWh", "a lower night rate", "the capped price", "15 pence per kWh"),
    },
    questions=(
        ("billing", "I received [issue] {for|on} my [product]{.|, account [ref].} {Please "
         "explain|Why}?"),
        ("tariffs", "Would a [product] be cheaper {for a small flat|for us|with an electric car}?"),
        ("meter", "How {do I|should I} submit a reading for the [product]{?| before [day]?}"),
        ("moving", "We move {house|flat} on [day] - what happens to the [product]?"),
        ("billing", "{The|Our} [product] shows [issue] {again|this month}. {Fix please|Help}."),
    ),
    answers=(
        "The [product] {charges|bills} [rate] {with|plus} a daily standing charge.",
        "{Estimated bills|Estimates} {are replaced|get corrected} {once|when} a real reading "
        "{arrives|is received}.",
        "{Readings|Meter readings} {go|can go} in {through the app|on the account page} "
        "{any day|before the fifth of the month}.",
        "{When you move|On moving day}, {take|note} a final reading and {share|send} the new "
        "address.",
        "{A|Any} payment taken twice is {refunded|returned} {within|in} [n] working days.",
        "{Smart meters|Connected meters} {send|report} readings {every half hour|daily} "
        "{automatically|without action}.",
        "{Switching|A switch} to the [product] {takes|needs} {about|roughly} [n] weeks.",
    ),
    summaries=(
        "A customer questions [issue] on the [product].",
        "The customer asks whether a [product] would save money.",
        "A household moving on [day] asks about the [product].",
    ),
)
