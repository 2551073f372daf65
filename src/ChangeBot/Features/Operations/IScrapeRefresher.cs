namespace ChangeBot.Features.Operations;

/// <summary>
/// A source of observable gauges whose values come from somewhere slow (the database): <see cref="PrometheusMeterBridge"/>
/// awaits <see cref="RefreshAsync"/> before each scrape reads the gauges, so the callbacks themselves stay synchronous
/// and cheap. Register it as a singleton <c>IScrapeRefresher</c>.
/// </summary>
public interface IScrapeRefresher
{
    Task RefreshAsync(CancellationToken cancellationToken);
}
