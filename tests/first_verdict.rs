//! A machine with only cargo and python3 (no pytest) reaches a first verdict with no manual step.

mod common;

use common::Sandbox;

#[test]
fn init_then_run_reaches_a_verdict_with_only_python3() {
    let s = Sandbox::new();
    s.pyroad(&["init", "ws"])
        .code(0)
        .stdout_has("Created a pyroad workspace");
    assert!(s.path().join("ws/pyroad.toml").is_file());
    assert!(
        s.path()
            .join("ws/exercises/01-fundamentals/variables/variables.py")
            .is_file()
    );
    s.pyroad_in("ws", &["run"])
        .code(1)
        .stdout_has("1-variables")
        .stdout_has("fail");
    s.pyroad_in("ws", &["doctor"]).code(0).stdout_has("pytest");
}
