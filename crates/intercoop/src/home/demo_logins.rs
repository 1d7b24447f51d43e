//! The demo's logins, one per role, shown on the home page of a demo install and
//! printed by `intercoop demo` (which creates them).

/// Demo logins shown on the home page of a demo install.
pub struct DemoLogin {
    pub email: String,
    /// In English, for the command line.
    pub role: String,
    /// Fluent id of the role, for the home page.
    pub role_id: &'static str,
}

/// The password of every demo account.
pub const PASSWORD: &str = "demo-intercoop";

/// One login per role, shown by `intercoop demo` and on the demo's home page.
pub fn logins() -> Vec<DemoLogin> {
    [
        (
            "claire@coopcommons.example",
            "administrator (facilitator)",
            "demo-role-admin",
        ),
        (
            "marc@laruche.example",
            "core circle + representative of La Ruche Coop",
            "demo-role-core",
        ),
        (
            "sofia@cagette.example",
            "representative of La Cagette du Nord",
            "demo-role-representative",
        ),
        ("tom@laruche.example", "member of La Ruche Coop", "demo-role-member"),
        (
            "jordi@codecoop.example",
            "provider staff (Code Coop), in both networks",
            "demo-role-provider",
        ),
    ]
    .into_iter()
    .map(|(email, role, role_id)| DemoLogin {
        email: email.to_string(),
        role: role.to_string(),
        role_id,
    })
    .collect()
}
