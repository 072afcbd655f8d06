namespace FhirOncology.Oncology.Workflow;

/// <summary>Who moves a referral Task (workflow-management.html, "Task on the fulfiller").</summary>
internal enum TaskParty
{
    /// <summary>The requesting organisation: the one the client that created the Task acted for.</summary>
    Requester,

    /// <summary>The reviewing organisation, Task.owner.</summary>
    Owner,

    /// <summary>The server itself: the completeness check puts a Task on hold and resumes it.</summary>
    Server,
}
