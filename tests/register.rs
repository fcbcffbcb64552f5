//! The machine-readable outputs: register.json against its schema, the schema's teeth,
//! determinism, specific resolved values, the JSON-LD export's triples (expanded offline
//! with the `json-ld` crate) and the record-of-processing CSV read back with RFC 4180 rules.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use hysbys::diag::Severity;
use hysbys::emit::{jsonld, register, ropa};
use hysbys::i18n::I18n;
use hysbys::model::Lang;
use hysbys::Project;
use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture() -> PathBuf {
    root().join("tests/fixtures/register-basic")
}

/// Load and check a project; it must have no errors.
fn load(dir: &Path) -> Project {
    let (project, diags) = hysbys::check(dir, &hysbys::load::Options::default())
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let errors: Vec<_> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{}: {errors:#?}", dir.display());
    project
}

fn schema() -> Value {
    serde_json::from_str(register::REGISTER_SCHEMA).expect("register.schema.json is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema()).expect("register.schema.json compiles")
}

/// The schema of one notice entry: `#/$defs/notice` with the same `$defs`.
fn notice_validator() -> jsonschema::Validator {
    let s = schema();
    let sub = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": "#/$defs/notice",
        "$defs": s["$defs"].clone(),
    });
    jsonschema::validator_for(&sub).expect("notice sub-schema compiles")
}

fn assert_valid(v: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match the schema:\n{}",
        errors.join("\n")
    );
}

fn notice<'a>(reg: &'a Value, id: &str) -> &'a Value {
    reg["notices"]
        .as_array()
        .and_then(|ns| ns.iter().find(|n| n["id"] == id))
        .unwrap_or_else(|| panic!("no notice {id}"))
}

fn by_id<'a>(list: &'a Value, id: &str) -> &'a Value {
    list.as_array()
        .and_then(|l| l.iter().find(|x| x["id"] == id))
        .unwrap_or_else(|| panic!("no entry {id} in {list}"))
}

#[test]
fn the_schema_is_valid_2020_12() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert!(
        jsonschema::meta::is_valid(&s),
        "{:?}",
        jsonschema::meta::validate(&s).err()
    );
}

#[test]
fn example_project_register_matches_the_schema() {
    let project = load(&root());
    let i18n = I18n::builtin();
    let reg = register::register(&project, &i18n);
    assert_valid(&validator(), &reg, "the example's register.json");
    assert!(reg["notices"]
        .as_array()
        .is_some_and(|n| n.len() == project.notices.len()));
    let nv = notice_validator();
    for n in &project.notices {
        assert_valid(
            &nv,
            &register::notice_entry(&project, &i18n, n),
            &format!("notices/{}.json", n.id),
        );
    }
    // Notices sorted by id.
    let ids: Vec<&str> = reg["notices"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| n["id"].as_str())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted);
}

#[test]
fn fixture_register_matches_the_schema() {
    let project = load(&fixture());
    let reg = register::register(&project, &I18n::builtin());
    assert_valid(&validator(), &reg, "the fixture's register.json");
}

