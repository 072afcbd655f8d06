namespace FhirOncology.Validation.Narrative;

/// <summary>The narrative is not well-formed XML.</summary>
internal sealed class XhtmlSyntaxException(string message) : Exception(message)
{
    public XhtmlSyntaxException()
        : this("Malformed XHTML.")
    {
    }

    public XhtmlSyntaxException(string message, Exception inner)
        : this(message + " " + inner.Message)
    {
    }
}
