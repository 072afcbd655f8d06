using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace FhirOncology.Benchmarks.Resources;

/// <summary>
/// Small, valid FHIR R4 JSON bodies, written straight into a client's buffer. The parts that never change are encoded
/// to UTF-8 once; per request only ids, names, dates and values are formatted, so building a body allocates nothing
/// and the load generator stays cheap next to the server it measures.
/// </summary>
internal sealed class ResourceBodies
{
    // Labs and vitals an oncology record is full of: blood counts between cycles, a tumour marker, weight, pulse.
    private static readonly LoincMeasure[] Measures =
    [
        new("718-7", "Hemoglobin [Mass/volume] in Blood", "laboratory", "g/dL", 12.5, 2.5),
        new("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "laboratory", "10*3/uL", 6.5, 3.5),
        new("777-3", "Platelets [#/volume] in Blood by Automated count", "laboratory", "10*3/uL", 250, 120),
        new("2857-1", "Prostate specific Ag [Mass/volume] in Serum or Plasma", "laboratory", "ng/mL", 4, 3.5),
        new("29463-7", "Body weight", "vital-signs", "kg", 72, 20),
        new("8867-4", "Heart rate", "vital-signs", "/min", 76, 16),
    ];

    private static readonly string[] FamilyNames = ["Garcia", "Nguyen", "Okafor", "Schmidt", "Tanaka", "Kowalski", "Haddad", "Silva"];
    private static readonly string[] GivenNames = ["Maria", "Anh", "Chidi", "Jonas", "Yuki", "Ewa", "Karim", "Ana", "Lena"];
    private static readonly DateOnly OldestBirthDate = new(1935, 1, 1);
    private static readonly DateTime FirstEffective = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly byte[][] _observationHeads;
    private readonly byte[][] _observationTails;
    private readonly string _runTag;

    /// <param name="runTag">Makes this run's patient identifiers distinct from an earlier run's on the same database.</param>
    public ResourceBodies(string runTag)
    {
        _runTag = runTag;
        _observationHeads = [.. Measures.Select(measure => Encoding.UTF8.GetBytes(
            $$"""{"resourceType":"Observation","status":"final","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"{{measure.Category}}"}]}],"code":{"coding":[{"system":"http://loinc.org","code":"{{measure.Code}}","display":"{{measure.Display}}"}],"text":"{{measure.Display}}"},"subject":{"reference":"Patient/"""))];
        _observationTails = [.. Measures.Select(measure => Encoding.UTF8.GetBytes(
            $$$""","unit":"{{{measure.Ucum}}}","system":"http://unitsofmeasure.org","code":"{{{measure.Ucum}}}"}}"""))];
    }

    /// <summary>A Patient with an identifier, a name, a gender and a birth date; returns the bytes written.</summary>
    public int WritePatient(Span<byte> destination, long sequence)
    {
        var family = FamilyNames[sequence % FamilyNames.Length];
        var given = GivenNames[sequence % GivenNames.Length];
        var gender = sequence % 2 == 0 ? "female" : "male";
        // A prime stride spreads birth dates over about 70 years without repeating in step with the names.
        var birthDate = OldestBirthDate.AddDays((int)(sequence * 7919 % 25_500));
        var written = Utf8.TryWrite(destination, CultureInfo.InvariantCulture,
            $$"""{"resourceType":"Patient","identifier":[{"system":"urn:fhironcology:benchmark:mrn","value":"{{_runTag}}-{{sequence}}"}],"name":[{"family":"{{family}}","given":["{{given}}"]}],"gender":"{{gender}}","birthDate":"{{birthDate:yyyy-MM-dd}}"}""",
            out var length);
        return Checked(written, length);
    }

    /// <summary>An Observation of <paramref name="patientId"/> with a LOINC code and a quantity; returns the bytes written.</summary>
    public int WriteObservation(Span<byte> destination, long sequence, string patientId)
    {
        var index = (int)(sequence % Measures.Length);
        var measure = Measures[index];
        var effective = FirstEffective.AddMinutes(sequence % 525_600);
        var value = measure.Baseline + measure.Spread * ((sequence * 37 % 201) - 100) / 100.0;
        var written = Utf8.TryWrite(destination, CultureInfo.InvariantCulture,
            $$"""{{new ReadOnlySpan<byte>(_observationHeads[index])}}{{patientId}}"},"effectiveDateTime":"{{effective:yyyy-MM-dd'T'HH:mm:ss}}Z","valueQuantity":{"value":{{value:0.##}}{{new ReadOnlySpan<byte>(_observationTails[index])}}""",
            out var length);
        return Checked(written, length);
    }

    private static int Checked(bool written, int length) =>
        written ? length : throw new InvalidOperationException("A request body did not fit the worker's body buffer.");
}
