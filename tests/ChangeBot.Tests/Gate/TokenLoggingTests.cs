using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace ChangeBot.Tests.Gate;

public class TokenLoggingTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Gate_AcceptedAndRefusedTokens_NeverAppearInTheLogsEvenAtTrace()
    {
        var lines = new ConcurrentQueue<string>();
        using var app = GateFactory.Create(factory).WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(new CapturingProvider(lines));
        }));
        using var good = GateFactory.Client(app);
        using var bad = GateFactory.Client(app, "refused-token-0123456789abcdef");

        using var accepted = await good.GetAsync(new Uri("/api/v1/gate?criticality=C3", UriKind.Relative));
        using var refused = await bad.GetAsync(new Uri("/api/v1/gate?criticality=C3", UriKind.Relative));

        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Contains(GateFactory.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("refused-token-0123456789abcdef", StringComparison.Ordinal));
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capturing(lines);

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + exception);
        }
    }
}
