//! Co-funding campaigns and pledges: where they stand.

text_enum!(
    /// Where a co-funding campaign stands: open for pledges until its deadline, then
    /// funded (payment requests sent) or lapsed (pledges released); withdrawn with its
    /// proposal.
    CampaignStatus { Open = "open", Funded = "funded", Lapsed = "lapsed", Withdrawn = "withdrawn" }
);
text_enum!(
    /// A pledge is active while it counts, released when its campaign lapsed or its
    /// proposal was withdrawn.
    PledgeStatus { Active = "active", Released = "released" }
);
