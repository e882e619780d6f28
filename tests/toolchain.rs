//! The build settings agree with each other: the wasm-bindgen CLI pinned in `wasm-pack.toml` is
//! exactly the `=` pin of the `wasm-bindgen` crate in `Cargo.toml` (otherwise the generated glue
//! does not match the module), binaryen in `wasm-pack.toml` is the one `package.json` installs, and
//! wasm-pack's own wasm-opt is off so that `wasm-pack.toml` is the one place for the passes.
//! Both files are read as text: no TOML crate is needed.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Lines of one `[section]` of a simple TOML file, comments removed.
fn section<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    let header = format!("[{name}]");
    let mut inside = false;
    let mut lines = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.starts_with('[') {
            inside = line == header;
        } else if inside && !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// The value of `key = …` among `lines`, if any.
fn value<'a>(lines: &[&'a str], key: &str) -> Option<&'a str> {
    lines.iter().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim().trim_matches('"') == key).then(|| v.trim())
    })
}

/// The string in a TOML value `"x"` or the `version = "x"` of an inline table.
fn version_of(value: &str) -> Option<&str> {
    let value = value.trim();
    let s = if value.starts_with('{') {
        let start = value.find("version")?;
        let rest = &value[start + "version".len()..];
        rest.trim_start().strip_prefix('=')?.trim_start()
    } else {
        value
    };
    let s = s.strip_prefix('"')?;
    Some(&s[..s.find('"')?])
}

fn cargo_wasm_bindgen_pin(cargo: &str) -> String {
    let deps = section(cargo, "dependencies");
    let raw = value(&deps, "wasm-bindgen").expect("Cargo.toml [dependencies] has no wasm-bindgen");
    let version = version_of(raw).expect("wasm-bindgen's version in Cargo.toml is not a string");
    version
        .strip_prefix('=')
        .unwrap_or_else(|| {
            panic!("Cargo.toml must pin wasm-bindgen exactly (\"={version}\"), found \"{version}\"")
        })
        .to_string()
}

fn tool(name: &str) -> String {
    let config = read("wasm-pack.toml");
    let tools = section(&config, "tools");
    let raw = value(&tools, name).unwrap_or_else(|| panic!("wasm-pack.toml [tools] has no {name}"));
    version_of(raw)
        .unwrap_or_else(|| panic!("wasm-pack.toml [tools] {name} is not a string"))
        .to_string()
}

#[test]
fn wasm_bindgen_cli_matches_the_crate_pin() {
    let pin = cargo_wasm_bindgen_pin(&read("Cargo.toml"));
    let cli = tool("wasm-bindgen-cli");
    assert_eq!(
        cli, pin,
        "wasm-pack.toml pins wasm-bindgen-cli {cli} but Cargo.toml pins wasm-bindgen ={pin}"
    );
}

#[test]
fn the_lock_file_resolves_wasm_bindgen_to_the_pin() {
    let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock");
    let Ok(lock) = std::fs::read_to_string(lock) else {
        return; // no lock file yet: cargo writes it on the first build
    };
    let pin = cargo_wasm_bindgen_pin(&read("Cargo.toml"));
    let mut found = Vec::new();
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            let version = lines
                .next()
                .and_then(version_of_lock)
                .expect("version after name in Cargo.lock");
            found.push(version.to_string());
        }
    }
    assert_eq!(
        found,
        vec![pin],
        "Cargo.lock must hold exactly one wasm-bindgen, the pinned one"
    );
}

fn version_of_lock(line: &str) -> Option<&str> {
    version_of(
        line.trim()
            .strip_prefix("version")?
            .trim_start()
            .strip_prefix('=')?,
    )
}

#[test]
fn binaryen_matches_package_json() {
    let want = tool("binaryen");
    let package = read("package.json");
    let line = package
        .lines()
        .find(|l| l.trim_start().starts_with("\"binaryen\""))
        .expect("package.json has no binaryen devDependency");
    let got = line
        .split(':')
        .nth(1)
        .and_then(|v| v.trim().trim_end_matches(',').trim().strip_prefix('"'));
    let got = got
        .and_then(|v| v.strip_suffix('"'))
        .expect("binaryen's version in package.json");
    assert_eq!(
        got, want,
        "package.json installs binaryen {got}, wasm-pack.toml pins {want}"
    );
}

#[test]
fn wasm_pack_runs_no_wasm_opt_of_its_own() {
    let cargo = read("Cargo.toml");
    for profile in ["dev", "release", "profiling"] {
        let lines = section(
            &cargo,
            &format!("package.metadata.wasm-pack.profile.{profile}"),
        );
        assert_eq!(
            value(&lines, "wasm-opt"),
            Some("false"),
            "Cargo.toml [package.metadata.wasm-pack.profile.{profile}] must set wasm-opt = false"
        );
    }
    let config = read("wasm-pack.toml");
    let passes = section(&config, "wasm-opt").join(" ");
    assert!(
        passes.contains("\"-O"),
        "wasm-pack.toml [wasm-opt] passes must include an -O level"
    );
}

#[test]
fn the_text_readers_find_what_they_should() {
    // The helpers above on known text, so a reader that finds nothing cannot pass silently.
    let cargo = "[package]\nname = \"x\"\n[dependencies]\nfoo = \"1\"\nwasm-bindgen = { version = \"=0.2.99\", features = [] }\n";
    assert_eq!(cargo_wasm_bindgen_pin(cargo), "0.2.99");
    let plain = "[dependencies]\nwasm-bindgen = \"=0.2.100\" # pinned\n";
    assert_eq!(cargo_wasm_bindgen_pin(plain), "0.2.100");
    let loose = std::panic::catch_unwind(|| {
        cargo_wasm_bindgen_pin("[dependencies]\nwasm-bindgen = \"0.2\"\n")
    });
    assert!(loose.is_err(), "an unpinned wasm-bindgen must be refused");
    assert_eq!(version_of_lock("version = \"0.2.130\""), Some("0.2.130"));
}
