//! The files `hysbys init` and `hysbys new` write: a project that passes `check` at once,
//! in English and Welsh, and a notice skeleton. Never overwrite (the CLI checks).

use crate::model::Date;

pub const CONFIG: &str = r#"# hysbys settings. Every key is optional.
[site]
title = { en = "Privacy notices", cy = "Hysbysiadau preifatrwydd" }
# base_url = "https://www.example.gov.wales/privacy/"   # for canonical links and sitemap.xml
languages = ["en", "cy"]                                # the first is the primary language

[build]
output = "output"
minify = true

[lints]
# public-authority-legitimate-interests = "deny"
"#;

pub const ORGANISATION: &str = r#"# The data controller, and catalogues shared by every notice.
name:
  en: Example Town Council
  cy: Cyngor Tref Enghraifft
public_authority: true
address:
  en: Town Hall, High Street, Exampletown, EX1 1AA
  cy: Neuadd y Dref, Y Stryd Fawr, Tref Enghraifft, EX1 1AA
email: info@example.gov.wales
phone: "01234 567890"
ico_registration: Z1234567
website: https://www.example.gov.wales/
dpo:
  name:
    en: Data Protection Officer
    cy: Swyddog Diogelu Data
  email: dpo@example.gov.wales
rights_contact:
  email: dpo@example.gov.wales
  details:
    en: Write to us or email our Data Protection Officer to use any of your rights.
    cy: Ysgrifennwch atom neu e-bostiwch ein Swyddog Diogelu Data i ddefnyddio unrhyw un o'ch hawliau.
complaints:
  email: complaints@example.gov.wales
  details:
    en: Tell us if you are unhappy with how we have used your information and we will look into it.
    cy: Rhowch wybod i ni os ydych chi'n anhapus â'r ffordd rydym wedi defnyddio eich gwybodaeth, a byddwn yn ymchwilio.
"#;

pub fn example_notice(today: Date) -> String {
    format!(
        r#"# A privacy notice. `hysbys explain <lint>` explains any problem `hysbys check` reports.
title:
  en: Contacting the council
  cy: Cysylltu â'r cyngor
summary:
  en: How we use your information when you contact us with a question or a request.
  cy: Sut rydym yn defnyddio eich gwybodaeth pan fyddwch yn cysylltu â ni gyda chwestiwn neu gais.
updated: {today}
data_subjects:
  - en: People who contact the council
    cy: Pobl sy'n cysylltu â'r cyngor
categories:
  - id: contact
    name:
      en: Your name and contact details
      cy: Eich enw a'ch manylion cyswllt
  - id: enquiry
    name:
      en: What you ask us about
      cy: Yr hyn rydych yn gofyn i ni amdano
purposes:
  - id: answer
    name:
      en: Answering your question or request
      cy: Ateb eich cwestiwn neu'ch cais
    categories: [contact, enquiry]
    lawful_basis: public-task
    legislation:
      - en: Local Government Act 1972
        cy: Deddf Llywodraeth Leol 1972
recipients: []
retention:
  - id: enquiries
    records:
      en: Enquiries and our replies
      cy: Ymholiadau a'n hatebion
    period: P2Y
    from:
      en: the date we close your enquiry
      cy: y dyddiad rydym yn cau eich ymholiad
statutory_requirement:
  en: You do not have to give us your details, but we may not be able to answer you without them.
  cy: Does dim rhaid i chi roi eich manylion i ni, ond efallai na fyddwn yn gallu eich ateb hebddynt.
"#
    )
}

/// The files of a new project.
pub fn init_files(today: Date) -> Vec<(String, String)> {
    vec![
        ("hysbys.toml".into(), CONFIG.into()),
        ("notices/_organisation.yaml".into(), ORGANISATION.into()),
        ("notices/contact.yaml".into(), example_notice(today)),
        (".gitignore".into(), GITIGNORE.into()),
    ]
}

/// What a build leaves in the project folder: the site, the lock that keeps two builds
/// apart, and the previous site kept for fast rebuilds.
const GITIGNORE: &str = "/output/\n/.output.hysbys-*\n";

/// A notice skeleton: every required field, with bilingual placeholders to replace.
pub fn notice(id: &str, today: Date) -> String {
    format!(
        r#"# Notice `{id}`. Replace every "…" and run `hysbys check`.
title:
  en: "…"
  cy: "…"
summary:
  en: "…"
  cy: "…"
updated: {today}
data_subjects:
  - en: "…"
    cy: "…"
categories:
  - id: contact
    name:
      en: Your name and contact details
      cy: Eich enw a'ch manylion cyswllt
purposes:
  - id: {id}
    name:
      en: "…"
      cy: "…"
    categories: [contact]
    lawful_basis: public-task   # see `hysbys explain missing-lawful-basis`
    legislation:
      - "…"
recipients: []
retention:
  - id: {id}
    records:
      en: "…"
      cy: "…"
    period: P6Y
    from:
      en: "…"
      cy: "…"
statutory_requirement:
  en: "…"
  cy: "…"
"#
    )
}
