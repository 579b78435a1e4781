//! macOS's Seatbelt profile for one check, built from the OS-neutral `FsPolicy` as text (pure,
//! so its tests run on every OS; only `sandbox::macos` uses it). The profile never contains a
//! path: each path is a parameter (`(param "READ_0")`) whose value `sandbox-exec` receives as
//! `-DREAD_0=/the/path`, so no file name (a quote, a parenthesis, a newline) can change the rules.

use super::FsPolicy;
use std::ffi::OsString;
use std::path::PathBuf;

/// What is allowed whatever the policy: the process itself and its children, and the system
/// services and kernel facts an interpreter needs, and loopback: no rule names any other
/// address, so a check has no network.
const BASE: &str = r#"(version 1)
(deny default)

; The check and what it starts (children keep the profile) may fork, exec what they may read,
; and signal each other, nothing outside the sandbox.
(allow process-fork)
(allow process-exec)
(allow signal (target same-sandbox))
(allow process-info* (target same-sandbox))

; Kernel facts (CPU count, page size, OS version, CPU features for NumPy): reads only, as
; /proc and /sys are readable on Linux.
(allow sysctl-read)

; stat() anywhere (as Landlock leaves it on Linux): resolving a path stats its parents. Reading
; a file's contents or listing a folder still needs a rule below.
(allow file-read-metadata)

