//! Payment requests: what they are for and where they stand.

text_enum!(
    /// What a payment request is for: a share of a funded campaign, or a late adopter's
    /// catch-up share.
    PaymentPurpose { CoFunding = "co-funding", CatchUp = "catch-up" }
);
text_enum!(
    /// Where a payment request stands (the money capability adds paid and cancelled).
    PaymentStatus { Open = "open" }
);
