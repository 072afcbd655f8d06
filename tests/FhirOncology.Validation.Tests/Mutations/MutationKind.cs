namespace FhirOncology.Validation.Tests.Mutations;

/// <summary>The one-thing-broken mutations of issue #3, each of which a conformant validator must report (WrongDisplay as a warning).</summary>
public enum MutationKind
{
    RemoveRequiredElement,
    BreakFixedOrPattern,
    CodeOutsideRequiredValueSet,
    ViolateInvariant,
    ExceedMaximum,
    WrongReferenceTargetType,
    UnknownElement,
    MissingRequiredSlice,
    BadPrimitiveFormat,
    ScriptInNarrative,
    ExceedMaxLength,
    OutOfRange,
    RegexMismatch,
    UnknownCode,
    WrongDisplay,
}
