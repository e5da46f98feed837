"""The held-out configuration: other domains, phrasing, boilerplate and PII formats. Nothing is
tuned against it; it only checks that the figures measured on the development one carry over."""

from __future__ import annotations

from models.audit.synthetic.grammar import Phrasebook
from models.audit.synthetic.heldout_a import ENERGY, GAMES, PARCELS, VET
from models.audit.synthetic.heldout_b import GARAGE, LIBRARY, LINGO, RENTALS

HELDOUT = Phrasebook(
    name="heldout",
    domains=(VET, GAMES, PARCELS, ENERGY, LIBRARY, GARAGE, LINGO, RENTALS),
    openers=("Thanks for getting in touch.", "Great to hear from you!", "Understood.",
             "Let me explain.", "Okay [name], here goes.", "Short answer: yes.", "Glad you asked."),
    closers=("Cheers!", "Take care.", "All the best, [name].", "Talk soon.", "Hope this sorts it."),
    prefixes=("Dear team,", "Hiya!", "Question from [city]:", "Apologies for the long message.",
              "Following up on [ref].", "[name] here again.", "Urgent:", "Morning all,",
              "Not sure who to ask, so:"),
    details=("Been with you since [n] years ago.", "Noticed it [day] at about [time].",
             "Account holder is [name], if that matters.", "Booking ref [ref].",
             "Writing from [city] this week.", "{Neighbour|Sister|Colleague} had it too "
             "{recently|back in [day]'s rush}.", "Tried {twice|[n] times} already, no luck.",
             "Need an answer {before [day]|by [time]|today if possible}.",
             "Paid [big] {quid|bucks|euro} for this.", "{On mobile|Using a desktop|Via the "
             "kiosk} right now.", "First time contacting support, be gentle."),
    instructions={
        "summarize": ("Give a single-sentence gist of the text.",
                      "Summarise what the writer wants, briefly.",
                      "TL;DR the message for a colleague."),
        "classify": ("Label the message with its category.", "Return only the category name.",
                     "Category?"),
        "extract": ("Produce the ticket as a JSON object (intent, topic, reference, urgent).",
                    "Structured output only: JSON with intent, topic, reference, urgent.",
                    "Convert this message into JSON fields."),
    },
    boilerplate=(
        "Thank you so much for reaching out to us today, we truly value your continued trust "
        "and loyalty.",
        "It is always important to consult a qualified professional before making any decision "
        "based on this reply.",
        "Feel free to come back to me at any time if anything at all remains unclear after this.",
    ),
    pii_sentences=("Write to [email] with the details.", "Email: [email]",
                   "Ring me on [phone] after six.", "Tel. [phone]", "Paid with card [card].",
                   "Card number [card], expiry next year.", "Contact [email] / [phone]."),
    email_domains=("example.co.uk", "post.example.de", "users.example.io", "example.com.au"),
    phone_styles=("au", "au_local", "ie", "us_intl_dash", "us_space", "us_paren"),
    card_styles=("spaced", "amex", "dashed"),
    messy=("[product] help", "ur app broke", "no [product]??", "where [product]",
           "why charged twice", "cant login AGAIN", "need [product] today", "still nothing",
           "[product] gone", "pls fix asap", "is it down"),
    foreign=("Mon colis n'est jamais arrivé, pouvez-vous vérifier ?",
             "Ich habe zweimal bezahlt, bitte erstatten.",
             "¿Puedo cambiar la cita al viernes?",
             "Il mio gatto non mangia da ieri, cosa faccio?",
             "Minha encomenda está presa na alfândega.",
             "Kan ik mijn abonnement pauzeren?"),
)
