//! The always-error lints. They are emitted while loading, because without them there is no
//! model to check; they cannot be configured in `[lints]`. Registered for `hysbys explain`.

use super::Lint;

macro_rules! structural {
    ($id:ident, $name:literal, $summary:literal, $explanation:literal, $bad:literal, $good:literal) => {
        pub static $id: Lint = Lint {
            name: $name,
            default: None,
            summary: $summary,
            explanation: $explanation,
            bad: $bad,
            good: $good,
            check: None,
        };
    };
}

structural!(
    PARSE_ERROR,
    "parse-error",
    "a file is not valid YAML (or TOML), or not UTF-8",
    "hysbys reads each notice as one YAML 1.2 document in UTF-8 (a byte-order mark is allowed), \
and hysbys.toml as TOML. Tabs cannot indent YAML, a file holds one document, and keys are plain \
names. The diagnostic points at the first place the parser could not read; the rest of that \
file is not checked until it parses.",
    "title:\n\ten: Advice\n",
    "title:\n  en: Advice\n"
);

structural!(
    UNKNOWN_FIELD,
    "unknown-field",
    "a key that the format does not define",
    "Every mapping in the notice format has a fixed set of keys, so a typo such as \
`lawfull_basis` cannot silently drop a lawful basis from a published notice. The diagnostic \
suggests the closest known key. Catalogue entries in _organisation.yaml have no `categories` or \
`purposes`, because they are shared by notices with different ids.",
    "purposes:\n  - id: advice\n    lawfull_basis: public-task\n",
    "purposes:\n  - id: advice\n    lawful_basis: public-task\n"
);

structural!(
    DUPLICATE_KEY,
    "duplicate-key",
    "the same key twice in one mapping",
    "YAML parsers disagree on which of two equal keys wins, so hysbys refuses both and reports \
the second occurrence. Merge the two values into one key.",
    "title:\n  en: Advice\n  en: Advice service\n",
    "title:\n  en: Advice service\n"
);

structural!(
    MISSING_FIELD,
    "missing-field",
    "a required field is absent",
    "Some fields are required by the format because the law requires the information in every \
notice: a title and summary, when the notice was updated, at least one category, purpose and \
retention entry (UK GDPR Arts 13 and 14). Fields required only under a condition, such as a \
lawful basis or a Schedule 1 condition, have their own lints. The diagnostic points at the first \
key of the mapping that lacks the field.",
    "title: {en: Advice, cy: Cyngor}\nsummary: {en: …, cy: …}\n",
    "title: {en: Advice, cy: Cyngor}\nsummary: {en: …, cy: …}\nupdated: 2026-10-01\n"
);

structural!(
    INVALID_VALUE,
    "invalid-value",
    "a value of the wrong type, or not one of the allowed codes",
    "Closed sets (lawful bases, Art 9 conditions, recipient kinds, safeguards) take only the \
codes in the format's tables, so the register and the page can state the article exactly. \
Booleans are only `true` and `false` (YAML 1.2: `no` is the string \"no\"). URLs are absolute \
http(s); emails have one `@`; phone numbers use digits, spaces, `+` and brackets. The diagnostic \
suggests the closest allowed code.",
    "lawful_basis: public_task\n",
    "lawful_basis: public-task\n"
);

structural!(
    INVALID_ID,
    "invalid-id",
    "an id (or a notice file name) that is not lower-case kebab-case",
    "Ids become URLs (`en/<id>/`), register keys and references, so they are 1 to 64 lower-case \
ASCII letters, digits and hyphens, starting with a letter or digit. A notice's id is its file \
stem: `Advice Service.yaml` is skipped with this diagnostic.",
    "categories:\n  - id: Contact_Details\n",
    "categories:\n  - id: contact-details\n"
);

structural!(
    DUPLICATE_ID,
    "duplicate-id",
    "two things of the same kind with one id",
    "References name things by id, so ids are unique within their kind across a notice and the \
organisation catalogues, and notice ids are unique across the whole notices/ tree (`a.yaml` \
beside `a.yml` clashes). A custom section may not take a built-in section id. Reported at the \
second occurrence.",
    "categories:\n  - id: contact\n    name: …\n  - id: contact\n    name: …\n",
    "categories:\n  - id: contact\n    name: …\n  - id: contact-history\n    name: …\n"
);

structural!(
    UNKNOWN_REFERENCE,
    "unknown-reference",
    "a reference to an id that is not defined",
    "Purposes, recipients, retention entries, channels and automated decisions refer to each \
other by id. A reference must name something defined in the right place (see the format's table \
of references); the diagnostic offers the closest id of the same kind. A channel's `recipients` \
and `retention` must name entries of the notice's own lists, so a processor named on a channel \
is always listed among the recipients.",
    "purposes:\n  - id: advice\n    categories: [contcat]\n",
    "purposes:\n  - id: advice\n    categories: [contact]\n"
);

structural!(
    MISSING_TRANSLATION,
    "missing-translation",
    "a text without a string for one of the site's languages",
    "Welsh public bodies publish in Welsh and English at the same time and must not treat Welsh \
less favourably, so a text must give a non-empty string for every language in \
`site.languages`. hysbys never falls back to English on a Welsh page. A `name` written as one \
plain string is a proper noun, the same in every language, and never needs translating.",
    "title:\n  en: Advice\n",
    "title:\n  en: Advice\n  cy: Cyngor\n"
);

structural!(
    INVALID_DURATION,
    "invalid-duration",
    "a retention period that is not an allowed ISO 8601 duration",
    "A period is `P` followed by one or more of `nY`, `nM`, `nW`, `nD` in that order (n from 1 \
to 999, no leading zero, upper case, no time part, no fractions), or the word `indefinite`. \
hysbys writes it out in words in both languages, with Welsh mutations (1 flwyddyn, 2 flynedd, \
6 blynedd).",
    "period: 6 years\n",
    "period: P6Y\n"
);

structural!(
    IO_ERROR,
    "io-error",
    "a file or folder that cannot be read",
    "A notice that cannot be read (permissions, a broken link, a folder where a file should be) \
is reported and the other files are still checked; the run then exits with status 2, because \
the result is incomplete rather than wrong.",
    "$ chmod 000 notices/advice.yaml\n",
    "$ chmod 644 notices/advice.yaml\n"
);

structural!(
    LIMIT_EXCEEDED,
    "limit-exceeded",
    "a file past a size, depth, alias-expansion or string-length limit",
    "hysbys reads untrusted files in CI, so it refuses inputs built to exhaust memory or time: \
files over 4 MiB, values nested more than 64 levels deep, YAML aliases expanding to more than \
10,000 values (the 'billion laughs'), more than 250,000 values in a file, strings over 100,000 \
characters, and more than 100,000 notices. Real notices are far below every limit.",
    "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n# …\n",
    "# write values out; aliases are for small repeated pieces\n"
);
