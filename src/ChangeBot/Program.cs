using ChangeBot.Cli;
using ChangeBot.Data;
using ChangeBot.Features.Admission;
using ChangeBot.Features.Api;
using ChangeBot.Features.Approvals;
using ChangeBot.Features.Calendar;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Commands;
using ChangeBot.Features.Gate;
using ChangeBot.Features.Home;
using ChangeBot.Features.Intake;
using ChangeBot.Features.Locks;
using ChangeBot.Features.Monitoring;
using ChangeBot.Features.Outbox;
using ChangeBot.Features.Policy;
using ChangeBot.Features.Scheduling;
using ChangeBot.Slack.Hosting;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddChangePolicy(builder.Configuration).AddChangeAdmission().AddApiAuthentication();
builder.Services.AddMonitoring();
builder.Services.AddSlack(builder.Configuration).AddChangeCommands().AddHomeTab();
builder.Services.AddChangeBotData(builder.Configuration);
builder.Services.AddOutboxDelivery();
builder.Services.AddChangeWorkflowCore().AddIntake().AddApprovals();
builder.Services.AddChangeScheduling(builder.Configuration).AddCalendarFeed().AddChangeLocks();

var app = builder.Build();
if (!app.Services.RefuseInvalidPolicy(Console.Error))
{
    return 2;
}

app.MapGet("/healthz", () => Results.Text("ok"));
app.MapGate();
app.MapSlack();
app.MapChanges();
app.MapCalendarFeed();

await app.RunAsync();
return 0;

/// <summary>The entry point, public so end-to-end tests can start the host with WebApplicationFactory.</summary>
public partial class Program;
