//! The published dataset: types shared by the widget, the tests and the JSON
//! Schema (which is generated from exactly these types).
//!
//! Text fields that carry keys, dates and URLs are kept as strings here and
//! checked by [`crate::model::validate`], so that a bad value yields a message
//! naming the exact field instead of a bare parse error.

use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// The schema version this code reads and writes. A dataset with another
/// major version is refused.
pub const SCHEMA_VERSION: &str = "1.1.0";

/// Defines a struct whose fields marked `#[stated]` are `Option<String>`
/// fields that the schema requires even when they are `null`: unknown is
/// said explicitly, never by leaving the field out. The marker stands for
/// the serde and schemars attributes that say so (see [`stated`]), which
/// would otherwise be repeated on every such field.
macro_rules! with_stated_fields {
    ($(#[$meta:meta])* pub struct $name:ident { $($fields:tt)* }) => {
        with_stated_fields!(@field [$(#[$meta])* pub struct $name] [] [] $($fields)*);
    };
    (@field $head:tt [$($done:tt)*] [$($attrs:tt)*] #[stated] $($rest:tt)*) => {
        with_stated_fields!(@field $head [$($done)*] [$($attrs)*
            #[cfg_attr(
                not(target_arch = "wasm32"),
                serde(deserialize_with = "stated"),
                schemars(required, extend("type" = ["string", "null"]))
            )]
        ] $($rest)*);
    };
    (@field $head:tt [$($done:tt)*] [$($attrs:tt)*] #[$attr:meta] $($rest:tt)*) => {
        with_stated_fields!(@field $head [$($done)*] [$($attrs)* #[$attr]] $($rest)*);
    };
    (@field $head:tt [$($done:tt)*] [$($attrs:tt)*] pub $field:ident : $type:ty $(, $($rest:tt)*)?) => {
        with_stated_fields!(@field $head [$($done)* $($attrs)* pub $field: $type,] [] $($($rest)*)?);
    };
    (@field [$($head:tt)*] [$($done:tt)*] []) => {
        $($head)* { $($done)* }
    };
}

/// The whole dataset as published in `partnerships.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(
        title = "Digitale Partnerschaften",
        description = "Open dataset of digital partnerships between German public bodies (Länder, Kreise, Ämter, Gemeinden) and the organisations they run together."
    )
)]
pub struct Dataset {
    /// Optional address of the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Version of the schema this file follows (semantic version; major must be 1).
    pub schema_version: String,
    /// Version of the data itself, raised on every published change.
    pub dataset_version: String,
    /// Date of the last change to the data (`YYYY-MM-DD`).
    pub modified: String,
    /// Who publishes this dataset.
    pub publisher: Publisher,
    /// The licence of the data.
    pub license: License,
    /// Names of the bodies with an official key that the data refers to.
    pub bodies: Vec<Body>,
    /// Organisations without an official key (an AöR, a company, an alliance)
    /// and who their members or owners are.
    pub organisations: Vec<Organisation>,
    /// The partnerships.
    pub partnerships: Vec<Partnership>,
}

with_stated_fields! {
    /// The publisher of the dataset.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
    pub struct Publisher {
        /// Name of the publisher.
        pub name: String,
        /// Web address of the publisher (`http` or `https`), or `null` if none.
        #[stated]
        pub url: Option<String>,
    }
}

/// The licence under which the data may be used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub struct License {
    /// Licence identifier, e.g. `dl-de/by-2-0`.
    pub id: String,
    /// Full name of the licence.
    pub name: String,
    /// Web address of the licence text.
    pub url: String,
}

/// What an organisation's or a partnership's id looks like (lowercase
/// letters, digits and single hyphens), as the schema states it.
pub const ID_PATTERN: &str = r"^[a-z0-9]+(-[a-z0-9]+)*$";

/// A body with an official key (Land, Kreis, Amt, Gemeinde).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub struct Body {
    /// Official key: 2 (Land), 5 (Kreis), 8 (AGS), 9 (Amt/Gemeindeverband) or 12 (ARS) digits.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = crate::model::key::KEY_PATTERN))
    )]
    pub key: String,
    /// Name as shown to readers, e.g. `Kreis Segeberg`.
    pub name: String,
}

with_stated_fields! {
    /// An organisation without an official key.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
    pub struct Organisation {
        /// Stable identifier (lowercase letters, digits and hyphens); never reused.
        #[cfg_attr(
            not(target_arch = "wasm32"),
            schemars(regex(pattern = ID_PATTERN))
        )]
        pub id: String,
        /// Name as shown to readers.
        pub name: String,
        /// Legal or organisational form in German, e.g. `Anstalt des öffentlichen Rechts`, or `null` if unknown.
        #[stated]
        pub form: Option<String>,
        /// Who the organisation's members or owners are.
        pub members: Vec<Membership>,
    }
}

