using System.Collections.Concurrent;
using System.Diagnostics;
using ChangeBot.Testing.Monitoring;

namespace ChangeBot.Tests.Operations;

/// <summary>
/// The built bot as its own process (<c>dotnet changebot.dll</c>), as an operator runs it: environment variables for
/// configuration, Production unless told otherwise, on 127.0.0.1 and a free port; stdout and stderr collected line by
/// line. Disposing kills it.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private AppProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _stdout.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _stderr.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<string> Stdout => [.. _stdout];

    public IReadOnlyList<string> Stderr => [.. _stderr];

    public static AppProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new AppProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Waits (bounded) for the process to end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(bound.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits (bounded) until <c>/healthz</c> answers.</summary>
    public async Task WaitUntilLiveAsync(HttpClient client) =>
        await Eventually.UntilAsync(
            async () =>
            {
                try
                {
                    using var response = await client.GetAsync(new Uri(BaseUrl, "healthz"));
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            live => live || _process.HasExited,
            "the bot to answer /healthz");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }
}
