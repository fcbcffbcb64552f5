//! The command line: clap derive structs, and the glue from a command to the library and
//! from its result to an exit code (0 clean or warnings, 1 errors, 2 usage or I/O).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diag::{self, Diagnostic, Severity};
use crate::load;
use crate::model::Date;
use crate::rules::LINTS;

const AFTER_HELP: &str = "\
Examples:
  hysbys check                         check the project in this folder
  hysbys check --format github         annotations for a GitHub Actions job
  hysbys build                         build the site into output/
  hysbys explain missing-lawful-basis  what a lint means and how to fix it
  hysbys init --root my-notices        start a new project

Exit status: 0 clean or warnings only; 1 errors found (or warnings with --deny-warnings);
2 usage or I/O error.";

#[derive(Debug, Parser)]
#[command(
    name = "hysbys",
    version,
    about = "Compile bilingual (English/Welsh) UK GDPR privacy notices from YAML",
    long_about = "hysbys checks privacy notices written as structured YAML for completeness and \
legal consistency (UK GDPR, DPA 2018 as amended by the Data (Use and Access) Act 2025), builds \
them into an accessible bilingual English/Welsh static site, and publishes a machine-readable \
register.",
    after_help = AFTER_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style, on standard error
    Human,
    /// one JSON object on standard output
    Json,
    /// SARIF 2.1.0 on standard output
    Sarif,
    /// GitHub Actions workflow commands on standard output
    Github,
}

