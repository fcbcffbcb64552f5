//! The site: the theme (built-in templates and assets, overridden file by file by the
//! project's `themes/<name>/`), Tera compiled once, and every page rendered in parallel and
//! streamed to a [`Sink`]. Paths are relative so the site works from `file://` and from any
//! sub-path; with `base_url`, canonical and hreflang links are absolute.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use fluent_bundle::FluentValue;
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Kwargs, State, StringInput, Tera, TeraResult, Value};

use super::view::{self, Ctx};
use crate::diag::Diagnostic;
use crate::emit::writer::Sink;
use crate::i18n::I18n;
use crate::load::yaml::Pos;
use crate::load::Sources;
use crate::model::{Lang, Notice};
use crate::Project;

/// The built-in theme: templates and assets, embedded.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "notice.html",
        include_str!("../../themes/default/templates/notice.html"),
    ),
    (
        "index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "landing.html",
        include_str!("../../themes/default/templates/landing.html"),
    ),
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
];

pub const ASSETS: &[(&str, &[u8])] = &[(
    "assets/style.css",
    include_bytes!("../../themes/default/assets/style.css"),
)];

pub struct Theme {
    pub tera: Tera,
    pub assets: BTreeMap<String, Vec<u8>>,
    /// A hash of every template and asset (built-in and overrides): part of the key that
    /// decides whether a page can be reused from the previous build.
    pub fingerprint: String,
}

/// A Tera with the site's settings and filters, and no templates yet.
fn new_tera() -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.register_filter("join", join);
    tera
}

/// Tera's own `join`, with the same output (a test compares them), without formatting
/// each item with `format!` into a string of its own and collecting them. The built-in
/// theme joins the names in every list of a page, and Tera's `join` was about 4 % of a
/// build's instructions (71 M of 1,931 M for 200 notices).
fn join(items: &[Value], kwargs: Kwargs, state: &State) -> TeraResult<Value> {
    let sep = kwargs.get::<StringInput>("sep")?;
    // With autoescaping, a safe item or a safe separator makes the whole safe, and each
    // item is rendered as `{{ }}` would render it: as Tera does.
    let be_safe = state.autoescaping_enabled()
        && (items.iter().any(|x| x.is_string() && x.is_safe())
            || sep.as_ref().is_some_and(StringInput::is_safe));
    let mut out = String::new();
    if be_safe {
        let sep = match &sep {
            Some(s) => s.rendered(state)?,
            None => std::borrow::Cow::Borrowed(""),
        };
        for (i, v) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            if !v.is_undefined() {
                out.push_str(&state.escape_if_needed(v)?);
            }
        }
        return Ok(Value::safe_string(&out));
    }
    let sep = sep.as_ref().map_or("", StringInput::as_str);
    let len: usize = items.iter().map(|v| v.as_str().map_or(8, str::len)).sum();
    out.reserve(len + sep.len() * items.len());
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match v.as_str() {
            Some(s) => out.push_str(s),
            None => {
                use std::fmt::Write;
                write!(out, "{v}")
                    .map_err(|_| tera::Error::message("join: an item does not print"))?;
            }
        }
    }
    Ok(Value::from(out))
}

/// The built-in theme alone (a test makes sure it compiles).
pub fn builtin_theme() -> Option<Theme> {
    let mut tera = new_tera();
    tera.add_raw_templates(TEMPLATES.iter().copied()).ok()?;
    let assets = ASSETS
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.to_vec()))
        .collect();
    let mut h = crate::emit::writer::Key::new("theme");
    for (name, text) in TEMPLATES {
        h.add(name.as_bytes()).add(text.as_bytes());
    }
    Some(Theme {
        tera,
        assets,
        fingerprint: h.hex(),
    })
}

