//! The translation workflow behind `hysbys i18n`: how far each language has fallen behind
//! (`status`), recording reviewed translations (`accept`), and the round trip through a
//! translator's tool (`export` to XLIFF, `import` back into the YAML).
//!
//! Owns: deciding what each command does to a loaded [`Project`]. It prints nothing and
//! writes nothing itself except through [`write_import`] and [`super::lock::write`]; an
//! import is planned and checked whole (every unit, every edited file read back) before
//! anything is written.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde_json::json;

use super::edit::{self, Target};
use super::furniture::{self, Message};
use super::lock::{hash, Fingerprint, Lock};
use super::values::{notice_values, organisation_values, values, Value, ORGANISATION};
use super::xliff;
use crate::diag::did_you_mean;
use crate::load::convert::{self, Cx};
use crate::load::yaml::{self, Limits};
use crate::model::{FileId, Lang};
use crate::Project;

/// Where one translation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Present, and made from the current primary-language text.
    Translated,
    /// Present, but made from primary-language text that has changed since.
    Stale,
    /// Absent or empty.
    Missing,
    /// Present, with no fingerprint in `hysbys.lock` (not yet accepted).
    Unrecorded,
}

pub fn state(primary: &str, translation: &str, fp: Option<&Fingerprint>) -> State {
    if translation.trim().is_empty() {
        State::Missing
    } else {
        match fp {
            None => State::Unrecorded,
            Some(f) if f.hash == hash(primary) => State::Translated,
            Some(_) => State::Stale,
        }
    }
}

/// The languages translated from the primary one.
pub fn targets(p: &Project) -> Vec<Lang> {
    let primary = p.config.primary();
    p.config
        .languages
        .iter()
        .copied()
        .filter(|l| *l != primary)
        .collect()
}

// ---------------------------------------------------------------------------------------
// status

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub values: usize,
    pub translated: usize,
    pub stale: usize,
    pub missing: usize,
    pub unrecorded: usize,
}

impl Counts {
    fn add(&mut self, s: State) {
        self.values += 1;
        match s {
            State::Translated => self.translated += 1,
            State::Stale => self.stale += 1,
            State::Missing => self.missing += 1,
            State::Unrecorded => self.unrecorded += 1,
        }
    }

    fn plus(&mut self, o: &Counts) {
        self.values += o.values;
        self.translated += o.translated;
        self.stale += o.stale;
        self.missing += o.missing;
        self.unrecorded += o.unrecorded;
    }

    fn json(&self) -> serde_json::Value {
        json!({
            "values": self.values,
            "translated": self.translated,
            "stale": self.stale,
            "missing": self.missing,
            "unrecorded": self.unrecorded,
        })
    }
}

/// One line of the status: the organisation, a notice, or the overridden page furniture.
#[derive(Debug, Clone)]
pub struct Row {
    /// `_organisation`, a notice id, or `_locales`.
    pub owner: String,
    /// The file (or `locales/*.ftl`).
    pub file: String,
    /// Per translated language.
    pub counts: Vec<(Lang, Counts)>,
}

#[derive(Debug, Clone)]
pub struct Status {
    pub primary: Lang,
    pub languages: Vec<Lang>,
    pub lock: bool,
    pub rows: Vec<Row>,
}

fn row_for(owner: &str, file: String, langs: &[Lang]) -> Row {
    Row {
        owner: owner.to_owned(),
        file,
        counts: langs.iter().map(|l| (*l, Counts::default())).collect(),
    }
}

pub fn status(p: &Project, furniture: &[Message]) -> Status {
    let primary = p.config.primary();
    let langs = targets(p);
    let empty = Lock::default();
    let lock = p.lock.as_ref().unwrap_or(&empty);
    let mut rows = Vec::new();
    let mut add = |owner: &str, file: FileId, vals: Vec<Value<'_>>| {
        let mut row = row_for(owner, p.sources.path(file).to_owned(), &langs);
        for v in vals {
            let key = v.key();
            for (lang, c) in &mut row.counts {
                c.add(state(
                    v.text.get(primary),
                    v.text.get(*lang),
                    lock.get(&key, *lang),
                ));
            }
        }
        rows.push(row);
    };
    if let Some(o) = &p.org {
        add(ORGANISATION, o.file, organisation_values(o, primary));
    }
    for n in &p.notices {
        add(&n.id, n.file, notice_values(n, primary));
    }
    if !furniture.is_empty() {
        let mut row = row_for(furniture::OWNER, "locales/*.ftl".into(), &langs);
        for m in furniture {
            for (lang, c) in &mut row.counts {
                let t = m.overrides[crate::model::Text::slot(*lang)]
                    .as_deref()
                    .unwrap_or("");
                c.add(state(&m.primary, t, lock.get(&m.key(), *lang)));
            }
        }
        rows.push(row);
    }
    Status {
        primary,
        languages: langs,
        lock: p.lock.is_some(),
        rows,
    }
}

