//! The content below the box's shell once the data are there: the partner
//! network (if asked for), the filters (for more than [`FIRST_PAGE`]), the
//! list and the licence line.

use std::rc::Rc;

use web_sys::Element;

use super::{class, filters, list, partner_network, Look};
use crate::model::dataset::Dataset;
use crate::presentation::{HostBox, FIRST_PAGE};
use crate::widget::dom::{append, element, link_or_span, text};

/// Builds the host's partnerships of `view` into `content`; `root` is the
/// box's root, whose status line the filters speak through.
pub fn fill(
    content: &Element,
    view: Rc<HostBox>,
    dataset: Rc<Dataset>,
    root: &Element,
    look: Look,
) -> Option<()> {
    let texts = look.texts();
    if look.network {
        append(
            content,
            partner_network::build(&view.network(&dataset), texts)?,
        )?;
    }
    let area = element("div", class::LIST_AREA)?;
    if view.count > FIRST_PAGE {
        append(content, filters::build(&view, &dataset, root, &area, look)?)?;
    }
    list::fill(&area, Rc::clone(&view), dataset, look)?;
    append(content, area)?;
    let footer = element("p", class::FOOTER)?;
    text(
        &footer,
        &[view.as_of.as_str(), " · ", texts.data_license, " "].concat(),
    );
    link_or_span(
        &footer,
        view.license_url.as_deref(),
        "license noopener noreferrer",
        &view.license_name,
    )?;
    append(content, footer)?;
    Some(())
}