#[derive(Debug, Clone, clap::Args)]
pub struct Common {
    /// The project folder (holding hysbys.toml and notices/)
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: Common,
    /// Output format of the diagnostics
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Exit with status 1 when there are warnings
    #[arg(long)]
    pub deny_warnings: bool,
    /// The date `review-overdue` compares with (default: today in Europe/London, or SOURCE_DATE_EPOCH)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<Date>,
    /// Neither read nor write the parse cache (.hysbys-cache/)
    #[arg(long)]
    pub no_cache: bool,
    /// Use the parse cache even when `CI` is set (for a CI job that keeps .hysbys-cache/
    /// between runs)
    #[arg(long, conflicts_with = "no_cache")]
    pub cache: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub check: CheckArgs,
    /// Build into this folder instead of `[build] output` (may be outside the project)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RegisterFormat {
    /// register.json
    Json,
    /// register.jsonld (W3C Data Privacy Vocabulary)
    Jsonld,
    /// the record of processing (ropa.csv), in the primary language
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// a notice file, notices/<id>.yaml
    Notice,
    /// the organisation file, notices/_organisation.yaml
    Organisation,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every notice and report problems with file:line:column
    #[command(
        after_help = "Examples:\n  hysbys check\n  hysbys check --format json > diagnostics.json\n  hysbys check --format sarif > hysbys.sarif\n  hysbys check --format github --deny-warnings\n  hysbys check --today 2027-01-01   # pretend it is that day for review-overdue"
    )]
    Check(CheckArgs),
    /// Check, then build the bilingual site and the register into output/
    #[command(
        after_help = "Examples:\n  hysbys build\n  hysbys build --out /tmp/site\n  hysbys build --format github --deny-warnings   # in CI\n\nWrites output/index.html (landing page), output/<lang>/index.html, output/<lang>/<id>/index.html,\noutput/404.html, output/register.json, output/register.schema.json, output/notices/<id>.json,\noutput/register.jsonld, output/ropa.csv and, with base_url, output/sitemap.xml.\nThe output is built in a temporary folder and swapped into place: a failed build leaves\nthe previous output untouched."
    )]
    Build(BuildArgs),
    /// Preview the site on http://127.0.0.1:PORT, rebuilding and reloading as you save
    #[command(
        after_help = "Examples:\n  hysbys serve\n  hysbys serve --port 8080 --open\n\nServes from memory (output/ is not touched), on loopback only unless --bind says\notherwise. Editing a notice re-reads only that file; open pages reload themselves.\nWhile the project has errors, pages show them in the words of `hysbys check`."
    )]
    Serve {
        #[command(flatten)]
        common: Common,
        /// The port to listen on
        #[arg(long, default_value_t = 8040)]
        port: u16,
        /// The address to listen on (default loopback; anything else is reachable by others)
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
        /// The date `review-overdue` compares with
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        today: Option<Date>,
    },
    /// Print the register of every notice to standard output, without building the site
    #[command(
        after_help = "Examples:\n  hysbys register > register.json\n  hysbys register --format jsonld > register.jsonld\n  hysbys register --format csv --lang cy > ropa.cy.csv\n\nRuns every check first: with errors, the diagnostics go to standard error and the exit\nstatus is 1, and nothing is printed."
    )]
    Register {
        #[command(flatten)]
        common: Common,
        /// What to print
        #[arg(long, value_enum, default_value = "json")]
        format: RegisterFormat,
        /// The language of the CSV (default: the primary language)
        #[arg(long, value_name = "en|cy", value_parser = parse_lang)]
        lang: Option<crate::model::Lang>,
        /// The date `review-overdue` compares with
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        today: Option<Date>,
    },
    /// Explain a lint: why it matters, the law behind it, a bad and a good example
    #[command(
        after_help = "Examples:\n  hysbys explain missing-lawful-basis\n  hysbys explain --list"
    )]
    Explain {
        /// The lint's name, as printed in diagnostics
        lint: Option<String>,
        /// List every lint with its default level
        #[arg(long, conflicts_with = "lint")]
        list: bool,
    },
    /// Print the JSON Schema (2020-12) of the notice or organisation files, for editors
    #[command(
        after_help = "Examples:\n  hysbys schema > notice.schema.json\n  hysbys schema organisation > organisation.schema.json\n\nWith yaml-language-server (VS Code's YAML extension, Neovim, Helix), put\n  # yaml-language-server: $schema=../notice.schema.json\nat the top of a notice for completion and hover help."
    )]
    Schema {
        /// Which file's schema
        #[arg(value_enum, default_value = "notice")]
        kind: SchemaKind,
    },
    /// Create a new project that passes `check`, in English and Welsh
    #[command(
        after_help = "Examples:\n  hysbys init\n  hysbys init --root my-notices\n\nNever overwrites: an existing file is left alone and reported."
    )]
    Init {
        #[command(flatten)]
        common: Common,
    },
    /// Create a notice skeleton at notices/<ID>.yaml
    #[command(
        after_help = "Examples:\n  hysbys new housing-benefit\n\nNever overwrites an existing notice."
    )]
    New {
        /// The notice id: lower-case letters, digits and hyphens
        id: String,
        #[command(flatten)]
        common: Common,
    },
    /// Keep the Welsh in step with the English: status, accept, and a round trip to translators
    #[command(
        name = "i18n",
        subcommand,
        after_help = "Examples:\n  hysbys i18n status\n  hysbys i18n export --to cy -o cy.xlf\n  hysbys i18n import cy.xlf\n  hysbys i18n accept --notice advice\n\nhysbys.lock records, for every Welsh value, a fingerprint of the English it was translated\nfrom; `stale-translation` warns when the English has changed since."
    )]
    I18n(I18nCommand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    /// a table on standard output
    Human,
    /// one JSON object on standard output
    Json,
}

