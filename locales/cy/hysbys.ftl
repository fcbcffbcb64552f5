# hysbys: dodrefn y dudalen (Cymraeg) / page furniture (Welsh).
#
# Every message id here must also exist in ../en/hysbys.ftl (a test checks).
# Messages are plain text: the template engine escapes them, so never put HTML
# in a message. Legal names, citations and rights are in legal.ftl; country
# names are in countries.ftl. A project can override any message by defining
# the same id in its own locales/cy/*.ftl file. Numeric arguments ($n, $count,
# $last-n) must be passed as numbers, not strings.
#
# ---------------------------------------------------------------------------
# HOW THE WELSH DURATIONS ARE BUILT (duration-years, -months, -weeks, -days)
# ---------------------------------------------------------------------------
#
# A number is written in figures and followed by the SINGULAR noun, in the form
# the noun takes after the numeral word that comes right before it when the
# number is read aloud: 1 flwyddyn, 2 flynedd, 3 blynedd, 5 mlynedd.
#
# Mutations applied:
#   blwyddyn (f.)  un flwyddyn (soft); after other numerals the form is
#                  "blynedd": dwy flynedd (soft); tair, pedair, chwe blynedd
#                  (radical); NASAL "mlynedd" after pum, saith, wyth, naw,
#                  deng, deuddeng, pymtheng, deunaw, ugain, deugain, trigain,
#                  (hanner) can, and after "un" inside a compound number
#                  (un mlynedd ar ddeg, un mlynedd ar hugain).
#   diwrnod (m.)   dau ddiwrnod (soft); NASAL "niwrnod" after the same words
#                  as blynedd except "un" (un diwrnod ar ddeg); radical
#                  after un, tri, pedwar, chwe.
#   mis (m.)       dau fis (soft); nasal mutation does not affect m-, so
#                  "mis" everywhere else.
#   wythnos (f.)   begins with a vowel and never mutates: 2 wythnos.
#
# Which reading decides the form:
#   1-10 and 100: the single numeral word (un, dau/dwy ... deng, can).
#   11-99: two readings are in use. The traditional (vigesimal) one, usual
#     for lengths of time, puts the noun after the first element (tair blynedd
#     ar ddeg = 13; pum mlynedd ar hugain = 25; deuddeng mlynedd, pymtheng
#     niwrnod, deunaw mis, ugain mlynedd, deugain niwrnod); the decimal one
#     puts it after the units word (dau ddeg pum mlynedd) or after "deg"
#     (tri deg mlynedd). Where both readings give the same form, that form is
#     used (13 blynedd, 22 flynedd, 25 mlynedd, 26 blynedd, 30 mlynedd).
#     Where they disagree (n mod 20 = 12, 16, 17 or 19; e.g. 17 is "dwy
#     flynedd ar bymtheg" but "un deg saith mlynedd"), the nasal form is used
#     if either reading gives it, otherwise the radical; the soft form is
#     never used on a disagreement. So 12, 16, 17, 19, 32, 36, 37 and 39
#     mlynedd; 12, 17 and 19 niwrnod but 16 diwrnod; 12 and 17 mis.
#   101-999: usage with figures is uncertain ("cant a phump", "pum mlynedd a
#     chant" ...), so the RADICAL form is used (105 blynedd, 365 diwrnod,
#     102 mis), except when the number ends in a tens word (110, 150, 200,
#     250 ...: mlynedd / niwrnod), where the nasal form is not in doubt
#     (dau gan mlynedd, cant a hanner can mlynedd).
#
#   n      years     months  weeks     days
#   1      flwyddyn  mis     wythnos   diwrnod
#   2      flynedd   fis     wythnos   ddiwrnod
#   3, 4   blynedd   mis     wythnos   diwrnod
#   5      mlynedd   mis     wythnos   niwrnod
#   6      blynedd   mis     wythnos   diwrnod
#   7-10   mlynedd   mis     wythnos   niwrnod
#   11     mlynedd   mis     wythnos   diwrnod
#   12     mlynedd   mis     wythnos   niwrnod
#   13, 14 blynedd   mis     wythnos   diwrnod
#   15     mlynedd   mis     wythnos   niwrnod
#   16     mlynedd   mis     wythnos   diwrnod
#   17-20  mlynedd   mis     wythnos   niwrnod
#   22     flynedd   fis     wythnos   ddiwrnod   (also 42, 62, 82)
#
# Sources of usage: the rule taught in Welsh schools and set out in the
# reference grammars (nasal mutation of blynedd, blwydd and diwrnod after
# 5, 7, 8, 9, 10, 12, 15, 18, 20 and 100); BBC Bitesize (Welsh-medium maths)
# noting that the traditional numbers are the usual ones for dates and time;
# the Welsh strings of the Valuation Office Agency's online forms (2 flynedd;
# 3, 4 and 6 blynedd; 5 and 7-10 mlynedd; 2 fis, otherwise mis); the Welsh
# locale of date-fns (1 flwyddyn, 2 flynedd, 2 fis, 2 ddiwrnod). A project
# that prefers another convention (for example "o flynyddoedd" above 10, as
# some public bodies write) can override these four messages.
#
# Note for implementers: fluent-bundle picks the FIRST variant that matches,
# so exact numeric keys must come before any plural-category key, as below.
# ---------------------------------------------------------------------------

