# hysbys: page furniture (English).
#
# Every message id here must also exist in ../cy/hysbys.ftl (a test checks).
# Messages are plain text: the template engine escapes them, so never put HTML
# in a message. Legal names, citations and rights are in legal.ftl; country
# names are in countries.ftl.
#
# A project can override any message by defining the same id in its own
# locales/en/*.ftl file. Numeric arguments ($n, $count, $last-n) must be passed
# as numbers, not strings, or the numeric variants will not match.

## Page chrome

skip-link = Skip to main content
lang-en = English
lang-cy = Cymraeg
lang-link-label = { $language }
# Accessible label of the link to the Welsh version of the page.
switch-language = Read this page in Welsh
toc-heading = Contents
contents-back = Back to contents
# $date is already formatted with the `date` message.
last-updated = Last updated: { $date }
review-by = Due for review by { $date }
generated-by = Published with hysbys
external-link-note = This link goes to another website

## Dates
# $day is a number, $year is best passed as a string (some Fluent
# implementations group digits: "2,026"); $month is the month name from
# month-1 … month-12.

date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Index and landing pages

breadcrumb-home = All privacy notices
index-heading = Privacy notices
index-intro =
    { $count ->
        [0] We have not published any privacy notices yet.
        [one] We publish { $count } privacy notice. It explains how we use your personal information.
       *[other] We publish { $count } privacy notices. Each one explains how one of our services uses your personal information.
    }
index-other-service = Other notices
landing-heading = Choose your language

## Not-found page

not-found-title = Page not found
not-found-body = The page you asked for does not exist. It may have moved, or the web address may be wrong.
not-found-back = Go to the list of privacy notices

## Section headings (built-in section ids)

section-controller = Who we are
section-joint-controllers = Organisations that share responsibility for your information
section-data-subjects = Whose information this notice covers
section-collection = How we collect your information
section-categories = The information we collect
section-sources = Where we get your information
section-purposes = Why we use your information and our lawful basis
section-recipients = Who we share your information with
section-retention = How long we keep your information
section-automated-decisions = Automated decisions about you
section-statutory-requirement = Do you have to give us your information?
section-rights = Your rights
section-complaints = How to complain to us
section-ico = How to complain to the regulator
section-changes = Changes to this notice

## Controller and contacts

contact-address = Address
contact-email = Email
contact-phone = Phone
contact-website = Website
ico-registration = Information Commissioner's Office registration number: { $number }
representative-heading = Our representative in the UK
dpo-heading = Our Data Protection Officer
dpo-intro = Our Data Protection Officer checks that we follow data protection law. You can contact them about anything in this notice.
joint-controllers-intro = We are responsible for your information jointly with the organisations below. We have agreed between us who does what.
joint-responsibilities = What they are responsible for
joint-contact = How to contact them

## Data subjects, channels, categories and sources

data-subjects-intro = This notice covers information about:
channel-processors = Organisations involved
channel-retention = How long we keep it
category-special = Special category data
category-criminal = Criminal offence data
# $types is a list of special category types (art9-* messages).
category-special-types = Special category: { $types }
source-subject = From you
source-others = From other people or organisations
source-both = From you and from other people or organisations
source-public = From a publicly accessible source
sources-intro = We get some of your information from these people and organisations:

## Purposes

purpose-categories = Information we use
purpose-lawful-basis = Lawful basis
purpose-legitimate-interests = Our legitimate interests
purpose-legislation = The law that applies
purpose-special-condition = Condition for using special category data
purpose-schedule1 = Data Protection Act 2018 condition
purpose-criminal-condition = Condition for using criminal offence data
purpose-consent-withdrawal = How to withdraw your consent

## Recipients and transfers

recipient-kind-processor = Processor: acts only on our instructions
recipient-kind-controller = Controller: decides for itself how it uses the information
recipient-kind-joint-controller = Joint controller: decides with us how the information is used
recipient-kind-internal = Another part of our organisation
recipient-purposes = Why we share it
recipient-categories = Information we share
transfers-heading = Transfers outside the UK
transfer-destination = Destination
transfer-safeguard = How your information is protected
transfer-copy = How to get a copy of the safeguard
transfer-international-organisation = International organisation

## Retention

retention-caption = Our retention periods
retention-records = Records
retention-period = How long we keep them
retention-from = Counted from
retention-then = What happens then
retention-categories = Information covered
retention-then-default = Securely deleted
retention-indefinite = Indefinitely
# $period is a formatted duration (duration-* or duration-list-* messages).
retention-at-least = at least { $period }
retention-up-to = up to { $period }
retention-justification = Why we keep them indefinitely
retention-criteria = How we decide how long to keep them

## Durations
# $n is a number from 1 to 999. A duration with several parts (P1Y6M) is
# joined with duration-list-2/3/4: $first … $fourth are the formatted parts,
# and $last-n is the number that starts the last part (used by the Welsh
# file to choose "a" or "ac"; ignored here).

duration-years =
    { $n ->
        [one] { $n } year
       *[other] { $n } years
    }
duration-months =
    { $n ->
        [one] { $n } month
       *[other] { $n } months
    }
duration-weeks =
    { $n ->
        [one] { $n } week
       *[other] { $n } weeks
    }
duration-days =
    { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
duration-list-2 = { $first } and { $second }
duration-list-3 = { $first }, { $second } and { $third }
duration-list-4 = { $first }, { $second }, { $third } and { $fourth }

## Automated decisions

ad-logic = How the decision is made
ad-significance = What it means for you
ad-consequences = What could happen as a result
ad-purposes = What we use it for

## Rights (headings and labels; the rights themselves are in legal.ftl)

# $purposes is a list of purpose names.
rights-applies-to = This right applies to: { $purposes }
rights-direct-marketing-heading = Your right to object to direct marketing
rights-how = How to use your rights

## Complaints and the regulator

complaints-form = Use our complaints form
complaints-email = Email your complaint
ico-helpline = Helpline

## Change history

changes-caption = Changes to this notice, newest first
changes-date = Date
changes-summary = What changed

## Labels added for the default theme
contact-name = Name
purpose-annex1-label = Recognised legitimate interest
transfer-details = Details
complaints-form-label = Complaints form

## hysbys serve: the error overlay
overlay-title =
    { $count ->
        [one] hysbys found { $count } problem
       *[other] hysbys found { $count } problems
    }
overlay-intro = Fix the problems below and save: this page reloads by itself. Until then, the other pages show the last version without errors.
overlay-intro-none = Fix the problems below and save: this page reloads by itself.