impl Status {
    pub fn totals(&self) -> Vec<(Lang, Counts)> {
        self.languages
            .iter()
            .map(|&l| {
                let mut c = Counts::default();
                for r in &self.rows {
                    for (lang, x) in &r.counts {
                        if *lang == l {
                            c.plus(x);
                        }
                    }
                }
                (l, c)
            })
            .collect()
    }

    /// A table for people.
    pub fn human(&self) -> String {
        if self.languages.is_empty() {
            return format!(
                "the site is published in {} only: there is nothing to translate\n",
                self.primary.code()
            );
        }
        let width = self
            .rows
            .iter()
            .map(|r| r.owner.chars().count())
            .chain(["total".len(), "notice".len()])
            .max()
            .unwrap_or(6);
        let mut out = format!(
            "{:<width$}  lang  {:>6}  {:>10}  {:>5}  {:>7}  {:>10}\n",
            "notice", "values", "translated", "stale", "missing", "unrecorded"
        );
        let line = |owner: &str, lang: Lang, c: &Counts| {
            format!(
                "{owner:<width$}  {:<4}  {:>6}  {:>10}  {:>5}  {:>7}  {:>10}\n",
                lang.code(),
                c.values,
                c.translated,
                c.stale,
                c.missing,
                c.unrecorded
            )
        };
        for r in &self.rows {
            for (lang, c) in &r.counts {
                out.push_str(&line(&r.owner, *lang, c));
            }
        }
        for (lang, c) in self.totals() {
            out.push_str(&line("total", lang, &c));
        }
        if !self.lock {
            out.push_str("\nno hysbys.lock: every translation counts as unrecorded; run `hysbys i18n accept` once they are reviewed\n");
        }
        out
    }

    pub fn json(&self) -> String {
        let per = |counts: &[(Lang, Counts)]| {
            let mut m = serde_json::Map::new();
            for (l, c) in counts {
                m.insert(l.code().to_owned(), c.json());
            }
            serde_json::Value::Object(m)
        };
        let mut organisation = serde_json::Value::Null;
        let mut furniture = serde_json::Value::Null;
        let mut notices = serde_json::Map::new();
        for r in &self.rows {
            let v = json!({"file": r.file, "languages": per(&r.counts)});
            match r.owner.as_str() {
                ORGANISATION => organisation = v,
                furniture::OWNER => furniture = v,
                id => {
                    notices.insert(id.to_owned(), v);
                }
            }
        }
        let doc = json!({
            "primary": self.primary.code(),
            "languages": self.languages.iter().map(|l| l.code()).collect::<Vec<_>>(),
            "lock": self.lock,
            "organisation": organisation,
            "notices": notices,
            "furniture": furniture,
            "total": per(&self.totals()),
        });
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
        s.push('\n');
        s
    }
}

// ---------------------------------------------------------------------------------------
// accept

/// Files that could not be read leave their values out of the model: recording
/// fingerprints then would forget theirs. Returns the problems, if any.
fn unreadable(p: &Project) -> Vec<String> {
    p.load_diagnostics
        .iter()
        .filter(|d| matches!(d.lint, "parse-error" | "io-error" | "limit-exceeded"))
        .filter(|d| p.sources.path(d.file) != super::lock::FILE)
        .map(|d| {
            format!(
                "{}:{}:{}: {}",
                p.sources.path(d.file),
                d.pos.line,
                d.pos.col,
                d.message
            )
        })
        .collect()
}

/// Check `--notice` names: notice ids, `_organisation` or `_locales`.
pub fn check_owners(p: &Project, owners: &[String]) -> Result<(), String> {
    let mut known: Vec<&str> = p.notices.iter().map(|n| n.id.as_str()).collect();
    known.push(ORGANISATION);
    known.push(furniture::OWNER);
    for o in owners {
        if !known.contains(&o.as_str()) {
            let hint = did_you_mean(o, known.iter().copied())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            return Err(format!(
                "there is no notice `{o}`{hint} (name a notice id, `{ORGANISATION}` or `{}`)",
                furniture::OWNER
            ));
        }
    }
    Ok(())
}

