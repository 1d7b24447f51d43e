//! What a feature contributes to the dashboard ("what needs me").

/// A section of the dashboard contributed by a feature area.
pub struct DashboardSection {
    /// Translated heading.
    pub title: String,
    pub items: Vec<DashboardItem>,
}

/// One thing that needs the person, with where to act on it.
pub struct DashboardItem {
    /// Translated text.
    pub text: String,
    pub href: String,
    /// Secondary translated text (amount, deadline…), may be empty.
    pub detail: String,
}
