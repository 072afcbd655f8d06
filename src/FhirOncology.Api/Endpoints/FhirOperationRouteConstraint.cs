namespace FhirOncology.Api.Endpoints;

/// <summary>Route constraint <c>fhiroperation</c>: a path segment naming an operation, i.e. starting with '$'.</summary>
internal sealed class FhirOperationRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string segment && segment.Length > 1 && segment[0] == '$';
}