## Page chrome

skip-link = Neidio i'r prif gynnwys
lang-en = English
lang-cy = Cymraeg
lang-link-label = { $language }
# Accessible label of the link to the English version of the page.
switch-language = Darllenwch y dudalen hon yn Saesneg
toc-heading = Cynnwys
contents-back = Yn ôl i'r cynnwys
last-updated = Diweddarwyd ddiwethaf: { $date }
review-by = I'w adolygu erbyn { $date }
generated-by = Cyhoeddwyd gan ddefnyddio hysbys
external-link-note = Mae'r ddolen hon yn mynd i wefan arall

## Dates
# Welsh Government style: 1 Ionawr 2026 (no mutation of the month after a
# figure). $day is a number, $year is best passed as a string; $month is the
# month name from month-1 … month-12.

date = { $day } { $month } { $year }
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr

## Index and landing pages

breadcrumb-home = Pob hysbysiad preifatrwydd
index-heading = Hysbysiadau preifatrwydd
# A numeral takes the singular noun: 1 hysbysiad, 2 hysbysiad, 25 hysbysiad.
index-intro =
    { $count ->
        [zero] Nid ydym wedi cyhoeddi unrhyw hysbysiadau preifatrwydd eto.
        [one] Rydym yn cyhoeddi { $count } hysbysiad preifatrwydd. Mae'n esbonio sut rydym yn defnyddio eich gwybodaeth bersonol.
        [two] Rydym yn cyhoeddi { $count } hysbysiad preifatrwydd. Mae pob un yn esbonio sut mae un o'n gwasanaethau yn defnyddio eich gwybodaeth bersonol.
        [few] Rydym yn cyhoeddi { $count } hysbysiad preifatrwydd. Mae pob un yn esbonio sut mae un o'n gwasanaethau yn defnyddio eich gwybodaeth bersonol.
        [many] Rydym yn cyhoeddi { $count } hysbysiad preifatrwydd. Mae pob un yn esbonio sut mae un o'n gwasanaethau yn defnyddio eich gwybodaeth bersonol.
       *[other] Rydym yn cyhoeddi { $count } hysbysiad preifatrwydd. Mae pob un yn esbonio sut mae un o'n gwasanaethau yn defnyddio eich gwybodaeth bersonol.
    }
index-other-service = Hysbysiadau eraill
landing-heading = Dewiswch eich iaith

## Not-found page

