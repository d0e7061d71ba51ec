//! Writing the published files, each with its SHA-256 and size in the
//! manifest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::json;
use crate::tools::ToolError;

/// A file's manifest entry.
#[derive(Clone, Debug, Serialize)]
pub struct FileEntry {
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: usize,
}

impl FileEntry {
    /// The entry of a file with this content.
    pub fn of(content: &[u8]) -> Self {
        use std::fmt::Write;
        let mut sha256 = String::with_capacity(64);
        for b in Sha256::digest(content) {
            let _ = write!(sha256, "{b:02x}");
        }
        FileEntry {
            sha256,
            bytes: content.len(),
        }
    }
}

/// Writes `content` as `name` (a path relative to `dir`, its folders made
/// as needed), saying which file could not be written; returns its entry.
pub fn put(dir: &Path, name: &str, content: &[u8]) -> Result<FileEntry, ToolError> {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            ToolError::Unreadable(format!("{}: cannot create: {e}", parent.display()))
        })?;
    }
    std::fs::write(&path, content)
        .map_err(|e| ToolError::Unreadable(format!("{}: cannot write: {e}", path.display())))?;
    Ok(FileEntry::of(content))
}

/// The files written into one folder, for `manifest.json`.
pub struct Manifest {
    dir: PathBuf,
    files: BTreeMap<String, FileEntry>,
}

impl Manifest {
    /// An empty manifest of the folder `dir`.
    pub fn new(dir: &Path) -> Self {
        Manifest {
            dir: dir.to_owned(),
            files: BTreeMap::new(),
        }
    }

    /// Writes a file and lists it; returns its size.
    pub fn write(&mut self, name: &str, content: &[u8]) -> Result<usize, ToolError> {
        let entry = put(&self.dir, name, content)?;
        let bytes = entry.bytes;
        self.files.insert(name.to_owned(), entry);
        Ok(bytes)
    }

    /// The entry of a file written or listed so far.
    pub fn entry(&self, name: &str) -> Option<&FileEntry> {
        self.files.get(name)
    }

    /// Lists a file written with [`put`].
    pub fn list(&mut self, name: String, entry: FileEntry) {
        self.files.insert(name, entry);
    }

    /// Writes `manifest.json`: the algorithm and every listed file.
    pub fn finish(self) -> Result<(), ToolError> {
        let manifest = serde_json::json!({ "algorithm": "sha256", "files": self.files });
        put(&self.dir, "manifest.json", &json(&manifest)).map(drop)
    }
}
