using System.ComponentModel;
using System.Globalization;

namespace ChangeBot.Data;

/// <summary>
/// Binds <c>Storage:Provider</c> leniently: a name that is no provider becomes an undefined value that
/// <see cref="StorageOptions"/>' <c>[EnumDataType]</c> reports with every other invalid setting, instead of the
/// configuration binder throwing (with a stack trace) before any validation runs.
/// </summary>
internal sealed class StorageProviderConverter() : EnumConverter(typeof(StorageProvider))
{
    internal const StorageProvider Unknown = 0;

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text && !(Enum.TryParse<StorageProvider>(text, ignoreCase: true, out var provider) && Enum.IsDefined(provider))
            ? Unknown
            : base.ConvertFrom(context, culture, value);
}
