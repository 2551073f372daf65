using ChangeBot.Domain;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Data.Changes;

/// <summary>No change request has this id.</summary>
public sealed class ChangeRequestNotFoundException : DomainException
{
    public ChangeRequestNotFoundException(ChangeId id)
        : base($"There is no change request {id}.")
    {
        ChangeId = id;
    }

    public ChangeRequestNotFoundException()
    {
    }

    public ChangeRequestNotFoundException(string message)
        : base(message)
    {
    }

    public ChangeRequestNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChangeId? ChangeId { get; }
}
