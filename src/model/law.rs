//! The closed sets of the notice format, each a Rust enum that knows its code in the YAML
//! and register, and its legal citation. No wording lives here: names and titles in English
//! and Welsh are Fluent messages (`basis-<code>`, `special-<code>`, `sch1-<n>`, …), so a
//! project can correct them message by message.

/// Declares a closed set: variants, their YAML codes and (optionally) their article.
macro_rules! closed_set {
    ($(#[$m:meta])* $name:ident, $what:literal { $($variant:ident = $code:literal $(=> $article:literal)?),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every member, in the order of the format's table.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// What the set is called in messages (`lawful basis`, …).
            pub const WHAT: &'static str = $what;

            /// The code written in YAML and in the register.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parse a YAML code.
            pub fn from_code(s: &str) -> Option<Self> {
                match s { $($code => Some($name::$variant),)+ _ => None }
            }

            /// Every code, for "expected one of" messages and the schemas.
            pub fn codes() -> Vec<&'static str> {
                Self::ALL.iter().map(|x| x.code()).collect()
            }

            /// The article of the UK GDPR, where the format's table gives one.
            #[allow(clippy::match_single_binding)]
            #[allow(unreachable_patterns)] // sets without articles fall through to None
            pub fn article(self) -> Option<&'static str> {
                match self {
                    $($($name::$variant => Some($article),)?)+
                    _ => None,
                }
            }
        }

        impl ClosedSet for $name {
            const WHAT: &'static str = $what;
            fn from_code(s: &str) -> Option<Self> { $name::from_code(s) }
            fn codes() -> Vec<&'static str> { $name::codes() }
        }
    };
}

/// What the loader needs of a closed set to read it from YAML.
pub trait ClosedSet: Sized + Copy {
    const WHAT: &'static str;
    fn from_code(s: &str) -> Option<Self>;
    fn codes() -> Vec<&'static str>;
}

closed_set!(
    /// Art 6(1) lawful basis.
    LawfulBasis, "lawful basis" {
        Consent = "consent" => "6(1)(a)",
        Contract = "contract" => "6(1)(b)",
        LegalObligation = "legal-obligation" => "6(1)(c)",
        VitalInterests = "vital-interests" => "6(1)(d)",
        PublicTask = "public-task" => "6(1)(e)",
        LegitimateInterests = "legitimate-interests" => "6(1)(f)",
        RecognisedLegitimateInterests = "recognised-legitimate-interests" => "6(1)(ea)",
    }
);

closed_set!(
    /// Art 9(2) condition for special-category data.
    SpecialCondition, "special condition" {
        ExplicitConsent = "explicit-consent" => "9(2)(a)",
        EmploymentSocialSecurity = "employment-social-security" => "9(2)(b)",
        VitalInterests = "vital-interests" => "9(2)(c)",
        NotForProfit = "not-for-profit" => "9(2)(d)",
        MadePublic = "made-public" => "9(2)(e)",
        LegalClaims = "legal-claims" => "9(2)(f)",
        SubstantialPublicInterest = "substantial-public-interest" => "9(2)(g)",
        HealthSocialCare = "health-social-care" => "9(2)(h)",
        PublicHealth = "public-health" => "9(2)(i)",
        ArchivingResearch = "archiving-research" => "9(2)(j)",
    }
);

/// Which Schedule 1 paragraphs a special condition needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Schedule1Need {
    /// No Schedule 1 condition may be given.
    None,
    /// Exactly this Part 1 paragraph.
    Exactly(u32),
    /// One of the Part 2 paragraphs 6–28.
    Part2,
}

impl SpecialCondition {
    pub fn schedule1_need(self) -> Schedule1Need {
        match self {
            SpecialCondition::EmploymentSocialSecurity => Schedule1Need::Exactly(1),
            SpecialCondition::HealthSocialCare => Schedule1Need::Exactly(2),
            SpecialCondition::PublicHealth => Schedule1Need::Exactly(3),
            SpecialCondition::ArchivingResearch => Schedule1Need::Exactly(4),
            SpecialCondition::SubstantialPublicInterest => Schedule1Need::Part2,
            _ => Schedule1Need::None,
        }
    }

    pub fn accepts_schedule1(self, paragraph: u32) -> bool {
        match self.schedule1_need() {
            Schedule1Need::None => false,
            Schedule1Need::Exactly(n) => n == paragraph,
            Schedule1Need::Part2 => (6..=28).contains(&paragraph),
        }
    }
}

closed_set!(
    /// Art 9(1) special categories of personal data.
    SpecialCategory, "special category" {
        RacialEthnicOrigin = "racial-ethnic-origin",
        PoliticalOpinions = "political-opinions",
        ReligiousPhilosophicalBeliefs = "religious-philosophical-beliefs",
        TradeUnionMembership = "trade-union-membership",
        Genetic = "genetic",
        Biometric = "biometric",
        Health = "health",
        SexLife = "sex-life",
        SexualOrientation = "sexual-orientation",
    }
);

closed_set!(
    /// Where a category of data comes from (Art 13 or Art 14).
    DataSource, "source" {
        Subject = "subject",
        Others = "others",
        Both = "both",
    }
);

closed_set!(
    /// The role of a recipient.
    RecipientKind, "recipient kind" {
        Processor = "processor",
        Controller = "controller",
        JointController = "joint-controller",
        Internal = "internal",
    }
);