#[test]
fn the_schema_rejects_broken_registers() {
    let project = load(&fixture());
    let reg = register::register(&project, &I18n::builtin());
    let v = validator();
    assert!(v.is_valid(&reg));

    let mut broken: Vec<(&str, Value)> = Vec::new();
    let mut r = reg.clone();
    r["notices"][0]["purposes"][0]["lawful_basis"] = json!({"code": "magic", "article": "6(1)(e)"});
    broken.push(("unknown lawful basis", r));
    let mut r = reg.clone();
    r["notices"][0]["purposes"][0]["lawful_basis"] =
        json!({"code": "public-task", "article": "6(1)(f)"});
    broken.push(("wrong article for the basis", r));
    let mut r = reg.clone();
    if let Some(o) = r["notices"][0].as_object_mut() {
        o.remove("rights");
    }
    broken.push(("missing required key", r));
    let mut r = reg.clone();
    r["notices"][0]["purposes"][0]["colour"] = json!("blue");
    broken.push(("extra key", r));
    let mut r = reg.clone();
    r["notices"][0]["retention"][0]["period"] = json!("P1M6Y");
    broken.push(("units out of order", r));
    let mut r = reg.clone();
    r["notices"][0]["retention"][0]["criteria"] = json!({"en": "x", "cy": "y"});
    broken.push(("both period and criteria", r));
    let mut r = reg.clone();
    r["notices"][0]["id"] = json!("Advice");
    broken.push(("bad id", r));
    let mut r = reg.clone();
    r["controller"]["ico_registration"] = json!("12345678");
    broken.push(("bad ICO number", r));
    let mut r = reg.clone();
    r["notices"][0]["updated"] = json!("1 October 2026");
    broken.push(("bad date", r));
    let mut r = reg.clone();
    r["notices"][0]["purposes"][0]["rights"] = json!(["access", "be-forgotten"]);
    broken.push(("unknown right", r));
    let mut r = reg.clone();
    r["notices"][0]["categories"][1]["special"] = json!(["shoe-size"]);
    broken.push(("unknown special category", r));
    let mut r = reg.clone();
    r["notices"][0]["recipients"][0]["kind"] = json!("friend");
    broken.push(("unknown recipient kind", r));
    let mut r = reg.clone();
    r["controller"]["recipients"][1]["transfers"][0]["country"] = json!("GB");
    broken.push(("transfer to the UK", r));
    let mut r = reg.clone();
    r["notices"][0]["retention"][0]["period"] = json!("P06Y");
    broken.push(("a leading zero", r));
    let mut r = reg.clone();
    r["notices"][0]["purposes"][0]["criminal_condition"] =
        json!({"paragraph": 36, "part": 3, "title": {"en": "x"}});
    broken.push(("paragraph 36 without extends", r));
    let mut r = reg.clone();
    r["format"] = json!("hysbys-register/2");
    broken.push(("other format", r));
    for (what, r) in broken {
        assert!(!v.is_valid(&r), "the schema accepts a register with {what}");
    }
}

#[test]
fn output_is_deterministic() {
    let i18n = I18n::builtin();
    for dir in [root(), fixture()] {
        let a = load(&dir);
        let b = load(&dir);
        assert_eq!(
            register::to_bytes(&register::register(&a, &i18n)),
            register::to_bytes(&register::register(&b, &i18n)),
            "{}",
            dir.display()
        );
        assert_eq!(
            register::to_bytes(&jsonld::jsonld(&a, &i18n)),
            register::to_bytes(&jsonld::jsonld(&b, &i18n))
        );
        for lang in Lang::ALL {
            assert_eq!(
                ropa::ropa_csv(&a, &i18n, lang),
                ropa::ropa_csv(&b, &i18n, lang)
            );
        }
    }
    let bytes = register::to_bytes(&json!({"a": 1}));
    assert_eq!(bytes, b"{\"a\":1}\n");
    // A document: compact, one list item a line.
    let doc = json!({"format": "f", "notices": [{"id": "a"}, {"id": "b"}]});
    assert_eq!(
        register::document_bytes(&doc, "notices"),
        b"{\"format\":\"f\",\"notices\":[\n{\"id\":\"a\"},\n{\"id\":\"b\"}\n]}\n"
    );
    let empty = json!({"format": "f", "notices": []});
    assert_eq!(
        register::document_bytes(&empty, "notices"),
        b"{\"format\":\"f\",\"notices\":[]}\n"
    );
}

