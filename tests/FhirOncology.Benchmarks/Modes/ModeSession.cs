using System.Runtime.InteropServices;
using FhirOncology.Benchmarks.Auth;
using FhirOncology.Benchmarks.Http;
using FhirOncology.Benchmarks.Reporting;
using FhirOncology.Benchmarks.Resources;

namespace FhirOncology.Benchmarks.Modes;

/// <summary>
/// What the generate and search-bench modes share: the machine facts printed first, the one HttpClient, proof that the
/// server is up, and a token cancelled by Ctrl+C or SIGTERM. SIGTERM matters because a long load is usually run under
/// <c>timeout</c> or nohup: handling it lets the mode stop sending and still print what it measured.
/// </summary>
internal sealed class ModeSession : IDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _interrupt = new();
    private readonly PosixSignalRegistration _terminate;
    private readonly IAccessTokenSource? _tokens;

    private ModeSession(HttpClient http, MachineFacts machine, IAccessTokenSource? tokens)
    {
        Http = http;
        _tokens = tokens;
        Machine = machine;
        Console.CancelKeyPress += OnCancelKeyPress;
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            _interrupt.Cancel();
        });
    }

    public HttpClient Http { get; }

    public MachineFacts Machine { get; }

    public string Server { get; private set; } = "";

    public CancellationToken Interrupted => _interrupt.Token;

    /// <summary>
    /// Prints the machine, gets the first access token, connects and asks the server who it is; null (after saying
    /// why) when there is no token or the server does not answer.
    /// </summary>
    public static async Task<ModeSession?> OpenAsync(string baseUrl, int connections, TimeSpan requestTimeout, TokenOptions auth)
    {
        var machine = MachineFacts.Capture();
        machine.Print(Console.Out);
        if (!AccessTokenSources.TryCreate(auth, baseUrl, out var tokens))
        {
            return null;
        }

        var http = FhirHttpClient.Create(baseUrl, connections, tokens);
        http.Timeout = requestTimeout;
        var session = new ModeSession(http, machine, tokens);
        try
        {
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(session.Interrupted);
            probe.CancelAfter(ProbeTimeout);
            if (!await AccessTokenSources.CheckAsync(tokens, probe.Token))
            {
                session.Dispose();
                return null;
            }

            // ResourceBodies is only needed by the default mode's create requests; this call sends none.
            session.Server = await new FhirApi(http, new ResourceBodies("unused")).DescribeServerAsync(probe.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            Console.Error.WriteLine($"The server is not reachable at {baseUrl}/metadata: {exception.Message}");
            Console.Error.WriteLine("Start it first (tests/FhirOncology.Benchmarks/README.md) or pass --base-url.");
            session.Dispose();
            return null;
        }

        Console.WriteLine($"server:     {session.Server} at {baseUrl}");
        Console.WriteLine();
        return session;
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate.Dispose();
        Http.Dispose();
        _tokens?.Dispose();
        _interrupt.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        // Stop the clients and still exit through the mode, so what was measured is reported.
        e.Cancel = true;
        _interrupt.Cancel();
    }
}