not-found-title = Heb ddod o hyd i'r dudalen
not-found-body = Nid yw'r dudalen y gofynnoch amdani yn bodoli. Efallai ei bod wedi symud, neu fod y cyfeiriad gwe yn anghywir.
not-found-back = Ewch i'r rhestr o hysbysiadau preifatrwydd

## Section headings (built-in section ids)

section-controller = Pwy ydym ni
section-joint-controllers = Sefydliadau sy'n rhannu cyfrifoldeb am eich gwybodaeth
section-data-subjects = Pwy y mae'r hysbysiad hwn yn berthnasol iddynt
section-collection = Sut rydym yn casglu eich gwybodaeth
section-categories = Yr wybodaeth rydym yn ei chasglu
section-sources = O ble rydym yn cael eich gwybodaeth
section-purposes = Pam rydym yn defnyddio eich gwybodaeth a'n sail gyfreithlon
section-recipients = Gyda phwy rydym yn rhannu eich gwybodaeth
section-retention = Am faint rydym yn cadw eich gwybodaeth
section-automated-decisions = Penderfyniadau awtomataidd amdanoch chi
section-statutory-requirement = Oes rhaid i chi roi eich gwybodaeth i ni?
section-rights = Eich hawliau
section-complaints = Sut i gwyno wrthym ni
section-ico = Sut i gwyno wrth y rheoleiddiwr
section-changes = Newidiadau i'r hysbysiad hwn

## Controller and contacts

contact-address = Cyfeiriad
contact-email = E-bost
contact-phone = Ffôn
contact-website = Gwefan
ico-registration = Rhif cofrestru gyda Swyddfa'r Comisiynydd Gwybodaeth: { $number }
representative-heading = Ein cynrychiolydd yn y DU
dpo-heading = Ein Swyddog Diogelu Data
dpo-intro = Mae ein Swyddog Diogelu Data yn gwirio ein bod yn dilyn y gyfraith diogelu data. Gallwch gysylltu â'r swyddog am unrhyw beth yn yr hysbysiad hwn.
joint-controllers-intro = Rydym yn gyfrifol am eich gwybodaeth ar y cyd â'r sefydliadau isod. Rydym wedi cytuno rhyngom pwy sy'n gwneud beth.
joint-responsibilities = Eu cyfrifoldebau
joint-contact = Sut i gysylltu â nhw

## Data subjects, channels, categories and sources

data-subjects-intro = Mae'r hysbysiad hwn yn ymdrin â gwybodaeth am:
channel-processors = Sefydliadau sy'n ymwneud â hyn
channel-retention = Am faint rydym yn ei chadw
category-special = Data categori arbennig
category-criminal = Data am droseddau
category-special-types = Categori arbennig: { $types }
source-subject = Gennych chi
source-others = Gan bobl neu sefydliadau eraill
source-both = Gennych chi a gan bobl neu sefydliadau eraill
source-public = O ffynhonnell sydd ar gael i'r cyhoedd
sources-intro = Rydym yn cael rhywfaint o'ch gwybodaeth gan y bobl a'r sefydliadau hyn:

## Purposes

purpose-categories = Yr wybodaeth rydym yn ei defnyddio
purpose-lawful-basis = Sail gyfreithlon
purpose-legitimate-interests = Ein buddiannau dilys
purpose-legislation = Y gyfraith berthnasol
purpose-special-condition = Amod ar gyfer defnyddio data categori arbennig
purpose-schedule1 = Amod yn Neddf Diogelu Data 2018
purpose-criminal-condition = Amod ar gyfer defnyddio data am droseddau
purpose-consent-withdrawal = Sut i dynnu eich cydsyniad yn ôl

## Recipients and transfers