/// Load the theme: built-ins first, then the project's files of the same names.
pub fn theme(
    project: &Project,
    sources: &mut Sources,
    diags: &mut Vec<Diagnostic>,
) -> Option<Theme> {
    let Some(Theme {
        mut tera,
        mut assets,
        fingerprint,
    }) = builtin_theme()
    else {
        let id = sources.add("(built-in theme)".into(), String::new());
        diags.push(Diagnostic::new(
            "parse-error",
            id,
            Pos::default(),
            "the built-in theme does not compile",
        ));
        return None;
    };
    let dir = project.root.join("themes").join(&project.config.theme);
    if !dir.is_dir() {
        if project.config.theme != "default" {
            let id = sources.add("hysbys.toml".into(), String::new());
            diags.push(
                Diagnostic::new(
                    "io-error",
                    id,
                    Pos::START,
                    format!(
                        "theme `{}` has no folder themes/{}/",
                        project.config.theme, project.config.theme
                    ),
                )
                .help("create the folder, or remove `theme` from [site] to use the built-in theme"),
            );
        }
        return Some(Theme {
            tera,
            assets,
            fingerprint,
        });
    }
    let mut key = crate::emit::writer::Key::new(&fingerprint);
    for entry in walkdir::WalkDir::new(&dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(&dir) else {
            continue;
        };
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let shown = format!("themes/{}/{rel}", project.config.theme);
        if let Some(name) = rel.strip_prefix("templates/") {
            let text = match std::fs::read_to_string(entry.path()) {
                Ok(t) => t,
                Err(e) => {
                    let id = sources.add(shown, String::new());
                    diags.push(Diagnostic::new(
                        "io-error",
                        id,
                        Pos::START,
                        format!("cannot read: {e}"),
                    ));
                    continue;
                }
            };
            key.add(rel.as_bytes()).add(text.as_bytes());
            let id = sources.add(shown, text.clone());
            if let Err(e) = tera.add_raw_template(name, &text) {
                diags.push(
                    Diagnostic::new("parse-error", id, Pos::START, format!("the template does not compile: {e}"))
                        .help("the built-in templates in the hysbys repository's themes/default/ show the blocks and variables"),
                );
            }
        } else if let Some(asset) = rel.strip_prefix("assets/") {
            match std::fs::read(entry.path()) {
                Ok(bytes) => {
                    key.add(rel.as_bytes()).add(&bytes);
                    assets.insert(format!("assets/{asset}"), bytes);
                }
                Err(e) => {
                    let id = sources.add(shown, String::new());
                    diags.push(Diagnostic::new(
                        "io-error",
                        id,
                        Pos::START,
                        format!("cannot read: {e}"),
                    ));
                }
            }
        }
    }
    Some(Theme {
        tera,
        assets,
        fingerprint: key.hex(),
    })
}

#[derive(Debug, Serialize, Clone)]
struct Alternate {
    lang: String,
    href: String,
}

#[derive(Debug, Serialize, Clone)]
struct Switch {
    href: String,
    lang: &'static str,
    label: String,
    hint: String,
}

#[derive(Debug, Serialize)]
struct PageCtx {
    lang: &'static str,
    site_title: String,
    description: Option<String>,
    root: String,
    home: String,
    canonical: Option<String>,
    alternates: Vec<Alternate>,
    switch: Option<Switch>,
    livereload: bool,
}

/// Everything a render needs, built once.
pub struct Site<'a> {
    pub project: &'a Project,
    pub i18n: &'a I18n,
    pub theme: &'a Theme,
    pub minify: bool,
    pub livereload: bool,
    messages: BTreeMap<Lang, tera::Value>,
    /// Everything a notice page depends on besides the notice itself: tool version,
    /// settings, organisation file, theme, locale overrides.
    global_key: String,
    /// The largest notice page rendered so far, in bytes before minifying.
    notice_size: AtomicUsize,
}

/// A problem while rendering (a template error from a project override).
#[derive(Debug)]
pub struct RenderError(pub String);

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RenderError {}

