namespace FhirOncology.Oncology.Demo;

/// <summary>Section <c>Demo</c>: whether start-up loads the demo referrals (default: in Development only).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool? Enabled { get; set; }
}
