using FhirOncology.Api.Audit;
using FhirOncology.Api.Endpoints;
using FhirOncology.Api.Errors;
using FhirOncology.Api.Hardening;
using FhirOncology.Api.Health;
using FhirOncology.Api.Indexing;
using FhirOncology.Api.Profiles;
using FhirOncology.Api.Security;
using FhirOncology.Api.Security.DevServer;
using FhirOncology.Core;
using FhirOncology.Oncology;
using FhirOncology.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddFhirCore().AddFhirStorage().AddOncology();
builder.Services.AddFhirSecurity();
builder.Services.AddDevAuthorizationServer();
builder.Services.AddFhirHardening();
builder.Logging.AddPhiSafeFilters();
builder.Services.AddFhirAudit();
builder.Services.AddFhirHealthChecks();
builder.Services.AddFhirReindexing();
builder.Services.AddHostedService<ValidatorWarmup>();
builder.Services.AddExceptionHandler<FhirExceptionHandler>();
builder.Services.AddRouting(routing => routing.ConstraintMap["fhiroperation"] = typeof(FhirOperationRouteConstraint));
builder.Services.AddProblemDetails();
builder.WebHost.ConfigureKestrel((context, kestrel) =>
    // Backstop only: RequestBody enforces Fhir:MaxRequestBodyBytes with an OperationOutcome first.
    kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue<long?>("Fhir:MaxRequestBodyBytes") is { } limit ? limit + 1 : null);

var app = builder.Build();

app.UseFhirAudit();
app.UseFhirHardening();
app.UseExceptionHandler();
app.UseFhirStatusCodeOutcomes();
app.UseAuthentication();
app.UseFhirRateLimiting();
app.UseAuthorization();
app.UseMiddleware<CallerMiddleware>();
app.MapFhirHealthChecks();
app.MapSmartDiscovery();
if (app.IsDevAuthorizationServerEnabled())
{
    app.MapDevAuthorizationServer();
}

app.MapFhirApi();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
