//! `partnerships-data`: the dataset maintainer's tool. See `--help`.
//!
//! A thin command line over `partnerships_widget::tools`: every type and
//! rule comes from the library the widget uses.

use std::path::PathBuf;
use std::process::ExitCode;

use partnerships_widget::model::schema::json_schema;
use partnerships_widget::model::validate::Severity;
use partnerships_widget::texts::Lang;
use partnerships_widget::tools::register::{self, Register};
use partnerships_widget::tools::{
    assistant, check, publish, render, suggestions, today::today, ToolError,
};

const HELP: &str = "\
partnerships-data: check, publish and render the dataset of digital partnerships

USAGE:
    partnerships-data validate FILE [--format text|json] [--register FILE]
    partnerships-data schema
    partnerships-data publish FILE --out DIR [--base-url URL]
    partnerships-data render KEY [--data FILE] [--lang de|en]
    partnerships-data suggestions [--data FILE] [--register FILE]
    partnerships-data assistant --out DIR [--data FILE] [--register FILE]
    partnerships-data generate --seed N --out FILE
    partnerships-data --help

COMMANDS:
    validate   Reports every problem in FILE: code, JSON pointer, line:column, message.
               Warnings (W...) are listed apart from errors (E...).
               Exit code 0 = valid (warnings allowed), 1 = invalid, 2 = unreadable.
               Kreis keys are checked against the official register (W203):
               --register FILE, default node_modules/landkreise-deutschland/
               data/districts.json (installed by scripts/setup).
    schema     Prints the JSON Schema of the dataset (the checked-in one).
    publish    Writes into DIR: the normalised, minified dataset (partnerships.json),
               its schema, one slice per host key (slices/KEY.json) and their index
               (slices/index.json), DCAT-AP.de metadata (dcat.jsonld) and a manifest
               of SHA-256 hashes (manifest.json). --base-url makes the DCAT
               distribution addresses absolute.
    render     Prints a static, accessible HTML box for the host KEY with schema.org
               JSON-LD, for pages without scripts (default data: www/partnerships.json,
               default language de).
    suggestions Prints (JSON) what the Einbindungsassistent suggests: every body of
               the dataset (default www/partnerships.json), the 16 Länder and every
               Kreis and kreisfreie Stadt of the register: key (k), name (n), kind (t),
               and d: true for bodies of the dataset.
    assistant  Writes what the Einbindungsassistent downloads into DIR: suggestions.json
               (the suggestions and the register's source, licence and Stand) and
               static/{de,en}/KEY.html, the static box of every suggestion. Without
               the register: the dataset's bodies and the Länder, with a note.
    generate   Writes a deterministic synthetic Germany-sized dataset (for benchmarks
               and tests only; never publish it as data).
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        eprint!("{HELP}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    match command.as_str() {
        "-h" | "--help" | "help" => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        "schema" => {
            print!("{}", json_schema());
            ExitCode::SUCCESS
        }
        "validate" => validate(rest),
        "publish" => run_publish(rest),
        "render" => run_render(rest),
        "suggestions" => run_suggestions(rest),
        "assistant" => run_assistant(rest),
        "generate" => run_generate(rest),
        other => {
            eprintln!("unknown command {other:?}\n\n{HELP}");
            ExitCode::from(2)
        }
    }
}

/// The value after `--name`, if given.
fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

/// The first argument that is neither an option nor an option's value.
fn positional(args: &[String]) -> Option<&str> {
    let mut skip = false;
    for arg in args {
        if skip {
            skip = false;
        } else if arg.starts_with("--") {
            skip = true;
        } else {
            return Some(arg);
        }
    }
    None
}