#[test]
fn register_values_are_resolved() {
    let project = load(&fixture());
    let reg = register::register(&project, &I18n::builtin());
    assert_eq!(reg["format"], "hysbys-register/1");
    assert_eq!(reg["base_url"], "https://privacy.example.org/notices/");
    assert_eq!(reg["controller"]["ico_registration"], "Z1234567");
    assert_eq!(reg["controller"]["public_authority"], true);
    assert_eq!(
        reg["controller"]["name"],
        json!({"en": "Example Borough Council", "cy": "Cyngor Bwrdeistref Enghreifftiol"})
    );
    assert_eq!(reg["controller"]["representative"], Value::Null);
    assert_eq!(
        reg["controller"]["website"],
        json!({"en": "https://www.example.org/", "cy": "https://www.example.org/"})
    );
    assert_eq!(reg["controller"]["dpo"]["phone"], Value::Null);

    let ids: Vec<&Value> = reg["notices"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| &n["id"])
        .collect();
    assert_eq!(ids, [&json!("advice"), &json!("tenancy")]);

    let advice = notice(&reg, "advice");
    assert_eq!(
        advice["urls"],
        json!({"en": "en/advice/", "cy": "cy/advice/"})
    );
    assert_eq!(advice["updated"], "2026-10-01");
    assert_eq!(advice["review_by"], Value::Null);
    assert_eq!(
        advice["summary"]["en"],
        "How the **advice service** uses your information."
    );
    assert_eq!(advice["joint_controllers"], json!([]));
    assert_eq!(advice["automated_decisions"], json!([]));

    // Defaults filled in.
    let contact = by_id(&advice["categories"], "contact");
    assert_eq!(contact["source"], "subject");
    assert_eq!(contact["criminal"], false);
    assert_eq!(contact["special"], json!([]));
    assert_eq!(by_id(&advice["categories"], "offences")["source"], "others");
    assert_eq!(
        by_id(&advice["categories"], "health")["special"],
        json!(["health"])
    );

    // Articles and conditions.
    let p = by_id(&advice["purposes"], "advice");
    assert_eq!(
        p["lawful_basis"],
        json!({"code": "public-task", "article": "6(1)(e)"})
    );
    assert_eq!(
        p["special_condition"],
        json!({"code": "substantial-public-interest", "article": "9(2)(g)"})
    );
    assert_eq!(p["schedule1"]["paragraph"], 17);
    assert_eq!(p["schedule1"]["part"], 2);
    assert_eq!(p["schedule1"]["title"]["en"], "Counselling etc");
    assert!(p["schedule1"]["title"]["cy"]
        .as_str()
        .is_some_and(|s| !s.is_empty() && s != "sch1-17"));
    assert_eq!(p["criminal_condition"]["paragraph"], 36);
    assert_eq!(p["criminal_condition"]["part"], 3);
    assert_eq!(p["criminal_condition"]["extends"], 10);
    assert_eq!(
        p["legislation"],
        json!([{"en": "Local Government Act 1972", "cy": "Local Government Act 1972"}])
    );
    assert_eq!(p["annex1"], Value::Null);

    // Per-purpose rights: the statutory purpose is not offered erasure because the
    // newsletter rests on consent; the notice's rights are the union, in register order.
    assert_eq!(
        p["rights"],
        json!([
            "access",
            "rectification",
            "restriction",
            "objection",
            "complaint"
        ])
    );
    let news = by_id(&advice["purposes"], "newsletter");
    assert_eq!(
        news["lawful_basis"],
        json!({"code": "consent", "article": "6(1)(a)"})
    );
    assert_eq!(news["special_condition"], Value::Null);
    assert_eq!(news["schedule1"], Value::Null);
    assert_eq!(news["criminal_condition"], Value::Null);
    assert_eq!(
        news["rights"],
        json!([
            "access",
            "rectification",
            "erasure",
            "restriction",
            "portability",
            "object-direct-marketing",
            "withdraw-consent",
            "complaint"
        ])
    );
    assert_eq!(
        advice["rights"],
        json!([
            "access",
            "rectification",
            "erasure",
            "restriction",
            "portability",
            "objection",
            "object-direct-marketing",
            "withdraw-consent",
            "complaint"
        ])
    );

    // Catalogue refs replaced by their entries.
    let police = by_id(&advice["recipients"], "police");
    assert_eq!(police["kind"], "controller");
    assert_eq!(police["name"]["cy"], "Heddlu Enghreifftiol");
    assert_eq!(police["catalogue"], true);
    assert_eq!(police["purposes"], json!([]));
    let cloud = by_id(&advice["recipients"], "cloud");
    assert_eq!(cloud["name"], json!({"en": "CloudCo", "cy": "CloudCo"}));
    assert_eq!(
        cloud["transfers"],
        json!([{
            "country": "US",
            "international_organisation": null,
            "safeguard": {"code": "idta", "article": "46(2)(d)"},
            "derogation": null,
            "details": null,
            "copy": {"en": "https://www.example.org/idta/", "cy": "https://www.example.org/idta/"},
        }])
    );
    let refernet = by_id(&advice["recipients"], "refernet");
    assert_eq!(refernet["catalogue"], false);
    assert_eq!(refernet["purposes"], json!(["advice"]));
    assert_eq!(refernet["transfers"], json!([]));

    // A retention entry without categories covers every category of its notice.
    let finance = by_id(&advice["retention"], "finance");
    assert_eq!(
        finance["categories"],
        json!(["contact", "health", "offences"])
    );
    assert_eq!(finance["period"], "P6Y");
    assert_eq!(finance["criteria"], Value::Null);
    assert_eq!(finance["catalogue"], true);
    assert_eq!(
        finance["then"],
        json!({"en": "Securely deleted", "cy": I18n::builtin().msg(Lang::Cy, "retention-then-default")})
    );
    assert_eq!(
        by_id(&advice["retention"], "case-record")["qualifier"],
        "at-least"
    );

    let tenancy = notice(&reg, "tenancy");
    let file = by_id(&tenancy["retention"], "tenancy-file");
    assert_eq!(file["period"], Value::Null);
    assert_eq!(
        file["criteria"]["en"],
        "Until the tenancy ends, then as our schedule says."
    );
    assert_eq!(file["categories"], json!(["tenancy"]));
    let un = by_id(&tenancy["recipients"], "un-agency");
    assert_eq!(un["transfers"][0]["country"], Value::Null);
    assert_eq!(
        un["transfers"][0]["international_organisation"]["en"],
        "United Nations"
    );
    assert_eq!(
        un["transfers"][0]["safeguard"],
        json!({"code": "derogation", "article": "49(1)"})
    );
    assert_eq!(
        un["transfers"][0]["derogation"],
        json!({"code": "d", "article": "49(1)(d)"})
    );
    assert_eq!(
        by_id(&tenancy["purposes"], "manage")["rights"],
        json!([
            "access",
            "rectification",
            "erasure",
            "restriction",
            "portability",
            "complaint"
        ])
    );

    // The per-notice file is the register's entry.
    let n = project
        .notices
        .iter()
        .find(|n| n.id == "advice")
        .expect("advice");
    assert_eq!(
        &register::notice_entry(&project, &I18n::builtin(), n),
        advice
    );
}

