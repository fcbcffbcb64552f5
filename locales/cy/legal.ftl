# hysbys: geiriad cyfreithiol (Cymraeg) / legal wording (Welsh).
#
# Names of lawful bases, conditions, Schedule 1 paragraphs, safeguards and
# rights, plus the sentences the law requires a privacy notice to contain.
# Every message id here must also exist in ../en/legal.ftl. A project can
# correct any of them by defining the same id in its own locales/cy/*.ftl.
#
# Terms follow Welsh public-sector usage: gwybodaeth bersonol, data personol,
# rheolydd (data), prosesydd, cyd-reolydd, sail gyfreithlon, cydsyniad
# (penodol), buddiannau dilys, tasg gyhoeddus, data categori arbennig,
# Swyddog Diogelu Data, GDPR y DU, Deddf Diogelu Data 2018, Atodlen, Rhan,
# paragraff, Erthygl, Atodiad (UK GDPR Annex). The UK Acts have no official
# Welsh text, so the Schedule 1 headings below are translations.

## Statements

controller-intro = { $name } yw'r rheolydd ar gyfer eich gwybodaeth bersonol. Mae hyn yn golygu mai ni sy'n penderfynu sut a pham y caiff ei defnyddio.
joint-controllers-rights = Beth bynnag rydym wedi'i gytuno rhyngom, gallwch arfer eich hawliau diogelu data gydag unrhyw un ohonom.
recipients-none = Nid ydym yn rhannu eich gwybodaeth ag unrhyw un arall.
recipients-internal-only = Dim ond o fewn { $controller } rydym yn rhannu eich gwybodaeth.
purpose-direct-marketing = Rydym yn defnyddio'r wybodaeth hon ar gyfer marchnata uniongyrchol. Gallwch ddweud wrthym am roi'r gorau iddi ar unrhyw adeg.
purpose-annex1 = Buddiant dilys cydnabyddedig: Atodiad 1 i GDPR y DU, paragraff { $paragraph }
ad-none = Nid ydym yn gwneud penderfyniadau amdanoch chi sy'n seiliedig ar brosesu awtomataidd yn unig ac sy'n cael effaith gyfreithiol arnoch chi neu effaith sydd yr un mor sylweddol.
ad-safeguards = Os byddwn yn gwneud penderfyniad arwyddocaol amdanoch chi sy'n seiliedig ar brosesu awtomataidd yn unig, byddwn yn rhoi gwybod i chi amdano. Gallwch roi eich barn i ni, gofyn i berson ailystyried y penderfyniad, a'i herio.

## Citations
# $article is the canonical article string, for example 6(1)(e).

cite-article = Erthygl { $article } GDPR y DU
cite-annex1 = Atodiad 1 i GDPR y DU, paragraff { $paragraph }
cite-schedule1 = Deddf Diogelu Data 2018, Atodlen 1, Rhan { $part }, paragraff { $paragraph }
# Used with paragraph 36, which extends a Part 2 condition to criminal offence data.
cite-schedule1-extends = yn estyn yr amod ym mharagraff { $paragraph }
criminal-official-authority = Prosesu a wneir o dan reolaeth awdurdod swyddogol (Erthygl 10 GDPR y DU)

## Lawful bases (UK GDPR Article 6(1))

basis-consent = Cydsyniad
basis-contract = Contract
basis-legal-obligation = Rhwymedigaeth gyfreithiol
basis-vital-interests = Buddiannau hanfodol
basis-public-task = Tasg gyhoeddus
basis-legitimate-interests = Buddiannau dilys
basis-recognised-legitimate-interests = Buddiannau dilys cydnabyddedig

## Conditions for special category data (UK GDPR Article 9(2))

