// The curriculum is compiled into the binary; rebuild when any of it changes.
fn main() {
    println!("cargo:rerun-if-changed=exercises");
}