/// What `accept` did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accepted {
    /// Fingerprints recorded for the values named.
    pub recorded: usize,
    /// Of those, new or different from the lock before.
    pub changed: usize,
    /// Fingerprints dropped (values gone or no longer translated).
    pub dropped: usize,
}

/// The lock after recording the current fingerprints of every translated value (or only
/// those of `owners`: notice ids, `_organisation`, `_locales`).
pub fn accept(
    p: &Project,
    furniture: &[Message],
    owners: &[String],
) -> Result<(Lock, Accepted), String> {
    let problems = unreadable(p);
    if !problems.is_empty() {
        return Err(format!(
            "some files could not be read, so their translations cannot be recorded; fix them first:\n  {}",
            problems.join("\n  ")
        ));
    }
    check_owners(p, owners)?;
    let old = p.lock.clone().unwrap_or_default();
    let named = |key: &str| owners.is_empty() || super::values::owned_by(key, owners);
    let mut lock = old.clone();
    lock.retain(|k, _| !named(k));
    let primary = p.config.primary();
    let langs = targets(p);
    let mut summary = Accepted::default();
    let mut record = |lock: &mut Lock, key: &str, lang: Lang, source: &str| {
        lock.set(key, lang, source);
        summary.recorded += 1;
        if lock.get(key, lang) != old.get(key, lang) {
            summary.changed += 1;
        }
    };
    for v in values(p) {
        let key = v.key();
        if !named(&key) {
            continue;
        }
        for &lang in &langs {
            if !v.text.get(lang).trim().is_empty() {
                record(&mut lock, &key, lang, v.text.get(primary));
            }
        }
    }
    for m in furniture {
        let key = m.key();
        if !named(&key) {
            continue;
        }
        for &lang in &langs {
            if m.overrides[crate::model::Text::slot(lang)].is_some() {
                record(&mut lock, &key, lang, &m.primary);
            }
        }
    }
    summary.dropped = old
        .iter()
        .filter(|(k, l, _)| lock.get(k, *l).is_none())
        .count();
    Ok((lock, summary))
}

// ---------------------------------------------------------------------------------------
// export

/// What `export` wrote.
#[derive(Debug, Clone)]
pub struct Exported {
    pub xliff: String,
    pub units: usize,
    pub missing: usize,
    pub stale: usize,
}

/// The language a code names, among the project's translated languages.
pub fn target_language(p: &Project, code: Option<&str>) -> Result<Lang, String> {
    let langs = targets(p);
    let primary = p.config.primary();
    match code {
        None => match langs.as_slice() {
            [one] => Ok(*one),
            [] => Err(format!(
                "the site is published in {} only: there is nothing to translate",
                primary.code()
            )),
            _ => Err("name the language to translate into with `--to`".into()),
        },
        Some(c) => {
            let lang = Lang::from_code(c).ok_or_else(|| {
                format!("`{c}` is not a language hysbys knows (it knows en and cy)")
            })?;
            if lang == primary {
                Err(format!(
                    "`{c}` is the primary language: translations are made from it, not into it"
                ))
            } else if !langs.contains(&lang) {
                Err(format!(
                    "the site is not published in `{c}` (see `languages` in hysbys.toml)"
                ))
            } else {
                Ok(lang)
            }
        }
    }
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Cy => "Welsh",
    }
}

