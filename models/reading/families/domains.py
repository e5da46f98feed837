"""risk_domain: the vocabulary of each high-stakes domain, and explicit low-stakes statements.

The domain is that of the outputs and their consequences (data README). Firm words name the
domain's own objects or acts (a diagnosis, a loan, a clause, a CVE, a wallet); hints are words
the domain shares with everyday talk ("claims", "contract", "incident", "tokens"). Who sponsors
the project ("the legal team", "a health-tech company") is not evidence: those phrases are
excluded by the patterns. `general` needs the text to say the stakes are low.
"""

from __future__ import annotations

from models.reading.cueing import FIRM, HINT, NAMED, Rule, rules_of

FIELD = "risk_domain"
# "account health", "code health": a metaphor, not medicine.
_NOT_METAPHOR = (r"(?<!account )(?<!customer )(?<!code )(?<!codebase )(?<!system )"
                 r"(?<!portfolio )(?<!brand )(?<!pipeline )(?<!server )(?<!cluster )"
                 r"(?<!financial )(?<!business )")
_NOT_SPONSOR = r"(?! (?:team|department|dept|got|signed|approved|asked|wants|is sponsoring))"

# Phrases that name what the outputs decide or explain (a premium change, a privilege call, what
# a regulator allows) or that they stay clear of the risky topic: no topic word, the fact itself.
NAMED_TABLE: tuple[tuple[str, float, str], ...] = (
    ("finance", NAMED,
     r"bookkeeping|annual accounts|chart of accounts|financial statements|"
     r"premium (?:moved|changed|changes|went up|goes up)|why the premium"),
    ("legal", NAMED,
     r"privileged|privilege (?:review|logs?)|e-?discovery|ombudsman|"
     r"(?:customs|import|export) declarations?|(?:eu|uk|us|federal|state|national) (?:rules|"
     r"regulations?|law|directives?)|regulators? (?:doesn'?t|does not|won'?t|wouldn'?t) allow|"
     r"(?:allowed|permitted|prohibited|banned|forbidden) by (?:the |our )?regulators?"),
    ("general", NAMED,
     r"(?:carry|carries|has|have|with) no (?:regulatory|customer|legal|financial|safety) "
     r"(?:or (?:regulatory|customer|legal|financial|safety) )?(?:impact|risk|consequences?)|"
     r"nothing (?:clinical|medical|legal|financial)(?: at all)?|no (?:medical|clinical|legal|"
     r"financial|health) (?:questions|advice|content|topics)(?: at all)?|nobody (?:is going to|"
     r"will|would) lose (?:money|health|their)|(?:never|doesn'?t|does not|won'?t|will not) "
     r"(?:discuss|answer|give|touch|handle) (?:them|those|any (?:medical|clinical|legal|"
     r"financial))"),
)

