using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.OwnProfiles;

/// <summary>The referral ServiceRequest profile (referral-servicerequest).</summary>
public sealed class ReferralServiceRequestTests(OwnProfilesFixture fixture)
{
    [Fact]
    public void Example_OnItsOwn_Valid()
    {
        fixture.Validate(Examples.ServiceRequest()).HasNoErrors();
    }

    [Fact]
    public void Intent_NotOrder_ErrorAtIntent()
    {
        var request = Examples.ServiceRequest();
        request["intent"] = "plan";
        fixture.Validate(request).HasError("ServiceRequest.intent", "order");
    }

    [Fact]
    public void Code_NotAReviewType_ErrorAtCode()
    {
        var request = Examples.ServiceRequest();
        request["code"]!["coding"]![0]!["code"] = "second-look";
        fixture.Validate(request).HasError("ServiceRequest.code", "review-type");
    }

    [Fact]
    public void Identifier_Missing_ErrorAtServiceRequest()
    {
        var request = Examples.ServiceRequest();
        request.Remove("identifier");
        fixture.Validate(request).HasError("ServiceRequest", "identifier: at least 1 required, found 0");
    }

    [Fact]
    public void Identifier_WithoutSystem_ErrorAtIdentifier()
    {
        var request = Examples.ServiceRequest();
        request["identifier"]![0]!.AsObject().Remove("system");
        fixture.Validate(request).HasError("ServiceRequest.identifier[0]", "system: at least 1 required, found 0");
    }

    [Fact]
    public void ClinicalQuestion_Missing_ErrorAtServiceRequest()
    {
        var request = Examples.ServiceRequest();
        request.Remove("extension");
        fixture.Validate(request).HasError("ServiceRequest", "extension:clinicalQuestion: at least 1 required, found 0");
    }

    [Fact]
    public void ClinicalQuestion_NotAString_ErrorAtExtension()
    {
        var request = Examples.ServiceRequest();
        var question = request["extension"]![0]!.AsObject();
        question.Remove("valueString");
        question["valueBoolean"] = true;
        fixture.Validate(request).HasError("ServiceRequest.extension[0]", "valueBoolean");
    }

    [Fact]
    public void Subject_AGroup_ErrorAtSubject()
    {
        var request = Examples.ServiceRequest();
        request["subject"] = new JsonObject { ["reference"] = "Group/tumour-board" };
        fixture.Validate(request).HasError("ServiceRequest.subject", "only Patient may be referenced");
    }

    [Fact]
    public void ReasonReference_InBundle_ToAnObservation_ErrorAtReasonReference()
    {
        var bundle = Examples.ReferralBundle();
        var index = Examples.EntryIndex(bundle, "ServiceRequest");
        var stage = bundle["entry"]!.AsArray().First(e => (string?)e!["resource"]!["resourceType"] == "Observation")!["fullUrl"]!.GetValue<string>();
        bundle["entry"]![index]!["resource"]!["reasonReference"]![0]!["reference"] = stage;
        fixture.Validate(bundle).HasError($"Bundle.entry[{index}].resource.reasonReference[0]", "only Condition may be referenced");
    }

    [Fact]
    public void ReasonReference_InBundle_ToAConditionThatIsNoPrimaryCancer_ErrorAtReasonReference()
    {
        var bundle = Examples.ReferralBundle();
        var condition = bundle["entry"]![Examples.EntryIndex(bundle, "Condition")]!["resource"]!.AsObject();
        condition.Remove("meta");
        condition.Remove("category"); // mCODE (US Core) requires a category; the core Condition does not
        var index = Examples.EntryIndex(bundle, "ServiceRequest");
        fixture.Validate(bundle).HasError($"Bundle.entry[{index}].resource.reasonReference[0]", "conforms to none of");
    }
}
