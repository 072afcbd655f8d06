using System.Globalization;

namespace FhirOncology.Benchmarks.Generation;

/// <summary>
/// Builds one patient's transaction Bundle: the Patient, the diagnosis, staging, performance status, labs, genomics,
/// treatment so far, and the referral (ServiceRequest) with the Task a reviewing Organization works it through.
/// Entries refer to each other by urn:uuid fullUrl. Everything is drawn from the Random it is given, so a patient's
/// content depends only on the seed and its number, not on which client built it or when.
/// One builder per client: it keeps the state of the Bundle being built.
/// </summary>
internal sealed partial class PatientBundleBuilder(CareTeam team) : IDisposable
{
    public const string PatientSystem = "urn:oid:2.16.840.1.113883.4.1";
    public const string ReferralSystem = "urn:fhironcology:referral";

    // Clinical dates fall in three years; referrals in the last of them, as second opinions follow treatment.
    private static readonly DateTime WindowStart = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const int WindowDays = 1096;
    private static readonly DateOnly OldestBirthDate = new(1935, 1, 1);

    private readonly BundleWriter _writer = new();
    private readonly byte[] _uuid = new byte[16];
    private Random _random = new(0);
    private string _key = "";
    private CancerType _cancer = OncologyCodes.Cancers[0];
    private string _patient = "";
    private string _condition = "";
    private DateTime _diagnosed;

    /// <summary>Entries in the Bundle last built.</summary>
    public int Entries => _writer.Entries;

    public void Dispose() => _writer.Dispose();

    /// <param name="key">Makes every identifier in the Bundle unique, and the same again when the Bundle is rebuilt.</param>
    /// <param name="random">Seeded for this patient; every drawn value comes from it.</param>
    /// <param name="plan">How many of each resource.</param>
    /// <param name="patient">The identifiers and values the search benchmark can query by.</param>
    public ReadOnlyMemory<byte> Build(string key, Random random, PatientPlan plan, out GeneratedPatient patient)
    {
        _random = random;
        _key = key;
        _random.NextBytes(_uuid);
        _cancer = Pick(OncologyCodes.Cancers, OncologyCodes.Cancers.Sum(c => c.Weight), c => c.Weight);
        _diagnosed = WindowStart.AddMinutes(_random.Next(0, 400 * 1440));
        _writer.Begin();

        WritePatient();
        WriteConditions(plan.Conditions);
        WriteStaging();
        WriteEcog(plan.Ecog);
        var labCode = WriteLabs(plan.Labs);
        WriteGenomics(plan.Variants);
        WriteMedications(plan.Medications);
        WriteProcedures(plan.Procedures);
        var (requester, authoredOn) = WriteReferral();

        patient = new GeneratedPatient(key, "REF-" + key, requester, authoredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), labCode);
        return _writer.Finish();
    }

    private void WritePatient()
    {
        _patient = StartEntry("Patient", PatientSystem, _key);
        var json = _writer.Json;
        json.WriteStartArray("name");
        json.WriteStartObject();
        json.WriteString("family", Pick(OncologyCodes.FamilyNames));
        json.WriteStartArray("given");
        json.WriteStringValue(Pick(OncologyCodes.GivenNames));
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("gender", _random.Next(2) == 0 ? "female" : "male");
        _writer.Date("birthDate", OldestBirthDate.AddDays(_random.Next(0, 50 * 365)));
        _writer.Reference("managingOrganization", "Organization/" + Pick(team.ReferrerIds));
        _writer.EndEntry();
    }

    /// <summary>The primary cancer, and for some patients a metastasis or comorbidity.</summary>
    private void WriteConditions(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var url = StartEntry("Condition");
            if (i == 0)
            {
                _condition = url;
            }

            _writer.Concept("clinicalStatus", new Coded("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"));
            _writer.Concept("verificationStatus", new Coded("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed"));
            _writer.ConceptList("category", new Coded("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item"));
            _writer.Concept("code", i == 0 ? _cancer.Diagnosis : Pick(OncologyCodes.SecondaryConditions));
            _writer.Reference("subject", _patient);
            var onset = i == 0 ? _diagnosed : _diagnosed.AddDays(_random.Next(0, 500));
            _writer.DateTime("onsetDateTime", onset);
            _writer.DateTime("recordedDate", onset.AddDays(_random.Next(0, 10)));
            _writer.EndEntry();
        }
    }

    /// <summary>Opens an entry with a fresh fullUrl and the conventional synthetic identifier; returns the fullUrl.</summary>
    private string StartEntry(string type) =>
        StartEntry(type, "urn:fhironcology:synthetic:" + type.ToLowerInvariant(),
            string.Create(CultureInfo.InvariantCulture, $"{_key}-{_writer.Entries:D3}"));

    private string StartEntry(string type, string system, string value)
    {
        // The Bundle's random bytes with the entry number in front: unique within the Bundle, and reproducible.
        _uuid[0] = (byte)_writer.Entries;
        _uuid[1] = (byte)(_writer.Entries >> 8);
        var fullUrl = "urn:uuid:" + new Guid(_uuid).ToString("D", CultureInfo.InvariantCulture);
        _writer.StartEntry(type, fullUrl, system, value);
        return fullUrl;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private T Pick<T>(IReadOnlyList<T> items, int totalWeight, Func<T, int> weight)
    {
        var draw = _random.Next(totalWeight);
        foreach (var item in items)
        {
            draw -= weight(item);
            if (draw < 0)
            {
                return item;
            }
        }

        return items[^1];
    }
}