recipient-kind-processor = Prosesydd: yn gweithredu ar ein cyfarwyddiadau ni yn unig
recipient-kind-controller = Rheolydd: yn penderfynu drosto'i hun sut mae'n defnyddio'r wybodaeth
recipient-kind-joint-controller = Cyd-reolydd: yn penderfynu gyda ni sut y defnyddir yr wybodaeth
recipient-kind-internal = Rhan arall o'n sefydliad
recipient-purposes = Pam rydym yn ei rhannu
recipient-categories = Yr wybodaeth rydym yn ei rhannu
transfers-heading = Trosglwyddiadau y tu allan i'r DU
transfer-destination = Cyrchfan
transfer-safeguard = Sut mae eich gwybodaeth yn cael ei diogelu
transfer-copy = Sut i gael copi o'r mesur diogelu
transfer-international-organisation = Sefydliad rhyngwladol

## Retention

retention-caption = Ein cyfnodau cadw
retention-records = Cofnodion
retention-period = Am faint rydym yn eu cadw
retention-from = Yn cyfrif o
retention-then = Beth sy'n digwydd wedyn
retention-categories = Yr wybodaeth dan sylw
retention-then-default = Eu dileu'n ddiogel
retention-indefinite = Am gyfnod amhenodol
retention-at-least = o leiaf { $period }
retention-up-to = hyd at { $period }
retention-justification = Pam rydym yn eu cadw am gyfnod amhenodol
retention-criteria = Sut rydym yn penderfynu am faint i'w cadw

## Durations (see the rules at the top of this file)

