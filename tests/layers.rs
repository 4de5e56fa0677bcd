//! The layers of the code stay in order: content and the calendar → document and the clinic's
//! counts (`insights`) → search, handout and speech → widgets and the desktop → screens → app →
//! the command line. A module uses only the layers under it, so the domain never depends on the
//! interface and the module graph has no cycle.

use std::fs;
use std::path::Path;

/// Each top-level module of `core/src/` and `src/` and its layer; a module may use only lower
/// layers (and itself). `calendar` is a leaf the handout and the counts share, so the counts
/// (`insights`) sit a layer above it, beside `document`. `colors`,
/// `theme` (over `colors`) and `keys` are leaves the interface
/// draws on: they use nothing of the app. (The core crate's modules are here too: the compiler
/// already keeps it from using the app; this keeps its own layers, and the app's.)
const LAYERS: [(&str, u8); 21] = [
    ("calendar", 0),
    ("colors", 0),
    ("insights", 1),
    ("typeface", 0),
    ("take_home", 0),
    ("content", 0),
    ("theme", 1),
    ("keys", 0),
    ("document", 1),
    ("symbol", 1),
    ("pictogram", 1),
    ("fonts", 2),
    ("search", 2),
    ("handout", 2),
    ("speech", 2),
    ("desktop", 3),
    ("widget", 3),
    ("screen", 4),
    ("app", 5),
    ("cli", 5),
    ("lib", 6),
];

fn layer(module: &str) -> u8 {
    LAYERS
        .iter()
        .find(|(name, _)| *name == module)
        .unwrap_or_else(|| panic!("src/{module} is not in the layers of tests/layers.rs"))
        .1
}

/// The top-level module a file of `src/` belongs to: `src/screen/kiosk/idle.rs` is `screen`.
fn module_of(relative: &Path) -> String {
    let first = relative.components().next().unwrap();
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_owned()
}

/// The modules named by `crate::<module>` in the code, leaving out the tests at the foot of the
/// file (they may reach anywhere to set a scene).
fn uses(code: &str) -> Vec<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or(code);
    code.match_indices("crate::")
        .map(|(at, found)| {
            code[at + found.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

fn files(folder: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut wrong = Vec::new();
    for src in [root.join("core/src"), root.join("src")] {
        let mut found = Vec::new();
        files(&src, &mut found);
        wrong.extend(wrong_imports(&src, found));
    }
    assert!(
        wrong.is_empty(),
        "imports that run up or across the layers:\n{}",
        wrong.join("\n")
    );
}

/// The imports of `found`, files of the crate at `src`, that run up or across the layers.
fn wrong_imports(src: &Path, found: Vec<std::path::PathBuf>) -> Vec<String> {
    let mut wrong = Vec::new();
    for path in found {
        let relative = path.strip_prefix(src).unwrap();
        let module = module_of(relative);
        if module == "main" {
            continue; // the binary stands on everything
        }
        let code = fs::read_to_string(&path).unwrap();
        for used in uses(&code) {
            if used != module && layer(&used) >= layer(&module) {
                wrong.push(format!("{} uses crate::{used}", path.display()));
            }
        }
    }
    wrong
}

#[test]
fn the_check_sees_an_import_that_runs_up() {
    assert_eq!(
        uses("use crate::app::Message;\nuse crate::theme;"),
        ["app", "theme"]
    );
    assert_eq!(
        uses("use crate::theme;\n#[cfg(test)]\nuse crate::app;"),
        ["theme"]
    );
    assert!(
        layer("app") >= layer("widget"),
        "a widget using the app would be caught"
    );
    assert_eq!(module_of(Path::new("screen/kiosk/idle.rs")), "screen");
}
