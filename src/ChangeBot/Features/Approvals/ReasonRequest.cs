namespace ChangeBot.Features.Approvals;

/// <summary>What the reason modal is for: reject or veto, which CR, the revision the button was rendered for.</summary>
public sealed record ReasonRequest(string Action, string ChangeId, int Revision)
{
    public const string Reject = "reject";
    public const string Veto = "veto";

    public bool IsVeto => Action == Veto;
}
