//! `partnerships-data`: the dataset maintainer's tool. See `--help`.
//!
//! A thin command line over `partnerships_widget::tools`: every type and
//! rule comes from the library the widget uses. clap parses the arguments
//! and writes `--help`; usage errors exit with code 2.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};
use partnerships_widget::model::schema::json_schema;
use partnerships_widget::model::validate::Severity;
use partnerships_widget::texts::Lang;
use partnerships_widget::tools::register::{self, Register};
use partnerships_widget::tools::{
    assistant, check, dcat, publish, render, suggestions, today::today, ToolError,
};

/// Check, publish and render the dataset of digital partnerships.
#[derive(Parser)]
#[command(name = "partnerships-data", version, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// One variant per subcommand; adding a subcommand is one variant and one
/// arm in `main`.
#[derive(Subcommand)]
enum Command {
    /// Reports every problem in FILE: code, JSON pointer, line:column, message.
    ///
    /// Warnings (W...) are listed apart from errors (E...).
    /// Exit code 0 = valid (warnings allowed), 1 = invalid, 2 = unreadable.
    /// Kreis keys are checked against the official register (W203).
    Validate {
        /// The dataset to check.
        file: PathBuf,
        /// Output for people (text) or machines (json).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        register: RegisterArg,
    },
    /// Prints the JSON Schema of the dataset (the checked-in one).
    Schema,
    /// Prints what the loader must know before the wasm arrives (key
    /// pattern, slice address rule, its words), as JSON for the build.
    Facts,
    /// Writes the published files of the dataset into DIR.
    ///
    /// The normalised, minified dataset (partnerships.json), its schema, one
    /// slice per area (slices/AREA.json: every Land, every Kreis and
    /// kreisfreie Stadt of the register and of the dataset; a key's area is
    /// its Kreis, or its Land) and their index (slices/index.json), the
    /// DCAT-AP.de catalog for open-data portals (catalog.jsonld, the same as
    /// Turtle in catalog.ttl) and a manifest of SHA-256 hashes
    /// (manifest.json).
    Publish {
        /// The dataset to publish.
        file: PathBuf,
        /// The folder to write into.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The publisher's values for the catalog (base URL, texts,
        /// keywords, contact point, maintainer, attribution).
        #[arg(long, value_name = "FILE", default_value = dcat::CONFIG_PATH)]
        config: PathBuf,
        /// The address the folder is served at, instead of the config's
        /// baseUrl: the catalog's addresses are absolute.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        #[command(flatten)]
        register: RegisterArg,
    },
    /// Prints a static, accessible HTML box for the host KEY.
    ///
    /// With schema.org microdata, for pages without scripts.
    Render {
        /// The official key of the host (Land, Kreis, Gemeinde, Amt).
        key: String,
        #[command(flatten)]
        data: DataArg,
        /// The box's own words and date forms.
        #[arg(long, value_enum, default_value_t = LangArg(Lang::De))]
        lang: LangArg,
    },
    /// Prints (JSON) what the Einbindungsassistent suggests.
    ///
    /// Every body of the dataset, the 16 Länder and every Kreis and
    /// kreisfreie Stadt of the register: key (k), name (n), kind (t), and
    /// d: true for bodies of the dataset.
    Suggestions {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        register: RegisterArg,
    },
    /// Writes what the Einbindungsassistent downloads into DIR.
    ///
    /// suggestions.json (the suggestions and the register's source, licence
    /// and Stand) and static/{de,en}/KEY.html, the static box of every
    /// suggestion. Without the register: the dataset's bodies and the
    /// Länder, with a note.
    Assistant {
        /// The folder to write into.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        register: RegisterArg,
    },
    /// Writes a deterministic synthetic Germany-sized dataset.
    ///
    /// For benchmarks and tests only; never publish it as data.
    Generate {
        /// The seed: the same seed writes the same file.
        #[arg(long, value_name = "N")]
        seed: u64,
        /// The file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// `--data`: the dataset a subcommand reads.
#[derive(Args)]
struct DataArg {
    /// The dataset to read.
    #[arg(
        id = "data",
        long = "data",
        value_name = "FILE",
        default_value = "www/partnerships.json"
    )]
    file: PathBuf,
}

/// `--register`: the official register of Kreise.
#[derive(Args)]
struct RegisterArg {
    /// The register's districts.json [default: the one scripts/setup
    /// installs, node_modules/landkreise-deutschland/data/districts.json]
    #[arg(id = "register", long = "register", value_name = "FILE")]
    file: Option<String>,
}

/// How `validate` reports.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One line per problem, then a summary.
    Text,
    /// One JSON object.
    Json,
}

/// A language of the box, named by its code (`Lang::code`).
#[derive(Clone, Copy)]
struct LangArg(Lang);

impl ValueEnum for LangArg {
    fn value_variants<'a>() -> &'a [Self] {
        &[LangArg(Lang::De), LangArg(Lang::En)]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.code()))
    }
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Validate {
            file,
            format,
            register,
        } => validate(&file, format, &register),
        Command::Schema => {
            print!("{}", json_schema());
            ExitCode::SUCCESS
        }
        Command::Facts => {
            println!(
                "{}",
                partnerships_widget::tools::loader_facts::loader_facts()
            );
            ExitCode::SUCCESS
        }
        Command::Publish {
            file,
            out,
            config,
            base_url,
            register,
        } => {
            let metadata = match dcat::Metadata::load(&config, base_url.as_deref()) {
                Ok(metadata) => metadata,
                Err(e) => return finish(Err(e)),
            };
            for placeholder in metadata.placeholders() {
                eprintln!("warning: {placeholder} is a placeholder: replace it before a release");
            }
            // Without the register (setup not run) only the Kreise the
            // dataset names get a slice: the summary says so.
            let register = match register_from(&register) {
                Ok(register) => register,
                Err(code) => return code,
            };
            finish(
                publish::publish_file(&file, &out, &metadata, register.as_ref())
                    .map(|summary| format!("{summary}\n")),
            )
        }
        Command::Render { key, data, lang } => {
            finish(render::render_file(&data.file, &key, lang.0))
        }
        Command::Suggestions { data, register } => run_suggestions(&data, &register),
        Command::Assistant {
            out,
            data,
            register,
        } => run_assistant(&out, &data, &register),
        Command::Generate { seed, out } => run_generate(seed, &out),
    }
}

