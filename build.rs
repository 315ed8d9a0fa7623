// The message files are compiled into the binary (fluent-templates'
// `static_loader!` uses include_str!): a new or edited file under locales/
// must rebuild the crate.
fn main() {
    println!("cargo:rerun-if-changed=locales");
}
