namespace FhirOncology.Validation.Terminology;

/// <summary>
/// A value set expanded locally (valueset.html#expansion): the codes it enumerates, plus the code systems for which
/// membership is unknown rather than false — their content is not held (SNOMED CT, LOINC, RxNorm, …), or a filter or
/// exclude on them cannot be evaluated here — each with the reason, for the message.
/// </summary>
internal sealed class CompiledValueSet(string url)
{
    public string Url { get; } = url;

    public HashSet<(string System, string Code)> Codes { get; } = [];

    /// <summary>The codes whatever their system, for values that carry none (a bound <c>code</c>); built by <see cref="Freeze"/>.</summary>
    public HashSet<string> CodesAnySystem { get; } = new(StringComparer.Ordinal);

    /// <summary>Systems whose membership cannot be decided here, with why.</summary>
    public Dictionary<string, string> OpenSystems { get; } = new(StringComparer.Ordinal);

    /// <summary>True when the value set itself is unknown or could not be expanded at all.</summary>
    public bool IsUnknown { get; set; }

    public void Add(string system, string code) => Codes.Add((system, code));

    public void Open(string system, string reason) => OpenSystems.TryAdd(system, reason);

    /// <summary>Called once the includes and excludes are applied.</summary>
    public void Freeze()
    {
        CodesAnySystem.Clear();
        foreach (var (_, code) in Codes)
        {
            CodesAnySystem.Add(code);
        }
    }

    public string OpenReason(string? system) =>
        system is not null && OpenSystems.TryGetValue(system, out var reason) ? reason
        : system is null ? "the value has no system, and some of the value set's systems cannot be enumerated here"
        : $"the content of {system} is not held locally";

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

        return OpenSystems.ContainsKey(system) ? Membership.Unknown : Membership.NotMember;
    }
}
