using System.Collections.Frozen;
using FhirOncology.Core.Errors;

namespace FhirOncology.Core.Subscriptions;

/// <summary>
/// Subscription.channel.header (R4): "Additional headers / information to send as part of the notification … for
/// example, support of multiple headers in the outgoing notifications for rest-hook type subscriptions". Each is
/// an HTTP header line <c>Name: value</c>; the headers that frame the HTTP message itself are the server's.
/// </summary>
public static class ChannelHeaders
{
    private const string Expression = "Subscription.channel.header";

    private static readonly FrozenSet<string> Reserved = FrozenSet.ToFrozenSet(
        ["Host", "Content-Type", "Content-Length", "Content-Encoding", "Transfer-Encoding", "Connection", "Keep-Alive",
         "Upgrade", "Expect", "TE", "Trailer", "Proxy-Authorization", "Proxy-Connection"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The headers as name/value pairs, or a 400 naming the first malformed or reserved one.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(IEnumerable<string?> lines)
    {
        var headers = new List<KeyValuePair<string, string>>();
        var index = 0;
        foreach (var line in lines)
        {
            var colon = line?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            var name = colon > 0 ? line![..colon].Trim() : "";
            var value = colon > 0 ? line![(colon + 1)..].Trim() : "";
            if (name.Length == 0 || !name.All(IsTokenChar) || value.Any(c => c is '\r' or '\n' or '\0'))
            {
                throw FhirException.BadRequest($"channel.header[{index}] must be an HTTP header line 'Name: value'.", $"{Expression}[{index}]");
            }

            if (Reserved.Contains(name))
            {
                throw FhirException.BadRequest($"channel.header[{index}] sets {name}, which the server sets itself.", $"{Expression}[{index}]");
            }

            headers.Add(new(name, value));
            index++;
        }

        return headers;
    }

    // RFC 9110 §5.6.2: token = 1*tchar
    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
