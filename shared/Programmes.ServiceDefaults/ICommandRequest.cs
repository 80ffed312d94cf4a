using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Programmes.ServiceDefaults;

/// <summary>
/// A request body as a client sends it (every field nullable, so a missing field is reported rather than
/// refused by the serializer) that validates into the command its handler runs, whose required fields are non-nullable.
/// </summary>
public interface ICommandRequest<TCommand>
    where TCommand : class
{
    /// <summary>The command when every field is valid; else the problem listing every invalid field.</summary>
    bool TryValidate([NotNullWhen(true)] out TCommand? command, [NotNullWhen(false)] out ValidationProblem? problem);
}