/// What every page of a build shares and costs the most to make: the simple messages as
/// Tera values, and the key of everything a page depends on besides its notice. A streamed
/// build makes a [`Site`] for each batch of notices, from one of these made once.
#[derive(Clone)]
pub struct Shared {
    livereload: bool,
    messages: BTreeMap<Lang, tera::Value>,
    global_key: String,
}

impl Shared {
    pub fn new(project: &Project, i18n: &I18n, theme: &Theme, livereload: bool) -> Shared {
        let messages = project
            .config
            .languages
            .iter()
            .map(|&l| (l, tera::Value::from_serializable(&i18n.simple_messages(l))))
            .collect();
        let mut key = crate::emit::writer::Key::new(env!("CARGO_PKG_VERSION"));
        key.add(&[u8::from(livereload), u8::from(project.config.minify)]);
        key.add(theme.fingerprint.as_bytes());
        for i in 0..u32::try_from(project.sources.len()).unwrap_or(0) {
            let path = project.sources.path(i);
            if path == "hysbys.toml" || path.starts_with("notices/_organisation.") {
                key.add(path.as_bytes())
                    .add(project.sources.text(i).as_bytes());
            }
        }
        for (path, text) in &i18n.override_sources {
            key.add(path.as_bytes()).add(text.as_bytes());
        }
        Shared {
            livereload,
            messages,
            global_key: key.hex(),
        }
    }
}