fn validate(args: &[String]) -> ExitCode {
    let Some(file) = positional(args) else {
        eprintln!("validate needs a FILE\n\n{HELP}");
        return ExitCode::from(2);
    };
    let json = match option(args, "--format") {
        None | Some("text") => false,
        Some("json") => true,
        Some(other) => {
            eprintln!("unknown format {other:?}: use text or json");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{file}: cannot read: {e}");
            return ExitCode::from(2);
        }
    };
    // Kreis keys are checked against the official register when it is
    // installed (scripts/setup) or named with --register.
    let register = match register_from(args) {
        Ok(Some(register)) => Some(register),
        Ok(None) => {
            eprintln!("note: Kreis keys not checked against the register");
            None
        }
        Err(code) => return code,
    };
    let report = check::check_with(&text, today(), register.as_ref());
    if json {
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
            "file": file,
            "valid": report.errors() == 0,
            "errors": report.errors(),
            "warnings": report.warnings(),
            "problems": problems,
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
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
    if report.errors() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn run_publish(args: &[String]) -> ExitCode {
    let (Some(file), Some(out)) = (positional(args), option(args, "--out")) else {
        eprintln!("publish needs FILE and --out DIR\n\n{HELP}");
        return ExitCode::from(2);
    };
    let result = publish::publish_file(
        file.as_ref(),
        &PathBuf::from(out),
        option(args, "--base-url"),
    );
    finish(result.map(|summary| format!("{summary}\n")))
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

fn run_render(args: &[String]) -> ExitCode {
    let Some(key) = positional(args) else {
        eprintln!("render needs a KEY\n\n{HELP}");
        return ExitCode::from(2);
    };
    let file = option(args, "--data").unwrap_or("www/partnerships.json");
    let lang = match option(args, "--lang") {
        None | Some("de") => Lang::De,
        Some("en") => Lang::En,
        Some(other) => {
            eprintln!("--lang must be de or en, not {other:?}");
            return ExitCode::from(2);
        }
    };
    finish(render::render_file(file.as_ref(), key, lang))
}

/// The register named by `--register`, else the installed one; `None`
/// (after saying so) when none is installed, an exit code when the named
/// one cannot be read.
fn register_from(args: &[String]) -> Result<Option<Register>, ExitCode> {
    match Register::find(option(args, "--register")) {
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

fn run_suggestions(args: &[String]) -> ExitCode {
    let file = option(args, "--data").unwrap_or("www/partnerships.json");
    let dataset = match partnerships_widget::tools::load_valid(file.as_ref()) {
        Ok(dataset) => dataset,
        Err(e) => return finish(Err(e)),
    };
    let register = match register_from(args) {
        Ok(Some(register)) => register,
        Ok(None) => return ExitCode::from(2),
        Err(code) => return code,
    };
    let all = suggestions::suggestions(&dataset, Some(&register));
    println!("{}", serde_json::to_string(&all).unwrap_or_default());
    ExitCode::SUCCESS
}

fn run_assistant(args: &[String]) -> ExitCode {
    let Some(out) = option(args, "--out") else {
        eprintln!("assistant needs --out DIR\n\n{HELP}");
        return ExitCode::from(2);
    };
    let file = option(args, "--data").unwrap_or("www/partnerships.json");
    let dataset = match partnerships_widget::tools::load_valid(file.as_ref()) {
        Ok(dataset) => dataset,
        Err(e) => return finish(Err(e)),
    };
    // Without the register (setup not run) the assistant still works, with
    // fewer suggestions: say so rather than fail the preview build.
    let register = match register_from(args) {
        Ok(register) => register,
        Err(code) => return code,
    };
    match assistant::write(&dataset, register.as_ref(), out.as_ref()) {
        Ok(w) => {
            println!(
                "wrote {out}: {} suggestions, {} static boxes, {} bytes",
                w.suggestions, w.static_boxes, w.bytes
            );
            ExitCode::SUCCESS
        }
        Err(e) => finish(Err(e)),
    }
}

fn run_generate(args: &[String]) -> ExitCode {
    let seed = option(args, "--seed").and_then(|s| s.parse::<u64>().ok());
    let (Some(seed), Some(out)) = (seed, option(args, "--out")) else {
        eprintln!("generate needs --seed N and --out FILE\n\n{HELP}");
        return ExitCode::from(2);
    };
    let dataset = partnerships_widget::tools::generate::generate(seed);
    let bytes = serde_json::to_vec(&dataset).unwrap_or_default();
    match std::fs::write(out, &bytes) {
        Ok(()) => {
            println!(
                "wrote {out}: {} bodies, {} organisations, {} partnerships, {} bytes",
                dataset.bodies.len(),
                dataset.organisations.len(),
                dataset.partnerships.len(),
                bytes.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{out}: cannot write: {e}");
            ExitCode::from(2)
        }
    }
}