fn validate(path: &Path, format: Format, register: &RegisterArg) -> ExitCode {
    let file = path.display();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{file}: cannot read: {e}");
            return ExitCode::from(2);
        }
    };
    // Kreis keys are checked against the official register when it is
    // installed (scripts/setup) or named with --register.
    let register = match register_from(register) {
        Ok(Some(register)) => Some(register),
        Ok(None) => {
            eprintln!("note: Kreis keys not checked against the register");
            None
        }
        Err(code) => return code,
    };
    let report = check::check_with(&text, today(), register.as_ref());
    match format {
        Format::Json => {
            let problems: Vec<serde_json::Value> = report
                .findings
                .iter()
                .map(|f| {
                    serde_json::json!({
                        "severity": if f.severity == Severity::Error { "error" } else { "warning" },
                        "code": f.code,
                        "pointer": f.pointer,
                        "line": f.position.map(|p| p.line),
                        "column": f.position.map(|p| p.column),
                        "message": f.message,
                    })
                })
                .collect();
            let out = serde_json::json!({
                "file": file.to_string(),
                "valid": report.errors() == 0,
                "errors": report.errors(),
                "warnings": report.warnings(),
                "problems": problems,
            });
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        Format::Text => {
            for severity in [Severity::Error, Severity::Warning] {
                for f in report.findings.iter().filter(|f| f.severity == severity) {
                    let at = f
                        .position
                        .map(|p| format!("{}:{}", p.line, p.column))
                        .unwrap_or_else(|| "?".into());
                    let kind = if severity == Severity::Error {
                        "error"
                    } else {
                        "warning"
                    };
                    let pointer = if f.pointer.is_empty() {
                        "/"
                    } else {
                        &f.pointer
                    };
                    println!("{file}:{at}: {kind} {} {pointer}: {}", f.code, f.message);
                }
            }
            println!(
                "{file}: {} error(s), {} warning(s)",
                report.errors(),
                report.warnings()
            );
        }
    }
    if report.errors() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Prints a tool's output, or its error with the matching exit code.
fn finish(result: Result<String, ToolError>) -> ExitCode {
    match result {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}

/// The register named by `--register`, else the installed one; `None`
/// (after saying so) when none is installed, an exit code when the named
/// one cannot be read.
fn register_from(arg: &RegisterArg) -> Result<Option<Register>, ExitCode> {
    match Register::find(arg.file.as_deref()) {
        Some(Ok(register)) => Ok(Some(register)),
        Some(Err(e)) => {
            eprintln!("{e}");
            Err(ExitCode::from(2))
        }
        None => {
            eprintln!(
                "{} not found: run scripts/setup, or name it with --register FILE",
                register::DEFAULT_PATH
            );
            Ok(None)
        }
    }
}

fn run_suggestions(data: &DataArg, register: &RegisterArg) -> ExitCode {
    let dataset = match partnerships_widget::tools::load_valid(&data.file) {
        Ok(dataset) => dataset,
        Err(e) => return finish(Err(e)),
    };
    let register = match register_from(register) {
        Ok(Some(register)) => register,
        Ok(None) => return ExitCode::from(2),
        Err(code) => return code,
    };
    let all = suggestions::suggestions(&dataset, Some(&register));
    println!("{}", serde_json::to_string(&all).unwrap_or_default());
    ExitCode::SUCCESS
}

fn run_assistant(out: &Path, data: &DataArg, register: &RegisterArg) -> ExitCode {
    let dataset = match partnerships_widget::tools::load_valid(&data.file) {
        Ok(dataset) => dataset,
        Err(e) => return finish(Err(e)),
    };
    // Without the register (setup not run) the assistant still works, with
    // fewer suggestions: say so rather than fail the preview build.
    let register = match register_from(register) {
        Ok(register) => register,
        Err(code) => return code,
    };
    match assistant::write(&dataset, register.as_ref(), out) {
        Ok(w) => {
            println!(
                "wrote {}: {} suggestions, {} static boxes, {} bytes",
                out.display(),
                w.suggestions,
                w.static_boxes,
                w.bytes
            );
            ExitCode::SUCCESS
        }
        Err(e) => finish(Err(e)),
    }
}

fn run_generate(seed: u64, out: &Path) -> ExitCode {
    let dataset = partnerships_widget::tools::generate::generate(seed);
    let bytes = serde_json::to_vec(&dataset).unwrap_or_default();
    match std::fs::write(out, &bytes) {
        Ok(()) => {
            println!(
                "wrote {}: {} bodies, {} organisations, {} partnerships, {} bytes",
                out.display(),
                dataset.bodies.len(),
                dataset.organisations.len(),
                dataset.partnerships.len(),
                bytes.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: cannot write: {e}", out.display());
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// clap checks a command line's definition (unique names, defaults
    /// among the possible values) only when it is first parsed.
    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
