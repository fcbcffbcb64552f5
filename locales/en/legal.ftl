# hysbys: legal wording (English).
#
# Names of lawful bases, conditions, Schedule 1 paragraphs, safeguards and
# rights, plus the sentences the law requires a privacy notice to contain.
# Every message id here must also exist in ../cy/legal.ftl. A project can
# correct any of them by defining the same id in its own locales/en/*.ftl.
#
# References are to the UK GDPR and the Data Protection Act 2018 as amended by
# the Data (Use and Access) Act 2025.

## Statements

controller-intro = { $name } is the controller for your personal information. This means we decide how and why it is used.
joint-controllers-rights = Whatever we have agreed between us, you can use your data protection rights with any of us.
recipients-none = We do not share your information with anyone else.
recipients-internal-only = We share your information only within { $controller }.
purpose-direct-marketing = We use this information for direct marketing. You can tell us to stop at any time.
# $paragraph is the UK GDPR Annex 1 paragraph number.
purpose-annex1 = Recognised legitimate interest: UK GDPR Annex 1, paragraph { $paragraph }
ad-none = We do not make decisions about you based solely on automated processing that have legal or similarly significant effects on you.
ad-safeguards = If we make a significant decision about you based solely on automated processing, we will tell you about it. You can give us your views, ask for a person to look at the decision again, and challenge it.

## Citations
# $article is the canonical article string, for example 6(1)(e).

cite-article = UK GDPR Article { $article }
cite-annex1 = UK GDPR Annex 1, paragraph { $paragraph }
cite-schedule1 = Data Protection Act 2018, Schedule 1, Part { $part }, paragraph { $paragraph }
# Used with paragraph 36, which extends a Part 2 condition to criminal offence data.
cite-schedule1-extends = extending the condition in paragraph { $paragraph }
criminal-official-authority = Processing carried out under the control of official authority (UK GDPR Article 10)

## Lawful bases (UK GDPR Article 6(1))

basis-consent = Consent
basis-contract = Contract
basis-legal-obligation = Legal obligation
basis-vital-interests = Vital interests
basis-public-task = Public task
basis-legitimate-interests = Legitimate interests
basis-recognised-legitimate-interests = Recognised legitimate interests

## Conditions for special category data (UK GDPR Article 9(2))

special-explicit-consent = Explicit consent
special-employment-social-security = Employment, social security and social protection
special-vital-interests = Vital interests
special-not-for-profit = Activities of a not-for-profit body
special-made-public = Information you have made public
special-legal-claims = Legal claims or judicial acts
special-substantial-public-interest = Substantial public interest
special-health-social-care = Health or social care
special-public-health = Public health
special-archiving-research = Archiving, research and statistics

## Special category types (UK GDPR Article 9(1))

art9-racial-ethnic-origin = Racial or ethnic origin
art9-political-opinions = Political opinions
art9-religious-philosophical-beliefs = Religious or philosophical beliefs
art9-trade-union-membership = Trade union membership
art9-genetic = Genetic data
art9-biometric = Biometric data used to identify you
art9-health = Health
art9-sex-life = Sex life
art9-sexual-orientation = Sexual orientation

## Data Protection Act 2018, Schedule 1: the headings of paragraphs 1 to 37

# Part 1: conditions relating to employment, health and research etc
sch1-1 = Employment, social security and social protection
sch1-2 = Health or social care purposes
sch1-3 = Public health
sch1-4 = Research etc
# Part 2: substantial public interest conditions
sch1-5 = Requirement for an appropriate policy document when relying on conditions in this Part
sch1-6 = Statutory etc and government purposes
sch1-7 = Administration of justice and parliamentary purposes
sch1-8 = Equality of opportunity or treatment
sch1-9 = Racial and ethnic diversity at senior levels of organisations
sch1-10 = Preventing or detecting unlawful acts
sch1-11 = Protecting the public against dishonesty etc
sch1-12 = Regulatory requirements relating to unlawful acts and dishonesty etc
sch1-13 = Journalism etc in connection with unlawful acts and dishonesty etc
sch1-14 = Preventing fraud
sch1-15 = Suspicion of terrorist financing or money laundering
sch1-16 = Support for individuals with a particular disability or medical condition
sch1-17 = Counselling etc
sch1-18 = Safeguarding of children and of individuals at risk
sch1-19 = Safeguarding of economic well-being of certain individuals
sch1-20 = Insurance
sch1-21 = Occupational pensions
sch1-22 = Political parties
sch1-23 = Elected representatives responding to requests
sch1-24 = Disclosure to elected representatives
sch1-25 = Informing elected representatives about prisoners
sch1-26 = Publication of legal judgments
sch1-27 = Anti-doping in sport
sch1-28 = Standards of behaviour in sport
# Part 3: additional conditions relating to criminal convictions etc
sch1-29 = Consent
sch1-30 = Protecting individual's vital interests
sch1-31 = Processing by not-for-profit bodies
sch1-32 = Personal data in the public domain
sch1-33 = Legal claims
sch1-34 = Judicial acts
sch1-35 = Administration of accounts used in commission of indecency offences involving children
sch1-36 = Extension of conditions in Part 2 of this Schedule referring to substantial public interest
sch1-37 = Extension of insurance conditions

