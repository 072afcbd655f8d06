namespace FhirOncology.Validation.Terminology;

/// <summary>Whether a code is in a value set, or whether that cannot be decided with the content we hold.</summary>
internal enum Membership
{
    Member,
    NotMember,
    Unknown,
}
