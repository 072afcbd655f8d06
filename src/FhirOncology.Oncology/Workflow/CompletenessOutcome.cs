using FhirOncology.Core.Storage;
using FhirOncology.Oncology.Intake;

namespace FhirOncology.Oncology.Workflow;

/// <summary>What one completeness check found and did: the Task's status and version after it, what is missing, and the CommunicationRequest it opened, updated or completed.</summary>
internal sealed record CompletenessOutcome(
    ResourceKey Task, int TaskVersion, string Status, IReadOnlyList<RecordRequirement> Missing, ResourceKey? CommunicationRequest);
