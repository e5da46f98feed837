"""The development configuration: the phrasing thresholds may be tuned against."""

from __future__ import annotations

from models.audit.synthetic.dev_a import BANKING, SAAS, STORE, TRAVEL
from models.audit.synthetic.dev_b import FITNESS, HELPDESK, INSURANCE, TELECOM
from models.audit.synthetic.grammar import Phrasebook

DEV = Phrasebook(
    name="dev",
    domains=(BANKING, STORE, SAAS, TRAVEL, HELPDESK, FITNESS, INSURANCE, TELECOM),
    openers=("Sure.", "Happy to help.", "Good question.", "Thanks for asking, [name].",
             "Of course.", "Right, here is how it works.", "No problem.", "Thanks for waiting."),
    closers=("Hope that helps.", "Anything else?", "Good luck!", "Let us know how it goes.",
             "Thanks, [name].", "Have a good [day]."),
    prefixes=("Hi,", "Hello there.", "Quick question:", "Hey, it's [name].", "Good morning!",
              "Sorry to bother you.", "I'm writing from [city].", "Regarding [ref]:",
              "Second time asking.", "My colleague told me to ask here."),
    details=("I have been a customer for [n] years.",
             "This started on [day] around [time].",
             "I'm using {the app on an iPhone|the website on a laptop|an Android tablet|"
             "a work PC}.",
             "My reference is [ref].", "We are based in [city].",
             "{My partner|My manager|A friend} {had the same|saw a similar} {problem|issue} "
             "{last month|in [city]}.",
             "I already {tried restarting|checked the FAQ|asked in the chat} {twice|[n] times}.",
             "It is {quite urgent|not urgent|a bit urgent} because {I travel on [day]|the "
             "deadline is [day]|it renews soon}.",
             "The last time it worked was {[day]|around [time]|[n] days ago}.",
             "[name] {suggested|recommended} I {write to|message} you.",
             "I spent [big] {euros|dollars|pounds} on it.",
             "{Sorry for my English|Excuse the typos}, I'm {on the train|in a hurry|at work}."),
    instructions={
        "summarize": ("Summarize the {customer|user} message {below|that follows} in one sentence.",
                      "Write a one-line summary of this {request|ticket}.",
                      "Condense the message into a short summary for the {queue|agent}."),
        "classify": ("Classify the intent of the message. Answer with one label.",
                     "Which intent label fits this {message|ticket}? Reply with the label only.",
                     "Assign exactly one intent label to the text."),
        "extract": ("Extract the intent, topic, reference and urgency as JSON.",
                    "Return a JSON object with the fields intent, topic, reference and urgent.",
                    "Fill the ticket fields from the message and answer in JSON."),
    },
    boilerplate=(
        "I hope this information helps and please do not hesitate to reach out if you have any "
        "other questions.",
        "As a helpful assistant I always want to make sure that you have the best possible "
        "experience with our service.",
        "Please remember that this answer is general guidance and your own situation may be "
        "different in important ways.",
    ),
    pii_sentences=("You can reach me at [email].", "My email is [email] if you need it.",
                   "Call me back on [phone] please.", "My number is [phone].",
                   "The card I used was [card].", "Charge it to [card] again.",
                   "Send the invoice to [email] and call [phone] if anything is unclear."),
    email_domains=("example.com", "mail.example.org", "inbox.test", "corp.example.net"),
    phone_styles=("us_paren", "us_dash", "us_dot", "us_intl", "uk_london", "uk_mobile", "de", "fr"),
    card_styles=("spaced", "dashed", "plain", "amex"),
    messy=("[product] not working", "cant [action] [feature]", "where is my [product]??",
           "why {so|so much} slow", "refund [product] pls", "help login", "[product] broken again",
           "how [action] {it|this}", "still waiting!!", "wrong charge [big]", "pls call me",
           "[problem] again", "is [product] down"),
    foreign=("No puedo entrar en mi cuenta desde ayer, ¿qué hago?",
             "Mein Paket ist noch nicht angekommen, wo ist es?",
             "Je voudrais annuler ma commande, est-ce possible ?",
             "A minha fatura está muito alta este mês, porquê?",
             "Non riesco a cambiare la password, mi aiutate?",
             "¿Cuánto tarda el reembolso de mi pedido?",
             "Wie kann ich meinen Vertrag kündigen?"),
)