/// An XLIFF 2.0 document with the values that need translating into `lang` (with `all`,
/// every value), optionally only those of `owners`.
pub fn export(p: &Project, lang: Lang, all: bool, owners: &[String]) -> Result<Exported, String> {
    check_owners(p, owners)?;
    let primary = p.config.primary();
    let empty = Lock::default();
    let lock = p.lock.as_ref().unwrap_or(&empty);
    let mut files: BTreeMap<(u8, String), xliff::File> = BTreeMap::new();
    let (mut missing, mut stale, mut units) = (0, 0, 0);
    for v in values(p) {
        if !owners.is_empty() && !owners.iter().any(|o| o == v.owner) {
            continue;
        }
        let key = v.key();
        let fp = lock.get(&key, lang);
        let st = state(v.text.get(primary), v.text.get(lang), fp);
        if !all && !matches!(st, State::Missing | State::Stale) {
            continue;
        }
        let where_ = if v.owner == ORGANISATION {
            format!("the organisation file ({})", p.sources.path(v.file))
        } else {
            format!("notice `{}` ({})", v.owner, p.sources.path(v.file))
        };
        let mut notes = vec![
            ("location", format!("{where_}, field {}", v.path)),
            ("description", v.meaning.to_owned()),
        ];
        let target = v.text.get(lang);
        let target = (!target.trim().is_empty()).then(|| target.to_owned());
        let state_attr = match st {
            State::Missing => {
                missing += 1;
                "initial"
            }
            State::Stale => {
                stale += 1;
                if let Some(before) = fp.and_then(|f| f.source.as_ref()) {
                    notes.push((
                        "previous-source",
                        format!(
                            "The {} was translated from this {}, which has since changed: {before}",
                            lang_name(lang),
                            lang_name(primary)
                        ),
                    ));
                } else {
                    notes.push((
                        "previous-source",
                        format!(
                            "The {} was translated from earlier {}, which has since changed.",
                            lang_name(lang),
                            lang_name(primary)
                        ),
                    ));
                }
                "initial"
            }
            State::Unrecorded => "translated",
            State::Translated => "final",
        };
        units += 1;
        let order = u8::from(v.owner != ORGANISATION);
        files
            .entry((order, v.owner.to_owned()))
            .or_insert_with(|| xliff::File {
                id: v.owner.to_owned(),
                original: p.sources.path(v.file).to_owned(),
                units: Vec::new(),
            })
            .units
            .push(xliff::Unit {
                id: xliff::unit_id(&v.path),
                name: v.path.clone(),
                notes,
                source: v.text.get(primary).to_owned(),
                target,
                state: state_attr,
            });
    }
    let files: Vec<xliff::File> = files.into_values().collect();
    let xliff = xliff::write(primary.code(), lang.code(), &files)?;
    Ok(Exported {
        xliff,
        units,
        missing,
        stale,
    })
}

// ---------------------------------------------------------------------------------------
// import

/// One file to rewrite.
#[derive(Debug, Clone)]
pub struct FileEdit {
    pub path: PathBuf,
    /// Relative to the project, for messages.
    pub rel: String,
    pub text: String,
    /// Whether the file starts with a byte-order mark (kept).
    pub bom: bool,
}

/// An import, planned and checked, ready to write.
#[derive(Debug, Clone)]
pub struct ImportPlan {
    pub lang: Lang,
    pub files: Vec<FileEdit>,
    /// `(key, primary-language source)` of every unit with a translation: their
    /// fingerprints are recorded.
    pub accepted: Vec<(String, String)>,
    /// Units whose translation was already in the file.
    pub unchanged: usize,
    /// Units without a translation (left alone).
    pub skipped: usize,
}

impl ImportPlan {
    pub fn changed(&self) -> usize {
        self.accepted.len() - self.unchanged
    }
}

/// The strings of one file's values, as `key → (primary, translation)`.
type Strings = BTreeMap<String, (String, String)>;

