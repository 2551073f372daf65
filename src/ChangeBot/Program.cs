using ChangeBot.Cli;
using ChangeBot.Features.Commands;
using ChangeBot.Features.Home;
using ChangeBot.Slack.Hosting;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSlack(builder.Configuration).AddChangeCommands().AddHomeTab();

var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
app.MapSlack();

await app.RunAsync();
return 0;

/// <summary>The entry point, public so end-to-end tests can start the host with WebApplicationFactory.</summary>
public partial class Program;