special-explicit-consent = Cydsyniad penodol
special-employment-social-security = Cyflogaeth, nawdd cymdeithasol a diogelu cymdeithasol
special-vital-interests = Buddiannau hanfodol
special-not-for-profit = Gweithgareddau corff nid-er-elw
special-made-public = Gwybodaeth rydych chi wedi'i gwneud yn gyhoeddus
special-legal-claims = Hawliadau cyfreithiol neu weithredoedd barnwrol
special-substantial-public-interest = Budd cyhoeddus sylweddol
special-health-social-care = Iechyd neu ofal cymdeithasol
special-public-health = Iechyd y cyhoedd
special-archiving-research = Archifo, ymchwil ac ystadegau

## Special category types (UK GDPR Article 9(1))

art9-racial-ethnic-origin = Tarddiad hiliol neu ethnig
art9-political-opinions = Barn wleidyddol
art9-religious-philosophical-beliefs = Credoau crefyddol neu athronyddol
art9-trade-union-membership = Aelodaeth o undeb llafur
art9-genetic = Data genetig
art9-biometric = Data biometrig a ddefnyddir i'ch adnabod
art9-health = Iechyd
art9-sex-life = Bywyd rhywiol
art9-sexual-orientation = Cyfeiriadedd rhywiol

## Deddf Diogelu Data 2018, Atodlen 1: penawdau paragraffau 1 i 37

# Rhan 1: amodau sy'n ymwneud â chyflogaeth, iechyd ac ymchwil etc.
sch1-1 = Cyflogaeth, nawdd cymdeithasol a diogelu cymdeithasol
sch1-2 = Dibenion iechyd neu ofal cymdeithasol
sch1-3 = Iechyd y cyhoedd
sch1-4 = Ymchwil etc.
# Rhan 2: amodau budd cyhoeddus sylweddol
sch1-5 = Gofyniad i fod â dogfen bolisi briodol wrth ddibynnu ar amodau yn y Rhan hon
sch1-6 = Dibenion statudol etc. a dibenion y llywodraeth
sch1-7 = Gweinyddu cyfiawnder a dibenion seneddol
sch1-8 = Cydraddoldeb cyfle neu driniaeth
sch1-9 = Amrywiaeth hiliol ac ethnig ar lefelau uwch mewn sefydliadau
sch1-10 = Atal neu ganfod gweithredoedd anghyfreithlon
sch1-11 = Diogelu'r cyhoedd rhag anonestrwydd etc.
sch1-12 = Gofynion rheoleiddiol sy'n ymwneud â gweithredoedd anghyfreithlon ac anonestrwydd etc.
sch1-13 = Newyddiaduraeth etc. mewn cysylltiad â gweithredoedd anghyfreithlon ac anonestrwydd etc.
sch1-14 = Atal twyll
sch1-15 = Amheuaeth o ariannu terfysgaeth neu wyngalchu arian
sch1-16 = Cymorth i unigolion sydd ag anabledd neu gyflwr meddygol penodol
sch1-17 = Cwnsela etc.
sch1-18 = Diogelu plant ac unigolion sy'n wynebu risg
sch1-19 = Diogelu llesiant economaidd unigolion penodol
sch1-20 = Yswiriant
sch1-21 = Pensiynau galwedigaethol
sch1-22 = Pleidiau gwleidyddol
sch1-23 = Cynrychiolwyr etholedig yn ymateb i geisiadau
sch1-24 = Datgelu i gynrychiolwyr etholedig
sch1-25 = Hysbysu cynrychiolwyr etholedig am garcharorion
sch1-26 = Cyhoeddi dyfarniadau cyfreithiol
sch1-27 = Gwrth-gyffuriau mewn chwaraeon
sch1-28 = Safonau ymddygiad mewn chwaraeon
# Rhan 3: amodau ychwanegol sy'n ymwneud ag euogfarnau troseddol etc.
sch1-29 = Cydsyniad
sch1-30 = Diogelu buddiannau hanfodol unigolyn
sch1-31 = Prosesu gan gyrff nid-er-elw
sch1-32 = Data personol yn y parth cyhoeddus
sch1-33 = Hawliadau cyfreithiol
sch1-34 = Gweithredoedd barnwrol
sch1-35 = Gweinyddu cyfrifon a ddefnyddir wrth gyflawni troseddau anwedduster sy'n ymwneud â phlant
sch1-36 = Estyn amodau yn Rhan 2 o'r Atodlen hon sy'n cyfeirio at fudd cyhoeddus sylweddol
sch1-37 = Estyn amodau yswiriant