fn strings(vals: &[Value<'_>], primary: Lang, lang: Lang) -> Strings {
    vals.iter()
        .map(|v| {
            (
                v.key(),
                (v.text.get(primary).to_owned(), v.text.get(lang).to_owned()),
            )
        })
        .collect()
}

/// Read one file's text again as the project would, returning its values' strings and the
/// lints its diagnostics name (`missing-translation` aside).
fn reread(
    p: &Project,
    owner: &str,
    file: FileId,
    text: &str,
    lang: Lang,
) -> Option<(Strings, Vec<&'static str>)> {
    let primary = p.config.primary();
    let arena = bumpalo::Bump::new();
    let parsed = yaml::parse(text, &arena, &Limits::default());
    if !parsed.problems.is_empty() {
        return None;
    }
    let root = parsed.root?;
    let mut diags = Vec::new();
    let mut cx = Cx {
        file,
        langs: &p.config.languages,
        diags: &mut diags,
    };
    let s = if owner == ORGANISATION {
        let o = convert::organisation(&mut cx, &root)?;
        strings(&organisation_values(&o, primary), primary, lang)
    } else {
        let raw = convert::notice(&mut cx, owner, &root)?;
        let mut used = crate::load::resolve::Used::new(p.org.as_ref());
        let n = crate::load::resolve::notice(raw, p.org.as_ref(), &mut diags, &mut used);
        strings(&notice_values(&n, primary), primary, lang)
    };
    let mut lints: Vec<&'static str> = diags
        .iter()
        .map(|d| d.lint)
        .filter(|l| *l != "missing-translation")
        .collect();
    lints.sort_unstable();
    Some((s, lints))
}

fn primary_tag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Plan an import of a translator's XLIFF: check every unit, edit every file in memory and
/// read each back. Any problem refuses the whole import (every problem is listed).
pub fn plan_import(p: &Project, xml: &str) -> Result<ImportPlan, Vec<String>> {
    let problems = unreadable(p);
    if !problems.is_empty() {
        return Err(std::iter::once(
            "some files could not be read; fix them before importing:".to_owned(),
        )
        .chain(problems)
        .collect());
    }
    let doc = xliff::read(xml).map_err(|e| vec![e])?;
    let primary = p.config.primary();
    if primary_tag(&doc.src_lang) != primary.code() {
        return Err(vec![format!(
            "the file translates from `{}`, but the project's primary language is `{}`",
            doc.src_lang,
            primary.code()
        )]);
    }
    let lang = target_language(p, Some(&primary_tag(&doc.trg_lang)))
        .map_err(|e| vec![format!("the file translates into `{}`: {e}", doc.trg_lang)])?;

    let all = values(p);
    let by_unit: HashMap<(&str, String), &Value<'_>> = all
        .iter()
        .map(|v| ((v.owner, xliff::unit_id(&v.path)), v))
        .collect();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    // Per file: the values to write and their new strings.
    let mut per_file: BTreeMap<FileId, Vec<(&Value<'_>, String)>> = BTreeMap::new();
    let mut accepted = Vec::new();
    let (mut unchanged, mut skipped) = (0, 0);
    for u in &doc.units {
        let Some(v) = by_unit.get(&(u.file.as_str(), u.id.clone())) else {
            errors.push(format!(
                "line {}: unit `{}` of file `{}` is not a value of this project (renamed or removed since the export?)",
                u.line, u.id, u.file
            ));
            continue;
        };
        let key = v.key();
        if let Some(first) = seen.insert(key.clone(), u.line) {
            errors.push(format!(
                "line {}: `{key}` appears twice (first at line {first})",
                u.line
            ));
            continue;
        }
        let current = v.text.get(primary);
        if u.source != current {
            errors.push(format!(
                "line {}: the {} of `{key}` has changed since the export; export again and translate the new text",
                u.line,
                lang_name(primary)
            ));
            continue;
        }
        let Some(target) = u.target.as_ref().filter(|t| !t.trim().is_empty()) else {
            skipped += 1;
            continue;
        };
        accepted.push((key, current.to_owned()));
        if target == v.text.get(lang) {
            unchanged += 1;
        } else {
            per_file
                .entry(v.file)
                .or_default()
                .push((*v, target.clone()));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut files = Vec::new();
    for (file, edits) in per_file {
        match edit_file(p, file, lang, &edits) {
            Ok(f) => files.push(f),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ImportPlan {
        lang,
        files,
        accepted,
        unchanged,
        skipped,
    })
}

/// Edit one file in memory and read it back: every edited value must read as its new
/// string, and everything else as before.
fn edit_file(
    p: &Project,
    file: FileId,
    lang: Lang,
    edits: &[(&Value<'_>, String)],
) -> Result<FileEdit, Vec<String>> {
    let primary = p.config.primary();
    let rel = p.sources.path(file).to_owned();
    let path = p.root.join(&rel);
    let original = p.sources.text(file);
    let bytes = std::fs::read(&path).map_err(|e| vec![format!("{rel}: cannot read: {e}")])?;
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let on_disk = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes))
        .map_err(|_| vec![format!("{rel}: is no longer UTF-8")])?;
    if on_disk != original {
        return Err(vec![format!(
            "{rel}: changed on disk while importing; run the import again"
        )]);
    }
    let owner = edits.first().map_or("", |(v, _)| v.owner);
    let Some((before, before_lints)) = reread(p, owner, file, original, lang) else {
        return Err(vec![format!("{rel}: cannot be read as a notice")]);
    };
    let mut force = vec![false; edits.len()];
    for _attempt in 0..2 {
        let targets: Vec<Target<'_>> = edits
            .iter()
            .zip(&force)
            .map(|((v, s), f)| Target {
                map: v.text.pos,
                lang,
                primary,
                value: s,
                force_double: *f,
            })
            .collect();
        let text = edit::apply(original, &targets).map_err(|(i, e)| {
            vec![format!(
                "{rel}: cannot write the {} of `{}`: {e}",
                lang_name(lang),
                edits.get(i).map_or(String::new(), |(v, _)| v.key())
            )]
        })?;
        let Some((after, lints)) = reread(p, owner, file, &text, lang) else {
            // A style that broke the file: write every value double-quoted.
            force = vec![true; edits.len()];
            continue;
        };
        let mut expected = before.clone();
        for (v, s) in edits {
            if let Some(e) = expected.get_mut(&v.key()) {
                e.1.clone_from(s);
            }
        }
        let wrong: Vec<usize> = edits
            .iter()
            .enumerate()
            .filter(|(_, (v, _))| after.get(&v.key()) != expected.get(&v.key()))
            .map(|(i, _)| i)
            .collect();
        let fewer_or_same = lints.iter().all(|l| {
            lints.iter().filter(|x| x == &l).count()
                <= before_lints.iter().filter(|x| x == &l).count()
        });
        if after == expected && fewer_or_same {
            return Ok(FileEdit {
                path,
                rel,
                text,
                bom,
            });
        }
        if wrong.is_empty() || wrong.iter().all(|&i| force[i]) {
            force = vec![true; edits.len()];
        } else {
            for i in wrong {
                force[i] = true;
            }
        }
    }
    Err(vec![format!(
        "{rel}: the edited file did not read back as expected; nothing was written (please report this)"
    )])
}

/// Write the planned files, each atomically (a temporary file beside it, then a rename).
pub fn write_import(plan: &ImportPlan) -> std::io::Result<()> {
    for f in &plan.files {
        let mut bytes = Vec::with_capacity(f.text.len() + 3);
        if f.bom {
            bytes.extend_from_slice(b"\xEF\xBB\xBF");
        }
        bytes.extend_from_slice(f.text.as_bytes());
        let name = f
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = f.path.with_file_name(format!(".{name}.hysbys-tmp"));
        std::fs::write(&tmp, &bytes)?;
        if let Ok(meta) = std::fs::metadata(&f.path) {
            let _ = std::fs::set_permissions(&tmp, meta.permissions());
        }
        std::fs::rename(&tmp, &f.path).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })?;
    }
    Ok(())
}

/// The lock after an import: the imported values' fingerprints recorded.
pub fn lock_after_import(p: &Project, plan: &ImportPlan) -> Lock {
    let mut lock = p.lock.clone().unwrap_or_default();
    for (key, source) in &plan.accepted {
        lock.set(key, plan.lang, source);
    }
    lock
}

/// How many translations have no fingerprint (for the hint after `check`).
pub fn unrecorded(p: &Project) -> usize {
    unrecorded_in(p, &values(p))
}

/// [`unrecorded`] for the organisation alone (`notices: false`) or for the project's
/// notices alone: the two add up to [`unrecorded`], so a project read a batch of notices at
/// a time can count it.
pub fn unrecorded_part(p: &Project, notices: bool) -> usize {
    if p.lock.is_none() {
        return 0;
    }
    let primary = p.config.primary();
    let vals: Vec<_> = if notices {
        p.notices
            .iter()
            .flat_map(|n| super::values::notice_values(n, primary))
            .collect()
    } else {
        p.org
            .iter()
            .flat_map(|o| super::values::organisation_values(o, primary))
            .collect()
    };
    unrecorded_in(p, &vals)
}

/// [`unrecorded_part`] of one notice.
pub fn unrecorded_of(p: &Project, n: &crate::model::Notice) -> usize {
    if p.lock.is_none() {
        return 0;
    }
    unrecorded_in(p, &super::values::notice_values(n, p.config.primary()))
}

fn unrecorded_in(p: &Project, vals: &[super::values::Value<'_>]) -> usize {
    let Some(lock) = &p.lock else { return 0 };
    let langs = targets(p);
    vals.iter()
        .map(|v| {
            let key = v.key();
            langs
                .iter()
                .filter(|&&l| !v.text.get(l).trim().is_empty() && lock.get(&key, l).is_none())
                .count()
        })
        .sum()
}
