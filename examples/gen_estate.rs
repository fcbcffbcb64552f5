//! Write a deterministic synthetic hysbys project for benchmarks.
//!
//! ```text
//! cargo run --release --example gen_estate -- N OUT_DIR
//! ```
//!
//! OUT_DIR gets `hysbys.toml`, `notices/_organisation.yaml` (the controller and its
//! catalogues) and N notices in `notices/<service>/<id>.yaml`. Each notice has about 4,000
//! words across English and Welsh: a dozen channels, categories, purposes, recipients and
//! retention entries, assembled from parallel English/Welsh phrase tables by a seeded
//! xorshift generator, so the same N always gives byte-identical files. Across the estate
//! every field of the notice format is used, and the project checks with no errors and no
//! warnings (`hysbys check --today 2026-11-23`).
//!
//! The controller is a fictional Welsh housing and care association; addresses use
//! example.org.uk and phone numbers Ofcom's drama range (01632 960xxx).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The seed of the whole estate: change it for a different (but equally valid) estate.
const SEED: u64 = 0x6879_7362_7973_2d31; // "hysbys-1"

/// An English/Welsh pair. `{s}` in either is replaced by the notice's topic ("your {s}" /
/// "eich {s}"): the Welsh stems are radical forms, and every Welsh slot follows `eich`,
/// `'ch` or `â'ch`, which cause no mutation.
type T = (&'static str, &'static str);

// ---------------------------------------------------------------------------------------
// Random numbers: xorshift64*, no crates.

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut r = Rng((seed ^ SEED).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        for _ in 0..4 {
            r.next();
        }
        r
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// 0..n
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 32) % n as u64) as usize
    }

    /// lo..=hi
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, X>(&mut self, xs: &'a [X]) -> &'a X {
        &xs[self.below(xs.len())]
    }

    /// k distinct indices of 0..n, in random order.
    fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + self.below(n - i);
            v.swap(i, j);
        }
        v.truncate(k);
        v
    }

    /// lo..=hi distinct indices of 0..n, in random order.
    fn sample_between(&mut self, n: usize, lo: usize, hi: usize) -> Vec<usize> {
        let k = self.range(lo, hi);
        self.sample(n, k)
    }

    /// lo..=hi distinct indices of 0..n, in increasing order.
    fn subset_between(&mut self, n: usize, lo: usize, hi: usize) -> Vec<usize> {
        let k = self.range(lo, hi);
        self.subset(n, k)
    }

    /// k distinct indices of 0..n, in increasing order.
    fn subset(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut v = self.sample(n, k);
        v.sort_unstable();
        v
    }
}

// ---------------------------------------------------------------------------------------
// YAML output

const WIDTH: usize = 92;

struct Out {
    s: String,
    /// Words of English and Welsh text written (keys and codes not counted).
    words: usize,
}

fn pad(n: usize) -> String {
    " ".repeat(n)
}