duration-years =
    { $n ->
        [1] { $n } flwyddyn
        [2] { $n } flynedd
        [5] { $n } mlynedd
        [7] { $n } mlynedd
        [8] { $n } mlynedd
        [9] { $n } mlynedd
        [10] { $n } mlynedd
        [11] { $n } mlynedd
        [12] { $n } mlynedd
        [15] { $n } mlynedd
        [16] { $n } mlynedd
        [17] { $n } mlynedd
        [18] { $n } mlynedd
        [19] { $n } mlynedd
        [20] { $n } mlynedd
        [21] { $n } mlynedd
        [22] { $n } flynedd
        [25] { $n } mlynedd
        [27] { $n } mlynedd
        [28] { $n } mlynedd
        [29] { $n } mlynedd
        [30] { $n } mlynedd
        [31] { $n } mlynedd
        [32] { $n } mlynedd
        [35] { $n } mlynedd
        [36] { $n } mlynedd
        [37] { $n } mlynedd
        [38] { $n } mlynedd
        [39] { $n } mlynedd
        [40] { $n } mlynedd
        [41] { $n } mlynedd
        [42] { $n } flynedd
        [45] { $n } mlynedd
        [47] { $n } mlynedd
        [48] { $n } mlynedd
        [49] { $n } mlynedd
        [50] { $n } mlynedd
        [51] { $n } mlynedd
        [52] { $n } mlynedd
        [55] { $n } mlynedd
        [56] { $n } mlynedd
        [57] { $n } mlynedd
        [58] { $n } mlynedd
        [59] { $n } mlynedd
        [60] { $n } mlynedd
        [61] { $n } mlynedd
        [62] { $n } flynedd
        [65] { $n } mlynedd
        [67] { $n } mlynedd
        [68] { $n } mlynedd
        [69] { $n } mlynedd
        [70] { $n } mlynedd
        [71] { $n } mlynedd
        [72] { $n } mlynedd
        [75] { $n } mlynedd
        [76] { $n } mlynedd
        [77] { $n } mlynedd
        [78] { $n } mlynedd
        [79] { $n } mlynedd
        [80] { $n } mlynedd
        [81] { $n } mlynedd
        [82] { $n } flynedd
        [85] { $n } mlynedd
        [87] { $n } mlynedd
        [88] { $n } mlynedd
        [89] { $n } mlynedd
        [90] { $n } mlynedd
        [91] { $n } mlynedd
        [92] { $n } mlynedd
        [95] { $n } mlynedd
        [96] { $n } mlynedd
        [97] { $n } mlynedd
        [98] { $n } mlynedd
        [99] { $n } mlynedd
        [100] { $n } mlynedd
        [110] { $n } mlynedd
        [120] { $n } mlynedd
        [130] { $n } mlynedd
        [140] { $n } mlynedd
        [150] { $n } mlynedd
        [160] { $n } mlynedd
        [170] { $n } mlynedd
        [180] { $n } mlynedd
        [190] { $n } mlynedd
        [200] { $n } mlynedd
        [210] { $n } mlynedd
        [220] { $n } mlynedd
        [230] { $n } mlynedd
        [240] { $n } mlynedd
        [250] { $n } mlynedd
        [260] { $n } mlynedd
        [270] { $n } mlynedd
        [280] { $n } mlynedd
        [290] { $n } mlynedd
        [300] { $n } mlynedd
        [310] { $n } mlynedd
        [320] { $n } mlynedd
        [330] { $n } mlynedd
        [340] { $n } mlynedd
        [350] { $n } mlynedd
        [360] { $n } mlynedd
        [370] { $n } mlynedd
        [380] { $n } mlynedd
        [390] { $n } mlynedd
        [400] { $n } mlynedd
        [410] { $n } mlynedd
        [420] { $n } mlynedd
        [430] { $n } mlynedd
        [440] { $n } mlynedd
        [450] { $n } mlynedd
        [460] { $n } mlynedd
        [470] { $n } mlynedd
        [480] { $n } mlynedd
        [490] { $n } mlynedd
        [500] { $n } mlynedd
        [510] { $n } mlynedd
        [520] { $n } mlynedd
        [530] { $n } mlynedd
        [540] { $n } mlynedd
        [550] { $n } mlynedd
        [560] { $n } mlynedd
        [570] { $n } mlynedd
        [580] { $n } mlynedd
        [590] { $n } mlynedd
        [600] { $n } mlynedd
        [610] { $n } mlynedd
        [620] { $n } mlynedd
        [630] { $n } mlynedd
        [640] { $n } mlynedd
        [650] { $n } mlynedd
        [660] { $n } mlynedd
        [670] { $n } mlynedd
        [680] { $n } mlynedd
        [690] { $n } mlynedd
        [700] { $n } mlynedd
        [710] { $n } mlynedd
        [720] { $n } mlynedd
        [730] { $n } mlynedd
        [740] { $n } mlynedd
        [750] { $n } mlynedd
        [760] { $n } mlynedd
        [770] { $n } mlynedd
        [780] { $n } mlynedd
        [790] { $n } mlynedd
        [800] { $n } mlynedd
        [810] { $n } mlynedd
        [820] { $n } mlynedd
        [830] { $n } mlynedd
        [840] { $n } mlynedd
        [850] { $n } mlynedd
        [860] { $n } mlynedd
        [870] { $n } mlynedd
        [880] { $n } mlynedd
        [890] { $n } mlynedd
        [900] { $n } mlynedd
        [910] { $n } mlynedd
        [920] { $n } mlynedd
        [930] { $n } mlynedd
        [940] { $n } mlynedd
        [950] { $n } mlynedd
        [960] { $n } mlynedd
        [970] { $n } mlynedd
        [980] { $n } mlynedd
        [990] { $n } mlynedd
       *[other] { $n } blynedd
    }
duration-months =
    { $n ->
        [2] { $n } fis
        [22] { $n } fis
        [42] { $n } fis
        [62] { $n } fis
        [82] { $n } fis
       *[other] { $n } mis
    }