## Safeguards for transfers outside the UK

safeguard-adequacy = Transfer approved by UK adequacy regulations (UK GDPR Article 45A)
safeguard-public-body-instrument = A legally binding and enforceable instrument between public bodies (UK GDPR Article 46(2)(a))
safeguard-bcrs = Binding corporate rules (UK GDPR Article 47)
safeguard-idta = International Data Transfer Agreement (UK GDPR Article 46(2)(d))
safeguard-addendum = International Data Transfer Addendum to the European Commission's standard contractual clauses (UK GDPR Article 46(2)(d))
safeguard-code-of-conduct = An approved code of conduct with binding commitments (UK GDPR Article 46(2)(e))
safeguard-certification = An approved certification mechanism with binding commitments (UK GDPR Article 46(2)(f))
safeguard-administrative-arrangement = Administrative arrangements between public authorities or bodies (UK GDPR Article 46(3)(b))
safeguard-derogation = An exception for a specific situation (UK GDPR Article 49(1))

## Exceptions for specific situations (UK GDPR Article 49(1))

derogation-a = You have explicitly consented to the transfer after being told of the possible risks.
derogation-b = The transfer is necessary for a contract between you and us, or for steps you asked us to take before entering into one.
derogation-c = The transfer is necessary for a contract made in your interest between us and another person or organisation.
derogation-d = The transfer is necessary for important reasons of public interest.
derogation-e = The transfer is necessary to establish, exercise or defend legal claims.
derogation-f = The transfer is necessary to protect your vital interests, or someone else's, when you cannot give consent.
derogation-g = The transfer is made from a public register.
derogation-compelling-interests = The transfer is necessary for compelling legitimate interests of ours. It is not repeated, concerns only a limited number of people, and we have told the regulator about it.

## Rights

rights-intro = You have rights over your personal information. Which rights apply depends on why we use it.
rights-free = Using your rights is usually free. We will normally respond within one month, or tell you if we need up to two more months because your request is complex.

right-access = Right of access
right-access-desc = You can ask for a copy of the personal information we hold about you, and for details of how we use it.
right-rectification = Right to rectification
right-rectification-desc = You can ask us to correct information about you that is wrong, or to complete information that is incomplete.
right-erasure = Right to erasure
right-erasure-desc = You can ask us to delete your information. This right does not always apply, for example when the law requires us to keep it.
right-restriction = Right to restrict processing
right-restriction-desc = You can ask us to limit how we use your information, for example while we check whether it is accurate.
right-portability = Right to data portability
right-portability-desc = You can ask for the information you gave us in a commonly used format that a computer can read, or ask us to send it to another organisation.
right-objection = Right to object
right-objection-desc = You can object to us using your information. We must stop unless we have compelling legitimate grounds that override your interests, or we need it for legal claims.
right-object-direct-marketing = Right to object to direct marketing
right-object-direct-marketing-desc = You can tell us at any time to stop using your information for direct marketing, and we must stop.
right-withdraw-consent = Right to withdraw consent
right-withdraw-consent-desc = Where we rely on your consent, you can withdraw it at any time. This does not affect anything we did before you withdrew it.
right-automated-decisions = Rights about automated decisions
right-automated-decisions-desc = If we make a significant decision about you based solely on automated processing, you can give us your views, ask for a person to look at the decision again, and challenge it.
right-complaint = Right to complain
right-complaint-desc = You can complain to us, and to the regulator, about how we use your information.

## Complaints and the regulator
# regulator-* are the built-in defaults; [regulator] in hysbys.toml overrides them.

complaints-intro = If you are unhappy with how we have handled your information, please tell us first. We will look into your complaint and tell you what we find.
regulator-name = Information Commissioner's Office
regulator-address = Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF
regulator-phone = 0303 123 1113
regulator-website = https://ico.org.uk/
ico-intro = You have the right to complain to the regulator, the { $regulator }. The regulator usually expects you to complain to us first, so that we have a chance to put things right.