/// A scalar that can be written plain in block context without changing its meaning.
fn plain_ok(v: &str) -> bool {
    !v.is_empty()
        && !v.contains('\n')
        && !v.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@` ".contains(c))
        && !v.ends_with([':', ' '])
        && !v.contains(": ")
        && !v.contains(" #")
        && !matches!(
            v,
            "null" | "Null" | "NULL" | "~" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
        )
}

impl Out {
    fn new() -> Out {
        Out {
            s: String::with_capacity(64 * 1024),
            words: 0,
        }
    }

    fn line(&mut self, s: &str) {
        self.s.push_str(s);
        self.s.push('\n');
    }

    /// `key: value` after `lead` (indentation, perhaps ending in "- "): plain when short
    /// and safe, a literal block when it has line breaks (Markdown lists), else folded.
    fn field(&mut self, lead: &str, key: &str, v: &str) {
        let ind = lead.chars().count() + 2;
        if v.contains('\n') {
            let _ = writeln!(self.s, "{lead}{key}: |-");
            for l in v.lines() {
                if !l.is_empty() {
                    self.s.push_str(&pad(ind));
                    self.s.push_str(l);
                }
                self.s.push('\n');
            }
        } else if ind + key.len() + v.chars().count() <= WIDTH {
            if plain_ok(v) {
                let _ = writeln!(self.s, "{lead}{key}: {v}");
            } else {
                let q = v.replace('\\', "\\\\").replace('"', "\\\"");
                let _ = writeln!(self.s, "{lead}{key}: \"{q}\"");
            }
        } else {
            let _ = writeln!(self.s, "{lead}{key}: >-");
            let mut col = 0;
            for w in v.split(' ').filter(|w| !w.is_empty()) {
                let len = w.chars().count();
                if col > 0 && ind + col + 1 + len > WIDTH {
                    self.s.push('\n');
                    col = 0;
                }
                if col == 0 {
                    self.s.push_str(&pad(ind));
                } else {
                    self.s.push(' ');
                    col += 1;
                }
                self.s.push_str(w);
                col += len;
            }
            self.s.push('\n');
        }
    }

    fn count(&mut self, t: (&str, &str)) {
        self.words += t.0.split_whitespace().count() + t.1.split_whitespace().count();
    }

    /// A text map under `key`.
    fn text(&mut self, lead: &str, key: &str, t: (&str, &str)) {
        self.count(t);
        let _ = writeln!(self.s, "{lead}{key}:");
        let inner = pad(lead.chars().count() + 2);
        self.field(&inner, "en", t.0);
        self.field(&inner, "cy", t.1);
    }

    /// A text map as a list item at `ind`.
    fn text_item(&mut self, ind: usize, t: (&str, &str)) {
        self.count(t);
        self.field(&format!("{}- ", pad(ind)), "en", t.0);
        self.field(&pad(ind + 2), "cy", t.1);
    }

    fn name(&mut self, lead: &str, key: &str, n: &Name) {
        match n {
            Name::Plain(s) => {
                self.words += 2 * s.split_whitespace().count();
                self.field(lead, key, s);
            }
            Name::Map(t) => self.text(lead, key, *t),
        }
    }

    fn ids(&mut self, ind: usize, key: &str, ids: &[&str]) {
        if ids.is_empty() {
            return;
        }
        let _ = writeln!(self.s, "{}{key}:", pad(ind));
        for id in ids {
            let _ = writeln!(self.s, "{}  - {id}", pad(ind));
        }
    }
}

/// Fill the topic slot of a pair.
fn fill(t: T, stem: T) -> (String, String) {
    (t.0.replace("{s}", stem.0), t.1.replace("{s}", stem.1))
}

/// Join sentences into one paragraph per language.
fn join(parts: &[(String, String)]) -> (String, String) {
    let en: Vec<&str> = parts.iter().map(|p| p.0.as_str()).collect();
    let cy: Vec<&str> = parts.iter().map(|p| p.1.as_str()).collect();
    (en.join(" "), cy.join(" "))
}

fn as_ref(p: &(String, String)) -> (&str, &str) {
    (p.0.as_str(), p.1.as_str())
}

// ---------------------------------------------------------------------------------------
// Dates (days since 1970-01-01, proleptic Gregorian)

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

// ---------------------------------------------------------------------------------------
// Phrase tables

/// Service groups: folder, and the `service` text.
const SERVICES: &[(&str, T)] = &[
    ("housing", ("Housing", "Tai")),
    ("care-and-support", ("Care and support", "Gofal a chymorth")),
    (
        "community",
        ("Community services", "Gwasanaethau cymunedol"),
    ),
    (
        "property-and-safety",
        ("Property and safety", "Eiddo a diogelwch"),
    ),
    (
        "money-and-payments",
        ("Money and payments", "Arian a thaliadau"),
    ),
    ("working-with-us", ("Working with us", "Gweithio gyda ni")),
];

struct Topic {
    slug: &'static str,
    title: T,
    /// After "your" / "eich".
    stem: T,
    service: usize,
}

const fn topic(slug: &'static str, title: T, stem: T, service: usize) -> Topic {
    Topic {
        slug,
        title,
        stem,
        service,
    }
}

const TOPICS: &[Topic] = &[
    topic(
        "housing-applications",
        ("Applying for a home", "Gwneud cais am gartref"),
        ("housing application", "cais am dŷ"),
        0,
    ),
    topic(
        "tenancy-management",
        ("Managing your tenancy", "Rheoli eich tenantiaeth"),
        ("tenancy", "tenantiaeth"),
        0,
    ),
    topic(
        "mutual-exchanges",
        ("Mutual exchanges", "Cyfnewid cartrefi"),
        ("request to swap homes", "cais i gyfnewid cartref"),
        0,
    ),
    topic(
        "shared-ownership",
        ("Shared ownership", "Rhanberchnogaeth"),
        (
            "application to buy a share of a home",
            "cais i brynu cyfran o gartref",
        ),
        0,
    ),
    topic(
        "anti-social-behaviour",
        ("Anti-social behaviour", "Ymddygiad gwrthgymdeithasol"),
        (
            "report of anti-social behaviour",
            "adroddiad am ymddygiad gwrthgymdeithasol",
        ),
        0,
    ),
    topic(
        "parking-permits",
        ("Parking permits", "Trwyddedau parcio"),
        ("parking permit application", "cais am drwydded barcio"),
        0,
    ),
    topic(
        "home-care",
        ("Care at home", "Gofal yn y cartref"),
        ("care and support plan", "cynllun gofal a chymorth"),
        1,
    ),
    topic(
        "supported-housing",
        ("Supported housing", "Tai â chymorth"),
        ("support plan", "cynllun cymorth"),
        1,
    ),
    topic(
        "extra-care",
        ("Extra care housing", "Tai gofal ychwanegol"),
        ("extra care tenancy", "tenantiaeth gofal ychwanegol"),
        1,
    ),
    topic(
        "community-alarms",
        ("Community alarms", "Larymau cymunedol"),
        ("alarm service", "gwasanaeth larwm"),
        1,
    ),
    topic(
        "hospital-discharge",
        ("Help to leave hospital", "Help i adael yr ysbyty"),
        ("discharge plan", "cynllun rhyddhau o'r ysbyty"),
        1,
    ),
    topic(
        "dementia-day-service",
        ("Dementia day service", "Gwasanaeth dydd dementia"),
        ("place at the day service", "lle yn y gwasanaeth dydd"),
        1,
    ),
    topic(
        "domestic-abuse-support",
        ("Domestic abuse support", "Cymorth cam-drin domestig"),
        ("safety plan", "cynllun diogelwch"),
        1,
    ),
    topic(
        "home-adaptations",
        ("Home adaptations", "Addasiadau i'r cartref"),
        ("adaptation request", "cais am addasiad"),
        3,
    ),
    topic(
        "housing-repairs",
        ("Repairs", "Atgyweiriadau"),
        ("repair request", "cais am waith atgyweirio"),
        3,
    ),
    topic(
        "gas-safety",
        ("Gas safety checks", "Gwiriadau diogelwch nwy"),
        ("annual gas safety check", "gwiriad diogelwch nwy blynyddol"),
        3,
    ),
    topic(
        "fire-safety",
        ("Fire safety", "Diogelwch tân"),
        ("fire risk assessment", "asesiad risg tân"),
        3,
    ),
    topic(
        "cctv",
        ("CCTV on our estates", "Teledu cylch cyfyng ar ein hystadau"),
        ("request for camera footage", "cais am luniau camera"),
        3,
    ),
    topic(
        "pest-control",
        ("Pest control", "Rheoli plâu"),
        ("pest control visit", "ymweliad rheoli plâu"),
        3,
    ),
    topic(
        "estate-inspections",
        ("Estate inspections", "Archwiliadau ystadau"),
        ("estate inspection report", "adroddiad archwilio ystad"),
        3,
    ),
    topic(
        "rent-accounts",
        ("Rent accounts", "Cyfrifon rhent"),
        ("rent account", "cyfrif rhent"),
        4,
    ),
    topic(
        "money-advice",
        ("Money advice", "Cyngor ariannol"),
        ("money advice case", "achos cyngor ariannol"),
        4,
    ),
    topic(
        "former-tenant-arrears",
        ("Former tenant arrears", "Ôl-ddyledion cyn-denantiaid"),
        ("former tenant account", "cyfrif cyn-denant"),
        4,
    ),
    topic(
        "energy-advice",
        ("Energy advice", "Cyngor ar ynni"),
        ("energy advice visit", "ymweliad cyngor ar ynni"),
        4,
    ),
    topic(
        "payments",
        ("Paying us", "Talu i ni"),
        ("payment", "taliad"),
        4,
    ),
    topic(
        "tenant-involvement",
        ("Tenant involvement", "Cyfranogiad tenantiaid"),
        (
            "membership of our tenants' panel",
            "aelodaeth o'n panel tenantiaid",
        ),
        2,
    ),
    topic(
        "employment-support",
        ("Employment support", "Cymorth cyflogaeth"),
        ("employment support plan", "cynllun cymorth cyflogaeth"),
        2,
    ),
    topic(
        "digital-inclusion",
        ("Getting online", "Mynd ar-lein"),
        ("digital skills sessions", "sesiynau sgiliau digidol"),
        2,
    ),
    topic(
        "youth-services",
        ("Youth services", "Gwasanaethau ieuenctid"),
        ("youth club membership", "aelodaeth o'r clwb ieuenctid"),
        2,
    ),
    topic(
        "community-centres",
        ("Community centres", "Canolfannau cymunedol"),
        ("room booking", "archeb ystafell"),
        2,
    ),
    topic(
        "learning",
        ("Learning and training", "Dysgu a hyfforddiant"),
        ("place on a course", "lle ar gwrs"),
        2,
    ),
    topic(
        "newsletters",
        ("Newsletters and events", "Cylchlythyrau a digwyddiadau"),
        ("newsletter subscription", "tanysgrifiad i'r cylchlythyr"),
        2,
    ),
    topic(
        "satisfaction-surveys",
        ("Satisfaction surveys", "Arolygon bodlonrwydd"),
        ("survey answers", "atebion i'r arolwg"),
        2,
    ),
    topic(
        "garden-assistance",
        ("Garden assistance scheme", "Cynllun cymorth garddio"),
        ("garden assistance request", "cais am gymorth garddio"),
        2,
    ),
    topic(
        "complaints",
        ("Complaints", "Cwynion"),
        ("complaint", "cwyn"),
        2,
    ),
    topic(
        "recruitment",
        ("Recruitment", "Recriwtio"),
        ("job application", "cais am swydd"),
        5,
    ),
    topic(
        "volunteering",
        ("Volunteering", "Gwirfoddoli"),
        ("volunteering application", "cais i wirfoddoli"),
        5,
    ),
    topic(
        "board-membership",
        ("Joining our board", "Ymuno â'n bwrdd"),
        ("board application", "cais i ymuno â'r bwrdd"),
        5,
    ),
    topic(
        "contractor-staff",
        ("Contractors' staff", "Staff contractwyr"),
        ("site access pass", "pàs mynediad i'r safle"),
        5,
    ),
];

/// Fictional place names, the same in both languages; used only where Welsh does not
/// mutate them ("yn ardal X").
const PLACE_START: &[&str] = &[
    "Llan", "Aber", "Pen", "Bryn", "Caer", "Cwm", "Pont", "Tre", "Nant", "Rhos", "Maes", "Glyn",
    "Coed", "Porth", "Dol", "Bod",
];
const PLACE_END: &[&str] = &[
    "fair", "deg", "gwyn", "wen", "hir", "gelli", "llyn", "ffordd", "y-bryn", "y-coed", "y-cae",
    "faes", "eithin", "dyfi", "teifi", "meirion",
];

fn place(k: usize) -> String {
    let a = PLACE_START[k % PLACE_START.len()];
    let b = PLACE_END[(k / PLACE_START.len()) % PLACE_END.len()];
    if b.starts_with("y-") {
        format!("{a}-{b}")
    } else {
        format!("{a}{b}")
    }
}

struct Category {
    id: &'static str,
    name: T,
    details: T,
    special: &'static [&'static str],
    criminal: bool,
    source: &'static str,
}

const fn cat(
    id: &'static str,
    name: T,
    details: T,
    special: &'static [&'static str],
    criminal: bool,
    source: &'static str,
) -> Category {
    Category {
        id,
        name,
        details,
        special,
        criminal,
        source,
    }
}

/// Ordinary categories; the first (contact) is in every notice.
const CATEGORIES: &[Category] = &[
    cat("contact", ("Name and contact details", "Enw a manylion cyswllt"), ("Your name, address, phone number and email address, and how you prefer us to contact you.", "Eich enw, eich cyfeiriad, eich rhif ffôn a'ch cyfeiriad e-bost, a sut yr hoffech i ni gysylltu â chi."), &[], false, "both"),
    cat("identity", ("Proof of identity", "Prawf adnabod"), ("Your date of birth, National Insurance number and copies of documents that prove who you are, such as a passport or driving licence.", "Eich dyddiad geni, eich rhif Yswiriant Gwladol a chopïau o ddogfennau sy'n profi pwy ydych chi, megis pasbort neu drwydded yrru."), &[], false, "subject"),
    cat("household", ("Your household", "Eich aelwyd"), ("The names and dates of birth of the people who live with you, and how they are related to you.", "Enwau a dyddiadau geni'r bobl sy'n byw gyda chi, a sut maent yn perthyn i chi."), &[], false, "subject"),
    cat("income", ("Income and benefits", "Incwm a budd-daliadau"), ("Your wages, pensions, benefits and savings, and the money you owe.", "Eich cyflog, eich pensiynau, eich budd-daliadau a'ch cynilion, a'r arian sydd arnoch."), &[], false, "both"),
    cat("bank-details", ("Bank details", "Manylion banc"), ("The account you pay from or that we pay money into, and records of your payments.", "Y cyfrif rydych yn talu ohono neu'r cyfrif rydym yn talu arian iddo, a chofnodion o'ch taliadau."), &[], false, "subject"),
    cat("tenancy-history", ("Tenancy history", "Hanes tenantiaeth"), ("Where you have lived before, your previous landlords and whether you kept to your tenancy.", "Ble rydych wedi byw o'r blaen, eich landlordiaid blaenorol ac a wnaethoch gadw at eich tenantiaeth."), &[], false, "both"),
    cat("property", ("Your home and its condition", "Eich cartref a'i gyflwr"), ("The address, type and size of your home, its condition and the repairs we have carried out.", "Cyfeiriad, math a maint eich cartref, ei gyflwr a'r gwaith atgyweirio rydym wedi'i wneud."), &[], false, "both"),
    cat("correspondence", ("Letters, emails and call notes", "Llythyrau, negeseuon e-bost a nodiadau galwadau"), ("What you write to us, what we write to you and notes of our phone calls with you.", "Yr hyn rydych yn ei ysgrifennu atom, yr hyn rydym yn ei ysgrifennu atoch chi a nodiadau o'n galwadau ffôn gyda chi."), &[], false, "both"),
    cat("case-notes", ("Case notes", "Nodiadau achos"), ("Notes our staff make about your needs, what you have asked for and what we have agreed with you.", "Nodiadau y mae ein staff yn eu gwneud am eich anghenion, yr hyn rydych wedi gofyn amdano a'r hyn rydym wedi'i gytuno â chi."), &[], false, "both"),
    cat("work-education", ("Work and education", "Gwaith ac addysg"), ("Your job, your employer, your qualifications and any training you are doing.", "Eich swydd, eich cyflogwr, eich cymwysterau ac unrhyw hyfforddiant rydych yn ei wneud."), &[], false, "subject"),
    cat("communication-needs", ("Language and communication needs", "Anghenion iaith a chyfathrebu"), ("Whether you would like to deal with us in Welsh or English, and any help you need to read or talk to us, such as large print or an interpreter.", "A hoffech ddelio â ni yn Gymraeg neu yn Saesneg, ac unrhyw help sydd ei angen arnoch i ddarllen neu i siarad â ni, megis print bras neu gyfieithydd."), &[], false, "subject"),
    cat("images", ("Photos and camera images", "Ffotograffau a delweddau camera"), ("Images of you recorded by our cameras in communal areas and car parks, and photos you agree to us taking.", "Delweddau ohonoch a gofnodir gan ein camerâu mewn mannau cymunedol a meysydd parcio, a ffotograffau rydych yn cytuno i ni eu tynnu."), &[], false, "subject"),
    cat("vehicle", ("Vehicle details", "Manylion cerbyd"), ("The registration number, make and colour of your vehicle.", "Rhif cofrestru, gwneuthuriad a lliw eich cerbyd."), &[], false, "subject"),
    cat("online-use", ("How you use our website and app", "Sut rydych yn defnyddio ein gwefan a'n ap"), ("Your account name, when you sign in and the pages you look at, and technical details of your device.", "Enw eich cyfrif, pryd rydych yn mewngofnodi a'r tudalennau rydych yn edrych arnynt, a manylion technegol eich dyfais."), &[], false, "subject"),
    cat("feedback", ("Your views and feedback", "Eich barn a'ch adborth"), ("What you tell us in surveys, complaints and compliments, and at meetings.", "Yr hyn rydych yn ei ddweud wrthym mewn arolygon, cwynion a chanmoliaeth, ac mewn cyfarfodydd."), &[], false, "subject"),
    cat("references", ("References", "Geirda"), ("What your previous landlord or employer tells us about you.", "Yr hyn y mae eich landlord neu eich cyflogwr blaenorol yn ei ddweud wrthym amdanoch."), &[], false, "others"),
    cat("carers", ("Carers and representatives", "Gofalwyr a chynrychiolwyr"), ("The name and contact details of a carer, relative or advocate who helps you deal with us.", "Enw a manylion cyswllt gofalwr, perthynas neu eiriolwr sy'n eich helpu i ddelio â ni."), &[], false, "both"),
    cat("rent-payments", ("Rent and service charge payments", "Taliadau rhent a thâl gwasanaeth"), ("What you have paid, what you owe and any arrangement you have made with us to pay arrears.", "Yr hyn rydych wedi'i dalu, yr hyn sydd arnoch ac unrhyw drefniant rydych wedi'i wneud gyda ni i dalu ôl-ddyledion."), &[], false, "both"),
    cat("support-needs", ("Support needs", "Anghenion cymorth"), ("The help you need to live independently, such as managing money, shopping or looking after your home.", "Y cymorth sydd ei angen arnoch i fyw'n annibynnol, er enghraifft i reoli arian, i siopa neu i ofalu am eich cartref."), &[], false, "both"),
    cat("children", ("Information about children", "Gwybodaeth am blant"), ("The names, ages and schools of children in your household, where this matters to your case.", "Enwau, oedrannau ac ysgolion plant yn eich aelwyd, pan fydd hynny'n berthnasol i'ch achos."), &[], false, "subject"),
    cat("visit-locations", ("Times and places of visits", "Amseroedd a lleoliadau ymweliadau"), ("When and where our staff visit you, recorded by their work phones.", "Pryd a ble y mae ein staff yn ymweld â chi, fel y'i cofnodir gan eu ffonau gwaith."), &[], false, "subject"),
    cat("right-to-work", ("Nationality and right to work", "Cenedligrwydd a'r hawl i weithio"), ("Your nationality and, where the law requires us to check it, your right to work in the UK.", "Eich cenedligrwydd ac, os yw'r gyfraith yn ei gwneud yn ofynnol i ni ei wirio, eich hawl i weithio yn y DU."), &[], false, "both"),
];

const SPECIAL_CATEGORIES: &[Category] = &[
    cat("health", ("Health and disability", "Iechyd ac anabledd"), ("Information about your physical or mental health, or a disability, where it affects the help you need.", "Gwybodaeth am eich iechyd corfforol neu feddyliol, neu anabledd, pan fydd yn effeithio ar y cymorth sydd ei angen arnoch."), &["health"], false, "both"),
    cat("diversity", ("Equality monitoring answers", "Atebion monitro cydraddoldeb"), ("Your ethnic group, religion or belief, disability and sexual orientation, if you choose to answer our optional questions.", "Eich grŵp ethnig, eich crefydd neu gred, anabledd a chyfeiriadedd rhywiol, os byddwch yn dewis ateb ein cwestiynau dewisol."), &["racial-ethnic-origin", "religious-philosophical-beliefs", "health", "sexual-orientation"], false, "subject"),
    cat("union-membership", ("Trade union membership", "Aelodaeth o undeb llafur"), ("Whether you belong to a trade union, if you ask us to pay your subscription from your wages.", "A ydych yn aelod o undeb llafur, os byddwch yn gofyn i ni dalu eich tanysgrifiad o'ch cyflog."), &["trade-union-membership"], false, "subject"),
    cat("biometrics", ("Fingerprint and face data", "Data olion bysedd ac wyneb"), ("A template of your fingerprint or face, if you choose to use it to open entry doors or sign in to a shared device.", "Templed o ôl eich bys neu eich wyneb, os byddwch yn dewis ei ddefnyddio i agor drysau mynediad neu i fewngofnodi i ddyfais a rennir."), &["biometric"], false, "subject"),
    cat("genetic-history", ("Family health history and genetic test results", "Hanes iechyd y teulu a chanlyniadau profion genetig"), ("Results of genetic tests and conditions that run in your family, only where a health professional shares them with us to plan your care.", "Canlyniadau profion genetig a chyflyrau sy'n rhedeg yn eich teulu, dim ond pan fydd gweithiwr iechyd proffesiynol yn eu rhannu â ni er mwyn cynllunio eich gofal."), &["genetic", "health"], false, "others"),
    cat("political-views", ("Political opinions", "Barn wleidyddol"), ("Your political views or party membership, if you mention them when you stand for our tenants' board or take part in a consultation.", "Eich safbwyntiau gwleidyddol neu eich aelodaeth o blaid, os byddwch yn sôn amdanynt pan fyddwch yn sefyll etholiad i fwrdd ein tenantiaid neu'n cymryd rhan mewn ymgynghoriad."), &["political-opinions"], false, "subject"),
    cat("relationships", ("Sex life and relationships", "Bywyd rhywiol a pherthnasoedd"), ("Information about your sex life or relationships, only where you tell us about it because it affects your safety.", "Gwybodaeth am eich bywyd rhywiol neu eich perthnasoedd, dim ond pan fyddwch yn dweud wrthym amdani am ei bod yn effeithio ar eich diogelwch."), &["sex-life"], false, "subject"),
    cat("faith", ("Religion or belief", "Crefydd neu gred"), ("Your religion or belief, if you tell us so that we can respect it, for example in the care we give or the food we provide.", "Eich crefydd neu eich cred, os byddwch yn dweud wrthym er mwyn i ni ei pharchu, er enghraifft yn y gofal a roddwn neu yn y bwyd a ddarparwn."), &["religious-philosophical-beliefs"], false, "subject"),
    cat("ethnic-origin", ("Ethnic origin", "Tarddiad ethnig"), ("Your ethnic origin, where it helps us meet your cultural needs or provide an interpreter.", "Eich tarddiad ethnig, pan fydd yn ein helpu i ddiwallu eich anghenion diwylliannol neu i ddarparu cyfieithydd."), &["racial-ethnic-origin"], false, "subject"),
    cat("sexual-orientation", ("Sexual orientation", "Cyfeiriadedd rhywiol"), ("Your sexual orientation, if you tell us about it when you report harassment or ask for support.", "Eich cyfeiriadedd rhywiol, os byddwch yn dweud wrthym amdano pan fyddwch yn rhoi gwybod am aflonyddu neu'n gofyn am gymorth."), &["sexual-orientation"], false, "subject"),
    cat("public-posts", ("Health details you post publicly", "Manylion iechyd rydych yn eu postio'n gyhoeddus"), ("What you say about your health in public posts on our social media pages.", "Yr hyn rydych yn ei ddweud am eich iechyd mewn negeseuon cyhoeddus ar ein tudalennau cyfryngau cymdeithasol."), &["health"], false, "subject"),
];

const CRIMINAL_CATEGORIES: &[Category] = &[
    cat("offences", ("Criminal offences and convictions", "Troseddau ac euogfarnau"), ("Unspent convictions and cautions you tell us about, or that the police share with us to manage a risk.", "Euogfarnau a rhybuddion heb eu disbyddu y byddwch yn dweud wrthym amdanynt, neu y mae'r heddlu'n eu rhannu â ni i reoli risg."), &[], true, "both"),
    cat("allegations", ("Allegations of crime and anti-social behaviour", "Honiadau o droseddu ac ymddygiad gwrthgymdeithasol"), ("Reports that you or someone in your household has committed a crime or behaved anti-socially, and the evidence.", "Adroddiadau eich bod chi neu rywun yn eich aelwyd wedi cyflawni trosedd neu wedi ymddwyn yn wrthgymdeithasol, a'r dystiolaeth."), &[], true, "others"),
    cat("record-checks", ("Criminal record checks", "Gwiriadau cofnodion troseddol"), ("The result of a Disclosure and Barring Service check, where a role or a service needs one.", "Canlyniad gwiriad gan y Gwasanaeth Datgelu a Gwahardd, pan fydd ei angen ar gyfer rôl neu wasanaeth."), &[], true, "others"),
];

const CATEGORY_EXTRA: &[T] = &[
    (
        "We check this information is accurate whenever we are in touch with you.",
        "Rydym yn gwirio bod yr wybodaeth hon yn gywir bob tro y byddwn mewn cysylltiad â chi.",
    ),
    (
        "Only the staff who need it for their work can see it.",
        "Dim ond y staff sydd ei hangen ar gyfer eu gwaith sy'n gallu ei gweld.",
    ),
    (
        "We ask for no more than we need for your {s}.",
        "Nid ydym yn gofyn am fwy nag sydd ei angen arnom ar gyfer eich {s}.",
    ),
    (
        "If anything changes, please tell us so that we can update your record.",
        "Os bydd unrhyw beth yn newid, rhowch wybod i ni er mwyn i ni allu diweddaru eich cofnod.",
    ),
    (
        "We keep it in a secure system that records who has looked at it.",
        "Rydym yn ei chadw mewn system ddiogel sy'n cofnodi pwy sydd wedi edrych arni.",
    ),
    (
        "You can ask at any time what we hold about your {s}.",
        "Gallwch ofyn ar unrhyw adeg pa wybodaeth sydd gennym am eich {s}.",
    ),
    (
        "Paper copies are kept locked away and shredded when they are no longer needed.",
        "Caiff copïau papur eu cadw dan glo a'u rhwygo pan nad oes eu hangen mwyach.",
    ),
    (
        "Where we can, we use information that does not identify you.",
        "Lle bo modd, rydym yn defnyddio gwybodaeth nad yw'n eich adnabod.",
    ),
];

/// Acts of Parliament and of the Senedd, by index.
const ACTS: &[T] = &[
    ("Housing (Wales) Act 2014", "Deddf Tai (Cymru) 2014"),
    (
        "Renting Homes (Wales) Act 2016",
        "Deddf Rhentu Cartrefi (Cymru) 2016",
    ),
    (
        "Social Services and Well-being (Wales) Act 2014",
        "Deddf Gwasanaethau Cymdeithasol a Llesiant (Cymru) 2014",
    ),
    ("Equality Act 2010", "Deddf Cydraddoldeb 2010"),
    (
        "Anti-social Behaviour, Crime and Policing Act 2014",
        "Deddf Ymddygiad Gwrthgymdeithasol, Troseddu a Phlismona 2014",
    ),
    (
        "Regulatory Reform (Fire Safety) Order 2005",
        "Gorchymyn Diwygio Rheoleiddiol (Diogelwch Tân) 2005",
    ),
    (
        "Gas Safety (Installation and Use) Regulations 1998",
        "Rheoliadau Diogelwch Nwy (Gosod a Defnyddio) 1998",
    ),
    (
        "Immigration, Asylum and Nationality Act 2006",
        "Deddf Mewnfudo, Lloches a Chenedligrwydd 2006",
    ),
    (
        "Welsh Language (Wales) Measure 2011",
        "Mesur y Gymraeg (Cymru) 2011",
    ),
    ("Companies Act 2006", "Deddf Cwmnïau 2006"),
    (
        "Co-operative and Community Benefit Societies Act 2014",
        "Deddf Cymdeithasau Cydweithredol a Chymdeithasau Budd Cymunedol 2014",
    ),
    (
        "Regulation and Inspection of Social Care (Wales) Act 2016",
        "Deddf Rheoleiddio ac Arolygu Gofal Cymdeithasol (Cymru) 2016",
    ),
    (
        "Safeguarding Vulnerable Groups Act 2006",
        "Deddf Diogelu Grwpiau Hyglwyf 2006",
    ),
    (
        "Crime and Disorder Act 1998",
        "Deddf Trosedd ac Anhrefn 1998",
    ),
    (
        "Income Tax (Earnings and Pensions) Act 2003",
        "Deddf Treth Incwm (Enillion a Phensiynau) 2003",
    ),
    (
        "Health and Safety at Work etc. Act 1974",
        "Deddf Iechyd a Diogelwch yn y Gwaith etc. 1974",
    ),
    (
        "Well-being of Future Generations (Wales) Act 2015",
        "Deddf Llesiant Cenedlaethau'r Dyfodol (Cymru) 2015",
    ),
];

/// Art 9 condition a purpose uses when its categories include special-category data.
#[derive(Clone, Copy, PartialEq)]
enum Sc {
    /// Takes no special-category data.
    No,
    ExplicitConsent,
    Employment,
    Vital,
    NotForProfit,
    MadePublic,
    LegalClaims,
    /// substantial-public-interest with this Schedule 1 Part 2 paragraph
    Spi(u8),
    HealthSocialCare,
    PublicHealth,
    Archiving,
}

impl Sc {
    fn code(self) -> Option<(&'static str, Option<u8>)> {
        Some(match self {
            Sc::No => return None,
            Sc::ExplicitConsent => ("explicit-consent", None),
            Sc::Employment => ("employment-social-security", Some(1)),
            Sc::Vital => ("vital-interests", None),
            Sc::NotForProfit => ("not-for-profit", None),
            Sc::MadePublic => ("made-public", None),
            Sc::LegalClaims => ("legal-claims", None),
            Sc::Spi(p) => ("substantial-public-interest", Some(p)),
            Sc::HealthSocialCare => ("health-social-care", Some(2)),
            Sc::PublicHealth => ("public-health", Some(3)),
            Sc::Archiving => ("archiving-research", Some(4)),
        })
    }
}

/// Art 10 condition a purpose uses when its categories include criminal-offence data.
#[derive(Clone, Copy, PartialEq)]
enum Cc {
    No,
    Official,
    Para(u8),
    Extends(u8),
}

struct PurposeT {
    id: &'static str,
    name: T,
    details: T,
    basis: &'static str,
    interests: Option<T>,
    annex1: Option<u8>,
    acts: &'static [usize],
    sc: Sc,
    cc: Cc,
    marketing: bool,
}

#[allow(clippy::too_many_arguments)]
const fn purpose(
    id: &'static str,
    name: T,
    details: T,
    basis: &'static str,
    interests: Option<T>,
    annex1: Option<u8>,
    acts: &'static [usize],
    sc: Sc,
    cc: Cc,
    marketing: bool,
) -> PurposeT {
    PurposeT {
        id,
        name,
        details,
        basis,
        interests,
        annex1,
        acts,
        sc,
        cc,
        marketing,
    }
}

const PURPOSES: &[PurposeT] = &[
    purpose("deliver-service", ("Providing the service you have asked for", "Darparu'r gwasanaeth rydych wedi gofyn amdano"), ("We use your information to deal with your {s} and to let you know how things are going.", "Rydym yn defnyddio eich gwybodaeth i ddelio â'ch {s} ac i roi gwybod i chi sut mae pethau'n mynd."), "contract", None, None, &[], Sc::HealthSocialCare, Cc::No, false),
    purpose("landlord-duties", ("Meeting our legal duties as a landlord", "Cyflawni ein dyletswyddau cyfreithiol fel landlord"), ("The law sets out what we must do as your landlord, such as keeping your home safe and in good repair.", "Mae'r gyfraith yn nodi beth sy'n rhaid i ni ei wneud fel eich landlord, megis cadw eich cartref yn ddiogel ac mewn cyflwr da."), "legal-obligation", None, None, &[1, 0, 6], Sc::Spi(6), Cc::Para(6), false),
    purpose("housing-functions", ("Carrying out our functions under housing law", "Cyflawni ein swyddogaethau o dan gyfraith tai"), ("Some of what we do, such as helping the council find homes for people who are homeless, is a task in the public interest set out in law.", "Mae rhai o'r pethau a wnawn, megis helpu'r cyngor i ddod o hyd i gartrefi i bobl ddigartref, yn dasg er budd y cyhoedd a nodir yn y gyfraith."), "public-task", None, None, &[0, 16], Sc::Spi(6), Cc::Official, false),
    purpose("safeguarding", ("Keeping children and adults at risk safe", "Cadw plant ac oedolion sy'n wynebu risg yn ddiogel"), ("If we are worried that someone is at risk of abuse or neglect, we share what we know with social services or the police.", "Os ydym yn pryderu bod rhywun mewn perygl o gael ei gam-drin neu ei esgeuluso, byddwn yn rhannu'r hyn a wyddom â'r gwasanaethau cymdeithasol neu'r heddlu."), "recognised-legitimate-interests", None, Some(5), &[], Sc::Spi(18), Cc::Extends(18), false),
    purpose("crime-prevention", ("Preventing and detecting crime", "Atal a chanfod troseddau"), ("We use information to prevent crime on our estates, and we share it with the police when they ask for it to investigate a crime.", "Rydym yn defnyddio gwybodaeth i atal troseddau ar ein hystadau, ac yn ei rhannu â'r heddlu pan fyddant yn gofyn amdani i ymchwilio i drosedd."), "recognised-legitimate-interests", None, Some(4), &[], Sc::Spi(10), Cc::Para(10), false),
    purpose("emergencies", ("Protecting someone whose life is at risk", "Diogelu rhywun y mae ei fywyd mewn perygl"), ("Only in an emergency, when someone could be seriously hurt and cannot give consent.", "Mewn argyfwng yn unig, pan allai rhywun gael ei anafu'n ddifrifol ac na all roi cydsyniad."), "vital-interests", None, None, &[], Sc::Vital, Cc::Para(30), false),
    purpose("newsletter", ("Sending you our newsletter and news of events", "Anfon ein cylchlythyr a newyddion am ddigwyddiadau atoch"), ("Only if you have asked us to. Every message tells you how to unsubscribe.", "Dim ond os ydych wedi gofyn i ni wneud hynny. Mae pob neges yn dweud wrthych sut i ddad-danysgrifio."), "consent", None, None, &[], Sc::No, Cc::No, true),
    purpose("service-improvement", ("Improving our services", "Gwella ein gwasanaethau"), ("We look at how people use our services, and what they tell us, to find out what works and what needs to change.", "Rydym yn edrych ar sut mae pobl yn defnyddio ein gwasanaethau, a'r hyn y maent yn ei ddweud wrthym, er mwyn gweld beth sy'n gweithio a beth y mae angen ei newid."), "legitimate-interests", Some(("Making our services better for the people who use them, in ways they would expect.", "Gwneud ein gwasanaethau'n well i'r bobl sy'n eu defnyddio, mewn ffyrdd y byddent yn eu disgwyl.")), None, &[], Sc::No, Cc::No, false),
    purpose("equality-monitoring", ("Equality monitoring", "Monitro cydraddoldeb"), ("To check that our services reach everyone who needs them. Your answers are reported only as statistics that do not identify you.", "I wirio bod ein gwasanaethau'n cyrraedd pawb sydd eu hangen. Dim ond fel ystadegau nad ydynt yn eich adnabod y caiff eich atebion eu hadrodd."), "legal-obligation", None, None, &[3], Sc::Spi(8), Cc::No, false),
    purpose("research", ("Research and statistics", "Ymchwil ac ystadegau"), ("We study trends in the needs of the people we serve, using information with names removed wherever we can.", "Rydym yn astudio tueddiadau yn anghenion y bobl a wasanaethwn, gan ddefnyddio gwybodaeth heb enwau lle bynnag y bo modd."), "legitimate-interests", Some(("Understanding the needs of our communities so that we can plan services for the future.", "Deall anghenion ein cymunedau er mwyn i ni allu cynllunio gwasanaethau ar gyfer y dyfodol.")), None, &[], Sc::Archiving, Cc::No, false),
    purpose("infection-control", ("Controlling infections in our care homes", "Rheoli heintiau yn ein cartrefi gofal"), ("When there is an outbreak of infection, we share information with public health teams so that they can protect residents and staff.", "Pan fydd achos o haint yn lledu, byddwn yn rhannu gwybodaeth â thimau iechyd y cyhoedd er mwyn iddynt allu diogelu preswylwyr a staff."), "legal-obligation", None, None, &[15, 11], Sc::PublicHealth, Cc::No, false),
    purpose("employer-duties", ("Meeting our duties as an employer", "Cyflawni ein dyletswyddau fel cyflogwr"), ("We must check that the people we employ have the right to work, pay them correctly and keep them safe at work.", "Rhaid i ni wirio bod gan y bobl a gyflogwn yr hawl i weithio, eu talu'n gywir a'u cadw'n ddiogel yn y gwaith."), "legal-obligation", None, None, &[14, 15, 7], Sc::Employment, Cc::Para(1), false),
    purpose("members-network", ("Running our members' network", "Rhedeg ein rhwydwaith aelodau"), ("As a community benefit society, we keep a register of our members and invite them to meetings and votes.", "Fel cymdeithas budd cymunedol, rydym yn cadw cofrestr o'n haelodau ac yn eu gwahodd i gyfarfodydd a phleidleisiau."), "legitimate-interests", Some(("Running the society democratically, as our rules require.", "Rhedeg y gymdeithas yn ddemocrataidd, fel y mae ein rheolau'n ei gwneud yn ofynnol.")), None, &[], Sc::NotForProfit, Cc::No, false),
    purpose("public-replies", ("Replying to what you post about us in public", "Ymateb i'r hyn rydych yn ei bostio amdanom yn gyhoeddus"), ("If you post about our services on social media, we may reply and look into what you have said.", "Os byddwch yn postio am ein gwasanaethau ar y cyfryngau cymdeithasol, efallai y byddwn yn ymateb ac yn ymchwilio i'r hyn rydych wedi'i ddweud."), "legitimate-interests", Some(("Answering concerns raised about our services in public.", "Ymateb i bryderon a godir yn gyhoeddus am ein gwasanaethau.")), None, &[], Sc::MadePublic, Cc::No, false),
    purpose("legal-claims", ("Dealing with legal claims", "Ymdrin â hawliadau cyfreithiol"), ("To take legal advice, to bring or defend a claim, and to deal with insurance claims.", "I gael cyngor cyfreithiol, i ddwyn neu amddiffyn hawliad, ac i ymdrin â hawliadau yswiriant."), "legitimate-interests", Some(("Protecting the association's legal position and its tenants' money.", "Diogelu sefyllfa gyfreithiol y gymdeithas ac arian ei thenantiaid.")), None, &[], Sc::LegalClaims, Cc::Para(33), false),
    purpose("referrals", ("Referring you to other organisations", "Eich atgyfeirio at sefydliadau eraill"), ("We only refer you, and only share what the other organisation needs, when you ask us to.", "Dim ond pan fyddwch yn gofyn i ni y byddwn yn eich atgyfeirio, a dim ond yr hyn sydd ei angen ar y sefydliad arall y byddwn yn ei rannu."), "consent", None, None, &[], Sc::ExplicitConsent, Cc::Para(29), false),
    purpose("complaints-handling", ("Handling complaints", "Ymdrin â chwynion"), ("To look into what went wrong, put it right and learn from it.", "I ymchwilio i'r hyn a aeth o'i le, ei unioni a dysgu ohono."), "legitimate-interests", Some(("Putting things right for the people we serve and improving our services.", "Unioni pethau i'r bobl a wasanaethwn a gwella ein gwasanaethau.")), None, &[], Sc::No, Cc::No, false),
    purpose("fraud-prevention", ("Preventing fraud", "Atal twyll"), ("We check the information you give us against our records and, with other housing providers, to stop tenancy fraud.", "Rydym yn gwirio'r wybodaeth a roddwch i ni yn erbyn ein cofnodion ac, ynghyd â darparwyr tai eraill, er mwyn atal twyll tenantiaeth."), "legitimate-interests", Some(("Making sure our homes go to the people who need them and that public money is not lost to fraud.", "Sicrhau bod ein cartrefi'n mynd i'r bobl sydd eu hangen ac nad yw arian cyhoeddus yn cael ei golli drwy dwyll.")), None, &[], Sc::Spi(14), Cc::Para(14), false),
    purpose("advice-support", ("Giving you advice and support", "Rhoi cyngor a chymorth i chi"), ("Our support workers help with money, wellbeing and keeping your home, and keep notes so that they can carry on helping you.", "Mae ein gweithwyr cymorth yn helpu gydag arian, llesiant a chadw eich cartref, ac yn cadw nodiadau er mwyn iddynt allu parhau i'ch helpu."), "legitimate-interests", Some(("Helping our tenants keep their homes and live well.", "Helpu ein tenantiaid i gadw eu cartrefi a byw'n dda.")), None, &[], Sc::Spi(17), Cc::Extends(17), false),
    purpose("care-planning", ("Planning and checking your care", "Cynllunio a gwirio eich gofal"), ("We record your care needs and the care you receive, and share them with Care Inspectorate Wales when it inspects us.", "Rydym yn cofnodi eich anghenion gofal a'r gofal a gewch, ac yn eu rhannu ag Arolygiaeth Gofal Cymru pan fydd yn ein harolygu."), "legal-obligation", None, None, &[11, 2], Sc::HealthSocialCare, Cc::Para(2), false),
    purpose("welsh-language", ("Providing our services in Welsh", "Darparu ein gwasanaethau yn Gymraeg"), ("We record your language choice so that we always write and speak to you in the language you prefer.", "Rydym yn cofnodi eich dewis iaith er mwyn i ni bob amser ysgrifennu atoch a siarad â chi yn yr iaith sy'n well gennych."), "legitimate-interests", Some(("Respecting your choice of language, as our Welsh language scheme promises.", "Parchu eich dewis iaith, fel y mae ein cynllun iaith Gymraeg yn ei addo.")), None, &[], Sc::No, Cc::No, false),
    purpose("regulatory-reporting", ("Reporting to our regulators", "Adrodd i'n rheoleiddwyr"), ("We give our regulators and auditors the information they need to check that we are well run.", "Rydym yn rhoi'r wybodaeth sydd ei hangen ar ein rheoleiddwyr a'n harchwilwyr i wirio ein bod yn cael ein rhedeg yn dda."), "legal-obligation", None, None, &[10, 9], Sc::No, Cc::No, false),
    purpose("disability-support", ("Supporting you with a disability or health condition", "Eich cefnogi os oes gennych anabledd neu gyflwr iechyd"), ("So that we can adapt the way we work with you, for example by visiting you at home or giving you more time.", "Er mwyn i ni allu addasu'r ffordd rydym yn gweithio gyda chi, er enghraifft drwy ymweld â chi gartref neu roi mwy o amser i chi."), "contract", None, None, &[], Sc::Spi(16), Cc::No, false),
    purpose("insurance", ("Arranging insurance", "Trefnu yswiriant"), ("We tell our insurers about incidents and claims that involve our homes and services.", "Rydym yn rhoi gwybod i'n hyswirwyr am ddigwyddiadau a hawliadau sy'n ymwneud â'n cartrefi a'n gwasanaethau."), "legitimate-interests", Some(("Protecting the association against financial loss.", "Diogelu'r gymdeithas rhag colled ariannol.")), None, &[], Sc::Spi(20), Cc::No, false),
    purpose("anti-social-behaviour", ("Dealing with anti-social behaviour", "Ymdrin ag ymddygiad gwrthgymdeithasol"), ("We investigate reports of anti-social behaviour and may apply to court for an injunction to protect our tenants.", "Rydym yn ymchwilio i adroddiadau am ymddygiad gwrthgymdeithasol a gallwn wneud cais i'r llys am waharddeb i ddiogelu ein tenantiaid."), "public-task", None, None, &[4, 13], Sc::Spi(10), Cc::Official, false),
];

const PURPOSE_EXTRA: &[T] = &[
    ("This applies to everything we do in connection with your {s}.", "Mae hyn yn berthnasol i bopeth a wnawn mewn cysylltiad â'ch {s}."),
    ("We explain this to you before we go ahead, unless doing so would put someone at risk.", "Byddwn yn esbonio hyn i chi cyn bwrw ymlaen, oni bai y byddai gwneud hynny'n rhoi rhywun mewn perygl."),
    ("We review every year how we use information for this purpose.", "Rydym yn adolygu bob blwyddyn sut rydym yn defnyddio gwybodaeth at y diben hwn."),
    ("We tell you if we need to use your information for anything else.", "Byddwn yn rhoi gwybod i chi os bydd angen i ni ddefnyddio eich gwybodaeth at unrhyw ddiben arall."),
    ("This helps us deal with your {s} quickly and fairly.", "Mae hyn yn ein helpu i ddelio â'ch {s} yn gyflym ac yn deg."),
    ("We use no more information than this purpose needs.", "Nid ydym yn defnyddio mwy o wybodaeth nag sydd ei hangen at y diben hwn."),
];

const CONSENT_WITHDRAWAL: &[T] = &[
    ("Tell any member of staff, or email [privacy@example.org.uk](mailto:privacy@example.org.uk), and we will stop. Withdrawing your consent does not affect what we did before you withdrew it.", "Dywedwch wrth unrhyw aelod o staff, neu anfonwch e-bost at [preifatrwydd@example.org.uk](mailto:preifatrwydd@example.org.uk), a byddwn yn rhoi'r gorau iddi. Nid yw tynnu eich cydsyniad yn ôl yn effeithio ar yr hyn a wnaethom cyn i chi ei dynnu'n ôl."),
    ("Use the unsubscribe link in any message, or change your choices in your online account.", "Defnyddiwch y ddolen dad-danysgrifio mewn unrhyw neges, neu newidiwch eich dewisiadau yn eich cyfrif ar-lein."),
    ("Phone us on [01632 960500](tel:01632960500) or tell your support worker. We will make no further referrals, and we will ask any organisation we have already referred you to whether it still needs your information.", "Ffoniwch ni ar [01632 960500](tel:01632960500) neu dywedwch wrth eich gweithiwr cymorth. Ni fyddwn yn gwneud rhagor o atgyfeiriadau, a byddwn yn gofyn i unrhyw sefydliad rydym eisoes wedi'ch atgyfeirio ato a oes arno angen eich gwybodaeth o hyd."),
];

struct ChannelT {
    id: &'static str,
    name: T,
    details: T,
}

const fn chan(id: &'static str, name: T, details: T) -> ChannelT {
    ChannelT { id, name, details }
}

const CHANNELS: &[ChannelT] = &[
    chan("web-form", ("Our online form", "Ein ffurflen ar-lein"), ("Your answers go straight to our case management system. The form does not keep a copy after you send it.", "Mae eich atebion yn mynd yn syth i'n system rheoli achosion. Nid yw'r ffurflen yn cadw copi ar ôl i chi ei hanfon.")),
    chan("phone", ("Phoning us", "Ein ffonio"), ("The person who takes your call records what you tell us. We do not record calls.", "Bydd y sawl sy'n ateb eich galwad yn cofnodi'r hyn rydych yn ei ddweud wrthym. Nid ydym yn recordio galwadau.")),
    chan("email", ("Email", "E-bost"), ("Emails come to a shared mailbox that only the team can open. We move what we need to your record and delete the email.", "Mae negeseuon e-bost yn dod i flwch post a rennir na all neb ond y tîm ei agor. Byddwn yn symud yr hyn sydd ei angen arnom i'ch cofnod ac yn dileu'r neges.")),
    chan("letters", ("Letters", "Llythyrau"), ("We scan the letters you send us into your record and then shred the paper.", "Byddwn yn sganio'r llythyrau rydych yn eu hanfon atom i'ch cofnod ac yna'n rhwygo'r papur.")),
    chan("office", ("Visiting our offices", "Ymweld â'n swyddfeydd"), ("A member of staff records your details and notes of your visit.", "Bydd aelod o staff yn cofnodi eich manylion a nodiadau am eich ymweliad.")),
    chan("home-visit", ("Home visits", "Ymweliadau â'r cartref"), ("Our officer takes notes on a work tablet and uploads them to your record afterwards.", "Bydd ein swyddog yn gwneud nodiadau ar dabled gwaith ac yn eu llwytho i fyny i'ch cofnod wedyn.")),
    chan("app", ("Our app", "Ein ap"), ("When you use the app to report a problem or make a payment, it sends your details to our systems over an encrypted connection.", "Pan fyddwch yn defnyddio'r ap i roi gwybod am broblem neu i wneud taliad, mae'n anfon eich manylion i'n systemau dros gysylltiad wedi'i amgryptio.")),
    chan("online-account", ("Your online account", "Eich cyfrif ar-lein"), ("You can see and update your details, and send us messages, after signing in with your email address and a code.", "Gallwch weld a diweddaru eich manylion, ac anfon negeseuon atom, ar ôl mewngofnodi gyda'ch cyfeiriad e-bost a chod.")),
    chan("web-chat", ("Web chat", "Sgwrs ar y we"), ("Our chat service keeps a transcript of your conversation, which we copy to your record if we need to.", "Mae ein gwasanaeth sgwrsio yn cadw trawsgrifiad o'ch sgwrs, a byddwn yn ei gopïo i'ch cofnod os bydd angen.")),
    chan("whatsapp", ("WhatsApp", "WhatsApp"), ("You can message us on WhatsApp. We copy anything we need to your record and delete the chat from our work phone.", "Gallwch anfon neges atom ar WhatsApp. Byddwn yn copïo unrhyw beth sydd ei angen arnom i'ch cofnod ac yn dileu'r sgwrs o'n ffôn gwaith.")),
    chan("text-messages", ("Text messages", "Negeseuon testun"), ("We send reminders and short updates by text message, and you can reply to them.", "Rydym yn anfon nodiadau atgoffa a diweddariadau byr drwy neges destun, a gallwch eu hateb.")),
    chan("referrals", ("Referrals from other organisations", "Atgyfeiriadau gan sefydliadau eraill"), ("Health and social care staff, advice agencies and councils can refer you to us with your agreement.", "Gall staff iechyd a gofal cymdeithasol, asiantaethau cynghori a chynghorau eich atgyfeirio atom gyda'ch cytundeb.")),
    chan("video-calls", ("Video calls", "Galwadau fideo"), ("We do not record video calls. Your adviser makes notes during the call.", "Nid ydym yn recordio galwadau fideo. Bydd eich cynghorydd yn gwneud nodiadau yn ystod yr alwad.")),
    chan("cameras", ("Cameras in communal areas", "Camerâu mewn mannau cymunedol"), ("Our cameras record entrances, stairways and car parks. Signs tell you where they are.", "Mae ein camerâu yn recordio mynedfeydd, grisiau a meysydd parcio. Mae arwyddion yn dweud wrthych ble maent.")),
    chan("social-media", ("Social media messages", "Negeseuon ar y cyfryngau cymdeithasol"), ("If you message our social media accounts, we reply there or ask you to contact us another way if your question is personal.", "Os byddwch yn anfon neges at ein cyfrifon cyfryngau cymdeithasol, byddwn yn ateb yno neu'n gofyn i chi gysylltu â ni mewn ffordd arall os yw eich cwestiwn yn un personol.")),
    chan("events", ("Events and drop-in sessions", "Digwyddiadau a sesiynau galw heibio"), ("Staff at our events write down your details only if you ask us to contact you.", "Dim ond os byddwch yn gofyn i ni gysylltu â chi y bydd staff yn ein digwyddiadau yn ysgrifennu eich manylion.")),
    chan("paper-forms", ("Paper forms", "Ffurflenni papur"), ("We type the answers on paper forms into our system and keep the form in a locked cabinet until it is destroyed.", "Byddwn yn teipio'r atebion ar ffurflenni papur i'n system ac yn cadw'r ffurflen mewn cwpwrdd dan glo nes iddi gael ei dinistrio.")),
    chan("kiosks", ("Self-service screens in our offices", "Sgriniau hunanwasanaeth yn ein swyddfeydd"), ("The screens send what you type to our systems and keep nothing once you finish.", "Mae'r sgriniau yn anfon yr hyn rydych yn ei deipio i'n systemau ac nid ydynt yn cadw dim ar ôl i chi orffen.")),
    chan("contractors", ("Our contractors", "Ein contractwyr"), ("Contractors who visit your home record what they find and the work they do in our repairs system.", "Mae contractwyr sy'n ymweld â'ch cartref yn cofnodi'r hyn a welant a'r gwaith a wnânt yn ein system atgyweirio.")),
    chan("alarm-calls", ("Alarm calls", "Galwadau larwm"), ("Calls from your alarm are answered by our monitoring centre, which records each call.", "Caiff galwadau o'ch larwm eu hateb gan ein canolfan fonitro, sy'n cofnodi pob galwad.")),
];

const CHANNEL_EXTRA: &[T] = &[
    (
        "We use what you tell us this way only for your {s}.",
        "Dim ond ar gyfer eich {s} y byddwn yn defnyddio'r hyn rydych yn ei ddweud wrthym fel hyn.",
    ),
    (
        "If you prefer, you can contact us another way about your {s}.",
        "Os yw'n well gennych, gallwch gysylltu â ni mewn ffordd arall ynghylch eich {s}.",
    ),
    (
        "You can choose to deal with us in Welsh or English.",
        "Gallwch ddewis delio â ni yn Gymraeg neu yn Saesneg.",
    ),
    (
        "Our staff check who you are before they discuss your {s}.",
        "Bydd ein staff yn gwirio pwy ydych chi cyn trafod eich {s}.",
    ),
    (
        "We keep a note of the date and time you contacted us.",
        "Rydym yn cadw nodyn o'r dyddiad a'r amser y gwnaethoch gysylltu â ni.",
    ),
    (
        "Please do not send bank details this way.",
        "Peidiwch ag anfon manylion banc fel hyn.",
    ),
];

enum Name {
    Plain(&'static str),
    Map(T),
}

#[derive(Clone, Copy)]
enum Dest {
    Country(&'static str),
}

#[derive(Clone, Copy)]
enum CopyT {
    No,
    Url(&'static str),
    Md(T),
}

#[derive(Clone, Copy)]
struct TransferT {
    dest: Dest,
    safeguard: &'static str,
    derogation: Option<&'static str>,
    details: T,
    copy: CopyT,
}

struct RecipientT {
    id: &'static str,
    name: Name,
    kind: &'static str,
    details: T,
    transfers: &'static [TransferT],
    /// Written as a single `transfer:` map.
    single: bool,
}

const COPY_MD: T = (
    "Ask our Data Protection Officer for a copy of the agreement, or read it on [our website](https://www.example.org.uk/en/safeguards/).",
    "Gofynnwch i'n Swyddog Diogelu Data am gopi o'r cytundeb, neu darllenwch ef ar [ein gwefan](https://www.example.org.uk/cy/mesurau-diogelu/).",
);

/// The derogation of `overseas-authorities` varies by notice (see `recipients`).
/// Countries without adequacy regulations, for the derogation transfers.
const DEROGATION_COUNTRIES: &[&str] = &["NG", "PK", "BR", "TR"];
const DEROGATIONS: &[&str] = &["b", "c", "d", "e", "f", "g", "compelling-interests"];
const DEROGATION_DETAILS: T = (
    "Only where the transfer is necessary and no other safeguard is available, as Article 49(1) allows.",
    "Dim ond pan fydd y trosglwyddiad yn angenrheidiol ac nad oes mesur diogelu arall ar gael, fel y mae Erthygl 49(1) yn ei ganiatáu.",
);

const fn rec(
    id: &'static str,
    name: Name,
    kind: &'static str,
    details: T,
    transfers: &'static [TransferT],
    single: bool,
) -> RecipientT {
    RecipientT {
        id,
        name,
        kind,
        details,
        transfers,
        single,
    }
}

const RECIPIENTS: &[RecipientT] = &[
    rec("contractors", Name::Map(("Repairs and maintenance contractors", "Contractwyr atgyweirio a chynnal a chadw")), "processor", ("So that they can arrange a visit and carry out the work. We give them only your name, address, phone number and any access needs.", "Er mwyn iddynt drefnu ymweliad a gwneud y gwaith. Dim ond eich enw, eich cyfeiriad, eich rhif ffôn ac unrhyw anghenion mynediad a roddwn iddynt."), &[], false),
    rec("local-council", Name::Map(("The local council", "Y cyngor lleol")), "controller", ("For housing applications, council tax and adaptations, and where the law requires us to share information.", "Ar gyfer ceisiadau am dai, treth gyngor ac addasiadau, a phan fydd y gyfraith yn ei gwneud yn ofynnol i ni rannu gwybodaeth."), &[], false),
    rec("health-board", Name::Map(("The local health board", "Y bwrdd iechyd lleol")), "controller", ("When we work together on your care, or to arrange for you to leave hospital.", "Pan fyddwn yn cydweithio ar eich gofal, neu i drefnu i chi gael eich rhyddhau o'r ysbyty."), &[], false),
    rec("social-services", Name::Map(("Social services", "Y gwasanaethau cymdeithasol")), "controller", ("If we are worried about the safety of a child or an adult at risk, or to plan your care with you.", "Os ydym yn pryderu am ddiogelwch plentyn neu oedolyn sy'n wynebu risg, neu i gynllunio eich gofal gyda chi."), &[], false),
    rec("credit-agency", Name::Map(("A credit reference agency", "Asiantaeth gwirio credyd")), "controller", ("To check your identity and, for shared ownership, whether you can afford the home. The check leaves a soft footprint that other lenders cannot see.", "I wirio pwy ydych chi ac, ar gyfer rhanberchnogaeth, a allwch fforddio'r cartref. Mae'r gwiriad yn gadael ôl meddal na all benthycwyr eraill ei weld."), &[], false),
    rec("survey-company", Name::Map(("Our survey company", "Ein cwmni arolygon")), "processor", ("Carries out satisfaction surveys on our behalf by phone, text message and email, and gives us the results.", "Mae'n cynnal arolygon bodlonrwydd ar ein rhan dros y ffôn, drwy neges destun a drwy e-bost, ac yn rhoi'r canlyniadau i ni."), &[TransferT { dest: Dest::Country("IN"), safeguard: "addendum", derogation: None, details: ("Survey calls are made from a call centre in India, under the EU standard contractual clauses with the UK Addendum.", "Caiff galwadau arolwg eu gwneud o ganolfan alwadau yn India, o dan gymalau contractiol safonol yr UE ynghyd ag Atodiad y DU."), copy: CopyT::Md(COPY_MD) }], false),
    rec("brightdesk", Name::Plain("Brightdesk"), "processor", ("Our customer relationship system, which holds the history of your contact with us. Its support staff may see your record while fixing a fault.", "Ein system rheoli cysylltiadau cwsmeriaid, sy'n cadw hanes eich cyswllt â ni. Gall ei staff cymorth weld eich cofnod wrth drwsio nam."), &[TransferT { dest: Dest::Country("US"), safeguard: "idta", derogation: None, details: ("Support staff in the United States may see your record. The International Data Transfer Agreement protects it.", "Efallai y bydd staff cymorth yn yr Unol Daleithiau yn gweld eich cofnod. Mae'r Cytundeb Trosglwyddo Data Rhyngwladol yn ei ddiogelu."), copy: CopyT::Url("https://www.example.org.uk/safeguards/brightdesk/") }], false),
    rec("payline", Name::Plain("Payline"), "processor", ("Processes card and Direct Debit payments. We never see your full card number.", "Mae'n prosesu taliadau cerdyn a Debyd Uniongyrchol. Nid ydym byth yn gweld rhif llawn eich cerdyn."), &[TransferT { dest: Dest::Country("US"), safeguard: "bcrs", derogation: None, details: ("Payline's group companies follow binding corporate rules approved by the Information Commissioner.", "Mae cwmnïau grŵp Payline yn dilyn rheolau corfforaethol rhwymol a gymeradwywyd gan y Comisiynydd Gwybodaeth."), copy: CopyT::Url("https://www.example.org.uk/safeguards/payline/") }], true),
    rec("fflach-mail", Name::Plain("Fflach Mail"), "processor", ("Prints and posts our letters and newsletters.", "Mae'n argraffu ac yn postio ein llythyrau a'n cylchlythyrau."), &[], false),
    rec("utilities", Name::Map(("Energy and water suppliers", "Cyflenwyr ynni a dŵr")), "controller", ("When you move in or out, so that bills go to the right person.", "Pan fyddwch yn symud i mewn neu allan, er mwyn i filiau fynd at y person iawn."), &[], false),
    rec("citizens-advice", Name::Map(("Citizens Advice Glan-y-Môr", "Cyngor ar Bopeth Glan-y-Môr")), "joint-controller", ("We run some advice sessions together and share responsibility for the records made at them.", "Rydym yn cynnal rhai sesiynau cynghori gyda'n gilydd ac yn rhannu'r cyfrifoldeb am y cofnodion a wneir ynddynt."), &[], false),
    rec("care-agencies", Name::Map(("Care agencies we commission", "Asiantaethau gofal rydym yn eu comisiynu")), "processor", ("They provide some of your care on our behalf and see your care plan.", "Maent yn darparu rhywfaint o'ch gofal ar ein rhan ac yn gweld eich cynllun gofal."), &[], false),
    rec("finance-team", Name::Map(("Our finance team", "Ein tîm cyllid")), "internal", ("To take payments, pay refunds and recover money owed.", "I gymryd taliadau, talu ad-daliadau ac adennill arian sy'n ddyledus."), &[], false),
    rec("housing-officers", Name::Map(("Our housing officers", "Ein swyddogion tai")), "internal", ("When your case affects your tenancy, for example if you are behind with your rent.", "Pan fydd eich achos yn effeithio ar eich tenantiaeth, er enghraifft os ydych ar ei hôl hi gyda'ch rhent."), &[], false),
    rec("university", Name::Map(("Glan-y-Môr University", "Prifysgol Glan-y-Môr")), "controller", ("Researchers receive information that does not name you, to study how our services help people.", "Mae ymchwilwyr yn cael gwybodaeth nad yw'n eich enwi, er mwyn astudio sut mae ein gwasanaethau'n helpu pobl."), &[], false),
    rec("interpreters", Name::Map(("Interpreting and translation services", "Gwasanaethau cyfieithu a chyfieithu ar y pryd")), "processor", ("If you need an interpreter, or a document in another language or format.", "Os oes angen cyfieithydd arnoch, neu ddogfen mewn iaith neu fformat arall."), &[TransferT { dest: Dest::Country("CH"), safeguard: "adequacy", derogation: None, details: ("Some interpreters work from Switzerland. UK regulations recognise that country as giving adequate protection.", "Mae rhai cyfieithwyr yn gweithio o'r Swistir. Mae rheoliadau'r DU yn cydnabod bod y wlad honno'n rhoi diogelwch digonol."), copy: CopyT::No }], true),
    rec("insurers", Name::Map(("Our insurers", "Ein hyswirwyr")), "controller", ("If you make a claim against us, or we make one that involves you.", "Os byddwch yn gwneud hawliad yn ein herbyn, neu os byddwn ni'n gwneud un sy'n ymwneud â chi."), &[], false),
    rec("solicitors", Name::Map(("Our solicitors", "Ein cyfreithwyr")), "controller", ("For legal advice, and to bring or defend legal proceedings.", "I gael cyngor cyfreithiol, ac i ddwyn achos cyfreithiol neu amddiffyn achos yn ein herbyn."), &[TransferT { dest: Dest::Country("US"), safeguard: "derogation", derogation: Some("e"), details: ("Only when we need to bring or defend a legal claim in a court in the United States.", "Dim ond pan fydd angen i ni ddwyn neu amddiffyn hawliad cyfreithiol mewn llys yn yr Unol Daleithiau."), copy: CopyT::No }], false),
    rec("overseas-authorities", Name::Map(("Public bodies in other countries", "Cyrff cyhoeddus mewn gwledydd eraill")), "controller", ("If you move abroad, or have a claim or a debt in another country, and the law allows us to share.", "Os byddwch yn symud dramor, neu os oes gennych hawliad neu ddyled mewn gwlad arall, a bod y gyfraith yn caniatáu i ni rannu."), &[
        TransferT { dest: Dest::Country("AU"), safeguard: "administrative-arrangement", derogation: None, details: ("We share information with Australian public bodies under an administrative arrangement between public authorities.", "Rydym yn rhannu gwybodaeth â chyrff cyhoeddus yn Awstralia o dan drefniant gweinyddol rhwng awdurdodau cyhoeddus."), copy: CopyT::Md(COPY_MD) },
        TransferT { dest: Dest::Country("US"), safeguard: "public-body-instrument", derogation: None, details: ("Transfers to public bodies in the United States rely on an instrument between public authorities that is legally binding.", "Mae trosglwyddiadau i gyrff cyhoeddus yn yr Unol Daleithiau yn dibynnu ar offeryn rhwng awdurdodau cyhoeddus sy'n gyfreithiol rwymol."), copy: CopyT::Url("https://www.example.org.uk/safeguards/public-bodies/") },
    ], false),
];

const RECIPIENT_EXTRA: &[T] = &[
    ("We share only what is needed, and we record what we share and why.", "Dim ond yr hyn sydd ei angen y byddwn yn ei rannu, ac rydym yn cofnodi'r hyn a rannwn a pham."),
    ("They must protect your information to the same standard as we do.", "Rhaid iddynt ddiogelu eich gwybodaeth i'r un safon â ni."),
    ("We have a written agreement with them that says what they may do with it.", "Mae gennym gytundeb ysgrifenedig gyda nhw sy'n nodi beth y cânt ei wneud â hi."),
    ("We tell you before we share, unless the law says we must not.", "Byddwn yn rhoi gwybod i chi cyn rhannu, oni bai bod y gyfraith yn dweud na ddylem wneud hynny."),
    ("This only happens in connection with your {s}.", "Dim ond mewn cysylltiad â'ch {s} y mae hyn yn digwydd."),
];

/// Catalogue ids in `_organisation.yaml` (see ORGANISATION), in order.
const CATALOGUE_RECIPIENTS: &[&str] = &[
    "association-teams",
    "ict-suppliers",
    "police",
    "dwp",
    "hmrc",
    "housing-regulator",
    "ombudsman",
    "auditors",
    "whatsapp",
    "red-cross",
    "postflow",
    "home-office",
];
const CATALOGUE_RETENTION: &[&str] = &[
    "complaints-file",
    "financial-records",
    "general-correspondence",
    "tenancy-file",
    "cctv-footage",
    "call-notes",
    "board-minutes",
    "safeguarding-records",
    "web-logs",
    "survey-responses",
    "dbs-results",
    "health-safety-records",
    "visitor-log",
    "appointment-reminders",
];

struct RetentionT {
    id: &'static str,
    records: T,
    period: Option<&'static str>,
    criteria: Option<T>,
    qualifier: Option<&'static str>,
    from: Option<T>,
    then: Option<T>,
    justification: Option<T>,
}

const R: RetentionT = RetentionT {
    id: "",
    records: ("", ""),
    period: None,
    criteria: None,
    qualifier: None,
    from: None,
    then: None,
    justification: None,
};

const RETENTION: &[RetentionT] = &[
    RetentionT { id: "case-record", records: ("Your case record", "Cofnod eich achos"), period: Some("P6Y"), from: Some(("the date your case is closed", "y dyddiad y caiff eich achos ei gau")), ..R },
    RetentionT { id: "application-record", records: ("Your application and our decision", "Eich cais a'n penderfyniad"), period: Some("P1Y"), from: Some(("the date we tell you our decision", "y dyddiad y byddwn yn rhoi gwybod i chi am ein penderfyniad")), then: Some(("Kept on your tenancy file instead if you become our tenant.", "Cânt eu cadw ar ffeil eich tenantiaeth yn lle hynny os byddwch yn dod yn denant i ni.")), ..R },
    RetentionT { id: "support-plans", records: ("Support plans and notes", "Cynlluniau a nodiadau cymorth"), period: Some("P3Y"), from: Some(("the end of your support", "diwedd eich cymorth")), ..R },
    RetentionT { id: "care-records", records: ("Care records", "Cofnodion gofal"), period: Some("P8Y"), from: Some(("the end of your care with us", "diwedd eich gofal gyda ni")), ..R },
    RetentionT { id: "repair-history", records: ("The repair history of your home", "Hanes atgyweirio eich cartref"), criteria: Some(("Kept for as long as we own the property, because it shows the work done to it, and then passed to the new owner.", "Caiff ei gadw cyhyd ag y byddwn yn berchen ar yr eiddo, am ei fod yn dangos y gwaith a wnaed arno, ac yna caiff ei drosglwyddo i'r perchennog newydd.")), ..R },
    RetentionT { id: "equality-answers", records: ("Equality monitoring answers", "Atebion monitro cydraddoldeb"), period: Some("P1Y"), from: Some(("the end of the financial year in which you gave them", "diwedd y flwyddyn ariannol pan wnaethoch eu rhoi")), then: Some(("Anonymised, and kept only as statistics.", "Caiff yr atebion eu gwneud yn ddienw a'u cadw fel ystadegau yn unig.")), ..R },
    RetentionT { id: "consent-records", records: ("Records of your consent", "Cofnodion o'ch cydsyniad"), criteria: Some(("Kept while you remain on our mailing list, and for one year after you withdraw your consent, so that we can show what you agreed to.", "Cânt eu cadw tra byddwch ar ein rhestr bostio, ac am flwyddyn ar ôl i chi dynnu eich cydsyniad yn ôl, er mwyn i ni allu dangos yr hyn y gwnaethoch gytuno iddo.")), ..R },
    RetentionT { id: "chat-transcripts", records: ("Chat transcripts", "Trawsgrifiadau sgwrsio"), period: Some("P90D"), qualifier: Some("up-to"), from: Some(("the end of the chat", "diwedd y sgwrs")), ..R },
    RetentionT { id: "photos", records: ("Photos used in our publications", "Ffotograffau a ddefnyddir yn ein cyhoeddiadau"), period: Some("P2Y"), from: Some(("the date the photo was taken", "y dyddiad y tynnwyd y llun")), then: Some(("Deleted, unless you agree to us using the photo for longer.", "Caiff y llun ei ddileu, oni bai eich bod yn cytuno i ni ei ddefnyddio am gyfnod hwy.")), ..R },
    RetentionT { id: "asb-case-files", records: ("Anti-social behaviour case files", "Ffeiliau achosion ymddygiad gwrthgymdeithasol"), period: Some("P6Y"), qualifier: Some("at-least"), from: Some(("the date the case is closed", "y dyddiad y caiff yr achos ei gau")), ..R },
    RetentionT { id: "referral-forms", records: ("Referral forms", "Ffurflenni atgyfeirio"), period: Some("P1Y"), from: Some(("the date of the referral", "dyddiad yr atgyfeiriad")), ..R },
    RetentionT { id: "recruitment-files", records: ("Application forms and interview notes", "Ffurflenni cais a nodiadau cyfweliad"), period: Some("P6M"), from: Some(("the end of the recruitment campaign", "diwedd yr ymgyrch recriwtio")), ..R },
    RetentionT { id: "building-safety", records: ("Building safety records", "Cofnodion diogelwch adeiladau"), period: Some("indefinite"), justification: Some(("Building safety law requires us to keep a complete history of each building for as long as it stands, so these records have no fixed end date.", "Mae cyfraith diogelwch adeiladau yn ei gwneud yn ofynnol i ni gadw hanes cyflawn pob adeilad cyhyd ag y bydd yn sefyll, felly nid oes dyddiad gorffen penodol i'r cofnodion hyn.")), ..R },
    RetentionT { id: "payment-plans", records: ("Arrears payment plans", "Cynlluniau talu ôl-ddyledion"), period: Some("P6Y"), from: Some(("the date the arrears are cleared", "y dyddiad y caiff yr ôl-ddyledion eu clirio")), ..R },
    RetentionT { id: "alarm-recordings", records: ("Recordings of alarm calls", "Recordiadau o alwadau larwm"), period: Some("P1Y"), from: Some(("the date of the call", "dyddiad yr alwad")), then: Some(("Overwritten automatically.", "Caiff y recordiadau eu trosysgrifo'n awtomatig.")), ..R },
    RetentionT { id: "mailing-list", records: ("Our mailing list", "Ein rhestr bostio"), criteria: Some(("You stay on the list until you unsubscribe. We remove you straight away when you do.", "Byddwch yn aros ar y rhestr nes i chi ddad-danysgrifio. Byddwn yn eich tynnu oddi arni ar unwaith pan fyddwch yn gwneud hynny.")), ..R },
];

const DATA_SUBJECTS: &[T] = &[
    (
        "Tenants and licence holders",
        "Tenantiaid a deiliaid trwydded",
    ),
    (
        "People who apply for a home",
        "Pobl sy'n gwneud cais am gartref",
    ),
    ("Members of your household", "Aelodau o'ch aelwyd"),
    (
        "Carers, relatives and advocates",
        "Gofalwyr, perthnasau ac eiriolwyr",
    ),
    (
        "People who use our care and support services",
        "Pobl sy'n defnyddio ein gwasanaethau gofal a chymorth",
    ),
    ("Visitors to our buildings", "Ymwelwyr â'n hadeiladau"),
    (
        "Neighbours and members of the public who contact us",
        "Cymdogion ac aelodau o'r cyhoedd sy'n cysylltu â ni",
    ),
    (
        "Job applicants and volunteers",
        "Ymgeiswyr am swyddi a gwirfoddolwyr",
    ),
    (
        "Professionals who refer someone to us",
        "Gweithwyr proffesiynol sy'n atgyfeirio rhywun atom",
    ),
];

struct SourceT {
    name: Name,
    details: Option<T>,
    public: Option<bool>,
}

const SOURCES: &[SourceT] = &[
    SourceT { name: Name::Map(("Organisations that refer you to us", "Sefydliadau sy'n eich atgyfeirio atom")), details: Some(("For example the council, health visitors and advice agencies.", "Er enghraifft y cyngor, ymwelwyr iechyd ac asiantaethau cynghori.")), public: Some(false) },
    SourceT { name: Name::Map(("People acting for you", "Pobl sy'n gweithredu ar eich rhan")), details: Some(("A relative, carer or advocate who contacts us with your agreement.", "Perthynas, gofalwr neu eiriolwr sy'n cysylltu â ni gyda'ch cytundeb.")), public: None },
    SourceT { name: Name::Map(("Your previous landlord", "Eich landlord blaenorol")), details: Some(("A reference about your tenancy.", "Geirda am eich tenantiaeth.")), public: None },
    SourceT { name: Name::Map(("Public registers", "Cofrestrau cyhoeddus")), details: Some(("Such as the electoral register and the Land Registry, to check an address.", "Megis y gofrestr etholiadol a'r Gofrestrfa Tir, i wirio cyfeiriad.")), public: Some(true) },
    SourceT { name: Name::Map(("Health and social care professionals", "Gweithwyr iechyd a gofal cymdeithasol proffesiynol")), details: None, public: None },
    SourceT { name: Name::Map(("The police", "Yr heddlu")), details: Some(("Information about crime or anti-social behaviour that affects our tenants.", "Gwybodaeth am droseddu neu ymddygiad gwrthgymdeithasol sy'n effeithio ar ein tenantiaid.")), public: None },
    SourceT { name: Name::Plain("Refernet"), details: Some(("The online referral system used by local organisations.", "Y system atgyfeirio ar-lein a ddefnyddir gan sefydliadau lleol.")), public: Some(false) },
];

struct JointT {
    name: Name,
    responsibilities: T,
    contact: T,
}

const JOINT: &[JointT] = &[
    JointT { name: Name::Map(("Citizens Advice Glan-y-Môr", "Cyngor ar Bopeth Glan-y-Môr")), responsibilities: ("An independent local charity and our partner in the advice service. It shares responsibility with us for the case records, for answering requests about them and for dealing with any breach.", "Elusen leol annibynnol a'n partner yn y gwasanaeth cynghori. Mae'n rhannu'r cyfrifoldeb gyda ni am gofnodion yr achosion, am ateb ceisiadau amdanynt ac am ymdrin ag unrhyw achos o dorri diogelwch."), contact: ("Email [data@cab-glanymor.example.org](mailto:data@cab-glanymor.example.org).", "Anfonwch e-bost at [data@cab-glanymor.example.org](mailto:data@cab-glanymor.example.org).") },
    JointT { name: Name::Map(("Glan-y-Môr County Borough Council", "Cyngor Bwrdeistref Sirol Glan-y-Môr")), responsibilities: ("The council runs the housing register with us. It decides who is eligible and answers requests about the register.", "Mae'r cyngor yn rhedeg y gofrestr tai gyda ni. Mae'n penderfynu pwy sy'n gymwys ac yn ateb ceisiadau am y gofrestr."), contact: ("Write to the council's Data Protection Officer or use its [online form](https://www.example.gov.wales/en/data-protection/).", "Ysgrifennwch at Swyddog Diogelu Data'r cyngor neu defnyddiwch ei [ffurflen ar-lein](https://www.example.gov.wales/cy/diogelu-data/).") },
    JointT { name: Name::Plain("Partneriaeth Gofal Gogledd"), responsibilities: ("The regional care partnership plans care services across the region with us and holds the shared care records.", "Mae'r bartneriaeth gofal ranbarthol yn cynllunio gwasanaethau gofal ar draws y rhanbarth gyda ni ac yn cadw'r cofnodion gofal a rennir."), contact: ("Email [privacy@partneriaeth.example.org](mailto:privacy@partneriaeth.example.org).", "Anfonwch e-bost at [privacy@partneriaeth.example.org](mailto:privacy@partneriaeth.example.org).") },
];

struct DecisionT {
    id: &'static str,
    name: T,
    logic: T,
    significance: T,
    consequences: T,
}

const DECISIONS: &[DecisionT] = &[
    DecisionT { id: "priority-banding", name: ("Working out your priority band", "Pennu eich band blaenoriaeth"), logic: ("Our system compares your answers with the rules of our allocation policy, such as the size of your household and your current home, and gives you a priority band.", "Mae ein system yn cymharu eich atebion â rheolau ein polisi dyrannu, megis maint eich aelwyd a'ch cartref presennol, ac yn rhoi band blaenoriaeth i chi."), significance: ("Your band decides how soon you are likely to be offered a home.", "Mae eich band yn penderfynu pa mor fuan rydych yn debygol o gael cynnig cartref."), consequences: ("You can ask an officer to review your band, tell us why you think it is wrong, and give us more information.", "Gallwch ofyn i swyddog adolygu eich band, dweud wrthym pam rydych yn credu ei fod yn anghywir, a rhoi rhagor o wybodaeth i ni.") },
    DecisionT { id: "arrears-letters", name: ("Automatic arrears letters", "Llythyrau ôl-ddyledion awtomatig"), logic: ("When your rent account falls behind by more than a set amount, our system sends you a letter and may add a notice to your account without an officer checking it first.", "Pan fydd eich cyfrif rhent ar ei hôl hi o fwy na swm penodol, bydd ein system yn anfon llythyr atoch a gall ychwanegu hysbysiad at eich cyfrif heb i swyddog ei wirio yn gyntaf."), significance: ("A notice on your account is a step towards legal action to recover the arrears.", "Mae hysbysiad ar eich cyfrif yn gam tuag at gamau cyfreithiol i adennill yr ôl-ddyledion."), consequences: ("Contact your housing officer, who will look at your account, can withdraw the notice and will agree a payment plan with you.", "Cysylltwch â'ch swyddog tai, a fydd yn edrych ar eich cyfrif, yn gallu tynnu'r hysbysiad yn ôl ac yn cytuno ar gynllun talu gyda chi.") },
    DecisionT { id: "eligibility-check", name: ("Checking whether you are eligible", "Gwirio a ydych yn gymwys"), logic: ("Our online form checks your answers against the eligibility rules and tells you straight away if you do not qualify.", "Mae ein ffurflen ar-lein yn gwirio eich atebion yn erbyn y rheolau cymhwysedd ac yn dweud wrthych ar unwaith os nad ydych yn gymwys."), significance: ("If you are not eligible, your application goes no further.", "Os nad ydych yn gymwys, nid yw eich cais yn mynd ddim pellach."), consequences: ("You can ask a member of staff to check the decision and tell us anything the form did not ask about.", "Gallwch ofyn i aelod o staff wirio'r penderfyniad a dweud wrthym am unrhyw beth na ofynnodd y ffurflen amdano.") },
];

struct SectionT {
    id: &'static str,
    title: T,
    body: T,
}

const SECTIONS: &[SectionT] = &[
    SectionT { id: "confidentiality", title: ("Our confidentiality policy", "Ein polisi cyfrinachedd"), body: ("What you tell us stays within the association unless you agree to us sharing it. We share without your agreement only:\n\n- to stop someone coming to serious harm;\n- when a court order or another law requires it;\n- to prevent or detect a serious crime.\n\nWhen we do, we record what we shared and why.", "Mae'r hyn rydych yn ei ddweud wrthym yn aros o fewn y gymdeithas oni bai eich bod yn cytuno i ni ei rannu. Dim ond yn yr achosion hyn y byddwn yn ei rannu heb eich cytundeb:\n\n- i atal rhywun rhag cael niwed difrifol;\n- pan fydd gorchymyn llys neu gyfraith arall yn ei gwneud yn ofynnol;\n- i atal neu ganfod trosedd ddifrifol.\n\nPan fyddwn yn gwneud hynny, byddwn yn cofnodi'r hyn a rannwyd a pham.") },
    SectionT { id: "contact-choices", title: ("Your choices about how we contact you", "Eich dewisiadau ynghylch sut rydym yn cysylltu â chi"), body: ("You can tell us at any time:\n\n- which phone number or email address to use;\n- whether we may leave a message;\n- whether you would like letters in Welsh, English or both;\n- whether you need large print, Braille or audio.", "Gallwch ddweud wrthym ar unrhyw adeg:\n\n- pa rif ffôn neu gyfeiriad e-bost i'w ddefnyddio;\n- a gawn adael neges;\n- a hoffech gael llythyrau yn Gymraeg, yn Saesneg neu yn y ddwy iaith;\n- a oes angen print bras, Braille neu sain arnoch.") },
    SectionT { id: "children", title: ("Information about children", "Gwybodaeth am blant"), body: ("We hold information about children only when it is needed for their family's housing or support. A parent or guardian can usually exercise a young child's rights on their behalf; from about the age of 12 we will ask the child.", "Dim ond pan fydd ei hangen ar gyfer tai neu gymorth eu teulu y byddwn yn cadw gwybodaeth am blant. Fel arfer, gall rhiant neu warcheidwad arfer hawliau plentyn ifanc ar ei ran; o tua 12 oed ymlaen byddwn yn gofyn i'r plentyn.") },
    SectionT { id: "cameras", title: ("Where our cameras are", "Ble mae ein camerâu"), body: ("Cameras cover building entrances, stairways, lifts and car parks. They do not look into homes or gardens. Signs show where they are and who to contact.", "Mae camerâu yn cwmpasu mynedfeydd adeiladau, grisiau, lifftiau a meysydd parcio. Nid ydynt yn edrych i mewn i gartrefi na gerddi. Mae arwyddion yn dangos ble maent a phwy i gysylltu ag ef.") },
    SectionT { id: "keeping-it-safe", title: ("Keeping your information safe", "Cadw eich gwybodaeth yn ddiogel"), body: ("Our systems are protected by:\n\n- encryption of laptops, phones and connections;\n- multi-factor sign-in for every member of staff;\n- regular security testing;\n- contracts that bind our suppliers to the same standards.", "Caiff ein systemau eu diogelu gan:\n\n- amgryptio gliniaduron, ffonau a chysylltiadau;\n- dilysu aml-ffactor ar gyfer pob aelod o staff;\n- profion diogelwch rheolaidd;\n- contractau sy'n rhwymo ein cyflenwyr i'r un safonau.") },
];

/// Built-in section ids a custom section may follow.
use hysbys::model::BUILTIN_SECTIONS;

const CHANGES: &[T] = &[
    (
        "Added web chat as a way to contact us.",
        "Ychwanegwyd sgwrs ar y we fel ffordd o gysylltu â ni.",
    ),
    (
        "Explained how to complain to us about the way we use your information.",
        "Esboniwyd sut i gwyno wrthym am y ffordd rydym yn defnyddio eich gwybodaeth.",
    ),
    (
        "Updated how long we keep case records.",
        "Diweddarwyd pa mor hir rydym yn cadw cofnodion achos.",
    ),
    (
        "Named our new IT supplier.",
        "Enwyd ein cyflenwr TG newydd.",
    ),
    (
        "Updated for the Data (Use and Access) Act 2025.",
        "Diweddarwyd yn sgil Deddf Data (Defnydd a Mynediad) 2025.",
    ),
    (
        "Rewritten in plainer language after feedback from tenants.",
        "Ailysgrifennwyd mewn iaith gliriach yn dilyn adborth gan denantiaid.",
    ),
];

const STATUTORY: &[T] = &[
    ("You do not have to give us any information, but if you do not, we may not be able to deal with your {s}.", "Nid oes rhaid i chi roi unrhyw wybodaeth i ni, ond os na wnewch chi, efallai na fyddwn yn gallu delio â'ch {s}."),
    ("Your tenancy agreement requires you to tell us who lives in your home. Other information is optional, and the equality questions are always optional.", "Mae eich cytundeb tenantiaeth yn ei gwneud yn ofynnol i chi ddweud wrthym pwy sy'n byw yn eich cartref. Mae gwybodaeth arall yn ddewisol, ac mae'r cwestiynau cydraddoldeb bob amser yn ddewisol."),
    ("The law requires us to see proof of your identity and your right to work before you start. Everything else you give us is voluntary.", "Mae'r gyfraith yn ei gwneud yn ofynnol i ni weld prawf o bwy ydych chi a'ch hawl i weithio cyn i chi ddechrau. Mae popeth arall a roddwch i ni yn wirfoddol."),
];

const RIGHTS_NOTES: &[T] = &[
    ("Your record may include information about other people, such as members of your household. If you ask for a copy, we may leave out their information unless they agree or it is reasonable to include it.", "Gall eich cofnod gynnwys gwybodaeth am bobl eraill, megis aelodau o'ch aelwyd. Os byddwch yn gofyn am gopi, efallai y byddwn yn hepgor eu gwybodaeth nhw oni bai eu bod yn cytuno neu ei bod yn rhesymol ei chynnwys."),
    ("If you ask us to delete information we must keep by law, we will explain why we cannot.", "Os byddwch yn gofyn i ni ddileu gwybodaeth y mae'n rhaid i ni ei chadw yn ôl y gyfraith, byddwn yn esbonio pam na allwn wneud hynny."),
];

const SUMMARY: T = (
    "This notice explains how Glan-y-Môr Housing and Care Association uses your information in connection with your {s}, who we share it with and how long we keep it.",
    "Mae'r hysbysiad hwn yn esbonio sut mae Cymdeithas Tai a Gofal Glan-y-Môr yn defnyddio eich gwybodaeth mewn cysylltiad â'ch {s}, gyda phwy rydym yn ei rhannu a pha mor hir rydym yn ei chadw.",
);
const SUMMARY_MORE: &[T] = &[
    ("It adds to our [general privacy notice](https://www.example.org.uk/en/privacy/), which covers everything we do.", "Mae'n ychwanegu at ein [hysbysiad preifatrwydd cyffredinol](https://www.example.org.uk/cy/preifatrwydd/), sy'n ymdrin â phopeth a wnawn."),
    ("Please read it alongside the terms of your tenancy or service agreement.", "Darllenwch ef ochr yn ochr ag amodau eich tenantiaeth neu eich cytundeb gwasanaeth."),
    ("If you need it in large print, Braille or another format, please ask us.", "Os oes arnoch ei angen mewn print bras, Braille neu fformat arall, gofynnwch i ni."),
];

// ---------------------------------------------------------------------------------------
// One notice

/// What a purpose ended up with, for the automated decisions.
struct Chosen {
    id: &'static str,
    basis: &'static str,
    special: bool,
    sc: Sc,
    /// Has `legislation` (a law that may authorise a decision, Art 22B).
    law: bool,
}

fn write_notice(i: usize, o: &mut Out) -> (usize, String) {
    let mut rng = Rng::new(i as u64);
    let tp = &TOPICS[i % TOPICS.len()];
    let stem = tp.stem;
    let id = format!("{}-{:05}", tp.slug, i);
    let area = place(i / TOPICS.len());

    let _ = writeln!(
        o.s,
        "# Synthetic notice {i} of the benchmark estate (examples/gen_estate.rs)."
    );
    o.line("");
    let title = (
        format!("{} in the {area} area", tp.title.0),
        format!("{} yn ardal {area}", tp.title.1),
    );
    o.text("", "title", as_ref(&title));
    let mut summary = vec![fill(SUMMARY, stem)];
    if rng.chance(70) {
        summary.push(fill(*rng.pick(SUMMARY_MORE), stem));
    }
    o.text("", "summary", as_ref(&join(&summary)));
    o.text("", "service", SERVICES[tp.service].1);

    o.line("data_subjects:");
    for k in rng.subset_between(DATA_SUBJECTS.len(), 2, 5) {
        o.text_item(2, DATA_SUBJECTS[k]);
    }
    // Updated between 2025-01-06 and 2026-11-20; reviewed a year or two later (so never
    // overdue on 2026-11-23).
    let updated = days_from_civil(2025, 1, 6) + rng.below(684) as i64;
    let _ = writeln!(o.s, "updated: {}", civil(updated));
    if rng.chance(90) {
        let review = days_from_civil(2026, 12, 1).max(updated + 365) + rng.below(365) as i64;
        let _ = writeln!(o.s, "review_by: {}", civil(review));
    }

    if rng.chance(20) {
        o.line("");
        o.line("joint_controllers:");
        for k in rng.subset_between(JOINT.len(), 1, 2) {
            let j = &JOINT[k];
            o.name("  - ", "name", &j.name);
            o.text("    ", "responsibilities", j.responsibilities);
            o.text("    ", "contact", j.contact);
        }
    }

    // Categories: contact, then ordinary, special and criminal ones in a random mix.
    let n_special = rng.range(2, 4);
    let n_criminal = [0, 1, 1, 2][rng.below(4)];
    let n_ordinary = 12 - 1 - n_special - n_criminal;
    let mut cats: Vec<&Category> = vec![&CATEGORIES[0]];
    for k in rng.sample(CATEGORIES.len() - 1, n_ordinary) {
        cats.push(&CATEGORIES[k + 1]);
    }
    for k in rng.sample(SPECIAL_CATEGORIES.len(), n_special) {
        cats.push(&SPECIAL_CATEGORIES[k]);
    }
    for k in rng.sample(CRIMINAL_CATEGORIES.len(), n_criminal) {
        cats.push(&CRIMINAL_CATEGORIES[k]);
    }
    // Shuffle all but `contact`.
    for a in (2..cats.len()).rev() {
        let b = 1 + rng.below(a);
        cats.swap(a, b);
    }

    // Purposes: 12 templates, at least one that may take special-category data and, if
    // needed, one that may take criminal-offence data.
    let mut pidx = rng.sample(PURPOSES.len(), 12);
    let accepts = |p: &PurposeT, c: &Category| {
        if c.criminal {
            p.cc != Cc::No
        } else if !c.special.is_empty() {
            p.sc != Sc::No
        } else {
            true
        }
    };
    let needs: [fn(&PurposeT) -> bool; 2] = [|p| p.sc != Sc::No, |p| p.cc != Cc::No];
    for need in needs {
        if !pidx.iter().any(|&k| need(&PURPOSES[k])) {
            let k = (0..PURPOSES.len())
                .find(|k| need(&PURPOSES[*k]) && !pidx.contains(k))
                .unwrap_or(0);
            let at = rng.below(pidx.len());
            pidx[at] = k;
        }
    }
    let purposes: Vec<&PurposeT> = pidx.iter().map(|&k| &PURPOSES[k]).collect();
    let mut pcats: Vec<Vec<usize>> = vec![Vec::new(); purposes.len()];
    for (ci, c) in cats.iter().enumerate() {
        let ok: Vec<usize> = (0..purposes.len())
            .filter(|&p| accepts(purposes[p], c))
            .collect();
        let p = *rng.pick(&ok);
        pcats[p].push(ci);
    }
    for (p, list) in pcats.iter_mut().enumerate() {
        if list.is_empty() {
            list.push(0);
        }
        for _ in 0..rng.below(3) {
            let ci = rng.below(cats.len());
            if accepts(purposes[p], cats[ci]) && !list.contains(&ci) {
                list.push(ci);
            }
        }
        list.sort_unstable();
    }

    // Recipients and retention: 4 catalogue refs (rotating, so every catalogue entry is
    // used once the estate has a few notices) and 8 of the notice's own.
    let cat_rec: Vec<&str> = (0..4)
        .map(|k| CATALOGUE_RECIPIENTS[(4 * i + k) % CATALOGUE_RECIPIENTS.len()])
        .collect();
    let own_rec: Vec<&RecipientT> = rng
        .subset(RECIPIENTS.len(), 8)
        .into_iter()
        .map(|k| &RECIPIENTS[k])
        .collect();
    let cat_ret: Vec<&str> = (0..4)
        .map(|k| CATALOGUE_RETENTION[(4 * i + k) % CATALOGUE_RETENTION.len()])
        .collect();
    let own_ret: Vec<&RetentionT> = rng
        .subset(RETENTION.len(), 8)
        .into_iter()
        .map(|k| &RETENTION[k])
        .collect();
    let all_rec: Vec<&str> = cat_rec
        .iter()
        .copied()
        .chain(own_rec.iter().map(|r| r.id))
        .collect();
    let all_ret: Vec<&str> = cat_ret
        .iter()
        .copied()
        .chain(own_ret.iter().map(|r| r.id))
        .collect();

    // Channels
    o.line("");
    o.line("channels:");
    for k in rng.subset(CHANNELS.len(), 12) {
        let c = &CHANNELS[k];
        let _ = writeln!(o.s, "  - id: {}", c.id);
        o.text("    ", "name", c.name);
        let mut d = vec![fill(c.details, stem)];
        if rng.chance(55) {
            d.push(fill(*rng.pick(CHANNEL_EXTRA), stem));
        }
        o.text("    ", "details", as_ref(&join(&d)));
        if rng.chance(40) {
            let r: Vec<&str> = rng
                .subset_between(all_rec.len(), 1, 2)
                .into_iter()
                .map(|k| all_rec[k])
                .collect();
            o.ids(4, "recipients", &r);
        }
        if rng.chance(70) {
            let r: Vec<&str> = rng
                .subset_between(all_ret.len(), 1, 2)
                .into_iter()
                .map(|k| all_ret[k])
                .collect();
            o.ids(4, "retention", &r);
        }
    }

    // Sources (every notice has a category collected from others)
    o.line("");
    o.line("sources:");
    for k in rng.subset_between(SOURCES.len(), 2, 4) {
        let s = &SOURCES[k];
        o.name("  - ", "name", &s.name);
        if let Some(d) = s.details {
            o.text("    ", "details", d);
        }
        if let Some(p) = s.public {
            let _ = writeln!(o.s, "    public: {p}");
        }
    }

    o.line("");
    o.line("categories:");
    for c in &cats {
        let _ = writeln!(o.s, "  - id: {}", c.id);
        o.text("    ", "name", c.name);
        if rng.chance(92) {
            let mut d = vec![fill(c.details, stem)];
            if rng.chance(50) {
                d.push(fill(*rng.pick(CATEGORY_EXTRA), stem));
            }
            o.text("    ", "details", as_ref(&join(&d)));
        }
        if !c.special.is_empty() {
            o.ids(4, "special", c.special);
        }
        if c.criminal {
            o.line("    criminal: true");
        } else if rng.chance(3) {
            o.line("    criminal: false");
        }
        if c.source != "subject" || rng.chance(10) {
            let _ = writeln!(o.s, "    source: {}", c.source);
        }
    }

    o.line("");
    o.line("purposes:");
    let mut chosen = Vec::new();
    for (p, pu) in purposes.iter().enumerate() {
        let _ = writeln!(o.s, "  - id: {}", pu.id);
        o.text("    ", "name", pu.name);
        let mut d = vec![fill(pu.details, stem)];
        if rng.chance(60) {
            d.push(fill(*rng.pick(PURPOSE_EXTRA), stem));
        }
        o.text("    ", "details", as_ref(&join(&d)));
        let ids: Vec<&str> = pcats[p].iter().map(|&c| cats[c].id).collect();
        o.ids(4, "categories", &ids);
        let _ = writeln!(o.s, "    lawful_basis: {}", pu.basis);
        if let Some(t) = pu.interests {
            o.text("    ", "legitimate_interests", t);
        }
        if let Some(a) = pu.annex1 {
            let _ = writeln!(o.s, "    annex1: {a}");
        }
        let special = pcats[p].iter().any(|&c| !cats[c].special.is_empty());
        let criminal = pcats[p].iter().any(|&c| cats[c].criminal);
        let sc = if special { pu.sc } else { Sc::No };
        let cc = if criminal { pu.cc } else { Cc::No };
        let needs_law =
            matches!(pu.basis, "legal-obligation" | "public-task") || cc == Cc::Official;
        let law = needs_law || (!pu.acts.is_empty() && rng.chance(50));
        if law {
            o.line("    legislation:");
            let acts: &[usize] = if pu.acts.is_empty() { &[3] } else { pu.acts };
            for &a in acts {
                if rng.chance(8) {
                    // A name may be a plain string, the same in both languages.
                    o.words += 2 * ACTS[a].0.split_whitespace().count();
                    let _ = writeln!(o.s, "      - {}", ACTS[a].0);
                } else {
                    o.text_item(6, ACTS[a]);
                }
            }
        }
        if let Some((code, para)) = sc.code() {
            let _ = writeln!(o.s, "    special_condition: {code}");
            if let Some(n) = para {
                let _ = writeln!(o.s, "    schedule1: {n}");
            }
        }
        match cc {
            Cc::No => {}
            Cc::Official => o.line("    criminal_condition: official-authority"),
            Cc::Para(n) => {
                let _ = writeln!(o.s, "    criminal_condition: {n}");
            }
            Cc::Extends(n) => {
                o.line("    criminal_condition:");
                o.line("      paragraph: 36");
                let _ = writeln!(o.s, "      extends: {n}");
            }
        }
        if pu.basis == "consent" || sc == Sc::ExplicitConsent || cc == Cc::Para(29) {
            o.text("    ", "consent_withdrawal", *rng.pick(CONSENT_WITHDRAWAL));
        }
        if pu.marketing {
            o.line("    direct_marketing: true");
        } else if rng.chance(3) {
            o.line("    direct_marketing: false");
        }
        chosen.push(Chosen {
            id: pu.id,
            basis: pu.basis,
            special,
            sc,
            law,
        });
    }

    o.line("");
    o.line("recipients:");
    for r in &cat_rec {
        let _ = writeln!(o.s, "  - {r}");
    }
    for r in &own_rec {
        let _ = writeln!(o.s, "  - id: {}", r.id);
        o.name("    ", "name", &r.name);
        let _ = writeln!(o.s, "    kind: {}", r.kind);
        let mut d = vec![fill(r.details, stem)];
        if rng.chance(60) {
            d.push(fill(*rng.pick(RECIPIENT_EXTRA), stem));
        }
        o.text("    ", "details", as_ref(&join(&d)));
        if rng.chance(40) {
            let ps: Vec<&str> = rng
                .subset_between(purposes.len(), 1, 3)
                .into_iter()
                .map(|k| purposes[k].id)
                .collect();
            o.ids(4, "purposes", &ps);
        }
        if rng.chance(40) {
            let cs: Vec<&str> = rng
                .subset_between(cats.len(), 1, 4)
                .into_iter()
                .map(|k| cats[k].id)
                .collect();
            o.ids(4, "categories", &cs);
        }
        let mut transfers: Vec<TransferT> = r.transfers.to_vec();
        if r.id == "overseas-authorities" {
            let d = *rng.pick(DEROGATIONS);
            let country = *rng.pick(DEROGATION_COUNTRIES);
            transfers.push(TransferT {
                dest: Dest::Country(country),
                safeguard: "derogation",
                derogation: Some(d),
                details: DEROGATION_DETAILS,
                copy: if d == "compelling-interests" {
                    CopyT::Md(COPY_MD)
                } else {
                    CopyT::No
                },
            });
        }
        if transfers.is_empty() {
            continue;
        }
        let single = r.single && transfers.len() == 1;
        o.line(if single {
            "    transfer:"
        } else {
            "    transfers:"
        });
        for t in &transfers {
            let (first, rest) = if single {
                ("      ", "      ")
            } else {
                ("      - ", "        ")
            };
            match t.dest {
                Dest::Country(c) => {
                    let _ = writeln!(o.s, "{first}country: {c}");
                }
            }
            let _ = writeln!(o.s, "{rest}safeguard: {}", t.safeguard);
            if let Some(d) = t.derogation {
                let _ = writeln!(o.s, "{rest}derogation: {d}");
            }
            o.text(rest, "details", t.details);
            match t.copy {
                CopyT::No => {}
                CopyT::Url(u) => {
                    let _ = writeln!(o.s, "{rest}copy: {u}");
                }
                CopyT::Md(m) => o.text(rest, "copy", m),
            }
        }
    }

    o.line("");
    o.line("retention:");
    for r in &cat_ret {
        let _ = writeln!(o.s, "  - {r}");
    }
    for r in &own_ret {
        let _ = writeln!(o.s, "  - id: {}", r.id);
        o.text("    ", "records", r.records);
        if let Some(p) = r.period {
            let _ = writeln!(o.s, "    period: {p}");
        }
        if let Some(c) = r.criteria {
            o.text("    ", "criteria", c);
        }
        if let Some(q) = r.qualifier {
            let _ = writeln!(o.s, "    qualifier: {q}");
        }
        if let Some(f) = r.from {
            o.text("    ", "from", f);
        }
        if let Some(t) = r.then {
            o.text("    ", "then", t);
        }
        if let Some(j) = r.justification {
            o.text("    ", "justification", j);
        }
        if rng.chance(60) {
            let cs: Vec<&str> = rng
                .subset_between(cats.len(), 1, 5)
                .into_iter()
                .map(|k| cats[k].id)
                .collect();
            o.ids(4, "categories", &cs);
        }
    }

    // Automated decisions only on purposes Art 22B allows: not recognised legitimate
    // interests, and special-category data only with explicit consent, or substantial
    // public interest with a contract or an authorising law.
    let eligible: Vec<&str> = chosen
        .iter()
        .filter(|c| {
            c.basis != "recognised-legitimate-interests"
                && (!c.special
                    || c.sc == Sc::ExplicitConsent
                    || (matches!(c.sc, Sc::Spi(_)) && (c.basis == "contract" || c.law)))
        })
        .map(|c| c.id)
        .collect();
    if !eligible.is_empty() && rng.chance(25) {
        o.line("");
        o.line("automated_decisions:");
        for k in rng.subset_between(DECISIONS.len(), 1, 2) {
            let a = &DECISIONS[k];
            let _ = writeln!(o.s, "  - id: {}", a.id);
            o.text("    ", "name", a.name);
            o.text("    ", "logic", a.logic);
            o.text("    ", "significance", a.significance);
            o.text("    ", "consequences", a.consequences);
            let ps: Vec<&str> = rng
                .subset_between(eligible.len(), 1, 2)
                .into_iter()
                .map(|k| eligible[k])
                .collect();
            o.ids(4, "purposes", &ps);
        }
    }

    o.line("");
    o.text(
        "",
        "statutory_requirement",
        as_ref(&fill(*rng.pick(STATUTORY), stem)),
    );
    if rng.chance(50) {
        o.text("", "rights_note", *rng.pick(RIGHTS_NOTES));
    }

    o.line("");
    o.line("sections:");
    let mut earlier: Vec<&str> = Vec::new();
    for k in rng.sample_between(SECTIONS.len(), 1, 3) {
        let s = &SECTIONS[k];
        let _ = writeln!(o.s, "  - id: {}", s.id);
        o.text("    ", "title", s.title);
        o.text("    ", "body", s.body);
        let roll = rng.below(10);
        if roll < 5 {
            let _ = writeln!(o.s, "    after: {}", rng.pick(BUILTIN_SECTIONS));
        } else if roll < 7 && !earlier.is_empty() {
            let _ = writeln!(o.s, "    after: {}", rng.pick(&earlier));
        }
        earlier.push(s.id);
    }

    o.line("");
    o.line("changes:");
    let mut date = updated;
    for (n, k) in rng
        .sample_between(CHANGES.len(), 1, 4)
        .into_iter()
        .enumerate()
    {
        if n > 0 {
            date -= 30 + rng.below(200) as i64;
        }
        let _ = writeln!(o.s, "  - date: {}", civil(date));
        o.text("    ", "summary", CHANGES[k]);
    }

    (tp.service, id)
}

// ---------------------------------------------------------------------------------------
// The project files

const CONFIG: &str = r#"# Synthetic benchmark estate, written by examples/gen_estate.rs. Every key is used.

[site]
title = { en = "Privacy notices", cy = "Hysbysiadau preifatrwydd" }
base_url = "https://www.example.org.uk/privacy"   # the missing final / is added
languages = ["en", "cy"]
theme = "default"

[build]
output = "output"
minify = true

[lints]
unused-category = "deny"
missing-safeguard-copy = "deny"
public-authority-legitimate-interests = "deny"

[regulator]
name = { en = "Information Commissioner's Office", cy = "Swyddfa'r Comisiynydd Gwybodaeth" }
address = { en = "Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF", cy = "Wycliffe House, Water Lane, Wilmslow, Swydd Gaer SK9 5AF" }
phone = "0303 123 1113"
website = { en = "https://ico.org.uk/", cy = "https://cy.ico.org.uk/" }
"#;

const ORGANISATION: &str = r#"# The controller of the synthetic benchmark estate (examples/gen_estate.rs), and the
# catalogues its notices share. Everything here is fictional: web addresses use
# example.org.uk and phone numbers Ofcom's drama range (01632 960xxx).
#
# `representative` is given only so that the estate uses every field of the format: a
# Welsh housing association has no UK representative (Art 27 is for controllers
# established outside the UK).

name:
  en: Glan-y-Môr Housing and Care Association
  cy: Cymdeithas Tai a Gofal Glan-y-Môr
public_authority: false
dpo_required: true
address:
  en: Tŷ'r Harbwr, Stryd y Cei, Glan-y-Môr, LL99 3CC
  cy: Tŷ'r Harbwr, Stryd y Cei, Glan-y-Môr, LL99 3CC
email: post@example.org.uk
phone: 01632 960400
ico_registration: ZA987654
website:
  en: https://www.example.org.uk/en/
  cy: https://www.example.org.uk/cy/
representative:
  name: Glan-y-Môr Representation Services
  address:
    en: 1 Ffordd y Doc, Glan-y-Môr, LL99 4DD
    cy: 1 Ffordd y Doc, Glan-y-Môr, LL99 4DD
  email: representative@example.org.uk

dpo:
  name:
    en: Data Protection Officer
    cy: Swyddog Diogelu Data
  email: dpo@example.org.uk
  phone: (01632) 960401
  address:
    en: Data Protection Officer, Tŷ'r Harbwr, Stryd y Cei, Glan-y-Môr, LL99 3CC
    cy: Swyddog Diogelu Data, Tŷ'r Harbwr, Stryd y Cei, Glan-y-Môr, LL99 3CC

rights_contact:
  url:
    en: https://www.example.org.uk/en/your-rights/
    cy: https://www.example.org.uk/cy/eich-hawliau/
  email: rights@example.org.uk
  details:
    en: >-
      You can make a request in writing, by email, by phone or in person, and you do not
      have to use a form. We will reply within one month, or tell you within that month
      why we need up to two more.
    cy: >-
      Gallwch wneud cais yn ysgrifenedig, drwy e-bost, dros y ffôn neu wyneb yn wyneb, ac
      nid oes rhaid i chi ddefnyddio ffurflen. Byddwn yn ateb o fewn mis, neu'n esbonio o
      fewn y mis hwnnw pam bod angen hyd at ddeufis arall arnom.

complaints:
  url: https://www.example.org.uk/complaints/
  email: dpo@example.org.uk
  details:
    en: >-
      If you are unhappy with the way we have handled your information, please tell us.
      We will acknowledge your complaint within 30 days and tell you the outcome without
      undue delay.
    cy: >-
      Os ydych yn anfodlon â'r ffordd rydym wedi trin eich gwybodaeth, rhowch wybod i ni.
      Byddwn yn cadarnhau ein bod wedi cael eich cwyn o fewn 30 niwrnod ac yn rhoi gwybod
      i chi am y canlyniad heb oedi gormodol.

security:
  en: |-
    We protect personal information by:

    - giving staff access only to the systems and records their job needs;
    - encrypting laptops, phones and information sent over networks;
    - requiring multi-factor sign-in for our systems;
    - binding our processors by contract to the same standards.
  cy: |-
    Rydym yn diogelu gwybodaeth bersonol drwy:

    - roi mynediad i staff at y systemau a'r cofnodion sydd eu hangen ar gyfer eu gwaith yn unig;
    - amgryptio gliniaduron, ffonau a gwybodaeth a anfonir dros rwydweithiau;
    - fynnu dilysu aml-ffactor wrth fewngofnodi i'n systemau;
    - rwymo ein proseswyr drwy gontract i'r un safonau.

appropriate_policy_document: https://www.example.org.uk/appropriate-policy-document/

recipients:
  - id: association-teams
    name:
      en: Other teams in the association
      cy: Timau eraill yn y gymdeithas
    kind: internal
    details:
      en: Only where another team needs the information to help you, for example our money advisers.
      cy: >-
        Dim ond pan fydd ar dîm arall angen yr wybodaeth i'ch helpu, er enghraifft ein
        cynghorwyr ariannol.
  - id: ict-suppliers
    name:
      en: Our IT and hosting suppliers
      cy: Ein cyflenwyr TG a chynnal systemau
    kind: processor
    details:
      en: Companies that host and support our systems under contract. They act only on our instructions.
      cy: >-
        Cwmnïau sy'n cynnal ac yn cefnogi ein systemau o dan gontract. Maent yn gweithredu
        ar ein cyfarwyddiadau ni yn unig.
    transfer:
      country: IE
      safeguard: adequacy
      details:
        en: >-
          Our backup copies are stored in Ireland. UK regulations recognise that country as
          giving adequate protection.
        cy: >-
          Caiff ein copïau wrth gefn eu storio yn Iwerddon. Mae rheoliadau'r DU yn cydnabod
          bod y wlad honno'n rhoi diogelwch digonol.
  - id: police
    name:
      en: North Wales Police
      cy: Heddlu Gogledd Cymru
    kind: controller
    details:
      en: >-
        When the law requires it, or when it is needed to prevent or detect crime or to
        protect someone from serious harm.
      cy: >-
        Pan fydd y gyfraith yn ei gwneud yn ofynnol, neu pan fydd angen gwneud hynny i atal
        neu ganfod trosedd neu i ddiogelu rhywun rhag niwed difrifol.
  - id: dwp
    name:
      en: Department for Work and Pensions
      cy: Yr Adran Gwaith a Phensiynau
    kind: controller
    details:
      en: To check, claim or challenge benefits, such as the housing costs in Universal Credit.
      cy: >-
        I wirio, hawlio neu herio budd-daliadau, megis y costau tai yn y Credyd
        Cynhwysol.
  - id: hmrc
    name:
      en: HM Revenue and Customs
      cy: Cyllid a Thollau EF
    kind: controller
    details:
      en: When the law requires us to give it information, for example about our staff's pay.
      cy: >-
        Pan fydd y gyfraith yn ei gwneud yn ofynnol i ni roi gwybodaeth iddo, er enghraifft
        am gyflogau ein staff.
  - id: housing-regulator
    name:
      en: The Welsh Government's housing regulation team
      cy: Tîm rheoleiddio tai Llywodraeth Cymru
    kind: controller
    details:
      en: When it inspects how we are run, or when we must report a serious incident.
      cy: >-
        Pan fydd yn arolygu sut rydym yn cael ein rhedeg, neu pan fydd rhaid i ni roi gwybod
        am ddigwyddiad difrifol.
  - id: ombudsman
    name:
      en: Public Services Ombudsman for Wales
      cy: Ombwdsmon Gwasanaethau Cyhoeddus Cymru
    kind: controller
    details:
      en: If you take a complaint about us to the Ombudsman.
      cy: Os byddwch yn mynd â chwyn amdanom at yr Ombwdsmon.
  - id: auditors
    name:
      en: Our external auditors
      cy: Ein harchwilwyr allanol
    kind: controller
    details:
      en: To audit our accounts each year.
      cy: I archwilio ein cyfrifon bob blwyddyn.
  - id: whatsapp
    name: WhatsApp
    kind: processor
    details:
      en: >-
        Carries the messages you exchange with us on WhatsApp. Messages are end-to-end
        encrypted, but WhatsApp handles account and connection details.
      cy: >-
        Mae'n cludo'r negeseuon rydych yn eu cyfnewid â ni ar WhatsApp. Mae'r negeseuon
        wedi'u hamgryptio o un pen i'r llall, ond mae WhatsApp yn trin manylion cyfrifon a
        chysylltiadau.
    transfer:
      country: US
      safeguard: adequacy
      details:
        en: >-
          Meta Platforms is certified under the UK Extension to the EU-US Data Privacy
          Framework, which UK regulations recognise as giving adequate protection.
        cy: >-
          Mae Meta Platforms wedi'i ardystio o dan Estyniad y DU i Fframwaith Preifatrwydd
          Data yr UE a'r UD, y mae rheoliadau'r DU yn cydnabod ei fod yn rhoi diogelwch
          digonol.
  - id: red-cross
    name:
      en: International Committee of the Red Cross
      cy: Pwyllgor Rhyngwladol y Groes Goch
    kind: controller
    details:
      en: >-
        If you ask us to help you trace a family member you have been separated from by
        war or disaster.
      cy: >-
        Os byddwch yn gofyn i ni eich helpu i ddod o hyd i aelod o'r teulu y cawsoch eich
        gwahanu oddi wrtho gan ryfel neu drychineb.
    transfers:
      - international_organisation:
          en: International Committee of the Red Cross
          cy: Pwyllgor Rhyngwladol y Groes Goch
        safeguard: derogation
        derogation: a
        details:
          en: >-
            Only with your explicit consent, after we have explained the risks of sending
            information to an organisation outside the UK.
          cy: >-
            Dim ond gyda'ch cydsyniad penodol, ar ôl i ni esbonio'r risgiau o anfon
            gwybodaeth at sefydliad y tu allan i'r DU.
  - id: postflow
    name: Postflow
    kind: processor
    details:
      en: Sends our emails and text messages.
      cy: Mae'n anfon ein negeseuon e-bost a'n negeseuon testun.
    transfers:
      - country: US
        safeguard: certification
        details:
          en: >-
            Postflow's servers are in the United States. Its certification under an approved
            scheme protects your information.
          cy: >-
            Mae gweinyddion Postflow yn yr Unol Daleithiau. Mae ei ardystiad o dan gynllun
            cymeradwy yn diogelu eich gwybodaeth.
        copy: https://www.example.org.uk/safeguards/postflow/
      - country: ZA
        safeguard: code-of-conduct
        details:
          en: >-
            Text messages to some networks pass through South Africa, where the provider
            follows an approved code of conduct.
          cy: >-
            Mae negeseuon testun i rai rhwydweithiau yn mynd drwy Dde Affrica, lle mae'r
            darparwr yn dilyn cod ymddygiad cymeradwy.
        copy:
          en: Ask our Data Protection Officer for a copy of the code.
          cy: Gofynnwch i'n Swyddog Diogelu Data am gopi o'r cod.
  - id: home-office
    name:
      en: Home Office
      cy: Y Swyddfa Gartref
    kind: controller
    details:
      en: To check your right to work, when the law requires it.
      cy: I wirio eich hawl i weithio, pan fydd y gyfraith yn ei gwneud yn ofynnol.

retention:
  - id: complaints-file
    records:
      en: Complaint and compliment files
      cy: Ffeiliau cwynion a chanmoliaeth
    period: P6Y
    from:
      en: the date the complaint is closed
      cy: y dyddiad y caiff y gŵyn ei chau
  - id: financial-records
    records:
      en: Payment and other financial records
      cy: Cofnodion taliadau a chofnodion ariannol eraill
    period: P6Y
    from:
      en: the end of the financial year they relate to
      cy: diwedd y flwyddyn ariannol y maent yn ymwneud â hi
    then:
      en: Securely destroyed, apart from summary figures kept in our annual accounts.
      cy: >-
        Caiff y cofnodion eu dinistrio'n ddiogel, ar wahân i ffigurau cryno a gedwir yn ein
        cyfrifon blynyddol.
  - id: general-correspondence
    records:
      en: General enquiries and correspondence
      cy: Ymholiadau a gohebiaeth gyffredinol
    period: P2Y
    from:
      en: our last reply
      cy: ein hateb olaf
  - id: tenancy-file
    records:
      en: Your tenancy file
      cy: Ffeil eich tenantiaeth
    period: P6Y
    from:
      en: the end of your tenancy
      cy: diwedd eich tenantiaeth
  - id: cctv-footage
    records:
      en: Camera recordings
      cy: Recordiadau camera
    period: P30D
    qualifier: up-to
    from:
      en: the date they are recorded
      cy: y dyddiad y cânt eu recordio
    then:
      en: Overwritten automatically, unless we need a recording to investigate an incident.
      cy: >-
        Caiff y recordiadau eu trosysgrifo'n awtomatig, oni bai bod angen recordiad arnom i
        ymchwilio i ddigwyddiad.
  - id: call-notes
    records:
      en: Notes of phone calls
      cy: Nodiadau galwadau ffôn
    period: P1Y
    from:
      en: the date of the call
      cy: dyddiad yr alwad
  - id: board-minutes
    records:
      en: Board and general meeting minutes
      cy: Cofnodion y bwrdd a'r cyfarfodydd cyffredinol
    period: indefinite
    justification:
      en: >-
        Minutes are the permanent record of the association's decisions. Our rules require us
        to keep them, and we offer them to the county archives.
      cy: >-
        Cofnodion y cyfarfodydd yw cofnod parhaol penderfyniadau'r gymdeithas. Mae ein
        rheolau'n ei gwneud yn ofynnol i ni eu cadw, ac rydym yn eu cynnig i archifau'r sir.
  - id: safeguarding-records
    records:
      en: Safeguarding records
      cy: Cofnodion diogelu
    period: P25Y
    from:
      en: the date of the last entry
      cy: dyddiad y cofnod olaf
  - id: web-logs
    records:
      en: Website and app logs
      cy: Logiau'r wefan a'r ap
    period: P3M
    from:
      en: the date of your visit
      cy: dyddiad eich ymweliad
  - id: survey-responses
    records:
      en: Survey responses
      cy: Ymatebion i arolygon
    period: P1Y6M
    from:
      en: the end of the survey
      cy: diwedd yr arolwg
  - id: dbs-results
    records:
      en: Criminal record check results
      cy: Canlyniadau gwiriadau cofnodion troseddol
    period: P6M
    qualifier: up-to
    from:
      en: the date of the check
      cy: dyddiad y gwiriad
  - id: health-safety-records
    records:
      en: Accident and health and safety records
      cy: Cofnodion damweiniau ac iechyd a diogelwch
    period: P40Y
    qualifier: at-least
    from:
      en: the date of the incident
      cy: dyddiad y digwyddiad
  - id: visitor-log
    records:
      en: Visitor sign-in records
      cy: Cofnodion ymwelwyr
    period: P2W
    from:
      en: the date of your visit
      cy: dyddiad eich ymweliad
  - id: appointment-reminders
    records:
      en: Appointment reminders
      cy: Nodiadau atgoffa am apwyntiadau
    period: P14D
    from:
      en: the date of the appointment
      cy: dyddiad yr apwyntiad
"#;

fn run(n: usize, out: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(out.join("notices"))?;
    std::fs::write(out.join("hysbys.toml"), CONFIG)?;
    std::fs::write(out.join("notices/_organisation.yaml"), ORGANISATION)?;
    for (slug, _) in SERVICES {
        std::fs::create_dir_all(out.join("notices").join(slug))?;
    }
    let mut words = 0usize;
    let mut bytes = 0usize;
    for i in 0..n {
        let mut o = Out::new();
        let (service, id) = write_notice(i, &mut o);
        let path: PathBuf = out
            .join("notices")
            .join(SERVICES[service].0)
            .join(format!("{id}.yaml"));
        std::fs::write(&path, o.s.as_bytes())?;
        words += o.words;
        bytes += o.s.len();
    }
    eprintln!(
        "gen_estate: {n} notices in {} ({:.1} MiB of YAML, {} words per notice on average)",
        out.display(),
        bytes as f64 / (1024.0 * 1024.0),
        words.checked_div(n).unwrap_or(0)
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_estate N OUT_DIR";
    let (Some(n), Some(out), 2) = (args.first(), args.get(1), args.len()) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let Ok(n) = n.parse::<usize>() else {
        eprintln!("gen_estate: `{n}` is not a number\n{usage}");
        return ExitCode::from(2);
    };
    let out = PathBuf::from(out);
    if out.join("notices").exists() {
        eprintln!(
            "gen_estate: {} already has a notices/ folder; give an empty or new folder",
            out.display()
        );
        return ExitCode::from(2);
    }
    match run(n, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_estate: cannot write {}: {e}", out.display());
            ExitCode::from(1)
        }
    }
}
