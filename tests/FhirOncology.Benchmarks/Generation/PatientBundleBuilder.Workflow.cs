namespace FhirOncology.Benchmarks.Generation;

/// <summary>Treatment so far (MedicationRequests, Procedures) and the referral: a ServiceRequest and its Task.</summary>
internal sealed partial class PatientBundleBuilder
{
    private static readonly string[] TaskStatuses = ["requested", "received", "accepted", "in-progress"];

    // Most referrals are routine; a few are urgent or more.
    private static readonly (string Priority, int Weight)[] Priorities = [("routine", 60), ("urgent", 25), ("asap", 10), ("stat", 5)];

    private void WriteMedications(int count)
    {
        foreach (var medication in _cancer.Medications.OrderBy(_ => _random.Next()).Take(count))
        {
            StartEntry("MedicationRequest");
            var json = _writer.Json;
            json.WriteString("status", _random.Next(3) == 0 ? "active" : "completed");
            json.WriteString("intent", "order");
            _writer.Concept("medicationCodeableConcept", medication);
            _writer.Reference("subject", _patient);
            _writer.DateTime("authoredOn", _diagnosed.AddDays(_random.Next(20, 600)));
            _writer.Reference("requester", "Practitioner/" + Pick(team.PractitionerIds));
            _writer.ReferenceList("reasonReference", [_condition]);
            _writer.EndEntry();
        }
    }

    private void WriteProcedures(int count)
    {
        for (var i = 0; i < count; i++)
        {
            // The first procedure is the diagnostic one; the others are drawn from the cancer's treatments.
            var procedure = i == 0 ? _cancer.Procedures[0] : Pick(_cancer.Procedures);
            StartEntry("Procedure");
            _writer.Json.WriteString("status", "completed");
            _writer.Concept("code", procedure);
            _writer.Reference("subject", _patient);
            _writer.DateTime("performedDateTime", i == 0 ? _diagnosed.AddDays(-_random.Next(1, 10)) : _diagnosed.AddDays(_random.Next(10, 300)));
            _writer.ReferenceList("reasonReference", [_condition]);
            _writer.EndEntry();
        }
    }

    /// <summary>The referral to a reviewing Organization and the Task that tracks it; returns its requester and date.</summary>
    private (string Requester, DateTime AuthoredOn) WriteReferral()
    {
        var requester = Pick(team.PractitionerIds);
        var reviewer = "Organization/" + Pick(team.ReviewerIds);
        var authoredOn = WindowStart.AddDays(730).AddMinutes(_random.Next(0, 366 * 1440));
        var serviceRequest = StartEntry("ServiceRequest", ReferralSystem, "REF-" + _key);
        var json = _writer.Json;
        json.WriteString("status", "active");
        json.WriteString("intent", "order");
        _writer.Concept("code", OncologyCodes.Referral);
        _writer.Reference("subject", _patient);
        _writer.DateTime("authoredOn", authoredOn);
        _writer.Reference("requester", "Practitioner/" + requester);
        _writer.ReferenceList("performer", [reviewer]);
        _writer.ReferenceList("reasonReference", [_condition]);
        _writer.EndEntry();

        StartEntry("Task");
        json.WriteString("status", Pick(TaskStatuses));
        json.WriteString("intent", "order");
        json.WriteString("priority", Pick(Priorities, 100, p => p.Weight).Priority);
        _writer.Concept("code", new Coded("http://hl7.org/fhir/CodeSystem/task-code", "fulfill", "Fulfill the focal request"));
        _writer.Reference("focus", serviceRequest);
        _writer.Reference("for", _patient);
        _writer.DateTime("authoredOn", authoredOn.AddMinutes(_random.Next(0, 72 * 60)));
        _writer.Reference("requester", "Practitioner/" + requester);
        _writer.Reference("owner", reviewer);
        _writer.EndEntry();
        return (requester, authoredOn);
    }
}