impl<'a> Site<'a> {
    pub fn new(
        project: &'a Project,
        i18n: &'a I18n,
        theme: &'a Theme,
        livereload: bool,
    ) -> Site<'a> {
        Site::with(
            project,
            i18n,
            theme,
            Shared::new(project, i18n, theme, livereload),
        )
    }

    /// A site from what [`Shared::new`] made for the same project and theme.
    pub fn with(
        project: &'a Project,
        i18n: &'a I18n,
        theme: &'a Theme,
        shared: Shared,
    ) -> Site<'a> {
        Site {
            project,
            i18n,
            theme,
            minify: project.config.minify,
            livereload: shared.livereload,
            messages: shared.messages,
            global_key: shared.global_key,
            notice_size: AtomicUsize::new(0),
        }
    }

    /// The key of everything one notice's page in one language is made from.
    pub fn page_key(&self, n: &Notice, what: &str) -> String {
        let mut k = crate::emit::writer::Key::new(&self.global_key);
        k.add(what.as_bytes())
            .add(&self.project.sources.digest(n.file));
        k.hex()
    }

    fn langs(&self) -> &[Lang] {
        &self.project.config.languages
    }

    fn multilingual(&self) -> bool {
        self.langs().len() > 1
    }

    /// The path of a page under the output folder, with `/` separators.
    fn url_path(lang: Lang, notice: Option<&str>) -> String {
        match notice {
            Some(id) => format!("{}/{id}/", lang.code()),
            None => format!("{}/", lang.code()),
        }
    }

    fn page_ctx(
        &self,
        lang: Lang,
        depth: usize,
        url: Option<&dyn Fn(Lang) -> String>,
        description: Option<String>,
    ) -> PageCtx {
        let root = "../".repeat(depth);
        let base = self.project.config.base_url.as_deref();
        let href = |l: Lang| -> Option<String> {
            let u = url?;
            Some(match base {
                Some(b) => format!("{b}{}", u(l)),
                None => format!("{root}{}index.html", u(l)),
            })
        };
        let mut alternates = Vec::new();
        if self.multilingual() {
            for &l in self.langs() {
                if let Some(h) = href(l) {
                    alternates.push(Alternate {
                        lang: l.code().into(),
                        href: h,
                    });
                }
            }
            if let Some(h) = href(self.project.config.primary()) {
                alternates.push(Alternate {
                    lang: "x-default".into(),
                    href: h,
                });
            }
        }
        let other = lang.other();
        let switch = (self.multilingual() && url.is_some()).then(|| Switch {
            href: url
                .map(|u| format!("{root}{}index.html", u(other)))
                .unwrap_or_default(),
            lang: other.code(),
            label: self.i18n.msg(other, &format!("lang-{}", other.code())),
            hint: self.i18n.msg(lang, "switch-language"),
        });
        PageCtx {
            lang: lang.code(),
            site_title: self.project.config.title.get(lang).to_owned(),
            description,
            home: if self.multilingual() {
                format!("{root}{}/index.html", lang.code())
            } else {
                format!("{root}index.html")
            },
            canonical: match (base, url) {
                (Some(b), Some(u)) => Some(format!("{b}{}", u(lang))),
                _ => None,
            },
            root,
            alternates,
            switch,
            livereload: self.livereload,
        }
    }

    fn render(
        &self,
        template: &str,
        lang: Lang,
        page: &PageCtx,
        key: &'static str,
        value: &impl Serialize,
    ) -> Result<Vec<u8>, RenderError> {
        let mut ctx = Context::new();
        ctx.insert("page", page);
        if let Some(t) = self.messages.get(&lang) {
            ctx.insert_value("t", t.clone());
        }
        ctx.insert(key, value);
        // Notice pages are rendered into room for the largest one so far (up to 1 MiB), not
        // grown; the bytes are Tera's, UTF-8 throughout, and are not checked again.
        let hint = (key == "notice").then_some(&self.notice_size);
        let room = hint.map_or(0, |h| h.load(Ordering::Relaxed).min(1 << 20));
        let mut html = Vec::with_capacity(room);
        self.theme
            .tera
            .render_to(template, &ctx, &mut html)
            .map_err(|e| RenderError(format!("template {template}: {e}")))?;
        if let Some(h) = hint {
            h.fetch_max(html.len(), Ordering::Relaxed);
        }
        Ok(self.finish(html))
    }

    fn finish(&self, html: Vec<u8>) -> Vec<u8> {
        if self.minify {
            return super::minify::minify(html);
        }
        html
    }

    /// One notice page in one language.
    pub fn notice(&self, n: &Notice, lang: Lang) -> Result<Vec<u8>, RenderError> {
        let cx = Ctx {
            project: self.project,
            i18n: self.i18n,
            lang,
        };
        let view = view::notice_page(&cx, n);
        let id = n.id.clone();
        let url = move |l: Lang| Self::url_path(l, Some(&id));
        let depth = 2;
        let page = self.page_ctx(lang, depth, Some(&url), Some(n.title.get(lang).to_owned()));
        self.render("notice.html", lang, &page, "notice", &view)
    }

    /// The index of one language.
    pub fn index(&self, lang: Lang) -> Result<Vec<u8>, RenderError> {
        let cx = Ctx {
            project: self.project,
            i18n: self.i18n,
            lang,
        };
        let multi = self.multilingual();
        let view = view::index_page(&cx, |n| {
            if multi {
                format!("{}/index.html", n.id)
            } else {
                format!("{}/{}/index.html", lang.code(), n.id)
            }
        });
        let url = |l: Lang| Self::url_path(l, None);
        let depth = usize::from(multi);
        let mut page = self.page_ctx(lang, depth, Some(&url), None);
        if !multi {
            page.canonical = self.project.config.base_url.clone();
        }
        self.render("index.html", lang, &page, "index", &view)
    }

    /// The bilingual landing page (multilingual sites only).
    pub fn landing(&self) -> Result<Vec<u8>, RenderError> {
        #[derive(Serialize)]
        struct L {
            lang: &'static str,
            name: String,
            title: String,
            intro: String,
            href: String,
        }
        #[derive(Serialize)]
        struct Landing {
            languages: Vec<L>,
        }
        let count = self.project.notices.len() as i64;
        let languages = self
            .langs()
            .iter()
            .map(|&l| L {
                lang: l.code(),
                name: self.i18n.msg(l, &format!("lang-{}", l.code())),
                title: self.project.config.title.get(l).to_owned(),
                intro: self
                    .i18n
                    .fmt(l, "index-intro", &[("count", FluentValue::from(count))]),
                href: format!("{}/index.html", l.code()),
            })
            .collect();
        let primary = self.project.config.primary();
        let mut page = self.page_ctx(primary, 0, None, None);
        page.site_title = self
            .langs()
            .iter()
            .map(|&l| self.project.config.title.get(l).to_owned())
            .collect::<Vec<_>>()
            .join(" / ");
        page.canonical = self.project.config.base_url.clone();
        if let Some(b) = &self.project.config.base_url {
            page.alternates = vec![Alternate {
                lang: "x-default".into(),
                href: b.clone(),
            }];
        }
        page.home = "index.html".into();
        self.render(
            "landing.html",
            primary,
            &page,
            "landing",
            &Landing { languages },
        )
    }

    /// The not-found page, in every language.
    pub fn not_found(&self) -> Result<Vec<u8>, RenderError> {
        #[derive(Serialize)]
        struct L {
            lang: &'static str,
            title: String,
            body: String,
            back: String,
            href: String,
        }
        #[derive(Serialize)]
        struct NotFound {
            languages: Vec<L>,
        }
        // The 404 page may be served at any depth, so its links are root-relative: the
        // path of base_url when known ("/privacy/"), else the server root. Never the full
        // base_url, which would make a preview load the live site's stylesheet.
        let prefix = self.project.config.base_url.as_deref().map_or_else(
            || "/".to_owned(),
            |b| {
                let after_scheme = b.split_once("://").map_or(b, |(_, r)| r);
                after_scheme
                    .find('/')
                    .map_or_else(|| "/".to_owned(), |i| after_scheme[i..].to_owned())
            },
        );
        let multi = self.multilingual();
        let languages = self
            .langs()
            .iter()
            .map(|&l| L {
                lang: l.code(),
                title: self.i18n.msg(l, "not-found-title"),
                body: self.i18n.msg(l, "not-found-body"),
                back: self.i18n.msg(l, "not-found-back"),
                href: if multi {
                    format!("{prefix}{}/", l.code())
                } else {
                    prefix.clone()
                },
            })
            .collect();
        let primary = self.project.config.primary();
        let mut page = self.page_ctx(primary, 0, None, None);
        page.root = prefix.clone();
        page.home = prefix;
        self.render(
            "404.html",
            primary,
            &page,
            "not_found",
            &NotFound { languages },
        )
    }

    /// `sitemap.xml`, with hreflang alternates; only with `base_url`.
    ///
    /// Each page's address in each language is escaped once and written from there (as
    /// its own `<loc>` and as an alternate of every language's): made by `format!` each
    /// time, at 10,000 notices it took 60,000 strings made and escaped.
    pub fn sitemap(&self) -> Option<Vec<u8>> {
        use std::fmt::Write as _;
        let base = self.project.config.base_url.as_deref()?;
        let langs = self.langs();
        let multi = self.multilingual();
        let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        // Escaping goes a character at a time, so the base is escaped once for every address.
        let base = view::html_escape(base);
        let mut urls: Vec<String> = Vec::with_capacity(langs.len());
        let mut entry =
            |s: &mut String, notice: Option<&str>, lastmod: Option<&jiff::civil::Date>| {
                urls.clear();
                urls.extend(langs.iter().map(|&l| {
                    let mut url = base.clone();
                    view::html_escape_into(&mut url, &Self::url_path(l, notice));
                    url
                }));
                for loc in &urls {
                    s.push_str("<url><loc>");
                    s.push_str(loc);
                    s.push_str("</loc>");
                    if let Some(d) = lastmod {
                        let _ = write!(s, "<lastmod>{d}</lastmod>");
                    }
                    if multi {
                        for (a, href) in langs.iter().zip(&urls) {
                            s.push_str("<xhtml:link rel=\"alternate\" hreflang=\"");
                            s.push_str(a.code());
                            s.push_str("\" href=\"");
                            s.push_str(href);
                            s.push_str("\"/>");
                        }
                    }
                    s.push_str("</url>\n");
                }
            };
        if multi {
            entry(&mut s, None, None);
        }
        for n in &self.project.notices {
            entry(&mut s, Some(n.id.as_str()), Some(&n.updated.v));
        }
        s.push_str("</urlset>\n");
        Some(s.into_bytes())
    }

    /// Render every page and asset into `sink`, pages in parallel.
    pub fn render_all(&self, sink: &dyn Sink) -> Result<(), RenderError> {
        let notices: Vec<&Notice> = self.project.notices.iter().map(|n| &**n).collect();
        self.render_notices(&notices, sink)?;
        self.render_rest(sink)
    }

    /// The pages of some notices, every language, in parallel.
    pub fn render_notices(&self, notices: &[&Notice], sink: &dyn Sink) -> Result<(), RenderError> {
        let io = |e: std::io::Error| RenderError(format!("writing output: {e}"));
        let jobs: Vec<(&Notice, Lang)> = notices
            .iter()
            .flat_map(|&n| self.langs().iter().map(move |&l| (n, l)))
            .collect();
        jobs.par_iter().try_for_each(|(n, lang)| {
            let rel = format!("{}/{}/index.html", lang.code(), n.id);
            let key = self.page_key(n, lang.code());
            if sink.reuse(&rel, &key) {
                return Ok(());
            }
            if n.is_stub {
                return Err(RenderError(format!(
                    "the previous output's {rel} could not be reused; build again"
                )));
            }
            let bytes = self.notice(n, *lang)?;
            sink.put_keyed(&rel, &bytes, &key).map_err(io)
        })
    }

    /// Would every page of `n` be taken from the previous build? Then `n` can be given to
    /// [`Site::render_notices`] as a [`Notice::stub`].
    pub fn kept(&self, n: &Notice, sink: &dyn Sink) -> bool {
        self.langs().iter().all(|lang| {
            let rel = format!("{}/{}/index.html", lang.code(), n.id);
            sink.would_reuse(&rel, &self.page_key(n, lang.code()))
        })
    }

    /// Everything but the notices' pages: the indexes, the landing and not-found pages, the
    /// sitemap and the theme's assets. The indexes only need each notice's [`Notice::stub`].
    /// They are made in parallel: at the end of a build nothing else is left to do, and
    /// on their own they were most of a rebuild's last tenth of a second at 10,000 notices.
    pub fn render_rest(&self, sink: &dyn Sink) -> Result<(), RenderError> {
        /// One file of the rest.
        enum Rest {
            Index(Lang),
            Landing,
            NotFound,
            Sitemap,
        }
        let io = |e: std::io::Error| RenderError(format!("writing output: {e}"));
        let multi = self.multilingual();
        let mut rest: Vec<Rest> = self.langs().iter().map(|&l| Rest::Index(l)).collect();
        if multi {
            rest.push(Rest::Landing);
        }
        rest.extend([Rest::NotFound, Rest::Sitemap]);
        // Made in parallel, written in order: a failure is always the first one's.
        type Made = Result<Option<(String, Vec<u8>)>, RenderError>;
        let made: Vec<Made> = rest
            .par_iter()
            .map(|r| {
                Ok(Some(match r {
                    Rest::Index(l) if multi => {
                        (format!("{}/index.html", l.code()), self.index(*l)?)
                    }
                    Rest::Index(l) => ("index.html".to_owned(), self.index(*l)?),
                    Rest::Landing => ("index.html".to_owned(), self.landing()?),
                    Rest::NotFound => ("404.html".to_owned(), self.not_found()?),
                    Rest::Sitemap => match self.sitemap() {
                        Some(map) => ("sitemap.xml".to_owned(), map),
                        None => return Ok(None),
                    },
                }))
            })
            .collect();
        for one in made {
            if let Some((path, bytes)) = one? {
                sink.put(&path, &bytes).map_err(io)?;
            }
        }
        for (path, bytes) in &self.theme.assets {
            sink.put(path, bytes).map_err(io)?;
        }
        Ok(())
    }
}