#[test]
fn one_language_sites_have_one_language_maps() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture(), dir.path());
    let toml = "[site]\nlanguages = [\"cy\"]\n";
    std::fs::write(dir.path().join("hysbys.toml"), toml).expect("write");
    let project = load(dir.path());
    let reg = register::register(&project, &I18n::builtin());
    assert_valid(&validator(), &reg, "a Welsh-only register");
    assert!(reg.get("base_url").is_none());
    assert_eq!(reg["languages"], json!(["cy"]));
    let advice = notice(&reg, "advice");
    assert_eq!(advice["urls"], json!({"cy": "cy/advice/"}));
    assert_eq!(advice["title"], json!({"cy": "Gwasanaeth cyngor"}));
    // Without a base URL the JSON-LD uses blank nodes, and still expands.
    let doc = jsonld::jsonld(&project, &I18n::builtin());
    assert!(!triples(&doc).is_empty());
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read_dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Expand a JSON-LD document offline (no loader: the context is embedded) and return its
/// triples as `subject predicate object` strings in N-Triples-like form.
fn triples(doc: &Value) -> BTreeSet<String> {
    use json_ld::syntax::Parse;
    use json_ld::JsonLdProcessor;
    let text = serde_json::to_string(doc).expect("serialise");
    let (value, _) = json_ld::syntax::Value::parse_str(&text).expect("JSON-LD parses");
    let remote = json_ld::RemoteDocument::new(None, None, value);
    let mut generator = json_ld::rdf_types::generator::Blank::new();
    let mut rdf = pollster::block_on(remote.to_rdf(&mut generator, &json_ld::NoLoader))
        .expect("JSON-LD expands offline");
    rdf.cloned_quads()
        .map(|q| format!("{} {} {}", q.0, q.1, q.2))
        .collect()
}

