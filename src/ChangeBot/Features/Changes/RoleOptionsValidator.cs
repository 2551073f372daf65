using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Changes;

/// <summary>Names every malformed user or user group id in <c>ChangeBot:Roles</c> at start-up.</summary>
internal sealed class RoleOptionsValidator : IValidateOptions<RoleOptions>
{
    public ValidateOptionsResult Validate(string? name, RoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