## Safeguards for transfers outside the UK

safeguard-adequacy = Trosglwyddiad a gymeradwywyd gan reoliadau digonolrwydd y DU (Erthygl 45A GDPR y DU)
safeguard-public-body-instrument = Offeryn rhwng cyrff cyhoeddus sy'n rhwymo'n gyfreithiol ac y gellir ei orfodi (Erthygl 46(2)(a) GDPR y DU)
safeguard-bcrs = Rheolau corfforaethol rhwymol (Erthygl 47 GDPR y DU)
safeguard-idta = Cytundeb Trosglwyddo Data Rhyngwladol (Erthygl 46(2)(d) GDPR y DU)
safeguard-addendum = Addendwm Trosglwyddo Data Rhyngwladol i gymalau contract safonol y Comisiwn Ewropeaidd (Erthygl 46(2)(d) GDPR y DU)
safeguard-code-of-conduct = Cod ymddygiad cymeradwy ag ymrwymiadau rhwymol (Erthygl 46(2)(e) GDPR y DU)
safeguard-certification = Mecanwaith ardystio cymeradwy ag ymrwymiadau rhwymol (Erthygl 46(2)(f) GDPR y DU)
safeguard-administrative-arrangement = Trefniadau gweinyddol rhwng awdurdodau neu gyrff cyhoeddus (Erthygl 46(3)(b) GDPR y DU)
safeguard-derogation = Eithriad ar gyfer sefyllfa benodol (Erthygl 49(1) GDPR y DU)

## Exceptions for specific situations (UK GDPR Article 49(1))

derogation-a = Rydych wedi cydsynio'n benodol i'r trosglwyddiad ar ôl cael gwybod am y risgiau posibl.
derogation-b = Mae'r trosglwyddiad yn angenrheidiol ar gyfer contract rhyngoch chi a ni, neu ar gyfer camau y gofynnoch i ni eu cymryd cyn ymrwymo i gontract.
derogation-c = Mae'r trosglwyddiad yn angenrheidiol ar gyfer contract a wnaed er eich budd chi rhyngom ni a pherson neu sefydliad arall.
derogation-d = Mae'r trosglwyddiad yn angenrheidiol am resymau pwysig o ran budd y cyhoedd.
derogation-e = Mae'r trosglwyddiad yn angenrheidiol i sefydlu, arfer neu amddiffyn hawliadau cyfreithiol.
derogation-f = Mae'r trosglwyddiad yn angenrheidiol i ddiogelu eich buddiannau hanfodol chi, neu rai rhywun arall, pan na allwch roi cydsyniad.
derogation-g = Gwneir y trosglwyddiad o gofrestr gyhoeddus.
derogation-compelling-interests = Mae'r trosglwyddiad yn angenrheidiol at ddibenion buddiannau dilys cymhellol sydd gennym. Nid yw'n cael ei ailadrodd, mae'n ymwneud â nifer cyfyngedig o bobl yn unig, ac rydym wedi rhoi gwybod i'r rheoleiddiwr amdano.

## Rights

rights-intro = Mae gennych hawliau o ran eich gwybodaeth bersonol. Mae'r hawliau sy'n berthnasol yn dibynnu ar pam rydym yn ei defnyddio.
rights-free = Fel arfer, ni chodir tâl am arfer eich hawliau. Byddwn fel arfer yn ymateb o fewn mis, neu'n rhoi gwybod i chi os bydd angen hyd at ddau fis arall arnom oherwydd bod eich cais yn gymhleth.