#[derive(Debug, Subcommand)]
pub enum I18nCommand {
    /// How many values are translated, missing, stale or unrecorded, per notice and language
    #[command(
        after_help = "Examples:\n  hysbys i18n status\n  hysbys i18n status --format json\n\ntranslated: made from the current English; stale: the English changed since;\nmissing: no Welsh yet; unrecorded: Welsh with no fingerprint in hysbys.lock yet.\nThe furniture line counts the messages the project overrides in locales/*.ftl."
    )]
    Status {
        #[command(flatten)]
        common: Common,
        /// Output format
        #[arg(long, value_enum, default_value = "human")]
        format: StatusFormat,
    },
    /// Record the current translations as reviewed: write their fingerprints to hysbys.lock
    #[command(
        after_help = "Examples:\n  hysbys i18n accept                       every notice, the organisation and locales/\n  hysbys i18n accept --notice advice       only one notice\n  hysbys i18n accept --notice _organisation --notice _locales\n\nRun it after checking the Welsh against the English; commit hysbys.lock with the notices."
    )]
    Accept {
        #[command(flatten)]
        common: Common,
        /// Only this notice (`_organisation` for the organisation file, `_locales` for
        /// locales/*.ftl); may be repeated
        #[arg(long = "notice", value_name = "ID")]
        notices: Vec<String>,
    },
    /// Write an XLIFF 2.0 file of the values to translate, for a translator's tool
    #[command(
        after_help = "Examples:\n  hysbys i18n export --to cy -o cy.xlf          missing and stale Welsh only\n  hysbys i18n export --to cy --all -o cy.xlf    every value\n  hysbys i18n export --notice advice -o advice.cy.xlf\n\nEach unit has the English source, any Welsh as its target, and notes giving the\nnotice, the field and what it means. Bring the file back with `hysbys i18n import`."
    )]
    Export {
        #[command(flatten)]
        common: Common,
        /// The language to translate into (default: the site's other language)
        #[arg(long, value_name = "LANG")]
        to: Option<String>,
        /// Every value, not only the missing and stale ones
        #[arg(long)]
        all: bool,
        /// Only this notice (`_organisation` for the organisation file); may be repeated
        #[arg(long = "notice", value_name = "ID")]
        notices: Vec<String>,
        /// Where to write (default: standard output)
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write a translated XLIFF 2.0 file back into the notices, then check and record it
    #[command(
        after_help = "Examples:\n  hysbys i18n import cy.xlf\n  hysbys i18n import --dry-run cy.xlf\n\nEach translation replaces just its Welsh string in the YAML (comments, key order, quoting\nand layout stay as they were). A file with unknown units, English that has changed since the\nexport, markup in a target, a DOCTYPE or entities, or another XLIFF version is refused and\nnothing is written. Afterwards the project is checked and hysbys.lock updated."
    )]
    Import {
        #[command(flatten)]
        common: Common,
        /// The translated XLIFF 2.0 file
        file: PathBuf,
        /// Check the file and say what would change, without writing anything
        #[arg(long)]
        dry_run: bool,
    },
}

fn parse_lang(s: &str) -> Result<crate::model::Lang, String> {
    crate::model::Lang::from_code(s)
        .ok_or_else(|| format!("`{s}` is not a language: use `en` or `cy`"))
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("`{s}` is not a date (YYYY-MM-DD): {e}"))
}

fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// Print diagnostics in a format; returns the exit code they call for.
/// `unrecorded` counts the translations with no fingerprint in hysbys.lock, for the hint.
pub fn report(
    diags: &[Diagnostic],
    project: &crate::Project,
    unrecorded: usize,
    format: Format,
    deny_warnings: bool,
) -> ExitCode {
    let c = diag::count(diags);
    let out = match format {
        Format::Human => {
            let mut s = diag::human::render(diags, &project.sources, use_color());
            s.push_str(&diag::human::summary(
                project.notices.len(),
                c.errors,
                c.warnings,
            ));
            s.push('\n');
            if let Some(hint) = lock_hint(project, unrecorded) {
                s.push_str(&hint);
                s.push('\n');
            }
            let _ = std::io::stderr().write_all(s.as_bytes());
            String::new()
        }
        Format::Json => diag::json::render(diags, &project.sources),
        Format::Sarif => diag::sarif::render(diags, &project.sources),
        Format::Github => diag::github::render(diags, &project.sources),
    };
    let _ = std::io::stdout().write_all(out.as_bytes());
    exit_code(diags, deny_warnings)
}