# wythnos never mutates.
duration-weeks = { $n } wythnos
duration-days =
    { $n ->
        [2] { $n } ddiwrnod
        [5] { $n } niwrnod
        [7] { $n } niwrnod
        [8] { $n } niwrnod
        [9] { $n } niwrnod
        [10] { $n } niwrnod
        [12] { $n } niwrnod
        [15] { $n } niwrnod
        [17] { $n } niwrnod
        [18] { $n } niwrnod
        [19] { $n } niwrnod
        [20] { $n } niwrnod
        [22] { $n } ddiwrnod
        [25] { $n } niwrnod
        [27] { $n } niwrnod
        [28] { $n } niwrnod
        [29] { $n } niwrnod
        [30] { $n } niwrnod
        [32] { $n } niwrnod
        [35] { $n } niwrnod
        [37] { $n } niwrnod
        [38] { $n } niwrnod
        [39] { $n } niwrnod
        [40] { $n } niwrnod
        [42] { $n } ddiwrnod
        [45] { $n } niwrnod
        [47] { $n } niwrnod
        [48] { $n } niwrnod
        [49] { $n } niwrnod
        [50] { $n } niwrnod
        [52] { $n } niwrnod
        [55] { $n } niwrnod
        [57] { $n } niwrnod
        [58] { $n } niwrnod
        [59] { $n } niwrnod
        [60] { $n } niwrnod
        [62] { $n } ddiwrnod
        [65] { $n } niwrnod
        [67] { $n } niwrnod
        [68] { $n } niwrnod
        [69] { $n } niwrnod
        [70] { $n } niwrnod
        [72] { $n } niwrnod
        [75] { $n } niwrnod
        [77] { $n } niwrnod
        [78] { $n } niwrnod
        [79] { $n } niwrnod
        [80] { $n } niwrnod
        [82] { $n } ddiwrnod
        [85] { $n } niwrnod
        [87] { $n } niwrnod
        [88] { $n } niwrnod
        [89] { $n } niwrnod
        [90] { $n } niwrnod
        [92] { $n } niwrnod
        [95] { $n } niwrnod
        [97] { $n } niwrnod
        [98] { $n } niwrnod
        [99] { $n } niwrnod
        [100] { $n } niwrnod
        [110] { $n } niwrnod
        [120] { $n } niwrnod
        [130] { $n } niwrnod
        [140] { $n } niwrnod
        [150] { $n } niwrnod
        [160] { $n } niwrnod
        [170] { $n } niwrnod
        [180] { $n } niwrnod
        [190] { $n } niwrnod
        [200] { $n } niwrnod
        [210] { $n } niwrnod
        [220] { $n } niwrnod
        [230] { $n } niwrnod
        [240] { $n } niwrnod
        [250] { $n } niwrnod
        [260] { $n } niwrnod
        [270] { $n } niwrnod
        [280] { $n } niwrnod
        [290] { $n } niwrnod
        [300] { $n } niwrnod
        [310] { $n } niwrnod
        [320] { $n } niwrnod
        [330] { $n } niwrnod
        [340] { $n } niwrnod
        [350] { $n } niwrnod
        [360] { $n } niwrnod
        [370] { $n } niwrnod
        [380] { $n } niwrnod
        [390] { $n } niwrnod
        [400] { $n } niwrnod
        [410] { $n } niwrnod
        [420] { $n } niwrnod
        [430] { $n } niwrnod
        [440] { $n } niwrnod
        [450] { $n } niwrnod
        [460] { $n } niwrnod
        [470] { $n } niwrnod
        [480] { $n } niwrnod
        [490] { $n } niwrnod
        [500] { $n } niwrnod
        [510] { $n } niwrnod
        [520] { $n } niwrnod
        [530] { $n } niwrnod
        [540] { $n } niwrnod
        [550] { $n } niwrnod
        [560] { $n } niwrnod
        [570] { $n } niwrnod
        [580] { $n } niwrnod
        [590] { $n } niwrnod
        [600] { $n } niwrnod
        [610] { $n } niwrnod
        [620] { $n } niwrnod
        [630] { $n } niwrnod
        [640] { $n } niwrnod
        [650] { $n } niwrnod
        [660] { $n } niwrnod
        [670] { $n } niwrnod
        [680] { $n } niwrnod
        [690] { $n } niwrnod
        [700] { $n } niwrnod
        [710] { $n } niwrnod
        [720] { $n } niwrnod
        [730] { $n } niwrnod
        [740] { $n } niwrnod
        [750] { $n } niwrnod
        [760] { $n } niwrnod
        [770] { $n } niwrnod
        [780] { $n } niwrnod
        [790] { $n } niwrnod
        [800] { $n } niwrnod
        [810] { $n } niwrnod
        [820] { $n } niwrnod
        [830] { $n } niwrnod
        [840] { $n } niwrnod
        [850] { $n } niwrnod
        [860] { $n } niwrnod
        [870] { $n } niwrnod
        [880] { $n } niwrnod
        [890] { $n } niwrnod
        [900] { $n } niwrnod
        [910] { $n } niwrnod
        [920] { $n } niwrnod
        [930] { $n } niwrnod
        [940] { $n } niwrnod
        [950] { $n } niwrnod
        [960] { $n } niwrnod
        [970] { $n } niwrnod
        [980] { $n } niwrnod
        [990] { $n } niwrnod
       *[other] { $n } diwrnod
    }

