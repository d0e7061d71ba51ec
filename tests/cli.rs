//! The `partnerships-data` command as a maintainer runs it: exit codes,
//! text and JSON output, schema and render.

mod common;

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_partnerships-data");

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn validate_exit_codes_are_ok_invalid_unreadable() {
    let (code, out, _) = run(&["validate", "www/partnerships.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 error(s), 0 warning(s)"));

    let (code, out, _) = run(&["validate", "tests/fixtures/invalid/E105-unknown-key.json"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("tests/fixtures/invalid/E105-unknown-key.json:")
            && out.contains(": error E105 /partnerships/0/partners/0/key: key \"01061\" is not listed in /bodies"),
        "{out}"
    );

    // Warnings alone keep the file valid.
    let (code, out, _) = run(&["validate", "tests/fixtures/invalid/W200-no-source.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("warning W200 /partnerships/0/sources"));

    let (code, _, err) = run(&["validate", "tests/fixtures/does-not-exist.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"));
}

#[test]
fn validate_speaks_json_for_machines() {
    let (code, out, _) = run(&[
        "validate",
        "tests/fixtures/invalid/many-errors.json",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"], 5);
    assert_eq!(report["warnings"], 1);
    let first = &report["problems"][0];
    assert_eq!(first["code"], "E100");
    assert_eq!(first["pointer"], "/schemaVersion");
    assert_eq!(first["severity"], "error");
    assert!(first["line"].as_u64().unwrap() > 1);
}

#[test]
fn schema_prints_the_checked_in_schema() {
    let (code, out, _) = run(&["schema"]);
    assert_eq!(code, 0);
    assert_eq!(out, include_str!("../www/partnerships.schema.json"));
}

#[test]
fn render_prints_the_static_box_and_refuses_bad_keys() {
    let (code, out, _) = run(&["render", "01054"]);
    assert_eq!(code, 0);
    assert!(out.contains("<h3>Im Kreis: Amt Föhr-Amrum</h3>"));
    let (code, _, err) = run(&["render", "1054"]);
    assert_eq!(code, 2);
    assert!(err.contains("not an official key"));
}

#[test]
fn help_lists_the_commands() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for command in [
        "validate",
        "schema",
        "publish",
        "render",
        "suggestions",
        "assistant",
        "generate",
    ] {
        assert!(out.contains(&format!("\n  {command} ")), "{command}: {out}");
    }
    let (code, out, _) = run(&["validate", "--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Exit code 0 = valid (warnings allowed), 1 = invalid, 2 = unreadable"),
        "{out}"
    );
}

#[test]
fn usage_errors_exit_with_2_and_say_what_is_wrong() {
    let (code, _, err) = run(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("Usage: partnerships-data"), "{err}");
    for (args, says) in [
        (&["frobnicate"][..], "frobnicate"),
        (&["validate"], "<FILE>"),
        (
            &["validate", "www/partnerships.json", "--format", "xml"],
            "xml",
        ),
        (&["render", "01054", "--lang", "fr"], "fr"),
        (
            &["generate", "--seed", "x", "--out", "nowhere.json"],
            "--seed",
        ),
        (&["publish", "www/partnerships.json"], "--out"),
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn validate_warns_on_a_kreis_the_official_register_does_not_know() {
    // The register comes with the npm tools (scripts/setup installs it).
    assert!(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("node_modules/landkreise-deutschland/data/districts.json")
            .exists(),
        "the register is missing: run scripts/setup"
    );
    // Every Kreis of the shipped dataset is in the register.
    let (code, out, err) = run(&["validate", "www/partnerships.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        !out.contains("W203") && !err.contains("not found"),
        "{out}{err}"
    );

    // A Kreis that does not exist (01099), and a Gemeinde in it.
    let mut dataset: serde_json::Value = serde_json::from_str(common::SHIPPED).unwrap();
    let bodies = dataset["bodies"].as_array_mut().unwrap();
    bodies.push(serde_json::json!({ "key": "01099", "name": "Kreis Erfunden" }));
    bodies.push(serde_json::json!({ "key": "01099001", "name": "Gemeinde Erfunden" }));
    let dir = std::env::temp_dir().join(format!("dp-register-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("unknown-kreis.json");
    std::fs::write(&file, serde_json::to_string_pretty(&dataset).unwrap()).unwrap();
    let (code, out, _) = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(code, 0, "a warning, not an error: {out}");
    let count = bodies_len(&dataset);
    for (at, name) in [
        (count - 2, "Kreis Erfunden"),
        (count - 1, "Gemeinde Erfunden"),
    ] {
        assert!(
            out.contains(&format!("warning W203 /bodies/{at}/key: the Kreis 01099 of \"{name}\" is not in the register"))
                && out.contains("Stand 31.12.2018"),
            "{out}"
        );
    }

    // Another register file can be named; a missing one is an error.
    let (code, _, err) = run(&[
        "validate",
        "www/partnerships.json",
        "--register",
        "nowhere.json",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("nowhere.json: cannot read the register"),
        "{err}"
    );
    std::fs::remove_dir_all(dir).ok();
}

fn bodies_len(dataset: &serde_json::Value) -> usize {
    dataset["bodies"].as_array().map_or(0, Vec::len)
}
