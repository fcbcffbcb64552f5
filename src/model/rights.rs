//! Rights, derived per purpose from the ICO's table (NOTICE-FORMAT §6), so a statutory
//! record is never offered for erasure because a newsletter in the same notice rests on
//! consent.

use super::{LawfulBasis, Notice, Purpose, Right, SpecialCondition};

/// The rights that apply to one purpose, in register order.
pub fn purpose_rights(notice: &Notice, p: &Purpose) -> Vec<Right> {
    use LawfulBasis as B;
    let basis = p.lawful_basis.as_ref().map(|b| b.v);
    let explicit_consent =
        p.special_condition.as_ref().map(|c| c.v) == Some(SpecialCondition::ExplicitConsent);
    let automated = notice
        .automated_decisions
        .iter()
        .any(|a| a.purposes.iter().any(|r| r.v == p.id.v));
    Right::ALL
        .iter()
        .copied()
        .filter(|r| match r {
            Right::Access | Right::Rectification | Right::Restriction | Right::Complaint => true,
            Right::Erasure => matches!(
                basis,
                Some(
                    B::Consent
                        | B::Contract
                        | B::VitalInterests
                        | B::LegitimateInterests
                        | B::RecognisedLegitimateInterests
                )
            ),
            Right::Portability => {
                matches!(basis, Some(B::Consent | B::Contract)) || explicit_consent
            }
            Right::Objection => matches!(
                basis,
                Some(B::PublicTask | B::LegitimateInterests | B::RecognisedLegitimateInterests)
            ),
            Right::ObjectDirectMarketing => p.direct_marketing,
            Right::WithdrawConsent => p.consent_based(),
            Right::AutomatedDecisions => automated,
        })
        .collect()
}

/// The union of the purposes' rights, in register order.
pub fn notice_rights(notice: &Notice) -> Vec<Right> {
    let per: Vec<Vec<Right>> = notice
        .purposes
        .iter()
        .map(|p| purpose_rights(notice, p))
        .collect();
    Right::ALL
        .iter()
        .copied()
        .filter(|r| per.iter().any(|v| v.contains(r)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn purpose(id: &str, basis: LawfulBasis) -> Purpose {
        Purpose {
            written: vec![],
            id: S {
                v: id.into(),
                pos: Pos::default(),
            },
            name: Text::default(),
            details: None,
            categories: vec![],
            lawful_basis: Some(S {
                v: basis,
                pos: Pos::default(),
            }),
            legitimate_interests: None,
            annex1: None,
            legislation: vec![],
            special_condition: None,
            schedule1: None,
            criminal_condition: None,
            consent_withdrawal: None,
            direct_marketing: false,
        }
    }

    fn notice(purposes: Vec<Purpose>) -> Notice {
        Notice {
            written: vec![],
            is_stub: false,
            id: "n".into(),
            file: 0,
            first_key: Pos::default(),
            title: Text::default(),
            summary: Text::default(),
            service: None,
            data_subjects: None,
            updated: S {
                v: Date::constant(2026, 1, 1),
                pos: Pos::default(),
            },
            review_by: None,
            joint_controllers: vec![],
            channels: vec![],
            sources: vec![],
            categories: vec![],
            purposes,
            recipients: None,
            retention: vec![],
            automated_decisions: vec![],
            statutory_requirement: None,
            rights_note: None,
            sections: vec![],
            changes: vec![],
            plain_markdown: false,
        }
    }

    fn codes(v: &[Right]) -> Vec<&'static str> {
        v.iter().map(|r| r.code()).collect()
    }

    #[test]
    fn the_ico_table() {
        use LawfulBasis::*;
        let cases: &[(LawfulBasis, &[&str])] = &[
            (
                Consent,
                &[
                    "access",
                    "rectification",
                    "erasure",
                    "restriction",
                    "portability",
                    "withdraw-consent",
                    "complaint",
                ],
            ),
            (
                Contract,
                &[
                    "access",
                    "rectification",
                    "erasure",
                    "restriction",
                    "portability",
                    "complaint",
                ],
            ),
            (
                LegalObligation,
                &["access", "rectification", "restriction", "complaint"],
            ),
            (
                VitalInterests,
                &[
                    "access",
                    "rectification",
                    "erasure",
                    "restriction",
                    "complaint",
                ],
            ),
            (
                PublicTask,
                &[
                    "access",
                    "rectification",
                    "restriction",
                    "objection",
                    "complaint",
                ],
            ),
            (
                LegitimateInterests,
                &[
                    "access",
                    "rectification",
                    "erasure",
                    "restriction",
                    "objection",
                    "complaint",
                ],
            ),
            (
                RecognisedLegitimateInterests,
                &[
                    "access",
                    "rectification",
                    "erasure",
                    "restriction",
                    "objection",
                    "complaint",
                ],
            ),
        ];
        for (basis, expected) in cases {
            let n = notice(vec![purpose("p", *basis)]);
            assert_eq!(
                codes(&purpose_rights(&n, &n.purposes[0])),
                *expected,
                "{basis:?}"
            );
        }
    }

    #[test]
    fn explicit_consent_adds_portability_and_withdrawal() {
        let mut p = purpose("p", LawfulBasis::PublicTask);
        p.special_condition = Some(S {
            v: SpecialCondition::ExplicitConsent,
            pos: Pos::default(),
        });
        let n = notice(vec![p]);
        let r = codes(&purpose_rights(&n, &n.purposes[0]));
        assert!(
            r.contains(&"portability")
                && r.contains(&"withdraw-consent")
                && r.contains(&"objection")
        );
        assert!(!r.contains(&"erasure"));
    }

    #[test]
    fn criminal_consent_adds_withdrawal() {
        let mut p = purpose("p", LawfulBasis::LegalObligation);
        p.criminal_condition = Some(S {
            v: CriminalCondition::Paragraph(29),
            pos: Pos::default(),
        });
        let n = notice(vec![p]);
        assert!(codes(&purpose_rights(&n, &n.purposes[0])).contains(&"withdraw-consent"));
    }

    #[test]
    fn direct_marketing_and_automated_decisions() {
        let mut p = purpose("news", LawfulBasis::Consent);
        p.direct_marketing = true;
        let mut n = notice(vec![p, purpose("record", LawfulBasis::LegalObligation)]);
        n.automated_decisions.push(AutomatedDecision {
            id: S {
                v: "a".into(),
                pos: Pos::default(),
            },
            name: Text::default(),
            logic: Text::default(),
            significance: Text::default(),
            consequences: Text::default(),
            purposes: vec![S {
                v: "record".into(),
                pos: Pos::default(),
            }],
        });
        let news = codes(&purpose_rights(&n, &n.purposes[0]));
        let record = codes(&purpose_rights(&n, &n.purposes[1]));
        assert!(
            news.contains(&"object-direct-marketing") && !news.contains(&"automated-decisions")
        );
        assert!(record.contains(&"automated-decisions") && !record.contains(&"erasure"));
        // The statutory record is never offered for erasure because the newsletter is.
        assert_eq!(
            codes(&notice_rights(&n)),
            [
                "access",
                "rectification",
                "erasure",
                "restriction",
                "portability",
                "object-direct-marketing",
                "withdraw-consent",
                "automated-decisions",
                "complaint"
            ]
        );
    }
}