pub fn exit_code(diags: &[Diagnostic], deny_warnings: bool) -> ExitCode {
    if diags.iter().any(|d| d.lint == "io-error") {
        return ExitCode::from(2);
    }
    let c = diag::count(diags);
    if c.errors > 0 || (deny_warnings && c.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(2)
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    run(cli)
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check(a) => {
            let opts = load::Options {
                today: a.today,
                cache: use_cache(a.no_cache, a.cache),
            };
            // Without the cache, each notice is checked and let go as it is read, and a
            // batch is only stubs: batches as large as a build's then wait less for each
            // other (10,000 notices: 0.53 s in batches of 64, 0.50 s in 256; medians of 21
            // alternating runs).
            let batch = if opts.cache {
                crate::build::CHECK_BATCH
            } else {
                crate::build::BATCH
            };
            match crate::build::stream(&a.common.root, &opts, None, batch) {
                Ok(s) => {
                    let code = report(
                        &s.diagnostics,
                        &s.project,
                        s.unrecorded,
                        a.format,
                        a.deny_warnings,
                    );
                    // The process ends now, and its memory goes back whole: freeing each
                    // notice's stub and path first took 3 ms of 10,000 notices' check.
                    // (`s` holds no writer or cache that has anything left to do.)
                    std::mem::forget(s);
                    code
                }
                Err(e) => fail(e),
            }
        }
        Command::Build(a) => build(&a),
        Command::Register {
            common,
            format,
            lang,
            today,
        } => register(&common.root, format, lang, today),
        Command::Serve {
            common,
            port,
            bind,
            open,
            today,
        } => serve(common.root, port, bind, open, today),
        Command::Explain { lint, list } => explain(lint.as_deref(), list),
        Command::Schema { kind } => {
            let s = match kind {
                SchemaKind::Notice => crate::schema::NOTICE,
                SchemaKind::Organisation => crate::schema::ORGANISATION,
            };
            print!("{s}");
            ExitCode::SUCCESS
        }
        Command::Init { common } => {
            let code = scaffold(&common.root, &crate::scaffold::init_files(crate::today()));
            if code == ExitCode::SUCCESS {
                init_lock(&common.root);
            }
            code
        }
        Command::I18n(cmd) => i18n(cmd),
        Command::New { id, common } => {
            if !crate::load::convert::is_id(&id) {
                return fail(format!(
                    "`{id}` is not a notice id: use lower-case letters, digits and hyphens, e.g. `housing-benefit`"
                ));
            }
            if !common.root.join("notices").is_dir() {
                return fail(format!(
                    "{} has no notices/ folder: run `hysbys init` first",
                    common.root.display()
                ));
            }
            let dir = common.root.join("notices");
            for ext in ["yaml", "yml"] {
                if let Some(existing) = find_notice(&dir, &id, ext) {
                    return fail(format!(
                        "a notice with the id `{id}` already exists: {}",
                        existing.display()
                    ));
                }
            }
            scaffold(
                &common.root,
                &[(
                    format!("notices/{id}.yaml"),
                    crate::scaffold::notice(&id, crate::today()),
                )],
            )
        }
    }
}

/// Use the parse cache unless told not to, or under CI (`CI` set, and not to `false` or
/// `0`), where the folder is usually thrown away and filling it costs about half a cold
/// check; `--cache` asks for it there (a job that keeps the folder between runs).
fn use_cache(no_cache: bool, cache: bool) -> bool {
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    !no_cache && (cache || !ci)
}

fn build(a: &BuildArgs) -> ExitCode {
    let started = std::time::Instant::now();
    let opts = load::Options {
        today: a.check.today,
        cache: use_cache(a.check.no_cache, a.check.cache),
    };
    let to = crate::build::BuildTo {
        out: a.out.as_deref(),
        deny_warnings: a.check.deny_warnings,
    };
    let s = match crate::build::stream(&a.check.common.root, &opts, Some(to), crate::build::BATCH) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let code = report(
        &s.diagnostics,
        &s.project,
        s.unrecorded,
        a.check.format,
        a.check.deny_warnings,
    );
    if code != ExitCode::SUCCESS || s.has_errors {
        if a.check.format == Format::Human {
            eprintln!("error: the site was not built; the previous output is unchanged");
        }
        return if code == ExitCode::SUCCESS {
            ExitCode::from(1)
        } else {
            code
        };
    }
    match s.written {
        Some(Ok(stats)) => {
            if a.check.format == Format::Human {
                let langs = s.project.config.languages.len();
                let notices = s.project.notices.len();
                let pages = notices * langs;
                let reused = if stats.reused > 0 {
                    format!(", {} unchanged since the last build", stats.reused)
                } else {
                    String::new()
                };
                let out =
                    crate::build::output_dir(&s.project, a.out.as_deref()).unwrap_or_default();
                eprintln!(
                    "    Finished {} pages ({} notices × {} languages) and {} other files{} in {:.2}s → {}",
                    pages,
                    notices,
                    langs,
                    (stats.files as usize).saturating_sub(pages),
                    reused,
                    started.elapsed().as_secs_f64(),
                    out.display()
                );
            }
            ExitCode::SUCCESS
        }
        Some(Err(e)) => fail(e),
        None => fail("the site was not built"),
    }
}

