namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// Where the development server lives: its endpoints hang under the issuer URL (by default
/// <c>http://localhost:8080/auth</c>), as <see cref="SmartEndpoints"/> advertises them.
/// </summary>
internal static class DevServerUrls
{
    /// <summary>The issuer URL without a trailing slash, to append endpoint paths to.</summary>
    public static string Root(DevServerOptions options) => options.Issuer.TrimEnd('/');

    /// <summary>SMART backend-services.html: a client assertion's <c>aud</c> is this URL.</summary>
    public static string TokenEndpoint(DevServerOptions options) => Root(options) + "/token";

    /// <summary>The local path the endpoints are mapped at: the issuer URL's path (<c>/auth</c>).</summary>
    public static string BasePath(DevServerOptions options) => new Uri(options.Issuer, UriKind.Absolute).AbsolutePath.TrimEnd('/');
}
