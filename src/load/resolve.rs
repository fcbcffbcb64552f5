//! Resolving references within a notice and against the organisation catalogues, and the
//! uniqueness of ids (`unknown-reference`, `duplicate-id`). Catalogue refs are replaced by
//! copies of their entries, so later stages see one list per notice.

use super::convert::{Item, RawNotice};
use crate::diag::{did_you_mean, Diagnostic};
use crate::model::*;

/// Which catalogue entries some notice used (for `unused-recipient`/`unused-retention`).
#[derive(Debug, Default, Clone)]
pub struct Used {
    pub recipients: Vec<bool>,
    pub retention: Vec<bool>,
}

impl Used {
    pub fn new(org: Option<&Organisation>) -> Used {
        Used {
            recipients: vec![false; org.map_or(0, |o| o.recipients.len())],
            retention: vec![false; org.map_or(0, |o| o.retention.len())],
        }
    }

    /// Add what another record says is used.
    pub fn merge(&mut self, other: &Used) {
        for (a, b) in self.recipients.iter_mut().zip(&other.recipients) {
            *a |= *b;
        }
        for (a, b) in self.retention.iter_mut().zip(&other.retention) {
            *a |= *b;
        }
    }

    /// Work out again which catalogue entries the notices use (after a notice changed).
    pub fn recompute(org: Option<&Organisation>, notices: &[std::sync::Arc<Notice>]) -> Used {
        let mut u = Used::new(org);
        for n in notices {
            u.add(n);
        }
        u
    }

    /// Mark the catalogue entries a resolved notice uses.
    pub fn add(&mut self, n: &Notice) {
        for r in n.recipients.iter().flatten() {
            if let Some(x) = r.catalogue.and_then(|i| self.recipients.get_mut(i)) {
                *x = true;
            }
        }
        for r in &n.retention {
            if let Some(x) = r.catalogue.and_then(|i| self.retention.get_mut(i)) {
                *x = true;
            }
        }
    }
}

fn unknown(file: FileId, r: &S<Id>, what: &str, candidates: &[&str]) -> Diagnostic {
    let mut d = Diagnostic::new(
        "unknown-reference",
        file,
        r.pos,
        format!("no {what} has the id `{}`", r.v),
    )
    .label(format!("unknown {what}"));
    d = match did_you_mean(&r.v, candidates.iter().copied()) {
        Some(s) => d.help(format!("did you mean `{s}`?")),
        None if candidates.is_empty() => d.help(format!("define a {what} with this id first")),
        None => d.help(format!(
            "the {what} ids here are: {}",
            candidates.join(", ")
        )),
    };
    d
}

fn check_refs(file: FileId, refs: &[S<Id>], ids: &[&str], what: &str, diags: &mut Vec<Diagnostic>) {
    for r in refs {
        if !ids.contains(&r.v.as_str()) {
            diags.push(unknown(file, r, what, ids));
        }
    }
}

/// Whether the item at `i` has the id of an earlier one: a scan of the earlier items while
/// the list is short (notices list a dozen of each), a hash set of the ids after, so that a
/// long list is not quadratic. `set` is that hash set, started at the first long list's
/// first item.
fn repeats<'a, T>(
    items: &'a [T],
    i: usize,
    id: impl Fn(&'a T) -> &'a str,
    set: &mut Option<rustc_hash::FxHashSet<&'a str>>,
) -> bool {
    const SCAN: usize = 32;
    let this = id(&items[i]);
    if items.len() <= SCAN {
        return items[..i].iter().any(|x| id(x) == this);
    }
    !set.get_or_insert_with(rustc_hash::FxHashSet::default)
        .insert(this)
}

