//! The box: its shell, a Leptos component, and the content below it, built
//! with plain DOM calls; one part per file, each with its CSS beside it.

use crate::texts::{Lang, Texts};

mod class;
mod filters;
mod fit;
mod host_list;
mod list;
mod partner_network;
mod partnership_item;
mod partnerships_box;

pub use partnerships_box::PartnershipsBox;

/// Class of the box's root in the light theme, the default.
const LIGHT: &str = "dp-root";

/// How a box looks on its host page: the level of its heading
/// (`data-heading-level`, 2–6, default 2; nested headings follow, at most
/// h6), its colour theme (`data-theme`) and its language (`data-lang`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    level: u8,
    /// Class of the box's root for the theme.
    pub theme_class: &'static str,
    /// The reader's language.
    pub lang: Lang,
    /// True for the partner network above the list (`data-view="network"`).
    pub network: bool,
}

impl Look {
    /// From the loader's values; anything unknown means the default.
    pub fn new(heading_level: u32, theme: &str, lang: &str, view: &str) -> Self {
        Look {
            network: view == "network",
            lang: Lang::from_code(lang),
            level: if (2..=6).contains(&heading_level) {
                heading_level as u8
            } else {
                2
            },
            theme_class: match theme {
                "dark" => "dp-root dp-dark",
                "auto" => "dp-root dp-auto",
                _ => LIGHT,
            },
        }
    }

    /// True when the page's static content can stand for this box: it shows
    /// the list in the host page's own style, so not the network view nor a
    /// chosen colour theme (dark or automatic).
    pub fn static_can_stand_for(self) -> bool {
        !self.network && self.theme_class == LIGHT
    }

    /// The words of the box.
    pub fn texts(self) -> &'static Texts {
        self.lang.texts()
    }

    /// The heading element `depth` levels below the box's own heading.
    pub fn heading(self, depth: u8) -> &'static str {
        match self.level.saturating_add(depth) {
            2 => "h2",
            3 => "h3",
            4 => "h4",
            5 => "h5",
            _ => "h6",
        }
    }
}
