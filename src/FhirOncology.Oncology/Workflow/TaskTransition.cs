namespace FhirOncology.Oncology.Workflow;

/// <summary>One allowed change of Task.status (task.html#statemachine) and the party that may make it.</summary>
internal sealed record TaskTransition(string From, string To, TaskParty Party);
