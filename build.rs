//! For a Windows build only: puts the app icon and the version information (what Explorer's
//! Properties → Details shows) into the `.exe`, compiled from a resource script with the MinGW
//! resource compiler (`x86_64-w64-mingw32-windres`, or the one `WINDRES` names). Other targets
//! need nothing here.

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=packaging/icons/needle-guide.ico");
    println!("cargo:rerun-if-env-changed=WINDRES");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let version = env::var("CARGO_PKG_VERSION").expect("cargo sets the version");
    // "0.1.0" → 0,1,0,0: the numeric form Windows compares.
    let numbers: Vec<&str> = version
        .split(['.', '-', '+'])
        .take(3)
        .chain(std::iter::repeat("0"))
        .take(4)
        .collect();
    let numeric = numbers.join(",");
    let icon = manifest.join("packaging/icons/needle-guide.ico");
    let script = format!(
        r#"1 ICON "{icon}"
1 VERSIONINFO
FILEVERSION {numeric}
PRODUCTVERSION {numeric}
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904b0"
    BEGIN
      VALUE "CompanyName", "Needle Guide"
      VALUE "FileDescription", "Dry Needling Guide"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "needle-guide"
      VALUE "LegalCopyright", "MIT License"
      VALUE "OriginalFilename", "needle-guide.exe"
      VALUE "ProductName", "Dry Needling Guide"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
"#,
        icon = icon.display().to_string().replace('\\', "/"),
    );
    let rc = out.join("needle-guide.rc");
    std::fs::write(&rc, script).expect("the resource script is written to OUT_DIR");
    let object = out.join("needle-guide-resources.o");
    let windres = env::var("WINDRES").unwrap_or_else(|_| "x86_64-w64-mingw32-windres".into());
    // Without a resource compiler the program still builds and runs, only without its icon and
    // version information: a warning says so.
    match Command::new(&windres)
        .arg(&rc)
        .args(["-O", "coff", "-o"])
        .arg(&object)
        .status()
    {
        Ok(status) if status.success() => {
            println!("cargo:rustc-link-arg-bins={}", object.display());
        }
        Ok(status) => println!(
            "cargo:warning={windres} failed on {} ({status}): the program has no icon or \
             version information",
            rc.display()
        ),
        Err(error) => println!(
            "cargo:warning=cannot run the resource compiler {windres} ({error}): the program has \
             no icon or version information. Install Debian's gcc-mingw-w64-x86-64 \
             (scripts/build-windows.sh does), or name another in WINDRES"
        ),
    }
}
