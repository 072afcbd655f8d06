using System.Net;
using FhirOncology.Core.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace FhirOncology.Core.Subscriptions;

/// <summary>R4 rest-hook Subscriptions: the write hook that matches and queues, and the service that delivers.</summary>
internal static class SubscriptionRegistration
{
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddOptions<SubscriptionOptions>().BindConfiguration(SubscriptionOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.AllowedEndpointPrefixes.All(EndpointPolicy.IsValidPrefix),
                "Subscriptions:AllowedEndpointPrefixes must be absolute http(s) URLs without user information.")
            .Validate(o => o.BaseRetryDelayMilliseconds <= o.MaxRetryDelayMilliseconds,
                "Subscriptions:BaseRetryDelayMilliseconds must not exceed Subscriptions:MaxRetryDelayMilliseconds.")
            .ValidateOnStart();
        services.AddSingleton<SubscriptionCriteria>();
        services.AddSingleton<EndpointPolicy>();
        services.AddSingleton<SubscriptionRules>();
        services.AddSingleton<SubscriptionCache>();
        services.AddSingleton<SubscriptionExpiry>();
        services.AddSingleton<NotificationSequence>();
        services.AddSingleton<IWriteHook, SubscriptionWriteHook>();
        services.AddSingleton<SubscriptionStatusWriter>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<NotificationDelivery>();
        services.AddHostedService<SubscriptionDeliveryService>();
        services.AddHttpClient(NotificationSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan) // NotificationSender times each request
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
            .RemoveAllLoggers(); // the client's default logs carry the full request URL
        return services;
    }
}
