//! Reads the dataset's JSON text straight into its types, for the box.
//!
//! The box used to parse the text with the browser's `JSON.parse` and then
//! convert every value across the wasm boundary with serde; this reader
//! does both in one pass inside the wasm with little code: one reader
//! struct, no generic visitors, no number parsing (the dataset has no
//! numbers, and a number where a text belongs is simply the wrong shape),
//! no lookup tables and no indexing that could panic.
//!
//! It reads what the serde derives of [`crate::model::dataset`] read on the
//! wasm build: unknown members are skipped, a member given twice is an
//! error, and a field that may be `null` may also be missing (the maintainer's
//! tool, natively, requires those fields; the box stays lenient). It is
//! stricter than serde in two ways that no dataset meets: lists and objects
//! may nest at most [`MAX_DEPTH`] deep (so hostile text cannot exhaust the
//! stack), and an object is never read from a list nor an enum from an
//! object (serde's alternative forms, which the schema does not allow).

use std::borrow::Cow;
use std::fmt;

use super::dataset::{
    Body, Dataset, Kind, License, Membership, Organisation, Partner, Partnership, Publisher,
    Relation, Source, Status,
};

/// How deep lists and objects may nest (a dataset needs 5; unknown members
/// may add some).
pub const MAX_DEPTH: usize = 32;

/// Why the text is not a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The text is not JSON.
    Syntax {
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem in characters, from 1.
        column: usize,
        /// What is wrong there.
        problem: &'static str,
    },
    /// Lists and objects nest deeper than [`MAX_DEPTH`].
    TooDeep {
        /// Line of the list or object that is one too deep, from 1.
        line: usize,
        /// Its column in characters, from 1.
        column: usize,
    },
    /// JSON, but a member is missing, repeated or of the wrong type.
    Shape {
        /// JSON Pointer of the member, e.g. `/partnerships/3/partners/0/key`
        /// (empty for the whole text).
        pointer: String,
        /// What is wrong with it.
        problem: &'static str,
    },
}

/// The problem of text that ends before its JSON does.
const CUT_OFF: &str = "the text ends too early";