right-access = Yr hawl i gael mynediad
right-access-desc = Gallwch ofyn am gopi o'r wybodaeth bersonol sydd gennym amdanoch chi, ac am fanylion sut rydym yn ei defnyddio.
right-rectification = Yr hawl i gywiro
right-rectification-desc = Gallwch ofyn i ni gywiro gwybodaeth anghywir amdanoch chi, neu gwblhau gwybodaeth anghyflawn.
right-erasure = Yr hawl i ddileu
right-erasure-desc = Gallwch ofyn i ni ddileu eich gwybodaeth. Nid yw'r hawl hon yn berthnasol bob amser, er enghraifft pan fydd y gyfraith yn ei gwneud yn ofynnol i ni ei chadw.
right-restriction = Yr hawl i gyfyngu ar brosesu
right-restriction-desc = Gallwch ofyn i ni gyfyngu ar y ffordd rydym yn defnyddio eich gwybodaeth, er enghraifft tra byddwn yn gwirio a yw'n gywir.
right-portability = Yr hawl i gludadwyedd data
right-portability-desc = Gallwch ofyn am yr wybodaeth a roesoch i ni mewn fformat cyffredin y gall cyfrifiadur ei ddarllen, neu ofyn i ni ei hanfon at sefydliad arall.
right-objection = Yr hawl i wrthwynebu
right-objection-desc = Gallwch wrthwynebu i ni ddefnyddio eich gwybodaeth. Rhaid i ni roi'r gorau iddi oni bai bod gennym resymau dilys cymhellol sy'n drech na'ch buddiannau chi, neu fod ei hangen arnom ar gyfer hawliadau cyfreithiol.
right-object-direct-marketing = Yr hawl i wrthwynebu marchnata uniongyrchol
right-object-direct-marketing-desc = Gallwch ddweud wrthym ar unrhyw adeg am roi'r gorau i ddefnyddio eich gwybodaeth ar gyfer marchnata uniongyrchol, a rhaid i ni wneud hynny.
right-withdraw-consent = Yr hawl i dynnu cydsyniad yn ôl
right-withdraw-consent-desc = Pan fyddwn yn dibynnu ar eich cydsyniad, gallwch ei dynnu'n ôl ar unrhyw adeg. Nid yw hyn yn effeithio ar unrhyw beth a wnaethom cyn i chi ei dynnu'n ôl.
right-automated-decisions = Hawliau sy'n ymwneud â phenderfyniadau awtomataidd
right-automated-decisions-desc = Os byddwn yn gwneud penderfyniad arwyddocaol amdanoch chi sy'n seiliedig ar brosesu awtomataidd yn unig, gallwch roi eich barn i ni, gofyn i berson ailystyried y penderfyniad, a'i herio.
right-complaint = Yr hawl i gwyno
right-complaint-desc = Gallwch gwyno wrthym ni, ac wrth y rheoleiddiwr, am y ffordd rydym yn defnyddio eich gwybodaeth.

## Complaints and the regulator
# regulator-* are the built-in defaults; [regulator] in hysbys.toml overrides them.

complaints-intro = Os ydych yn anfodlon â'r ffordd rydym wedi trin eich gwybodaeth, rhowch wybod i ni yn gyntaf. Byddwn yn ymchwilio i'ch cwyn ac yn rhoi gwybod i chi beth rydym wedi'i ganfod.
regulator-name = Swyddfa'r Comisiynydd Gwybodaeth
regulator-address = Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF
regulator-phone = 0303 123 1113
regulator-website = https://ico.org.uk/
ico-intro = Mae gennych hawl i gwyno wrth y rheoleiddiwr, { $regulator }. Fel arfer, mae'r rheoleiddiwr yn disgwyl i chi gwyno wrthym ni yn gyntaf, er mwyn i ni gael cyfle i unioni pethau.