/// One member or owner of an organisation.
// `key`/`org`/`name` repeat those of `Partner` on purpose: a shared struct
// with `#[serde(flatten)]` would make the wasm deserializer buffer every
// entry and grow the bundle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub struct Membership {
    /// Official key of a body listed in `bodies` (exactly one of `key`, `org`, `name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Id of an organisation listed in `organisations` (exactly one of `key`, `org`, `name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// Name of a body whose key is not known (exactly one of `key`, `org`, `name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether the party is a member or an owner (Träger, Gesellschafter).
    pub relation: Relation,
}

/// How a party belongs to an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// A member, e.g. of an alliance.
    Member,
    /// An owner: Träger of an AöR, Gesellschafter of a company.
    Owner,
}

/// A digital partnership.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub struct Partnership {
    /// Stable identifier (lowercase letters, digits and hyphens); never reused.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = ID_PATTERN))
    )]
    pub id: String,
    /// Short name of the partnership, in German.
    pub title: String,
    /// What kind of partnership it is.
    pub kind: Kind,
    /// Where it stands.
    pub status: Status,
    /// Topics, in German.
    pub topics: Vec<String>,
    /// What the partnership is, in a few plain German sentences for
    /// citizens: the box and the static HTML show it to every reader.
    pub description: String,
    /// A note for the dataset's curators (e.g. what the partnership must not
    /// be confused with); published with the data, never shown to readers.
    #[serde(
        rename = "curatorNote",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub curator_note: Option<String>,
    /// The partners, each with its own role and dates.
    pub partners: Vec<Partner>,
    /// Where the facts come from.
    pub sources: Vec<Source>,
}

/// What kind of partnership it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A jointly owned Anstalt des öffentlichen Rechts (AöR).
    AnstaltOeffentlichenRechts,
    /// Bodies take a share in a company.
    Gesellschaftsbeteiligung,
    /// A cooperation agreement.
    Kooperationsvereinbarung,
    /// A cooperation between administrations of different levels.
    Verwaltungskooperation,
    /// A cooperation between municipalities.
    InterkommunaleKooperation,
    /// A joint application for funding.
    Foerderantrag,
}

/// Where a partnership stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Agreed but not yet started.
    Planned,
    /// Funding or admission has been applied for.
    Applied,
    /// In force.
    Active,
    /// Ended.
    Ended,
}

with_stated_fields! {
    /// A partner in a partnership.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
    pub struct Partner {
        /// Official key of a body listed in `bodies` (exactly one of `key`, `org`, `name`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub key: Option<String>,
        /// Id of an organisation listed in `organisations` (exactly one of `key`, `org`, `name`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub org: Option<String>,
        /// Name of a body whose key is not known (exactly one of `key`, `org`, `name`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub name: Option<String>,
        /// Role in the partnership or acting unit, in German, or `null` if unknown.
        #[stated]
        pub role: Option<String>,
        /// Since when this partner takes part (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or `null` if unknown.
        #[stated]
        pub since: Option<String>,
        /// When the partner's participation was first reported, if its start date is unknown
        /// (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); `null` otherwise.
        #[stated]
        pub reported: Option<String>,
    }
}

with_stated_fields! {
    /// A source of the facts about a partnership.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
    pub struct Source {
        /// Who published it, or `null` if the source does not say.
        #[stated]
        pub publisher: Option<String>,
        /// Title of the article or document, or `null` if the source does not give one.
        #[stated]
        pub title: Option<String>,
        /// Publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or `null` if unknown.
        #[stated]
        pub date: Option<String>,
        /// Web address (`http` or `https`), or `null` if the source gives none.
        #[stated]
        pub url: Option<String>,
    }
}

/// Who a partner or member is: the one reference it carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartyRef<'a> {
    /// A body with an official key (as written in the data).
    Key(&'a str),
    /// An organisation, by id.
    Org(&'a str),
    /// A body known only by name.
    Name(&'a str),
}

/// The single reference among `key`, `org` and `name`, or `None` when there
/// is not exactly one.
fn party_ref<'a>(
    key: &'a Option<String>,
    org: &'a Option<String>,
    name: &'a Option<String>,
) -> Option<PartyRef<'a>> {
    match (key, org, name) {
        (Some(k), None, None) => Some(PartyRef::Key(k)),
        (None, Some(o), None) => Some(PartyRef::Org(o)),
        (None, None, Some(n)) => Some(PartyRef::Name(n)),
        _ => None,
    }
}

impl Partner {
    /// Who this partner is; `None` when the entry names not exactly one party.
    pub fn party(&self) -> Option<PartyRef<'_>> {
        party_ref(&self.key, &self.org, &self.name)
    }
}

impl Membership {
    /// Who this member is; `None` when the entry names not exactly one party.
    pub fn party(&self) -> Option<PartyRef<'_>> {
        party_ref(&self.key, &self.org, &self.name)
    }
}

/// Reads a field that the schema requires even when it is `null` (unknown
/// is said explicitly). Natively only: with it serde reports a missing field
/// instead of reading it as `None`, so the maintainer's tool holds files to
/// the schema; the box stays lenient and reads a missing field as unknown.
#[cfg(not(target_arch = "wasm32"))]
fn stated<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(deserializer)
}