impl ReadError {
    /// Whether the text is JSON that ends too early (a cut-off download).
    pub fn is_cut_off(&self) -> bool {
        matches!(self, ReadError::Syntax { problem, .. } if *problem == CUT_OFF)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Syntax {
                line,
                column,
                problem,
            } => write!(f, "line {line}, column {column}: {problem}"),
            ReadError::TooDeep { line, column } => write!(
                f,
                "line {line}, column {column}: lists and objects nested deeper than {MAX_DEPTH}"
            ),
            ReadError::Shape { pointer, problem } if pointer.is_empty() => {
                write!(f, "the whole text: {problem}")
            }
            ReadError::Shape { pointer, problem } => write!(f, "{pointer}: {problem}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads `text` as a dataset. Where the text is not JSON at all, that is
/// the error (with line and column), even if a member before the broken
/// place already had the wrong shape; otherwise the first member of the
/// wrong shape is named by its JSON Pointer.
pub fn read_dataset(text: &str) -> Result<Dataset, ReadError> {
    let mut reader = Reader::new(text);
    let error = match reader.dataset() {
        Ok(dataset) => return reader.end().map(|()| dataset),
        Err(error @ ReadError::Syntax { .. }) => return Err(error),
        Err(error) => error,
    };
    // The typed reading stopped at the first wrong member: a second, plain
    // pass finds out whether the text is JSON at all.
    let mut scan = Reader::new(text);
    scan.skip_value()?;
    scan.end()?;
    Err(error)
}

/// One step of the path to the member being read.
#[derive(Clone, Copy)]
enum Step {
    /// A member of an object, by name.
    Member(&'static str),
    /// An entry of a list, by position.
    Item(usize),
}

/// The top bit of a `seen` mask: the object has had a member, so the next
/// one must follow a comma. (Lower bits: which named members were read.)
const STARTED: u32 = 1 << 31;

const RELATIONS: &str = r#"expected "member" or "owner""#;
const KINDS: &str = r#"expected "anstalt-oeffentlichen-rechts", "gesellschaftsbeteiligung", "kooperationsvereinbarung", "verwaltungskooperation", "interkommunale-kooperation" or "foerderantrag""#;
const STATUSES: &str = r#"expected "planned", "applied", "active" or "ended""#;

/// The reading position in the text and the path to it.
struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Lists and objects open at `pos`.
    depth: usize,
    /// The typed members open at `pos` (skipped values add none).
    path: Vec<Step>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Reader {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
            path: Vec::new(),
        }
    }

    // ---- the dataset's types ----

    fn dataset(&mut self) -> Result<Dataset, ReadError> {
        let mut dataset = Dataset {
            schema: None,
            schema_version: String::new(),
            dataset_version: String::new(),
            modified: String::new(),
            publisher: Publisher {
                name: String::new(),
                url: None,
            },
            license: License {
                id: String::new(),
                name: String::new(),
                url: String::new(),
            },
            bodies: Vec::new(),
            organisations: Vec::new(),
            partnerships: Vec::new(),
        };
        let names = [
            "schemaVersion",
            "datasetVersion",
            "modified",
            "publisher",
            "license",
            "bodies",
            "organisations",
            "partnerships",
            "$schema",
        ];
        let mut seen = 0;
        self.object()?;
        while let Some(member) = self.member(&names, 8, &mut seen)? {
            match member {
                0 => dataset.schema_version = self.text()?,
                1 => dataset.dataset_version = self.text()?,
                2 => dataset.modified = self.text()?,
                3 => dataset.publisher = self.publisher()?,
                4 => dataset.license = self.license()?,
                5 => {
                    self.list()?;
                    while self.item(dataset.bodies.len())? {
                        dataset.bodies.push(self.body()?);
                    }
                }
                6 => {
                    self.list()?;
                    while self.item(dataset.organisations.len())? {
                        dataset.organisations.push(self.organisation()?);
                    }
                }
                7 => {
                    self.list()?;
                    while self.item(dataset.partnerships.len())? {
                        dataset.partnerships.push(self.partnership()?);
                    }
                }
                _ => dataset.schema = self.optional_text()?,
            }
        }
        Ok(dataset)
    }

    fn publisher(&mut self) -> Result<Publisher, ReadError> {
        let mut publisher = Publisher {
            name: String::new(),
            url: None,
        };
        let mut seen = 0;
        self.object()?;
        while let Some(member) = self.member(&["name", "url"], 1, &mut seen)? {
            match member {
                0 => publisher.name = self.text()?,
                _ => publisher.url = self.optional_text()?,
            }
        }
        Ok(publisher)
    }

    fn license(&mut self) -> Result<License, ReadError> {
        let mut license = License {
            id: String::new(),
            name: String::new(),
            url: String::new(),
        };
        let mut seen = 0;
        self.object()?;
        while let Some(member) = self.member(&["id", "name", "url"], 3, &mut seen)? {
            let value = self.text()?;
            match member {
                0 => license.id = value,
                1 => license.name = value,
                _ => license.url = value,
            }
        }
        Ok(license)
    }

    fn body(&mut self) -> Result<Body, ReadError> {
        let mut body = Body {
            key: String::new(),
            name: String::new(),
        };
        let mut seen = 0;
        self.object()?;
        while let Some(member) = self.member(&["key", "name"], 2, &mut seen)? {
            let value = self.text()?;
            match member {
                0 => body.key = value,
                _ => body.name = value,
            }
        }
        Ok(body)
    }

    fn organisation(&mut self) -> Result<Organisation, ReadError> {
        let mut organisation = Organisation {
            id: String::new(),
            name: String::new(),
            form: None,
            members: Vec::new(),
        };
        let mut seen = 0;
        self.object()?;
        while let Some(member) = self.member(&["id", "name", "members", "form"], 3, &mut seen)? {
            match member {
                0 => organisation.id = self.text()?,
                1 => organisation.name = self.text()?,
                2 => {
                    self.list()?;
                    while self.item(organisation.members.len())? {
                        organisation.members.push(self.membership()?);
                    }
                }
                _ => organisation.form = self.optional_text()?,
            }
        }
        Ok(organisation)
    }

    fn membership(&mut self) -> Result<Membership, ReadError> {
        let mut membership = Membership {
            key: None,
            org: None,
            name: None,
            relation: Relation::Member,
        };
        let mut seen = 0;
        self.object()?;
        while let Some(member) = self.member(&["relation", "key", "org", "name"], 1, &mut seen)? {
            match member {
                0 => {
                    membership.relation = match &*self.word(RELATIONS)? {
                        "member" => Relation::Member,
                        "owner" => Relation::Owner,
                        _ => return Err(self.shape(RELATIONS)),
                    }
                }
                1 => membership.key = self.optional_text()?,
                2 => membership.org = self.optional_text()?,
                _ => membership.name = self.optional_text()?,
            }
        }
        Ok(membership)
    }

    fn partnership(&mut self) -> Result<Partnership, ReadError> {
        let mut partnership = Partnership {
            id: String::new(),
            title: String::new(),
            kind: Kind::Kooperationsvereinbarung,
            status: Status::Active,
            topics: Vec::new(),
            description: String::new(),
            curator_note: None,
            partners: Vec::new(),
            sources: Vec::new(),
        };
        let names = [
            "id",
            "title",
            "kind",
            "status",
            "topics",
            "description",
            "partners",
            "sources",
            "curatorNote",
        ];
        let mut seen = 0;
        self.object()?;
        while let Some(member) = self.member(&names, 8, &mut seen)? {
            match member {
                0 => partnership.id = self.text()?,
                1 => partnership.title = self.text()?,
                2 => {
                    partnership.kind = match &*self.word(KINDS)? {
                        "anstalt-oeffentlichen-rechts" => Kind::AnstaltOeffentlichenRechts,
                        "gesellschaftsbeteiligung" => Kind::Gesellschaftsbeteiligung,
                        "kooperationsvereinbarung" => Kind::Kooperationsvereinbarung,
                        "verwaltungskooperation" => Kind::Verwaltungskooperation,
                        "interkommunale-kooperation" => Kind::InterkommunaleKooperation,
                        "foerderantrag" => Kind::Foerderantrag,
                        _ => return Err(self.shape(KINDS)),
                    }
                }
                3 => {
                    partnership.status = match &*self.word(STATUSES)? {
                        "planned" => Status::Planned,
                        "applied" => Status::Applied,
                        "active" => Status::Active,
                        "ended" => Status::Ended,
                        _ => return Err(self.shape(STATUSES)),
                    }
                }
                4 => {
                    self.list()?;
                    while self.item(partnership.topics.len())? {
                        partnership.topics.push(self.text()?);
                    }
                }
                5 => partnership.description = self.text()?,
                6 => {
                    self.list()?;
                    while self.item(partnership.partners.len())? {
                        partnership.partners.push(self.partner()?);
                    }
                }
                7 => {
                    self.list()?;
                    while self.item(partnership.sources.len())? {
                        partnership.sources.push(self.source()?);
                    }
                }
                // Read only to keep the dataset whole; the box never shows it.
                _ => partnership.curator_note = self.optional_text()?,
            }
        }
        Ok(partnership)
    }

    fn partner(&mut self) -> Result<Partner, ReadError> {
        let mut partner = Partner {
            key: None,
            org: None,
            name: None,
            role: None,
            since: None,
            reported: None,
        };
        let names = ["key", "org", "name", "role", "since", "reported"];
        let mut seen = 0;
        self.object()?;
        while let Some(member) = self.member(&names, 0, &mut seen)? {
            let value = self.optional_text()?;
            match member {
                0 => partner.key = value,
                1 => partner.org = value,
                2 => partner.name = value,
                3 => partner.role = value,
                4 => partner.since = value,
                _ => partner.reported = value,
            }
        }
        Ok(partner)
    }

    fn source(&mut self) -> Result<Source, ReadError> {
        let mut source = Source {
            publisher: None,
            title: None,
            date: None,
            url: None,
        };
        let names = ["publisher", "title", "date", "url"];
        let mut seen = 0;
        self.object()?;
        while let Some(member) = self.member(&names, 0, &mut seen)? {
            let value = self.optional_text()?;
            match member {
                0 => source.publisher = value,
                1 => source.title = value,
                2 => source.date = value,
                _ => source.url = value,
            }
        }
        Ok(source)
    }

    // ---- typed values ----

    /// Opens an object at the reading position (a shape error otherwise).
    fn object(&mut self) -> Result<(), ReadError> {
        if self.peek() != Some(b'{') {
            return Err(self.shape("expected an object"));
        }
        self.enter()?;
        self.path.push(Step::Member(""));
        Ok(())
    }

    /// The next member of the open object: its index in `names`, or `None`
    /// at the end of the object, where the first `required` names must
    /// have been read. Unknown members are skipped; a repeated one is an
    /// error. `seen` starts at 0 for each object.
    fn member(
        &mut self,
        names: &[&'static str],
        required: u32,
        seen: &mut u32,
    ) -> Result<Option<usize>, ReadError> {
        loop {
            if !self.next(b'}', *seen & STARTED != 0, "expected ',' or '}'")? {
                let missing = !*seen & ((1 << required) - 1);
                if missing != 0 {
                    let name = names.get(missing.trailing_zeros() as usize);
                    if let Some(top) = self.path.last_mut() {
                        *top = Step::Member(name.copied().unwrap_or(""));
                    }
                    return Err(self.shape("missing"));
                }
                self.path.pop();
                return Ok(None);
            }
            *seen |= STARTED;
            self.name_start()?;
            let name = self.string(true)?;
            self.colon()?;
            let Some(index) = names.iter().position(|known| **known == *name) else {
                self.skip_value()?;
                continue;
            };
            if let Some(top) = self.path.last_mut() {
                *top = Step::Member(names.get(index).copied().unwrap_or(""));
            }
            let bit = 1 << index;
            if *seen & bit != 0 {
                return Err(self.shape("given twice"));
            }
            *seen |= bit;
            return Ok(Some(index));
        }
    }

    /// Opens a list at the reading position (a shape error otherwise).
    fn list(&mut self) -> Result<(), ReadError> {
        if self.peek() != Some(b'[') {
            return Err(self.shape("expected a list"));
        }
        self.enter()?;
        self.path.push(Step::Item(0));
        Ok(())
    }

    /// Whether the open list has another entry after the `count` read.
    /// (Each list is read by a loop of its own over `list` and `item`: one
    /// generic function for all seven kinds of entries made the wasm 2.2 KB
    /// larger, 0.6 KiB brotli.)
    fn item(&mut self, count: usize) -> Result<bool, ReadError> {
        if !self.next(b']', count > 0, "expected ',' or ']'")? {
            self.path.pop();
            return Ok(false);
        }
        if let Some(top) = self.path.last_mut() {
            *top = Step::Item(count);
        }
        Ok(true)
    }

    /// A string.
    fn text(&mut self) -> Result<String, ReadError> {
        Ok(self.word("expected a string")?.into_owned())
    }

    /// A string (`expected` says which, for the error).
    fn word(&mut self, expected: &'static str) -> Result<Cow<'a, str>, ReadError> {
        if self.peek() != Some(b'"') {
            return Err(self.shape(expected));
        }
        self.string(true)
    }

    /// A string or `null`.
    fn optional_text(&mut self) -> Result<Option<String>, ReadError> {
        match self.peek() {
            Some(b'n') => self.literal(b"null").map(|()| None),
            Some(b'"') => Ok(Some(self.string(true)?.into_owned())),
            _ => Err(self.shape("expected a string or null")),
        }
    }

    // ---- JSON ----

    /// The next byte that is not whitespace, where the reading position
    /// then is.
    fn peek(&mut self) -> Option<u8> {
        while let Some(&byte) = self.bytes.get(self.pos) {
            if !matches!(byte, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(byte);
            }
            self.pos += 1;
        }
        None
    }

    /// Steps into the list or object whose bracket is at the reading position.
    fn enter(&mut self) -> Result<(), ReadError> {
        if self.depth >= MAX_DEPTH {
            let (line, column) = self.line_and_column();
            return Err(ReadError::TooDeep { line, column });
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    /// Whether another entry of the open list or object follows (after a
    /// comma once `started`); false after its `close` bracket.
    fn next(
        &mut self,
        close: u8,
        started: bool,
        expected: &'static str,
    ) -> Result<bool, ReadError> {
        match self.peek() {
            Some(byte) if byte == close => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if started => {
                self.pos += 1;
                Ok(true)
            }
            None => Err(self.syntax(CUT_OFF)),
            Some(_) if started => Err(self.syntax(expected)),
            Some(_) => Ok(true),
        }
    }

    /// Checks that a member's name starts at the reading position.
    fn name_start(&mut self) -> Result<(), ReadError> {
        match self.peek() {
            Some(b'"') => Ok(()),
            None => Err(self.syntax(CUT_OFF)),
            Some(_) => Err(self.syntax("expected a member name in double quotes")),
        }
    }

    fn colon(&mut self) -> Result<(), ReadError> {
        match self.peek() {
            Some(b':') => {
                self.pos += 1;
                Ok(())
            }
            None => Err(self.syntax(CUT_OFF)),
            Some(_) => Err(self.syntax("expected ':'")),
        }
    }

    /// Checks that nothing but whitespace follows the value.
    fn end(&mut self) -> Result<(), ReadError> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.syntax("more text after the end of the JSON value")),
        }
    }

    /// Reads over any value, checking only that it is JSON.
    fn skip_value(&mut self) -> Result<(), ReadError> {
        match self.peek() {
            Some(b'{') => {
                self.enter()?;
                let mut started = false;
                while self.next(b'}', started, "expected ',' or '}'")? {
                    started = true;
                    self.name_start()?;
                    self.string(false)?;
                    self.colon()?;
                    self.skip_value()?;
                }
                Ok(())
            }
            Some(b'[') => {
                self.enter()?;
                let mut started = false;
                while self.next(b']', started, "expected ',' or ']'")? {
                    started = true;
                    self.skip_value()?;
                }
                Ok(())
            }
            Some(b'"') => self.string(false).map(drop),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.syntax("expected a value")),
            None => Err(self.syntax(CUT_OFF)),
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), ReadError> {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        if word.starts_with(rest) {
            return Err(self.syntax(CUT_OFF));
        }
        if !rest.starts_with(word) {
            return Err(self.syntax("expected a value"));
        }
        self.pos += word.len();
        Ok(())
    }

    /// Reads over a number, checking its form only: the dataset has no
    /// numbers to keep.
    fn number(&mut self) -> Result<(), ReadError> {
        self.eat(b'-');
        if !self.eat(b'0') && self.digits() == 0 {
            return Err(self.syntax("invalid number"));
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(self.syntax("invalid number"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return Err(self.syntax("invalid number"));
            }
        }
        Ok(())
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.bytes.get(self.pos) == Some(&byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Reads over digits; how many.
    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// The string whose opening quote is at the reading position, borrowed
    /// from the text unless it has escapes. `strict`: a lone surrogate
    /// escape is an error (for what is kept; serde_json, too, lets it pass
    /// in what it skips).
    fn string(&mut self, strict: bool) -> Result<Cow<'a, str>, ReadError> {
        self.pos += 1;
        let mut start = self.pos;
        let mut decoded: Option<String> = None;
        loop {
            let Some(&byte) = self.bytes.get(self.pos) else {
                return Err(self.syntax(CUT_OFF));
            };
            match byte {
                b'"' => {
                    let rest = self.text.get(start..self.pos).unwrap_or_default();
                    self.pos += 1;
                    return Ok(match decoded {
                        None => Cow::Borrowed(rest),
                        Some(mut decoded) => {
                            decoded.push_str(rest);
                            Cow::Owned(decoded)
                        }
                    });
                }
                b'\\' => {
                    let decoded = decoded.get_or_insert_with(String::new);
                    decoded.push_str(self.text.get(start..self.pos).unwrap_or_default());
                    self.pos += 1;
                    decoded.push(self.escape(strict)?);
                    start = self.pos;
                }
                0..=0x1f => {
                    return Err(self.syntax("control character in a string (must be escaped)"))
                }
                _ => self.pos += 1,
            }
        }
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self, strict: bool) -> Result<char, ReadError> {
        let Some(&byte) = self.bytes.get(self.pos) else {
            return Err(self.syntax(CUT_OFF));
        };
        let escaped = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                self.pos += 1;
                return self.unicode_escape(strict);
            }
            _ => return Err(self.syntax("invalid escape")),
        };
        self.pos += 1;
        Ok(escaped)
    }

    /// The character of a `\uXXXX` escape (two for a surrogate pair).
    fn unicode_escape(&mut self, strict: bool) -> Result<char, ReadError> {
        let lone = "lone surrogate in a \\u escape";
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                let pair = self.bytes.get(self.pos..).unwrap_or_default();
                if pair.starts_with(b"\\u") {
                    self.pos += 2;
                    let second = self.hex4()?;
                    if (0xDC00..=0xDFFF).contains(&second) {
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    } else if strict {
                        return Err(self.syntax(lone));
                    } else {
                        // Skipped text: the value is dropped anyway.
                        second
                    }
                } else if strict {
                    return Err(self.syntax(lone));
                } else {
                    first
                }
            }
            0xDC00..=0xDFFF if strict => return Err(self.syntax(lone)),
            code => code,
        };
        Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    /// Four hexadecimal digits.
    fn hex4(&mut self) -> Result<u32, ReadError> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = self
                .bytes
                .get(self.pos)
                .and_then(|&byte| char::from(byte).to_digit(16));
            let Some(digit) = digit else {
                return Err(self.syntax("invalid \\u escape"));
            };
            value = value * 16 + digit;
            self.pos += 1;
        }
        Ok(value)
    }

    // ---- errors ----

    fn syntax(&self, problem: &'static str) -> ReadError {
        let (line, column) = self.line_and_column();
        ReadError::Syntax {
            line,
            column,
            problem,
        }
    }

    fn shape(&self, problem: &'static str) -> ReadError {
        let mut pointer = String::new();
        for step in &self.path {
            pointer.push('/');
            match step {
                Step::Member(name) => pointer.push_str(name),
                Step::Item(index) => pointer.push_str(&index.to_string()),
            }
        }
        ReadError::Shape { pointer, problem }
    }

    /// Line and column (in characters) of the reading position, from 1.
    fn line_and_column(&self) -> (usize, usize) {
        let before = self.bytes.get(..self.pos).unwrap_or(self.bytes);
        let line_start = before
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(0, |at| at + 1);
        let line = 1 + before.iter().filter(|&&byte| byte == b'\n').count();
        let column = 1 + before
            .get(line_start..)
            .unwrap_or_default()
            .iter()
            // Every byte that starts a character (not a UTF-8 continuation).
            .filter(|&&byte| byte & 0xC0 != 0x80)
            .count();
        (line, column)
    }
}
