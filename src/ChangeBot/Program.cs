using ChangeBot.Cli;
using ChangeBot.Data;
using ChangeBot.Features.Admission;
using ChangeBot.Features.Api;
using ChangeBot.Features.Approvals;
using ChangeBot.Features.Calendar;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Commands;
using ChangeBot.Features.Deliveries;
using ChangeBot.Features.Execution;
using ChangeBot.Features.Gate;
using ChangeBot.Features.Handoff;
using ChangeBot.Features.Home;
using ChangeBot.Features.Incidents;
using ChangeBot.Features.Intake;
using ChangeBot.Features.Listing;
using ChangeBot.Features.Locks;
using ChangeBot.Features.Monitoring;
using ChangeBot.Features.Operations;
using ChangeBot.Features.Outbox;
using ChangeBot.Features.Policy;
using ChangeBot.Features.Scheduling;
using ChangeBot.Slack.Hosting;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddOperations();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddChangePolicy(builder.Configuration).AddChangeAdmission().AddApiAuthentication();
builder.Services.AddMonitoring();
builder.Services.AddSlack(builder.Configuration).AddChangeCommands().AddHomeTab();
builder.Services.AddChangeBotData(builder.Configuration).AddDeliveryClaims();
builder.Services.AddOutboxDelivery();
builder.Services.AddChangeWorkflowCore().AddIntake().AddApprovals();
builder.Services.AddChangeExecution().AddHandoffNotes().AddChangeListing();
builder.Services.AddIncidents();
builder.Services.AddChangeScheduling(builder.Configuration).AddCalendarFeed().AddChangeLocks();

var app = builder.Build();
if (app.Services.RefuseInvalidConfiguration(Console.Error) is var refused and not 0)
{
    return refused;
}

app.MapOperations();
app.MapGate();
app.MapSlack();
app.MapChanges();
app.MapIncidents();
app.MapCalendarFeed();

if (!await app.RunRefusingInvalidOptionsAsync(Console.Error))
{
    return 3;
}

return 0;

/// <summary>The entry point, public so end-to-end tests can start the host with WebApplicationFactory.</summary>
public partial class Program;