closed_set!(
    /// The safeguard for a transfer outside the UK.
    Safeguard, "safeguard" {
        Adequacy = "adequacy" => "45A",
        PublicBodyInstrument = "public-body-instrument" => "46(2)(a)",
        Bcrs = "bcrs" => "47",
        Idta = "idta" => "46(2)(d)",
        Addendum = "addendum" => "46(2)(d)",
        CodeOfConduct = "code-of-conduct" => "46(2)(e)",
        Certification = "certification" => "46(2)(f)",
        AdministrativeArrangement = "administrative-arrangement" => "46(3)(b)",
        Derogation = "derogation" => "49(1)",
    }
);

closed_set!(
    /// The Art 49(1) derogation relied on with `safeguard: derogation`.
    Derogation, "derogation" {
        A = "a" => "49(1)(a)",
        B = "b" => "49(1)(b)",
        C = "c" => "49(1)(c)",
        D = "d" => "49(1)(d)",
        E = "e" => "49(1)(e)",
        F = "f" => "49(1)(f)",
        G = "g" => "49(1)(g)",
        CompellingInterests = "compelling-interests" => "49(1)",
    }
);

closed_set!(
    /// How a retention period is qualified.
    Qualifier, "qualifier" {
        AtLeast = "at-least",
        UpTo = "up-to",
    }
);

closed_set!(
    /// A data subject right, in register order.
    Right, "right" {
        Access = "access" => "15",
        Rectification = "rectification" => "16",
        Erasure = "erasure" => "17",
        Restriction = "restriction" => "18",
        Portability = "portability" => "20",
        Objection = "objection" => "21(1)",
        ObjectDirectMarketing = "object-direct-marketing" => "21(2)",
        WithdrawConsent = "withdraw-consent" => "7(3)",
        AutomatedDecisions = "automated-decisions" => "22C",
        Complaint = "complaint" => "77",
    }
);

/// DPA 2018 Schedule 1: the Part each paragraph sits in (paragraph 5 is Part 1's
/// interpretation of the appropriate policy document, not a condition).
pub fn schedule1_part(paragraph: u32) -> Option<u32> {
    match paragraph {
        1..=5 => Some(1),
        6..=28 => Some(2),
        29..=37 => Some(3),
        _ => None,
    }
}

/// Paragraphs usable for criminal-offence data on their own (Art 10, DPA s.10(5)).
pub fn criminal_paragraph_usable(paragraph: u32) -> bool {
    matches!(paragraph, 1..=4 | 6 | 7 | 10..=15 | 17 | 18 | 23..=35 | 37)
}

/// Part 2 paragraphs that paragraph 36 may extend to criminal-offence data.
pub fn para36_extends_usable(paragraph: u32) -> bool {
    matches!(paragraph, 6 | 7 | 10..=15 | 17 | 18 | 23..=28)
}

/// Schedule 1 paragraphs that need an appropriate policy document (Sch 1 paras 1, 5, 39;
/// the Part 2 conditions; and the Part 3 conditions 35–37 as they apply in Part 3).
pub fn needs_appropriate_policy_document(paragraph: u32) -> bool {
    matches!(paragraph, 1 | 6..=28 | 35..=37)
}

/// The Art 10 condition for criminal-offence data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CriminalCondition {
    /// Processing under the control of official authority.
    OfficialAuthority,
    /// A Schedule 1 paragraph.
    Paragraph(u32),
    /// Paragraph 36, extending a Part 2 condition.
    Extends(u32),
}

impl CriminalCondition {
    /// The Schedule 1 paragraph, if any (36 for an extension).
    pub fn paragraph(self) -> Option<u32> {
        match self {
            CriminalCondition::OfficialAuthority => None,
            CriminalCondition::Paragraph(n) => Some(n),
            CriminalCondition::Extends(_) => Some(36),
        }
    }

    /// Is this the consent condition (para 29)?
    pub fn is_consent(self) -> bool {
        self == CriminalCondition::Paragraph(29)
    }
}

/// The two languages of a site.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    En,
    Cy,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Cy];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    pub fn from_code(s: &str) -> Option<Lang> {
        match s {
            "en" => Some(Lang::En),
            "cy" => Some(Lang::Cy),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Cy,
            Lang::Cy => Lang::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for b in LawfulBasis::ALL {
            assert_eq!(LawfulBasis::from_code(b.code()), Some(*b));
            assert!(b.article().is_some());
        }
        assert_eq!(LawfulBasis::PublicTask.article(), Some("6(1)(e)"));
        assert_eq!(
            SpecialCondition::SubstantialPublicInterest.article(),
            Some("9(2)(g)")
        );
        assert_eq!(SpecialCategory::Health.article(), None);
    }

    #[test]
    fn schedule1_rules() {
        assert!(SpecialCondition::SubstantialPublicInterest.accepts_schedule1(17));
        assert!(!SpecialCondition::SubstantialPublicInterest.accepts_schedule1(29));
        assert!(SpecialCondition::HealthSocialCare.accepts_schedule1(2));
        assert!(!SpecialCondition::HealthSocialCare.accepts_schedule1(3));
        assert!(!SpecialCondition::ExplicitConsent.accepts_schedule1(1));
        for p in [5, 8, 9, 16, 19, 20, 21, 22, 36] {
            assert!(!criminal_paragraph_usable(p), "{p}");
        }
        for p in [1, 6, 10, 18, 23, 29, 35, 37] {
            assert!(criminal_paragraph_usable(p), "{p}");
        }
        assert_eq!(schedule1_part(17), Some(2));
        assert_eq!(schedule1_part(33), Some(3));
        assert_eq!(schedule1_part(38), None);
    }
}
