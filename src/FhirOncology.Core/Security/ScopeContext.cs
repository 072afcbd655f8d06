namespace FhirOncology.Core.Security;

/// <summary>The context a SMART clinical scope applies in: <c>patient/</c>, <c>user/</c> or <c>system/</c>.</summary>
public enum ScopeContext
{
    Patient,
    User,
    System,
}
