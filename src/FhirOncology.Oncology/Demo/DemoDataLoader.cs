using FhirOncology.Core;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Search;
using FhirOncology.Core.Security;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Transactions;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirOncology.Oncology.Demo;

/// <summary>
/// The demo data of the one-command start (issue #6, "Demo and README"): when <c>Demo:Enabled</c> (default: in
/// Development), start-up creates the demo organisations that are missing and submits each demo referral that is not
/// there yet (found by its referrer identifier), as the referring organisation's client would: one transaction
/// Bundle through the normal path (access rows, validation, hooks). Idempotent; runs after the schema migrations.
/// </summary>
public sealed partial class DemoDataLoader(
    ResourceService resources, SearchService search, BundleService bundles, FhirSerializer serializer,
    IOptions<DemoOptions> options, IOptions<FhirOptions> fhir, IHostEnvironment environment, TimeProvider clock, ILogger<DemoDataLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!(options.Value.Enabled ?? environment.IsDevelopment()))
        {
            return;
        }

        using (CallerContext.Use(Caller.Internal))
        {
            foreach (var organization in DemoOrganizations.All())
            {
                await resources.CreateIfMissingAsync(organization, cancellationToken); // fixed ids, as the dev server seeds them
            }
        }

        var baseUrl = fhir.Value.BaseUrl ?? "http://localhost/fhir";
        var loaded = 0;
        foreach (var referral in DemoReferral.All)
        {
            // A referring organisation's system client, as issued to ehr-north / ehr-south (so the case is theirs).
            var caller = new Caller(referral.ClientId, null, [referral.OrganizationId], [SmartScope.TryParse("system/*.cruds")!], null);
            using (CallerContext.Use(caller))
            {
                var existing = await search.SearchAsync("ServiceRequest", [new("identifier", referral.ReferralIdentifier)], strict: true, baseUrl, cancellationToken);
                if (existing.Entry.Any(e => e.Search?.Mode == Bundle.SearchEntryMode.Match))
                {
                    continue;
                }

                await using var json = referral.Open();
                using var buffer = new MemoryStream();
                await json.CopyToAsync(buffer, cancellationToken);
                var bundle = (Bundle)serializer.Parse(buffer.ToArray(), FhirFormat.Json);
                DemoDates.RefreshLaboratoryResults(bundle, clock.GetUtcNow());
                await bundles.ProcessAsync(bundle, baseUrl, representation: false, cancellationToken);
                loaded++;
            }
        }

        LogLoaded(loaded, DemoReferral.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: loaded {Loaded} of {Total} demo referrals (the others were there already)")]
    private partial void LogLoaded(int loaded, int total);
}
