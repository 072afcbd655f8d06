namespace FhirOncology.Oncology.Workflow;

/// <summary>
/// The referral Task's state machine (task.html#statemachine; DOMAIN.md §1.2): requested → received → accepted |
/// rejected → in-progress ↔ on-hold → completed | failed, and cancelled by the requester from any state before an
/// outcome. The requester creates the Task as requested; the owner takes it from there; the server puts it on hold
/// while records are missing and resumes it to the status it had (see InformationRequests). Any other change is
/// illegal. README.md has this table.
/// </summary>
internal static class TaskTransitions
{
    public const string Requested = "requested";
    public const string Received = "received";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string InProgress = "in-progress";
    public const string OnHold = "on-hold";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>Statuses the completeness check may put on hold, and resume to.</summary>
    public static readonly IReadOnlySet<string> Holdable = new HashSet<string>(StringComparer.Ordinal) { Requested, Received, Accepted, InProgress };

    /// <summary>Statuses a referral ends in.</summary>
    public static readonly IReadOnlySet<string> Final = new HashSet<string>(StringComparer.Ordinal) { Rejected, Completed, Failed, Cancelled, "entered-in-error" };

    public static readonly IReadOnlyList<TaskTransition> All =
    [
        new(Requested, Received, TaskParty.Owner),
        new(Received, Accepted, TaskParty.Owner),
        new(Received, Rejected, TaskParty.Owner),
        new(Accepted, InProgress, TaskParty.Owner),
        new(InProgress, OnHold, TaskParty.Owner),
        new(OnHold, InProgress, TaskParty.Owner), // only back to in-progress: a hold the server made resumes itself
        new(InProgress, Completed, TaskParty.Owner),
        new(InProgress, Failed, TaskParty.Owner),
        new(OnHold, Failed, TaskParty.Owner),
        .. new[] { Requested, Received, Accepted, InProgress, OnHold }.Select(from => new TaskTransition(from, Cancelled, TaskParty.Requester)),
        .. Holdable.Select(from => new TaskTransition(from, OnHold, TaskParty.Server)),
        .. Holdable.Select(to => new TaskTransition(OnHold, to, TaskParty.Server)),
    ];

    public static IReadOnlyList<TaskTransition> Between(string from, string to) =>
        [.. All.Where(t => t.From == from && t.To == to)];

    public static IEnumerable<string> From(string from) => All.Where(t => t.From == from).Select(t => t.To).Distinct();

    public static string Describe(TaskParty party) => party switch
    {
        TaskParty.Owner => "the reviewing organisation (Task.owner)",
        TaskParty.Requester => "the requesting organisation",
        _ => "the server (while records are missing)",
    };
}