const DPV: &str = "https://w3id.org/dpv#";
const GDPR: &str = "https://w3id.org/dpv/legal/eu/gdpr#";
const HYSBYS: &str = "https://hysbys.example/ns#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

#[test]
fn jsonld_expands_to_dpv_triples() {
    let project = load(&fixture());
    let doc = jsonld::jsonld(&project, &I18n::builtin());
    assert!(
        doc["@context"].is_object(),
        "the context is embedded, not a URL"
    );
    let t = triples(&doc);

    let n = "https://privacy.example.org/notices/notices/advice.json";
    let process = format!("{n}#process-advice");
    let has = |s: &str, p: &str, o: &str| {
        let triple = format!("{s} {p} {o}");
        assert!(
            t.contains(&triple),
            "missing triple: {triple}\nprocess triples:\n{}",
            {
                let pre = format!("{process} ");
                t.iter()
                    .filter(|x| x.starts_with(&pre))
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        );
    };
    has(&process, RDF_TYPE, &format!("{DPV}Process"));
    has(&process, &format!("{DPV}hasNotice"), n);
    has(n, RDF_TYPE, &format!("{DPV}PrivacyNotice"));
    has(
        n,
        "http://purl.org/dc/terms/modified",
        "\"2026-10-01\"^^<http://www.w3.org/2001/XMLSchema#date>",
    );
    has(
        &process,
        &format!("{DPV}hasPurpose"),
        &format!("{n}#purpose-advice"),
    );
    has(
        &format!("{n}#purpose-advice"),
        RDF_TYPE,
        &format!("{DPV}Purpose"),
    );
    has(
        &format!("{n}#purpose-advice"),
        "http://www.w3.org/2000/01/rdf-schema#label",
        "\"Rhoi cyngor i chi, a'i ddilyn\"@cy",
    );
    // Lawful basis, Art 9 condition, Schedule 1 and the Art 10 condition (para 36 extending 10).
    has(
        &process,
        &format!("{DPV}hasLegalBasis"),
        &format!("{GDPR}A6-1-e"),
    );
    has(
        &process,
        &format!("{DPV}hasLegalBasis"),
        &format!("{GDPR}A9-2-g"),
    );
    has(
        &process,
        &format!("{DPV}hasLegalBasis"),
        &format!("{HYSBYS}DPA2018-Sch1-17"),
    );
    has(
        &process,
        &format!("{HYSBYS}criminalOffenceCondition"),
        &format!("{HYSBYS}DPA2018-Sch1-36"),
    );
    has(
        &process,
        &format!("{HYSBYS}extendsSchedule1Condition"),
        &format!("{HYSBYS}DPA2018-Sch1-10"),
    );
    has(
        &format!("{HYSBYS}DPA2018-Sch1-17"),
        "http://www.w3.org/2000/01/rdf-schema#label",
        "\"Counselling etc\"@en",
    );
    // Personal data, special categories and data subjects.
    has(
        &process,
        &format!("{DPV}hasPersonalData"),
        &format!("{n}#category-health"),
    );
    has(
        &format!("{n}#category-health"),
        RDF_TYPE,
        &format!("{DPV}SpecialCategoryPersonalData"),
    );
    has(
        &format!("{n}#category-health"),
        &format!("{HYSBYS}specialCategory"),
        &format!("{HYSBYS}Art9-health"),
    );
    has(
        &format!("{n}#category-offences"),
        RDF_TYPE,
        &format!("{HYSBYS}CriminalOffenceData"),
    );
    has(
        &format!("{n}#category-offences"),
        &format!("{DPV}hasDataSource"),
        &format!("{DPV}ThirdPartyDataSource"),
    );
    has(
        &process,
        &format!("{DPV}hasDataSubject"),
        &format!("{n}#data-subject-1"),
    );
    has(
        &format!("{n}#data-subject-1"),
        RDF_TYPE,
        &format!("{DPV}DataSubject"),
    );
    has(
        &process,
        &format!("{DPV}hasDataController"),
        "https://privacy.example.org/notices/register.json#controller",
    );
    // Recipients, processors and the transfer with its safeguard.
    let reg = "https://privacy.example.org/notices/register.json";
    has(
        &process,
        &format!("{DPV}hasRecipient"),
        &format!("{reg}#recipient-police"),
    );
    has(
        &process,
        &format!("{DPV}hasDataProcessor"),
        &format!("{reg}#recipient-cloud"),
    );
    has(
        &process,
        &format!("{DPV}hasDataProcessor"),
        &format!("{n}#recipient-refernet"),
    );
    has(
        &process,
        &format!("{DPV}hasProcess"),
        &format!("{reg}#transfer-cloud-1"),
    );
    has(
        &format!("{reg}#transfer-cloud-1"),
        &format!("{DPV}hasCountry"),
        "https://w3id.org/dpv/loc#US",
    );
    has(
        &format!("{reg}#transfer-cloud-1"),
        &format!("{DPV}hasLegalBasis"),
        &format!("{GDPR}A46-2-d"),
    );
    has(
        &format!("{reg}#transfer-cloud-1"),
        &format!("{DPV}hasProcessing"),
        &format!("{DPV}CrossBorderTransfer"),
    );
    // Storage: the catalogue entry expanded to every category, with an xsd:duration.
    let finance = format!("{n}#retention-finance");
    has(&process, &format!("{DPV}hasStorageCondition"), &finance);
    has(&finance, RDF_TYPE, &format!("{DPV}StorageDuration"));
    has(
        &finance,
        &format!("{DPV}hasDuration"),
        "\"P6Y\"^^<http://www.w3.org/2001/XMLSchema#duration>",
    );
    has(
        &finance,
        &format!("{DPV}hasPersonalData"),
        &format!("{n}#category-offences"),
    );
    // Rights of this purpose only.
    has(&process, &format!("{DPV}hasRight"), &format!("{GDPR}A15"));
    has(&process, &format!("{DPV}hasRight"), &format!("{GDPR}A21"));
    let erasure = format!("{process} {DPV}hasRight {GDPR}A17");
    assert!(
        !t.contains(&erasure),
        "the statutory purpose must not offer erasure"
    );
    // The newsletter purpose: consent, direct marketing, Art 21(2) and Art 7(3).
    let news = format!("{n}#process-newsletter");
    has(
        &news,
        &format!("{DPV}hasLegalBasis"),
        &format!("{GDPR}A6-1-a"),
    );
    has(&news, &format!("{DPV}hasRight"), &format!("{HYSBYS}A21-2"));
    has(&news, &format!("{DPV}hasRight"), &format!("{GDPR}A7-3"));
    has(
        &format!("{n}#purpose-newsletter"),
        RDF_TYPE,
        &format!("{DPV}DirectMarketing"),
    );
    // Criteria-based retention and a derogation in the other notice.
    let tenancy = "https://privacy.example.org/notices/notices/tenancy.json";
    has(
        &format!("{tenancy}#retention-tenancy-file"),
        RDF_TYPE,
        &format!("{DPV}StorageCondition"),
    );
    has(
        &format!("{tenancy}#transfer-un-agency-1"),
        &format!("{DPV}hasLegalBasis"),
        &format!("{GDPR}A49-1-d"),
    );
}

#[test]
fn example_project_jsonld_expands() {
    let project = load(&root());
    let doc = jsonld::jsonld(&project, &I18n::builtin());
    let t = triples(&doc);
    let processes = t
        .iter()
        .filter(|x| x.ends_with(&format!("{RDF_TYPE} {DPV}Process")) && x.contains("#process-"))
        .count();
    let purposes: usize = project.notices.iter().map(|n| n.purposes.len()).sum();
    assert_eq!(processes, purposes);
}

/// A small RFC 4180 reader: records of fields; quoted fields may hold commas, quotes
/// (doubled) and line breaks.
fn read_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                assert!(field.is_empty(), "a quote inside an unquoted field");
                quoted = true;
            }
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '\n' => panic!("bare LF line ending"),
            _ => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && row.is_empty(),
        "the last record has no CRLF"
    );
    rows
}

