namespace FhirOncology.Benchmarks.Generation;

/// <summary>The Observations and the genomics report: staging, ECOG, labs, variants, TMB and MSI.</summary>
internal sealed partial class PatientBundleBuilder
{
    private static readonly Coded Exam = Category("exam", "Exam");
    private static readonly Coded Survey = Category("survey", "Survey");
    private static readonly Coded Laboratory = Category("laboratory", "Laboratory");
    private static readonly Coded VitalSigns = Category("vital-signs", "Vital Signs");
    private static readonly Coded Genetics = new("http://terminology.hl7.org/CodeSystem/v2-0074", "GE", "Genetics");
    private const string TmbUnit = "{mutations}/{megabase}";

    /// <summary>Clinical T, N and M, and the stage group that has them as members, all about the primary cancer.</summary>
    private void WriteStaging()
    {
        var staged = _diagnosed.AddDays(_random.Next(1, 30));
        var members = new List<string>(3);
        foreach (var (code, values) in OncologyCodes.Staging)
        {
            var url = StartObservation(Exam, code, staged);
            _writer.ReferenceList("focus", [_condition]);
            var value = Pick(values);
            _writer.Concept("valueCodeableConcept", new Coded(OncologyCodes.Ajcc, value, value));
            if (members.Count == 3)
            {
                _writer.ReferenceList("hasMember", members);
            }

            _writer.EndEntry();
            members.Add(url);
        }
    }

    private void WriteEcog(int count)
    {
        for (var i = 0; i < count; i++)
        {
            StartObservation(Survey, OncologyCodes.Ecog, _diagnosed.AddDays(_random.Next(0, 700)));
            _writer.Concept("valueCodeableConcept", Pick(OncologyCodes.EcogGrades));
            _writer.EndEntry();
        }
    }

    /// <summary>Labs and vitals spread over the three years; returns the code of the first, which the patient certainly has.</summary>
    private string WriteLabs(int count)
    {
        var first = "";
        for (var i = 0; i < count; i++)
        {
            var measure = Pick(OncologyCodes.Labs);
            first = i == 0 ? measure.Code : first;
            var effective = WindowStart.AddMinutes(_random.Next(0, WindowDays * 1440));
            StartObservation(measure.Category == "vital-signs" ? VitalSigns : Laboratory,
                new Coded(OncologyCodes.Loinc, measure.Code, measure.Display), effective);
            _writer.Quantity("valueQuantity", measure.Baseline + measure.Spread * (2 * _random.NextDouble() - 1), measure.Ucum);
            _writer.EndEntry();
        }

        return first;
    }

    /// <summary>A tumour Specimen, the variants found in it, TMB, MSI, and the DiagnosticReport listing them all.</summary>
    private void WriteGenomics(int variants)
    {
        var collected = _diagnosed.AddDays(_random.Next(0, 14));
        var resulted = collected.AddDays(_random.Next(14, 40));
        var specimen = StartEntry("Specimen");
        _writer.Json.WriteString("status", "available");
        _writer.Concept("type", OncologyCodes.TissueSpecimen);
        _writer.Reference("subject", _patient);
        _writer.Json.WriteStartObject("collection");
        _writer.DateTime("collectedDateTime", collected);
        _writer.Json.WriteEndObject();
        _writer.EndEntry();

        var results = new List<string>(variants + 2);
        foreach (var variant in _cancer.Variants.OrderBy(_ => _random.Next()).Take(variants))
        {
            results.Add(StartObservation(Laboratory, OncologyCodes.VariantAssessment, resulted));
            _writer.Concept("valueCodeableConcept", OncologyCodes.Present);
            _writer.Reference("specimen", specimen);
            var json = _writer.Json;
            json.WriteStartArray("component");
            Component(OncologyCodes.GeneStudied, new Coded(OncologyCodes.Hgnc, variant.HgncId, variant.Symbol));
            Component(OncologyCodes.DnaChange, new Coded(OncologyCodes.Hgvs, variant.DnaChange, variant.DnaChange));
            Component(OncologyCodes.AminoAcidChange, new Coded(OncologyCodes.Hgvs, variant.ProteinChange, variant.ProteinChange));
            json.WriteEndArray();
            _writer.EndEntry();
        }

        // TMB is roughly exponential with a mean of 7 mutations/Mb, so about a quarter of patients are above 10.
        results.Add(StartObservation(Laboratory, OncologyCodes.Tmb, resulted));
        _writer.Quantity("valueQuantity", -7 * Math.Log(1 - _random.NextDouble()), TmbUnit);
        _writer.Reference("specimen", specimen);
        _writer.EndEntry();

        results.Add(StartObservation(Laboratory, OncologyCodes.Msi, resulted));
        _writer.Concept("valueCodeableConcept", OncologyCodes.MsiValues[_random.Next(20) == 0 ? 1 : 0]);
        _writer.Reference("specimen", specimen);
        _writer.EndEntry();

        StartEntry("DiagnosticReport");
        _writer.Json.WriteString("status", "final");
        _writer.ConceptList("category", Genetics);
        _writer.Concept("code", OncologyCodes.GenomicsPanel);
        _writer.Reference("subject", _patient);
        _writer.DateTime("effectiveDateTime", collected);
        _writer.DateTime("issued", resulted);
        _writer.ReferenceList("specimen", [specimen]);
        _writer.ReferenceList("result", results);
        _writer.EndEntry();
    }

    /// <summary>Opens a final Observation of the patient with its category, code and effective time; returns its fullUrl.</summary>
    private string StartObservation(Coded category, Coded code, DateTime effective)
    {
        var url = StartEntry("Observation");
        _writer.Json.WriteString("status", "final");
        _writer.ConceptList("category", category);
        _writer.Concept("code", code);
        _writer.Reference("subject", _patient);
        _writer.DateTime("effectiveDateTime", effective);
        return url;
    }

    private void Component(Coded code, Coded value)
    {
        _writer.Json.WriteStartObject();
        _writer.Concept("code", code);
        _writer.Concept("valueCodeableConcept", value);
        _writer.Json.WriteEndObject();
    }

    private static Coded Category(string code, string display) =>
        new("http://terminology.hl7.org/CodeSystem/observation-category", code, display);
}