fn serve(
    root: PathBuf,
    port: u16,
    bind: std::net::IpAddr,
    open: bool,
    today: Option<Date>,
) -> ExitCode {
    if !bind.is_loopback() {
        eprintln!(
            "warning: listening on {bind}: anyone who can reach this machine can read the preview"
        );
    }
    let opts = load::Options {
        today,
        cache: use_cache(false, false),
    };
    let server = match crate::serve::Server::new(root, opts) {
        Ok(s) => std::sync::Arc::new(s),
        Err(e) => return fail(e),
    };
    if let Ok(s) = server.state.read() {
        let d = &s.current.diagnostics;
        let c = diag::count(d);
        if c.errors > 0 {
            let errors: Vec<_> = d
                .iter()
                .filter(|x| x.severity == Severity::Error)
                .cloned()
                .collect();
            eprint!(
                "{}",
                diag::human::render(&errors, &s.current.project.sources, use_color())
            );
        }
        eprintln!(
            "{}",
            diag::human::summary(s.current.project.notices.len(), c.errors, c.warnings)
        );
    }
    let addr = std::net::SocketAddr::new(bind, port);
    let http = match crate::serve::listen(server.clone(), addr) {
        Ok(h) => h,
        Err(e) => return fail(e),
    };
    let url = format!("http://{}/", http.server_addr().to_ip().unwrap_or(addr));
    eprintln!("     Serving {url} (Ctrl-C to stop)");
    if open {
        let _ = std::process::Command::new("xdg-open").arg(&url).spawn();
    }
    match crate::serve::watch(server) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(format!("cannot watch the project: {e}")),
    }
}

/// One line suggesting `hysbys i18n accept` when the project has no lock, or translations
/// without a fingerprint (never a diagnostic: a flood of warnings would say nothing more).
fn lock_hint(project: &crate::Project, unrecorded: usize) -> Option<String> {
    if project.config.languages.len() < 2 {
        return None;
    }
    if project.lock.is_none() {
        return Some(
            "hint: there is no hysbys.lock, so `stale-translation` cannot tell when the English changes after it was translated; run `hysbys i18n accept` once the translations are reviewed".into(),
        );
    }
    match unrecorded {
        0 => None,
        1 => Some("hint: 1 translation has no fingerprint in hysbys.lock; run `hysbys i18n accept` once it is reviewed".into()),
        n => Some(format!("hint: {n} translations have no fingerprint in hysbys.lock; run `hysbys i18n accept` once they are reviewed")),
    }
}

/// After `init`: record the example's translations in a new hysbys.lock.
fn init_lock(root: &Path) {
    use crate::i18n::{furniture, lock, workflow};
    let path = root.join(lock::FILE);
    if path.exists() {
        return;
    }
    let made = load::load(root, &load::Options::default())
        .map_err(|e| e.to_string())
        .and_then(|p| {
            let f = furniture::overrides(root, &p.config.languages);
            workflow::accept(&p, &f, &[]).map(|(l, _)| l)
        })
        .and_then(|l| lock::write(root, &l).map_err(|e| e.to_string()));
    match made {
        Ok(()) => eprintln!("     Created {}", path.display()),
        Err(e) => eprintln!("warning: {} was not created: {e}", path.display()),
    }
}

/// A refusal: the input was understood but cannot be used (exit status 1).
fn refuse(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(1)
}