#[test]
fn ropa_csv_reads_back() {
    let project = load(&fixture());
    let i18n = I18n::builtin();
    let csv = ropa::ropa_csv(&project, &i18n, Lang::En);
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("starts with a UTF-8 BOM");
    let rows = read_csv(body);
    assert_eq!(rows[0], ropa::COLUMNS.map(str::to_owned));
    assert_eq!(
        rows[0].join(","),
        "notice,purpose,controller,controller_contact,joint_controllers,dpo_contact,data_subjects,personal_data,special_categories,criminal_offence_data,lawful_basis,special_condition,schedule1,criminal_condition,recipients,transfers,retention,security"
    );
    // advice: 2 purposes; tenancy: 1.
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.len() == ropa::COLUMNS.len()));
    let col = |name: &str| {
        ropa::COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("column")
    };
    let r = &rows[1];
    assert_eq!(r[col("notice")], "Advice service");
    assert_eq!(r[col("purpose")], "Giving you advice, and following it up");
    assert_eq!(r[col("controller")], "Example Borough Council");
    assert_eq!(
        r[col("data_subjects")],
        "People who \"drop in\", phone or write"
    );
    assert_eq!(r[col("personal_data")], "Contact details; Health; Offences");
    assert_eq!(r[col("special_categories")], "Health");
    assert_eq!(r[col("criminal_offence_data")], "Offences");
    assert!(
        r[col("lawful_basis")].starts_with("Public task (UK GDPR Article 6(1)(e))"),
        "{}",
        r[col("lawful_basis")]
    );
    assert_eq!(
        r[col("special_condition")],
        "Substantial public interest (UK GDPR Article 9(2)(g))"
    );
    assert_eq!(
        r[col("schedule1")],
        "Counselling etc (Data Protection Act 2018, Schedule 1, Part 2, paragraph 17)"
    );
    assert!(
        r[col("criminal_condition")].contains("paragraph 36")
            && r[col("criminal_condition")].ends_with("paragraph 10")
    );
    assert_eq!(r[col("recipients")], "Example Police; CloudCo; Refernet");
    assert!(
        r[col("transfers")].starts_with("United States"),
        "{}",
        r[col("transfers")]
    );
    assert!(r[col("transfers")].contains("(CloudCo): International Data Transfer Agreement"));
    assert!(
        r[col("retention")]
            .contains("Financial records: 6 years (Counted from: the end of the financial year)"),
        "{}",
        r[col("retention")]
    );
    assert!(r[col("retention")].contains("Case records: at least 6 years"));
    assert_eq!(
        r[col("security")],
        "Access on a \"need to know\" basis, encryption, and yearly training."
    );
    assert!(r[col("dpo_contact")].contains("dpo@example.org"));
    // The newsletter row names no recipient restricted to another purpose.
    assert_eq!(rows[2][col("recipients")], "Example Police; CloudCo");
    assert!(rows[2][col("lawful_basis")].starts_with("Consent (UK GDPR Article 6(1)(a))"));
    // Raw text: the quoted field is escaped as RFC 4180 says, lines end in CRLF.
    assert!(body.contains("\"People who \"\"drop in\"\", phone or write\""));
    assert!(body.ends_with("\r\n"));

    let cy = ropa::ropa_csv(&project, &i18n, Lang::Cy);
    let rows = read_csv(cy.strip_prefix('\u{feff}').expect("BOM"));
    assert_eq!(rows[1][col("notice")], "Gwasanaeth cyngor");
    assert_eq!(
        rows[1][col("data_subjects")],
        "Pobl sy'n \"galw heibio\", yn ffonio neu'n ysgrifennu"
    );
    assert!(
        rows[1][col("retention")].contains("6 blynedd"),
        "{}",
        rows[1][col("retention")]
    );
}
