//! Joining and cutting texts, written out for the size of the wasm: the
//! standard `join` and `split` with `char` patterns are generic routines
//! (a searcher per pattern type) of about 1 KB each in the wasm
//! (measured), and the box joins and cuts only a few short texts.

/// `parts` with `separator` between them, as the standard `join` does.
///
/// ```
/// use partnerships_widget::model::text::joined;
/// assert_eq!(joined(&["Kiel", "Lübeck"], ", "), "Kiel, Lübeck");
/// assert_eq!(joined::<&str>(&[], ", "), "");
/// ```
pub fn joined<S: AsRef<str>>(parts: &[S], separator: &str) -> String {
    let mut text = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            text.push_str(separator);
        }
        text.push_str(part.as_ref());
    }
    text
}

/// `text` up to the first of the ASCII bytes `stops`, and the rest after
/// that stop, if there is one.
///
/// ```
/// use partnerships_widget::model::text::cut;
/// assert_eq!(cut("2025-04-28", b"-"), ("2025", Some("04-28")));
/// assert_eq!(cut("https://a.de/b?c", b"/?#"), ("https:", Some("/a.de/b?c")));
/// assert_eq!(cut("2025", b"-"), ("2025", None));
/// ```
#[allow(clippy::manual_contains)] // see the comment inside
pub fn cut<'a>(text: &'a str, stops: &[u8]) -> (&'a str, Option<&'a str>) {
    // `iter().any`, not `contains`: the slice's `contains` for bytes is a
    // memchr routine of some 600 bytes in the wasm.
    match text
        .bytes()
        .position(|b| stops.iter().any(|&stop| stop == b))
    {
        // An ASCII byte is always a char boundary: `get` never fails here.
        Some(i) => (text.get(..i).unwrap_or(text), text.get(i + 1..)),
        None => (text, None),
    }
}

#[cfg(test)]
mod tests {
    use super::{cut, joined};

    #[test]
    fn cuts_as_split_does() {
        for text in ["", "a", "a-b", "-a-", "ä-ö-ü", "a--b"] {
            let mut parts = text.split(['-', '?']);
            let (head, rest) = cut(text, b"-?");
            assert_eq!(Some(head), parts.next());
            assert_eq!(rest, text.split_once(['-', '?']).map(|(_, rest)| rest));
        }
    }

    #[test]
    fn joins_as_the_standard_join_does() {
        for parts in [vec![], vec!["a"], vec!["a", "b"], vec!["", "b", ""]] {
            assert_eq!(joined(&parts, ", "), parts.join(", "));
            let owned: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
            assert_eq!(joined(&owned, "-"), owned.join("-"));
        }
    }
}