TABLE: tuple[tuple[str, float, str], ...] = (
    ("health", FIRM,
     r"patients?|pt-facing|clinic(?:al|ally|ians?)|diagnos[ei]s|diagnos(?:e|es|ed|ing|tic)|"
     r"medications?|medicines?|meds|dosages?|dos(?:e|es|ing)|prescri(?:be|bes|bed|ption|ptions)|"
     r"symptoms?|icd-?1[01]|snomed|cpt codes?|nurses?|nursing|physicians?|doctors?|gp|gp's|"
     r"drugs?|"
     r"pharmacists?|side[- ]effects?|adverse[- ]events?|"
     r"discharge (?:letters?|summar(?:y|ies)|notes?)|radiolog\w*|patholog\w*|lab results|"
     r"medical|healthcare|health ?care|health records?|ehr|emr|fhir|care homes?|"
     r"therap(?:y|ies|ists?)|physio\w*|mental[- ]health|telehealth|insulin|"
     r"diabet\w*|oncolog\w*|cardio\w*|vaccin\w*|drugs? (?:interactions?|formular(?:y|ies))|"
     r"formular(?:y|ies)|triage (?:nurses?|protocol)|soap notes?|care plans?|carers?|"
     r"surgery|surgical|surgeons?|midwi\w*|allerg(?:y|ies|ens?)|contraindicat\w*|"
     r"underwriting (?:medical|health)|medical underwriting"),
    # who runs the project (a hospital, a pharmacy, a dental chain) is not what the outputs are
    ("health", HINT, r"hospitals?|wards?|pharmac(?:y|ies)|dental|dentists?|clinics?"),
    ("health", HINT, _NOT_METAPHOR +
     r"health(?!-tech| tech| ?insurance| ?checks?| ?status| ?scores?| ?of the)|"
     r"wellbeing|well-being|fitness"),
    ("finance", FIRM,
     r"loans?|lending|lenders?|borrowers?|credit (?:scores?|limits?|cards?|decisions?|risk|"
     r"checks?|lines?|union)|creditworth\w*|mortgages?|invest(?:ment|ments|ing)|"
     r"portfolios?|trading|traders?|brokerage|securities|equities|bonds|pensions?|"
     r"annuit(?:y|ies)|tax(?:es)?(?! ids?)|taxable|vat returns?|anti-money|"
     r"money laundering|sanctions? screening|fraud\w*|underwrit(?:e|es|ing|ers?)|"
     r"insurance claims?|premiums|(?:insurance|monthly|annual) premium|premium (?:went|goes|"
     r"increase\w*|calculation|rises?)|policyholders?|insurers?|actuar\w*|banking|"
     r"bank (?:accounts?|statements?|transfers?|details)|"
     r"chargebacks?|card payments?|payments? (?:disputes?|fails?|declined)|declined payments?|"
     r"wealth|financial (?:advice|products?|decisions?|consequences)|fx|forex|"
     r"exchange rates?|interest rates?|overdrafts?|repayments?|instal?lments?|"
     r"buy[- ]now[- ]pay[- ]later|bnpl|fintech|suitability|ledgers?|compounding|"
     r"compound interest|claims? (?:is |are )?covered|coverage decisions?|"
     r"accounts? payable|accounts? receivable|invoic(?:e|es|ing) fraud|stock (?:px|prices?)|"
     r"share prices?|dividends?|payouts?|claims? (?:payouts?|decisions?|handling|adjust\w*)|"
     r"(?:pay|paid|decline|declined|covered)(?: or| and|,)? (?:refer(?:red)?|decline[d]?|not)"),
    ("finance", HINT, r"investors?|kyc|aml|"
     r"payments?|claims?|fees?|money|accounting|accountants?|reconcil\w*|"
                      r"financ(?:e|es|ial)" + _NOT_SPONSOR),
    ("legal", FIRM,
     r"clauses?|statut(?:e|es|ory)|legal (?:advice|advise|questions?|obligations?|"
     r"documents?|research|risk|review|opinions?)|legally|lawyers?|lawers?|attorneys?|"
     r"legal counsel|paralegals?|regulators? (?:audit|review|inspect|check|fine)\w*|"
     r"court (?:filings?|judgments?|rulings?|cases?|service|orders?|"
     r"deadlines?)|in court|litigation|case law|legislation|regulations|"
     r"complian(?:ce|t)(?! team| department| officers?)|comply|complies|gdpr|ccpa|hipaa|"
     r"data subject|dsars?|ndas?|msas?|contract (?:review|clauses?|terms|analysis|drafting)|"
     r"(?:supplier|employment|customer|commercial|rental|tenancy) (?:contracts?|agreements?)|"
     r"tenancy|landlords?|evictions?|immigration|asylum|liabilit(?:y|ies)|indemnit\w*|"
     r"governing law|housing benefits?|benefits? (?:claims?|entitlement|eligibility|appeals?)|"
     r"welfare|lease (?:obligations|terms|agreements?)|"
     r"jurisdictions?|patents?|trademarks?|copyright|(?:employment|rental|local|consumer|"
     r"contract|company|family|criminal|tax) law|the law|laws|court filings?|"
     r"legal(?!" r" team| department| dept| got| signed| approved| asked| wants)"),
    ("legal", HINT, r"contracts?|agreements?|terms and conditions|t&cs|policy wording|rights|"
                    r"regulators?|regulatory|courts?|banks?|counsel|leases?|tenants?|visas?|appeals?|"
                    r"entitle(?:d|ment|ments)|eligib(?:le|ility)"),
    ("security", FIRM,
     r"vulnerabilit(?:y|ies)|cves?|malware|malicious|phish(?:ing|y)?|ransomware|soc|siem|edr|"
     r"identity (?:documents?|verification|checks?|proofing)|"
     r"security (?:incidents?|alerts?|analysts?|reviews?|critical|questions?|findings?)|"
     r"firewalls?|iam|access (?:requests?|decisions?|controls?|reviews?|rights)|"
     r"credentials?|secrets|threat models?|threat intel\w*|intrusions?|exploit\w*|"
     r"pen(?:etration)?[- ]?tests?|account takeovers?|identity (?:checks?|verification)|"
     r"2fa|mfa|sudoers|ssh|injection|detection rules?|indicators of compromise|"
     r"iocs?|bug bount(?:y|ies)|zero[- ]days?|attackers?|incident response|open ports?|"
     r"ports? (?:may be |are |get |is )?exposed|network (?:ports|exposure)|"
     r"(?<!social )security(?! team| department| deposits?)"),
    ("security", HINT, r"incidents?|alerts?|permissions?|access|identity|ports?|passwords?|"
                       r"threats?|attacks?|authenticat\w*"),
    ("web3", FIRM,
     r"crypto\w*|wallets?|blockchains?|on-?chain|off-?chain|defi|nfts?|smart cont\w*|"
     r"solidity|reentrancy|"
     r"daos?|ethereum|solana|bitcoin|btc|eth|usdt|usdc|stablecoins?|gas fees?|smart[- ]cont\w*|"
     r"staking|stakes? (?:tokens?|eth)|seed phrases?|dexs?|liquidity pools?|airdrops?|web3|"
     r"minting|slashing|solidity|token (?:holders?|prices?|approvals?|"
     r"lists?|swaps?|balances?)|bridges? (?:tx|transfers?|transactions?)|"
     r"bridge transfers?|chains?(?= to| between)"),
    ("web3", HINT, r"tokens?(?! (?:limit|budget|window|count)s?)|bridges?|chains?|coins?|"
                   r"exchanges?|tx|txs|transactions?|swaps?|mints?|validators?"),
    ("general", FIRM,
     r"nothing (?:serious|regulated|sensitive|clinical|critical|dangerous|risky)|"
     r"low[- ]stakes|(?:zero|no|low) stakes|the stakes are low|harmless|trivial|"
     r"no real (?:risk|harm|damage)|(?:not|no) (?:a )?big deal|nobody (?:gets|is) hurt|"
     r"no(?:body|one) gets harmed|(?:can'?t|cannot) hurt any(?:one|body)|no harm|"
     r"worst case|at worst|nothing (?:more|beyond)|nothing that can (?:hurt|harm)|"

     r"costs? (?:us )?(?:a few|a couple of|some) (?:seconds|minutes)|"
     r"none of (?:the|it|this) (?:content )?is "
     r"regulated|not regulated|unregulated|just (?:for )?fun|(?:not|isn't|is not) "
     r"(?:like )?(?:it's )?(?:medical|legal|financial) advice"),
    ("general", HINT, r"entertainment|for fun|internal trivia|no one will be harmed"),
)


def rules() -> list[Rule]:
    """The risk_domain rules."""
    return rules_of(field=FIELD, table=(*NAMED_TABLE, *TABLE))
