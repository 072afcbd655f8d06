using System.Net;
using FhirOncology.Core.Errors;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Operations;

/// <summary>The custom operations registered in DI, found by name and checked against level, type and method.</summary>
public sealed class OperationRegistry(IEnumerable<IFhirOperation> operations)
{
    private readonly Dictionary<string, IFhirOperation> _byName = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IFhirOperation> All => _byName.Values;

    public IFhirOperation Resolve(string name, OperationLevel level, string? type, bool isGet)
    {
        if (!_byName.TryGetValue(name, out var operation) || (operation.Levels & level) == 0
            || (type is not null && !operation.Types.Contains(type)))
        {
            throw new FhirException(HttpStatusCode.NotFound, OperationOutcome.IssueType.NotSupported,
                $"The operation ${name} is not supported {(type is null ? "at the system level" : "on " + type)}; see [base]/metadata.");
        }

        if (isGet && operation.AffectsState)
        {
            // operations.html#executing: only operations that change nothing may be invoked with GET.
            throw new FhirException(HttpStatusCode.MethodNotAllowed, OperationOutcome.IssueType.NotSupported,
                $"${name} changes data; invoke it with POST.");
        }

        return operation;
    }
}
