namespace ChangeBot.Features.Policy;

/// <summary>The <c>ChangeBot</c> section's policy key.</summary>
public sealed class PolicyOptions
{
    public const string Section = "ChangeBot";

    /// <summary>Path to the policy YAML; unset means the shipped <c>policy.default.yaml</c> beside the binary.</summary>
    public string? PolicyFile { get; set; }

    public string ResolvedPath => string.IsNullOrWhiteSpace(PolicyFile)
        ? PolicyFileReader.DefaultPath
        : Path.GetFullPath(PolicyFile);
}
