using Xunit;

namespace Programmes.Console.Tests;

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleSystem>
{
    public const string Name = "console";
}
