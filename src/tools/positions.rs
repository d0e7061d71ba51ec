//! Where each value of a JSON text stands: JSON pointer → line and column,
//! so a validator can point a maintainer at the exact place in the file.

use std::collections::{HashMap, HashSet};

/// A 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, counted in characters.
    pub column: usize,
}

struct Scanner<'t, 'w> {
    chars: std::iter::Peekable<std::str::Chars<'t>>,
    line: usize,
    column: usize,
    /// The pointer of the value being scanned, grown and cut in place.
    pointer: String,
    /// Only these pointers are recorded.
    wanted: &'w HashSet<String>,
    found: HashMap<String, Position>,
}

/// Escapes one reference token of a JSON pointer (RFC 6901).
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

impl Scanner<'_, '_> {
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn skip_space(&mut self) {
        while self.chars.peek().is_some_and(|c| c.is_whitespace()) {
            self.bump();
        }
    }

    fn string(&mut self) -> Option<String> {
        self.bump(); // opening quote
        let mut out = String::new();
        loop {
            match self.bump()? {
                '"' => return Some(out),
                '\\' => match self.bump()? {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'u' => {
                        let hex: String = (0..4).filter_map(|_| self.bump()).collect();
                        out.push(
                            u32::from_str_radix(&hex, 16)
                                .ok()
                                .and_then(char::from_u32)
                                .unwrap_or('\u{fffd}'),
                        );
                    }
                    other => out.push(other),
                },
                c => out.push(c),
            }
        }
    }

    /// Scans one value at `self.pointer`; `None` on malformed JSON (the
    /// caller reports syntax errors through serde_json, which knows them better).
    fn value(&mut self) -> Option<()> {
        self.skip_space();
        if self.wanted.contains(&self.pointer) {
            self.found.insert(
                self.pointer.clone(),
                Position {
                    line: self.line,
                    column: self.column,
                },
            );
        }
        match *self.chars.peek()? {
            '{' => {
                self.bump();
                loop {
                    self.skip_space();
                    match *self.chars.peek()? {
                        '}' => {
                            self.bump();
                            return Some(());
                        }
                        ',' => {
                            self.bump();
                        }
                        '"' => {
                            let key = self.string()?;
                            self.skip_space();
                            if self.bump()? != ':' {
                                return None;
                            }
                            self.child(&escape_token(&key))?;
                        }
                        _ => return None,
                    }
                }
            }
            '[' => {
                self.bump();
                let mut index = 0usize;
                loop {
                    self.skip_space();
                    match *self.chars.peek()? {
                        ']' => {
                            self.bump();
                            return Some(());
                        }
                        ',' => {
                            self.bump();
                        }
                        _ => {
                            self.child(&index.to_string())?;
                            index += 1;
                        }
                    }
                }
            }
            '"' => self.string().map(|_| ()),
            _ => {
                while self
                    .chars
                    .peek()
                    .is_some_and(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
                {
                    self.bump();
                }
                Some(())
            }
        }
    }

    fn child(&mut self, token: &str) -> Option<()> {
        let len = self.pointer.len();
        self.pointer.push('/');
        self.pointer.push_str(token);
        let result = self.value();
        self.pointer.truncate(len);
        result
    }
}

/// The positions of the `wanted` pointers in `text` (`""` is the root);
/// one pass, recording only what is asked for, so it stays cheap on a large file.
///
/// ```
/// use std::collections::HashSet;
/// use partnerships_widget::tools::positions::{locate_only, Position};
/// let wanted = HashSet::from(["/a/1".to_owned()]);
/// let at = locate_only("{\n  \"a\": [1,\n    2]\n}", &wanted);
/// assert_eq!(at["/a/1"], Position { line: 3, column: 5 });
/// assert_eq!(at.len(), 1);
/// ```
pub fn locate_only(text: &str, wanted: &HashSet<String>) -> HashMap<String, Position> {
    let mut scanner = Scanner {
        chars: text.chars().peekable(),
        line: 1,
        column: 1,
        pointer: String::new(),
        wanted,
        found: HashMap::new(),
    };
    let _ = scanner.value();
    scanner.found
}

/// A pointer and all its parents (`/a/b/c`, `/a/b`, `/a`, ``): what
/// [`position_of`] may look up.
pub fn with_parents(pointer: &str) -> impl Iterator<Item = &str> {
    let mut current = Some(pointer);
    std::iter::from_fn(move || {
        let this = current?;
        current = this.rfind('/').map(|cut| &this[..cut]);
        Some(this)
    })
}

/// The position of `pointer`, or of its nearest existing parent (a missing
/// field is reported at the object that lacks it).
pub fn position_of(positions: &HashMap<String, Position>, pointer: &str) -> Option<Position> {
    let mut current = pointer;
    loop {
        if let Some(p) = positions.get(current) {
            return Some(*p);
        }
        let cut = current.rfind('/')?;
        current = &current[..cut];
    }
}
