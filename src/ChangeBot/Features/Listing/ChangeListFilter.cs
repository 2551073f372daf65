namespace ChangeBot.Features.Listing;

/// <summary>What <c>/change list</c> shows: every open change, mine, those waiting for approval, scheduled ones, or today's.</summary>
public enum ChangeListFilter
{
    Open = 0,
    Mine = 1,
    Pending = 2,
    Scheduled = 3,
    Today = 4,
}
