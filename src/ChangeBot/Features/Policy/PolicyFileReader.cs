using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChangeBot.Features.Policy;

/// <summary>Reads and validates a policy YAML file, reporting every error with its line.</summary>
public static class PolicyFileReader
{
    public const string DefaultFileName = "policy.default.yaml";

    /// <summary>The shipped default, beside the binary whatever the working directory.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, DefaultFileName);

    /// <summary>Loads <paramref name="path"/>, or throws <see cref="PolicyFileException"/> listing every error.</summary>
    public static LoadedPolicy Load(string path)
    {
        var (policy, errors) = Read(path);
        return policy ?? throw new PolicyFileException(errors);
    }

    public static (LoadedPolicy? Policy, IReadOnlyList<PolicyError> Errors) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, [new PolicyError(path, 0, 0, $"The policy file cannot be read: {e.Message}")]);
        }

        return Parse(text, path);
    }

    public static (LoadedPolicy? Policy, IReadOnlyList<PolicyError> Errors) Parse(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            return (null, [new PolicyError(file, (int)e.Start.Line, (int)e.Start.Column, $"This is not valid YAML: {message}")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (null, [new PolicyError(file, 1, 1, "A policy file is a YAML mapping with at least `name`, `windows` and `criticalitySlots`.")]);
        }

        var document = new PolicyDocument(file);
        var policy = document.Read(root);
        return document.Errors.Count == 0 && policy is not null
            ? (new LoadedPolicy(policy, file), [])
            : (null, document.Errors);
    }
}
