//! Where each value of a JSON text stands: JSON pointer → line and column,
//! so a validator can point a maintainer at the exact place in the file.

use std::collections::HashMap;

/// A 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, counted in characters.
    pub column: usize,
}

struct Scanner<'t> {
    chars: std::iter::Peekable<std::str::Chars<'t>>,
    line: usize,
    column: usize,
    found: HashMap<String, Position>,
}

/// Escapes one reference token of a JSON pointer (RFC 6901).
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

impl Scanner<'_> {
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

    /// Scans one value at `pointer`; `None` on malformed JSON (the caller
    /// reports syntax errors through serde_json, which knows them better).
    fn value(&mut self, pointer: &str) -> Option<()> {
        self.skip_space();
        self.found.insert(
            pointer.to_owned(),
            Position {
                line: self.line,
                column: self.column,
            },
        );
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
                            self.value(&format!("{pointer}/{}", escape_token(&key)))?;
                        }
                        _ => return None,
                    }
                }
            }
            '[' => {
                self.bump();
                let mut index = 0;
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
                            self.value(&format!("{pointer}/{index}"))?;
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
}

/// The position of every value in `text`, by JSON pointer (`""` is the root).
///
/// ```
/// use partnerships_widget::tools::positions::{locate, Position};
/// let at = locate("{\n  \"a\": [1,\n    2]\n}");
/// assert_eq!(at["/a/1"], Position { line: 3, column: 5 });
/// ```
pub fn locate(text: &str) -> HashMap<String, Position> {
    let mut scanner = Scanner {
        chars: text.chars().peekable(),
        line: 1,
        column: 1,
        found: HashMap::new(),
    };
    let _ = scanner.value("");
    scanner.found
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
