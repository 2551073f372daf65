namespace ChangeBot.Features.Policy;

/// <summary>One problem in a policy file: where (file, line, column) and a sentence saying what to write instead.</summary>
public sealed record PolicyError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