; Users and groups (getpass, pwd, pytest's tmp_path), time-zone change notices, syslog.
(allow mach-lookup
  (global-name "com.apple.system.opendirectoryd.libinfo")
  (global-name "com.apple.system.opendirectoryd.membership")
  (global-name "com.apple.system.notification_center")
  (global-name "com.apple.system.logger"))
(allow user-preference-read)

; multiprocessing's locks and shared memory (POSIX semaphores and shm; no /dev/shm here).
(allow ipc-posix-sem)
(allow ipc-posix-shm)

; Loopback only, as on Linux, where a check's network namespace holds nothing but `lo`: a
; test's own local server (http.server, websockets) and its client. Unlike Linux's, this
; loopback is the machine's: a check can reach what listens on localhost (docs/engine.md, "The sandbox").
(allow network-bind (local ip "localhost:*"))
(allow network-inbound (local ip "localhost:*"))
(allow network-outbound (remote ip "localhost:*"))
"#;

/// The profile and its parameters (`KEY`, path) for `policy`: reads of `policy.read`, reads
/// and writes beneath `policy.write`, writes to the single files in `policy.devices`. Paths
/// must already be canonical (Seatbelt matches the resolved path: `/var/...` is
/// `/private/var/...`); see `canonical`.
pub fn profile(policy: &FsPolicy) -> (String, Vec<(String, PathBuf)>) {
    let mut text = String::from(BASE);
    let mut params = Vec::new();
    let mut rule = |allow: &str, prefix: &str, filter: &str, paths: &[PathBuf]| {
        if paths.is_empty() {
            return;
        }
        text.push_str(&format!("\n(allow {allow}"));
        for (i, path) in paths.iter().enumerate() {
            let key = format!("{prefix}_{i}");
            text.push_str(&format!("\n  ({filter} (param \"{key}\"))"));
            params.push((key, path.clone()));
        }
        text.push_str(")\n");
    };
    rule(
        "file-read* file-map-executable",
        "READ",
        "subpath",
        &policy.read,
    );
    rule("file-read* file-write*", "WRITE", "subpath", &policy.write);
    rule(
        "file-read* file-write-data file-ioctl",
        "DEVICE",
        "literal",
        &policy.devices,
    );
    (text, params)
}

/// `sandbox-exec`'s arguments before the program: the profile (`-p`), then each parameter as
/// one `-DKEY=VALUE` argument, the path's bytes unchanged (no shell, no quoting involved).
pub fn arguments(policy: &FsPolicy) -> Vec<OsString> {
    let (text, params) = profile(policy);
    let mut args: Vec<OsString> = vec!["-p".into(), text.into()];
    for (key, path) in params {
        let mut arg = OsString::from(format!("-D{key}="));
        arg.push(path.as_os_str());
        args.push(arg);
    }
    args
}

/// The policy's paths as Seatbelt sees them: symlinks resolved (`/var` → `/private/var`,
/// `/tmp` → `/private/tmp`, `/etc` → `/private/etc`). A path that is itself a symlink (or lies
/// behind one) is kept too, after its target, for reading the link; one that does not exist
/// stays as it is.
pub fn canonical(policy: &FsPolicy) -> FsPolicy {
    let resolve = |paths: &[PathBuf]| {
        let mut out: Vec<PathBuf> = Vec::new();
        for p in paths {
            let real = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            for q in [real, p.clone()] {
                if !out.contains(&q) {
                    out.push(q);
                }
            }
        }
        out
    };
    FsPolicy {
        read: resolve(&policy.read),
        write: resolve(&policy.write),
        devices: resolve(&policy.devices),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(read: &[&str], write: &[&str], devices: &[&str]) -> FsPolicy {
        let paths = |v: &[&str]| v.iter().map(PathBuf::from).collect();
        FsPolicy {
            read: paths(read),
            write: paths(write),
            devices: paths(devices),
        }
    }

    #[test]
    fn the_profile_denies_by_default_and_names_every_path_by_parameter() {
        let p = policy(
            &["/usr", "/System"],
            &["/private/var/folders/x/T/check"],
            &["/dev/null"],
        );
        let (text, params) = profile(&p);
        assert!(text.starts_with("(version 1)\n(deny default)\n"));
        for needed in [
            "(allow process-fork)",
            "(allow process-exec)",
            "(allow signal (target same-sandbox))",
            "(allow sysctl-read)",
        ] {
            assert!(text.contains(needed), "missing {needed}");
        }
        assert!(text.contains(
            "(allow file-read* file-map-executable\n  (subpath (param \"READ_0\"))\n  \
             (subpath (param \"READ_1\")))"
        ));
        assert!(text.contains("(allow file-read* file-write*\n  (subpath (param \"WRITE_0\")))"));
        assert!(text.contains(
            "(allow file-read* file-write-data file-ioctl\n  (literal (param \"DEVICE_0\")))"
        ));
        assert!(
            !text.contains("/usr") && !text.contains("/System") && !text.contains("/private"),
            "no path in the text"
        );
        assert_eq!(
            params,
            vec![
                ("READ_0".to_string(), PathBuf::from("/usr")),
                ("READ_1".to_string(), PathBuf::from("/System")),
                (
                    "WRITE_0".to_string(),
                    PathBuf::from("/private/var/folders/x/T/check")
                ),
                ("DEVICE_0".to_string(), PathBuf::from("/dev/null")),
            ]
        );
    }

    #[test]
    fn every_network_rule_is_for_loopback_only() {
        let (text, _) = profile(&policy(&["/usr"], &["/tmp/x"], &["/dev/null"]));
        let rules: Vec<&str> = text
            .lines()
            .filter(|l| l.contains("network"))
            .filter(|l| !l.trim_start().starts_with(';'))
            .collect();
        assert_eq!(rules.len(), 3, "{text}");
        for rule in rules {
            assert!(rule.ends_with(" ip \"localhost:*\"))"), "{rule}");
        }
    }

    #[test]
    fn writes_are_allowed_only_beneath_the_write_paths() {
        let (text, _) = profile(&policy(&["/usr"], &["/w"], &[]));
        assert_eq!(text.matches("file-write*").count(), 1);
        assert!(
            !text.contains("file-write-data"),
            "no devices, no device rule"
        );
    }

    #[test]
    fn a_path_with_quotes_spaces_and_parentheses_stays_out_of_the_profile() {
        let odd = "/Users/a \"b\" (c)\n)(allow default)/check";
        let p = policy(&["/usr"], &[odd], &[]);
        let (text, _) = profile(&p);
        assert!(!text.contains("allow default"));
        assert!(!text.contains("\"b\""));
        let args = arguments(&p);
        assert_eq!(args[0], "-p");
        assert_eq!(args[1], OsString::from(text));
        assert_eq!(args[2], "-DREAD_0=/usr");
        assert_eq!(args[3], OsString::from(format!("-DWRITE_0={odd}")));
        assert_eq!(args.len(), 4);
    }

    #[cfg(unix)]
    #[test]
    fn canonical_resolves_symlinks_and_keeps_missing_paths() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        let link = real.join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let p = canonical(&policy(
            &[
                link.to_str().unwrap(),
                real.to_str().unwrap(),
                "/no/such/dir",
            ],
            &[],
            &[],
        ));
        assert_eq!(p.read, vec![real, link, PathBuf::from("/no/such/dir")]);
    }
}
