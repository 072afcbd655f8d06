namespace FhirOncology.Validation.Terminology;

/// <summary>
/// A value set expanded locally (valueset.html#expansion): the codes it enumerates, plus the code systems whose
/// content we do not hold (SNOMED CT, LOINC, RxNorm, …) or whose filters we cannot evaluate, for which
/// membership is unknown rather than false.
/// </summary>
internal sealed class CompiledValueSet(string url)
{
    public string Url { get; } = url;

    public HashSet<(string System, string Code)> Codes { get; } = [];

    public HashSet<string> CodesAnySystem { get; } = new(StringComparer.Ordinal);

    public HashSet<string> OpenSystems { get; } = new(StringComparer.Ordinal);

    /// <summary>True when the value set itself is unknown or could not be expanded at all.</summary>
    public bool IsUnknown { get; set; }

    public void Add(string system, string code)
    {
        Codes.Add((system, code));
        CodesAnySystem.Add(code);
    }

    public Membership Contains(string? system, string code)
    {
        if (IsUnknown)
        {
            return Membership.Unknown;
        }

        if (system is null)
        {
            return CodesAnySystem.Contains(code) ? Membership.Member
                : OpenSystems.Count > 0 ? Membership.Unknown : Membership.NotMember;
        }

        if (Codes.Contains((system, code)))
        {
            return Membership.Member;
        }

        return OpenSystems.Contains(system) ? Membership.Unknown : Membership.NotMember;
    }
}