/// Is `out` a safe place to build into? Not the project root, not inside notices/, and not
/// outside the project unless named explicitly with `--out`.
pub fn check_output_path(root: &Path, out: &Path, explicit: bool) -> Result<(), String> {
    let canon = |p: &Path| -> std::path::PathBuf {
        // The output folder may not exist yet: canonicalise its parent.
        match (p.parent(), p.file_name()) {
            (Some(parent), Some(name)) => std::fs::canonicalize(if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            })
            .map(|c| c.join(name))
            .unwrap_or_else(|_| p.to_path_buf()),
            _ => std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()),
        }
    };
    let root_c = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let out_c = canon(out);
    if out_c == root_c {
        return Err("the output folder cannot be the project folder itself".into());
    }
    if root_c.starts_with(&out_c) {
        return Err("the output folder cannot contain the project folder".into());
    }
    for keep in ["notices", "themes", "locales"] {
        if out_c.starts_with(root_c.join(keep)) {
            return Err(format!("the output folder cannot be inside {keep}/"));
        }
    }
    if !out_c.starts_with(&root_c) && !explicit {
        return Err(format!(
            "[build] output points outside the project ({}); pass it with --out to confirm",
            out.display()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The site's `join` writes what Tera's own writes, escaped or not, for every kind of
    /// item and separator.
    #[test]
    fn join_is_teras_join() {
        let templates = [
            r#"{{ xs | join(sep=", ") }}"#,
            r#"{{ xs | join(sep="; ") | safe }}"#,
            r#"{{ xs | join }}"#,
            r#"{{ xs | join(sep=amp) }}"#,
            r#"{{ xs | join(sep=safe_sep) }}"#,
            r#"{{ mixed | join(sep=" & ") }}"#,
            r#"{{ with_safe | join(sep=" < ") }}"#,
            r#"{{ empty | join(sep=", ") }}"#,
        ];
        let mut ctx = Context::new();
        ctx.insert("xs", &["Tŷ <a>", "b & \"c\"", "", "ŵ'"]);
        ctx.insert("amp", "&");
        ctx.insert_value("safe_sep", Value::safe_string("<br>"));
        ctx.insert_value(
            "mixed",
            Value::from(vec![
                Value::from(3),
                Value::from(true),
                Value::from(2.5),
                Value::from("x>y"),
                Value::none(),
                Value::from(vec![Value::from("in"), Value::from(1)]),
            ]),
        );
        ctx.insert_value(
            "with_safe",
            Value::from(vec![Value::safe_string("<b>ok</b>"), Value::from("<i>")]),
        );
        ctx.insert("empty", &Vec::<String>::new());
        for autoescape in [true, false] {
            let (mut ours, mut theirs) = (new_tera(), Tera::new());
            for t in [&mut ours, &mut theirs] {
                t.autoescape_on(if autoescape { vec![".html"] } else { vec![] });
                for (i, text) in templates.iter().enumerate() {
                    t.add_raw_template(&format!("t{i}.html"), text)
                        .expect("compiles");
                }
            }
            for (i, text) in templates.iter().enumerate() {
                let name = format!("t{i}.html");
                let a = ours.render(&name, &ctx).expect("renders");
                let b = theirs.render(&name, &ctx).expect("renders");
                assert_eq!(a, b, "{text} (autoescape {autoescape})");
            }
        }
        // And the test can tell them apart: a join that ignored `sep` would fail it.
        let mut t = new_tera();
        t.add_raw_template("x.html", templates[0])
            .expect("compiles");
        assert_eq!(
            t.render("x.html", &ctx).expect("renders"),
            "Tŷ &lt;a&gt;, b &amp; &quot;c&quot;, , ŵ&#39;"
        );
    }
}
