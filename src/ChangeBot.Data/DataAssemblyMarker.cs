namespace ChangeBot.Data;

/// <summary>Names this assembly for DI scanning and architecture tests.</summary>
public sealed class DataAssemblyMarker
{
    private DataAssemblyMarker()
    {
    }
}
