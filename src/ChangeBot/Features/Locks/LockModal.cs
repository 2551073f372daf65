using System.Globalization;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Policy;
using ChangeBot.Slack.BlockKit;
using ChangeBot.Slack.Payloads;

namespace ChangeBot.Features.Locks;

/// <summary>
/// The <c>/change pcl add</c> and <c>/change freeze add</c> modal, and reading its submission back into a
/// <see cref="LockDefinition"/> with an inline error per wrong field. Block ids double as action ids.
/// </summary>
public static class LockModal
{
    public const string CallbackId = "lock.add";
    public const string Name = "name";
    public const string Strength = "strength";
    public const string Start = "start";
    public const string End = "end";
    public const string Recurrence = "recurrence";
    public const string TimeZone = "zone";
    public const string Environments = "environments";
    public const string Services = "services";
    public const string Exceptions = "exceptions";
    public const string ExceptionApprover = "approver";

    private static readonly ApproverRole[] Approvers = [ApproverRole.Vpe, ApproverRole.Director, ApproverRole.ReliabilityManager, ApproverRole.Eoc, ApproverRole.Admin];

    public static ModalView Render(LockKind kind)
    {
        var noun = kind == LockKind.Freeze ? "freeze" : "PCL";
        var soft = new OptionObject("Soft: blocks C1/C2, others coordinate with the EOC", "soft");
        var none = new OptionObject("Once", "none");
        var vpe = new OptionObject(ApproverRole.Vpe.Describe(), ApproverRole.Vpe.ToString());
        return new ModalView(CallbackId, $"New {noun}", [
            new InputBlock(Name, "Name", new TextInputElement(Name) { MaxLength = 80, Placeholder = "Black Friday" }),
            new InputBlock(Strength, "Strength", new OptionsElement(Strength, OptionsKind.StaticSelect, [soft, new OptionObject("Hard: blocks every change", "hard")]) { Initial = [soft] }),
            new InputBlock(Start, "Starts", new PickerElement(Start, PickerElement.DateTimePicker)),
            new InputBlock(End, "Ends", new PickerElement(End, PickerElement.DateTimePicker)) { Hint = "For a repeating lock: the end of its first occurrence." },
            new InputBlock(Recurrence, "Repeats", new OptionsElement(Recurrence, OptionsKind.StaticSelect, [none, new OptionObject("Every week", "weekly"), new OptionObject("Every month", "monthly")]) { Initial = [none] }),
            new InputBlock(TimeZone, "Time zone", new TextInputElement(TimeZone) { InitialValue = "UTC", MaxLength = 64 }) { Hint = "An IANA zone such as Europe/Berlin: repeats keep this zone's wall-clock time across DST." },
            new InputBlock(Environments, "Environments", new TextInputElement(Environments) { Placeholder = "production" }) { Optional = true, Hint = "Comma-separated; empty means every environment." },
            new InputBlock(Services, "Services", new TextInputElement(Services) { Placeholder = "checkout, payments" }) { Optional = true, Hint = "Comma-separated; empty means every service." },
            new InputBlock(Exceptions, "Exceptions", new OptionsElement(Exceptions, OptionsKind.MultiStaticSelect, [.. ExceptionCategoryText.Keys.Order(StringComparer.Ordinal).Select(key => new OptionObject(Describe(key), key))])) { Optional = true },
            new InputBlock(ExceptionApprover, "Exceptions approved by", new OptionsElement(ExceptionApprover, OptionsKind.StaticSelect, [.. Approvers.Select(role => new OptionObject(role.Describe(), role.ToString()))]) { Initial = [vpe] }),
        ])
        {
            Submit = "Declare",
            Close = "Cancel",
            PrivateMetadata = kind.ToString(),
        };
    }

    /// <summary>The definition the form describes, or the inline errors keyed by block id.</summary>
    public static (LockDefinition? Definition, IReadOnlyDictionary<string, string> Errors) Read(SlackViewPayload view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var state = view.State;
        string? Text(string block) => state.Get(block, block)?.Value?.Trim() is { Length: > 0 } text ? text : null;
        string? Selected(string block) => state.Get(block, block)?.SelectedOption?.Value;

        var kind = Enum.TryParse<LockKind>(view.PrivateMetadata, out var parsedKind) ? parsedKind : LockKind.Pcl;
        var name = Text(Name);
        if (name is null || ChangeLock.Slug(name).Length == 0)
        {
            errors[Name] = "Give the lock a name with at least one letter or digit.";
        }

        TimeZoneInfo? zone = null;
        var zoneId = Text(TimeZone) ?? "UTC";
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            errors[TimeZone] = $"'{zoneId}' is not a time zone: use an IANA id such as UTC, Europe/Berlin or America/New_York.";
        }

        var start = state.Get(Start, Start)?.DateTime;
        var end = state.Get(End, End)?.DateTime;
        if (start is null)
        {
            errors[Start] = "Pick when the lock starts.";
        }

        if (end is null)
        {
            errors[End] = "Pick when the lock ends.";
        }

        var recurrence = Selected(Recurrence) switch
        {
            "weekly" => LockRecurrence.Weekly,
            "monthly" => LockRecurrence.Monthly,
            _ => LockRecurrence.None,
        };
        if (errors.Count > 0 || zone is null)
        {
            return (null, errors);
        }

        var definition = new LockDefinition
        {
            Name = name!,
            Kind = kind,
            Strength = Selected(Strength) == "hard" ? LockStrength.Hard : LockStrength.Soft,
            Start = TimeZoneInfo.ConvertTime(start!.Value, zone).DateTime,
            End = TimeZoneInfo.ConvertTime(end!.Value, zone).DateTime,
            Recurrence = recurrence,
            TimeZone = zoneId,
            Environments = List(Text(Environments)),
            Services = List(Text(Services)),
            Exceptions = [.. (state.Get(Exceptions, Exceptions)?.SelectedOptions ?? []).Select(option => ExceptionCategoryText.TryParse(option.Value, out var category) ? category : (ExceptionCategory?)null).OfType<ExceptionCategory>()],
            ExceptionApprover = Enum.TryParse<ApproverRole>(Selected(ExceptionApprover), out var approver) ? approver : ApproverRole.Vpe,
        };
        foreach (var (field, message) in definition.Problems())
        {
            errors[field] = message;
        }

        return errors.Count > 0 ? (null, errors) : (definition, errors);
    }

    private static IReadOnlyList<string> List(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static string Describe(string key) =>
        ExceptionCategoryText.TryParse(key, out var category)
            ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(ExceptionCategoryText.Describe(category)[2..])
            : key;
}