# Lists of duration parts (P1Y6M = "1 flwyddyn a 6 mis"). $last-n is the number
# that starts the last part: "ac" is used before a number read with a vowel in
# both counting systems (1 un, 8 wyth, 11 un ar ddeg / un deg un, 16 un ar
# bymtheg / un deg chwech), "a" before
# every other (the aspirate mutation it causes, "a thri", "a phum", is not
# visible in figures). 800-899 (wyth cant) would also take "ac" but cannot
# occur as a realistic last part.
duration-list-2 =
    { $first } { $last-n ->
        [1] ac
        [8] ac
        [11] ac
        [16] ac
       *[other] a
    } { $second }
duration-list-3 =
    { $first }, { $second } { $last-n ->
        [1] ac
        [8] ac
        [11] ac
        [16] ac
       *[other] a
    } { $third }
duration-list-4 =
    { $first }, { $second }, { $third } { $last-n ->
        [1] ac
        [8] ac
        [11] ac
        [16] ac
       *[other] a
    } { $fourth }

## Automated decisions

ad-logic = Sut mae'r penderfyniad yn cael ei wneud
ad-significance = Beth mae'n ei olygu i chi
ad-consequences = Beth allai ddigwydd o ganlyniad
ad-purposes = At ba ddiben rydym yn ei ddefnyddio

## Rights (headings and labels; the rights themselves are in legal.ftl)

rights-applies-to = Mae'r hawl hon yn berthnasol i: { $purposes }
rights-direct-marketing-heading = Eich hawl i wrthwynebu marchnata uniongyrchol
rights-how = Sut i arfer eich hawliau

## Complaints and the regulator

complaints-form = Defnyddiwch ein ffurflen gwyno
complaints-email = Anfonwch eich cwyn drwy e-bost
ico-helpline = Llinell gymorth

## Change history

changes-caption = Newidiadau i'r hysbysiad hwn, y diweddaraf yn gyntaf
changes-date = Dyddiad
changes-summary = Beth a newidiwyd

## Labeli a ychwanegwyd ar gyfer y thema ddiofyn
contact-name = Enw
purpose-annex1-label = Buddiant dilys cydnabyddedig
transfer-details = Manylion
complaints-form-label = Ffurflen gwyno

## hysbys serve: y troshaen gwallau
overlay-title =
    { $count ->
        [zero] Daeth hysbys o hyd i { $count } problem
        [one] Daeth hysbys o hyd i { $count } broblem
        [two] Daeth hysbys o hyd i { $count } broblem
        [many] Daeth hysbys o hyd i { $count } phroblem
       *[other] Daeth hysbys o hyd i { $count } problem
    }
overlay-intro = Cywirwch y problemau isod a chadwch y ffeil: bydd y dudalen hon yn ail-lwytho ohoni ei hun. Tan hynny, mae'r tudalennau eraill yn dangos y fersiwn olaf heb wallau.
overlay-intro-none = Cywirwch y problemau isod a chadwch y ffeil: bydd y dudalen hon yn ail-lwytho ohoni ei hun.
