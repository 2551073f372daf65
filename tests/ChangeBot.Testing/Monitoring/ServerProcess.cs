using System.Diagnostics;
using System.Text;

namespace ChangeBot.Testing.Monitoring;

/// <summary>
/// A monitoring server run as a child process on 127.0.0.1: started with its arguments, ready when its
/// <c>/-/ready</c> answers 200, killed on stop, on dispose, and when the test process exits.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly string _name;
    private readonly string _binary;
    private readonly IReadOnlyList<string> _arguments;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public ServerProcess(string name, string binary, IReadOnlyList<string> arguments, Uri url)
    {
        _name = name;
        _binary = binary;
        _arguments = arguments;
        Url = url;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    public Uri Url { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the server printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(_binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{_name} ({_binary}) did not start.");
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.UntilAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"{_name} exited with code {_process.ExitCode} while starting:\n{Output}");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri(Url, "-/ready"));
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
                catch (TaskCanceledException)
                {
                    return false;
                }
            },
            ready => ready,
            $"{_name} to answer {Url}-/ready");
    }

    public void Stop() => Kill();

    public void Dispose() => Kill();

    private void Kill()
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        _process = null;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
