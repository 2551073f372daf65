using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChangeBot.Testing.Monitoring;

/// <summary>
/// A server on 127.0.0.1 that accepts every request and never answers until disposed: a monitoring server that hangs,
/// to prove the client's timeout and its reason.
/// </summary>
public sealed class SilentServer : IAsyncDisposable
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    private SilentServer()
    {
    }

    public Uri Url { get; private set; } = null!;

    public static async Task<SilentServer> StartAsync()
    {
        var server = new SilentServer();
        (server._app, server.Url) = await LoopbackApp.StartAsync(app => app.Run(async context =>
        {
            await server._released.Task.WaitAsync(context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