/// Report the second and later uses of an id among `items`.
pub fn unique<T>(
    file: FileId,
    items: &[T],
    id: impl Fn(&T) -> &S<Id>,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let mut set = None;
    for (i, item) in items.iter().enumerate() {
        if repeats(items, i, |x| id(x).v.as_str(), &mut set) {
            let id = id(item);
            diags.push(
                Diagnostic::new(
                    "duplicate-id",
                    file,
                    id.pos,
                    format!("two {what}s have the id `{}`", id.v),
                )
                .label("second use of this id")
                .help(format!("give each {what} its own id")),
            );
        }
    }
}

/// Check the organisation's catalogue ids.
pub fn organisation(org: &Organisation, diags: &mut Vec<Diagnostic>) {
    unique(
        org.file,
        &org.recipients,
        |r| &r.id,
        "catalogue recipient",
        diags,
    );
    unique(
        org.file,
        &org.retention,
        |r| &r.id,
        "catalogue retention entry",
        diags,
    );
}

/// Resolve one notice. `org` is `None` when the organisation file is missing or broken; then
/// catalogue refs are reported only when there is no organisation file at all.
pub fn notice(
    raw: RawNotice,
    org: Option<&Organisation>,
    diags: &mut Vec<Diagnostic>,
    used: &mut Used,
) -> Notice {
    let RawNotice {
        mut notice,
        recipients,
        retention,
        ..
    } = raw;
    let file = notice.file;

    unique(file, &notice.channels, |c| &c.id, "channel", diags);
    unique(file, &notice.categories, |c| &c.id, "category", diags);
    unique(file, &notice.purposes, |p| &p.id, "purpose", diags);
    unique(
        file,
        &notice.automated_decisions,
        |a| &a.id,
        "automated decision",
        diags,
    );

    // Sections: unique, not a built-in id, `after` names a built-in or an earlier section.
    let mut earlier: Vec<&str> = Vec::new();
    for s in &notice.sections {
        if BUILTIN_SECTIONS.contains(&s.id.v.as_str()) || earlier.contains(&s.id.v.as_str()) {
            diags.push(
                Diagnostic::new(
                    "duplicate-id",
                    file,
                    s.id.pos,
                    format!("the section id `{}` is already taken", s.id.v),
                )
                .label("built-in or earlier section id")
                .help("give the section an id of its own"),
            );
        }
        if let Some(a) = &s.after {
            if !BUILTIN_SECTIONS.contains(&a.v.as_str()) && !earlier.contains(&a.v.as_str()) {
                let mut c: Vec<&str> = BUILTIN_SECTIONS.to_vec();
                c.extend(earlier.iter().copied());
                diags.push(unknown(file, a, "section", &c));
            }
        }
        earlier.push(&s.id.v);
    }

    let category_ids: Vec<&str> = notice.categories.iter().map(|c| c.id.v.as_str()).collect();
    let purpose_ids: Vec<&str> = notice.purposes.iter().map(|p| p.id.v.as_str()).collect();
    for p in &notice.purposes {
        check_refs(file, &p.categories, &category_ids, "category", diags);
    }
    for a in &notice.automated_decisions {
        check_refs(file, &a.purposes, &purpose_ids, "purpose", diags);
    }

    // Recipients and retention: inline entries, or refs to the catalogues.
    let cat_recipients: Vec<&str> = org
        .map(|o| o.recipients.iter().map(|r| r.id.v.as_str()).collect())
        .unwrap_or_default();
    let cat_retention: Vec<&str> = org
        .map(|o| o.retention.iter().map(|r| r.id.v.as_str()).collect())
        .unwrap_or_default();
    let resolved_recipients = recipients.map(|items| {
        items
            .into_iter()
            .filter_map(|item| match item {
                Item::Inline(r) => {
                    check_refs(file, &r.purposes, &purpose_ids, "purpose", diags);
                    check_refs(file, &r.categories, &category_ids, "category", diags);
                    Some(r)
                }
                Item::Ref(id) => {
                    let i = cat_recipients.iter().position(|c| *c == id.v);
                    match (i, org) {
                        (Some(i), Some(o)) => {
                            if let Some(u) = used.recipients.get_mut(i) {
                                *u = true;
                            }
                            let mut r = o.recipients[i].clone();
                            r.catalogue = Some(i);
                            Some(r)
                        }
                        _ => {
                            diags.push(unknown(file, &id, "catalogue recipient", &cat_recipients));
                            None
                        }
                    }
                }
            })
            .collect::<Vec<_>>()
    });
    let resolved_retention: Vec<Retention> = retention
        .into_iter()
        .filter_map(|item| match item {
            Item::Inline(r) => {
                if let Some(c) = &r.categories {
                    check_refs(file, c, &category_ids, "category", diags);
                }
                Some(r)
            }
            Item::Ref(id) => {
                let i = cat_retention.iter().position(|c| *c == id.v);
                match (i, org) {
                    (Some(i), Some(o)) => {
                        if let Some(u) = used.retention.get_mut(i) {
                            *u = true;
                        }
                        let mut r = o.retention[i].clone();
                        r.catalogue = Some(i);
                        Some(r)
                    }
                    _ => {
                        diags.push(unknown(
                            file,
                            &id,
                            "catalogue retention entry",
                            &cat_retention,
                        ));
                        None
                    }
                }
            }
        })
        .collect();

    if let Some(rs) = &resolved_recipients {
        // A catalogue entry's id clashes with an inline one: report at the later one, in
        // this file (the catalogue entry's position is in another file).
        let mut set = None;
        for (i, r) in rs.iter().enumerate() {
            if repeats(rs, i, |r| r.id.v.as_str(), &mut set) {
                let pos = if r.catalogue.is_some() {
                    notice.first_key
                } else {
                    r.id.pos
                };
                diags.push(
                    Diagnostic::new(
                        "duplicate-id",
                        file,
                        pos,
                        format!("two recipients have the id `{}`", r.id.v),
                    )
                    .help("give each recipient its own id, or list the catalogue entry once"),
                );
            }
        }
    }
    let mut set = None;
    for (i, r) in resolved_retention.iter().enumerate() {
        if repeats(&resolved_retention, i, |r| r.id.v.as_str(), &mut set) {
            let pos = if r.catalogue.is_some() {
                notice.first_key
            } else {
                r.id.pos
            };
            diags.push(
                Diagnostic::new(
                    "duplicate-id",
                    file,
                    pos,
                    format!("two retention entries have the id `{}`", r.id.v),
                )
                .help("give each retention entry its own id, or list the catalogue entry once"),
            );
        }
    }

    let recipient_ids: Vec<&str> = resolved_recipients
        .as_ref()
        .map(|v| v.iter().map(|r| r.id.v.as_str()).collect())
        .unwrap_or_default();
    let retention_ids: Vec<&str> = resolved_retention.iter().map(|r| r.id.v.as_str()).collect();
    for c in &notice.channels {
        check_refs(
            file,
            &c.recipients,
            &recipient_ids,
            "recipient of this notice",
            diags,
        );
        check_refs(
            file,
            &c.retention,
            &retention_ids,
            "retention entry of this notice",
            diags,
        );
    }

    notice.recipients = resolved_recipients;
    notice.retention = resolved_retention;
    notice
}

#[cfg(test)]
mod tests {
    use super::repeats;

    /// The repeats found, by scan (short lists) and by hash set (long ones), are those of
    /// a plain reading: each item whose id an earlier item has.
    #[test]
    fn repeats_are_the_later_uses_of_an_id() {
        for len in [0, 1, 2, 5, 32, 33, 40, 100] {
            let ids: Vec<String> = (0..len).map(|i| format!("id-{}", (i * 7) % 23)).collect();
            let mut set = None;
            let found: Vec<usize> = (0..len)
                .filter(|&i| repeats(&ids, i, String::as_str, &mut set))
                .collect();
            let expected: Vec<usize> = (0..len).filter(|&i| ids[..i].contains(&ids[i])).collect();
            assert_eq!(found, expected, "{len} ids");
            assert_eq!(found.is_empty(), len <= 23, "{len} ids");
        }
    }
}
