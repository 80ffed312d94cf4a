namespace Programmes.ServiceDefaults.OpenApi;

/// <summary>
/// Marks a request property the validator lets a client leave out. Positional records make every
/// constructor parameter "required" in the generated schema; the schema transformer removes these, so
/// the document says what the validator enforces. Put it on the property: <c>[property: NotRequired]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NotRequiredAttribute : Attribute;

/// <summary>
/// Marks a text property that holds the name of an enum's member (read as text so that the validator reports a
/// wrong one with the other fields): the document lists the enum's names and their descriptions.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EnumOfAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;
}

/// <summary>Endpoint metadata: the operation reads an <c>Idempotency-Key</c> header (required or optional).</summary>
public sealed record IdempotencyKeyHeader(bool Required)
{
    public const string Name = "Idempotency-Key";
}