fn i18n(cmd: I18nCommand) -> ExitCode {
    use crate::i18n::{furniture, lock, workflow};
    let root = match &cmd {
        I18nCommand::Status { common, .. }
        | I18nCommand::Accept { common, .. }
        | I18nCommand::Export { common, .. }
        | I18nCommand::Import { common, .. } => common.root.clone(),
    };
    let project = match load::load(&root, &load::Options::default()) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    match cmd {
        I18nCommand::Status { format, .. } => {
            let f = furniture::overrides(&root, &project.config.languages);
            let st = workflow::status(&project, &f);
            let out = match format {
                StatusFormat::Human => st.human(),
                StatusFormat::Json => st.json(),
            };
            let _ = std::io::stdout().write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        I18nCommand::Accept { notices, .. } => {
            if let Err(e) = workflow::check_owners(&project, &notices) {
                return fail(e);
            }
            let f = furniture::overrides(&root, &project.config.languages);
            let (new, done) = match workflow::accept(&project, &f, &notices) {
                Ok(x) => x,
                Err(e) => return refuse(e),
            };
            if let Err(e) = lock::write(&root, &new) {
                return fail(format!(
                    "cannot write {}: {e}",
                    root.join(lock::FILE).display()
                ));
            }
            eprintln!(
                "    Recorded {} fingerprints in {} ({} new or changed, {} dropped)",
                done.recorded,
                lock::FILE,
                done.changed,
                done.dropped
            );
            ExitCode::SUCCESS
        }
        I18nCommand::Export {
            to,
            all,
            notices,
            output,
            ..
        } => {
            let lang = match workflow::target_language(&project, to.as_deref()) {
                Ok(l) => l,
                Err(e) => return fail(e),
            };
            let ex = match workflow::export(&project, lang, all, &notices) {
                Ok(x) => x,
                Err(e) => return fail(e),
            };
            if ex.units == 0 {
                eprintln!(
                    "    Nothing to translate: no `{}` value is missing or stale (`--all` exports every value)",
                    lang.code()
                );
                return ExitCode::SUCCESS;
            }
            let written = match &output {
                Some(path) if path.as_os_str() != "-" => std::fs::write(path, &ex.xliff)
                    .map_err(|e| format!("cannot write {}: {e}", path.display())),
                _ => std::io::stdout()
                    .write_all(ex.xliff.as_bytes())
                    .map_err(|e| e.to_string()),
            };
            if let Err(e) = written {
                return fail(e);
            }
            eprintln!(
                "    Exported {} values for translation into `{}` ({} missing, {} stale){}",
                ex.units,
                lang.code(),
                ex.missing,
                ex.stale,
                output
                    .as_ref()
                    .map(|p| format!(" → {}", p.display()))
                    .unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        I18nCommand::Import { file, dry_run, .. } => import(&root, &project, &file, dry_run),
    }
}

fn import(root: &Path, project: &crate::Project, file: &Path, dry_run: bool) -> ExitCode {
    use crate::i18n::{lock, workflow, xliff};
    let meta = match std::fs::metadata(file) {
        Ok(m) => m,
        Err(e) => return fail(format!("cannot read {}: {e}", file.display())),
    };
    if meta.len() > xliff::MAX_BYTES as u64 {
        return refuse(format!(
            "{} is {} bytes; the largest XLIFF file hysbys reads is {} bytes",
            file.display(),
            meta.len(),
            xliff::MAX_BYTES
        ));
    }
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => return fail(format!("cannot read {}: {e}", file.display())),
    };
    let Ok(xml) = String::from_utf8(bytes) else {
        return refuse(format!("{} is not UTF-8", file.display()));
    };
    let plan = match workflow::plan_import(project, &xml) {
        Ok(p) => p,
        Err(problems) => {
            eprintln!(
                "error: {} was not imported; nothing was written:",
                file.display()
            );
            for p in problems {
                eprintln!("  - {p}");
            }
            return ExitCode::from(1);
        }
    };
    let files: Vec<&str> = plan.files.iter().map(|f| f.rel.as_str()).collect();
    let skipped = if plan.skipped > 0 {
        format!("; {} without a translation left as they were", plan.skipped)
    } else {
        String::new()
    };
    let verb = if dry_run { "Would import" } else { "Imported" };
    eprintln!(
        "    {verb} {} `{}` values{} ({} already as translated{skipped})",
        plan.changed(),
        plan.lang.code(),
        if files.is_empty() {
            String::new()
        } else {
            format!(" into {}", files.join(", "))
        },
        plan.unchanged,
    );
    if dry_run {
        return ExitCode::SUCCESS;
    }
    if let Err(e) = workflow::write_import(&plan) {
        return fail(format!("writing the notices: {e}"));
    }
    let new_lock = workflow::lock_after_import(project, &plan);
    if let Err(e) = lock::write(root, &new_lock) {
        return fail(format!(
            "cannot write {}: {e}",
            root.join(lock::FILE).display()
        ));
    }
    eprintln!(
        "    Recorded {} fingerprints in {}",
        plan.accepted.len(),
        lock::FILE
    );
    match crate::check(root, &load::Options::default()) {
        Ok((p, diags)) => {
            let unrecorded = crate::i18n::workflow::unrecorded(&p);
            report(&diags, &p, unrecorded, Format::Human, false)
        }
        Err(e) => fail(e),
    }
}

fn register(
    root: &Path,
    format: RegisterFormat,
    lang: Option<crate::model::Lang>,
    today: Option<Date>,
) -> ExitCode {
    let p = match crate::build::prepare(
        root,
        &load::Options {
            today,
            cache: use_cache(false, false),
        },
    ) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    if p.has_errors() {
        let unrecorded = crate::i18n::workflow::unrecorded(&p.project);
        return report(&p.diagnostics, &p.project, unrecorded, Format::Human, false);
    }
    if let Some(l) = lang {
        if !p.project.config.has(l) {
            return fail(format!("the site is not published in `{}`", l.code()));
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match format {
        RegisterFormat::Json => {
            crate::emit::register::write_register(&p.project, &p.i18n, &mut out, &|_, _| Ok(()))
        }
        RegisterFormat::Jsonld => crate::emit::jsonld::write_jsonld(&p.project, &p.i18n, &mut out),
        RegisterFormat::Csv => {
            let l = lang.unwrap_or_else(|| p.project.config.primary());
            crate::emit::ropa::write_ropa(&p.project, &p.i18n, l, &mut out)
        }
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

fn find_notice(dir: &Path, id: &str, ext: &str) -> Option<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| {
            e.file_type().is_file() && e.file_name().to_string_lossy() == format!("{id}.{ext}")
        })
        .map(|e| e.path().to_path_buf())
}

/// Write files that do not exist yet; never overwrite.
fn scaffold(root: &Path, files: &[(String, String)]) -> ExitCode {
    let mut skipped = 0;
    for (rel, content) in files {
        let path = root.join(rel);
        if path.exists() {
            eprintln!("warning: {} exists; left as it is", path.display());
            skipped += 1;
            continue;
        }
        if let Some(parent) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                return fail(format!("cannot create {}: {e}", parent.display()));
            }
        }
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| f.write_all(content.as_bytes()));
        if let Err(e) = written {
            return fail(format!("cannot write {}: {e}", path.display()));
        }
        eprintln!("     Created {}", path.display());
    }
    if skipped == files.len() && !files.is_empty() {
        return fail("nothing written: every file already exists");
    }
    ExitCode::SUCCESS
}

fn explain(lint: Option<&str>, list: bool) -> ExitCode {
    if list || lint.is_none() {
        let mut s = String::new();
        for l in LINTS {
            let level = l.default.map_or("error (always)", |d| match d.severity() {
                Some(Severity::Error) => "error",
                Some(Severity::Warning) => "warning",
                None => "allow",
            });
            s.push_str(&format!("{:<40} {:<15} {}\n", l.name, level, l.summary));
        }
        print!("{s}");
        return ExitCode::SUCCESS;
    }
    let name = lint.unwrap_or_default();
    match crate::rules::lint(name) {
        Some(l) => {
            let level = match l.default {
                None => "always an error (cannot be configured)".to_owned(),
                Some(d) => format!(
                    "{} by default; set it in [lints] as \"allow\", \"warn\" or \"deny\"",
                    match d.severity() {
                        Some(Severity::Error) => "error",
                        Some(Severity::Warning) => "warning",
                        None => "allowed",
                    }
                ),
            };
            let indent = |s: &str| s.lines().map(|l| format!("    {l}\n")).collect::<String>();
            print!(
                "{}: {}\n\nLevel: {level}\n\n{}\n\nExample that triggers it:\n\n{}\nFixed:\n\n{}",
                l.name,
                l.summary,
                textwrap(l.explanation, 88),
                indent(l.bad),
                indent(l.good)
            );
            ExitCode::SUCCESS
        }
        None => {
            let hint = diag::did_you_mean(name, LINTS.iter().map(|l| l.name))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            fail(format!(
                "no lint is called `{name}`{hint} (see `hysbys explain --list`)"
            ))
        }
    }
}

fn textwrap(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in s.split_whitespace() {
        if line > 0 && line + 1 + word.chars().count() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.chars().count();
    }
    out
}
